"""Candidate spans for a small model: the values it may choose from, and the passages that hold them.

A 270M base model copies few-shot values and invents names. Constraining its
decoding to a per-article JSON schema whose string values are enumerations of
spans found in this article (money and date phrases from the parsers, round
labels, proper-noun phrases) makes invention impossible: the model only
decides which span plays which role in which round.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, get_args

from extractor.parsing.dates import MONTHS, WEEKDAYS
from extractor.parsing.money import find_money
from extractor.parsing.round_types import LABEL_PATTERN
from schemas.draft import AmountRole, NameRole

MAX_NAMES = 40
MAX_AMOUNTS = 16
FOCUS_CHARS = 4000

# A sentence ends at . ! ? followed by white space (not inside "1.8" or "Co.,"), or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘'(•-])|\n+")
_CUE = re.compile(
    r"rais|fund|round|invest|led by|co-led|backed|secur|clos|collect|bag|land|capital|ventures|partners|seed|"
    r"series|valu|captou|aporte|investi|rodada|recaud|inversi|financ|pendanaan|dana",
    re.I,
)
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŸŹŻŽ"
_WORD = rf"[{_UPPER}][\w'’&.•+-]*[\w+]|[{_UPPER}]|[0-9]+[A-Za-z][\w-]*[A-Za-z]"
_CONNECT = r"(?:\s+(?:of|and|&|de|da|do|du|del|der|la|for)\s+|\s+)"
_NAME = re.compile(rf"(?<![\w])(?:{_WORD})(?:{_CONNECT}(?:{_WORD}))*")
_STOP = (
    {
        w.casefold()
        for w in (
            "The A An In On At For From With And But Or Of To By As It Its This That These Those He She They We "
            "Our Its Their His Her Mr Ms Dr According Other Series Seed Round Funding Investors Investor Company "
            "Read More Also Sign Subscribe Related Plus Why What How When Where Who Which While After Before Since "
            "Today Yesterday Last Next Earlier Later CEO CTO CFO COO Founder Co-founder Chief Executive Officer "
            "US USD EUR GBP INR CNY RMB Rs Rp Pre-A Pre-Series Pre-IPO IPO AI Inc Ltd "
            "Inside Across Below Above Short Daily Briefing Exclusive Breaking Update Here There Now Then However "
            "Meanwhile Although Despite During Under Over Into Through Via Per Co-branded Overview About Plus "
            "Startup Startups Funding Fintech Unicorn Sources Source Photo Image Credit Editor Staff Reporter Back "
            "Medium Large Small New Old Big Top Best First Last Next "
            "Para Entre Dona Com Em Segundo Como Mas Pero Según Sin Der Die Das Und Mit Les Des Pour Dans Avec "
            "Dengan Untuk Dari Yang Seri Putaran Senin Selasa Rabu Kamis Jumat Sabtu Minggu Selon Fundada"
        ).split()
    }
    | set(MONTHS)
    | set(WEEKDAYS)
)


def _sentences(article: str, skip: Sequence[tuple[int, int]]) -> list[str]:
    """The article split at sentence ends, without the sentences that overlap a `skip` span."""
    if not skip:
        return _SENTENCE_END.split(article)
    skipped = [0] * (len(article) + 1)  # skipped[i]: how many of the first i characters lie in a span
    for a, b in skip:
        skipped[a] += 1
        skipped[min(b, len(article))] -= 1
    depth = total = 0
    for i in range(len(article)):
        depth += skipped[i]
        skipped[i] = total
        total += depth > 0
    skipped[len(article)] = total
    out, start = [], 0
    for end, after in [(m.start(), m.end()) for m in _SENTENCE_END.finditer(article)] + [(len(article),) * 2]:
        if skipped[end] == skipped[start]:
            out.append(article[start:end])
        start = after
    return out


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


_ADJECTIVE = re.compile(r"-(?:based|focused|backed|led|owned|style|born|headquartered)$", re.I)


# Articles that open a phrase but also end names ("Shibam Das").
_LEADING_ONLY = {"das", "der", "die", "des", "les", "mit", "dans"}


def _split_pair(words: list[str], text: str) -> list[list[str]]:
    """ "Index Ventures and Benchmark Capital" is two names; "Industrial and Commercial Bank" is one.

    Split at "and" when the left part has two words or more, or when both parts also occur on their own.
    """
    for i, word in enumerate(words):
        if word in ("and", "&") and 0 < i < len(words) - 1:
            left, right = " ".join(words[:i]), " ".join(words[i + 1 :])
            whole = " ".join(words)
            alone = text.count(left) > text.count(whole) and text.count(right) > text.count(whole)
            if i >= 2 or alone:
                return [words[:i], *_split_pair(words[i + 1 :], text)]
    return [words]


_RAISER = re.compile(
    r"(?:^|[\s,])(?P<name>[\w•.&'’-]{3,})\s+(?:bags|raises|raised|secures|secured|lands|closes|collects|nabs|grabs|"
    r"snags|gets|captou|capta|recauda|levanta|sammelt|lève)\b"
)
_NOT_RAISER = {"startup", "company", "firm", "platform", "also", "has", "have", "had", "which", "that", "who",
               "it", "and", "now", "just", "recently", "reportedly", "successfully", "finally", "today", "para",
               "que", "com", "por", "una", "uma", "the", "then", "will", "would", "could", "not", "never",
               "already", "once", "round", "funding", "money", "capital"}  # fmt: skip


def _sentence_initial_only(word: str, text: str) -> bool:
    """A lone capitalised word seen only where any word is capitalised ("Fundada", "Selon") is no name."""
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
        before = text[: m.start()].rstrip(" \t\"“'(-•*")
        if before and before[-1] not in ".!?:\n":
            return False
    return True


_ORG_WORD = re.compile(
    r"(?:Bank|Fund|Ministry|University|Institute|Group|Capital|Holdings?|Partners|Ventures|Council|Board|"
    r"Department|Office|Authority|Agency|Foundation|Trust|Association|Chamber|College|School|Republic|Bureau)$"
)


def _split_person_of(words: list[str]) -> list[list[str]]:
    """ "Sanjay Kapoor of Genesis Luxury" is a person and a company; "Bank of China" is one name."""
    if "of" in words:
        i = words.index("of")
        left = words[:i]
        if len(left) == 2 and not _ORG_WORD.search(left[-1]) and i + 1 < len(words):
            return [left, words[i + 1 :]]
    return [words]


def _runs(text: str) -> list[list[str]]:
    """Capitalised word runs, split at possessives: "Seoul's Bapsang" is a place and a company."""
    runs = []
    for m in _NAME.finditer(text):
        for part in re.split(r"(?<=\w)['’]s\s+", m.group(0)):
            for words in _split_pair(part.split(), text):
                runs.extend(_split_person_of(words))
    return runs


def names_in(text: str) -> list[str]:
    """Proper-noun phrases (companies, investors, people): capitalised word runs, trimmed of stop words."""
    names = []
    for words in _runs(text):
        if words:
            while words and (words[0].casefold().strip(".,") in _STOP or _ADJECTIVE.search(words[0])):
                words.pop(0)
            while words and (
                words[-1].casefold().strip(".,") in _STOP - _LEADING_ONLY
                or words[-1].lower() in ("of", "and", "&", "for")
            ):
                words.pop()
            name = re.sub(r"['’]s$", "", " ".join(words).rstrip(".,"))
            if (
                len(name) >= 3
                and not re.fullmatch(r"[\d.,%$€£+-]+\w{0,3}", name)
                and not LABEL_PATTERN.search(name)
                and not (" " not in name and _sentence_initial_only(name, text))
            ):
                names.append(name)
    # Lower-case brands ("albo bags $45m") are found as the subject of a funding verb.
    for m in _RAISER.finditer(text):
        name = m.group("name").strip(".,")
        if (
            name.casefold() not in _NOT_RAISER
            and name.casefold() not in _STOP
            and not name[0].isdigit()
            and not name.endswith("ly")
            and not any(name in other for other in names)
        ):
            names.append(name)
    return _dedupe(names)


def _distinct_money(sentences: list[str]) -> list[str]:
    """Each sum of money once, in text order. A headline's "$6M" rounds the body's "$6.1M": headline
    amounts within 5% of a body amount in the same currency are left out."""
    body = [m for sentence in sentences[1:] for m in find_money(sentence)]
    head = [
        m
        for m in (find_money(sentences[0]) if sentences else [])
        if not any(b.currency == m.currency and abs(b.value - m.value) <= m.value / 20 for b in body)
    ]
    texts: list[str] = []
    seen: set[tuple[object, object]] = set()
    for m in head + body:
        if (m.value, m.currency) not in seen:
            seen.add((m.value, m.currency))
            texts.append(m.text)
    return _dedupe(texts)


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _roles(keys: list[str], roles: tuple[str, ...], **constraints: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {k: {"enum": list(roles)} for k in keys},
        "required": keys,
        "additionalProperties": False,
        **{f"x-{name.replace('_', '-')}": value for name, value in constraints.items()},
    }


@dataclass
class Candidates:
    sentences: list[str]
    names: list[str] = field(default_factory=list)
    money: list[str] = field(default_factory=list)
    # Relevant sentences left out because the focus budget was full (reported in the record's warnings).
    dropped: int = 0
    # How often the whole article names each candidate.
    mentions: dict[str, int] = field(default_factory=dict)

    @property
    def focus(self) -> str:
        return "\n".join(self.sentences)

    @classmethod
    def find(
        cls, article: str, budget: int = FOCUS_CHARS, skip: Sequence[tuple[int, int]] = ()
    ) -> Candidates:
        """Pick the sentences that talk about money and rounds (in order, within budget), then their spans.
        Sentences overlapping a `skip` span ([start, end) offsets) are left out."""
        sentences = [s.strip() for s in _sentences(article, skip) if s.strip()]
        money_texts = {m.text for m in find_money(article)}
        chosen: list[str] = []
        size = 0
        dropped = 0
        for i, sentence in enumerate(sentences):
            relevant = i == 0 or any(t in sentence for t in money_texts) or bool(_CUE.search(sentence))
            if relevant and size + len(sentence) <= budget:
                chosen.append(sentence)
                size += len(sentence) + 1
            elif relevant:
                dropped += 1
        focus = "\n".join(chosen)
        # A Title Case headline capitalises every word; its names recur in the body anyway.
        body = "\n".join(chosen[1:]) if chosen and _title_case(chosen[0]) else focus
        names = names_in(body)[:MAX_NAMES]
        return cls(
            sentences=chosen,
            names=names,
            mentions={n: len(re.findall(rf"(?<!\w){re.escape(n)}(?!\w)", article)) for n in names},
            money=_distinct_money(chosen)[:MAX_AMOUNTS],
            dropped=dropped,
        )

    @property
    def prominence(self) -> dict[str, float]:
        """log(1 + mentions) of each name in the article: the company a story is about is named most."""
        return {n: math.log1p(self.mentions.get(n, 1)) for n in self.names}

    def form(self, names: dict[str, str], amounts: dict[str, str]) -> dict[str, dict[str, str]]:
        """A filled form in candidate order: the given roles, "other" for every other candidate."""
        return {
            "names": {n: names.get(n, "other") for n in self.names},
            "amounts": {m: amounts.get(m, "other") for m in self.money},
        }

    def roles_schema(self) -> dict[str, Any]:
        """The Roles form for this article: every candidate is a key, its role an enumeration."""
        return {
            "type": "object",
            "properties": {
                "names": _roles(self.names, get_args(NameRole), exactly_one="company", prior=self.prominence),
                "amounts": _roles(self.money, get_args(AmountRole), at_most_one="raised"),
            },
            "required": ["names", "amounts"],
            "additionalProperties": False,
        }
