"""A maker-naming text rule builds its own reason for the text it matched (sysDescr or banner)."""

import re

from netvet.attribute.snmp import DescrRule, SnmpRules, text_claims
from netvet.kb.loader import DATA_DIR, load_kb

RULE = DescrRule("acme", re.compile(r"\bAcmeOS\b"), "acme", True, "$field names AcmeOS")


def test_the_reason_names_the_text_the_rule_matched() -> None:
    rules = SnmpRules(descr=(RULE,))
    (on_descr,) = text_claims(rules, "AcmeOS 4.2 switch", "sysdescr")
    (on_banner,) = text_claims(rules, "220 AcmeOS ftpd ready", "banner")
    assert on_descr.reason == "sysDescr names AcmeOS"
    assert on_banner.reason == "banner names AcmeOS"


def test_a_reason_without_the_placeholder_is_kept_as_written() -> None:
    plain = DescrRule("acme", RULE.pattern, "acme", True, "the text names AcmeOS ($5 a seat)")
    assert plain.reason_on("banner") == "the text names AcmeOS ($5 a seat)"


def test_every_packaged_text_rule_names_its_field() -> None:
    for rule in load_kb(DATA_DIR).snmp.descr:
        assert rule.reason_on("banner").startswith("banner "), rule.id
