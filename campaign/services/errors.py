"""The two ways a service says no, kept apart so that catching one never swallows the other.

``ServiceError``: a rule said no to what the person asked; the message is safe to show them, beside the form
field it is about (``field``) or in the form's error summary. Views catch it and show the form again.

``Refusal`` (``PermissionDenied``, ``NotFound``): the request is refused as a whole. It is not a form error:
views let it propagate, and the web layer answers it in one place (``campaign.web.errors``) with the 403 or
404 page, or JSON on machine paths. A view catches one only to show a page of its own (the storyteller's
"we could not find your story"), never to put it beside a field."""


class ServiceError(Exception):
    """A rule said no; the message is safe to show the person. ``field`` names the form field it is about."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class Refusal(Exception):
    """The request is refused as a whole; the message says why, for logs and for views with a page of their own."""


class PermissionDenied(Refusal):
    """The person may not do this (signed out, or signed in without the permission)."""


class NotFound(Refusal):
    """There is no such thing, or none the person may see."""


def attach_to_form(form, problem: ServiceError) -> str | None:
    """Put the message beside its field; return it instead if it belongs to no field (for the summary)."""
    field = getattr(form, problem.field, None) if problem.field else None
    if field is None:
        return str(problem)
    field.errors = [*field.errors, str(problem)]
    return None
