"""Renders the prompt templates in `prompts/` and names their version.

The version is a digest of the template files and few-shot examples, so any
edit changes it: caches, recorded HTTP cassettes and eval reports keyed on it
can never silently mix outputs of two different prompts.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

import jinja2

from extractor.candidates import Candidates
from schemas.record import RoundType

Style = Literal["chat", "completion"]

_FILES: dict[Style, tuple[str, ...]] = {
    "chat": ("chat_system.j2", "chat_user.j2", "examples.json"),
    "completion": ("completion.j2", "roles_examples.json"),
}


def _default_dir() -> Path:
    return Path(str(resources.files("prompts")))


@dataclass(frozen=True)
class Prompt:
    """One prompt style loaded from a template directory."""

    style: Style
    directory: Path = field(default_factory=_default_dir)

    @cached_property
    def _env(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(self.directory)),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
        )
        # Jinja's tojson sorts keys; the examples must keep the schema's field order.
        env.filters["tojson"] = lambda value: json.dumps(value, ensure_ascii=False)
        return env

    @cached_property
    def examples(self) -> list[dict[str, Any]]:
        data: list[dict[str, Any]] = json.loads((self.directory / _FILES[self.style][-1]).read_text("utf-8"))
        if self.style == "completion":
            # The examples list only the roles that are not "other"; the form itself is built by the same
            # candidate finder the articles go through, so examples and articles always look alike.
            for ex in data:
                cands = Candidates.find(ex["text"])
                ex["focus"] = cands.focus
                ex["roles"] = cands.form(ex["names"], ex["amounts"])
        return data

    @cached_property
    def version(self) -> str:
        digest = hashlib.sha256()
        for name in _FILES[self.style]:
            digest.update(name.encode())
            digest.update((self.directory / name).read_bytes())
        return f"{self.style}-{digest.hexdigest()[:12]}"

    def _vars(self, text: str, published: str | None) -> dict[str, Any]:
        return {
            "text": text,
            "published": published,
            "examples": self.examples,
            "round_types": list(get_args(RoundType)),
        }

    def messages(self, text: str, published: str | None = None) -> list[dict[str, str]]:
        """The chat messages for one article (the completion style sends one user message).

        For the completion style `text` is the candidates' focus (the sentences that matter).
        """
        variables = self._vars(text, published)
        variables["focus"] = text
        if self.style == "completion":
            return [{"role": "user", "content": self._env.get_template("completion.j2").render(variables)}]
        return [
            {"role": "system", "content": self._system},
            {"role": "user", "content": self._env.get_template("chat_user.j2").render(variables)},
        ]

    @cached_property
    def _system(self) -> str:
        """The chat system prompt does not depend on the article: rendered once."""
        return self._env.get_template("chat_system.j2").render(self._vars("", None))
