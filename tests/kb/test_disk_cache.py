"""The kb cached on disk: the same kb comes back, and a damaged, stale or foreign entry is
ignored (and rebuilt), never trusted."""

import pickle
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from netvet.attribute.oui import Assignment
from netvet.attribute.text_names import scan_many
from netvet.kb import disk_cache
from netvet.kb.cached_kb import CachedKnowledgeBase
from netvet.kb.disk_cache import HEADER, cache_key, load_kb_cached, read_entry
from netvet.kb.loader import DATA_DIR, KnowledgeBase, load_kb
from netvet.match import match_name


@pytest.fixture(scope="module")
def entry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache entry of the packaged kb, written as a scan writes it."""
    folder = tmp_path_factory.mktemp("cache")
    load_kb_cached(DATA_DIR, folder)
    (path,) = folder.glob("kb-*.pickle")
    return path


def test_entry_gives_back_the_same_kb(entry: Path) -> None:
    kb, cached = load_kb(), read_entry(entry, cache_key(DATA_DIR))
    assert isinstance(cached, KnowledgeBase)
    assert cached.manifest_sha256 == kb.manifest_sha256
    assert cached.entities == kb.entities and cached.lists == kb.lists and cached.products == kb.products
    assert cached.oui.rows == kb.oui.rows
    assert cached.oui.keys == kb.oui.keys and cached.oui.rows_of == kb.oui.rows_of
    assert np.array_equal(cached.mac_index.code24, kb.mac_index.code24)
    assert not cached.mac_index.code24.flags.writeable  # mapped from the file, read-only
    assert cached.text is not None and kb.text is not None and cached.text.names == kb.text.names
    found = match_name(cached.names, "Huawei Technologies")
    assert found and found == match_name(kb.names, "Huawei Technologies")


def damaged(entry: Path, tmp_path: Path, change: str) -> Path:
    """A copy of the entry with one kind of damage."""
    copy = tmp_path / entry.name
    shutil.copyfile(entry, copy)
    data = bytearray(copy.read_bytes())
    if change == "table byte":
        (start,) = struct.unpack_from("<Q", data, HEADER.size - 16)
        data[start + 10] ^= 0xFF
    elif change == "part byte":
        data[HEADER.size + 200] ^= 0xFF  # inside the first part (the entities)
    elif change == "truncated":
        del data[len(data) // 2 :]
    elif change == "magic":
        data[0:4] = b"JUNK"
    elif change == "empty":
        data.clear()
    copy.write_bytes(bytes(data))
    return copy


@pytest.mark.parametrize("change", ["table byte", "truncated", "magic", "empty"])
def test_damaged_entry_is_ignored(entry: Path, tmp_path: Path, change: str) -> None:
    assert read_entry(damaged(entry, tmp_path, change), cache_key(DATA_DIR)) is None


def test_damaged_part_is_read_from_the_files_and_the_entry_dropped(entry: Path, tmp_path: Path) -> None:
    """A part is checked when first read: its damaged bytes are never unpickled; the part comes
    from the data files and the entry is removed, so the next run writes it again."""
    copy = damaged(entry, tmp_path, "part byte")
    loads: list[Path] = []

    def load(directory: Path) -> KnowledgeBase:
        loads.append(directory)
        return load_kb(directory)

    cached = read_entry(copy, cache_key(DATA_DIR), load)
    assert cached is not None and copy.exists() and loads == []  # parts are read on first use
    assert cached.lists == load_kb().lists and loads == []  # an undamaged part: from the entry
    assert cached.entities == load_kb().entities
    assert loads == [DATA_DIR] and not copy.exists()


def test_a_damaged_array_is_caught_by_its_parts_checksum(entry: Path, tmp_path: Path) -> None:
    """The checksum covers a part's out-of-band arrays (the MAC index) as well as its pickle."""
    copy = tmp_path / entry.name
    shutil.copyfile(entry, copy)
    first = read_entry(copy, cache_key(DATA_DIR))
    assert isinstance(first, CachedKnowledgeBase)
    start, size = first.part_spans("mac_index")[0]
    data = bytearray(copy.read_bytes())
    data[start + size // 2] ^= 0xFF
    copy.write_bytes(bytes(data))
    loads: list[Path] = []

    def load(directory: Path) -> KnowledgeBase:
        loads.append(directory)
        return load_kb(directory)

    cached = read_entry(copy, cache_key(DATA_DIR), load)
    assert cached is not None and np.array_equal(cached.mac_index.code24, load_kb().mac_index.code24)
    assert loads == [DATA_DIR] and not copy.exists()


def test_parts_are_read_on_first_use(entry: Path) -> None:
    """Screening a name reads the names and lists, not the IEEE or text-name parts."""
    cached = read_entry(entry, cache_key(DATA_DIR))
    assert isinstance(cached, CachedKnowledgeBase)
    match_name(cached.names, "Huawei Technologies")
    assert set(cached.read_parts()) == {"names"}


def test_replaced_parts_leave_the_others_unread(entry: Path) -> None:
    cached = read_entry(entry, cache_key(DATA_DIR))
    assert cached is not None
    changed = cached.with_parts(external=())
    assert changed.external == () and changed.uses == load_kb().uses
    assert isinstance(changed, CachedKnowledgeBase) and set(changed.read_parts()) == {"uses"}


def test_cached_kb_pickles_as_a_plain_kb(entry: Path) -> None:
    """Spark broadcasts the kb: it travels whole, its Hyperscan databases as bytes."""
    cached = read_entry(entry, cache_key(DATA_DIR))
    assert cached is not None
    again = pickle.loads(pickle.dumps(cached))
    assert type(again) is KnowledgeBase and again.lists == cached.lists
    assert again.text is not None and cached.text is not None
    texts = ["Huawei Technologies Co. OptiX OSN 1800", "HIKVISION DS-2CD2143G0-I camera"]
    assert scan_many(again.text, texts) == scan_many(cached.text, texts) == scan_many(load_kb().text, texts)


def test_entry_of_other_files_is_ignored(entry: Path) -> None:
    assert read_entry(entry, b"\0" * 32) is None


def test_stale_entry_is_rebuilt_and_pruned(tmp_path: Path) -> None:
    """An edited data file changes the key: the kb is loaded from its files (and checked against
    the manifest), the new entry written, the old one removed."""
    kb_dir, cache = tmp_path / "kb", tmp_path / "cache"
    shutil.copytree(DATA_DIR, kb_dir)
    cache.mkdir()
    (cache / "kb-0123456789abcdef0123456789abcdef.pickle").write_bytes(b"an older kb")
    loads: list[Path] = []

    def load(directory: Path) -> KnowledgeBase:
        loads.append(directory)
        return load_kb.__wrapped__(directory)

    load_kb_cached(kb_dir, cache, load)
    (entry,) = cache.glob("kb-*.pickle")
    assert loads == [kb_dir]
    assert read_entry(entry, cache_key(kb_dir)) is not None
    uses = kb_dir / "uses.yaml"
    uses.write_text(uses.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert read_entry(entry, cache_key(kb_dir)) is None  # the key follows the files


def test_changed_code_changes_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Objects pickled by one version of a class never meet another version of it."""
    package = tmp_path / "netvet"
    package.mkdir()
    (package / "model.py").write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(disk_cache, "PACKAGE", package)
    before = cache_key(DATA_DIR)
    (package / "model.py").write_text("A = 22\n", encoding="utf-8")
    assert cache_key(DATA_DIR) != before


@dataclass(unsafe_hash=True)
class Box:
    """A mutable record that can still be hashed."""

    items: tuple[int, ...]


def test_equal_frozen_records_are_shared_and_mutable_ones_are_not() -> None:
    """A part's equal frozen records come back as one object (they cannot change); equal mutable
    records come back as separate objects, as they went in."""
    frozen = [
        Assignment("00E0FC", 24, "MA-L", "HUAWEI", None),
        Assignment("00E0FC", 24, "MA-L", "HUAWEI", None),
    ]
    payload, buffers = disk_cache.dump_part((frozen, [Box((1,)), Box((1,))]))
    shared, boxes = pickle.loads(payload, buffers=buffers)
    assert shared == frozen and shared[0] is shared[1]
    assert boxes[0] == boxes[1] and boxes[0] is not boxes[1]
