"""The same money said twice: a US-dollar figure beside the amount as stated, or a conversion into
another currency. Neither is a round of its own."""

from __future__ import annotations

import re

from extractor.parsing.money import find_money

_BRACKET = re.compile(
    r"^\s*[(\[]\s*(?:~|about|approximately|approx\.?|around|roughly|some|nearly|or|cerca de|sekitar|"
    r"aproximadamente|alrededor de|rund|environ|约|約)?\s*$",
    re.I,
)
# "US$2 million, or about Rp29 billion": the same money said twice, in either order.
_OR_ABOUT = re.compile(
    r"^\s*,?\s*(?:or|atau|ou|o|oder|soit|i\.e\.|equivalent to|equal to|setara(?:\s+dengan)?|equivalente a)\s+"
    r"(?:about|around|roughly|approximately|some|nearly|sekitar|kurang lebih|cerca de|aproximadamente|"
    r"alrededor de|rund|environ)?\s*$",
    re.I,
)


def usd_twins(text: str) -> dict[str, str]:
    """Non-USD amount -> the US-dollar figure the text gives for it in brackets ("1.8 billion yuan ($254 million)")
    or as an alternative ("US$2 million or about Rp29 billion")."""
    spans = find_money(text)
    twins = {}
    for a, b in zip(spans, spans[1:], strict=False):
        between = text[a.end : b.start]
        if (
            a.currency != "USD"
            and b.currency == "USD"
            and (_BRACKET.match(between) or _OR_ABOUT.match(between))
        ):
            twins[a.text] = b.text
        elif a.currency == "USD" and b.currency not in (None, "USD") and _OR_ABOUT.match(between):
            twins[b.text] = a.text
    return twins


def echoes(text: str) -> dict[str, str]:
    """Bracketed conversions into a currency other than the dollar ("$10 million (£7 million)"): the
    same money again, never a round of its own. Each maps to the amount it converts."""
    spans = find_money(text)
    return {
        b.text: a.text
        for a, b in zip(spans, spans[1:], strict=False)
        if b.currency not in (None, "USD", a.currency) and _BRACKET.match(text[a.end : b.start])
    }
