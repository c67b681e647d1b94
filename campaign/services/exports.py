"""What every CSV export shares: cells a spreadsheet will not run as formulas."""

from __future__ import annotations

# What a spreadsheet may read as the start of a formula. The fullwidth forms (U+FF1D, U+FF0B, U+FF0D, U+FF20)
# are folded to = + - @ by some spreadsheets and by Unicode normalisation; a tab or CR can shift a cell.
FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def safe_cell(value: str | None) -> str:
    """Stop spreadsheet formula injection: a cell someone typed never starts with = + - @ (ASCII or
    fullwidth), a tab or a CR, not even after leading spaces, which spreadsheets skip."""
    value = value or ""
    if value[:1] in FORMULA_STARTS or value.lstrip()[:1] in FORMULA_STARTS:
        return "'" + value
    return value
