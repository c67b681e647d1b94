"""What a scan reports: one ``Finding`` per detail, the kinds of detail (``KINDS``) and, when findings of
different kinds overlap, which kind wins (``PRIORITY``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One detail: ``text[start:end] == match``; ``label`` says why, ``suggestion`` is a generalised
    replacement a moderator might use ("my son", "a town in the North West", "[name removed]")."""

    kind: str  # a key of KINDS
    start: int
    end: int
    match: str
    label: str
    suggestion: str


KINDS = {
    "postcode": "UK postcode",
    "phone": "Phone number",
    "email": "Email address",
    "nhs_number": "NHS number",
    "date": "Date",
    "age": "Age or date of birth",
    "case_number": "Court case number",
    "school": "School or nursery",
    "child_name": "Possible child's name",
    "first_name": "First name",
    "titled_name": "Named person with a title",
    "address": "Street address",
    "url": "Web address",
    "social_handle": "Social media handle",
    "place": "Town or place name",
    "court": "Court or hearing centre",
    "local_authority": "Council or children's services",
    "hospital": "Hospital",
    "service": "Named centre or service",
}

# When findings of different kinds overlap, the longer wins; at equal length the kind that says more
# about the risk wins (a phone-shaped number that passes the NHS check digit is an NHS number).
PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        [
            "nhs_number",
            "case_number",
            "email",
            "url",
            "social_handle",
            "postcode",
            "phone",
            "school",
            "court",
            "local_authority",
            "hospital",
            "service",
            "address",
            "titled_name",
            "child_name",
            "age",
            "date",
            "place",
            "first_name",
        ]
    )
}


def make_finding(text: str, kind: str, start: int, end: int, label: str, suggestion: str) -> Finding:
    return Finding(kind, start, end, text[start:end], label, suggestion)
