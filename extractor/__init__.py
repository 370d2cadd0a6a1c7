"""Funding-round extraction from news articles: validated, evidence-backed records.

from extractor import Extractor
with Extractor() as ex:                      # embedded model, offline
    record = ex.extract(text, published="2020-06-19")
"""

from extractor.errors import BackendError, ConfigError, ExtractorError, InputError
from extractor.pipeline import ExtractionFailed, Extractor, extract

__all__ = [
    "BackendError", "ConfigError", "ExtractionFailed", "Extractor", "ExtractorError", "InputError", "extract",
]  # fmt: skip
