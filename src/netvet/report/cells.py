"""Spreadsheet cells that cannot run: the one guard every CSV and XLSX writer applies.

A spreadsheet program reads a cell beginning with `=`, `+`, `-` or `@` as a formula (and a
leading tab or carriage return can hide one), so text from an inventory, a banner or a list
could run on the reader's machine (OWASP "CSV Injection"). Such text is written with a leading
apostrophe, which spreadsheet programs show as plain text and which keeps the original readable.
Numbers stay numbers: a real number (`-3.5` as a float, or text that is only a signed decimal
such as `-3.5` or `+44`) cannot start a formula and is written unchanged.
"""

import re
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][+-]?\d+)?")


def is_formula_text(text: str) -> bool:
    """True for text a spreadsheet program could read as a formula."""
    return text.startswith(FORMULA_STARTS) and _PLAIN_NUMBER.fullmatch(text) is None


def safe_cell(value: object) -> object:
    """The value to write in a cell: formula-like text gets a leading apostrophe, the rest
    (numbers, dates, booleans, ordinary text) is unchanged."""
    if isinstance(value, str) and is_formula_text(value):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    """A row of cells, each through safe_cell."""
    return [safe_cell(v) for v in values]
