"""The signed session cookie and the CSRF check."""

from netvet.service.web.session import csrf_ok, dump_session, load_session, new_session


def test_a_session_survives_its_cookie() -> None:
    session = new_session("nvt_secret")
    assert load_session("key", dump_session("key", session)) == session


def test_a_cookie_signed_with_another_key_or_altered_is_no_session() -> None:
    cookie = dump_session("key", new_session("nvt_secret"))
    assert load_session("other key", cookie) is None
    assert load_session("key", cookie[:-2] + ("AA" if not cookie.endswith("AA") else "BB")) is None
    assert load_session("key", None) is None


def test_every_session_gets_its_own_csrf_value() -> None:
    first, second = new_session(), new_session()
    assert first.csrf != second.csrf and len(first.csrf) >= 32


def test_csrf_is_checked_against_the_session() -> None:
    session = new_session()
    assert csrf_ok(session, session.csrf)
    assert not csrf_ok(session, "")
    assert not csrf_ok(session, new_session().csrf)
    assert not csrf_ok(None, session.csrf)
