"""The loaded kb kept on disk, so a command starts working in a fraction of a second instead of
re-reading, re-parsing and re-indexing every data file (seconds) on each run.

One file per kb: `kb-<key>.pickle` under the cache folder. The key hashes the manifest, the size
and modification time of every data file and of every netvet module, and the Python and numpy
versions, so an edited, rebuilt or upgraded kb (or changed code) never meets an old entry.
The file holds each kb part as a pickle of its own with its numpy arrays out of band (the
vector path's MAC index, ~7 MB), a part table (offsets and a CRC-32 per part, over its arrays
too), and a header naming the table's place and SHA-256. The file is memory-mapped: the arrays
are read-only views of it, and each part is unpickled when first read (`kb/cached_kb.py`), so
`netvet match` never reads the IEEE or text-name parts. A file whose header, key, table or part
checksum does not match is ignored and rebuilt, never trusted. Entries are written to a temporary
name and renamed, so a reader never sees half a file.

Frozen slotted dataclasses pickle through `dataclasses.fields()` once per object (20 µs each);
they are reduced here to their class and field values instead, and the long runs of small records
(IEEE assignments, registry names) are kept as columns (`model/rows.py`)."""

import contextlib
import dataclasses
import hashlib
import importlib.util
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
from typing import Any, BinaryIO

from netvet import __version__
from netvet.kb.cached_kb import PARTS, CachedKnowledgeBase, Entry, Part, checksum
from netvet.kb.knowledge import KnowledgeBase
from netvet.kb.manifest import MANIFEST, data_files

MAGIC = b"NETVETKB3\n"  # 3: CRC-32 per part, over its arrays too
# magic, key, sha256 of the part table, where the table starts, its length
HEADER = struct.Struct("<10s32s32sQQ")
ALIGN = 64  # out-of-band buffers start on 64-byte boundaries (numpy's preferred alignment)
PACKAGE = Path(__file__).resolve().parents[1]
# Libraries whose objects the entry holds (numpy arrays, Hyperscan databases, the automaton of
# the regex prefilter): an upgraded one never meets an entry its old version wrote.
LIBRARIES = ("numpy", "hyperscan", "ahocorasick")
HS_FORMAT = b"hyperscan block-mode literal database 1"  # bumped if how literals compile changes


def cache_key(directory: Path) -> bytes:
    """What the cached kb depends on: the manifest, every data file's size and mtime, and the
    code that shapes the pickled objects (netvet's own modules, Python, and the libraries whose
    objects the entry holds)."""
    digest = hashlib.sha256(f"netvet {__version__}; Python {platform.python_version()}".encode())
    digest.update((directory / MANIFEST).read_bytes())
    files = [(directory, p) for p in data_files(directory)] + [(PACKAGE, p) for p in code_files()]
    for root, path in files:
        stat, name = path.stat(), path.relative_to(root).as_posix()
        digest.update(f"{name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    for path in library_files():
        stat = path.stat()
        digest.update(f"{path} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    return digest.digest()


def library_files() -> list[Path]:
    """The installed module file of each library in LIBRARIES (found, not imported: numpy alone
    takes 60 ms to import, and `netvet match` needs none of them)."""
    found = [importlib.util.find_spec(name) for name in LIBRARIES]
    return [Path(spec.origin) for spec in found if spec is not None and spec.origin]


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


def same(obj: Any) -> Any:
    """A record equal to one read earlier in the same part: that one, shared."""
    return obj


class KbPickler(pickle.Pickler):
    """Dataclasses as (class, values), a record equal to one already written as a reference to
    it (half the kb's records repeat another: the same source, designation or model under many
    entries; records are frozen, so sharing one changes nothing); everything else as pickle does
    it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.first: dict[Any, Any] = {}

    def reducer_override(self, obj: Any) -> Any:
        """Reduce dataclass instances by their field values (NotImplemented: the default)."""
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            first = self.first_equal(obj)
            if first is not obj:
                return same, (first,)
            kind: type = type(obj)
            return rebuild, (kind, tuple(getattr(obj, n) for n in field_names(kind)))
        return NotImplemented

    def first_equal(self, obj: Any) -> Any:
        """The first record written equal to this one (itself when it is the first). Only frozen
        records are shared: a mutable one, or one that cannot be hashed, is written as itself."""
        params = getattr(type(obj), "__dataclass_params__", None)
        if params is None or not params.frozen:
            return obj
        try:
            return self.first.setdefault(obj, obj)
        except TypeError:  # a frozen record holding something unhashable
            return obj


def dump_part(value: Any) -> tuple[bytes, list[pickle.PickleBuffer]]:
    """The pickle of one kb part and its out-of-band array buffers."""
    buffers: list[pickle.PickleBuffer] = []
    out = io.BytesIO()
    KbPickler(out, protocol=5, buffer_callback=buffers.append).dump(value)
    return out.getvalue(), buffers


def cached_form(kb: KnowledgeBase, cache_dir: Path, used: list[Path]) -> KnowledgeBase:
    """The kb as its entry keeps it: the text scanner with Hyperscan databases instead of the
    Aho-Corasick automaton, which takes ~0.2 s to unpickle where a serialised database loads in
    milliseconds (same answers; unchanged without Hyperscan)."""
    from netvet.attribute.text_names import compiled

    return kb.with_parts(text=kb.text and compiled(kb.text, stored_literals(cache_dir, used)))


def stored_literals(cache_dir: Path, used: list[Path]) -> Callable[[list[bytes]], Any]:
    """Compile a literal database once per distinct list of literals (~90,000 names take
    seconds) and keep it beside the kb entries, so copies of one kb, or a kb whose names did
    not change, reuse it: `text-<hash of the literals>.hsdb` holding the sha256 of the database
    bytes, then the bytes; written atomically; the files it reads or writes are added to used."""
    from netvet.attribute.banners import database_bytes, loaded_database
    from netvet.attribute.text_names import literal_database

    def literals(expressions: list[bytes]) -> Any:
        name = hashlib.sha256(b"\0".join([HS_FORMAT, *expressions])).hexdigest()[:32]
        path = cache_dir / f"text-{name}.hsdb"
        used.append(path)
        with contextlib.suppress(OSError):
            blob = path.read_bytes()
            if blob[:32] == hashlib.sha256(blob[32:]).digest():
                return loaded_database(blob[32:])
        database = literal_database(expressions)
        body = database_bytes(database)
        write_atomically(path, lambda fh: fh.write(hashlib.sha256(body).digest() + body))
        return database

    return literals


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a cache file through `write` under a temporary name, then rename it into place, so
    a reader never sees half a file. A cache that cannot be written only costs time later: then
    nothing is written, and nothing is left behind."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, staged = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(staged, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(staged)


def padding(offset: int) -> bytes:
    """Zero bytes that bring an offset to the next ALIGN boundary."""
    return b"\0" * (-offset % ALIGN)


def write_entry(path: Path, key: bytes, kb: KnowledgeBase) -> list[Path]:
    """Write one cache entry atomically; the compiled databases it uses, kept beside it."""
    used: list[Path] = []
    write_atomically(path, lambda fh: write_body(fh, key, cached_form(kb, path.parent, used)))
    return used


def write_body(fh: BinaryIO, key: bytes, kb: KnowledgeBase) -> None:
    """The parts one after another (each pickle, then its buffers, aligned), then the part
    table, then the header, written last at the start: a reader never trusts a table whose
    checksum the header does not confirm."""
    fh.write(b"\0" * HEADER.size)
    offset, parts = HEADER.size, {}
    for name in PARTS:
        payload, buffers = dump_part(getattr(kb, name))
        start, spans, raws = offset, [], [memoryview(buffer).cast("B") for buffer in buffers]
        fh.write(payload)
        offset += len(payload)
        for raw in raws:
            fh.write(padding(offset))
            offset += len(padding(offset))
            spans.append((offset, raw.nbytes))
            fh.write(raw)
            offset += raw.nbytes
        parts[name] = (start, len(payload), checksum(payload, raws), tuple(spans))
    table = pickle.dumps({"directory": str(kb.directory), "manifest": kb.manifest_sha256, "parts": parts})
    fh.write(table)
    fh.seek(0)
    fh.write(HEADER.pack(MAGIC, key, hashlib.sha256(table).digest(), offset, len(table)))


def read_entry(
    path: Path, key: bytes, load: Callable[[Path], KnowledgeBase] | None = None
) -> KnowledgeBase | None:
    """The kb of a cache entry (its parts read on first use), or None when the entry is
    missing, stale, truncated or its part table damaged."""
    try:
        with path.open("rb") as fh:
            view = memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
        table = part_table(view, key)
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, struct.error, TypeError, KeyError):
        return None
    if table is None:
        return None
    directory, manifest, parts = table
    entry = Entry(view, parts, path, load or from_files, directory)
    return CachedKnowledgeBase(entry, directory=directory, manifest_sha256=manifest)


def part_table(view: memoryview, key: bytes) -> tuple[Path, str, dict[str, Part]] | None:
    """The entry's directory, manifest hash and part table, checked against the header; None
    when anything is off (a part reaching past the end of the file included)."""
    magic, found, digest, start, length = HEADER.unpack_from(view, 0)
    raw = view[start : start + length]
    if magic != MAGIC or found != key or hashlib.sha256(raw).digest() != digest:
        return None
    doc = pickle.loads(raw)
    parts = {name: Part(o, n, d, tuple(b)) for name, (o, n, d, b) in doc["parts"].items()}
    spans = [(p.offset, p.length) for p in parts.values()] + [b for p in parts.values() for b in p.buffers]
    if set(parts) != set(PARTS) or max(o + n for o, n in spans) > start:
        return None
    return Path(doc["directory"]), str(doc["manifest"]), parts


def load_kb_cached(
    directory: Path, cache_dir: Path, load: Callable[[Path], KnowledgeBase] | None = None
) -> KnowledgeBase:
    """The kb of a data folder: from the cache when an entry for exactly these files exists,
    else loaded (and checked against its manifest) with `load` and cached for the next run."""
    return by_key(directory, cache_dir, cache_key(directory), load or from_files)


def from_files(directory: Path) -> KnowledgeBase:
    """The kb loaded from its data files (kb/loader.py: imported only when an entry is missing)."""
    from netvet.kb.loader import load_kb

    return load_kb(directory)


@cache
def by_key(
    directory: Path, cache_dir: Path, key: bytes, load: Callable[[Path], KnowledgeBase]
) -> KnowledgeBase:
    """One kb per key and process: the cached entry, else loaded and cached."""
    path = cache_dir / f"kb-{key.hex()[:32]}.pickle"
    found = read_entry(path, key, load)
    if found is None:
        found = load(directory)
        prune(cache_dir, keep={path, *write_entry(path, key, found)})
    return found


def prune(cache_dir: Path, keep: set[Path]) -> None:
    """Remove the entries of other kb versions (each is ~140 MB) and the text databases only
    they used."""
    for old in [*cache_dir.glob("kb-*.pickle"), *cache_dir.glob("text-*.hsdb")]:
        if old not in keep:
            with contextlib.suppress(OSError):
                old.unlink()
