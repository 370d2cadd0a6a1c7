"""What every backend offers the pipeline, and how settings are resolved from arguments and environment."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import instructor

from extractor.backends.registry import KINDS, MODES
from extractor.backends.transport import RetryPolicy
from extractor.errors import ConfigError


@dataclass(frozen=True)
class BackendSettings:
    kind: str = "embedded"  # a key of registry.KINDS
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    mode: str | None = None  # a key of registry.MODES
    timeout: float = 120.0
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    n_ctx: int = 8192
    n_threads: int | None = None


def resolve_settings(
    backend: str | None = None,
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    mode: str | None = None,
    timeout: float | None = None,
    retry: RetryPolicy | None = None,
    env: Mapping[str, str] | None = None,
) -> BackendSettings:
    """Arguments win over environment variables; without a model name or endpoint the embedded model is used."""
    env = os.environ if env is None else env
    base_url = base_url or env.get("OPENAI_BASE_URL") or None
    api_key = api_key or env.get("OPENAI_API_KEY") or None
    model = model or env.get("EXTRACTOR_MODEL") or None
    # A key alone does not leave the embedded default: many shells export OPENAI_API_KEY for other tools.
    # A model name or an endpoint says the user means a server.
    kind = backend or env.get("EXTRACTOR_BACKEND") or ("openai" if (base_url or model) else "embedded")
    if kind not in KINDS:
        raise ConfigError(f"backend {kind!r} is unknown; choose {' or '.join(map(repr, KINDS))}")
    mode = mode or env.get("EXTRACTOR_MODE") or None
    if mode is not None and mode not in MODES:
        raise ConfigError(f"mode {mode!r} is unknown; choose {', '.join(MODES)}")
    if kind == "openai":
        if not model:
            raise ConfigError("the openai backend needs a model: pass --model or set EXTRACTOR_MODEL")
        if not base_url and not api_key:
            raise ConfigError("the openai backend needs OPENAI_API_KEY (api.openai.com) or OPENAI_BASE_URL")
    timeout_env = env.get("EXTRACTOR_TIMEOUT")
    return BackendSettings(
        kind=kind,
        model=model,
        base_url=base_url,
        api_key=api_key,
        mode=mode,
        timeout=timeout if timeout is not None else float(timeout_env) if timeout_env else 120.0,
        retry=retry or RetryPolicy(),
    )


class Backend(ABC):
    """A configured model endpoint. Built once, used for many articles."""

    name: str
    model: str
    settings: BackendSettings
    # The form this backend's model fills (a key of registry.FORMS): the backend owns this capability.
    form: str
    instructor_mode: instructor.Mode
    # Requests it can serve at once; None for a remote server that scales on its own.
    parallel: int | None = None
    # Strings no message may carry (the API key, a password in the base URL): see extractor.redact.
    secrets: tuple[str, ...] = ()

    @abstractmethod
    def sync_create(self) -> Callable[..., Any]:
        """The instructor-patched synchronous create function."""

    @abstractmethod
    def async_create(self) -> Callable[..., Any]:
        """The instructor-patched asynchronous create function."""

    def request_extras(self, schema: dict[str, Any]) -> dict[str, Any]:
        """Extra create() arguments carrying the per-article JSON schema, where the backend uses one."""
        return {}

    def limit_requests(self, n: int | None) -> bool:
        """Let at most `n` requests reach the model at once (None: no limit), so a batch can prepare
        more articles than that while they wait and send each the moment a slot frees. False when
        the backend cannot; then the batch's concurrency alone bounds what is in flight."""
        return False

    def request_body(self, create_kwargs: dict[str, Any]) -> dict[str, Any]:
        """The JSON body this backend POSTs for these (instructor-prepared) create() arguments: what a
        provider batch job (or vLLM's run-batch) replays. Backends that send no HTTP have none."""
        raise ConfigError(
            f"the {self.name} backend sends no HTTP requests, so it has no batch request file: provider "
            "batch jobs need an OpenAI-compatible endpoint (--backend openai)"
        )

    def batch_client(self) -> Any:
        """An openai.AsyncOpenAI client for the endpoint's Files and Batches API, where it has one."""
        raise ConfigError(
            f"the {self.name} backend has no Files and Batches API: provider batch jobs need an "
            "OpenAI-compatible endpoint (--backend openai)"
        )

    def check_size(self, prompt_text: str) -> None:  # noqa: B027 - optional hook
        """Refuse (InputError naming the sizes) a prompt the model's context cannot hold."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections or model memory."""

    async def aclose(self) -> None:  # noqa: B027 - optional hook
        """Release what the async path holds in the running event loop (before that loop closes)."""
