"""Who may do what. Views call these too, but the services are where the check is enforced."""

from __future__ import annotations

from ..models import Role, User
from .errors import PermissionDenied

# Each action names the roles that may take it; admins may take every action.
ACTIONS: dict[str, tuple[Role, ...]] = {
    "view_dashboard": (Role.ORGANISER, Role.MODERATOR, Role.MEMBER),
    "manage_users": (),
    "view_organiser_area": (Role.ORGANISER,),
    "moderate": (Role.ORGANISER, Role.MODERATOR),
    "view_outbox": (Role.ORGANISER,),
}


def can(user: User | None, action: str) -> bool:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.has_role(*ACTIONS[action])


def require(user: User | None, action: str) -> None:
    if not can(user, action):
        raise PermissionDenied("You do not have permission to do that.")
