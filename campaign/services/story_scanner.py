# TEMPORARY stand-in while the real scanner is written; not to be committed.
import re
from dataclasses import dataclass

KINDS = {"postcode": "UK postcode", "child_name": "Possible child's name", "address": "Street address"}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    match: str
    label: str
    suggestion: str


_P = [("postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"), "a town"),
      ("child_name", re.compile(r"(?<=my son )[A-Z][a-z]+"), "my son"),
      ("address", re.compile(r"\b\d+ [A-Z][a-z]+ (?:Avenue|Road|Street)\b"), "our home")]


def scan(text):
    out = []
    for kind, pattern, suggestion in _P:
        for m in pattern.finditer(text):
            out.append(Finding(kind, m.start(), m.end(), m.group(0), KINDS[kind], suggestion))
    return sorted(out, key=lambda f: f.start)
