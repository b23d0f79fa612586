"""Tokens: the secret is shown once and only its sha256 stored; list, revoke, last use, expiry."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from netvet.errors import LookupFailure, RecordError
from netvet.service.auth import caller_of_token
from netvet.service.roles import Role
from netvet.service.tokens import create_token, digest, list_tokens, revoke_token, token_of_secret
from netvet.store.tables import api_tokens


def test_only_the_digest_is_stored(store: Engine) -> None:
    token, secret = create_token(store, role=Role.VIEWER, by="test", name="reader")
    with store.connect() as conn:
        row = conn.execute(select(api_tokens)).mappings().one()
    assert secret not in {str(v) for v in row.values()}
    assert row["secret_sha256"] == digest(secret) and token.name == "reader"
    assert caller_of_token(store, secret) is not None


def test_list_and_revoke(store: Engine) -> None:
    create_token(store, role=Role.ADMIN, by="test", name="a")
    _, secret = create_token(store, role=Role.ANALYST, by="test")
    assert [t.role for t in list_tokens(store)] == [Role.ADMIN, Role.ANALYST]
    revoked = revoke_token(store, "a", by="test")
    assert revoked.revoked_at is not None
    assert [t.name for t in list_tokens(store)][0] == "a"  # still listed
    assert list_tokens(store)[1].name.startswith("analyst-")
    assert token_of_secret(store, secret) is not None
    with pytest.raises(LookupFailure, match="no token named 'zz'"):
        revoke_token(store, "zz", by="test")


def test_names_are_unique(store: Engine) -> None:
    create_token(store, role=Role.ADMIN, by="test", name="same")
    with pytest.raises(RecordError, match="already exists") as duplicate:
        create_token(store, role=Role.VIEWER, by="test", name="same")
    assert duplicate.value.field == "name"
    for bad in ("", "two words", "x" * 129, "tab\there"):
        with pytest.raises(RecordError, match="printable characters") as wrong:
            create_token(store, role=Role.VIEWER, by="test", name=bad)
        assert wrong.value.field == "name"
    assert len(list_tokens(store)) == 1


def test_last_use_is_recorded(store: Engine) -> None:
    _, secret = create_token(store, role=Role.VIEWER, by="test", name="u")
    assert list_tokens(store)[0].last_used_at is None
    first = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    token_of_secret(store, secret, first)
    assert list_tokens(store)[0].last_used_at == first
    token_of_secret(store, secret, first + timedelta(seconds=5))  # within the minute: not rewritten
    token_of_secret(store, secret, first + timedelta(minutes=3))
    assert list_tokens(store)[0].last_used_at == first + timedelta(minutes=3)


def test_a_token_works_through_its_expiry_day(store: Engine) -> None:
    _, secret = create_token(store, role=Role.VIEWER, by="test", expires=date(2026, 12, 31))
    assert token_of_secret(store, secret, datetime(2026, 12, 31, 23, 59, tzinfo=UTC)) is not None
    assert token_of_secret(store, secret, datetime(2027, 1, 1, 0, 0, tzinfo=UTC)) is None


def test_roles_are_ordered() -> None:
    assert [r.rank for r in Role] == [0, 1, 2]
    assert Role.ADMIN.allows(Role.ANALYST) and Role.ANALYST.allows(Role.ANALYST)
    assert not Role.VIEWER.allows(Role.ANALYST)
