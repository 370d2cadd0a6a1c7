"""The chat form: a strong model fills the `Draft` (quotes from the article) directly."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Any, get_args

from extractor.forms.base import Form, FormRequest
from extractor.guard import Passage
from schemas.draft import Draft
from schemas.record import RoundType


def _identity(answer: Any) -> Draft:
    draft: Draft = answer
    return draft


class DraftForm(Form):
    name = "draft"
    answer = Draft
    files = ("chat_system.j2", "chat_user.j2", "examples.json")

    @cached_property
    def examples(self) -> list[dict[str, Any]]:
        data: list[dict[str, Any]] = self.templates.load_json("examples.json")
        return data

    @property
    def example_text(self) -> str:
        return "\n".join(ex["text"] for ex in self.examples)

    @cached_property
    def system(self) -> str:
        """The system prompt does not depend on the article: rendered once."""
        return self.templates.render(
            "chat_system.j2", examples=self.examples, round_types=list(get_args(RoundType))
        )

    def messages(self, text: str, published: str | None) -> list[dict[str, str]]:
        user = self.templates.render("chat_user.j2", text=text, published=published, fence=fence_for(text))
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]

    def request(self, text: str, published: str | None, avoid: Sequence[Passage] = ()) -> FormRequest:
        # The whole article is shown, fenced as data; the checks keep values found only in `avoid` out.
        return FormRequest(self.messages(text, published), Draft.model_json_schema(), _identity)


def fence_for(text: str) -> str:
    """A line of '=' longer than any run of '=' in the article, so the article cannot close its own fence."""
    longest = 0
    run = 0
    for ch in text:
        run = run + 1 if ch == "=" else 0
        longest = max(longest, run)
    return "=" * max(8, longest + 1)
