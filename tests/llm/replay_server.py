"""An OpenAI-compatible HTTP server replaying recorded responses: tests of the real client path.

    server = ReplayServer().start()
    server.enqueue("talk_ok", {"status": 500, "body": {...}})
    OpenAICompatibleModel("test", base_url=server.url)    # http://127.0.0.1:PORT/v1
    server.requests                                     # what the client sent, in order

Each POST /v1/chat/completions takes the next entry of the queue. An entry is a dict, the name of
a JSON file in tests/llm/recordings/ (without ".json"), or a path to such a file:

    status   HTTP status (default 200)
    headers  extra response headers, e.g. {"Retry-After": "1"}
    body     the JSON body (an OpenAI chat.completion, or an {"error": {...}} object)
    delay    seconds to wait before answering (to trigger the client's timeout)
    cut      true: announce the whole body, send part of it, then drop the connection;
             "clean" (streams only): end the stream well-formed half way, without finish_reason
             or [DONE]

A request asking for `"stream": true` gets the body's content as server-sent events (one chunk per
word, then a usage chunk and [DONE]); with `cut` the stream stops half way, without [DONE], and the
connection is dropped mid-chunk. With no entry left the server answers 418, which the client does
not retry, so a test that under-fills the queue fails loudly rather than hanging.
GET /v1/models answers 200 with one model.
"""

from __future__ import annotations

import contextlib
import copy
import json
import socket
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

RECORDINGS = Path(__file__).parent / "recordings"


def load_recording(name: str | Path) -> dict[str, Any]:
    """A recorded response entry by file name (without .json) or path."""
    path = Path(name)
    if not path.suffix:
        path = RECORDINGS / f"{name}.json"
    elif not path.is_absolute() and not path.exists():
        path = RECORDINGS / path
    return json.loads(path.read_text("utf-8"))


def completion_body(
    content: str | None,
    *,
    prompt_tokens: int = 100,
    completion_tokens: int = 20,
    finish_reason: str = "stop",
    refusal: str | None = None,
    model: str = "test",
) -> dict[str, Any]:
    """An OpenAI chat.completion body with one choice."""
    return {
        "id": "chatcmpl-replay",
        "object": "chat.completion",
        "created": 1_732_000_000,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": refusal},
                "logprobs": None,
                "finish_reason": finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def reply(content: Any, **kwargs: Any) -> dict[str, Any]:
    """A 200 entry whose message content is `content` (JSON-encoded unless already a string)."""
    text = content if isinstance(content, str) else json.dumps(content)
    return {"status": 200, "body": completion_body(text, **kwargs)}


class ReplayServer:
    """Replays queued responses on 127.0.0.1 at a free port; records every request."""

    def __init__(self) -> None:
        self._queue: deque[dict[str, Any]] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.requests: list[dict[str, Any]] = []
        """Each chat-completion request: {"path", "headers", "body" (parsed JSON), "time"}."""
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ control

    def start(self) -> ReplayServer:
        server = self

        class Handler(_Handler):
            replay = server

        httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        httpd.daemon_threads = True
        httpd.block_on_close = False
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def port(self) -> int:
        assert self._httpd is not None, "the server is not started"
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def enqueue(self, *entries: dict[str, Any] | str | Path) -> None:
        """Add responses to the queue, in order."""
        with self._lock:
            for entry in entries:
                loaded = load_recording(entry) if isinstance(entry, (str, Path)) else entry
                self._queue.append(copy.deepcopy(loaded))

    @property
    def pending(self) -> int:
        """Entries not yet served."""
        with self._lock:
            return len(self._queue)

    def bodies(self) -> list[dict[str, Any]]:
        return [r["body"] for r in self.requests]

    # ------------------------------------------------------------------ internals

    def _next(self, path: str, headers: dict[str, str], body: Any) -> dict[str, Any] | None:
        with self._lock:
            self.requests.append({"path": path, "headers": headers, "body": body, "time": time.monotonic()})
            return self._queue.popleft() if self._queue else None


class _Handler(BaseHTTPRequestHandler):
    replay: ReplayServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet test output
        pass

    def do_GET(self) -> None:  # noqa: N802
        if self.path.rstrip("/") == "/v1/models":
            self._send_json(
                200,
                {
                    "object": "list",
                    "data": [{"id": "test", "object": "model", "owned_by": "replay"}],
                },
            )
        else:
            self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body: Any = json.loads(raw or b"null")
        except ValueError:
            body = raw.decode("utf-8", "replace")
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
            return
        entry = self.replay._next(self.path, dict(self.headers.items()), body)
        if entry is None:
            self._send_json(
                418,
                {
                    "error": {
                        "message": "replay server: no recorded response left",
                        "type": "replay",
                    }
                },
            )
            return
        delay = float(entry.get("delay") or 0)
        if delay and self.replay._stopping.wait(delay):
            self._drop()
            return
        status = int(entry.get("status", 200))
        headers = entry.get("headers") or {}
        payload = entry.get("body", {})
        wants_stream = isinstance(body, dict) and body.get("stream") is True
        try:
            if wants_stream and status == 200:
                self._send_stream(payload, headers, cut=entry.get("cut") or False)
            else:
                self._send_json(status, payload, headers, cut=bool(entry.get("cut")))
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
            self.close_connection = True  # the client gave up (its timeout): nothing to do

    # ------------------------------------------------------------------ responses

    def _send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None, cut: bool = False) -> None:
        data = (payload if isinstance(payload, str) else json.dumps(payload)).encode("utf-8")
        headers = dict(headers or {})
        self.send_response(status)
        self.send_header("Content-Type", headers.pop("Content-Type", "application/json"))
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, str(value))
        self.end_headers()
        if cut:
            self.wfile.write(data[: max(1, len(data) // 2)])
            self.wfile.flush()
            self._drop()
            return
        self.wfile.write(data)
        self.wfile.flush()

    def _send_stream(self, payload: dict[str, Any], headers: dict[str, str], cut: bool | str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        for name, value in headers.items():
            self.send_header(name, str(value))
        self.end_headers()
        events = _stream_events(payload)
        if cut == "clean":
            for event in events[: max(1, len(events) // 2)]:
                self._chunk(event)
            self.wfile.write(b"0\r\n\r\n")  # a well-formed end of body: only the content is short
            self.wfile.flush()
            self.close_connection = True
            return
        if cut:
            for event in events[: max(1, len(events) // 2)]:
                self._chunk(event)
            # Announce a chunk, send only part of it, and drop the connection.
            self.wfile.write(b'40\r\ndata: {"choices"')
            self.wfile.flush()
            self._drop()
            return
        for event in events:
            self._chunk(event)
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _chunk(self, event: str) -> None:
        data = f"data: {event}\n\n".encode()
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)


def _stream_events(payload: dict[str, Any]) -> list[str]:
    """A chat.completion as chat.completion.chunk events: one per word, then usage, then [DONE]."""
    choice = payload["choices"][0]
    content = choice["message"].get("content") or ""
    base = {
        "id": payload.get("id", "chatcmpl-replay"),
        "object": "chat.completion.chunk",
        "created": payload.get("created", 0),
        "model": payload.get("model", "test"),
    }
    words = content.split(" ")
    events = [
        json.dumps(
            base
            | {
                "choices": [
                    {
                        "index": 0,
                        "delta": {"role": "assistant", "content": ""},
                        "finish_reason": None,
                    }
                ]
            }
        )
    ]
    for n, word in enumerate(words):
        piece = word if n == len(words) - 1 else word + " "
        events.append(
            json.dumps(base | {"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]})
        )
    events.append(
        json.dumps(
            base | {"choices": [{"index": 0, "delta": {}, "finish_reason": choice.get("finish_reason", "stop")}]}
        )
    )
    if payload.get("usage"):
        events.append(json.dumps(base | {"choices": [], "usage": payload["usage"]}))
    events.append("[DONE]")
    return events


def recorded_content(name: str | Path) -> str:
    """The message content of a recorded 200 response: what the scripted model can replay too."""
    return str(load_recording(name)["body"]["choices"][0]["message"]["content"])
