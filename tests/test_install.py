"""A regular install works: the wheel carries the prompts, the app, the migrations, the readers'
weights and the rule files, and `reflect` runs from a folder outside the checkout.

The wheel goes into a fresh virtual environment that sees the test environment's packages through a
.pth line (so nothing is downloaded) but not the checkout: a plain path line does not run the
editable install's finder, and every command runs from a temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "eval" / "data" / "dev" / "d04_peer_conflict.txt"
# What the wheel must carry besides Python modules, as globs over the checkout.
PACKAGE_DATA = (
    "prompts/*.yaml",
    "ui/**/*.py",
    "assistant/store/migrations/*.sql",
    "assistant/analysis/learned/weights/*.npz",
    "assistant/assess/weights/*.npz",
    "assistant/analysis/offline/rules/*.yaml",
)
# Not needed to build the wheel; eval/data also holds the sealed test set, which nothing here may touch.
_NOT_COPIED = {".git", ".venv", "build", "dist", "docs", "tests", "eval/data", "eval/corpus", "eval/out"}

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Installed:
    wheel: Path
    bin: Path
    workdir: Path
    env: dict[str, str]

    def run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=self.workdir, env=self.env, capture_output=True, text=True, timeout=timeout, check=False
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("install")
    wheel = _build_wheel(root)
    venv = root / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", str(venv))
    python = venv / "bin" / "python"
    purelib = Path(_run(str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").strip())
    (purelib / "_reflect_test_deps.pth").write_text(sysconfig.get_path("purelib") + "\n", "utf-8")
    # --ignore-installed: the checkout's editable install is visible too, and must be neither reused nor removed.
    _run(str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--ignore-installed", str(wheel))
    workdir = root / "elsewhere"
    workdir.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"REFLECT_DATA_DIR": str(root / "data"), "REFLECT_BACKEND": "offline", "HF_HUB_OFFLINE": "1"}
    return Installed(wheel=wheel, bin=venv / "bin", workdir=workdir, env=env)


def _build_wheel(root: Path) -> Path:
    """Built from a copy: setuptools keeps its build/ folder between builds, so an in-place build
    could ship a module deleted since, and two test runs would share that folder."""
    source = root / "source"
    shutil.copytree(REPO, source, ignore=_not_copied)
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(root), ".",
         cwd=source)  # fmt: skip
    (wheel,) = root.glob("reflect_coach-*.whl")
    return wheel


def _not_copied(folder: str, names: list[str]) -> list[str]:
    here = Path(folder).relative_to(REPO)
    return [
        name
        for name in names
        if (here / name).as_posix() in _NOT_COPIED
        or name in ("__pycache__", ".hypothesis")
        or name.endswith((".egg-info", "_cache"))
    ]


def _run(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_the_wheel_carries_the_package_data(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for pattern in PACKAGE_DATA:
        expected = {path.relative_to(REPO).as_posix() for path in REPO.glob(pattern)}
        assert expected <= names, f"{pattern}: the wheel lacks {sorted(expected - names)}"
        assert expected or pattern.endswith("rules/*.yaml"), f"nothing in the checkout matches {pattern}"


def test_the_installed_package_is_the_one_that_runs(installed: Installed) -> None:
    done = installed.run(
        str(installed.bin / "python"),
        "-c",
        "import assistant, ui; from assistant.prompts import all_prompts; "
        "print(assistant.__file__, ui.__file__, len(all_prompts()))",
    )
    assert done.returncode == 0, done.stderr
    *files, prompts = done.stdout.split()
    assert all(Path(file).is_relative_to(installed.bin.parent) for file in files), files
    assert int(prompts) == len(list((REPO / "prompts").glob("*.yaml")))


def test_analyze_runs_offline_outside_the_checkout(installed: Installed) -> None:
    shutil.copy(SAMPLE, installed.workdir)
    done = installed.run(str(installed.bin / "reflect"), "analyze", "--backend", "offline", SAMPLE.name)
    assert done.returncode == 0, done.stderr
    analysis = json.loads(done.stdout)
    assert analysis["ideas"] and analysis["commitments"] and analysis["plan"]["items"]


def test_the_app_starts_and_its_script_runs(installed: Installed) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [str(installed.bin / "reflect"), "ui", "--port", str(port)],
        cwd=installed.workdir,
        env=installed.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        healthy = _healthy(port, process)
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=20)
    assert healthy, f"the app did not start:\n{errors}"
    # The health check answers before any page runs: run the installed page script itself once.
    script = (
        "from importlib import resources; from streamlit.testing.v1 import AppTest; "
        "at = AppTest.from_file(str(resources.files('ui') / 'app.py'), default_timeout=60).run(); "
        "assert not at.exception, at.exception; print(' | '.join(h.value for h in at.header))"
    )
    done = installed.run(str(installed.bin / "python"), "-c", script)
    assert done.returncode == 0, done.stderr
    assert "Clients" in done.stdout and "Reflect" in done.stdout  # the first page and the sidebar's name


def _healthy(port: int, process: subprocess.Popen[str]) -> bool:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as reply:
                return reply.status == 200
        except OSError:
            time.sleep(0.3)
    return False
