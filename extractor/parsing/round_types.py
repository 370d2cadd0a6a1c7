"""Round labels as written ("Series B+", "Pre-A", "seed extension") -> the fixed round_type list."""

from __future__ import annotations

import re
from typing import get_args

from schemas.record import RoundType

ROUND_TYPES: frozenset[str] = frozenset(get_args(RoundType))

# Checked in order; the first match wins, so specific forms come before general ones. Chinese, Japanese
# and Korean labels end in a character ("B轮", "Pre-A轮"), where \b does not mark a word's end.
_END = r"(?![a-z0-9])"
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\bpre[-\s]?ipo{_END}", re.I), "growth"),
    (re.compile(r"\bpre[-\s]?seed\b", re.I), "pre_seed"),
    (re.compile(r"\bpr[ée][-\s]?amorçage\b", re.I), "pre_seed"),
    # "pré-série A", "pre-serie A", "프리시리즈A", "プレシリーズA"
    (
        re.compile(
            rf"\bpr[eé][-\s]?(?:s[eé]ries?[-\s]?)?a{_END}|(?:프리|プレ)\s?(?:시리즈|シリーズ)?\s?a{_END}",
            re.I,
        ),
        "pre_a",
    ),
    (re.compile(r"\bseries[-\s]?([a-h])(?:\d|\+|[-\s]?\d|\b)", re.I), "series_{0}"),
    (re.compile(r"\b(?:série|serie|seri|rodada|ronda)[-\s]+([a-h])\b", re.I), "series_{0}"),
    (re.compile(r"^\s*([a-h])(?:[-\s]?\d|\+)*[-\s]*(?:round|rodada)?\s*$", re.I), "series_{0}"),
    (
        re.compile(
            r"(?:시리즈|シリーズ)\s?([a-h])(?![a-z])|(?<![a-z])([a-h])\d?\+{0,2}(?:-\d)?\s?(?:轮|輪)", re.I
        ),
        "series_{0}",
    ),
    (re.compile(r"\bseed\b|\bsemente\b|\bsemilla\b|\bamorçage\b|种子|種子", re.I), "seed"),
    (re.compile(r"\bangel\b|\banjo\b|天使", re.I), "angel"),
    (re.compile(r"\bbridge\b|\bponte\b|\bbrücken", re.I), "bridge"),
    (re.compile(r"\bconvertible\b|\bsafe\b", re.I), "convertible_note"),
    (re.compile(r"\bdebt\b|\bloan\b|\bcredit\b|\bcr[ée]dito\b|\bdívida\b|\bdeuda\b", re.I), "debt"),
    (re.compile(r"\bgrants?\b|\bsubsid", re.I), "grant"),
    (re.compile(r"\bcrowdfund", re.I), "crowdfunding"),
    (re.compile(r"\bipo\b|\binitial public offering\b", re.I), "ipo"),
    (re.compile(r"\bsecondary\b", re.I), "secondary"),
    (re.compile(r"\bstrategic\b|战略|戰略", re.I), "strategic"),
    (re.compile(r"\bgrowth\b", re.I), "growth"),
    (re.compile(r"\bprivate equity\b|\bfund\b", re.I), "private_equity"),
]

LABEL_PATTERN = re.compile(
    r"\b(?:pre[-\s]?ipo|pre[-\s]?seed|pr[eé][-\s]?(?:s[eé]ries?[-\s]?)?a|series[-\s]?[a-h](?:\d|\+|-\d)?"
    r"|seed(?:\s+extension)?|angel|bridge|venture debt|convertible notes?|grant|crowdfunding"
    r"|[a-h]-round"
    # "Serie-B-Finanzierungsrunde" in German; the letter in capitals, for "rodada e" and "ronda a" are
    # "round and" and "round to"
    r"|(?:série|serie|seri|rodada|ronda)[-\s]+(?-i:[A-H])(?:\d|-\d)?|(?:ronda|rodada|capital)\s+(?:semilla|semente)|amorçage)\b(?:\+)?"
    # Chinese labels end in a character, where \b marks nothing: "B轮", "Pre-A轮", "D++轮", "E2-1轮", "天使轮"
    r"|(?<![a-z])(?:pre-?)?(?:ipo|[a-h]\+{0,2}\d?(?:-\d)?)\s?(?:轮|輪)|天使轮|天使輪|天使投资(?!人|机构|者|基金)|种子轮|種子輪|战略(?:融资|投资)",
    re.I,
)


def round_type_for(label: str | None) -> str:
    """The round_type a label implies; 'unknown' for no label or one that names no type."""
    if not label:
        return "unknown"
    for pattern, target in _RULES:
        m = pattern.search(label)
        if m:
            letter = next((x for x in m.groups() if x), "")
            return target.format(letter.lower()) if "{0}" in target else target
    return "unknown"
