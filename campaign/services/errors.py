class ServiceError(Exception):
    """A rule said no; the message is safe to show the person. ``field`` names the form field it is about."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class PermissionDenied(ServiceError):
    """The person is signed in but may not do this."""


class NotFound(ServiceError):
    pass


def attach_to_form(form, problem: ServiceError) -> str | None:
    """Put the message beside its field; return it instead if it belongs to no field (for the summary)."""
    field = getattr(form, problem.field, None) if problem.field else None
    if field is None:
        return str(problem)
    field.errors = [*field.errors, str(problem)]
    return None
