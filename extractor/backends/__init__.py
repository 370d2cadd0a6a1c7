"""Model backends: each turns (messages, schema) into an instructor-patched chat call."""

from extractor.backends.base import Backend, BackendSettings, resolve_settings
from extractor.backends.factory import make_backend

__all__ = ["Backend", "BackendSettings", "make_backend", "resolve_settings"]
