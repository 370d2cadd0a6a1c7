"""A hostile OpenAI-compatible server on loopback, for fault-injection tests.

Unlike `tests/stub_server.py` (a well-behaved server with scripted answers), this one writes raw
bytes to the socket so it can misbehave the ways real servers and proxies do: echo the credentials
it was sent, trickle a response one byte at a time, cut a body short, lie about its length, answer
with an HTML page, or say nothing at all. `reply(request)` decides, per request, what happens.
"""

from __future__ import annotations

import contextlib
import json
import socket
import socketserver
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.local_server import LocalServer
from tests.stub_server import completion


@dataclass
class Reply:
    """What to send back. `how`: "normal", "trickle" (every byte `interval` apart), "trickle_body" (the
    headers at once, then the body so), "truncate" (half the
    body, then close), "long_length" (Content-Length larger than the body, then close), "short_length"
    (Content-Length smaller than the body), "silent" (never answer)."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    how: str = "normal"
    interval: float = 1.0
    headers: dict[str, str] = field(default_factory=dict)


def answer(content: str, model: str = "stub") -> Reply:
    """A chat completion whose message is `content`."""
    return Reply(body=json.dumps(completion(content, model)).encode())


def error(status: int, message: str) -> Reply:
    return Reply(
        status, json.dumps({"error": {"message": message, "type": "invalid_request_error"}}).encode()
    )


def echo_key(request: dict[str, Any]) -> Reply:
    """A 401 that repeats the credentials it was sent, as some servers do."""
    return error(401, f"Incorrect API key provided: {request['headers'].get('authorization', '')}")


_REASONS = {200: "OK", 401: "Unauthorized", 404: "Not Found", 429: "Too Many Requests", 500: "Error"}


class HostileServer(LocalServer):
    """`with HostileServer(reply) as s:`; `s.base_url` is the /v1 URL, `s.requests` what arrived."""

    def __init__(self, reply: Callable[[dict[str, Any]], Reply]) -> None:
        self.reply = reply
        self.requests: list[dict[str, Any]] = []
        self.stopping = threading.Event()
        server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                request = server._read(self.request)
                if request is None:
                    return
                server.requests.append(request)
                server._send(self.request, server.reply(request))

        tcp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler, bind_and_activate=False)
        tcp.allow_reuse_address = True
        tcp.server_bind()
        tcp.server_activate()
        self._serve(tcp)

    def url_with_password(self, user: str, password: str) -> str:
        host, port = self.address
        return f"http://{user}:{password}@{host}:{port}/v1"

    def _read(self, sock: socket.socket) -> dict[str, Any] | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length") or 0)
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
        try:
            parsed = json.loads(body or b"{}")
        except ValueError:
            parsed = None
        return {"line": lines[0], "headers": headers, "json": parsed}

    def _send(self, sock: socket.socket, reply: Reply) -> None:
        body = reply.body
        length = {"long_length": len(body) * 2, "short_length": len(body) // 2}.get(reply.how, len(body))
        head = [
            f"HTTP/1.1 {reply.status} {_REASONS.get(reply.status, 'Status')}",
            f"Content-Type: {reply.content_type}",
            f"Content-Length: {length}",
            "Connection: close",
            *(f"{k}: {v}" for k, v in reply.headers.items()),
        ]
        data = ("\r\n".join(head) + "\r\n\r\n").encode() + body
        try:
            if reply.how == "silent":
                self.stopping.wait()
            elif reply.how in ("trickle", "trickle_body"):
                start = len(data) - len(body) if reply.how == "trickle_body" else 0
                sock.sendall(data[:start])
                for i in range(start, len(data)):
                    if self.stopping.wait(reply.interval if i > start else 0):
                        return
                    sock.sendall(data[i : i + 1])
            elif reply.how in ("truncate", "long_length"):
                sock.sendall(data[: len(data) - len(body) // 2] if reply.how == "truncate" else data)
                time.sleep(0.05)
            else:
                sock.sendall(data)
        except OSError:
            return  # the client gave up on us: that is the point
        finally:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        super().__exit__(*exc)
