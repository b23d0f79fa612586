"""The dashboard's session: a signed cookie holding the caller's token and a CSRF secret.

The cookie is signed (itsdangerous), not encrypted: it holds only the token its own browser typed
in, so signing is what matters (nobody can forge or alter one). The token is checked again on every
request, so a revoked or expired token ends the session at once. Every form carries the session's
CSRF value and every POST compares it in constant time: a page of another site can make the browser
send the cookie, but it cannot read the value to put in the form."""

import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE = "netvet_session"
# A session lasts a working day; the token's own expiry and revocation still apply within it.
MAX_AGE = 12 * 3600
SALT = "netvet-dashboard-session"


@dataclass(frozen=True, slots=True)
class Session:
    """What the cookie holds: the token (None before login) and the CSRF secret of its forms."""

    csrf: str
    token: str | None = None


def new_session(token: str | None = None) -> Session:
    """A session with a fresh CSRF secret (a new one at login, so a pre-login value is useless)."""
    return Session(csrf=secrets.token_urlsafe(32), token=token)


def signer(secret: str) -> URLSafeTimedSerializer:
    """The serializer that signs and checks session cookies with the service's secret."""
    return URLSafeTimedSerializer(secret, salt=SALT)


def dump_session(secret: str, session: Session) -> str:
    """The cookie value of a session."""
    return str(signer(secret).dumps({"c": session.csrf, "t": session.token}))


def load_session(secret: str, cookie: str | None) -> Session | None:
    """The session a cookie holds; None when absent, forged, altered or older than MAX_AGE."""
    if not cookie:
        return None
    try:
        data = signer(secret).loads(cookie, max_age=MAX_AGE)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("c"), str):
        return None
    token = data.get("t")
    return Session(csrf=data["c"], token=token if isinstance(token, str) else None)


def csrf_ok(session: Session | None, sent: str | None) -> bool:
    """True when a form's CSRF value is the session's (compared in constant time)."""
    if session is None or not sent:
        return False
    return hmac.compare_digest(session.csrf.encode(), sent.encode())
