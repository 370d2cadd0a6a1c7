"""A loopback OpenAI-compatible endpoint that answers each article with its oracle draft.

It speaks real HTTP so the openai client, instructor and the pipeline's checks run unmodified; only the
model is replaced. The article is recognised by its text inside the request's messages, so a re-ask
(which repeats the conversation) gets the same answer, as a model that knows the truth would give.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from evals.loopback import LoopbackServer
from extractor.pipeline import Extractor

MODEL = "oracle"


def _completion(request: dict[str, Any], content: str) -> dict[str, Any]:
    """A chat completion carrying `content` as the message, or as a tool call when tools were offered."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    finish = "stop"
    tools = request.get("tools") or []
    if tools:
        name = tools[0]["function"]["name"]
        call = {"id": "call_oracle", "type": "function", "function": {"name": name, "arguments": content}}
        message = {"role": "assistant", "content": None, "tool_calls": [call]}
        finish = "tool_calls"
    return {
        "id": "chatcmpl-oracle",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", MODEL),
        "choices": [{"index": 0, "finish_reason": finish, "message": message}],
        # No model ran: no tokens were spent.
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }


class OracleServer(LoopbackServer):
    """`with OracleServer({article_text: answer_json}) as s:` serves on 127.0.0.1 at a free port (`s.base_url`)."""

    def __init__(self, answers: Mapping[str, str]) -> None:
        # Longest texts first, so an article whose text holds another's is recognised as itself.
        self._answers = sorted(answers.items(), key=lambda kv: -len(kv[0]))
        self.requests = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("content-length") or 0)
                try:
                    request = json.loads(self.rfile.read(length) or b"{}")
                    content = server.answer_for(request)
                except (ValueError, KeyError, TypeError) as exc:
                    self._send(400, {"error": {"message": str(exc), "type": "oracle"}})
                    return
                server.requests += 1
                self._send(200, _completion(request, content))

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._serve(ThreadingHTTPServer(("127.0.0.1", 0), Handler))

    def answer_for(self, request: dict[str, Any]) -> str:
        prompt = "\n".join(
            str(m.get("content") or "") for m in request["messages"] if m.get("role") == "user"
        )
        for text, answer in self._answers:
            if text and text in prompt:
                return answer
        raise ValueError("the oracle has no answer for this request: no known article text in its messages")


@contextmanager
def oracle_extractor(
    answers: Mapping[str, str],
    *,
    mode: str = "json_schema",
    max_reasks: int = 1,
    timeout: float | None = None,
) -> Iterator[Extractor]:
    """An Extractor on the openai backend whose model is the oracle server, running while in the block."""
    with (
        OracleServer(answers) as server,
        Extractor(
            "openai",
            model=MODEL,
            base_url=server.base_url,
            api_key="not-needed",
            mode=mode,
            max_reasks=max_reasks,
            timeout=timeout,
        ) as extractor,
    ):
        yield extractor
