"""The store package names its exports without importing SQLAlchemy; each name resolves to the
object of the module it comes from, and an unknown name is an AttributeError."""

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import netvet.store as store
from netvet.store.urls import holds_nothing_yet


def test_every_export_resolves_to_its_module() -> None:
    assert sorted(store.__all__) == sorted(store.HOMES)
    for name, home in store.HOMES.items():
        assert getattr(store, name) is getattr(importlib.import_module(home), name)
    with pytest.raises(AttributeError):
        _ = store.no_such_name


def test_importing_the_package_imports_no_sqlalchemy() -> None:
    probe = "import sys, netvet.store, netvet.store.urls; print('sqlalchemy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("url", "empty"),
    [
        ("sqlite://", True),
        ("sqlite:///:memory:", True),
        ("sqlite:///no/such/file.db", True),
        ("postgresql+psycopg://u@127.0.0.1/x", False),
    ],
)
def test_stores_that_hold_nothing_yet(url: str, empty: bool) -> None:
    assert holds_nothing_yet(url) is empty


def test_an_existing_sqlite_file_may_hold_something(tmp_path: Path) -> None:

    db = tmp_path / "x.db"
    db.write_bytes(b"")
    assert holds_nothing_yet(f"sqlite:///{db}") is False
