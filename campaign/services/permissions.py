"""Who may do what. Views call these too, but the services are where the check is enforced."""

from __future__ import annotations

from ..models import Role, User
from .errors import PermissionDenied

# Each action names the roles that may take it; admins may take every action.
# Features add their actions here as they arrive.
ACTIONS: dict[str, tuple[Role, ...]] = {
    "manage_users": (),
    "create_petitions": (Role.ORGANISER, Role.MEMBER),
    "moderate_petitions": (Role.ORGANISER,),
    "export_signatures": (Role.ORGANISER,),
    # Counts per source (member organisation, share link) for any petition; owners see their own too.
    "view_petition_sources": (Role.ORGANISER,),
    "moderate_stories": (Role.ORGANISER, Role.MODERATOR),
    # A second check in the service refuses anyone who worked on the story's text.
    "publish_stories": (Role.ORGANISER, Role.MODERATOR),
    "review_applications": (Role.ORGANISER,),
    # Organisers may edit any member organisation; editors only their own (see can_edit_organisation).
    "edit_any_organisation": (Role.ORGANISER,),
    "edit_coalition_pages": (Role.ORGANISER,),
    "send_campaigns": (Role.ORGANISER,),
    # Donation figures, donors' details, exports and Gift Aid claims; the coalition's giving settings.
    "view_donations": (Role.ORGANISER,),
    "manage_donations": (Role.ORGANISER,),
    # The coalition overview: petitions' pace, stories by step, email figures (donations need view_donations).
    "view_coalition_overview": (Role.ORGANISER,),
}


def can(user: User | None, action: str) -> bool:
    if not _signed_in(user):
        return False
    return user.has_role(*ACTIONS[action])


def require(user: User | None, action: str) -> None:
    if not can(user, action):
        raise PermissionDenied("You do not have permission to do that.")


def _signed_in(user: User | None) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def can_edit_organisation(user: User | None, organisation) -> bool:
    """An organisation's editors are the members linked to it; organisers and admins may edit any."""
    if not _signed_in(user) or organisation is None:
        return False
    return can(user, "edit_any_organisation") or (
        user.role == Role.MEMBER
        and user.organisation_id is not None
        and user.organisation_id == organisation.id
    )


def can_manage_organisation_people(user: User | None, organisation) -> bool:
    """Only the organisation's first contact (and organisers) invite and remove its people."""
    if not _signed_in(user) or organisation is None:
        return False
    return can(user, "edit_any_organisation") or (
        organisation.contact_id == user.id and user.organisation_id == organisation.id
    )


def require_organisation(user: User | None, organisation, people: bool = False) -> None:
    allowed = can_manage_organisation_people if people else can_edit_organisation
    if not allowed(user, organisation):
        raise PermissionDenied("You do not have permission to change this organisation.")
