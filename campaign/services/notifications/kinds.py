"""The kinds of notification: who may receive each, its default, and whether it may be switched off.

A kind someone must act on for the work to move (their petition sent back with a note; a complaint about
a published story; a bulk send that paused itself) offers "immediately" and "daily digest" only: it can
be put off until the digest, never lost. Emails a storyteller gets about their own story, and sign-in and
password emails, are not notifications: they go to an address, not an account, and are always sent."""

from __future__ import annotations

from dataclasses import dataclass

from ...models import NotificationChoice, User
from ..permissions import can

AUTHOR = "author"  # about a petition the person started


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # what the preferences page calls it
    hint: str
    # Who may receive it: AUTHOR (anyone who may start petitions), or the permission (services/permissions.py)
    # whose holders are told because they may act on it. Several: anyone matching one of them.
    audience: tuple[str, ...]
    default: str = NotificationChoice.IMMEDIATELY
    can_switch_off: bool = True

    @property
    def choices(self) -> tuple[str, ...]:
        if self.can_switch_off:
            return NotificationChoice.ALL
        return (NotificationChoice.IMMEDIATELY, NotificationChoice.DIGEST)

    def may_receive(self, user: User) -> bool:
        return any(
            can(user, "create_petitions") if audience == AUTHOR else can(user, audience)
            for audience in self.audience
        )


KINDS: tuple[Kind, ...] = (
    # About your own petition
    Kind("petition_approved", "Your petition is approved", "It is open for signatures.", (AUTHOR,)),
    Kind(
        "petition_sent_back",
        "Your petition is sent back with a note",
        "An organiser asks for changes before it can open. You need to act on this, so it cannot be "
        "switched off.",
        (AUTHOR,),
        can_switch_off=False,
    ),
    Kind("petition_rejected", "Your petition is rejected", "With the reason.", (AUTHOR,)),
    Kind("petition_closed", "Your petition closes", "At its deadline, or early.", (AUTHOR,)),
    Kind(
        "petition_milestone",
        "A petition reaches a milestone or its target",
        "Yours, or (for organisers) any petition.",
        (AUTHOR, "moderate_petitions"),
    ),
    Kind("petition_update", "An organiser posts an update on your petition", "", (AUTHOR,)),
    # Work waiting for organisers and moderators
    Kind(
        "petition_waiting",
        "A petition is waiting for approval",
        "Submitted by its author.",
        ("moderate_petitions",),
    ),
    Kind(
        "correction_waiting",
        "A correction to a petition is waiting",
        "Someone asks to change an open petition's wording.",
        ("moderate_petitions",),
    ),
    Kind(
        "story_waiting",
        "A story is waiting for a moderator",
        "A new story, or one its storyteller has approved or asked to change.",
        ("moderate_stories",),
    ),
    Kind(
        "story_complaint",
        "A complaint about a published story",
        "Someone may be identifiable or at risk, so this cannot be switched off.",
        ("moderate_stories",),
        can_switch_off=False,
    ),
    Kind(
        "application_waiting",
        "An application to join the coalition is waiting",
        "",
        ("review_applications",),
    ),
    Kind(
        "campaign_paused",
        "A bulk email paused itself",
        "Nothing more is sent until someone looks, so this cannot be switched off.",
        ("send_campaigns",),
        can_switch_off=False,
    ),
)

_BY_KEY = {kind.key: kind for kind in KINDS}


def kind_named(key: str) -> Kind:
    return _BY_KEY[key]


def label_of(key: str) -> str:
    """The kind's name for the digest's headings; a kind since retired keeps its key rather than fail."""
    kind = _BY_KEY.get(key)
    return kind.label if kind else key.replace("_", " ").capitalize()


def kinds_for(user: User) -> list[Kind]:
    """The kinds this person may receive, by their role, in the page's order."""
    return [kind for kind in KINDS if kind.may_receive(user)]
