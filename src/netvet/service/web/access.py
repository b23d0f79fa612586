"""Who is looking at a page: the session cookie's token checked like an API token, the role a page
needs, and the CSRF check of every form. A page without a valid session sends the browser to the
login form; a role too low gets a 403 page, and a netvet error an HTML page with the status the
API would answer (not the API's JSON)."""

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from fastapi.responses import RedirectResponse
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine

from netvet.errors import NetvetError
from netvet.service.auth import Caller, caller_of_token
from netvet.service.responses import status_of
from netvet.service.roles import Role
from netvet.service.web.session import COOKIE, Session, csrf_ok, load_session

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


class LoginRequired(Exception):
    """No valid session: the browser goes to the login form."""


class PageForbidden(Exception):
    """The caller's role is below the one the page needs."""

    def __init__(self, caller: Caller, needed: Role) -> None:
        super().__init__(f"this page needs the {needed} role; '{caller.token_name}' is {caller.role}")
        self.caller = caller


class BadForm(Exception):
    """A form came without the session's CSRF value."""


class PageRoute(APIRoute):
    """A dashboard route: the exceptions above become a redirect or an HTML error page, where the
    API's handlers would answer JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except LoginRequired:
                return RedirectResponse("/login", status_code=303)
            except PageForbidden as exc:
                return error_page(request, exc.caller, 403, str(exc))
            except BadForm:
                return error_page(
                    request, None, 403, "the form is stale or forged (CSRF check failed): reload the page"
                )
            except NetvetError as exc:  # an unknown run is a 404, a bad value a 400, as in the API
                return error_page(request, None, status_of(exc), str(exc))

        return handle


def error_page(request: Request, caller: Caller | None, status: int, message: str) -> Response:
    """An HTML page saying what went wrong."""
    return templates.TemplateResponse(
        request, "error.html", {"caller": caller, "message": message, "csrf": ""}, status_code=status
    )


def engine_of(request: Request) -> Engine:
    """The store the app serves."""
    engine: Engine = request.app.state.engine
    return engine


def secret_of(request: Request) -> str:
    """The key session cookies are signed with."""
    secret = request.app.state.secret
    return secret.hex() if isinstance(secret, bytes) else str(secret)


def session_of(request: Request) -> Session | None:
    """The request's session, when its cookie is genuine and current."""
    return load_session(secret_of(request), request.cookies.get(COOKIE))


def signed_in(request: Request) -> tuple[Caller, Session]:
    """The caller and session; LoginRequired when there is no valid token in the session."""
    session = session_of(request)
    caller = caller_of_token(engine_of(request), session.token) if session and session.token else None
    if caller is None or session is None:
        raise LoginRequired
    return caller, session


def page_caller(needed: Role) -> Callable[[Request], tuple[Caller, Session]]:
    """A dependency: the caller and session of a page that needs at least `needed`."""

    def dependency(request: Request) -> tuple[Caller, Session]:
        caller, session = signed_in(request)
        if not caller.role.allows(needed):
            raise PageForbidden(caller, needed)
        return caller, session

    return dependency


def check_form(session: Session, sent: str | None) -> None:
    """BadForm unless the form carries the session's CSRF value."""
    if not csrf_ok(session, sent):
        raise BadForm


def render(request: Request, name: str, who: tuple[Caller, Session], **values: Any) -> Response:
    """A page, with the caller and the CSRF value its forms carry."""
    caller, session = who
    return templates.TemplateResponse(request, name, {"caller": caller, "csrf": session.csrf, **values})


def who_of(caller: Caller) -> str:
    """The audit log's name for a dashboard user."""
    return f"web:{caller.token_name}"
