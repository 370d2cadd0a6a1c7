"""The annotated-set line format of ANNOTATION.md: an article and, optionally, its gold record."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from schemas.record import Round, published_date


class GoldRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    is_funding_news: bool
    rounds: list[Round] = Field(default_factory=list)


class Article(BaseModel):
    """One line of a set or of a batch input; `gold` is absent in plain batch input.

    The article is `text` (the article as a reader gets it) or `html` (a saved web page, whose article
    text is extracted first): exactly one of the two.
    """

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    text: str | None = None
    html: str | None = None
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

    @model_validator(mode="after")
    def _one_body(self) -> Article:
        if self.text is None and self.html is None:
            raise ValueError("no article: give text (plain text) or html (a saved web page)")
        if self.text is not None and self.html is not None:
            raise ValueError("both text and html given: give the article as exactly one of them")
        return self

    @property
    def format(self) -> Literal["text", "html"]:
        return "html" if self.html is not None else "text"

    @property
    def content(self) -> str:
        """The text or the page, whichever the line gives."""
        body = self.html if self.html is not None else self.text
        assert body is not None
        return body
