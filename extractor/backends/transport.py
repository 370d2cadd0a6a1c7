"""Transport retries: tenacity around each HTTP call, beneath instructor's re-asks.

instructor only re-asks on parse/validation errors; rate limits, 5xx, timeouts
and dropped connections are retried here with exponential backoff and jitter,
honouring Retry-After. Client errors that a retry cannot fix fail at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpx
import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential_jitter,
)

from extractor.backends.deadline import deadline
from extractor.errors import BackendError
from extractor.redact import redact

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    initial_wait: float = 0.5
    max_wait: float = 30.0
    max_total: float = 120.0
    max_retry_after: float = 60.0


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, openai.APITimeoutError | openai.APIConnectionError):
        return True
    if isinstance(exc, openai.RateLimitError):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 408 or exc.status_code == 409 or exc.status_code >= 500
    return False


def _retry_after(exc: BaseException | None) -> float | None:
    response = getattr(exc, "response", None)
    if response is None:
        return None
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _waiter(policy: RetryPolicy) -> Callable[[RetryCallState], float]:
    backoff = wait_exponential_jitter(multiplier=policy.initial_wait, max=policy.max_wait)

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = _retry_after(exc)
        if hinted is not None:
            return min(hinted, policy.max_retry_after)
        return float(backoff(state))

    return wait


def _log(state: RetryCallState) -> None:
    # The CLI shows these with -v only: without it, the one error after the last attempt says what matters.
    exc = state.outcome.exception() if state.outcome else None
    log.warning("transient error (attempt %d): %s; retrying", state.attempt_number, exc)


def _kwargs(policy: RetryPolicy) -> dict[str, Any]:
    return {
        "retry": retry_if_exception(is_transient),
        "stop": stop_after_attempt(policy.attempts) | stop_after_delay(policy.max_total),
        "wait": _waiter(policy),
        "before_sleep": _log,
        "reraise": True,
    }


def _endpoint(exc: BaseException) -> str:
    request = getattr(exc, "request", None)
    url = getattr(request, "url", None)
    return f" {url}" if url is not None else ""


def _cause(exc: BaseException) -> str:
    """The network error underneath openai's generic "Connection error.", in a few words."""
    cause = exc.__cause__ or exc.__context__
    while cause is not None and cause.__cause__ is not None and not str(cause):
        cause = cause.__cause__
    text = str(cause) if cause is not None else ""
    return text.split("] ", 1)[-1].strip() or str(exc)


def _said(exc: openai.APIStatusError) -> str:
    """What the server said: the message of its JSON error body, else openai's summary of the response."""
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error") if isinstance(body.get("error"), dict) else body
        message = inner.get("message") if isinstance(inner, dict) else None
        message = message or body.get("detail")  # FastAPI-style servers (llama.cpp's python server)
        if isinstance(message, str) and message.strip():
            return message.strip()
    return exc.message


def describe(
    exc: BaseException, *, attempts: int = 1, timeout: float | None = None, secrets: Iterable[str] = ()
) -> BackendError:
    """One message a user can act on, naming the status or cause and the endpoint; secrets redacted."""
    where = _endpoint(exc)
    tries = f"after {attempts} attempt{'s' if attempts != 1 else ''}"
    # A status message starts "<status> from the model endpoint:" (scripts match on it); the URL follows.
    if isinstance(exc, openai.AuthenticationError):
        text = f"401 from the model endpoint: the API key was refused ({_said(exc)};{where})"
    elif isinstance(exc, openai.NotFoundError):
        text = f"404 from the model endpoint: wrong base URL or model name ({_said(exc)};{where})"
    elif isinstance(exc, openai.APIStatusError):
        text = f"{exc.status_code} from the model endpoint {tries}: {_said(exc)} ({where.strip()})"
    elif isinstance(exc, openai.APITimeoutError):
        limit = f"the {timeout:g} s timeout" if timeout else "the timeout"
        text = f"the model endpoint{where} gave no complete answer within {limit} ({tries})"
    elif isinstance(exc, openai.APIConnectionError) and isinstance(exc.__cause__, httpx.ConnectError):
        text = f"could not reach the model endpoint{where} {tries}: {_cause(exc)}"
    elif isinstance(exc, openai.APIConnectionError):
        text = f"the connection to the model endpoint{where} broke {tries}: {_cause(exc)}"
    else:
        text = str(exc)
    return BackendError(redact(text, secrets))


def with_retries(
    fn: Callable[..., Any], policy: RetryPolicy, *, timeout: float | None = None, secrets: Iterable[str] = ()
) -> Callable[..., Any]:
    """`fn` retried on transient errors; each attempt ends within `timeout` seconds overall."""
    secrets = tuple(secrets)

    def call(*args: Any, **kwargs: Any) -> Any:
        attempts = 0
        try:
            for attempt in Retrying(**_kwargs(policy)):
                with attempt, deadline(timeout):
                    attempts += 1
                    return fn(*args, **kwargs)
        except openai.APIError as exc:
            raise describe(exc, attempts=attempts, timeout=timeout, secrets=secrets) from exc
        raise AssertionError("unreachable")

    return call


def with_async_retries(
    fn: Callable[..., Any],
    policy: RetryPolicy,
    *,
    timeout: float | None = None,
    secrets: Iterable[str] = (),
    endpoint: str | None = None,
) -> Callable[..., Any]:
    """The async twin of `with_retries`. The deadline also holds on a transport that does not read it
    (the aiohttp pool): each attempt is cancelled when its time is up, as a timeout of `endpoint`."""
    secrets = tuple(secrets)

    async def attempt_once(*args: Any, **kwargs: Any) -> Any:
        try:
            async with asyncio.timeout(timeout):
                return await fn(*args, **kwargs)
        except TimeoutError:
            request = httpx.Request("POST", endpoint or "http://model-endpoint/chat/completions")
            raise openai.APITimeoutError(request=request) from None

    async def call(*args: Any, **kwargs: Any) -> Any:
        attempts = 0
        try:
            async for attempt in AsyncRetrying(**_kwargs(policy)):
                with attempt, deadline(timeout):
                    attempts += 1
                    return await attempt_once(*args, **kwargs)
        except openai.APIError as exc:
            raise describe(exc, attempts=attempts, timeout=timeout, secrets=secrets) from exc
        raise AssertionError("unreachable")

    return call
