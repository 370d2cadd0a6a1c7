"""Locates quoted text in the article: whitespace-, case- and quote-style-tolerant, with offsets."""

from __future__ import annotations

import re
from functools import lru_cache

from schemas.record import Evidence

_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def _fold(text: str) -> str:
    return text.translate(_FOLD).casefold()


@lru_cache(maxsize=4096)
def _pattern(quote: str) -> re.Pattern[str] | None:
    words = _fold(quote).split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def locate(quote: str | None, article: str, folded: str | None = None) -> Evidence | None:
    """The first occurrence of `quote` in `article`, or None when the article does not contain it.

    Case folding and the quote-mark table are length-preserving for the
    characters news text uses, so offsets found in the folded text are valid
    in the original.
    """
    if not quote:
        return None
    pattern = _pattern(quote.strip())
    if pattern is None:
        return None
    folded = _fold(article) if folded is None else folded
    if len(folded) != len(article):  # a rare character whose case fold changes length
        pattern = re.compile(pattern.pattern, re.IGNORECASE)
        m = pattern.search(article.translate(_FOLD))
    else:
        m = pattern.search(folded)
    if m is None:
        return None
    return Evidence(text=article[m.start() : m.end()], start=m.start(), end=m.end())


class Grounder:
    """Caches the folded article so many quotes can be located cheaply."""

    def __init__(self, article: str) -> None:
        self.article = article
        self._folded = _fold(article)

    def locate(self, quote: str | None) -> Evidence | None:
        return locate(quote, self.article, self._folded)
