"""A round's label ("Series B", "seed", "Pre-IPO轮") and type: from its own sentence when no other round's
money stands nearer, else from the words around its amount."""

from __future__ import annotations

import re

from extractor.forms.roles import cues
from extractor.forms.roles.slot import Slot, nearest_in_sentence, same_value
from extractor.parsing.money import find_money
from extractor.parsing.round_types import LABEL_PATTERN
from schemas.record import RoundType

_DETERMINER = re.compile(
    r"The|Its|Their|This|A|An|Die|Der|Das|Den|Dem|Eine|Ein|Einer|Seine|Ihre|La|El|Le|Les|O|Os|As|Una|Uma|Un|Une|"
    r"Sa|Son|Su|Sua"
)


def labels_in(sentence: str) -> list[tuple[int, str]]:
    """Round labels in a sentence, except a word of a name ("Mumbai Angels Network", "Oriza Seed Fund") and
    a kind of investor ("angel investors")."""
    out = []
    for m in LABEL_PATTERN.finditer(sentence):
        word = m.group(0)
        if " " not in word and word[:1].isupper():
            before = re.search(r"(\S+)[ \t]+$", sentence[: m.start()])
            after = re.match(r"[ \t]+(\S+)", sentence[m.end() :])
            # a word of a name, unless the word before is the amount's ("a $3 Million Seed round") ...
            # ... or a determiner's, capitalised at a sentence's start ("Die Series-B-Runde führt X")
            unit = before and (
                re.fullmatch(r"(?:Million|Billion|Mn|Bn|M|B|Crore|Lakh)", before.group(1))
                or _DETERMINER.fullmatch(before.group(1))
            )
            # "a $30,000 Pre-Seed Round": a capitalised round word after the label is no name's
            round_word = after and re.fullmatch(
                r"(?:Round|Funding|Financing|Runde|Ronda|Rodada|Finanzierung(?:srunde)?)[.,;:]?",
                after.group(1),
            )
            if (
                before and before.group(1)[:1].isupper() and before.group(1)[-1] not in ",;:" and not unit
            ) or (after and after.group(1)[:1].isupper() and not round_word):
                continue
        if re.match(
            r"[ -]stage\b|[ -]focused\b|[ \t]+(?:(?:and|to|through)\s+)?(?:series [a-z]\+?\s+)?"
            r"(?:investments|funds?|startups|companies|deals)\b",
            sentence[m.end() :],
            re.I,
        ):
            continue  # what a fund invests in ("a seed-stage fund", "seed and Series A investments")
        if re.match(r"[ \t-]+(?:investors?|backers?|networks?)\b", sentence[m.end() :], re.I):
            continue  # who invests, not the round: "and angel investors", "its Series A backers"
        out.append((m.start(), word))
    return out


# What the words beside an amount say its round is, when no label names it.
_TYPE_HINTS: list[tuple[re.Pattern[str], RoundType]] = [
    (re.compile(r"\bconvertible (?:note|loan|bond)s?\b", re.I), "convertible_note"),
    (
        re.compile(
            r"\b(?:venture debt|debt|loans?|credit (?:facility|line)|lending facility|notes?|bonds?|borrowings?|"
            # the instrument names the debt: "NCDs", "debêntures", "sukuk", "línea de crédito"
            r"(?:non-convertible )?debentures?|NCDs?|sukuk|debêntures?|"
            r"l[íi]nea de cr[ée]dito|linha de cr[ée]dito|ligne de crédit|créditos|cr[ée]dito (?:por|bancári[oa])|"
            r"dívida|deuda|préstamos?|prestados|empréstimos?|pinjaman|kredit|fidc|授信|贷款|"
            # French and German debt, and the structured financing lenders give
            r"emprunts?|prêts?|dettes?|darlehens?|kreditlinien?|fremdkapital|"
            r"financiamento estrutura(?:do)?|financiamiento estructurado|structured (?:debt|financing))\b",
            re.I,
        ),
        "debt",
    ),
    (
        re.compile(
            r"\b(?:grants?|subsid(?:y|ies)|subvención|subvenção|hibah|"
            # money given, not invested: "an award of $2M", "awarded $2M", "non-dilutive funding"
            r"awards? of|awarded|prize|non-?dilutive|no dilutiva|não dilutiv[oa]|non dilutif|non dilutive|"
            # public support in other languages: "de apoio financeiro", "Fördermittel", "une aide de"
            r"apoio financeiro|apoyo financiero|aide financière|une aide|förderung|fördermittel|zuschuss|"
            # (French "prix" is also a price, so it is left out)
            r"prémio|premio|prêmio)\b",
            re.I,
        ),
        "grant",
    ),
    (re.compile(r"\bcrowdfund", re.I), "crowdfunding"),
    (re.compile(r"\bstrategic (?:investment|round|funding)\b", re.I), "strategic"),
    (re.compile(r"\bprivate equity (?:round|investment|funding|deal)\b", re.I), "private_equity"),
    # A fund manager raising its own fund; "fund" in lower case after an article is the noun, not the
    # verb ("to fund hiring") nor an investor's name ("the Acme Growth Fund").
    (
        re.compile(
            r"(?<!by )(?<!from )(?<!of )"
            # the words between may be its name or size: "its Edda III fund", "a new €22B fund"
            r"\b(?:a|an|its|their|the|new|second|third|fourth|debut|maiden|inaugural)\s+(?:[\w$€£.,-]+\s+){0,4}"
            # "the Israeli venture capital fund Pitango led" describes an investor
            r"fund\b(?!\s+(?:the|its|their|expansion|growth|hiring|operations|research)\b|\s+[A-Z])|"
            r"\b(?:first|final) close\b|"
            # "encabezada por el fondo Benchmark": the fund that invests, not one being raised
            r"(?<!por )(?<!pela )(?<!pelo )(?<!de )(?<!del )(?<!do )"
            r"\b(?:um|o|seu|novo|segundo|un|el|su|nuevo|segundo)\s+(?:[a-z0-9$€£.,-]+\s+){0,3}(?:fundo|fondo)\b"
        ),
        "private_equity",
    ),
]


# What stands between an amount and its conversion: " (about ", " (environ ", " / ".
CONVERSION = re.compile(
    r"\s*(?:\(|/|,)\s*(?:about|around|approx\.?|approximately|roughly|some|environ|près de|soit|cerca de|aprox\.?|"
    r"aproximadamente|unos|sekitar|etwa|rund|ca\.|~|≈)?\s*",
    re.I,
)


# "que combina capital y deuda", "a mix of equity and debt"
_MIXED = re.compile(
    r"\b(?:equity and debt|debt and equity|capital y deuda|deuda y capital|capital e dívida|dívida e capital|"
    r"equity e dívida|fonds propres et dette)\b",
    re.I,
)


def type_hint(sentence: str, amount: str | None) -> RoundType | None:
    """A round type read from the words around the amount ("a $40 million debt facility")."""
    at = sentence.find(amount) if amount else -1
    if at < 0:
        return None
    near = sentence[max(0, at - 50) : at + len(amount or "") + 50]
    if _MIXED.search(near):
        return None  # equity and debt together: a round of no one kind
    for pattern, kind in _TYPE_HINTS:
        if pattern.search(near):
            return kind
    return None


def label_of(
    slot: Slot,
    sentences: list[str],
    anchors: list[int],
    companies: list[str],
    slots: list[Slot],
    newest_year: int | None = None,
) -> str | None:
    """A round label in the round's own sentence (nearest its amount, of the labels that are its own
    rather than another round's there), else later in its passage, else in the headline for the
    reported round when the headline names its company."""
    sentence = sentences[slot.sentence] if slot.sentence < len(sentences) else ""
    labels = labels_in(sentence)
    if labels and slot.amount:
        others = [s.amount for s in slots if s is not slot and s.sentence == slot.sentence and s.amount]
        own = [lab for lab in labels if _label_is_of(sentence, lab, slot, others)]
        # the sentence's labels are other rounds': looking further afield would find another's as well
        return nearest_in_sentence(sentence, slot.amount, own) if own else None
    if labels:
        return nearest_in_sentence(sentence, slot.amount, labels)
    following = [a for a in anchors if a > slot.sentence]
    end = following[0] if following else len(sentences)
    for i in range(slot.sentence + 1, min(end + 1, len(sentences))):
        found = labels_in(sentences[i])
        if found and slot.primary and cues.says_earlier(sentences[i], newest_year):
            found = []  # "... having backed a Series B in 2018": another, earlier round's label
        money = find_money(sentences[i])
        # the next amount's sentence may restate this round's money ("Diffblue gets $22m. ... closed a $22m
        # Series A"): its label is this round's
        again = slot.value is not None and any(same_value(m, slot.value) for m in money)
        if found and (i < end or not money or again):
            return found[0][1]
    if slot.primary and sentences and slot.sentence > 0 and slot.company and slot.company in sentences[0]:
        found = labels_in(sentences[0])
        if found:
            return found[0][1]
    return None


def _label_is_of(sentence: str, label: tuple[int, str], slot: Slot, others: list[str]) -> bool:
    """Whether a label in a round's sentence is this round's: no semicolon parts it from the round's
    amount, and no other round's amount stands nearer to it ("Acme raised $5m; Beta bagged a Series A";
    "after its $50m Series A, it raised $30m")."""
    at, word = label
    lo, hi = at, at + len(word)

    def span(text: str) -> tuple[int, int] | None:
        found = sentence.find(text)
        return None if found < 0 else (found, found + len(text))

    def gap(s: tuple[int, int]) -> int:
        return max(s[0] - hi, lo - s[1], 0)

    mine = span(slot.amount or "")
    if mine is None:
        return True
    theirs = [s for s in map(span, others) if s is not None]

    def converts(s: tuple[int, int], m: tuple[int, int]) -> bool:
        # its conversion in brackets is the round's own amount said again ("$10 million (£7 million) Series
        # A", "2500万美元(约合人民币1.8亿元)的天使轮")
        between = sentence[min(s[1], m[1]) : max(s[0], m[0])]
        bracket = len(between) <= 16 and between.strip()[:1] in ("(", "（", "/")
        return bracket or bool(CONVERSION.fullmatch(between))

    own = [mine] + [s for s in theirs if converts(s, mine)]
    theirs = [s for s in theirs if s not in own]
    near = min(own, key=gap)
    if theirs and min(map(gap, theirs)) < gap(near):
        return False
    return ";" not in sentence[min(near[1], hi) : max(near[0], lo)]
