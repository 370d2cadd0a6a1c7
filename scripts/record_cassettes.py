"""Re-record every HTTP cassette of tests/test_recorded.py from the real llama.cpp server.

The one command that re-records them all:

    python scripts/record_cassettes.py

It starts `python -m extractor serve --port <free port>` (the embedded Gemma 3 270M
model behind llama-cpp-python's OpenAI-compatible server, loopback only), waits for
/v1/models, and puts a loopback proxy on another free port in front of it that
answers its first request with 503 (Retry-After: 0) and forwards the rest. It then
runs tests/test_recorded.py with VCR_RECORD=all into a scratch directory; the
recorder writes the canonical addresses 127.0.0.1:8765 (server) and 127.0.0.1:8766
(proxy) into the cassettes, so replays do not depend on the ports used. Only when
every test passed are tests/cassettes/*.yaml replaced; the server and proxy are then
stopped and the new cassettes are replayed offline as a check.

Takes a few minutes on 2 cores: each answer is decoded under a JSON-schema grammar
over Gemma's 262k-token vocabulary.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASSETTES = ROOT / "tests" / "cassettes"
TESTS = "tests/test_recorded.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def flaky_proxy(upstream_port: int) -> type[BaseHTTPRequestHandler]:
    """A handler whose first request gets 503 with Retry-After 0; later ones go to the real server."""
    lock = threading.Lock()
    served = [0]

    class FlakyProxy(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _reply(self, status: int, body: bytes, content_type: str, extra: dict[str, str]) -> None:
            self.send_response(status)
            self.send_header("content-type", content_type)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            with lock:
                served[0] += 1
                first = served[0] == 1
            if first:
                busy = b'{"error": {"message": "server busy, try again", "type": "unavailable"}}'
                self._reply(503, busy, "application/json", {"retry-after": "0"})
                return
            conn = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=900)
            try:
                conn.request("POST", self.path, body, {"content-type": "application/json"})
                resp = conn.getresponse()
                data = resp.read()
                self._reply(resp.status, data, resp.getheader("content-type", "application/json"), {})
            finally:
                conn.close()

    return FlakyProxy


def wait_for_server(url: str, server: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the llama.cpp server exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                resp.read()
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the llama.cpp server did not answer {url} within {seconds:.0f} s")


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=30)


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/record_cassettes.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--startup-timeout", type=float, default=180, help="seconds to wait for /v1/models")
    parser.add_argument(
        "--server-log", type=Path, help="keep the server's output in this file (default: a temporary file)"
    )
    args = parser.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="cassettes-"))
    log_path = args.server_log or scratch / "server.log"
    server_port, proxy_port = free_port(), free_port()
    server_url = f"http://127.0.0.1:{server_port}/v1"
    proxy_url = f"http://127.0.0.1:{proxy_port}/v1"
    recorded = scratch / "cassettes"
    recorded.mkdir()

    started = time.monotonic()
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "extractor", "serve", "--port", str(server_port)],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    proxy = ThreadingHTTPServer(("127.0.0.1", proxy_port), flaky_proxy(server_port))
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        try:
            wait_for_server(f"{server_url}/models", server, args.startup_timeout)
        except RuntimeError as exc:
            print(f"{exc}; its last output ({log_path}):\n{tail(log_path)}", file=sys.stderr)
            return 1
        up = time.monotonic()
        print(
            f"server up at {server_url} in {up - started:.1f} s; proxy (503 first) at {proxy_url}", flush=True
        )
        env = {
            **os.environ,
            "VCR_RECORD": "all",
            "VCR_CASSETTE_DIR": str(recorded),
            "RECORD_SERVER_URL": server_url,
            "RECORD_PROXY_URL": proxy_url,
        }
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=0", TESTS]
        code = subprocess.call(cmd, cwd=ROOT, env=env)
        print(f"recording took {time.monotonic() - up:.1f} s", flush=True)
    finally:
        proxy.shutdown()
        proxy.server_close()
        stop(server)

    new = sorted(recorded.glob("*.yaml"))
    if code != 0 or not new:
        print(
            f"recording failed (pytest exit {code}); tests/cassettes left as they were. "
            f"Server output: {log_path}",
            file=sys.stderr,
        )
        return code or 1
    for old in CASSETTES.glob("*.yaml"):
        old.unlink()
    CASSETTES.mkdir(parents=True, exist_ok=True)
    for f in new:
        shutil.move(str(f), CASSETTES / f.name)
    print("recorded: " + ", ".join(f.name for f in new), flush=True)

    # The server is gone: the new cassettes must replay on their own.
    replay_env = {k: v for k, v in os.environ.items() if not k.startswith(("VCR_", "RECORD_"))}
    code = subprocess.call(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", TESTS], cwd=ROOT, env=replay_env
    )
    if code == 0 and not args.server_log:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"offline replay {'passed' if code == 0 else 'FAILED'}; total {time.monotonic() - started:.1f} s")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
