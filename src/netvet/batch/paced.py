"""A file read no further ahead of its consumer than a budget, so memory stays bounded.

Arrow's streaming CSV reader reads blocks on a background thread as fast as the disk gives them,
whatever the consumer does: while the engine works on its first batches (their answers are being
computed) the reader would hold most of a large file in memory. Reading through a PacedFile, the
reader waits once it is `ahead` bytes past what the consumer has used. Should the reader need a
block past the budget to finish the batch the consumer waits for, it gets it after NUDGE seconds;
closing the file ends every wait, so the two never wait for each other for long."""

import hashlib
import io
import threading
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

NUDGE = 2.0
T = TypeVar("T")


class PacedFile(io.RawIOBase):
    """A binary file whose reads wait while they are `ahead` bytes past the consumed ones."""

    def __init__(self, path: Path, ahead: int) -> None:
        super().__init__()
        self.raw = path.open("rb")
        self.allowed = ahead
        self.position = 0
        self.waiting = True  # the consumer waits for its first batch
        self.done = False
        self.nudges = 0
        self.digest = hashlib.sha256()  # of the bytes read so far: the input's hash, read once
        self.turn = threading.Condition()  # guards the budget; held only to check and move it
        self.reading = threading.Lock()  # guards the file and the digest while a block is read

    def readable(self) -> bool:
        """A PacedFile is read, never written."""
        return True

    def readinto(self, buffer: "WriteableBuffer") -> int:
        """Read once within budget; past it, wait while the consumer works on a batch, and at most
        NUDGE seconds while it waits for one. A closed file reads as its end. The block is read
        and hashed outside the budget's lock, so a consumer asking for its next batch never
        waits behind a disk read."""
        with self.turn:
            while self.position >= self.allowed and not self.done:
                if not self.turn.wait(NUDGE) and self.waiting:
                    self.nudges += 1
                    break
            if self.done:
                return 0
        with self.reading:
            if self.raw.closed:
                return 0
            count = self.raw.readinto(buffer) or 0
            self.digest.update(memoryview(buffer)[:count])
        with self.turn:
            self.position += count
        return count

    def sha256(self) -> str | None:
        """Hex sha256 of the whole file once it has been read to its end, else None."""
        with self.reading:
            at = self.raw.tell()
            done = at == self.raw.seek(0, io.SEEK_END)
            self.raw.seek(at)
            return self.digest.hexdigest() if done else None

    def paced(self, batches: Iterator[T], size: int) -> Generator[T, None, None]:
        """The batches; asking for the next one lets the reader go `size` bytes further."""
        while True:
            self.wait_for_batch(True)
            try:
                batch = next(batches, None)
            finally:
                self.wait_for_batch(False)
            if batch is None:
                return
            yield batch
            with self.turn:
                self.allowed += size

    def wait_for_batch(self, waiting: bool) -> None:
        """Note whether the consumer waits for the reader, and wake the reader."""
        with self.turn:
            self.waiting = waiting
            self.turn.notify_all()

    def close(self) -> None:
        """End every wait and close the file underneath."""
        with self.turn:
            self.done = True
            self.turn.notify_all()
        with self.reading:
            self.raw.close()
        super().close()
