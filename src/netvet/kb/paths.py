"""Names that become paths in a kb folder. A list id or a version label ends up in a file name
(`lists/<id>.yaml`, `versions/<id>/<version>_<sha>.yaml`), so each is checked against a strict
pattern, and every write is resolved and checked to stay under the folder it belongs to: an id
such as `../../x` is refused, never written."""

import re
from pathlib import Path

from netvet.errors import KnowledgeBaseError, UsageError

# Lower-case letters, digits and single hyphens, starting with a letter or digit: every list id
# netvet and trade.gov use (`ear-entity-list`, `ofac-ns-mbs`, `user-blocked`) and nothing else.
LIST_ID = re.compile(r"[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,79}")
VERSION = re.compile(r"\d{4}-\d{2}-\d{2}")


def checked_list_id(list_id: str, option: str = "list id") -> str:
    """The id when it matches LIST_ID; a UsageError naming the option otherwise."""
    if not LIST_ID.fullmatch(list_id):
        raise UsageError(
            f"{option} {list_id!r}: use lower-case letters, digits and single hyphens "
            "(e.g. user-blocked), at most 80 characters"
        )
    return list_id


def checked_version(version: str) -> str:
    """A version date as written in file names (YYYY-MM-DD)."""
    if not VERSION.fullmatch(version):
        raise KnowledgeBaseError(f"version {version!r}: not a YYYY-MM-DD date")
    return version


def inside(base: Path, relative: str | Path) -> Path:
    """base / relative, refused unless it resolves under base (no '..', no absolute path)."""
    target = (base / relative).resolve()
    if not target.is_relative_to(base.resolve()):
        raise KnowledgeBaseError(f"{relative}: resolves outside {base}; refused")
    return target
