"""What every route reads from the running app: the store, the settings, the kb, today."""

from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

from fastapi import Request
from sqlalchemy import Engine

from netvet.kb.knowledge import DATA_DIR, KnowledgeBase
from netvet.kb.loader import load_kb
from netvet.review.decisions import DecisionBook
from netvet.settings import Settings


def store(request: Request) -> Engine:
    """The app's store engine."""
    engine: Engine = request.app.state.engine
    return engine


def settings(request: Request) -> Settings:
    """The settings the app was started with (read from the environment once, on first use)."""
    state = request.app.state
    if getattr(state, "settings", None) is None:
        state.settings = Settings.from_env()
    found: Settings = state.settings
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


def decision_book(engine: Engine) -> DecisionBook:
    """Every review decision in the store."""
    from netvet.store import read_decisions

    return DecisionBook.build(read_decisions(engine))
