"""Secrets out of every message the extractor logs, prints or writes.

A server may echo the API key it was sent ("Incorrect API key provided: Bearer sk-..."), a base URL
may carry a password, and either can end up in an error message, an output line, a report or a log
line. Every such message passes through `redact` first: the configured key itself, `Bearer ...`
credentials, `sk-...`-like tokens, key-like query parameters and the password of a URL are replaced by
`[redacted]`.
"""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

MASK = "[redacted]"
# Shorter strings are too likely to occur by chance ("k", "test") to be replaced wherever they appear.
_MIN_SECRET = 6

_PATTERNS = [
    # An HTTP credential: "Bearer <token>" (a token has a digit, so "Bearer Capital" stays).
    (re.compile(r"(?i)\b(bearer|basic|token)(\s+)(?=[A-Za-z._~+/=:-]*\d)[A-Za-z0-9._~+/=:-]{8,}"), rf"\1\2{MASK}"),
    (re.compile(r"\b(?:sk|pk|rk)-[A-Za-z0-9_-]{6,}"), MASK),
    (re.compile(r"\b(?:gh[pousr]_|xox[abpr]-|hf_|AIza)[A-Za-z0-9_-]{8,}"), MASK),
    # scheme://user:password@host -> scheme://user:[redacted]@host
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s/:@]*):[^\s/@]*@"), rf"\1:{MASK}@"),
    (
        re.compile(r"(?i)([?&](?:api[_-]?key|key|token|access[_-]?token|secret|password|sig)=)[^&\s\"']+"),
        rf"\1{MASK}",
    ),
    (re.compile(r"(?i)\b((?:api[_-]?key|authorization|password|secret)[\"']?\s*[:=]\s*[\"']?)(?!(?i:bearer|basic|token)\s)(?!\[)[^\s\"',}]{4,}"),
     rf"\1{MASK}"),
]  # fmt: skip


def configured_secrets(api_key: str | None, base_url: str | None) -> tuple[str, ...]:
    """The secrets a configuration holds: the API key, and the password of the base URL with the
    Basic credential httpx builds from it (a server may echo either)."""
    try:
        parts = urlsplit(base_url or "")
        user, password = parts.username or "", parts.password
    except ValueError:
        user, password = "", None
    basic = base64.b64encode(f"{unquote(user)}:{unquote(password)}".encode()).decode() if password else None
    return tuple(s for s in (api_key, password, password and unquote(password), basic) if s)


def redact(text: str, secrets: Iterable[str | None] = (), *, patterns: bool = True) -> str:
    """`text` with the given secrets (e.g. the configured API key) and anything credential-like masked.

    `patterns=False` masks the given secrets only: for text quoting the article (a record's warnings),
    where "Bearer Capital 2024" is a name, not a credential.
    """
    for secret in secrets:
        if secret and len(secret) >= _MIN_SECRET:
            text = text.replace(secret, MASK)
    if patterns:
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """A handler filter that redacts each record's formatted message (httpx's request lines included)."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message, self.secrets)
        if record.exc_info and record.exc_info[1] is not None:
            # A traceback would print the exception's own text: fold it into the message, redacted.
            cleaned += f" ({redact(str(record.exc_info[1]), self.secrets)})"
            record.exc_info = None
            record.exc_text = None
        record.msg, record.args = cleaned, None
        return True
