"""Pydantic models: the single source of truth for every shape the project reads or writes."""

from schemas.gold import Article, GoldRecord
from schemas.record import (
    SCHEMA_VERSION,
    Evidence,
    Extraction,
    Investor,
    Money,
    PageSource,
    Provenance,
    RecordWarning,
    Round,
    RoundType,
    Usage,
    Valuation,
)

__all__ = [
    "SCHEMA_VERSION", "Article", "Evidence", "Extraction", "GoldRecord", "Investor", "Money",
    "PageSource", "Provenance", "RecordWarning", "Round", "RoundType", "Usage", "Valuation",
]  # fmt: skip
