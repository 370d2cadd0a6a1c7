"""A loopback test double of OpenAI's Files and Batches API (and chat completions, for live re-asks).

It speaks real HTTP, so the openai client runs unmodified. Faithful to what the client relies on:

- Files: POST /v1/files (multipart, purpose "batch"), GET /v1/files (?purpose, cursor pages),
  GET /v1/files/{id}, GET /v1/files/{id}/content, DELETE /v1/files/{id}.
- Batches: POST /v1/batches (endpoint /v1/chat/completions, completion_window 24h, metadata),
  GET /v1/batches/{id}, GET /v1/batches (newest first, cursor pages), POST /v1/batches/{id}/cancel.
- A job's status moves with time through validating, in_progress (request_counts growing),
  finalizing and completed; a job whose input breaks the rules (not JSON, repeated custom_id, wrong
  method or url, mixed models, over 50,000 requests or 200 MB) fails with `errors` naming the line.
  A job can be scripted to fail (e.g. token_limit_exceeded), to expire part-way (rows not run go to the
  error file as batch_expired) or to have some rows fail (500 rows in the error file); a cancelled
  job puts the rows it did not run in the error file as batch_cancelled.
- Output and error files are JSONL in the Batch API's result format:
  {"id", "custom_id", "response": {"status_code", "request_id", "body"}, "error"}.

Answers come from `answer(body) -> content` (tests.stub_server.synthetic_answer by default), or per
custom_id from `batch_answers`.
"""

from __future__ import annotations

import argparse
import email.parser
import email.policy
import json
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlparse

from tests.local_server import BackloggedHTTPServer, LocalServer
from tests.stub_server import Scripted, completion, synthetic_answer

MAX_REQUESTS = 50_000
MAX_BYTES = 200 * 1024 * 1024
ENDPOINT = "/v1/chat/completions"


@dataclass
class JobScript:
    """How the next job behaves. Durations are seconds in each status."""

    validating: float = 0.05
    in_progress: float = 0.2
    finalizing: float = 0.05
    fail: tuple[str, str] | None = None  # (code, message): the job fails after validating
    expire_after: float | None = None  # share of requests run before the job expires
    cancel_after: float | None = None  # share run when someone cancels the job (as from the dashboard)
    row_errors: set[str] = field(default_factory=set)  # custom_ids answered 500 (in the error file)


@dataclass
class _File:
    id: str
    filename: str
    purpose: str
    data: bytes
    created_at: int

    def obj(self) -> dict[str, Any]:
        return {"id": self.id, "object": "file", "bytes": len(self.data), "created_at": self.created_at,
                "filename": self.filename, "purpose": self.purpose, "status": "processed",
                "expires_at": None, "status_details": None}  # fmt: skip


@dataclass
class _Batch:
    id: str
    input_file_id: str
    metadata: dict[str, str] | None
    script: JobScript
    created: float
    lines: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    cancel_at: float | None = None
    status: str = "validating"
    stamps: dict[str, int] = field(default_factory=dict)
    output_file_id: str | None = None
    error_file_id: str | None = None
    done: int = 0
    failed: int = 0
    history: list[str] = field(default_factory=lambda: ["validating"])


class BatchAPIServer(LocalServer):
    """`with BatchAPIServer() as s:`; `s.base_url` is the /v1 URL. `s.script` shapes the next jobs
    (a JobScript, or a list consumed one per job); `s.chat_requests` are the live chat bodies received."""

    def __init__(self, answer: Callable[[dict[str, Any]], str] | None = None) -> None:
        self.answer = answer or synthetic_answer
        self.batch_answers: dict[str, str] = {}
        self.script: JobScript | list[JobScript] = JobScript()
        self.chat_script: list[Scripted] = []
        self.chat_requests: list[dict[str, Any]] = []
        self.calls: list[tuple[str, str]] = []
        self.files: dict[str, _File] = {}
        self.batches: dict[str, _Batch] = {}
        self.lock = threading.RLock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def setup(self) -> None:
                super().setup()
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("content-length") or 0))

            def _send(self, status: int, payload: Any, content_type: str = "application/json") -> None:
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _route(self, method: str) -> None:
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                body = self._body() if method in ("POST", "DELETE") else b""
                with server.lock:
                    server.calls.append((method, url.path))
                try:
                    status, payload, ctype = server.handle(method, url.path, query, body, dict(self.headers))
                except _HTTPError as exc:
                    status, payload, ctype = (
                        exc.status,
                        {"error": {"message": exc.message, "type": "invalid_request_error"}},
                        "application/json",
                    )
                self._send(status, payload, ctype)

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                self._route("GET")

            def do_POST(self) -> None:  # noqa: N802
                self._route("POST")

            def do_DELETE(self) -> None:  # noqa: N802
                self._route("DELETE")

        self._serve(BackloggedHTTPServer(("127.0.0.1", 0), Handler))

    # -- routing ----------------------------------------------------------------------------------

    def handle(
        self, method: str, path: str, query: dict[str, str], body: bytes, headers: dict[str, str]
    ) -> tuple[int, Any, str]:
        parts = path.strip("/").split("/")
        if parts[:1] != ["v1"]:
            raise _HTTPError(404, f"no route {path}")
        parts = parts[1:]
        with self.lock:
            if parts == ["chat", "completions"] and method == "POST":
                return self.chat(json.loads(body or b"{}"))
            if parts == ["files"] and method == "POST":
                return 200, self.upload(body, headers), "application/json"
            if parts == ["files"] and method == "GET":
                found = [f for f in self.files.values() if f.purpose == query.get("purpose", f.purpose)]
                return (
                    200,
                    _page([f.obj() for f in sorted(found, key=lambda f: f.id)], query),
                    "application/json",
                )
            if len(parts) >= 2 and parts[0] == "files":
                f = self.files.get(parts[1])
                if f is None:
                    raise _HTTPError(404, f"No such File object: {parts[1]}")
                if len(parts) == 3 and parts[2] == "content" and method == "GET":
                    return 200, f.data, "application/octet-stream"
                if len(parts) == 2 and method == "GET":
                    return 200, f.obj(), "application/json"
                if len(parts) == 2 and method == "DELETE":
                    del self.files[f.id]
                    return 200, {"id": f.id, "object": "file", "deleted": True}, "application/json"
            if parts == ["batches"] and method == "POST":
                return 200, self.create(json.loads(body)), "application/json"
            if parts == ["batches"] and method == "GET":
                newest = sorted(self.batches.values(), key=lambda b: (b.created, b.id), reverse=True)
                return 200, _page([self.view(b) for b in newest], query), "application/json"
            if len(parts) >= 2 and parts[0] == "batches":
                b = self.batches.get(parts[1])
                if b is None:
                    raise _HTTPError(404, f"No batch found with id '{parts[1]}'.")
                if len(parts) == 2 and method == "GET":
                    return 200, self.view(b), "application/json"
                if parts[2:] == ["cancel"] and method == "POST":
                    self.cancel(b.id)
                    return 200, self.view(b), "application/json"
        raise _HTTPError(404, f"no route {method} {path}")

    def chat(self, request: dict[str, Any]) -> tuple[int, Any, str]:
        self.chat_requests.append(request)
        step = self.chat_script.pop(0) if self.chat_script else Scripted()
        if step.status != 200:
            return (
                step.status,
                step.body or {"error": {"message": f"scripted {step.status}"}},
                "application/json",
            )
        content = step.content if step.content is not None else self.answer(request)
        return 200, completion(content, request.get("model", "stub"), step.finish_reason), "application/json"

    def upload(self, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
        ctype = next(v for k, v in headers.items() if k.lower() == "content-type")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {ctype}\r\n\r\n".encode() + body
        )
        fields: dict[str, tuple[str | None, bytes]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            fields[str(name)] = (part.get_filename(), payload if isinstance(payload, bytes) else b"")
        if "file" not in fields or "purpose" not in fields:
            raise _HTTPError(400, "multipart form needs 'file' and 'purpose'")
        purpose = fields["purpose"][1].decode()
        if purpose not in ("batch", "fine-tune", "assistants", "user_data", "vision", "evals"):
            raise _HTTPError(400, f"'{purpose}' is not one of the supported purposes")
        f = _File(
            f"file-{uuid.uuid4().hex[:24]}",
            fields["file"][0] or "upload",
            purpose,
            fields["file"][1],
            int(time.time()),
        )
        self.files[f.id] = f
        return f.obj()

    # -- jobs -----------------------------------------------------------------------------------------

    def _next_script(self) -> JobScript:
        if isinstance(self.script, list):
            return self.script.pop(0) if self.script else JobScript()
        return self.script

    def create(self, request: dict[str, Any]) -> dict[str, Any]:
        if request.get("endpoint") != ENDPOINT:
            raise _HTTPError(400, f"endpoint {request.get('endpoint')!r} is not supported here")
        if request.get("completion_window") != "24h":
            raise _HTTPError(400, "completion_window must be '24h'")
        f = self.files.get(request.get("input_file_id", ""))
        if f is None:
            raise _HTTPError(404, f"No such File object: {request.get('input_file_id')}")
        if f.purpose != "batch":
            raise _HTTPError(400, f"file {f.id} has purpose {f.purpose!r}, not 'batch'")
        b = _Batch(
            f"batch_{uuid.uuid4().hex[:24]}", f.id, request.get("metadata"), self._next_script(), time.time()
        )
        b.stamps["created_at"] = int(b.created)
        b.lines, b.errors = _validate(f.data)
        self.batches[b.id] = b
        return self.view(b)

    def cancel(self, batch_id: str) -> None:
        b = self.batches[batch_id]
        self.advance(b)
        if b.status in ("validating", "in_progress", "finalizing"):
            b.cancel_at = time.time()
            self.set_status(b, "cancelling")
            b.stamps["cancelling_at"] = int(b.cancel_at)

    @staticmethod
    def set_status(b: _Batch, status: str) -> None:
        if b.history[-1] != status:
            b.history.append(status)
        b.status = status

    def advance(self, b: _Batch) -> None:
        """Move the job along by the time elapsed; settle its files when it ends."""
        if b.status in ("completed", "failed", "expired", "cancelled"):
            return
        s, now = b.script, time.time()
        t_run = b.created + s.validating
        t_fin = t_run + s.in_progress
        t_end = t_fin + s.finalizing
        total = len(b.lines)
        if b.status == "cancelling":
            assert b.cancel_at is not None
            share = min(1.0, max(0.0, (b.cancel_at - t_run) / s.in_progress)) if s.in_progress else 1.0
            self.settle(b, int(total * share), "cancelled", "batch_cancelled")
            return
        if now < t_run:
            return
        if b.errors or s.fail:
            self.set_status(b, "failed")
            b.stamps["failed_at"] = int(t_run)
            if s.fail and not b.errors:
                b.errors = [{"code": s.fail[0], "message": s.fail[1], "param": None, "line": None}]
            return
        b.stamps["in_progress_at"] = int(t_run)
        share = min(1.0, (now - t_run) / s.in_progress) if s.in_progress else 1.0
        if s.expire_after is not None and share >= s.expire_after:
            self.set_status(b, "in_progress")
            self.settle(b, int(total * s.expire_after), "expired", "batch_expired")
            return
        if s.cancel_after is not None and share >= s.cancel_after:
            self.set_status(b, "in_progress")
            b.cancel_at = t_run + s.cancel_after * s.in_progress
            self.set_status(b, "cancelling")
            b.stamps["cancelling_at"] = int(b.cancel_at)
            self.settle(b, int(total * s.cancel_after), "cancelled", "batch_cancelled")
            return
        if now < t_fin:
            self.set_status(b, "in_progress")
            b.done = int(total * share)
            return
        if b.history[-1] == "validating":  # polled only after it ran: it still went through in_progress
            self.set_status(b, "in_progress")
        self.set_status(b, "finalizing")
        b.done = total
        b.stamps["finalizing_at"] = int(t_fin)
        if now >= t_end:
            self.settle(b, total, "completed", None)

    def settle(self, b: _Batch, ran: int, status: str, unrun_code: str | None) -> None:
        """Answer the first `ran` requests; the rest go to the error file as `unrun_code`."""
        out, err = [], []
        messages = {"batch_expired": "This request could not be executed before the completion window expired.",
                    "batch_cancelled": "This request was not executed because the batch was cancelled."}  # fmt: skip
        for i, line in enumerate(b.lines):
            row: dict[str, Any] = {"id": f"batch_req_{uuid.uuid4().hex[:24]}", "custom_id": line["custom_id"]}
            if i >= ran:
                row.update(response=None, error={"code": unrun_code, "message": messages[str(unrun_code)]})
                err.append(row)
            elif line["custom_id"] in b.script.row_errors:
                body: dict[str, Any] = {"error": {"message": "The server had an error while processing your request.",
                                  "type": "server_error", "param": None, "code": None}}  # fmt: skip
                row.update(
                    response={"status_code": 500, "request_id": f"req_{uuid.uuid4().hex[:12]}", "body": body},
                    error=None,
                )
                err.append(row)
            else:
                content = self.batch_answers.get(line["custom_id"])
                if content is None:
                    content = self.answer(line["body"])
                body = completion(content, line["body"].get("model", "stub"))
                body["id"] = f"chatcmpl-{uuid.uuid4().hex[:12]}"
                row.update(
                    response={"status_code": 200, "request_id": f"req_{uuid.uuid4().hex[:12]}", "body": body},
                    error=None,
                )
                out.append(row)
        b.done, b.failed = len(out), sum(1 for r in err if r["response"] is not None)
        if out:
            b.output_file_id = self._store(f"{b.id}_output.jsonl", out)
        if err:
            b.error_file_id = self._store(f"{b.id}_error.jsonl", err)
        self.set_status(b, status)
        b.stamps[f"{status}_at"] = int(time.time())

    def _store(self, name: str, rows: list[dict[str, Any]]) -> str:
        data = "".join(json.dumps(r) + "\n" for r in rows).encode()
        f = _File(f"file-{uuid.uuid4().hex[:24]}", name, "batch_output", data, int(time.time()))
        self.files[f.id] = f
        return f.id

    def view(self, b: _Batch) -> dict[str, Any]:
        self.advance(b)
        stamps = {k: b.stamps.get(k) for k in ("in_progress_at", "finalizing_at", "completed_at", "failed_at",
                                                "expired_at", "cancelling_at", "cancelled_at")}  # fmt: skip
        return {
            "id": b.id, "object": "batch", "endpoint": ENDPOINT, "input_file_id": b.input_file_id,
            "completion_window": "24h", "status": b.status, "created_at": int(b.created),
            "expires_at": int(b.created) + 86400, **stamps,
            "output_file_id": b.output_file_id, "error_file_id": b.error_file_id,
            "errors": {"object": "list", "data": b.errors} if b.errors else None,
            "request_counts": {"total": len(b.lines), "completed": b.done, "failed": b.failed},
            "metadata": b.metadata,
        }  # fmt: skip

    def run_file(self, data: bytes) -> bytes:
        """Answer a request file offline, as vLLM's run-batch does: the result lines, in order."""
        lines, errors = _validate(data)
        assert not errors, errors
        rows = []
        for line in lines:
            content = self.batch_answers.get(line["custom_id"]) or self.answer(line["body"])
            body = completion(content, line["body"].get("model", "stub"))
            rows.append({"id": f"vllm-{uuid.uuid4().hex[:24]}", "custom_id": line["custom_id"],
                         "response": {"status_code": 200, "request_id": "vllm-batch", "body": body}, "error": None})  # fmt: skip
        return "".join(json.dumps(r) + "\n" for r in rows).encode()


class _HTTPError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _page(items: list[dict[str, Any]], query: dict[str, str]) -> dict[str, Any]:
    """A cursor page: items after the id in ?after, at most ?limit of them."""
    after = query.get("after")
    if after is not None:
        ids = [x["id"] for x in items]
        items = items[ids.index(after) + 1 :] if after in ids else []
    limit = int(query.get("limit", 10_000))
    page = items[:limit]
    return {"object": "list", "data": page, "first_id": page[0]["id"] if page else None,
            "last_id": page[-1]["id"] if page else None, "has_more": len(items) > limit}  # fmt: skip


def _validate(data: bytes) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The request lines, and the errors that fail the job (as OpenAI reports them)."""
    errors: list[dict[str, Any]] = []

    def error(code: str, message: str, line: int | None = None) -> None:
        errors.append({"code": code, "message": message, "param": None, "line": line})

    if len(data) > MAX_BYTES:
        error("file_too_large", f"The input file is {len(data)} bytes; the limit is {MAX_BYTES}.")
    lines: list[dict[str, Any]] = []
    seen: set[str] = set()
    models: set[str] = set()
    for n, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except ValueError:
            error("invalid_json_line", "This line is not parseable as valid JSON.", n)
            continue
        cid = line.get("custom_id") if isinstance(line, dict) else None
        if not isinstance(cid, str) or not cid:
            error("missing_required_parameter", "Missing required parameter: 'custom_id'.", n)
            continue
        if cid in seen:
            error("duplicate_custom_id", f"The custom_id '{cid}' is used more than once.", n)
        seen.add(cid)
        if line.get("method") != "POST":
            error("invalid_method", "The method must be POST.", n)
        if line.get("url") != ENDPOINT:
            error("invalid_url", f"The url must be {ENDPOINT}, the batch's endpoint.", n)
        body = line.get("body")
        if not isinstance(body, dict) or not isinstance(body.get("model"), str):
            error("invalid_request", "The body must be an object with a model.", n)
            continue
        models.add(body["model"])
        lines.append(line)
    if len(models) > 1:
        error("mixed_models", f"A batch may use only one model, not {sorted(models)}.")
    if len(lines) > MAX_REQUESTS:
        error("too_many_requests", f"The input file has {len(lines)} requests; the limit is {MAX_REQUESTS}.")
    return lines, errors


def main() -> None:
    """Serve until killed: `python -m tests.batch_api_server --in-progress 5`; prints the URL."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--validating", type=float, default=0.5)
    parser.add_argument("--in-progress", type=float, default=5.0)
    parser.add_argument("--finalizing", type=float, default=0.5)
    args = parser.parse_args()
    server = BatchAPIServer()
    server.script = JobScript(args.validating, args.in_progress, args.finalizing)
    with server:
        print(server.base_url, flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
