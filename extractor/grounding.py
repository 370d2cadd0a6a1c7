"""Locates quoted text in the article: whitespace-, case- and quote-style-tolerant, with exact offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache

from extractor.guard import Passage
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


class _Folded:
    """The article case-folded, with a map from folded offsets back to the article's own.

    Most characters fold to one character, but some change length ("ß" -> "ss", "İ" -> "i̇",
    "ﬁ" -> "fi"); the map keeps offsets exact for every text, and a match that starts or ends
    inside one character's fold is not a match.
    """

    def __init__(self, article: str) -> None:
        self.text = _fold(article)
        self.origin: list[int] | None = None  # None: folding kept every length, offsets are the same
        if len(self.text) != len(article):
            origin = []
            for i, ch in enumerate(article.translate(_FOLD)):
                origin.extend([i] * len(ch.casefold()))
            origin.append(len(article))
            self.origin = origin

    def spans(self, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
        """Every match of `pattern`, as [start, end) in the article, in text order."""
        origin = self.origin
        for m in pattern.finditer(self.text):
            start, end = m.start(), m.end()
            if origin is None:
                yield start, end
            elif (start == 0 or origin[start - 1] != origin[start]) and origin[end - 1] != origin[end]:
                yield origin[start], origin[end - 1] + 1


def locate(
    quote: str | None,
    article: str,
    folded: _Folded | None = None,
    avoid: Sequence[Passage] = (),
) -> Evidence | None:
    """The first occurrence of `quote` in `article` outside the `avoid` passages, or None."""
    if not quote:
        return None
    pattern = _pattern(quote.strip())
    if pattern is None:
        return None
    folded = _Folded(article) if folded is None else folded
    ends = [p.end for p in avoid]  # avoid is sorted and disjoint (extractor.guard.find_passages)
    for start, end in folded.spans(pattern):
        i = bisect_right(ends, start)  # the first passage ending after this match starts
        if i == len(avoid) or avoid[i].start >= end:
            return Evidence(text=article[start:end], start=start, end=end)
    return None


class Grounder:
    """Caches the folded article so many quotes can be located cheaply.

    `avoid` are passages whose text may not ground a value (extractor.guard): a quote found only
    there is not located.
    """

    def __init__(self, article: str, avoid: Sequence[Passage] = ()) -> None:
        self.article = article
        self.avoid = tuple(avoid)
        self._folded = _Folded(article)

    def locate(self, quote: str | None) -> Evidence | None:
        return locate(quote, self.article, self._folded, self.avoid)

    def only_in_avoided(self, quote: str | None) -> bool:
        """The quote occurs in the article, but only inside avoided passages."""
        return (
            bool(self.avoid)
            and locate(quote, self.article, self._folded) is not None
            and self.locate(quote) is None
        )
