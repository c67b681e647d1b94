"""Contact details: UK phone numbers, email addresses, web addresses (social media links among them) and
social media handles."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .findings import Finding, make_finding

# A UK number: +44 / 0044 / 0, then 9 or 10 more digits with single spaces or hyphens between groups
# and brackets round the area code. Counting digits, not groups, covers every spacing people use.
_PHONE = re.compile(
    r"(?<![\w+/.])"
    r"(?:(?:\+|00)44[ \-]?(?:\(0\)[ \-]?)?\(?|\(0|0)"
    r"([1-37-9](?:[ \-]?\)?[ \-]?\d){8,9})"
    r"(?![\d/])"
)


def detect_phones(text: str) -> Iterator[Finding]:
    for m in _PHONE.finditer(text):
        if m.group(1)[:3] in {"800", "808"}:
            continue  # freephone numbers are helplines and organisations, never a family's own line
        yield make_finding(text, "phone", m.start(), m.end(), "UK phone number", "[phone number removed]")


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")


def detect_emails(text: str) -> Iterator[Finding]:
    for m in _EMAIL.finditer(text):
        yield make_finding(text, "email", m.start(), m.end(), "Email address", "[email address removed]")


_URL = re.compile(r"(?=[hHwW])\b(?:https?://|www\.)[^\s<>\"“”‘’]+", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    r"(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(?:co\.uk|org\.uk|gov\.uk|ac\.uk|nhs\.uk|sch\.uk|ltd\.uk|me\.uk|police\.uk|com|org|net|uk|io|info|biz"
    r"|me|tv|co|app|blog|online|site|eu|ie|scot|wales|cymru|london)\b(?!\.\w|@)(?:/[^\s<>\"“”]*)?",
    re.IGNORECASE,
)
_SOCIAL_SITES = re.compile(
    r"facebook|fb\.com|instagram|tiktok|twitter|x\.com|youtube|youtu\.be|linkedin"
    r"|snapchat|threads|reddit|gofundme|justgiving",
    re.IGNORECASE,
)


def _trim_url(url: str) -> str:
    """Trailing punctuation is the sentence's, not the address's; a closing bracket stays when it closes one
    the address opened. One pass from the end with running counts, so a run of ")))" stays linear."""
    end = len(url)
    opened = url.count("(")
    closed = url.count(")")
    while end and url[end - 1] in ".,;:!?'\")]}":
        if url[end - 1] == ")":
            if opened >= closed:
                break
            closed -= 1
        end -= 1
    return url[:end]


# National sites anyone may point to (a council's own site, leeds.gov.uk, still names the council).
_PUBLIC_HOSTS = frozenset(
    """gov.uk nhs.uk parliament.uk petition.parliament.uk legislation.gov.uk judiciary.uk cafcass.gov.uk
    nspcc.org.uk childline.org.uk citizensadvice.org.uk womensaid.org.uk refuge.org.uk shelter.org.uk
    barnardos.org.uk frg.org.uk familyrightsgroup.org.uk samaritans.org mind.org.uk gingerbread.org.uk
    rightsofwomen.org.uk coramchildlaw.org.uk bbc.co.uk bbc.com theguardian.com mumsnet.com
    nationaldahelpline.org.uk youngminds.org.uk ofsted.gov.uk cqc.org.uk bailii.org
    nationalarchives.gov.uk caselaw.nationalarchives.gov.uk gov.wales gov.scot nidirect.gov.uk
    llyw.cymru mygov.scot""".split()
)
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/?#:]+)", re.IGNORECASE)


def _public_site(url: str) -> bool:
    m = _HOST.match(url)
    if m is None:
        return False
    host = m.group(1).lower()
    if host in _PUBLIC_HOSTS:
        return True
    # Pages of GOV.UK itself (www.gov.uk/...) and of the NHS website, not councils' own domains.
    return host in {"www.gov.uk", "www.nhs.uk"}


def detect_urls(text: str) -> Iterator[Finding]:
    for pattern in (_URL, _BARE_DOMAIN):
        for m in pattern.finditer(text):
            url = _trim_url(m.group())
            if "." not in url or _public_site(url):
                continue
            social = bool(_SOCIAL_SITES.search(url))
            yield make_finding(
                text,
                "url",
                m.start(),
                m.start() + len(url),
                "Social media link" if social else "Web address",
                "[web address removed]",
            )


_HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")


# "snapchat millies_dad_db", "my fb is jacobandelliesdad", "snap me kayla_halifax23": a handle without its @
_NAMED_HANDLE = re.compile(
    r"(?=[sSiIfFtTxX])\b(?:snapchat|snap|sc|insta|instagram|ig|fb|facebook|tiktok|tik\s+tok|twitter|threads|x)"
    r"(?:\s+(?:is|me|at|on|name\s+is|page\s+is|handle\s+is|@))*\s+(?P<handle>[A-Za-z0-9_.]{3,30}[A-Za-z0-9_])\b",
    re.IGNORECASE,
)
_NOT_HANDLES = frozenset(
    """and the but for with about page group account post posts story stories live message messages me
    too also now then this that where when because if so its it is was are were not never every all
    any some which who what there their them they he she we you your my his her our me""".split()
)


def detect_social_handles(text: str) -> Iterator[Finding]:
    for m in _NAMED_HANDLE.finditer(text):
        handle = m.group("handle")
        said_is = bool(re.search(r"\b(?:is|me|@)\s*$", text[m.start() : m.start("handle")], re.IGNORECASE))
        if handle.lower() in _NOT_HANDLES or "." in handle and not said_is:
            continue
        if said_is or "_" in handle or any(c.isdigit() for c in handle):
            yield make_finding(
                text,
                "social_handle",
                m.start("handle"),
                m.end("handle"),
                "Social media handle",
                "[social media handle removed]",
            )
    for m in _HANDLE.finditer(text):
        yield make_finding(
            text, "social_handle", m.start(), m.end(), "Social media handle", "[social media handle removed]"
        )
