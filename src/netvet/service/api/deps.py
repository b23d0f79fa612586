"""What every route reads from the running app: the store, the kb, today, the request id."""

from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from uuid import uuid4

from fastapi import Request
from sqlalchemy import Engine

from netvet.kb.loader import DATA_DIR, KnowledgeBase, load_kb
from netvet.review.decisions import DecisionBook
from netvet.settings import Settings


def store(request: Request) -> Engine:
    """The app's store engine."""
    engine: Engine = request.app.state.engine
    return engine


def settings(request: Request) -> Settings:
    """The settings the app was started with."""
    found: Settings = request.app.state.settings
    return found


@cache
def loaded_kb(directory: Path) -> KnowledgeBase:
    """The kb of a folder, loaded once per process (an import replaces the folder: see reload)."""
    return load_kb(directory)


def knowledge(request: Request) -> KnowledgeBase:
    """The kb the app screens and scans with."""
    return loaded_kb(settings(request).kb_dir or DATA_DIR)


def today() -> date:
    """The day decisions and lists are judged on when a request gives none."""
    return datetime.now(UTC).date()


def request_id(request: Request) -> str:
    """The caller's X-Request-Id, else a new one; recorded in the audit chain."""
    return request.headers.get("x-request-id") or uuid4().hex


def decision_book(engine: Engine) -> DecisionBook:
    """Every review decision in the store."""
    from netvet.store import read_decisions

    return DecisionBook.build(read_decisions(engine))
