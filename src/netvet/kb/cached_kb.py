"""The kb as read back from its cache entry: each part unpickled on first use.

`netvet match` reads the names, lists and ownership graph; a scan of a few hundred rows reads
most parts, but a part it never touches (the SNMP enterprise numbers for an inventory without
SNMP, say) costs nothing. Each part carries its own checksum (CRC-32, over its arrays too),
checked when it is read; a damaged part is taken from the data files instead (never from the
damaged bytes) and the entry removed, so the next run writes it again."""

import contextlib
import pickle
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from netvet.kb.knowledge import KnowledgeBase

# Every field of the kb but these two is a part of its own.
PLAIN = ("directory", "manifest_sha256")
PARTS = tuple(f.name for f in fields(KnowledgeBase) if f.name not in PLAIN)


@dataclass(frozen=True, slots=True)
class Part:
    """Where one part's pickle and its out-of-band array buffers sit in the entry."""

    offset: int
    length: int
    digest: bytes
    buffers: tuple[tuple[int, int], ...]


class Entry:
    """An open cache entry: the mapped file, its part table, and the parts read so far."""

    __slots__ = ("directory", "load", "parts", "path", "read", "view")

    def __init__(
        self,
        view: memoryview,
        parts: dict[str, Part],
        path: Path,
        load: Callable[[Path], KnowledgeBase],
        directory: Path,
    ) -> None:
        self.view, self.parts, self.path, self.load, self.directory = view, parts, path, load, directory
        self.read: dict[str, Any] = {}

    def part(self, name: str) -> Any:
        """One part, unpickled on first use (from the data files when its bytes are damaged)."""
        if name not in self.read:
            found = unpickle_part(self.view, self.parts[name])
            if found is DAMAGED:
                with contextlib.suppress(OSError):
                    self.path.unlink()
                found = getattr(self.load(self.directory), name)
            self.read.setdefault(name, found)
        return self.read[name]


DAMAGED = object()


def checksum(data: memoryview | bytes, buffers: Sequence[memoryview]) -> bytes:
    """A part's CRC-32, over its pickle and its out-of-band arrays. The check is against damage
    (a bad sector, a file cut or overwritten in place), which CRC-32 catches as well as any hash
    and at twice SHA-256's speed here (the text part is 24 MB, read by every scan); a hash would
    buy nothing against tampering either, since whoever can write the entry can write its table."""
    crc = zlib.crc32(data)
    for buffer in buffers:
        crc = zlib.crc32(buffer, crc)
    return crc.to_bytes(4, "little")


def unpickle_part(view: memoryview, part: Part) -> Any:
    """The part's object, or DAMAGED when its bytes do not match the checksum."""
    data = view[part.offset : part.offset + part.length]
    buffers = [view[start : start + size] for start, size in part.buffers]
    if checksum(data, buffers) != part.digest:
        return DAMAGED
    try:
        return without_gc(lambda: pickle.loads(data, buffers=buffers))
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
        return DAMAGED


def without_gc(call: Callable[[], Any]) -> Any:
    """Call with the cyclic collector paused: unpickling thousands of objects would otherwise set
    off collections that walk the growing heap again and again."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return call()
    finally:
        if enabled:
            gc.enable()


class CachedKnowledgeBase(KnowledgeBase):
    """A KnowledgeBase whose parts come from a cache entry when first read. Parts given to
    `with_parts` (or to the constructor, as `dataclasses.replace` does) replace the entry's."""

    __slots__ = ("_entry", "_given")
    _entry: Entry | None
    _given: dict[str, Any]

    def __init__(self, entry: Entry | None = None, **given: Any) -> None:
        object.__setattr__(self, "_entry", entry)
        object.__setattr__(self, "_given", given)

    def part(self, name: str) -> Any:
        """A part: given, else from the entry."""
        if name in self._given:
            return self._given[name]
        if self._entry is None:
            raise AttributeError(name)
        return self._entry.part(name)

    def part_spans(self, name: str) -> tuple[tuple[int, int], ...]:
        """Where a part's out-of-band arrays sit in the entry file (offset, size)."""
        return () if self._entry is None else self._entry.parts[name].buffers

    def read_parts(self) -> list[str]:
        """The parts unpickled so far (given parts aside)."""
        return [] if self._entry is None else list(self._entry.read)

    def with_parts(self, **parts: Any) -> KnowledgeBase:
        """The same kb with some parts replaced; the others stay unread."""
        return CachedKnowledgeBase(self._entry, **{**self._given, **parts})

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (for Spark's broadcast, say) as a plain kb with every part read."""
        return (KnowledgeBase, tuple(getattr(self, f.name) for f in fields(KnowledgeBase)))


def part_property(name: str) -> property:
    """The attribute of one kb field, read through CachedKnowledgeBase.part."""
    return property(lambda self: self.part(name), doc=f"The kb's {name}, read on first use.")


for _name in (*PLAIN, *PARTS):
    setattr(CachedKnowledgeBase, _name, part_property(_name))
