"""Access: 127.0.0.1 needs nothing; any other address needs a password, stored hashed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.access import hash_password, is_loopback, verify_password
from assistant.cli import main
from assistant.errors import ConfigError


def test_a_network_address_without_a_password_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no .streamlit/secrets.toml here
    monkeypatch.delenv("REFLECT_UI_PASSWORD_HASH", raising=False)
    assert main(["ui", "--address", "0.0.0.0", "--port", "8765"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "password" in err and len(err.strip().splitlines()) == 1


def test_passwords_are_stored_as_salted_hashes() -> None:
    stored = hash_password("correct horse battery")
    assert stored.startswith("scrypt$") and "correct" not in stored
    assert stored != hash_password("correct horse battery")  # salted
    assert verify_password("correct horse battery", stored)
    assert not verify_password("wrong horse battery", stored)
    assert not verify_password("x", "not-a-hash")
    with pytest.raises(ConfigError):
        hash_password("short")
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_with_a_password_the_app_listens_and_asks_for_it(tmp_path: Path, data_dir: Path) -> None:
    """Listening on all interfaces with a password hash set: the app starts and shows a sign-in form."""
    from streamlit.testing.v1 import AppTest

    stored = hash_password("a long enough password")
    port = _free_port()
    env = {
        **os.environ,
        "REFLECT_DATA_DIR": str(data_dir),
        "REFLECT_UI_PASSWORD_HASH": stored,
        "REFLECT_BACKEND": "offline",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "ui", "--address", "0.0.0.0", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as reply:
                    assert reply.status == 200
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("the app did not start with a password set")
    finally:
        process.terminate()
        process.wait(timeout=20)
    # What that app shows first: the sign-in form, and nothing of the data until the password is right.
    os.environ["REFLECT_UI_REQUIRE_PASSWORD"] = "1"
    os.environ["REFLECT_UI_PASSWORD_HASH"] = stored
    try:
        at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "ui" / "app.py"), default_timeout=60).run()
        assert [t.value for t in at.text_input] == [""] and at.text_input[0].label == "Password"
        assert not at.sidebar.selectbox
        at.text_input[0].input("wrong password!")
        at.button[0].click().run()
        assert at.error and "not right" in at.error[0].value
        at.text_input[0].input("a long enough password")
        at.button[0].click().run()
        assert not at.exception and at.sidebar.selectbox
    finally:
        del os.environ["REFLECT_UI_REQUIRE_PASSWORD"]
        del os.environ["REFLECT_UI_PASSWORD_HASH"]
