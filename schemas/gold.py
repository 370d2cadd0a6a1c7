"""The annotated-set line format of ANNOTATION.md: an article and, optionally, its gold record."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from schemas.record import Round, published_date


class GoldRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    is_funding_news: bool
    rounds: list[Round] = Field(default_factory=list)


class Article(BaseModel):
    """One line of a set or of a batch input; `gold` is absent in plain batch input."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    gold: GoldRecord | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_str(cls, v: object) -> object:
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v

    @field_validator("published")
    @classmethod
    def _published(cls, v: str | None) -> str | None:
        return published_date(v)
