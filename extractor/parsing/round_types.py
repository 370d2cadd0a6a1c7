"""Round labels as written ("Series B+", "Pre-A", "seed extension") -> the fixed round_type list."""

from __future__ import annotations

import re
from typing import get_args

from schemas.record import RoundType

ROUND_TYPES: frozenset[str] = frozenset(get_args(RoundType))

# Checked in order; the first match wins, so specific forms come before general ones.
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bpre[-\s]?ipo\b", re.I), "growth"),
    (re.compile(r"\bpre[-\s]?seed\b", re.I), "pre_seed"),
    (re.compile(r"\bpre[-\s]?(?:series[-\s]?)?a\b", re.I), "pre_a"),
    (re.compile(r"\bseries[-\s]?([a-h])(?:\d|\+|[-\s]?\d|\b)", re.I), "series_{0}"),
    (re.compile(r"\b(?:série|serie|seri|rodada|ronda)[-\s]+([a-h])\b", re.I), "series_{0}"),
    (re.compile(r"^\s*([a-h])(?:[-\s]?\d|\+)*\s*(?:round|rodada)?\s*$", re.I), "series_{0}"),
    (re.compile(r"\bseed\b|\bsemente\b|\bsemilla\b", re.I), "seed"),
    (re.compile(r"\bangel\b|\banjo\b", re.I), "angel"),
    (re.compile(r"\bbridge\b|\bponte\b", re.I), "bridge"),
    (re.compile(r"\bconvertible\b|\bsafe\b", re.I), "convertible_note"),
    (re.compile(r"\bdebt\b|\bloan\b|\bcredit\b|\bventure debt\b|\bdívida\b|\bdeuda\b", re.I), "debt"),
    (re.compile(r"\bgrant\b|\bsubsid", re.I), "grant"),
    (re.compile(r"\bcrowdfund", re.I), "crowdfunding"),
    (re.compile(r"\bipo\b|\binitial public offering\b", re.I), "ipo"),
    (re.compile(r"\bsecondary\b", re.I), "secondary"),
    (re.compile(r"\bstrategic\b", re.I), "strategic"),
    (re.compile(r"\bgrowth\b", re.I), "growth"),
    (re.compile(r"\bprivate equity\b|\bfund\b", re.I), "private_equity"),
]

LABEL_PATTERN = re.compile(
    r"\b(?:pre[-\s]?ipo|pre[-\s]?seed|pre[-\s]?(?:series[-\s]?)?a|series[-\s]?[a-h](?:\d|\+|-\d)?"
    r"|seed(?:\s+extension)?|angel|bridge|venture debt|convertible note|grant|crowdfunding"
    r"|(?:série|serie|seri|rodada|ronda)\s+[a-h])\b(?:\+)?",
    re.I,
)


def round_type_for(label: str | None) -> str:
    """The round_type a label implies; 'unknown' for no label or one that names no type."""
    if not label:
        return "unknown"
    for pattern, target in _RULES:
        m = pattern.search(label)
        if m:
            return target.format(m.group(1).lower()) if "{0}" in target else target
    return "unknown"
