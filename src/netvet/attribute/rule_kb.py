"""The parts of the knowledge base that attribution rules read."""

from dataclasses import dataclass, field

from netvet.attribute.external import ExternalBanners
from netvet.attribute.model_number import ModelRules
from netvet.attribute.oui import OuiTable
from netvet.attribute.snmp import SnmpRules
from netvet.attribute.text_names import TextScanner
from netvet.match import CachedMatcher
from netvet.model import Category


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleKB:
    """The parts of the knowledge base that attribution rules read."""

    oui: OuiTable
    names: CachedMatcher
    models: ModelRules
    categories: dict[str, Category]
    brands: dict[str, str]
    oem: dict[str, str]
    snmp: SnmpRules = SnmpRules()
    external: tuple[ExternalBanners, ...] = ()
    brand_owners: dict[str, tuple[str, str]] = field(default_factory=dict)
    text: TextScanner | None = None
