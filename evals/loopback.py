"""A server on a free loopback port, served from a daemon thread for the length of a with-block.

The oracle's endpoint and the test suite's fake endpoints share this lifecycle; each keeps its own
handler and its own way of reporting errors."""

from __future__ import annotations

import socketserver
import threading
from http.server import ThreadingHTTPServer
from typing import Self


class LoopbackServer:
    """`with Server(...) as s:` serves; `s.base_url` is its /v1 URL."""

    _server: ThreadingHTTPServer | socketserver.ThreadingTCPServer

    def _serve(self, server: ThreadingHTTPServer | socketserver.ThreadingTCPServer) -> None:
        server.daemon_threads = True  # handler threads end with the with-block's process
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, daemon=True)

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    @property
    def base_url(self) -> str:
        host, port = self.address
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
