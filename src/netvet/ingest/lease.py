"""One DHCP lease, whichever server wrote it, and the latest lease of each client as an asset."""

from collections.abc import Iterable
from dataclasses import dataclass

from netvet.model import Observation, SourceRef


@dataclass(frozen=True, slots=True)
class Lease:
    """What a lease says about its client: where it was written, its address, MAC, the name it
    gave, its vendor class (option 60, a banner: "MSFT 5.0", "udhcp 1.36.1", "HUAWEI:android:...")
    and when the lease started or ends (POSIX seconds; 0 when not written)."""

    line: int
    ip: str | None
    mac: str | None = None
    hostname: str | None = None
    vendor_class: str | None = None
    when: float = 0.0

    @property
    def client(self) -> str:
        """The client's key: its MAC, else its address."""
        return f"mac:{self.mac}" if self.mac else f"ip:{self.ip}"


def latest_leases(leases: Iterable[Lease]) -> list[Lease]:
    """The latest lease of each client (by time, then by place in the file: lease files are
    appended to, so a later record supersedes an earlier one), in file order."""
    latest: dict[str, Lease] = {}
    for lease in leases:
        kept = latest.get(lease.client)
        if kept is None or (lease.when, lease.line) >= (kept.when, kept.line):
            latest[lease.client] = lease
    return sorted(latest.values(), key=lambda lease: lease.line)


def lease_observation(path: str, lease: Lease) -> Observation:
    """A lease as an observation of its client, located by the lease's line."""
    return Observation(
        SourceRef(path, f"lease line {lease.line}"),
        mac=lease.mac,
        ip=lease.ip,
        hostname=lease.hostname,
        banner=lease.vendor_class,
    )
