"""One writer at a time per kb folder: an OS file lock (`fcntl.flock`) held while a kb folder
changes. The lock file lies beside the folder (`.<name>.lock`), not inside it, because an import
swaps the whole folder by renaming it: a lock inside would move away with the old folder and a
second writer would lock a different file. The OS drops the lock when its holder dies, even by
`kill -9`, so a crashed import never blocks the next one."""

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from netvet.errors import KnowledgeBaseError

DEFAULT_TIMEOUT = 600.0  # seconds: longer than a full import of the real CSL or IEEE files takes
POLL = 0.05


def lock_path(kb_dir: Path) -> Path:
    """The lock file of a kb folder: beside it, so it survives the folder's swap."""
    return kb_dir.parent / f".{kb_dir.name}.lock"


@contextmanager
def kb_lock(kb_dir: Path, timeout: float = DEFAULT_TIMEOUT) -> Iterator[Path]:
    """Hold the kb folder's lock; wait up to `timeout` seconds, then fail naming the lock file."""
    path = lock_path(kb_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        wait_for(fd, path, timeout)
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            yield path
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def wait_for(fd: int, path: Path, timeout: float) -> None:
    """Take the lock, polling until the deadline; a KnowledgeBaseError when it passes."""
    deadline = time.monotonic() + max(timeout, 0.0)
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise KnowledgeBaseError(
                    f"{path}: another netvet process is changing this kb folder (pid {holder(path)}); "
                    f"gave up after {timeout:g} s (--lock-timeout); nothing was changed"
                ) from None
            time.sleep(POLL)


def holder(path: Path) -> str:
    """The pid the lock's holder wrote, or '?'."""
    try:
        return path.read_text(encoding="ascii").strip() or "?"
    except (OSError, UnicodeDecodeError):
        return "?"
