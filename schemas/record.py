"""The extraction record: the gold format of ANNOTATION.md plus evidence, warnings and provenance.

Field names match the gold format exactly so a record can be scored against
gold without translation. Amounts are Decimals (exact) and serialise to JSON
numbers.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
    model_validator,
)

from schemas.currencies import ISO_4217

SCHEMA_VERSION = "1.0"

RoundType = Literal[
    "pre_seed", "seed", "angel", "pre_a", "series_a", "series_b", "series_c", "series_d",
    "series_e", "series_f", "series_g", "series_h", "bridge", "growth", "private_equity",
    "strategic", "debt", "convertible_note", "grant", "crowdfunding", "ipo", "secondary",
    "unknown",
]  # fmt: skip

Basis = Literal["pre", "post", "unspecified"]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _decimal_to_json(value: Decimal) -> int | float:
    """Integral amounts print as integers; others as the shortest float that round-trips."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


Amount = Annotated[Decimal, PlainSerializer(_decimal_to_json, return_type=int | float, when_used="json")]


_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


def published_date(value: str | None) -> str | None:
    """A publication date as partial ISO. An ISO timestamp (what page metadata carries,
    "2024-05-16T08:30:00+02:00") gives its calendar date as written, without time-zone conversion:
    the day the publisher dated the article."""
    if value is None:
        return None
    m = _TIMESTAMP.match(value.strip())
    return check_partial_date(m.group(1) if m else value.strip())


def check_partial_date(value: str | None) -> str | None:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD with a real month and day."""
    if value is None:
        return None
    m = _PARTIAL_DATE.match(value)
    if not m:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"date {value!r} has month {month}")
    if day is not None:
        try:
            datetime.date(int(year), int(month), int(day))
        except ValueError as exc:
            raise ValueError(f"date {value!r} is not a calendar date: {exc}") from None
    return value


class Money(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: Amount = Field(
        gt=0, description="Plain number in units of the currency (1.8 billion -> 1800000000)."
    )
    currency: str = Field(description="ISO 4217 code, upper case (yuan/RMB -> CNY).")

    @field_validator("value", mode="before")
    @classmethod
    def _no_binary_floats(cls, v: object) -> object:
        # A float such as 1.8e9 may already be inexact; go through its shortest repr.
        if isinstance(v, float):
            return Decimal(repr(v))
        return v

    @field_validator("currency")
    @classmethod
    def _iso(cls, v: str) -> str:
        if v not in ISO_4217:
            raise ValueError(f"currency {v!r} is not an ISO 4217 code")
        return v


class Valuation(Money):
    basis: Basis = "unspecified"


class Evidence(BaseModel):
    """Where in the article a value was read: the quote and its [start, end) character offsets."""

    model_config = ConfigDict(extra="forbid")

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before start {self.start}")
        return self


class Investor(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    lead: bool = False


class Round(BaseModel):
    model_config = ConfigDict(extra="forbid")

    company: str = Field(min_length=1)
    company_aliases: list[str] = Field(default_factory=list)
    round_type: RoundType = "unknown"
    round_label: str | None = None
    amount: Money | None = None
    amount_usd: Money | None = None
    announced: str | None = None
    investors: list[Investor] = Field(default_factory=list)
    valuation: Valuation | None = None
    primary: bool = True
    optional: bool = False
    evidence: dict[str, Evidence] = Field(
        default_factory=dict,
        description="Field path (company, amount, investors.0, ...) -> quote and offsets in the article.",
    )

    @field_validator("announced")
    @classmethod
    def _announced(cls, v: str | None) -> str | None:
        return check_partial_date(v)

    @field_validator("amount_usd")
    @classmethod
    def _usd(cls, v: Money | None) -> Money | None:
        if v is not None and v.currency != "USD":
            raise ValueError(f"amount_usd must be in USD, got {v.currency}")
        return v

    @field_validator("investors")
    @classmethod
    def _unique_investors(cls, v: list[Investor]) -> list[Investor]:
        seen: set[str] = set()
        for inv in v:
            key = inv.name.casefold()
            if key in seen:
                raise ValueError(f"investor {inv.name!r} is listed twice")
            seen.add(key)
        return v


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
        )


class Provenance(BaseModel):
    """What produced a record, so results can be compared and reproduced."""

    model: str
    backend: str
    prompt_version: str
    schema_version: str = SCHEMA_VERSION
    usage: Usage = Field(default_factory=Usage)
    latency_ms: int = 0
    attempts: int = 1


class RecordWarning(BaseModel):
    """A value the pipeline removed or could not check, and why."""

    path: str = Field(description="What it concerns: rounds.0.amount, rounds.1, record, ...")
    message: str
    value: str | None = Field(default=None, description="The removed value, as the model gave it.")


class Extraction(BaseModel):
    """One article's record."""

    model_config = ConfigDict(extra="forbid")

    is_funding_news: bool
    rounds: list[Round] = Field(default_factory=list)
    warnings: list[RecordWarning] = Field(default_factory=list)
    provenance: Provenance | None = None
