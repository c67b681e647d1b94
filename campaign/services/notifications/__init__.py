"""Telling people what needs them: one entry point, ``notify`` (and ``notify_staff`` for everyone whose role
may act), that every service calls; each person's choice per kind (immediately, a daily digest, or off);
the daily digest.

kinds        what can be notified, who may receive each kind, its default, whether it may be switched off
preferences  reading and saving a person's choices
sending      notify() and notify_staff(): an email now, an item for the digest, or nothing
digest       send_digests(), run daily by the scheduler: one email per person with everything waiting
"""

from .digest import send_digests
from .kinds import KINDS, Kind, kind_named, kinds_for
from .preferences import choice_for, choices_for, save_choices
from .sending import notify, notify_staff

__all__ = [
    "KINDS",
    "Kind",
    "choice_for",
    "choices_for",
    "kind_named",
    "kinds_for",
    "notify",
    "notify_staff",
    "save_choices",
    "send_digests",
]
