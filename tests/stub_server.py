"""A scriptable OpenAI-compatible HTTP server on loopback, for transport and throughput tests.

It speaks real HTTP so the openai client, tenacity and instructor all run
unmodified; only the model's answer is scripted. Used by the tests and by
`benchmarks/`.
"""

from __future__ import annotations

import argparse
import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.local_server import BackloggedHTTPServer, LocalServer

Answer = Callable[[dict[str, Any]], str]


@dataclass
class Scripted:
    """One scripted reply: an HTTP error (status, headers, body) or, with status 200, an answer text."""

    status: int = 200
    content: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None
    finish_reason: str = "stop"


def completion(content: str, model: str = "stub", finish_reason: str = "stop") -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {"index": 0, "finish_reason": finish_reason, "message": {"role": "assistant", "content": content}}
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


class StubServer(LocalServer):
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

            def setup(self) -> None:
                super().setup()
                # Headers and body go out as separate writes; without this, Nagle's algorithm and the
                # client's delayed ACK add ~40 ms to every response.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

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
                    payload = completion(content, request.get("model", "stub"), step.finish_reason)
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

        self._serve(BackloggedHTTPServer(("127.0.0.1", 0), Handler))


_SYNTHETIC = re.compile(r"(Acme \d+) raised (\$\d+ million) in a seed round led by (\w+ Ventures)")


def synthetic_article(i: int) -> dict[str, Any]:
    """A small article whose correct draft `synthetic_answer` can read back out of the prompt."""
    return {
        "id": f"a{i}",
        "text": f"Acme {i} raised ${i % 90 + 1} million in a seed round led by Fund{i} Ventures.",
        "published": "2024-03-01",
    }


def synthetic_answer(request: dict[str, Any]) -> str:
    m = _SYNTHETIC.search(request["messages"][-1]["content"])
    if m is None:
        return json.dumps({"is_funding_news": False, "rounds": []})
    rnd = {
        "company": m[1],
        "round_label": "seed",
        "amount": m[2],
        "investors": [{"name": m[3], "lead": True}],
    }
    return json.dumps({"is_funding_news": True, "rounds": [rnd]})


def main() -> None:
    """Serve synthetic answers until killed: `python -m tests.stub_server --latency 0.05`; prints the URL."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args()
    server = StubServer(synthetic_answer, latency=args.latency)
    with server:
        print(server.base_url, flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
