"""Where a fact comes from: every kb fact carries one or more of these."""

from dataclasses import dataclass
from datetime import date

from netvet.model.vocab import IssueSeverity


@dataclass(frozen=True, slots=True)
class Source:
    """A public source a fact was read from, with the date it was retrieved."""

    title: str
    url: str | None = None
    retrieved: date | None = None


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where in an input one observation was read: a file and a locator such as 'line 12'."""

    path: str
    locator: str


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem with one part of an input that was skipped or partly read."""

    path: str
    locator: str
    field: str | None
    message: str
    severity: IssueSeverity = IssueSeverity.WARNING

    def describe(self) -> str:
        """One line naming the file, the place and the field."""
        where = f"{self.path}:{self.locator}"
        field = f" [{self.field}]" if self.field else ""
        return f"{where}{field}: {self.message}"
