"""Collectors: fetch evidence from live devices into files the readers already know."""

from netvet.collect.snmp import SUBTREES, CollectResult, collect_snmp
from netvet.collect.targets import Credentials, Target, parse_target

__all__ = ["SUBTREES", "CollectResult", "Credentials", "Target", "collect_snmp", "parse_target"]
