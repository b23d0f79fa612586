"""§889, ICTS (15 CFR 791) and the informational DoD 1260H list."""

from datetime import date

from netvet.kb.loader import KnowledgeBase
from netvet.model import Category, Organisation, Status, UseClass, verdict_of
from netvet.regimes import determine_all, dod_1260h, icts_791, ndaa_889
from tests.conftest import AS_OF, attr, ctx


def test_889_in_force_dates(kb: KnowledgeBase) -> None:
    a = attr("zte-corporation", Category.SWITCH)
    assert ndaa_889.determine(a, ctx(), kb.regime_kb, date(2019, 8, 12)).status == Status.NOT_COVERED
    part_a = ndaa_889.determine(a, ctx(), kb.regime_kb, date(2019, 8, 13))
    assert part_a.status == Status.COVERED and part_a.flags == ("part-a",)
    contractor = ctx(organisation=Organisation(federal_contractor=True))
    assert ndaa_889.determine(a, contractor, kb.regime_kb, AS_OF).flags == ("part-a", "part-b")
    unknown = ndaa_889.determine(a, ctx(), kb.regime_kb, AS_OF).flags
    assert unknown == ("part-a", "part-b", "part-b-if-federal-contractor")


def test_889_use_qualifier_for_dahua(kb: KnowledgeBase) -> None:
    a = attr("dahua-technology", Category.CAMERA)
    assert (
        ndaa_889.determine(a, ctx(UseClass.PUBLIC_SAFETY, "police"), kb.regime_kb, AS_OF).status
        == Status.COVERED
    )
    assert (
        ndaa_889.determine(a, ctx(UseClass.OTHER, "retail"), kb.regime_kb, AS_OF).status == Status.NOT_COVERED
    )


def test_889_flags_other_prc_makers(kb: KnowledgeBase) -> None:
    found = ndaa_889.determine(attr("tp-link", Category.SWITCH), ctx(), kb.regime_kb, AS_OF)
    assert found.status == Status.NOT_COVERED and "prc-company" in found.flags


def test_icts_nexus_is_a_flag_and_kaspersky_is_covered(kb: KnowledgeBase) -> None:
    nexus = icts_791.determine(attr("zte-corporation", Category.SWITCH), ctx(), kb.regime_kb, AS_OF)
    assert nexus.status == Status.NOT_COVERED and "foreign-adversary-nexus" in nexus.flags
    plain = icts_791.determine(attr("cisco", Category.SWITCH), ctx(), kb.regime_kb, AS_OF)
    assert plain.flags == ()
    kaspersky = icts_791.determine(
        attr("kaspersky-lab-inc", Category.SECURITY_SOFTWARE), ctx(), kb.regime_kb, AS_OF
    )
    assert kaspersky.status == Status.COVERED


def test_1260h_is_informational_and_does_not_raise_the_verdict(kb: KnowledgeBase) -> None:
    a = attr("tp-link", Category.SWITCH, "US")
    listed = dod_1260h.determine(a, ctx(), kb.regime_kb, AS_OF)
    assert listed.status == Status.COVERED and listed.informational
    assert dod_1260h.determine(a, ctx(), kb.regime_kb, date(2026, 6, 1)).status == Status.NOT_COVERED
    assert str(verdict_of(determine_all(a, ctx(), kb.regime_kb, AS_OF))) == "clear"
