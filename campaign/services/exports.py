"""What every CSV export shares: cells a spreadsheet will not run as formulas."""

from __future__ import annotations


def safe_cell(value: str | None) -> str:
    """Stop spreadsheet formula injection: a cell someone typed never starts with = + - @ (or a tab or CR)."""
    value = value or ""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
