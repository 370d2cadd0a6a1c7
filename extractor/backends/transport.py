"""Transport retries: tenacity around each HTTP call, beneath instructor's re-asks.

instructor only re-asks on parse/validation errors; rate limits, 5xx, timeouts
and dropped connections are retried here with exponential backoff and jitter,
honouring Retry-After. Client errors that a retry cannot fix fail at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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

from extractor.errors import BackendError

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


def describe(exc: BaseException) -> BackendError:
    """A message a user can act on, naming status and endpoint."""
    if isinstance(exc, openai.AuthenticationError):
        return BackendError(f"401 from the model endpoint: the API key was refused ({exc.message})")
    if isinstance(exc, openai.NotFoundError):
        return BackendError(f"404 from the model endpoint: wrong base URL or model name ({exc.message})")
    if isinstance(exc, openai.APIStatusError):
        return BackendError(f"{exc.status_code} from the model endpoint: {exc.message}")
    if isinstance(exc, openai.APIConnectionError):
        return BackendError(f"could not reach the model endpoint after retries: {exc}")
    return BackendError(str(exc))


def with_retries(fn: Callable[..., Any], policy: RetryPolicy) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            for attempt in Retrying(**_kwargs(policy)):
                with attempt:
                    return fn(*args, **kwargs)
        except openai.APIError as exc:
            raise describe(exc) from exc
        raise AssertionError("unreachable")

    return call


def with_async_retries(fn: Callable[..., Any], policy: RetryPolicy) -> Callable[..., Any]:
    async def call(*args: Any, **kwargs: Any) -> Any:
        try:
            async for attempt in AsyncRetrying(**_kwargs(policy)):
                with attempt:
                    return await fn(*args, **kwargs)
        except openai.APIError as exc:
            raise describe(exc) from exc
        raise AssertionError("unreachable")

    return call
