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
}


def can(user: User | None, action: str) -> bool:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.has_role(*ACTIONS[action])


def require(user: User | None, action: str) -> None:
    if not can(user, action):
        raise PermissionDenied("You do not have permission to do that.")
