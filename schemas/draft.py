"""What the model is asked to fill: quotes from the article, not computed values.

The model's job is to decide which words of the article belong to which round
and role. Numbers, currencies, ISO dates and offsets are derived from those
quotes by deterministic parsers, so every value in the final record can be
traced back to text. Validators here run inside instructor's call: their
errors go back to the model as a re-ask.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from schemas.record import Basis, RoundType

# The checks need the article. instructor's own `context=` argument would also
# render the prompt messages as Jinja templates (and dedent them), which
# corrupts article text and offsets, so the pipeline binds its checker here for
# the duration of one call instead. ContextVars are per task and per thread.
DRAFT_CHECKER: ContextVar[Callable[[BaseModel], list[str]] | None] = ContextVar("draft_checker", default=None)


_SCHEMAS: dict[tuple[str, str, tuple[str, ...]], dict[str, Any]] = {}


class CheckedAnswer(BaseModel):
    """A model answer whose validation runs the pipeline's checks, so failures become re-asks."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Cached: instructor asks for the schema on every request, through a wrapper class it makes anew
        each time (same name, same fields), and generating it costs milliseconds. The cached dict is
        shared: callers only serialise it, so it is not copied."""
        if args or kwargs:
            return super().model_json_schema(*args, **kwargs)
        key = (cls.__module__, cls.__qualname__, tuple(cls.model_fields))
        if key not in _SCHEMAS:
            _SCHEMAS[key] = super().model_json_schema()
        return _SCHEMAS[key]

    @model_validator(mode="after")
    def _grounded(self) -> CheckedAnswer:
        # Without a bound checker (plain parsing) the answer is accepted as is.
        checker = DRAFT_CHECKER.get()
        if checker is not None:
            problems = checker(self)
            if problems:
                # A custom error type: pydantic appends no version-specific documentation URL to it, so
                # the re-ask sent to the model reads the same on every pydantic release.
                raise PydanticCustomError("checks_failed", "{problems}", {"problems": "; ".join(problems)})
        return self


class DraftInvestor(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str = Field(description="The investor's name exactly as the article writes it.")
    lead: bool = Field(
        default=False, description="True only if the article says this investor led or co-led."
    )


class DraftRound(BaseModel):
    model_config = ConfigDict(extra="ignore")

    company: str = Field(description="The company that raised the money, fullest form in the article.")
    round_label: str | None = Field(
        default=None, description='Round name exactly as written ("Series B+", "seed"), or null.'
    )
    round_type: RoundType | None = Field(
        default=None, description="Normalised round type; null to derive it."
    )
    amount: str | None = Field(
        default=None,
        description='The amount exactly as written ("1.8 billion yuan"), or null if undisclosed.',
    )
    amount_usd: str | None = Field(
        default=None, description='A US-dollar figure the article states for the same money ("$254 million").'
    )
    date: str | None = Field(
        default=None, description='The words that date the round ("in October 2018", "on Thursday"), or null.'
    )
    investors: list[DraftInvestor] = Field(default_factory=list)
    valuation: str | None = Field(default=None, description="A valuation stated for this round, as written.")
    valuation_basis: Basis = "unspecified"
    primary: bool = Field(default=True, description="True for the round the article reports as news.")


class Draft(CheckedAnswer):
    """The model's answer for one article."""

    model_config = ConfigDict(extra="ignore")

    is_funding_news: bool
    rounds: list[DraftRound] = Field(default_factory=list)


NameRole = Literal["company", "lead", "investor", "other"]
AmountRole = Literal["raised", "earlier", "usd", "valuation", "other"]


class Roles(CheckedAnswer):
    """The small-model form: the role of every candidate name and amount in the article.

    A base model cannot reliably write nested records, but it can label spans it
    is shown. Rounds are assembled from these labels (extractor.forms.roles.assembly), then
    checked like any draft.
    """

    model_config = ConfigDict(extra="forbid")

    names: dict[str, NameRole] = Field(default_factory=dict)
    amounts: dict[str, AmountRole] = Field(default_factory=dict)
