"""API tokens: a random secret shown once, stored only as its sha256; role, optional expiry,
last use and revocation recorded. Creating and revoking a token are audited."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from netvet.errors import LookupFailure, RecordError, StoreError
from netvet.service import audit
from netvet.service.roles import Role
from netvet.store.tables import api_tokens

PREFIX = "nvt_"
NAME_MAX = 128
# Last use is written at most this often per token, so reads do not each take the write lock.
LAST_USE_RESOLUTION = timedelta(seconds=60)


@dataclass(frozen=True, slots=True)
class Token:
    """A token as listed: everything but its secret."""

    id: int
    name: str
    role: Role
    created_at: datetime
    created_by: str
    expires: date | None
    last_used_at: datetime | None
    revoked_at: datetime | None

    def is_usable(self, today: date) -> bool:
        """Not revoked, and not past its expiry date (a token works through its expiry day)."""
        return self.revoked_at is None and (self.expires is None or today <= self.expires)

    def as_json(self) -> dict[str, Any]:
        """The token's fields as JSON values (for the audit log and the API)."""
        return {
            "id": self.id,
            "name": self.name,
            "role": str(self.role),
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "expires": self.expires.isoformat() if self.expires else None,
            "last_used_at": self.last_used_at.isoformat() if self.last_used_at else None,
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
        }


def digest(secret: str) -> str:
    """The stored form of a secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


def token_of_row(row: Any) -> Token:
    """A Token from an api_tokens row; SQLite's naive moments are taken as UTC."""
    return Token(
        id=int(row["id"]),
        name=row["name"],
        role=Role(row["role"]),
        created_at=audit.utc(row["created_at"]),
        created_by=row["created_by"],
        expires=row["expires"],
        last_used_at=audit.utc(row["last_used_at"]) if row["last_used_at"] else None,
        revoked_at=audit.utc(row["revoked_at"]) if row["revoked_at"] else None,
    )


def create_token(
    engine: Engine,
    *,
    role: Role,
    by: str,
    name: str | None = None,
    expires: date | None = None,
    request_id: str | None = None,
) -> tuple[Token, str]:
    """A new token and its secret (shown once; only its sha256 is kept)."""
    secret = PREFIX + secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    values = {
        "name": checked_name(name) if name is not None else f"{role}-{secrets.token_hex(3)}",
        "role": str(role),
        "created_at": now,
        "created_by": by,
        "expires": expires,
        "secret_sha256": digest(secret),
    }
    try:
        with engine.begin() as conn:
            token = insert_token(conn, values, request_id)
    except IntegrityError as exc:
        raise RecordError(f"a token named '{values['name']}' already exists", field="name") from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"token not created (nothing written): {exc}") from exc
    return token, secret


def checked_name(name: str) -> str:
    """A token name: 1 to 128 printable characters without spaces (the audit log's "who")."""
    if not (0 < len(name) <= NAME_MAX and name.isprintable() and not any(c.isspace() for c in name)):
        raise RecordError(
            f"a token name is 1 to {NAME_MAX} printable characters without spaces", field="name"
        )
    return name


def insert_token(conn: Connection, values: dict[str, Any], request_id: str | None) -> Token:
    """Insert the token row and its audit row; the token."""
    new_id = conn.execute(insert(api_tokens).values(**values)).inserted_primary_key[0]  # type: ignore[index]
    token = token_of_row({**values, "id": new_id, "last_used_at": None, "revoked_at": None})
    after = token.as_json()
    audit.append(
        conn,
        who=token.created_by,
        action="token.create",
        subject=f"token:{token.name}",
        after=after,
        request_id=request_id,
    )
    return token


def list_tokens(engine: Engine) -> list[Token]:
    """Every token ever made, revoked ones included, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(select(api_tokens).order_by(api_tokens.c.id)).mappings().all()
    return [token_of_row(row) for row in rows]


def find_token(conn: Connection, name_or_id: str) -> Token:
    """The token with that name (or numeric id); LookupFailure when there is none."""
    where = api_tokens.c.name == name_or_id
    if name_or_id.isdigit():
        where = or_(where, api_tokens.c.id == int(name_or_id))
    row = conn.execute(select(api_tokens).where(where)).mappings().first()
    if row is None:
        raise LookupFailure(f"no token named '{name_or_id}'")
    return token_of_row(row)


def revoke_token(engine: Engine, name_or_id: str, *, by: str, request_id: str | None = None) -> Token:
    """Revoke a token (it stays listed, and named in the audit log); the revoked token."""
    with engine.begin() as conn:
        before = find_token(conn, name_or_id)
        if before.revoked_at is not None:
            return before
        now = datetime.now(UTC)
        conn.execute(update(api_tokens).where(api_tokens.c.id == before.id).values(revoked_at=now))
        after = replace(before, revoked_at=now)
        audit.append(
            conn,
            who=by,
            action="token.revoke",
            subject=f"token:{before.name}",
            before=before.as_json(),
            after=after.as_json(),
            request_id=request_id,
        )
    return after


def token_of_secret(engine: Engine, secret: str, now: datetime | None = None) -> Token | None:
    """The usable token whose secret this is, its last use recorded (to the minute); None for
    anything else."""
    now = now or datetime.now(UTC)
    wanted = digest(secret.strip())
    with engine.connect() as conn:
        row = conn.execute(select(api_tokens).where(api_tokens.c.secret_sha256 == wanted)).mappings().first()
    # The lookup is by digest; the comparison in constant time guards the equality itself.
    if row is None or not hmac.compare_digest(row["secret_sha256"], wanted):
        return None
    token = token_of_row(row)
    if not token.is_usable(now.date()):
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USE_RESOLUTION:
        with engine.begin() as conn:
            conn.execute(update(api_tokens).where(api_tokens.c.id == token.id).values(last_used_at=now))
        token = replace(token, last_used_at=now)
    return token
