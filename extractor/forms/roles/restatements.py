"""One round told twice ("raised $5M ... the $5M round") becomes one round; a part of a round joins it."""

from __future__ import annotations

from decimal import Decimal

from extractor.forms.roles.labels import type_hint
from extractor.forms.roles.slot import Slot, same_money, values_close
from extractor.parsing.round_types import round_type_for


def _kind(slot: Slot) -> str:
    return round_type_for(slot.label) if slot.label else "unknown"


def _join_backers(into: Slot, slot: Slot) -> None:
    """The backers a restatement names join the round it restates, once each."""
    into.investors.extend(i for i in slot.investors if i.name not in {j.name for j in into.investors})


def _join_restatement(into: Slot, slot: Slot) -> None:
    """A restatement in another currency: its dollar figure, if the round has none, and its backers."""
    v = slot.value
    if v is not None and v.currency == "USD" and into.usd is None:
        into.usd, into.usd_value = slot.amount, v.value
    _join_backers(into, slot)


def without_restatements(slots: list[Slot], sentences: list[str], published: str | None) -> list[Slot]:
    """A company's news round said again later is not another round: the same money in another currency
    ("SEK 85 million" ... "about EUR 7.6 million"), a later amount with no investors, no words of its
    own kind (debt, grant) and the round type of one before it (a running total, a rounded figure), or the
    news's Series B told as it was being raised (same series, amount within 5%)."""
    when = published[:7] if published else None
    kept: list[Slot] = []
    for slot in slots:
        # "Previously, X got 10 million dollars, or Rp150 billion": the news's money told again in another
        # currency is the news round, whatever words stand around it (a company raises no equal sum twice)
        v = slot.value
        told = (
            next(
                (
                    k
                    for k in kept
                    if k.company == slot.company
                    and k.primary != slot.primary
                    and v is not None
                    and k.value is not None
                    and same_money(k.value, v, when)
                    # a round whose dollar figure the article gives is not some other dollar figure
                    and not (
                        v.currency == "USD"
                        and k.usd_value is not None
                        and not values_close(k.usd_value, v.value)
                    )
                ),
                None,
            )
            if when is not None  # undated, the rates of 25 years make too many sums look alike
            else None
        )
        if told is not None:
            told.primary = True
            told.label = told.label or slot.label
            _join_restatement(told, slot)
            continue
        before = [k for k in kept if slot.primary and k.primary and k.company == slot.company]
        twin = next(
            (
                k
                for k in before
                if v is not None
                and k.value is not None
                and same_money(k.value, v, when)
                and not (
                    v.currency == "USD" and k.usd_value is not None and not values_close(k.usd_value, v.value)
                )
            ),
            None,
        )
        if twin is not None:
            if (
                twin.sentence == 0
                and twin.usd is None
                and twin.value is not None
                and twin.value.currency == "USD"
                and v is not None
                and v.currency != "USD"
            ):
                # "Oda Raises $151m" over "has raised NOK 1.5 billion": the headline gives the dollar figure,
                # the body the amount as stated
                twin.usd, twin.usd_value = twin.amount, twin.value.value
                twin.amount, twin.value, twin.sentence = slot.amount, v, slot.sentence
                _join_backers(twin, slot)
                continue
            _join_restatement(twin, slot)
            continue
        if (
            before
            and not slot.investors
            and _kind(slot) in {_kind(k) for k in before}
            and type_hint(sentences[slot.sentence], slot.amount) is None
        ):
            continue
        # "a day after a report that X was raising around $150 million in Series B": the news's $152
        # million Series B told before it closed, not an earlier Series B (a company has one Series B)
        if not slot.primary and v is not None and _kind(slot).startswith("series_"):
            same = next(
                (
                    k
                    for k in kept
                    if k.primary
                    and k.company == slot.company
                    and _kind(k) == _kind(slot)
                    and k.value is not None
                    and k.value.currency == v.currency
                    and abs(k.value.value - v.value) <= max(k.value.value, v.value) * Decimal("0.05")
                ),
                None,
            )
            if same is not None:
                _join_backers(same, slot)
                same.valuation = same.valuation or slot.valuation
                continue
        kept.append(slot)
    return kept
