"""Candidate spans for a small model: the values it may choose from, and the passages that hold them.

A 270M base model copies few-shot values and invents names. Constraining its
decoding to a per-article JSON schema whose string values are enumerations of
spans found in this article (money and date phrases from the parsers, round
labels, proper-noun phrases) makes invention impossible: the model only
decides which span plays which role in which round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extractor.dates import MONTHS, WEEKDAYS, find_dates
from extractor.money import find_money
from extractor.round_types import LABEL_PATTERN

MAX_ROUNDS = 4
MAX_INVESTORS = 10
FOCUS_CHARS = 2400

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|\n|$)")
_CUE = re.compile(
    r"rais|fund|round|invest|led by|co-led|backed|secur|clos|collect|bag|land|capital|ventures|partners|seed|"
    r"series|valu|captou|aporte|investi|rodada|recaud|inversi|financ|pendanaan|dana",
    re.I,
)
_WORD = r"[A-Z0-9][\w'’&.•+-]*[\w+]|[A-Z]"
_CONNECT = r"(?:\s+(?:of|and|&|de|da|do|du|del|der|la|for)\s+|\s+)"
_NAME = re.compile(rf"(?<![\w])(?:{_WORD})(?:{_CONNECT}(?:{_WORD}))*")
_STOP = {
    w.casefold()
    for w in (
        "The A An In On At For From With And But Or Of To By As It Its This That These Those He She They We "
        "Our Its Their His Her Mr Ms Dr According Other Series Seed Round Funding Investors Investor Company "
        "Read More Also Sign Subscribe Related Plus Why What How When Where Who Which While After Before Since "
        "Today Yesterday Last Next Earlier Later CEO CTO CFO COO Founder Co-founder Chief Executive Officer "
        "US USD EUR GBP INR CNY RMB Rs Rp Pre-A Pre-Series Pre-IPO IPO AI Inc Ltd"
    ).split()
} | set(MONTHS) | set(WEEKDAYS)


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def names_in(text: str) -> list[str]:
    """Proper-noun phrases (companies, investors, people): capitalised word runs, trimmed of stop words."""
    names = []
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        while words and words[0].casefold().strip(".,") in _STOP:
            words.pop(0)
        while words and (words[-1].casefold().strip(".,") in _STOP or words[-1].lower() in ("of", "and", "&")):
            words.pop()
        name = " ".join(words).rstrip(".,")
        if len(name) >= 2 and not name.isdigit() and not re.fullmatch(r"[\d.,%$€£]+\w*", name):
            names.append(name)
    return _dedupe(names)


def _enum(values: list[str]) -> dict[str, Any]:
    return {"enum": [*values, None]}


@dataclass
class Candidates:
    focus: str
    names: list[str] = field(default_factory=list)
    money: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    @classmethod
    def find(cls, article: str, budget: int = FOCUS_CHARS) -> Candidates:
        """Pick the passages that talk about money and rounds, then the spans inside them."""
        sentences = [m.group(0).strip() for m in _SENTENCE.finditer(article) if m.group(0).strip()]
        money_spans = find_money(article)
        money_texts = {m.text for m in money_spans}
        chosen: list[str] = []
        size = 0
        for i, sentence in enumerate(sentences):
            relevant = i == 0 or any(t in sentence for t in money_texts) or bool(_CUE.search(sentence))
            if relevant and size + len(sentence) <= budget:
                chosen.append(sentence)
                size += len(sentence) + 1
        focus = "\n".join(chosen)
        return cls(
            focus=focus,
            names=names_in(focus),
            money=_dedupe([m.text for m in find_money(focus)]),
            dates=_dedupe([d.text for d in find_dates(focus)]),
            labels=_dedupe([m.group(0) for m in LABEL_PATTERN.finditer(focus)]),
        )

    def schema(self) -> dict[str, Any]:
        """The Draft shape with every string value restricted to this article's spans."""
        investor = {
            "type": "object",
            "properties": {"name": {"enum": self.names}, "lead": {"type": "boolean"}},
            "required": ["name", "lead"],
        }
        rnd = {
            "type": "object",
            "properties": {
                "company": {"enum": self.names},
                "round_label": _enum(self.labels),
                "amount": _enum(self.money),
                "amount_usd": _enum(self.money),
                "date": _enum(self.dates),
                "investors": {"type": "array", "items": investor, "maxItems": MAX_INVESTORS},
                "valuation": _enum(self.money),
                "valuation_basis": {"enum": ["pre", "post", "unspecified"]},
                "primary": {"type": "boolean"},
            },
            "required": [
                "company", "round_label", "amount", "amount_usd", "date", "investors", "valuation",
                "valuation_basis", "primary",
            ],
        }  # fmt: skip
        return {
            "type": "object",
            "properties": {
                "is_funding_news": {"type": "boolean"},
                "rounds": {"type": "array", "items": rnd, "maxItems": MAX_ROUNDS if self.names else 0},
            },
            "required": ["is_funding_news", "rounds"],
        }
