"""Model backends: each turns (messages, schema) into an instructor-patched chat call."""

from extractor.backends.base import Backend, BackendSettings, resolve_settings
from extractor.backends.registry import make_backend, make_form

__all__ = ["Backend", "BackendSettings", "make_backend", "make_form", "resolve_settings"]
