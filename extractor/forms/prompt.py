"""Prompt files (Jinja2 templates and few-shot examples in `prompts/`), rendered and versioned.

The version is a digest of the files a form uses, so any edit changes it: caches,
recorded HTTP cassettes and eval reports keyed on it can never silently mix outputs
of two different prompts.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2


def default_dir() -> Path:
    return Path(str(resources.files("prompts")))


@dataclass(frozen=True)
class Templates:
    """The prompt files of one form, read from `directory` (the shipped `prompts/` by default)."""

    files: tuple[str, ...]
    directory: Path = field(default_factory=default_dir)

    @cached_property
    def _env(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(self.directory)),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
        )
        # Jinja's tojson sorts keys; the examples must keep the schema's field order.
        env.filters["tojson"] = lambda value: json.dumps(value, ensure_ascii=False)
        return env

    def render(self, name: str, **variables: Any) -> str:
        return self._env.get_template(name).render(variables)

    def load_json(self, name: str) -> Any:
        return json.loads((self.directory / name).read_text("utf-8"))

    @cached_property
    def digest(self) -> str:
        h = hashlib.sha256()
        for name in self.files:
            h.update(name.encode())
            h.update((self.directory / name).read_bytes())
        return h.hexdigest()[:12]
