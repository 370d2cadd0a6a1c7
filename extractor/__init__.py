"""Funding-round extraction from news articles: validated, evidence-backed records.

from extractor import Extractor
with Extractor() as ex:                      # embedded model, offline
    record = ex.extract(text, published="2020-06-19")

Submodules load on first use, so `import extractor.parsing.money` does not pull in the model client.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.backends.transport import RetryPolicy
    from extractor.errors import BackendError, ConfigError, ExtractorError, InputError
    from extractor.pipeline import ExtractionFailed, Extractor, extract

_WHERE = {
    "BackendError": "extractor.errors",
    "ConfigError": "extractor.errors",
    "ExtractorError": "extractor.errors",
    "InputError": "extractor.errors",
    "ExtractionFailed": "extractor.pipeline",
    "Extractor": "extractor.pipeline",
    "extract": "extractor.pipeline",
    "RetryPolicy": "extractor.backends.transport",
}

__all__ = [
    "BackendError", "ConfigError", "ExtractionFailed", "Extractor", "ExtractorError", "InputError",
    "RetryPolicy", "extract",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
