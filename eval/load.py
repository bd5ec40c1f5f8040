"""Load: N coaches at once against a running app, each uploading, analysing (offline) and editing.

    python -m eval.load --sessions 10          # starts `reflect ui` itself on a free port

Each virtual coach works in its own browser context (its own Streamlit session): adds a client,
uploads a transcript, waits for the analysis, opens plan item A1 and edits two of its fields.
Afterwards the database must hold every coach's edits on that coach's own session (none lost, none
crossed) and no page may have shown an error. Step latencies are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlparse

REPO = Path(__file__).resolve().parents[1]
SAMPLES = [
    REPO / "eval/data/dev/d04_peer_conflict.txt",
    REPO / "eval/data/dev/d06_career_move.md",
    REPO / "eval/data/test/t09_new_role.txt",
    REPO / "eval/data/test/t08_burnout_resistant.md",
]
CHROMIUM = "/usr/bin/chromium"
# Streamlit marks its root with the script's run state. While a rerun is in flight the page holds the
# previous run's elements beside the new ones, so a step is over only when the app is idle again.
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


@dataclass
class CoachRun:
    n: int
    timings: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def start_app(data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "REFLECT_DATA_DIR": str(data_dir), "REFLECT_BACKEND": "offline"}
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "ui", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("the app did not start")


async def coach(browser, url: str, n: int) -> CoachRun:  # type: ignore[no-untyped-def]
    import re

    run = CoachRun(n)
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(120_000)

    async def step(name: str, action) -> None:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        await action()
        await page.locator(APP_IDLE).wait_for()
        run.timings[name] = time.perf_counter() - started
        if await page.get_by_test_id("stException").count():
            run.errors.append(f"{name}: an exception on the page")

    async def sidebar(label: str) -> None:
        await page.get_by_test_id("stSidebar").get_by_text(label, exact=True).click()
        await page.get_by_role("heading", name=re.compile(f"^{label}")).first.wait_for()

    async def add_client() -> None:
        await page.goto(url)
        await page.get_by_label("New client's name").fill(f"Load Client {n}")
        await page.get_by_role("button", name="Add client").click()
        await page.get_by_role("heading", name=f"Load Client {n}").wait_for()

    async def upload() -> None:
        await sidebar("New session")
        await page.locator("input[type=file]").set_input_files(str(SAMPLES[n % len(SAMPLES)]))
        await page.get_by_role("button", name="Analyse and save").click()
        await page.get_by_role("tab", name="Commitments").wait_for()

    def first_item():  # type: ignore[no-untyped-def]
        """Item A1 of this coach's session (the session is in the page's address)."""
        sid = parse_qs(urlparse(page.url).query)["session"][0]
        return page.locator(f".st-key-item-{sid}-A1")

    async def open_item() -> None:
        item = first_item()
        await item.get_by_role("button", name="Edit").click()
        await item.get_by_label("Due (only if agreed)", exact=True).wait_for()

    async def edit(label: str, value: str) -> None:
        from playwright.async_api import expect

        item = first_item()
        box = item.get_by_label(label, exact=True)
        await expect(box).to_have_count(1, timeout=60_000)
        await box.fill(value)
        await box.press("Enter")
        # the item says what was saved: "… due set to “due-0”"
        await item.get_by_text(re.compile(re.escape(f"“{value}”"))).first.wait_for()

    try:
        await step("add client", add_client)
        await step("upload and analyse", upload)
        await step("open plan", lambda: sidebar("Action plan"))
        await step("open item", open_item)
        await step("edit due", lambda: edit("Due (only if agreed)", f"due-{n}"))
        await step("edit measure", lambda: edit("How they will know it is done", f"measure-{n}"))
    except Exception as exc:  # a failed step is a finding of the load run, reported with the coach's number
        run.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
    await context.close()
    return run


def check_store(data_dir: Path, sessions: int) -> list[str]:
    """Every coach's edits are on that coach's own session: none lost, none crossed."""
    from assistant.workspace import Workspace

    ws = Workspace(data_dir)
    problems = []
    for n in range(sessions):
        name = f"Load Client {n}"
        try:
            (session,) = ws.store.sessions(name)
        except Exception as exc:
            problems.append(f"{name}: {type(exc).__name__}")
            continue
        item = ws.store.current_plan(session.id).plan.items[0]
        if (item.due, item.success_measure) != (f"due-{n}", f"measure-{n}"):
            problems.append(f"{name}: A1 is {item.due!r}/{item.success_measure!r}")
    if not ws.store.integrity_ok():
        problems.append("integrity_check failed")
    return problems


async def _drive(url: str, sessions: int) -> list[CoachRun]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        runs = await asyncio.gather(*(coach(browser, url, n) for n in range(sessions)))
        await browser.close()
    return list(runs)


def run_load(sessions: int, data_dir: Path) -> tuple[list[CoachRun], list[str]]:
    process, url = start_app(data_dir)
    try:
        runs = asyncio.run(_drive(url, sessions))
    finally:
        process.terminate()
        process.wait(timeout=30)
    return runs, check_store(data_dir, sessions)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="reflect-load-"))
    runs, problems = run_load(args.sessions, data_dir)
    errors = [f"coach {r.n}: {e}" for r in runs for e in r.errors]
    print(f"{args.sessions} concurrent coaches; page errors: {len(errors)}; lost or crossed edits: {len(problems)}")
    for name in runs[0].timings:
        values = [r.timings[name] for r in runs if name in r.timings]
        print(
            f"  {name:20} median {statistics.median(values):6.2f} s   max {max(values):6.2f} s   ({len(values)} done)"
        )
    for line in errors + problems:
        print("  " + line)
    return 1 if errors or problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
