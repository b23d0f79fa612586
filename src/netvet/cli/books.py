"""What a command applies from the store before it runs: the review decisions and mitigation
agreements (skipped, with SQLAlchemy never imported, while the store holds nothing yet), and the
note on findings that rest on an agreement."""

from typing import TYPE_CHECKING

from netvet.cli.common import err
from netvet.store.urls import holds_nothing_yet

if TYPE_CHECKING:
    from netvet.mitigation.model import Agreement
    from netvet.review.decisions import DecisionBook


def decision_book(url: str) -> "DecisionBook":
    """Every decision in the store at url (none when it holds nothing yet: then the database
    libraries are not even imported)."""
    from netvet.review.decisions import EMPTY_BOOK, DecisionBook

    if holds_nothing_yet(url):
        return EMPTY_BOOK
    from netvet.store import decisions_at

    return DecisionBook.build(decisions_at(url))


def stored_agreements(url: str) -> list["Agreement"]:
    """Every agreement in the store at url (none when it holds nothing yet)."""
    if holds_nothing_yet(url):
        return []
    from netvet.store.agreements import agreements_at

    return agreements_at(url)


def print_mitigated(states: list[str]) -> None:
    """On stderr: how many findings rest on an agreement, and how many of those agreements lapse."""
    if not states:
        return
    lapsed = sum(1 for s in states if s != "active")
    err.print(
        f"{len(states)} finding(s) rest on a mitigation agreement; {lapsed} of them on one not in good "
        "standing (overdue audit or report, open breach, expired or not yet started): see 'mitigation'",
        highlight=False,
    )
