"""A round while it is being assembled, and how two amounts compare."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from extractor.parsing.fx import to_usd
from extractor.parsing.money import MoneyParseError, ParsedMoney, parse_money
from schemas.draft import DraftInvestor


@dataclass
class Slot:
    amount: str | None
    value: ParsedMoney | None
    primary: bool
    sentence: int
    company: str | None = None
    usd: str | None = None
    usd_value: Decimal | None = None
    valuation: str | None = None
    label: str | None = None
    investors: list[DraftInvestor] = field(default_factory=list)


def parse_amount(text: str, context: str) -> ParsedMoney | None:
    try:
        return parse_money(text, context=context)
    except MoneyParseError:
        return None


def same_value(a: ParsedMoney, b: ParsedMoney) -> bool:
    return a.currency == b.currency and values_close(a.value, b.value)


def values_close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= max(a, b) * Decimal("0.01")


def nearest_in_sentence(sentence: str, anchor: str | None, spans: list[tuple[int, str]]) -> str | None:
    if not spans:
        return None
    at = sentence.find(anchor) if anchor else 0
    return min(spans, key=lambda s: abs(s[0] - max(at, 0)))[1]


def same_money(a: ParsedMoney, b: ParsedMoney, when: str | None) -> bool:
    """Whether two amounts in different currencies are the same money at the rates of the news's month."""
    if a.currency == b.currency or not a.currency or not b.currency:
        return False
    ua, ub = to_usd(a.value, a.currency, when), to_usd(b.value, b.currency, when)
    if ua is None or ub is None:
        return False
    return max(ua[0], ub[0]) <= min(ua[1], ub[1]) * Decimal("1.15")
