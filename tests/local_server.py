"""What every local test server shares: a socketserver on a free port, served from a daemon thread for
the length of a with-block."""

from __future__ import annotations

import socketserver
import threading
from typing import Self


class LocalServer:
    """`with Server(...) as s:` serves; `s.base_url` is its /v1 URL."""

    _server: socketserver.ThreadingTCPServer

    def _serve(self, server: socketserver.ThreadingTCPServer) -> None:
        # Handler threads end with the test; a client killed mid-request (the SIGKILL and give-up tests) is
        # expected, so its traceback is not printed.
        server.daemon_threads = True
        server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
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
