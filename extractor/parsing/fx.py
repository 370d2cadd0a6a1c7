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


def _day(partial: str | None) -> datetime.date | None:
    """The middle of the period a partial date names, or None."""
    if not partial:
        return None
    parts = partial.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 7
    day = int(parts[2]) if len(parts) > 2 else 15
    return datetime.date(year, month, day)


def to_usd(value: Decimal, currency: str, when: str | None) -> tuple[Decimal, datetime.date | None] | None:
    """value in USD at the ECB rate of `when` (latest rate if None); None when the ECB lacks the currency."""
    conv = _converter()
    if currency not in conv.currencies:
        return None
    day = _day(when)
    if day is not None:
        bounds = conv.bounds[currency]
        day = min(max(day, bounds.first_date), bounds.last_date)
    usd = conv.convert(float(value), currency, "USD", date=day)
    return Decimal(repr(usd)), day


def consistent(amount: Decimal, currency: str, usd: Decimal, when: str | None) -> tuple[bool | None, str]:
    """Whether a stated USD figure fits the amount; None (with the reason) when it cannot be checked."""
    converted = to_usd(amount, currency, when)
    if converted is None:
        return None, f"the ECB publishes no {currency} rate, so amount_usd was not checked"
    expected, day = converted
    ratio = usd / expected if expected else Decimal(0)
    ok = abs(ratio - 1) <= TOLERANCE
    at = day.isoformat() if day else "the latest date"
    return ok, f"{amount} {currency} is about {expected:.4g} USD at the ECB rate of {at}"
