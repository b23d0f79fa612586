"""Live SNMP collection with pysnmp (v2c and v3): walk the subtrees the snmprec reader reads, a
bounded number of agents at a time, each with a timeout and retries, and write one .snmprec file
per agent that answered; an agent that did not answer is an Issue naming it, never a crash."""

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pysnmp.hlapi.v3arch import asyncio as hl

from netvet.collect.targets import Credentials, Target, check_credentials
from netvet.errors import UsageError
from netvet.ingest.snmprec import format_record, oid_key
from netvet.model import Issue
from netvet.model.vocab import IssueSeverity

# system, ifPhysAddress, ARP (ipNetToMedia), bridge forwarding table, ENTITY-MIB physical table,
# LLDP local description and remote table, UPS-MIB identification, HOST-RESOURCES device table,
# Printer-MIB printer name, CISCO-CDP-MIB cache: what the .snmprec reader turns into observations.
SUBTREES = (
    "1.0.8802.1.1.2.1.3.4",
    "1.0.8802.1.1.2.1.4.1",
    "1.3.6.1.2.1.1",
    "1.3.6.1.2.1.2.2.1.6",
    "1.3.6.1.2.1.4.22.1.2",
    "1.3.6.1.2.1.17.4.3.1",
    "1.3.6.1.2.1.25.3.2.1.2",
    "1.3.6.1.2.1.25.3.2.1.3",
    "1.3.6.1.2.1.33.1.1",
    "1.3.6.1.2.1.43.5.1.1.16",
    "1.3.6.1.2.1.47.1.1.1",
    "1.3.6.1.4.1.9.9.23.1.2.1",
)
ENTERPRISES = "1.3.6.1.4.1"
MAX_ENTERPRISES = 64  # private subtrees probed per agent (one GETNEXT each)
AUTH = {
    "MD5": hl.usmHMACMD5AuthProtocol,
    "SHA": hl.usmHMACSHAAuthProtocol,
    "SHA224": hl.usmHMAC128SHA224AuthProtocol,
    "SHA256": hl.usmHMAC192SHA256AuthProtocol,
    "SHA384": hl.usmHMAC256SHA384AuthProtocol,
    "SHA512": hl.usmHMAC384SHA512AuthProtocol,
}
PRIV = {
    "DES": hl.usmDESPrivProtocol,
    "3DES": hl.usm3DESEDEPrivProtocol,
    "AES": hl.usmAesCfb128Protocol,
    "AES192": hl.usmAesCfb192Protocol,
    "AES256": hl.usmAesCfb256Protocol,
}
OBJECT_ID, IP_ADDRESS = 6, 64  # snmprec type tags: OBJECT IDENTIFIER and [APPLICATION 0] IpAddress
Done = Callable[[Target, Path | None], None]


@dataclass(frozen=True, slots=True)
class WalkSettings:
    """How patiently to ask: seconds per request, retries, agents at a time, rows per GETBULK."""

    timeout: float = 2.0
    retries: int = 1
    concurrency: int = 16
    bulk: int = 25


@dataclass(slots=True)
class CollectResult:
    """The walk files written, one per agent that answered, and an Issue per agent that did not."""

    written: list[Path] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def auth_data(creds: Credentials) -> Any:
    """pysnmp's CommunityData (v2c) or UsmUserData (v3) for the credentials."""
    if creds.user is None:
        return hl.CommunityData(creds.community or "", mpModel=1)
    auth = AUTH[creds.auth_protocol.upper()] if creds.auth_key else hl.usmNoAuthProtocol
    priv = PRIV[creds.priv_protocol.upper()] if creds.priv_key else hl.usmNoPrivProtocol
    return hl.UsmUserData(creds.user, creds.auth_key, creds.priv_key, authProtocol=auth, privProtocol=priv)


def record_of(oid: Any, value: Any) -> str | None:
    """One varbind as an snmprec line; end-of-MIB and no-such markers are None."""
    tag = value.tagSet[0].tagClass | value.tagSet[0].tagId
    if tag >= 128:  # noSuchObject, noSuchInstance, endOfMibView are context-tagged
        return None
    if hasattr(value, "asOctets") and tag != IP_ADDRESS:
        return format_record(str(oid), tag, value.asOctets())
    text = value.prettyPrint() if tag == IP_ADDRESS else str(value) if tag == OBJECT_ID else str(int(value))
    return format_record(str(oid), tag, text)


async def walk_subtree(engine: Any, auth: Any, transport: Any, ctx: Any, oid: str, bulk: int) -> list[str]:
    """Every record under one subtree; an error status ends the walk with an exception."""
    lines: list[str] = []
    walk = hl.bulk_walk_cmd(
        engine, auth, transport, ctx, 0, bulk, hl.ObjectType(hl.ObjectIdentity(oid)), lexicographicMode=False
    )
    async for error, status, index, binds in walk:
        if error:
            raise TimeoutError(str(error))
        if status:
            raise ConnectionError(f"{status.prettyPrint()} at {binds[int(index) - 1][0] if index else oid}")
        lines.extend(line for name, value in binds if (line := record_of(name, value)))
    return lines


async def probe_enterprises(engine: Any, auth: Any, transport: Any, ctx: Any) -> list[str]:
    """The first record under each private enterprise subtree the agent implements: GETNEXT from
    1.3.6.1.4.1, then from the number after each one found (one request per enterprise)."""
    lines: list[str] = []
    start = ENTERPRISES
    for _ in range(MAX_ENTERPRISES):
        error, status, _index, binds = await hl.next_cmd(
            engine, auth, transport, ctx, hl.ObjectType(hl.ObjectIdentity(start))
        )
        if error or status or not binds:
            break
        name, value = binds[0]
        oid = str(name)
        line = record_of(name, value)
        if line is None or not oid.startswith(ENTERPRISES + "."):
            break
        lines.append(line)
        start = f"{ENTERPRISES}.{int(oid.split('.')[6]) + 1}"
    return lines


async def walk_target(engine: Any, target: Target, creds: Credentials, settings: WalkSettings) -> list[str]:
    """The sorted snmprec lines of one agent; no answer at all is a TimeoutError."""
    transport = await hl.UdpTransportTarget.create(
        (target.host, target.port), timeout=settings.timeout, retries=settings.retries
    )
    auth, ctx = auth_data(creds), hl.ContextData(contextName=creds.context)
    lines: list[str] = []
    for oid in SUBTREES:
        lines.extend(await walk_subtree(engine, auth, transport, ctx, oid, settings.bulk))
    lines.extend(await probe_enterprises(engine, auth, transport, ctx))
    if not lines:
        raise TimeoutError("the agent answered with no values in the walked subtrees")
    return sorted(set(lines), key=lambda line: oid_key(line.partition("|")[0]))


def write_walk(out_dir: Path, target: Target, lines: Sequence[str]) -> Path:
    """Write the walk whole or not at all: a temporary file renamed into place."""
    path = out_dir / f"{target.file_stem}.snmprec"
    staged = path.with_suffix(".snmprec.part")
    staged.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    staged.replace(path)
    return path


async def collect_one(
    engine: Any,
    target: Target,
    creds: Credentials,
    out_dir: Path,
    settings: WalkSettings,
    gate: asyncio.Semaphore,
) -> Path | Issue:
    """One agent's walk file, or an Issue naming the agent and what went wrong."""
    async with gate:
        try:
            lines = await walk_target(engine, target, creds, settings)
        except (TimeoutError, ConnectionError, OSError) as exc:
            where = f"{target.host}:{target.port}"
            return Issue(where, "snmp", None, f"no SNMP walk: {exc or 'no answer'}", IssueSeverity.ERROR)
    return write_walk(out_dir, target, lines)


async def collect_all(
    targets: Sequence[Target], creds: Credentials, out_dir: Path, settings: WalkSettings, done: Done
) -> CollectResult:
    """Walk every target, at most settings.concurrency at a time."""
    engine, gate, result = hl.SnmpEngine(), asyncio.Semaphore(settings.concurrency), CollectResult()

    async def one(target: Target) -> None:
        outcome = await collect_one(engine, target, creds, out_dir, settings, gate)
        if isinstance(outcome, Issue):
            result.issues.append(outcome)
        else:
            result.written.append(outcome)
        done(target, None if isinstance(outcome, Issue) else outcome)

    await asyncio.gather(*(one(t) for t in targets))
    engine.close_dispatcher()
    result.written.sort()
    return result


def collect_snmp(
    targets: Sequence[Target],
    creds: Credentials,
    out_dir: Path,
    settings: WalkSettings = WalkSettings(),
    done: Done = lambda target, path: None,
) -> CollectResult:
    """Walk the agents and write their .snmprec files into out_dir (created if missing)."""
    check_credentials(creds)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file of that name, or a read-only parent
        raise UsageError(f"-o {out_dir}: cannot make the folder: {exc.strerror or exc}") from exc
    return asyncio.run(collect_all(targets, creds, out_dir, settings, done))
