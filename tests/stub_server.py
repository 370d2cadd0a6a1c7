"""A scriptable OpenAI-compatible HTTP server on loopback, for transport and throughput tests.

It speaks real HTTP so the openai client, tenacity and instructor all run
unmodified; only the model's answer is scripted. Used by the tests and by
`benchmarks/`.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Answer = Callable[[dict[str, Any]], str]


@dataclass
class Scripted:
    """One scripted reply: an HTTP error (status, headers, body) or, with status 200, an answer text."""

    status: int = 200
    content: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None


def completion(content: str, model: str = "stub") -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


class StubServer:
    """Start with `with StubServer(answer) as s:`; `s.base_url` is the /v1 URL; `s.requests` what arrived."""

    def __init__(self, answer: Answer | None = None, latency: float = 0.0) -> None:
        self.answer = answer or (lambda request: '{"is_funding_news": false, "rounds": []}')
        self.latency = latency
        self.script: list[Scripted] = []
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("content-length") or 0)
                request = json.loads(self.rfile.read(length) or b"{}")
                with server._lock:
                    server.requests.append(
                        {"path": self.path, "headers": dict(self.headers), "json": request}
                    )
                    step = server.script.pop(0) if server.script else Scripted()
                if server.latency:
                    time.sleep(server.latency)
                if step.status == 200:
                    content = step.content if step.content is not None else server.answer(request)
                    payload = completion(content, request.get("model", "stub"))
                else:
                    payload = step.body or {"error": {"message": f"scripted {step.status}", "type": "stub"}}
                data = json.dumps(payload).encode()
                self.send_response(step.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for key, value in step.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # A client killed mid-request (the SIGKILL tests) is expected; do not print its traceback.
        self._server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        self._server.request_queue_size = 256
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> StubServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
