"""What a model is asked to fill, and how its answer becomes a draft of rounds.

A form owns its prompt files, the JSON schema sent with the request and the
conversion of the model's answer into a `Draft`, so the pipeline treats every
model the same way: strong chat models fill the draft directly, a small base
model labels candidate spans (extractor.forms.roles).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from extractor.checks import Problem
from extractor.forms.prompt import Templates, default_dir
from extractor.guard import Passage
from schemas.draft import CheckedAnswer, Draft


@dataclass
class FormRequest:
    """One article's request: the messages, the schema of the answer, and how the answer becomes a draft."""

    messages: list[dict[str, str]]
    schema: dict[str, Any]
    to_draft: Callable[[Any], Draft]
    # Notes about the request itself (not the model's fault), added to the record's warnings.
    notes: list[Problem] = field(default_factory=list)


class Form(ABC):
    name: ClassVar[str]
    answer: ClassVar[type[CheckedAnswer]]
    files: ClassVar[tuple[str, ...]]

    def __init__(self, directory: str | Path | None = None) -> None:
        self.templates = Templates(self.files, Path(directory) if directory else default_dir())

    @property
    def version(self) -> str:
        """Names the form and digests its prompt files: any edit gives a new version."""
        return f"{self.name}-{self.templates.digest}"

    @property
    @abstractmethod
    def example_text(self) -> str:
        """The few-shot examples' article text, to tell values copied from them."""

    @abstractmethod
    def request(self, text: str, published: str | None, avoid: Sequence[Passage] = ()) -> FormRequest:
        """The request for one (already checked) article; `avoid` are passages that address the model
        (extractor.guard), which a form that chooses spans for the model leaves out of the choice."""
