"""Log in with a token (the form), log out. The login form carries the CSRF value of a pre-login
session, so another site cannot log a browser in under its own token; a successful login starts
a new session (a new CSRF value) and is audited, as is a logout."""

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse

from netvet.service import audit
from netvet.service.auth import Caller, caller_of_token
from netvet.service.responses import request_id
from netvet.service.web.access import (
    PageRoute,
    engine_of,
    secret_of,
    session_of,
    signed_in,
    templates,
    who_of,
)
from netvet.service.web.session import COOKIE, MAX_AGE, Session, csrf_ok, dump_session, new_session

router = APIRouter(route_class=PageRoute)


def with_cookie(response: Response, request: Request, session: Session) -> Response:
    """The response setting the session cookie (HttpOnly, SameSite=Lax, Secure over https)."""
    response.set_cookie(
        COOKIE,
        dump_session(secret_of(request), session),
        max_age=MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response


def login_form(request: Request, message: str | None = None, status: int = 200) -> Response:
    """The login form, in a pre-login session of its own (kept when the browser has one)."""
    session = session_of(request) or new_session()
    page = templates.TemplateResponse(
        request, "login.html", {"caller": None, "csrf": session.csrf, "message": message}, status_code=status
    )
    return with_cookie(page, request, Session(csrf=session.csrf))


@router.get("/login", include_in_schema=False)
def show_login(request: Request) -> Response:
    """The login form."""
    return login_form(request)


def record_login(request: Request, caller: Caller, action: str) -> None:
    """One audit row for a login or logout."""
    with engine_of(request).begin() as conn:
        audit.append(
            conn,
            who=who_of(caller),
            action=action,
            subject=f"token:{caller.token_id}",
            request_id=request_id(request),
        )


@router.post("/login", include_in_schema=False)
def log_in(
    request: Request, token: Annotated[str, Form()] = "", csrf: Annotated[str, Form()] = ""
) -> Response:
    """Check the token; on success a new session and the runs page, else the form again."""
    if not csrf_ok(session_of(request), csrf):
        return login_form(request, "The form had expired: please log in again.", 403)
    caller = caller_of_token(engine_of(request), token.strip())
    if caller is None:
        return login_form(request, "That token is unknown, expired or revoked.", 401)
    record_login(request, caller, "login")
    return with_cookie(RedirectResponse("/", status_code=303), request, new_session(token.strip()))


@router.post("/logout", include_in_schema=False)
def log_out(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
    """End the session (the cookie is dropped) and go back to the login form."""
    caller, session = signed_in(request)
    if csrf_ok(session, csrf):
        record_login(request, caller, "logout")
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE)
        return response
    return RedirectResponse("/", status_code=303)
