"""Builds the backend the settings name."""

from __future__ import annotations

from extractor.backends.base import Backend, BackendSettings


def make_backend(settings: BackendSettings) -> Backend:
    if settings.kind == "embedded":
        from extractor.backends.embedded import EmbeddedBackend

        return EmbeddedBackend(settings)
    from extractor.backends.openai_compat import OpenAICompatBackend

    return OpenAICompatBackend(settings)
