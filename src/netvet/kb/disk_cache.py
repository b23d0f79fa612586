"""The loaded kb kept on disk, so a command starts working in a fraction of a second instead of
re-reading, re-parsing and re-indexing every data file (seconds) on each run.

One file per kb: `kb-<key>.pickle` under the cache folder. The key hashes the manifest, the size
and modification time of every data file and of every netvet module, and the Python and numpy
versions, so an edited, rebuilt or upgraded kb (or changed code) never meets an old entry.
The file holds a header (magic, key, sha256 of the payload), the pickle, and the numpy arrays
out of band (the IEEE dense tables are ~100 MB); the arrays are memory-mapped read-only, so a
small scan reads only the pages it touches. A file whose header, key or checksum does not match
is ignored and rebuilt, never trusted. Entries are written to a temporary name and renamed, so
a reader never sees half a file.

Frozen slotted dataclasses pickle through `dataclasses.fields()` once per object (20 µs each, and
the kb holds ~150,000 of them); they are reduced here to their class and field values instead."""

import contextlib
import dataclasses
import gc
import hashlib
import io
import mmap
import os
import pickle
import platform
import struct
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from netvet import __version__
from netvet.kb.loader import KnowledgeBase, load_kb
from netvet.kb.manifest import MANIFEST, data_files

MAGIC = b"NETVETKB1\n"
HEADER = struct.Struct("<10s32s32sQ")  # magic, key, payload sha256, payload length
ALIGN = 64  # out-of-band buffers start on 64-byte boundaries (numpy's preferred alignment)
SIZE = struct.Struct("<Q")
PACKAGE = Path(__file__).resolve().parents[1]


def cache_key(directory: Path) -> bytes:
    """What the cached kb depends on: the manifest, every data file's size and mtime, and the
    code that shapes the pickled objects (netvet's own modules, Python and numpy versions)."""
    versions = f"netvet {__version__}; Python {platform.python_version()}; numpy {np.__version__}"
    digest = hashlib.sha256(versions.encode())
    digest.update((directory / MANIFEST).read_bytes())
    for root, path in [(directory, p) for p in data_files(directory)] + [(PACKAGE, p) for p in code_files()]:
        stat, name = path.stat(), path.relative_to(root).as_posix()
        digest.update(f"{name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    return digest.digest()


def code_files() -> list[Path]:
    """netvet's modules: a changed class must never meet objects pickled by its old code."""
    return sorted(PACKAGE.rglob("*.py"))


def rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    """A frozen slotted dataclass from its field values, as its own __init__ would leave it."""
    obj: Any = object.__new__(cls)
    for name, value in zip(field_names(cls), values, strict=True):
        object.__setattr__(obj, name, value)
    return obj


@cache
def field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names, in order."""
    return tuple(f.name for f in dataclasses.fields(cls))


class KbPickler(pickle.Pickler):
    """Dataclasses as (class, values); everything else as pickle does it."""

    def reducer_override(self, obj: Any) -> Any:
        """Reduce dataclass instances by their field values (NotImplemented: the default)."""
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return rebuild, (type(obj), tuple(getattr(obj, n) for n in field_names(type(obj))))
        return NotImplemented


def dump_kb(kb: KnowledgeBase) -> tuple[bytes, list[pickle.PickleBuffer]]:
    """The pickle of a kb and its out-of-band array buffers."""
    buffers: list[pickle.PickleBuffer] = []
    out = io.BytesIO()
    KbPickler(out, protocol=5, buffer_callback=buffers.append).dump(kb)
    return out.getvalue(), buffers


def padding(offset: int) -> bytes:
    """Zero bytes that bring an offset to the next ALIGN boundary."""
    return b"\0" * (-offset % ALIGN)


def write_entry(path: Path, key: bytes, kb: KnowledgeBase) -> None:
    """Write one cache entry atomically; a cache that cannot be written only costs time later."""
    payload, buffers = dump_kb(kb)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, staged = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            write_body(fh, key, payload, buffers)
        os.replace(staged, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(staged)


def write_body(fh: io.BufferedWriter, key: bytes, payload: bytes, buffers: list[pickle.PickleBuffer]) -> None:
    """Header, buffer count and sizes, the pickle, then each buffer aligned."""
    table = SIZE.pack(len(buffers)) + b"".join(SIZE.pack(memoryview(b).nbytes) for b in buffers)
    digest = hashlib.sha256(table + payload).digest()
    fh.write(HEADER.pack(MAGIC, key, digest, len(payload)) + table + payload)
    offset = HEADER.size + len(table) + len(payload)
    for buffer in buffers:
        raw = memoryview(buffer).cast("B")
        fh.write(padding(offset))
        offset += len(padding(offset))
        fh.write(raw)
        offset += raw.nbytes


def read_entry(path: Path, key: bytes) -> KnowledgeBase | None:
    """The kb of a cache entry, or None when the entry is missing, stale or damaged."""
    try:
        with path.open("rb") as fh:
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        return unpack(memoryview(mapped), key)
    except (
        OSError,
        ImportError,
        ValueError,
        EOFError,
        pickle.UnpicklingError,
        struct.error,
        TypeError,
        AttributeError,
    ):
        return None


def unpack(view: memoryview, key: bytes) -> KnowledgeBase | None:
    """Check the header and checksum, then unpickle over the mapped buffers."""
    magic, found, digest, length = HEADER.unpack_from(view, 0)
    if magic != MAGIC or found != key:
        return None
    (count,) = SIZE.unpack_from(view, HEADER.size)
    sizes = [SIZE.unpack_from(view, HEADER.size + SIZE.size * (i + 1))[0] for i in range(count)]
    start = HEADER.size + SIZE.size * (count + 1)
    if hashlib.sha256(view[HEADER.size : start + length]).digest() != digest:
        return None
    buffers, offset = [], start + length
    for size in sizes:
        offset += -offset % ALIGN
        if offset + size > len(view):
            return None
        buffers.append(view[offset : offset + size])
        offset += size
    kb = without_gc(lambda: pickle.loads(view[start : start + length], buffers=buffers))
    return kb if isinstance(kb, KnowledgeBase) else None


def without_gc(call: Callable[[], Any]) -> Any:
    """Call with the cyclic collector paused: unpickling ~150,000 objects would otherwise set off
    collections that walk the growing heap again and again (half the load time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return call()
    finally:
        if enabled:
            gc.enable()


def load_kb_cached(
    directory: Path, cache_dir: Path, load: Callable[[Path], KnowledgeBase] = load_kb
) -> KnowledgeBase:
    """The kb of a data folder: from the cache when an entry for exactly these files exists,
    else loaded (and checked against its manifest) with `load` and cached for the next run."""
    return by_key(directory, cache_dir, cache_key(directory), load)


@cache
def by_key(
    directory: Path, cache_dir: Path, key: bytes, load: Callable[[Path], KnowledgeBase]
) -> KnowledgeBase:
    """One kb per key and process: the cached entry, else loaded and cached."""
    path = cache_dir / f"kb-{key.hex()[:32]}.pickle"
    found = read_entry(path, key)
    if found is None:
        found = load(directory)
        write_entry(path, key, found)
        prune(cache_dir, keep=path)
    return found


def prune(cache_dir: Path, keep: Path) -> None:
    """Remove the entries of other kb versions (each is ~150 MB)."""
    for old in cache_dir.glob("kb-*.pickle"):
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()
