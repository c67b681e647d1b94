"""Find details in a personal story that could identify a child, before a moderator reads it.

Publishing anything likely to identify a child in family proceedings is an offence (s.97 Children Act
1989) and publishing material from private proceedings can be contempt (s.12 AJA 1960). ``scan()``
marks the risky spans so the moderator can redact or generalise them; it never edits the text.

Offline and stdlib only, and a leaf: nothing here imports the rest of the application. The scan is tuned
to over-report a little rather than miss: a moderator glancing at a false alarm costs seconds, a missed
child's name can cost a prosecution. Shipped lists back it (campaign/data, sources and licences in
SOURCES.md): common UK first names, UK towns and cities with their region, a gazetteer of villages,
suburbs, districts and estates, every local authority and children's trust, family courts and hearing
centres, NHS hospitals, and the place names that are also everyday words.

One module per sort of detail, each a few small detectors yielding Findings:

- contact.py: phone numbers, email addresses, web addresses, social media handles
- numbers.py: postcodes, NHS numbers, court case numbers
- dates.py, ages.py (with dates of birth and school years), addresses.py, schools.py
- titles.py: people named with a title or a role; names.py: children's names and other first names,
  with kin.py (the words for children and adults) and initials.py; places.py: towns, villages, districts
  and estates, and a place standing for its council ("Leeds took my kids")
- institutions.py: courts, councils and children's services, hospitals, named centres and refuges, by
  the shape of their names and by the lists

redaction.py puts a replacement in place of a detail everywhere so the sentence still reads; placeholders
("[name removed]") are never findings, so applying every suggestion converges.

findings.py defines what they report, tokens.py splits the words once for the detectors that need them,
wordlists.py loads the shipped lists, and scan.py runs every detector and resolves overlaps. Regexes are
compiled at import, the lists are read once on first use.
"""

from __future__ import annotations

from .findings import KINDS, Finding
from .numbers import nhs_check_digit_ok
from .redaction import apply_suggestions, replace_everywhere
from .scan import scan

__all__ = ["KINDS", "Finding", "apply_suggestions", "nhs_check_digit_ok", "replace_everywhere", "scan"]
