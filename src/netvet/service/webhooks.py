"""Webhooks: subscriptions to events, and their delivery. Each event is one JSON POST per
subscription, signed with HMAC-SHA256 over the body (header `X-Netvet-Signature: sha256=HEX`),
sent from a background thread, retried with backoff a bounded number of times, and recorded."""

import hashlib
import hmac
import json
import secrets
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine, delete, insert, select

from netvet.errors import LookupFailure, RecordError
from netvet.service import audit
from netvet.store.tables import webhook_deliveries, webhooks

SIGNATURE_HEADER, EVENT_HEADER, DELIVERY_HEADER = "X-Netvet-Signature", "X-Netvet-Event", "X-Netvet-Delivery"


class Event(StrEnum):
    """What a subscription can be told about."""

    RUN_FINISHED = "run-finished"
    LIST_CHANGED = "list-changed"
    NEW_COVERED = "new-covered"


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """At most `attempts` tries, waiting `first_wait` seconds after the first failure and twice
    as long after each next one; each try gives up after `timeout` seconds."""

    attempts: int = 4
    first_wait: float = 1.0
    timeout: float = 5.0


@dataclass(frozen=True, slots=True)
class Webhook:
    """A subscription (its secret is shown only when it is added)."""

    id: int
    url: str
    events: tuple[Event, ...]
    created_at: datetime
    created_by: str

    def as_json(self) -> dict[str, Any]:
        """The subscription as JSON values."""
        return {
            "id": self.id,
            "url": self.url,
            "events": [str(e) for e in self.events],
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
        }


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one delivery ended."""

    attempts: int
    status_code: int | None
    error: str | None

    @property
    def delivered(self) -> bool:
        """Whether the receiver answered 2xx."""
        return self.status_code is not None and 200 <= self.status_code < 300


def parse_events(text: str | Sequence[str]) -> tuple[Event, ...]:
    """Events from 'run-finished,new-covered' (or a list); RecordError naming `events` otherwise."""
    names = [n.strip() for n in (text.split(",") if isinstance(text, str) else text) if n.strip()]
    unknown = [n for n in names if n not in {str(e) for e in Event}]
    if unknown or not names:
        known = ", ".join(str(e) for e in Event)
        raise RecordError(
            f"unknown event(s) {', '.join(unknown) or '(none given)'}: use {known}", field="events"
        )
    return tuple(dict.fromkeys(Event(n) for n in names))


def checked_url(url: str) -> str:
    """An http(s) URL with a host; RecordError naming `url` otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RecordError(f"not an http(s) URL: '{url}'", field="url")
    return url


def webhook_of_row(row: Any) -> Webhook:
    """A Webhook from a webhooks row."""
    return Webhook(
        id=int(row["id"]),
        url=row["url"],
        events=tuple(Event(e) for e in row["events"]),
        created_at=audit.utc(row["created_at"]),
        created_by=row["created_by"],
    )


def add_webhook(
    engine: Engine,
    url: str,
    events: Sequence[Event],
    *,
    by: str,
    secret: str | None = None,
    request_id: str | None = None,
) -> tuple[Webhook, str]:
    """Subscribe url to events; the subscription and its signing secret (audited)."""
    values = {
        "url": checked_url(url),
        "events": [str(e) for e in events],
        "created_by": by,
        "secret": secret or secrets.token_urlsafe(32),
        "created_at": datetime.now(UTC),
    }
    with engine.begin() as conn:
        new_id = conn.execute(insert(webhooks).values(**values)).inserted_primary_key[0]  # type: ignore[index]
        hook = webhook_of_row({**values, "id": new_id})
        audit.append(
            conn,
            who=by,
            action="webhook.add",
            subject=f"webhook:{hook.id}",
            after=hook.as_json(),
            request_id=request_id,
        )
    return hook, str(values["secret"])


def list_webhooks(engine: Engine) -> list[Webhook]:
    """Every subscription, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(select(webhooks).order_by(webhooks.c.id)).mappings().all()
    return [webhook_of_row(row) for row in rows]


def remove_webhook(engine: Engine, webhook_id: int, *, by: str, request_id: str | None = None) -> Webhook:
    """Unsubscribe (audited; its deliveries stay recorded); the removed subscription."""
    with engine.begin() as conn:
        row = conn.execute(select(webhooks).where(webhooks.c.id == webhook_id)).mappings().first()
        if row is None:
            raise LookupFailure(f"no webhook {webhook_id}")
        hook = webhook_of_row(row)
        conn.execute(delete(webhooks).where(webhooks.c.id == webhook_id))
        audit.append(
            conn,
            who=by,
            action="webhook.remove",
            subject=f"webhook:{hook.id}",
            before=hook.as_json(),
            request_id=request_id,
        )
    return hook


def sign(secret: str, body: bytes) -> str:
    """The signature header's value: `sha256=` and the hex HMAC-SHA256 of the body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def is_retryable(status: int | None) -> bool:
    """Retry when nothing answered, on a timeout or rate limit, and on the receiver's errors."""
    return status is None or status in (408, 429) or status >= 500


def post_once(
    url: str, body: bytes, headers: Mapping[str, str], timeout: float
) -> tuple[int | None, str | None]:
    """POST the body once; the status (None when nothing answered) and an error text."""
    request = urllib.request.Request(url, data=body, headers=dict(headers), method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http(s) only)
            return int(response.status), None
    except urllib.error.HTTPError as exc:
        return exc.code, f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        return None, str(getattr(exc, "reason", exc))


def deliver(url: str, secret: str, event: Event, body: bytes, policy: RetryPolicy) -> Outcome:
    """Send one event to one receiver, retrying with backoff; how it ended."""
    headers = {
        "Content-Type": "application/json",
        EVENT_HEADER: str(event),
        SIGNATURE_HEADER: sign(secret, body),
        DELIVERY_HEADER: uuid.uuid4().hex,
        "User-Agent": "netvet-webhook",
    }
    status, error, wait = None, None, policy.first_wait
    for attempt in range(1, policy.attempts + 1):
        status, error = post_once(url, body, headers, policy.timeout)
        if not is_retryable(status) or attempt == policy.attempts:
            return Outcome(attempt, status, error)
        time.sleep(wait)
        wait *= 2
    return Outcome(policy.attempts, status, error)


def record_delivery(engine: Engine, hook_id: int, url: str, event: Event, outcome: Outcome) -> None:
    """Keep how a delivery ended."""
    with engine.begin() as conn:
        conn.execute(
            insert(webhook_deliveries).values(
                webhook_id=hook_id,
                event=str(event),
                url=url,
                attempts=outcome.attempts,
                status_code=outcome.status_code,
                delivered=outcome.delivered,
                error=outcome.error,
                at=datetime.now(UTC),
            )
        )


def subscribers(engine: Engine, event: Event) -> list[tuple[int, str, str]]:
    """(id, url, secret) of every subscription to the event."""
    with engine.connect() as conn:
        rows = conn.execute(select(webhooks.c.id, webhooks.c.url, webhooks.c.secret, webhooks.c.events)).all()
    return [(int(r.id), r.url, r.secret) for r in rows if str(event) in r.events]


def emit(
    engine: Engine, event: Event, payload: Mapping[str, Any], policy: RetryPolicy | None = None
) -> threading.Thread:
    """Deliver the event to every subscriber from a background thread (the caller does not
    wait); the thread, already started, for a caller that must wait (a CLI command, a test)."""
    body = json.dumps({"event": str(event), "at": datetime.now(UTC).isoformat(), "data": payload}).encode()
    targets, chosen = subscribers(engine, event), policy or RetryPolicy()

    def run() -> None:
        for hook_id, url, secret in targets:
            record_delivery(engine, hook_id, url, event, deliver(url, secret, event, body, chosen))

    thread = threading.Thread(target=run, name=f"netvet-webhook-{event}")
    thread.start()
    return thread


def list_deliveries(engine: Engine, webhook_id: int | None = None) -> list[dict[str, Any]]:
    """Recorded deliveries, newest first (of one subscription when given)."""
    query = select(webhook_deliveries).order_by(webhook_deliveries.c.id.desc())
    if webhook_id is not None:
        query = query.where(webhook_deliveries.c.webhook_id == webhook_id)
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings().all()]
