"""The test servers' lifecycle: the shipped loopback one, quiet about clients the tests kill, and an HTTP server
whose listen backlog takes the suite's bursts of simultaneous connects."""

from __future__ import annotations

import socketserver
from http.server import ThreadingHTTPServer

from evals.loopback import LoopbackServer


class BackloggedHTTPServer(ThreadingHTTPServer):
    # listen() backlog: the default of 5 drops simultaneous connects, which then retry a second later. A
    # class attribute, since the constructor already listens: set on an instance it would come too late.
    request_queue_size = 256


class LocalServer(LoopbackServer):
    """`with Server(...) as s:` serves; `s.base_url` is its /v1 URL."""

    def _serve(self, server: ThreadingHTTPServer | socketserver.ThreadingTCPServer) -> None:
        # A client killed mid-request (the SIGKILL and give-up tests) is expected, so its traceback is not
        # printed.
        server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        super()._serve(server)
