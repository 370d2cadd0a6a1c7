"""Telling a saved web page from a plain-text article, and decoding a page's bytes."""

from __future__ import annotations

import re

from extractor.errors import InputError

# A page starts (after whitespace, a BOM, comments or an XML declaration) with a doctype or an HTML
# element; plain text that merely mentions "<html>" further down stays text.
_START = re.compile(
    r"^(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|base)\b",
    re.IGNORECASE | re.DOTALL,
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML document (by its first element, not by its file name)."""
    return bool(_START.match(text[:_SNIFF_BYTES]))


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta charset> or http-equiv), if any."""
    m = _CHARSET.search(data[:_SNIFF_BYTES])
    return m.group(1).decode("ascii").lower() if m else None


def decode_page(data: bytes, source: str = "input") -> str:
    """A page's text: UTF-8, or the charset the page declares; refuse what neither decodes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        charset = declared_charset(data)
        if charset is None or charset in ("utf-8", "utf8"):
            raise InputError(
                f"{source} is not valid UTF-8 (byte {exc.start}) and declares no other charset; "
                "convert it to UTF-8 first"
            ) from None
        try:
            return data.decode(charset)
        except LookupError:
            raise InputError(f"{source} declares an unknown charset {charset!r}") from None
        except UnicodeDecodeError as err:
            raise InputError(f"{source} is not valid {charset} (byte {err.start}), as it declares") from None


__all__ = ["declared_charset", "decode_page", "looks_like_html"]
