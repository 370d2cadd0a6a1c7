"""When a round happened: a date in its own sentence, the day the news was told, a digest's period, or the
month it was published."""

from __future__ import annotations

import datetime
import re

from extractor.forms.roles.slot import Slot, nearest_in_sentence
from extractor.parsing.dates import DatePhrase, find_dates, parse_published, resolve


def date_of(slot: Slot, sentences: list[str]) -> str | None:
    """A date phrase in the round's own sentence, nearest its amount. A date later in the round's passage
    dates the round less often than it dates something else (a launch, a hire, a target year)."""
    sentence = sentences[slot.sentence] if slot.sentence < len(sentences) else ""
    dates = [(d.start, d.text) for d in _dates_of_events(sentence)]
    return nearest_in_sentence(sentence, slot.amount, dates) if dates else None


def announcement_day(sentences: list[str], published: str | None) -> str | None:
    """The first day phrase that falls in the week before publication ("said Wednesday", "este jueves",
    "yesterday's announcement"): the day the news was told."""
    day = parse_published(published)
    if day is None or len(published or "") != 10:
        return None
    for sentence in sentences:
        for found in _dates_of_events(sentence):
            when = resolve(found.text, published)
            if when and len(when) == 10 and 0 <= (day - datetime.date.fromisoformat(when)).days <= 7:
                return found.text
    return None


def digest_period(sentences: list[str], published: str | None) -> str | None:
    """The month or year a digest covers, named at its top ("Funding roundup: September", "融资汇总 2020年8月",
    "Last year, startups here drew"), when it ended before the publication month."""
    day = parse_published(published)
    if day is None:
        return None
    for sentence in sentences[:3]:
        for found in _dates_of_events(sentence):
            when = resolve(found.text, published) or ""
            if len(when) == 7 and 0 < (day.year - int(when[:4])) * 12 + day.month - int(when[5:]) <= 3:
                return found.text
            if len(when) == 4 and int(when) == day.year - 1:
                return found.text
    return None


def news_date(
    slot: Slot, phrase: str | None, published: str | None, told: str | None, period: str | None = None
) -> str | None:
    """A news round dated by a bare year takes the day the news was told, else is left to the publication
    month (checks.py gives it): a year of the news is less precise, and an earlier year in its passage
    dates something else ("launched in 2019", "less than 100 billion won last year"). A digest's news rounds
    without a date of their own fall in the period it covers."""
    if slot.primary and phrase is None and period is not None:
        return period
    if slot.primary and published and (phrase is None or len(resolve(phrase, published) or "") == 4):
        return told
    return phrase


# A date that bounds a period ("the busiest quarter since late 2024") dates no event.
_BOUND = re.compile(
    # a target is no event either ("d'ici 2030", "by 2030")
    r"\b(?:since|until|till|through|desde|até|hasta|sejak|hingga|seit|bis|depuis|jusqu'en|d'ici|by|à l'horizon|"
    r"entro il|entro)\s+(?:(?:late|early|mid|the end of|"
    r"the start of|finales de|principios de|fines de)\s+)?$",
    re.I,
)


def _dates_of_events(sentence: str) -> list[DatePhrase]:
    return [d for d in find_dates(sentence) if not _BOUND.search(sentence[max(0, d.start - 30) : d.start])]
