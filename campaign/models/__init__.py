"""One module per aggregate. Importing this package registers every table on the metadata."""

from ._types import utcnow
from .accounts import LoginSession, Role, User
from .coalition import Organisation, Page, PageKind
from .mail import Email, EmailState, OutboxMessage
from .petitions import (
    CorrectionState,
    PaperBatch,
    Petition,
    PetitionCorrection,
    PetitionEvent,
    PetitionState,
    PetitionUpdate,
    RejectionReason,
    Signature,
    SignatureState,
)
from .stories import (
    Story,
    StoryApproval,
    StoryComplaint,
    StoryConsent,
    StoryDraft,
    StoryEvent,
    StoryFinding,
    StoryState,
    story_petitions,
    text_hash,
)

__all__ = [
    "CorrectionState",
    "Email",
    "EmailState",
    "LoginSession",
    "Organisation",
    "OutboxMessage",
    "Page",
    "PaperBatch",
    "PetitionCorrection",
    "PageKind",
    "Petition",
    "PetitionEvent",
    "PetitionState",
    "PetitionUpdate",
    "RejectionReason",
    "Signature",
    "SignatureState",
    "Role",
    "Story",
    "StoryApproval",
    "StoryComplaint",
    "StoryConsent",
    "StoryDraft",
    "StoryEvent",
    "StoryFinding",
    "StoryState",
    "story_petitions",
    "text_hash",
    "User",
    "utcnow",
]
