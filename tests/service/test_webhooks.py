"""Webhooks against a receiver on 127.0.0.1: one signed JSON POST per subscription, retried with
backoff while the receiver fails, bounded, recorded, and sent without making the caller wait."""

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import Engine

from netvet.errors import RecordError
from netvet.service.webhooks import (
    SIGNATURE_HEADER,
    Event,
    RetryPolicy,
    add_webhook,
    emit,
    list_deliveries,
    parse_events,
)
from tests.service.test_audit import netvet

FAST = RetryPolicy(attempts=3, first_wait=0.05, timeout=5.0)


@dataclass
class Receiver:
    """What the receiver got, and how it answers: `failures` 500s first, after `delay` seconds."""

    url: str
    failures: int = 0
    delay: float = 0.0
    got: list[tuple[dict[str, str], bytes]] = field(default_factory=list)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """An HTTP receiver on 127.0.0.1 (a free port), in a thread."""
    state = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            time.sleep(state.delay)
            state.got.append((dict(self.headers), body))
            failing = len(state.got) <= state.failures
            self.send_response(500 if failing else 204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def test_a_signed_post_per_subscriber(store: Engine, receiver: Receiver) -> None:
    _, secret = add_webhook(store, receiver.url, [Event.RUN_FINISHED, Event.NEW_COVERED], by="t")
    add_webhook(store, receiver.url + "?other", [Event.LIST_CHANGED], by="t")
    emit(store, Event.RUN_FINISHED, {"run": 7, "covered": 3}, FAST).join(timeout=60)
    assert len(receiver.got) == 1
    headers, body = receiver.got[0]
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    assert headers[SIGNATURE_HEADER] == expected
    assert headers["X-Netvet-Event"] == "run-finished"
    sent = json.loads(body)
    assert sent["event"] == "run-finished" and sent["data"] == {"run": 7, "covered": 3}
    [delivery] = list_deliveries(store)
    assert delivery["delivered"] and delivery["attempts"] == 1 and delivery["status_code"] == 204


def test_failures_are_retried_then_delivered(store: Engine, receiver: Receiver) -> None:
    receiver.failures = 2
    add_webhook(store, receiver.url, [Event.LIST_CHANGED], by="t")
    emit(store, Event.LIST_CHANGED, {"list": "fcc-covered-list"}, FAST).join(timeout=60)
    assert len(receiver.got) == 3
    assert len({h["X-Netvet-Delivery"] for h, _ in receiver.got}) == 1  # one delivery, three tries
    [delivery] = list_deliveries(store)
    assert delivery["delivered"] and delivery["attempts"] == 3


def test_retries_are_bounded(store: Engine, receiver: Receiver) -> None:
    receiver.failures = 99
    add_webhook(store, receiver.url, [Event.NEW_COVERED], by="t")
    emit(store, Event.NEW_COVERED, {"asset": "mac:00:e0:fc:12:34:56"}, FAST).join(timeout=60)
    assert len(receiver.got) == FAST.attempts
    [delivery] = list_deliveries(store)
    assert not delivery["delivered"] and delivery["status_code"] == 500 and delivery["error"] == "HTTP 500"


def test_an_unreachable_receiver_is_recorded(store: Engine, receiver: Receiver) -> None:
    add_webhook(store, "http://127.0.0.1:9/closed", [Event.RUN_FINISHED], by="t")
    emit(store, Event.RUN_FINISHED, {}, FAST).join(timeout=60)
    [delivery] = list_deliveries(store)
    assert not delivery["delivered"] and delivery["status_code"] is None and delivery["attempts"] == 3
    assert delivery["error"]


def test_the_caller_does_not_wait(store: Engine, receiver: Receiver) -> None:
    receiver.delay = 1.0
    add_webhook(store, receiver.url, [Event.RUN_FINISHED], by="t")
    started = time.monotonic()
    thread = emit(store, Event.RUN_FINISHED, {}, FAST)
    assert time.monotonic() - started < receiver.delay  # answered before the receiver did
    thread.join(timeout=60)
    assert len(receiver.got) == 1


def test_bad_subscriptions_name_the_field(store: Engine) -> None:
    with pytest.raises(RecordError) as bad_event:
        parse_events("run-finished,nope")
    assert bad_event.value.field == "events"
    with pytest.raises(RecordError) as bad_url:
        add_webhook(store, "file:///etc/passwd", [Event.RUN_FINISHED], by="t")
    assert bad_url.value.field == "url"
    assert parse_events(" new-covered , new-covered ") == (Event.NEW_COVERED,)


def test_the_webhook_commands(tmp_path: Path) -> None:
    db = tmp_path / "hooks.db"
    added = netvet("webhook", "add", "http://127.0.0.1:9/h", "--events", "new-covered,run-finished", db=db)
    assert added.returncode == 0, added.stderr
    secret = added.stdout.strip().splitlines()[-1]
    listed = json.loads(netvet("webhook", "list", "--json", db=db).stdout)
    assert [(h["url"], h["events"]) for h in listed] == [
        ("http://127.0.0.1:9/h", ["new-covered", "run-finished"])
    ]
    assert secret not in json.dumps(listed)
    assert netvet("webhook", "remove", str(listed[0]["id"]), db=db).returncode == 0
    assert json.loads(netvet("webhook", "list", "--json", db=db).stdout) == []
