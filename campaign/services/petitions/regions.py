"""UK postcodes to nation and region, offline, from the shipped table of postcode areas.

A postcode area (the leading letters: SW, M, BT...) maps to the ONS region where most of it lies;
a few areas straddle a border (CH, SY, LD, TD), and those count toward their larger side.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "postcode_areas.csv"

REGIONS: dict[str, tuple[str, str]] = {
    # code: (name, nation)
    "north-east": ("North East", "england"),
    "north-west": ("North West", "england"),
    "yorkshire-and-the-humber": ("Yorkshire and the Humber", "england"),
    "east-midlands": ("East Midlands", "england"),
    "west-midlands": ("West Midlands", "england"),
    "east-of-england": ("East of England", "england"),
    "london": ("London", "england"),
    "south-east": ("South East", "england"),
    "south-west": ("South West", "england"),
    "wales": ("Wales", "wales"),
    "scotland": ("Scotland", "scotland"),
    "northern-ireland": ("Northern Ireland", "northern-ireland"),
    "crown-dependencies": ("Channel Islands and Isle of Man", "crown-dependencies"),
}
NATIONS = {
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
    "crown-dependencies": "Crown Dependencies",
}

# Outward code (area, district, optional sub-district letter) and inward code (sector digit, unit letters).
_POSTCODE = re.compile(r"^([A-Z]{1,2})([0-9][0-9A-Z]?)\s*([0-9][ABD-HJLNP-UW-Z]{2})$")


@cache
def postcode_areas() -> dict[str, str]:
    with DATA.open(encoding="utf-8") as handle:
        return {row["area"]: row["region"] for row in csv.DictReader(handle)}


def normalise_postcode(raw: str) -> str | None:
    """'sw1a1aa' -> 'SW1A 1AA'; None if it is not shaped like a UK postcode or its area is unknown."""
    compact = re.sub(r"\s+", "", (raw or "").upper())
    match = _POSTCODE.match(compact)
    if not match or match.group(1) not in postcode_areas():
        return None
    return f"{match.group(1)}{match.group(2)} {match.group(3)}"


def region_for_postcode(postcode: str) -> str | None:
    normalised = normalise_postcode(postcode)
    if normalised is None:
        return None
    area = re.match(r"[A-Z]+", normalised).group(0)
    return postcode_areas().get(area)


def region_name(code: str | None) -> str:
    return REGIONS[code][0] if code in REGIONS else "Outside the UK"


def nation_of(code: str | None) -> str | None:
    return REGIONS[code][1] if code in REGIONS else None
