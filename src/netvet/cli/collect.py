"""`netvet collect snmp`: walk live agents into .snmprec files that `netvet scan` reads."""

from pathlib import Path
from typing import Annotated

import typer

from netvet.cli.common import err, positive_number
from netvet.cli.output import progress_bar
from netvet.collect import Credentials, Target, collect_snmp, parse_target
from netvet.collect.snmp import WalkSettings
from netvet.errors import UsageError
from netvet.ingest.files import read_text_input

collect_app = typer.Typer(no_args_is_help=True, help="Collect evidence from live devices.")


def read_targets(texts: list[str], targets_file: Path | None) -> list[Target]:
    """Targets from the arguments and a file of one target per line (# starts a comment)."""
    lines = list(texts)
    if targets_file is not None:
        lines += [t.split("#")[0].strip() for t in read_text_input(targets_file).splitlines()]
    targets = [target for text in lines if text for target in parse_target(text)]
    if not targets:
        raise UsageError("no targets: give TARGET arguments or --targets FILE")
    return list(dict.fromkeys(targets))


@collect_app.command("snmp")
def snmp(
    targets: Annotated[list[str] | None, typer.Argument(help="host, host:port or a CIDR block.")] = None,
    targets_file: Annotated[Path | None, typer.Option("--targets", help="File of targets.")] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the walk files.")] = Path(
        "walks"
    ),
    community: Annotated[str, typer.Option(help="SNMP v2c community.")] = "public",
    v3_user: Annotated[str | None, typer.Option(help="SNMP v3 user (switches to v3).")] = None,
    auth_key: Annotated[str | None, typer.Option(help="SNMP v3 authentication pass phrase.")] = None,
    auth_protocol: Annotated[str, typer.Option(help="MD5|SHA|SHA224|SHA256|SHA384|SHA512")] = "SHA",
    priv_key: Annotated[str | None, typer.Option(help="SNMP v3 privacy pass phrase.")] = None,
    priv_protocol: Annotated[str, typer.Option(help="DES|3DES|AES|AES192|AES256")] = "AES",
    context: Annotated[str, typer.Option(help="SNMP v3 context name.")] = "",
    timeout: Annotated[
        float, typer.Option(max=600.0, callback=positive_number, help="Seconds to wait for each answer.")
    ] = 2.0,
    retries: Annotated[int, typer.Option(min=0, max=10, help="Retries per request.")] = 1,
    concurrency: Annotated[int, typer.Option(min=1, max=1024, help="Agents walked at a time.")] = 16,
) -> None:
    """Walk each agent's system, interface, entity, LLDP/CDP, ARP and bridge tables into
    OUTPUT/HOST.snmprec; then run `netvet scan OUTPUT`."""
    if timeout <= 0 or retries < 0 or concurrency < 1:
        raise UsageError("--timeout must be > 0, --retries ≥ 0, --concurrency ≥ 1")
    found = read_targets(targets or [], targets_file)
    creds = Credentials(community, v3_user, auth_key, auth_protocol, priv_key, priv_protocol, context)
    settings = WalkSettings(timeout, retries, concurrency)
    with progress_bar(err, "walking", len(found)) as advance:
        result = collect_snmp(found, creds, output, settings, lambda t, p: advance(1))
    for issue in result.issues:
        err.print(f"[yellow]{issue.describe()}[/yellow]", highlight=False)
    err.print(f"{len(result.written)} of {len(found)} agents walked into {output}/")
    if result.issues:
        raise typer.Exit(2)


__all__ = ["collect_app"]
