"""ECB reference rates, offline (the currencyconverter package ships them), for amount_usd checks."""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

# Articles convert at the rate of their own day, often rounded to two or three
# significant figures ("$254 million", "~$6.1M"), and sometimes at a rate from
# days or weeks before. Rates between USD and the majors move under 5% in a
# month; 12% accepts honest rounding and stale rates while still catching a
# figure that belongs to another amount or a wrong unit (x10, x1000).
TOLERANCE = Decimal("0.12")


@lru_cache(maxsize=1)
def _converter() -> Any:
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


def known(currency: str) -> bool:
    return currency in _converter().currencies


def _period(partial: str | None, currency: str) -> tuple[datetime.date, datetime.date]:
    """The days a partial date allows, within the ECB's history of the currency: one day, a month, a
    year, or (no date at all) the whole history, since the rate of an undated article is unknown."""
    bounds = _converter().bounds[currency]
    if not partial:
        return bounds.first_date, bounds.last_date
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 3:
        first = last = datetime.date(*parts)
    elif len(parts) == 2:
        first = datetime.date(parts[0], parts[1], 1)
        last = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - datetime.timedelta(days=1)
    else:
        first, last = datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    first = min(max(first, bounds.first_date), bounds.last_date)
    last = min(max(last, bounds.first_date), bounds.last_date)
    return first, last


@lru_cache(maxsize=1024)
def _rates(currency: str, first: datetime.date, last: datetime.date) -> tuple[Decimal, Decimal]:
    """The lowest and highest USD value of one unit of `currency` over [first, last]."""
    conv = _converter()
    day, seen = first, []
    while day <= last:
        seen.append(conv.convert(1.0, currency, "USD", date=day))
        day += datetime.timedelta(days=1)
    return Decimal(repr(min(seen))), Decimal(repr(max(seen)))


def to_usd(value: Decimal, currency: str, when: str | None) -> tuple[Decimal, Decimal, str] | None:
    """(lowest, highest) USD value of the amount at the ECB rates of the period `when` allows, and that
    period in words; None when the ECB lacks the currency."""
    if currency not in _converter().currencies:
        return None
    first, last = _period(when, currency)
    low, high = _rates(currency, first, last)
    span = f"the ECB rate of {first}" if first == last else f"ECB rates from {first} to {last}"
    return value * low, value * high, span


def consistent(amount: Decimal, currency: str, usd: Decimal, when: str | None) -> tuple[bool | None, str]:
    """Whether a stated USD figure fits the amount at some rate of the period the round's date allows
    (within TOLERANCE); None (with the reason) when it cannot be checked."""
    converted = to_usd(amount, currency, when)
    if converted is None:
        return None, f"the ECB publishes no {currency} rate, so amount_usd was not checked"
    low, high, span = converted
    ok = low * (1 - TOLERANCE) <= usd <= high * (1 + TOLERANCE)
    about = f"{low:.4g}" if low == high else f"{low:.4g} to {high:.4g}"
    return ok, f"{amount} {currency} is about {about} USD at {span}"
