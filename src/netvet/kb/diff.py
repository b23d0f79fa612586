"""What changed between two versions of one list: entries added, removed and changed (by id),
and for a changed entry the fields that differ."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Fields that say when a version was read, not what the entry is.
IGNORED = frozenset({"sources"})


@dataclass(frozen=True, slots=True)
class EntryChange:
    """One entry whose fields differ between the versions: field -> (before, after)."""

    id: str
    text: str
    fields: dict[str, tuple[Any, Any]]


@dataclass(frozen=True, slots=True)
class ListDiff:
    """Entries added, removed and changed from one list version to another."""

    list_id: str
    old: str
    new: str
    added: tuple[Mapping[str, Any], ...]
    removed: tuple[Mapping[str, Any], ...]
    changed: tuple[EntryChange, ...]

    @property
    def unchanged(self) -> bool:
        """True when the versions hold the same entries."""
        return not (self.added or self.removed or self.changed)


def by_id(entries: Sequence[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """Entries keyed by their id (ids are unique within a list version)."""
    return {str(e["id"]): e for e in entries}


def undated(entry: Mapping[str, Any]) -> bool:
    """True for an entry whose list gives no date: its date_added is its version's date."""
    return entry.get("date_added_known") is False


def changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Fields whose values differ, with both values (None where absent)."""
    ignored = IGNORED | ({"date_added"} if undated(old) and undated(new) else set())
    keys = sorted((set(old) | set(new)) - ignored)
    return {k: (old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k)}


def diff_lists(old: Mapping[str, Any], new: Mapping[str, Any], old_label: str, new_label: str) -> ListDiff:
    """The difference between two list documents of the same list."""
    before, after = by_id(old.get("entries") or []), by_id(new.get("entries") or [])
    changed = []
    for key in sorted(set(before) & set(after)):
        fields = changed_fields(before[key], after[key])
        if fields:
            changed.append(EntryChange(key, str(after[key].get("text", key)), fields))
    return ListDiff(
        str(new.get("list_id", old.get("list_id"))),
        old_label,
        new_label,
        tuple(after[k] for k in sorted(set(after) - set(before))),
        tuple(before[k] for k in sorted(set(before) - set(after))),
        tuple(changed),
    )


def diff_record(diff: ListDiff) -> dict[str, Any]:
    """The diff as a JSON-ready object."""
    return {
        "list": diff.list_id,
        "from": diff.old,
        "to": diff.new,
        "added": [{"id": str(e["id"]), "text": e.get("text")} for e in diff.added],
        "removed": [{"id": str(e["id"]), "text": e.get("text")} for e in diff.removed],
        "changed": [
            {"id": c.id, "text": c.text, "fields": {k: [str(a), str(b)] for k, (a, b) in c.fields.items()}}
            for c in diff.changed
        ],
    }
