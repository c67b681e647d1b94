"""How well the story check finds what identifies a family: per-kind recall and false alarms on the
hand-marked corpus, in two parts, and how often safe look-alikes are flagged.

    python -m bench.scanner_accuracy [--notes]

- tuning part: tests/unit/scanner_corpus.py and scanner_corpus_more.py, the stories the check was
  developed against (read as a regression check: its figures overstate what the check does on new text);
- held-out part: tests/unit/scanner_heldout.py, written by someone who had not read the check's code and
  scored only once the check was frozen. This is the figure that counts.

The aims (issue 14): recall at least 95% for postcodes, phones, emails, NHS and case numbers, dates, ages
and schools; at least 90% for names, streets, places, courts and local authorities; look-alikes flagged
at most 5%. Each table marks every kind "ok" or "MISS" against its aim. ``--notes`` lists the misses and
false alarms of the tuning part (never of the held-out part, so that it stays held out).
"""

from __future__ import annotations

import argparse

from campaign.scanner import scan
from tests.unit import scanner_corpus


def run(notes: bool = False) -> dict[str, float]:
    tuning = scanner_corpus.corpus()
    held_out, held_out_lookalikes = scanner_corpus.held_out()
    print("Story check accuracy: tuning part (developed against; a regression check)")
    print(scanner_corpus.report(scan, tuning, scanner_corpus.LOOKALIKES, notes_shown=notes))
    print()
    print("Story check accuracy: held-out part (not read by whoever tuned the check; the figure that counts)")
    print(scanner_corpus.report(scan, held_out, held_out_lookalikes, notes_shown=False))
    figures: dict[str, float] = {}
    for name, stories, lookalikes in (
        ("tuning", tuning, scanner_corpus.LOOKALIKES),
        ("held_out", held_out, held_out_lookalikes),
    ):
        scores, _ = scanner_corpus.evaluate(scan, stories)
        flagged, _ = scanner_corpus.lookalikes_flagged(scan, lookalikes)
        figures[f"{name}_recall"] = sum(s.found for s in scores.values()) / max(
            1, sum(s.expected for s in scores.values())
        )
        figures[f"{name}_lookalikes_flagged"] = flagged / max(1, len(lookalikes))
        figures[f"{name}_aims_missed"] = sum(
            1
            for kind, aim in scanner_corpus.AIMS.items()
            if kind in scores and scores[kind].expected and scores[kind].recall < aim
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", action="store_true", help="list the tuning part's misses")
    run(parser.parse_args().notes)


if __name__ == "__main__":
    main()
