class ServiceError(Exception):
    """A rule said no; the message is safe to show the person."""


class PermissionDenied(ServiceError):
    """The person is signed in but may not do this."""


class NotFound(ServiceError):
    pass
