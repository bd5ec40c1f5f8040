"""AppTest fixtures for Reflect's Streamlit app: real storage in the per-test data directory
(tests/conftest.py), the offline engine, and one prepared client with a stored session."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "ui" / "app.py"
SAMPLE = REPO / "eval" / "data" / "dev" / "d04_peer_conflict.txt"
CLIENT = "Leila Haddad"
SESSION_DATE = "2024-05-06"
TIMEOUT = 60  # the first recall loads the embedding model (a few seconds on a laptop CPU)


_COMPONENTS: list[object] = []


def _remember_components(at: AppTest, run):
    def run_and_remember(*args, **kwargs):
        result = run(*args, **kwargs)
        manager = getattr(at, "_bidi_component_manager", None)
        if manager is not None and not _COMPONENTS:
            _COMPONENTS.append(manager)
        return result

    return run_and_remember


@pytest.fixture
def make_app(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., AppTest]]:
    """A function building a fresh AppTest (one browser tab) of ui/app.py, optionally opened at
    a page and selection given as query params, e.g. make_app(page="Action plan", session=sid)."""
    import streamlit as st

    from assistant.settings import get_settings

    monkeypatch.setenv("REFLECT_BACKEND", "offline")
    monkeypatch.delenv("REFLECT_UI_REQUIRE_PASSWORD", raising=False)
    get_settings.cache_clear()
    # The app keeps one Workspace per process (st.cache_resource), bound to the data directory of
    # the moment it was created: drop it so this test's app uses this test's data directory.
    st.cache_resource.clear()

    def build(**query: str) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
        # Each new AppTest scans every installed package for custom components on its first run
        # (most of a second); what is installed does not change during the test run, so share it.
        if _COMPONENTS and hasattr(at, "_bidi_component_manager"):
            at._bidi_component_manager = _COMPONENTS[0]
        at.run = _remember_components(at, at.run)  # type: ignore[method-assign]
        for key, value in query.items():
            at.query_params[key] = value
        return at

    yield build
    st.cache_resource.clear()
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def _stored_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A data directory holding CLIENT with one session imported from d04_peer_conflict.txt through
    Workspace.import_session (stored, analysed offline, indexed). Built once: indexing embeds every
    passage, which takes seconds, so each test gets its own copy of this directory instead."""
    from assistant.workspace import Workspace

    path = tmp_path_factory.mktemp("reflect-template")
    ws = Workspace(path)
    ws.store.add_client(CLIENT)
    transcript = ws.parse(SAMPLE.read_bytes(), SAMPLE.name)
    imported = ws.import_session(CLIENT, transcript, date=SESSION_DATE)
    assert imported.created
    assert ws.store.unindexed_sessions() == []
    ws.store.db.close()  # checkpoint the WAL so the copy is one consistent file
    return path, imported.session.id


@pytest.fixture
def _seeded(_stored_template: tuple[Path, str], data_dir: Path) -> str:
    """Copy the stored template into this test's (still empty) data directory."""
    template, session_id = _stored_template
    shutil.copytree(template, data_dir, dirs_exist_ok=True)
    return session_id


@pytest.fixture
def workspace(request: pytest.FixtureRequest, make_app, data_dir: Path):
    """A Workspace over the same data directory the app uses."""
    from assistant.workspace import Workspace

    if "stored_session" in request.fixturenames:
        request.getfixturevalue("_seeded")  # the data must be in place before the store opens it
    return Workspace(data_dir)


@pytest.fixture
def stored_session(_seeded: str, workspace) -> str:
    """A client (CLIENT) with one stored, analysed and indexed session from d04_peer_conflict.txt,
    in this test's data directory; returns the session id."""
    assert [s.id for s in workspace.store.sessions(CLIENT)] == [_seeded]
    return _seeded
