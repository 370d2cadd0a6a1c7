"""Re-record every HTTP cassette from the real llama.cpp server running the embedded model.

    python scripts/record_cassettes.py

Starts `python -m extractor.serve` on 127.0.0.1:8765 and, for the transport-error
cassette, a loopback proxy on 127.0.0.1:8766 that answers its first request with
503 (Retry-After: 0) and forwards the rest; then runs tests/test_recorded.py
with VCR_RECORD=all, and stops both. Takes a few minutes on 2 cores: the server
decodes under a JSON-schema grammar over Gemma's 262k-token vocabulary.
"""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class FlakyProxy(BaseHTTPRequestHandler):
    """First request: 503 with Retry-After 0. Later ones: forwarded to the real server."""

    served = 0
    lock = threading.Lock()

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        with FlakyProxy.lock:
            FlakyProxy.served += 1
            first = FlakyProxy.served == 1
        if first:
            data = b'{"error": {"message": "server busy, try again", "type": "unavailable"}}'
            self.send_response(503)
            self.send_header("content-type", "application/json")
            self.send_header("retry-after", "0")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        conn = http.client.HTTPConnection("127.0.0.1", 8765, timeout=600)
        conn.request("POST", self.path, body, {"content-type": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
        self.send_response(resp.status)
        self.send_header("content-type", resp.getheader("content-type", "application/json"))
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def wait_for_server(url: str, seconds: float = 120) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the llama.cpp server did not come up at {url}")


def main() -> int:
    if "-h" in sys.argv or "--help" in sys.argv:
        print(__doc__)
        return 0
    server = subprocess.Popen(
        [sys.executable, "-m", "extractor.serve", "--port", "8765"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    proxy = ThreadingHTTPServer(("127.0.0.1", 8766), FlakyProxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        wait_for_server("http://127.0.0.1:8765/v1/models")
        for old in (ROOT / "tests" / "cassettes").glob("*.yaml"):
            old.unlink()
        env = {**os.environ, "VCR_RECORD": "all"}
        return subprocess.call(
            [sys.executable, "-m", "pytest", "-q", "tests/test_recorded.py"], cwd=ROOT, env=env
        )
    finally:
        proxy.shutdown()
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    raise SystemExit(main())
