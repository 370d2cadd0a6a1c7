"""Roles (the small model's labels for each candidate span) -> a draft of rounds.

The model decides what each span is: the company, a lead or other investor,
money raised now or earlier, a US-dollar equivalent, a valuation. This module
only groups those decisions by where they sit in the text: an investor
belongs to the round whose amount is in the nearest sentence at or before it;
a dollar equivalent to the amount just before it; a label and a date to the
round whose sentence holds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from extractor.candidates import Candidates
from extractor.dates import find_dates
from extractor.money import MoneyParseError, ParsedMoney, parse_money
from extractor.round_types import LABEL_PATTERN
from schemas.draft import Draft, DraftInvestor, DraftRound, Roles


@dataclass
class _Slot:
    amount: str | None
    value: ParsedMoney | None
    primary: bool
    sentence: int
    usd: str | None = None
    usd_value: Decimal | None = None
    valuation: str | None = None
    investors: list[DraftInvestor] = field(default_factory=list)


def _first_sentence(sentences: list[str], text: str) -> int:
    for i, sentence in enumerate(sentences):
        if text in sentence:
            return i
    return len(sentences)


def _parse(text: str, context: str) -> ParsedMoney | None:
    try:
        return parse_money(text, context=context)
    except MoneyParseError:
        return None


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= max(a, b) * Decimal("0.01")


def _nearest_in_sentence(sentence: str, anchor: str | None, spans: list[tuple[int, str]]) -> str | None:
    if not spans:
        return None
    at = sentence.find(anchor) if anchor else 0
    return min(spans, key=lambda s: abs(s[0] - max(at, 0)))[1]


def assemble(roles: Roles, cands: Candidates, article: str) -> Draft:
    sentences = cands.sentences
    order = sorted(roles.amounts.items(), key=lambda kv: _first_sentence(sentences, kv[0]))
    slots: list[_Slot] = []
    for text, role in order:
        where = _first_sentence(sentences, text)
        if role in ("raised", "earlier"):
            slots.append(_Slot(text, _parse(text, article), role == "raised", where))
        elif role == "usd":
            # The dollar figure belongs to the closest raised amount at or before it.
            before = [s for s in slots if s.sentence <= where and s.usd is None]
            parsed = _parse(text, article)
            if before and parsed is not None and parsed.currency == "USD":
                before[-1].usd, before[-1].usd_value = text, parsed.value
        elif role == "valuation":
            target = next((s for s in slots if s.primary), slots[-1] if slots else None)
            if target is not None and target.valuation is None:
                target.valuation = text

    # A headline often repeats the news round in dollars: merge amounts equal to another round's figures.
    kept: list[_Slot] = []
    for slot in slots:
        v = slot.value
        twin = next(
            (
                k
                for k in kept
                if v is not None
                and k.value is not None
                and (
                    (k.value.currency == v.currency and _close(k.value.value, v.value))
                    or (v.currency == "USD" and k.usd_value is not None and _close(k.usd_value, v.value))
                )
            ),
            None,
        )
        if twin is None:
            kept.append(slot)
    slots = kept
    for slot in slots:
        for other in slots:
            if other is not slot and slot.value is not None and slot.value.currency == "USD" and (
                other.usd_value is not None and _close(other.usd_value, slot.value.value)
            ):
                slot.amount = None  # marked for removal below
    slots = [s for s in slots if s.amount is not None]

    companies = [n for n, r in roles.names.items() if r == "company"]
    backers = [(n, r) for n, r in roles.names.items() if r in ("lead", "investor")]
    if not companies:
        return Draft(is_funding_news=False, rounds=[])
    company = min(companies, key=lambda n: _first_sentence(sentences, n))
    if not slots and backers:
        slots.append(_Slot(None, None, True, _first_sentence(sentences, backers[0][0])))
    if not slots:
        return Draft(is_funding_news=False, rounds=[])

    for name, role in backers:
        if name == company:
            continue
        where = _first_sentence(sentences, name)
        earlier = [s for s in slots if s.sentence <= where]
        target = max(earlier, key=lambda s: s.sentence) if earlier else slots[0]
        target.investors.append(DraftInvestor(name=name, lead=role == "lead"))

    rounds = []
    for slot in slots:
        sentence = sentences[slot.sentence] if slot.sentence < len(sentences) else ""
        labels = [(m.start(), m.group(0)) for m in LABEL_PATTERN.finditer(sentence)]
        dates = [(d.start, d.text) for d in find_dates(sentence)]
        rounds.append(
            DraftRound(
                company=company,
                round_label=_nearest_in_sentence(sentence, slot.amount, labels),
                amount=slot.amount,
                amount_usd=slot.usd,
                date=_nearest_in_sentence(sentence, slot.amount, dates),
                investors=slot.investors,
                valuation=slot.valuation,
                primary=slot.primary,
            )
        )
    return Draft(is_funding_news=any(r.primary for r in rounds), rounds=rounds)
