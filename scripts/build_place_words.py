"""Build campaign/data/place_words.txt: the place names the story check must not take for a place when
they are written in lower case, because they are also everyday English ("hope", "street", "pool").

    python3 -m venv /tmp/wordfreq && /tmp/wordfreq/bin/pip install wordfreq==3.1.1
    /tmp/wordfreq/bin/python scripts/build_place_words.py

wordfreq (code Apache-2.0, word lists CC BY-SA 4.0, https://github.com/rspeer/wordfreq) is used only
here, at build time: what ships is the list of names it rated common (Zipf frequency 3.0 or more, about
once per 100,000 words, for one word; 4.0 for a phrase such as "high street"), not its data. A lower-case place is still found after "in", "from", "near"...
unless it is on this list; a capitalised one is found as before.
"""

from __future__ import annotations

import csv
from pathlib import Path

from wordfreq import zipf_frequency

DATA = Path(__file__).resolve().parent.parent / "campaign" / "data"
THRESHOLD = 3.0
PHRASE_THRESHOLD = 4.0


def main() -> None:
    names: set[str] = set()
    for file in ("uk_places.csv", "gazetteer.csv"):
        with (DATA / file).open(encoding="utf-8") as handle:
            names.update(row["name"].lower() for row in csv.DictReader(handle))
    common = sorted(
        n for n in names if zipf_frequency(n, "en") >= (PHRASE_THRESHOLD if " " in n else THRESHOLD)
    )
    header = [
        "# Place names that are also common English words (wordfreq Zipf >= 3.0, phrases 4.0); built by",
        "# scripts/build_place_words.py, which says how. Lower-case only: 'Hope' in capitals is still a place.",
    ]
    (DATA / "place_words.txt").write_text("\n".join(header + common) + "\n", encoding="utf-8")
    print(f"{len(common)} of {len(names)} place names are common words")


if __name__ == "__main__":
    main()
