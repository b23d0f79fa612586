"""Errors the routes raise, answered by the service's handlers (service/responses.py) in the one
shape {"error": message, "field": name or null}: a bad value is a 400 naming its field, an
unknown run, job, list or report a 404."""

from netvet.errors import LookupFailure, RecordError


def bad_request(message: str, field: str) -> RecordError:
    """A 400 naming the field at fault."""
    return RecordError(message, field=field)


def not_found(message: str) -> LookupFailure:
    """A 404."""
    return LookupFailure(message)
