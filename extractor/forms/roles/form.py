"""The roles form: a small base model labels the article's candidate spans; rounds are assembled from it.

A 270M base model copies few-shot values and invents names when asked to write
records. So it is shown the sentences that matter and a form whose keys are the
article's own candidate spans (extractor.forms.roles.candidates); it only chooses
each span's role, and the rounds are assembled from those roles by position
(extractor.forms.roles.assembly).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Any

from extractor.checks import Problem
from extractor.forms.base import Form, FormRequest
from extractor.forms.roles.assembly import assemble
from extractor.forms.roles.candidates import FOCUS_CHARS, Candidates
from extractor.guard import Passage
from schemas.draft import Draft, Roles


class RolesForm(Form):
    name = "roles"
    answer = Roles
    files = ("completion.j2", "roles_examples.json")

    @cached_property
    def examples(self) -> list[dict[str, Any]]:
        """The examples list only the roles that are not "other"; the form itself is built by the same
        candidate finder the articles go through, so examples and articles always look alike."""
        data: list[dict[str, Any]] = self.templates.load_json("roles_examples.json")
        for ex in data:
            cands = Candidates.find(ex["text"])
            ex["focus"] = cands.focus
            ex["roles"] = cands.form(ex["names"], ex["amounts"])
        return data

    @property
    def example_text(self) -> str:
        return "\n".join(ex["text"] for ex in self.examples)

    def prompt(self, focus: str) -> str:
        return self.templates.render("completion.j2", examples=self.examples, focus=focus)

    def request(self, text: str, published: str | None, avoid: Sequence[Passage] = ()) -> FormRequest:
        # Sentences that address the model are neither shown nor offered as choices.
        cands = Candidates.find(text, skip=[(p.start, p.end) for p in avoid], published=published)
        notes = []
        if cands.dropped:
            notes.append(
                Problem(
                    "record",
                    f"{cands.dropped} relevant sentences did not fit the small model's {FOCUS_CHARS}-character "
                    "focus and were not read; rounds they report may be missing",
                    reask=False,
                )
            )

        def to_draft(answer: Any) -> Draft:
            return assemble(answer, cands, text)

        return FormRequest(
            [{"role": "user", "content": self.prompt(cands.focus)}], cands.roles_schema(), to_draft, notes
        )
