"""The service's roles, lowest first: each role may do what the roles below it may."""

from enum import StrEnum


class Role(StrEnum):
    """viewer reads; analyst also scans, screens, reviews purchases and records review
    decisions; admin also imports lists, manages tokens and webhooks and reads the audit log."""

    VIEWER = "viewer"
    ANALYST = "analyst"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        """0 for viewer, 1 for analyst, 2 for admin."""
        return list(Role).index(self)

    def allows(self, needed: "Role") -> bool:
        """Whether this role may do what `needed` may."""
        return self.rank >= needed.rank
