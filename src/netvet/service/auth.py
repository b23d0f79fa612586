"""Who is calling: `Authorization: Bearer TOKEN` checked against the stored tokens, and a
dependency per role. No, a bad, an expired or a revoked token is a 401; a role too low a 403."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from netvet.errors import AccessError, RoleError
from netvet.service.roles import Role
from netvet.service.tokens import token_of_secret

__all__ = ["Caller", "Role", "caller_of_token", "require"]

bearer = HTTPBearer(auto_error=False, description="A token from `netvet token create`.")


@dataclass(frozen=True, slots=True)
class Caller:
    """The holder of a valid token: its id and name (the audit log's "who") and its role."""

    token_id: int
    token_name: str
    role: Role


def caller_of_token(engine: Engine, text: str) -> Caller | None:
    """The caller a token's text stands for, or None when it is unknown, expired or revoked
    (the dashboard's login calls this too)."""
    token = token_of_secret(engine, text)
    return None if token is None else Caller(token_id=token.id, token_name=token.name, role=token.role)


def caller_of_request(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Caller:
    """The caller of a request; AccessError when its bearer token is missing or not valid."""
    if credentials is None or credentials.scheme.casefold() != "bearer":
        raise AccessError("a bearer token is required (Authorization: Bearer TOKEN)")
    caller = caller_of_token(request.app.state.engine, credentials.credentials)
    if caller is None:
        raise AccessError("the token is unknown, expired or revoked")
    return caller


def require(role: Role) -> Callable[..., Caller]:
    """A dependency giving the caller when their role is at least `role`:
    `caller: Caller = Depends(require(Role.ANALYST))`."""

    def dependency(
        request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
    ) -> Caller:
        caller = caller_of_request(request, credentials)
        if not caller.role.allows(role):
            raise RoleError(f"this needs the {role} role; the token '{caller.token_name}' is {caller.role}")
        return caller

    return dependency
