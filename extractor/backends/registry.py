"""The one list of backend kinds, request modes and forms; everything else reads them from here.

A backend kind names a class that turns messages and a schema into an
instructor-patched chat call. A mode says how an OpenAI-compatible server is
asked for the JSON shape, and which form the model fills. Classes are named as
"module:Class" and imported on first use, so listing them costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.backends.base import Backend, BackendSettings
    from extractor.forms.base import Form


@dataclass(frozen=True)
class ModeSpec:
    name: str
    instructor_mode: str  # an instructor.Mode member name
    form: str
    help: str


KINDS: dict[str, str] = {
    "embedded": "extractor.backends.embedded.backend:EmbeddedBackend",
    "openai": "extractor.backends.openai_compat:OpenAICompatBackend",
}

FORMS: dict[str, str] = {
    "draft": "extractor.forms.draft:DraftForm",
    "roles": "extractor.forms.roles:RolesForm",
}

MODES: dict[str, ModeSpec] = {
    m.name: m
    for m in (
        ModeSpec("json_schema", "JSON_SCHEMA", "draft", "response_format json_schema (OpenAI, vLLM)"),
        ModeSpec("json", "JSON", "draft", "json_object with the schema in the prompt (Ollama, most servers)"),
        ModeSpec(
            "llamacpp", "JSON", "draft", "json_object with the schema attached (llama.cpp server grammar)"
        ),
        ModeSpec("tools", "TOOLS", "draft", "function calling"),
    )
}


def load(target: str) -> Any:
    module, _, name = target.partition(":")
    return getattr(import_module(module), name)


def make_backend(settings: BackendSettings) -> Backend:
    backend_class: Callable[[BackendSettings], Backend] = load(KINDS[settings.kind])
    return backend_class(settings)


def make_form(name: str, prompt_dir: str | Path | None = None) -> Form:
    form_class: Callable[[str | Path | None], Form] = load(FORMS[name])
    return form_class(prompt_dir)
