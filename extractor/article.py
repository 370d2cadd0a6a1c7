"""Turns raw input into article text the pipeline can trust, or refuses it with a reason."""

from __future__ import annotations

import datetime

from extractor.errors import InputError
from schemas.record import published_date

# A share of control characters above this means the bytes are not prose.
_MAX_CONTROL_SHARE = 0.01


def decode(data: bytes, source: str = "input") -> str:
    """Decode UTF-8 (with or without BOM); refuse binary or other encodings rather than guess."""
    if b"\x00" in data:
        raise InputError(f"{source} looks binary (it contains NUL bytes); give a UTF-8 text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source} is not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "convert it to UTF-8 first"
        ) from None
    return check_text(text, source)


def check_text(text: object, source: str = "input") -> str:
    if not isinstance(text, str):
        raise InputError(f"{source} must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{source} is empty or whitespace only; there is no article to extract from")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(2, _MAX_CONTROL_SHARE * len(text)):
        raise InputError(f"{source} looks binary ({controls} control characters in {len(text)}); give text")
    return text


def check_published(published: str | None) -> str | None:
    """Published dates are partial ISO (an ISO timestamp gives its date) and not in the future."""
    if published is None or published == "":
        return None
    try:
        published = published_date(published)
        assert published is not None
    except ValueError as exc:
        raise InputError(f"published: {exc}") from None
    if published[:4] > str(datetime.date.today().year + 1):
        raise InputError(f"published {published!r} is in the future")
    return published
