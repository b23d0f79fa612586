"""`netvet match`: screen organisation names against the kb's entities, owners and lists.

The kb and the screening code are imported inside the command, so a usage error answers at once."""

from typing import Annotated

import typer

from netvet.cli.common import Threshold, as_of_date, data_console
from netvet.settings import Settings

# The screening default (netvet.match.DEFAULT_THRESHOLD), kept here so --help imports nothing;
# tests/test_cli_lazy.py checks the two agree.
DEFAULT_THRESHOLD = 0.85


def match(
    names: Annotated[list[str], typer.Argument(help="Organisation names to screen.")],
    json_: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    threshold: Threshold = DEFAULT_THRESHOLD,
    as_of: Annotated[str | None, typer.Option(help="Ownership and lists as of this date.")] = None,
    db: Annotated[str | None, typer.Option(help="Store URL to read review decisions from.")] = None,
    country: Annotated[str | None, typer.Option(help="The names' country (code or name).")] = None,
    identifier: Annotated[
        list[str] | None, typer.Option(help="SCHEME=VALUE (lei, uei, cage, fcc_grantee, iana_pen).")
    ] = None,
) -> None:
    """Screen organisation names against the kb's entities, owners and lists."""
    from netvet.cli.books import decision_book
    from netvet.cli.output import print_matches, write_output
    from netvet.cli.screen import country_option, identifier_options
    from netvet.kb.disk_cache import load_kb_cached
    from netvet.kb.knowledge import DATA_DIR
    from netvet.screen.matches import screen_name
    from netvet.screen.records import name_screen_record

    settings = Settings.from_env()
    kb = load_kb_cached(settings.kb_dir or DATA_DIR, settings.cache_dir)
    day, book, code = as_of_date(as_of), decision_book(db or settings.db_url), country_option(country)
    ids = identifier_options(identifier or [])
    results = [name_screen_record(screen_name(kb, name, day, threshold, book, code, ids)) for name in names]
    if json_:
        write_output("json", results, None)
    else:
        print_matches(data_console(), results)
