"""Any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp server) through openai + instructor."""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import urlsplit

import httpx
import instructor
import openai
from httpx_aiohttp import AiohttpTransport, HttpxAiohttpClient

from extractor.backends.base import Backend, BackendSettings
from extractor.backends.deadline import http_client
from extractor.backends.registry import MODES
from extractor.backends.transport import with_async_retries, with_retries
from extractor.redact import configured_secrets

# Under a grammar a small model can repeat list items until max_tokens cuts the JSON off; the lists it
# may write are bounded instead (articles rarely report more rounds or name more investors per round).
MAX_ROUNDS = 4
MAX_INVESTORS = 10


def bounded(schema: dict[str, Any]) -> dict[str, Any]:
    """The draft schema with maxItems on its lists, for grammar-constrained decoding."""
    out = copy.deepcopy(schema)
    for name, limit in (("rounds", MAX_ROUNDS), ("investors", MAX_INVESTORS)):
        for props in [out.get("properties", {})] + [
            d.get("properties", {}) for d in out.get("$defs", {}).values()
        ]:
            if name in props and props[name].get("type") == "array":
                props[name]["maxItems"] = limit
    return out


def default_mode(base_url: str | None) -> str:
    """OpenAI itself takes json_schema; other servers differ, so the portable json_object is the default."""
    if base_url is None or "api.openai.com" in base_url:
        return "json_schema"
    return "json"


class _KeepRequest(httpx.BaseTransport):
    """An httpx transport that keeps the request it is given and answers with an empty completion."""

    EMPTY = {"id": "kept", "object": "chat.completion", "created": 0, "model": "kept", "choices": []}

    def __init__(self) -> None:
        self.request: httpx.Request | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.request = request
        request.read()
        return httpx.Response(200, json=self.EMPTY)


class _ResponseStream(httpx.AsyncByteStream):
    """A response body that gives its request slot back when it is closed (read to the end or dropped)."""

    def __init__(self, stream: httpx.AsyncByteStream, release: Callable[[], None]) -> None:
        self.stream = stream
        self.release: Callable[[], None] | None = release

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self.stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self.stream.aclose()
        finally:
            if self.release is not None:
                self.release()
                self.release = None
                # Let the request waiting for this slot go out before this answer is parsed and checked.
                await asyncio.sleep(0)


class _Gate(httpx.AsyncBaseTransport):
    """At most `limit` requests on the wire at once (None: no limit). The slot is taken just before the
    request is sent and given back as soon as its response body is closed: building the next request
    and checking the last answer happen outside it, so a freed slot is used at once."""

    def __init__(self, transport: httpx.AsyncBaseTransport) -> None:
        self.transport = transport
        self.limit: int | None = None
        self._slots: asyncio.Semaphore | None = None

    def set_limit(self, limit: int | None) -> None:
        self.limit = limit
        self._slots = None  # made again, in the running loop, at the next request

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.limit is None:
            return await self.transport.handle_async_request(request)
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limit)
        slots = self._slots
        await slots.acquire()
        try:
            response = await self.transport.handle_async_request(request)
        except BaseException:
            slots.release()
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _ResponseStream(response.stream, slots.release)
        return response

    async def aclose(self) -> None:
        await self.transport.aclose()


class OpenAICompatBackend(Backend):
    def __init__(self, settings: BackendSettings) -> None:
        assert settings.model
        self.settings = settings
        self.model = settings.model
        self.mode_name = settings.mode or default_mode(settings.base_url)
        spec = MODES[self.mode_name]
        self.instructor_mode = instructor.Mode[spec.instructor_mode]
        self.form = spec.form
        self.name = f"openai:{self.mode_name}"
        # Transport retries belong to tenacity (with Retry-After); the client must not retry too.
        common: dict[str, Any] = {
            "api_key": settings.api_key or "not-needed",
            "base_url": settings.base_url,
            "timeout": settings.timeout,
            "max_retries": 0,
        }
        self._common = common
        self._limit: int | None = None
        # What must never appear in a message: the key, and a password in the base URL.
        self.secrets = configured_secrets(settings.api_key, settings.base_url)
        self._client = openai.OpenAI(**common, http_client=http_client(settings.timeout))
        self._aclient = self._async_client()
        self._keeper: tuple[openai.OpenAI, _KeepRequest] | None = None

    def _async_client(self) -> openai.AsyncOpenAI:
        """The async client on aiohttp's connection pool (the transport openai offers for high
        concurrency): httpx's own pool scans every pooled connection on each request, which at 64 in
        flight was half the extractor's CPU (benchmarks/results/throughput_profile.md). Proxies from
        the environment are honoured as httpx does (per-scheme transports)."""
        limits = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
        http: httpx.AsyncClient
        if urlsplit(self.settings.base_url or "").username is not None:
            # aiohttp refuses credentials in the URL beside an Authorization header; httpx turns them
            # into Basic auth, as the sync client does.
            self._gate = _Gate(httpx.AsyncHTTPTransport(limits=limits))
            http = httpx.AsyncClient(
                timeout=self.settings.timeout, limits=limits, follow_redirects=True, transport=self._gate
            )
        else:
            # Requests without a proxy go through the gate (proxied ones through httpx's mounts, ungated).
            self._gate = _Gate(AiohttpTransport(limits=limits))
            http = HttpxAiohttpClient(
                timeout=self.settings.timeout, limits=limits, follow_redirects=True, transport=self._gate
            )
        self._gate.set_limit(self._limit)
        return openai.AsyncOpenAI(**self._common, http_client=http)

    def limit_requests(self, n: int | None) -> bool:
        self._limit = n
        self._gate.set_limit(n)
        return True

    def request_extras(self, schema: dict[str, Any]) -> dict[str, Any]:
        if self.mode_name == "llamacpp":
            # llama.cpp's server rejects response_format json_schema but grammar-constrains json_object+schema.
            return {"extra_body": {"response_format": {"type": "json_object", "schema": bounded(schema)}}}
        return {}

    def request_body(self, create_kwargs: dict[str, Any]) -> dict[str, Any]:
        """What the openai client sends for these arguments, taken off its HTTP request on a transport
        that keeps it instead of sending it (so extra_body merging and omitted values are openai's own)."""
        if self._keeper is None:
            transport = _KeepRequest()
            client = openai.OpenAI(
                api_key="kept",
                base_url="http://kept.invalid/v1",
                max_retries=0,
                http_client=httpx.Client(transport=transport),
            )
            self._keeper = (client, transport)
        client, transport = self._keeper
        client.chat.completions.create(**create_kwargs)
        assert transport.request is not None and transport.request.url.path == "/v1/chat/completions"
        body: dict[str, Any] = json.loads(transport.request.content)
        return body

    def batch_client(self) -> openai.AsyncOpenAI:
        return openai.AsyncOpenAI(**self._common)

    def sync_create(self) -> Callable[..., Any]:
        create = with_retries(
            self._client.chat.completions.create,
            self.settings.retry,
            timeout=self.settings.timeout,
            secrets=self.secrets,
        )
        return instructor.patch(create=create, mode=self.instructor_mode)

    def async_create(self) -> Callable[..., Any]:
        create = with_async_retries(
            self._aclient.chat.completions.create,
            self.settings.retry,
            timeout=self.settings.timeout,
            secrets=self.secrets,
            endpoint=f"{self._aclient.base_url}chat/completions",
        )
        return instructor.patch(create=create, mode=self.instructor_mode)

    def close(self) -> None:
        self._client.close()
        if self._keeper is not None:
            self._keeper[0].close()

    async def aclose(self) -> None:
        # The async client's connections belong to the loop that opened them; a later loop gets a new one.
        await self._aclient.close()
        self._aclient = self._async_client()
