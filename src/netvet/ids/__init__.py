"""Identifier formats: normalisers return None for garbage and never raise."""

from netvet.ids.country import normalize_country
from netvet.ids.cpe import Cpe, parse_cpe
from netvet.ids.dates import parse_date
from netvet.ids.ip import normalize_ip
from netvet.ids.mac import is_locally_administered, is_multicast, mac_to_int, normalize_mac
from netvet.ids.network import normalize_network_part, parse_generations
from netvet.ids.number import parse_amount
from netvet.ids.oid import normalize_oid, oid_arc

__all__ = [
    "Cpe",
    "is_locally_administered",
    "is_multicast",
    "mac_to_int",
    "normalize_country",
    "normalize_ip",
    "normalize_mac",
    "normalize_network_part",
    "normalize_oid",
    "oid_arc",
    "parse_amount",
    "parse_cpe",
    "parse_date",
    "parse_generations",
]
