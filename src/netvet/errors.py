"""The one exception tree of netvet.

NetvetError                  anything netvet raises on purpose
├── UsageError               a bad option or argument (exit code 2)
├── SourceError              an input is unusable as a whole: stop (exit code 2)
│   └── RecordError          one row or record is unusable: skip it, record an Issue
├── KnowledgeBaseError       a kb data file is missing, malformed or fails its checksum
├── StoreError               the store could not be written or read
├── LookupFailure            a registry has no entry of that name
└── AccessError              a service caller has no valid token (HTTP 401)
    └── RoleError            the caller's role is too low for the action (HTTP 403)
"""

from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")


class NetvetError(Exception):
    """Base of every error netvet raises on purpose."""


class UsageError(NetvetError):
    """A bad option or argument given by the user."""


class SourceError(NetvetError):
    """An input cannot be used at all; the message names the file (and line when known)."""


class RecordError(SourceError):
    """One record of an input is unusable; readers turn it into an Issue and go on."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class KnowledgeBaseError(NetvetError):
    """A knowledge-base file is missing, malformed or does not match its manifest."""


class StoreError(NetvetError):
    """The store could not be written or read; nothing was half-written."""


class LookupFailure(NetvetError, KeyError):
    """A registry (readers, regimes, output formats) has no entry of the given name."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "not found"


class AccessError(NetvetError):
    """No, an unknown, an expired or a revoked token: the service answers 401."""


class RoleError(AccessError):
    """A valid token whose role is below the one the action needs: the service answers 403."""


def registry_entry(registry: Mapping[str, T], name: str, what: str) -> T:
    """registry[name], or a LookupFailure naming what was asked and what is known."""
    try:
        return registry[name]
    except KeyError as exc:
        raise LookupFailure(f"unknown {what} '{name}' (known: {', '.join(registry)})") from exc
