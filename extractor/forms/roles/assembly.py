"""Roles (the small model's labels for each candidate span) -> a draft of rounds.

The model decides what each span is: a company raising money, a lead or other investor, money raised
now or earlier, a US-dollar equivalent, a valuation. This module only groups those decisions by where
they sit in the text:
- every amount labelled raised or earlier opens a round; its company is the company named in its own
  sentence (before the amount, nearest first), else in the sentences just before it in the same
  paragraph, else the article's main company; a digest of deals therefore gives one round per deal;
- a bracketed dollar figure is the US-dollar twin of the amount just before it;
- an investor belongs to the round whose sentence names it, else to the round whose passage it is in
  (the nearest round at or before it, unless another amount or round label opens a passage between);
- a label and a date belong to the round whose sentence holds them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from extractor.forms.roles import cues
from extractor.forms.roles.candidates import Candidates
from extractor.forms.roles.name_kinds import is_place, names_no_one, short_form
from extractor.forms.roles.text import sentences as split_sentences
from extractor.parsing.dates import DatePhrase, find_dates, parse_published, resolve
from extractor.parsing.fx import to_usd
from extractor.parsing.money import MoneyParseError, ParsedMoney, find_money, parse_money
from extractor.parsing.round_types import LABEL_PATTERN, round_type_for
from schemas.draft import Draft, DraftInvestor, DraftRound, Roles
from schemas.record import RoundType


@dataclass
class _Slot:
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


# A backer's sentence that points at the round the article is about.
# ("The new round comes a year after X raised ... led by Y", "Y did not take part in the latest financing"
# are about the earlier round's backers.)
_THIS_ROUND = re.compile(r"\bthis (?:round|financing|funding round)\b", re.I)


def _mentions(sentences: list[str], text: str) -> list[int]:
    pattern = cues.name_pattern(text)
    return [i for i, s in enumerate(sentences) if pattern.search(s)]


def _first_sentence(sentences: list[str], text: str) -> int:
    """Where the text is first mentioned, preferring the body to a headline that repeats it."""
    hits = [i for i, sentence in enumerate(sentences) if text in sentence]
    if not hits:
        return len(sentences)
    return hits[1] if hits[0] == 0 and len(hits) > 1 else hits[0]


def _parse(text: str, context: str) -> ParsedMoney | None:
    try:
        return parse_money(text, context=context)
    except MoneyParseError:
        return None


def _same_value(a: ParsedMoney, b: ParsedMoney) -> bool:
    return a.currency == b.currency and _close(a.value, b.value)


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= max(a, b) * Decimal("0.01")


def _nearest_in_sentence(sentence: str, anchor: str | None, spans: list[tuple[int, str]]) -> str | None:
    if not spans:
        return None
    at = sentence.find(anchor) if anchor else 0
    return min(spans, key=lambda s: abs(s[0] - max(at, 0)))[1]


_BRACKET = re.compile(
    r"^\s*[(\[]\s*(?:~|about|approximately|approx\.?|around|roughly|some|nearly|or|cerca de|sekitar|"
    r"aproximadamente|alrededor de|rund|environ|约|約)?\s*$",
    re.I,
)
# "US$2 million, or about Rp29 billion": the same money said twice, in either order.
_OR_ABOUT = re.compile(
    r"^\s*,?\s*(?:or|atau|ou|o|oder|soit|i\.e\.|equivalent to|equal to|setara(?:\s+dengan)?|equivalente a)\s+"
    r"(?:about|around|roughly|approximately|some|nearly|sekitar|kurang lebih|cerca de|aproximadamente|"
    r"alrededor de|rund|environ)?\s*$",
    re.I,
)


def usd_twins(text: str) -> dict[str, str]:
    """Non-USD amount -> the US-dollar figure the text gives for it in brackets ("1.8 billion yuan ($254 million)")
    or as an alternative ("US$2 million or about Rp29 billion")."""
    spans = find_money(text)
    twins = {}
    for a, b in zip(spans, spans[1:], strict=False):
        between = text[a.end : b.start]
        if (
            a.currency != "USD"
            and b.currency == "USD"
            and (_BRACKET.match(between) or _OR_ABOUT.match(between))
        ):
            twins[a.text] = b.text
        elif a.currency == "USD" and b.currency not in (None, "USD") and _OR_ABOUT.match(between):
            twins[b.text] = a.text
    return twins


def echoes(text: str) -> dict[str, str]:
    """Bracketed conversions into a currency other than the dollar ("$10 million (£7 million)"): the
    same money again, never a round of its own. Each maps to the amount it converts."""
    spans = find_money(text)
    return {
        b.text: a.text
        for a, b in zip(spans, spans[1:], strict=False)
        if b.currency not in (None, "USD", a.currency) and _BRACKET.match(text[a.end : b.start])
    }


def leads_in(sentence: str, names: list[str]) -> set[str]:
    """Names the sentence says led the round: "led by X and Y", "X led the round"."""
    leads: set[str] = set()
    for start, end in cues.lead_spans(sentence):
        leads.update(n for n in names if n in sentence[start:end])
    for n in names:
        if re.search(re.escape(n) + r"\s+(?:co-?led|led|lideró|liderou|memimpin)\b", sentence):
            leads.add(n)
    for m in cues.CJK_LED.finditer(sentence):
        leads.update(n for n in names if n in m.group(1))
    return leads


def _abbreviations(text: str) -> set[str]:
    """Short forms given in brackets right after a name: "Harvard Management Company (HMC)"."""
    return {
        m.group(2)
        for m in re.finditer(
            r"([A-Z][\w&.'’-]*(?:[ \t]+(?:(?:of|and|for|de|del|la|the)[ \t]+)?[A-Z&][\w&.'’-]*)+)\s*"
            r"\(([A-Z][A-Za-z&.]{1,9})\)",
            text,
        )
    }


def _canonical(chosen: str, names: list[str], article: str) -> str:
    """The fullest form of the company's name the article repeats ("Tidewater Robotics" over "Tidewater"),
    but not a one-off longer phrase ("Lixiang One", a product, over "Lixiang")."""
    first = chosen.split()[0] if chosen.split() else chosen
    related = [
        n
        for n in names
        if n.split() and n.split()[0] == first and (n.startswith(chosen) or chosen.startswith(n))
    ]
    counts = {n: len(cues.name_pattern(n).findall(article)) for n in related or [chosen]}
    most = max(counts.values())
    # A fuller form counts if it carries at least half of the mentions.
    return max((n for n, c in counts.items() if 2 * c >= most), key=len)


def _owner(
    slots: list[_Slot],
    anchors: dict[int, str | None],
    where: int,
    sentences: list[str],
    name: str | None = None,
) -> _Slot | None:
    """The round whose passage holds sentence `where`: a round opened in that sentence, else the nearest
    round before it (or just after it), unless another amount, or a label naming another round type,
    opens a passage between."""

    def blocked(lo: int, hi: int, slot: _Slot) -> bool:
        own = round_type_for(slot.label)
        return any(
            lo < a <= hi and (label is None or round_type_for(label) != own) for a, label in anchors.items()
        )

    here = [s for s in slots if s.sentence == where]
    if len(here) > 1 and name is not None and where < len(sentences):
        # Two rounds in one sentence ("X raised $10.8M led by A, while Y said B led a $10M round"): the
        # investor goes with the amount nearest to it.
        sentence = sentences[where]
        at = sentence.find(name)
        return min(here, key=lambda s: abs(sentence.find(s.amount) - at) if s.amount else len(sentence))
    if here:
        return here[0]
    before = [s for s in slots if s.sentence <= where]
    if before:
        slot = max(before, key=lambda s: s.sentence)
        return None if blocked(slot.sentence, where, slot) else slot
    if not slots:
        return None
    slot = min(slots, key=lambda s: s.sentence)
    return None if blocked(where - 1, slot.sentence - 1, slot) else slot


_DETERMINER = re.compile(
    r"The|Its|Their|This|A|An|Die|Der|Das|Den|Dem|Eine|Ein|Einer|Seine|Ihre|La|El|Le|Les|O|Os|As|Una|Uma|Un|Une|"
    r"Sa|Son|Su|Sua"
)


def _labels(sentence: str) -> list[tuple[int, str]]:
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
_CONVERSION = re.compile(
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


def _type_hint(sentence: str, amount: str | None) -> RoundType | None:
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


def _label(
    slot: _Slot,
    sentences: list[str],
    anchors: list[int],
    companies: list[str],
    slots: list[_Slot],
    newest_year: int | None = None,
) -> str | None:
    """A round label in the round's own sentence (nearest its amount, of the labels that are its own
    rather than another round's there), else later in its passage, else in the headline for the
    reported round when the headline names its company."""
    sentence = sentences[slot.sentence] if slot.sentence < len(sentences) else ""
    labels = _labels(sentence)
    if labels and slot.amount:
        others = [s.amount for s in slots if s is not slot and s.sentence == slot.sentence and s.amount]
        own = [lab for lab in labels if _label_is_of(sentence, lab, slot, others)]
        # the sentence's labels are other rounds': looking further afield would find another's as well
        return _nearest_in_sentence(sentence, slot.amount, own) if own else None
    if labels:
        return _nearest_in_sentence(sentence, slot.amount, labels)
    following = [a for a in anchors if a > slot.sentence]
    end = following[0] if following else len(sentences)
    for i in range(slot.sentence + 1, min(end + 1, len(sentences))):
        found = _labels(sentences[i])
        if found and slot.primary and cues.says_earlier(sentences[i], newest_year):
            found = []  # "... having backed a Series B in 2018": another, earlier round's label
        money = find_money(sentences[i])
        # the next amount's sentence may restate this round's money ("Diffblue gets $22m. ... closed a $22m
        # Series A"): its label is this round's
        again = slot.value is not None and any(_same_value(m, slot.value) for m in money)
        if found and (i < end or not money or again):
            return found[0][1]
    if slot.primary and sentences and slot.sentence > 0 and slot.company and slot.company in sentences[0]:
        found = _labels(sentences[0])
        if found:
            return found[0][1]
    return None


def _label_is_of(sentence: str, label: tuple[int, str], slot: _Slot, others: list[str]) -> bool:
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
        return bracket or bool(_CONVERSION.fullmatch(between))

    own = [mine] + [s for s in theirs if converts(s, mine)]
    theirs = [s for s in theirs if s not in own]
    near = min(own, key=gap)
    if theirs and min(map(gap, theirs)) < gap(near):
        return False
    return ";" not in sentence[min(near[1], hi) : max(near[0], lo)]


def _date(slot: _Slot, sentences: list[str]) -> str | None:
    """A date phrase in the round's own sentence, nearest its amount. A date later in the round's passage
    dates the round less often than it dates something else (a launch, a hire, a target year)."""
    sentence = sentences[slot.sentence] if slot.sentence < len(sentences) else ""
    dates = [(d.start, d.text) for d in _dates_of_events(sentence)]
    return _nearest_in_sentence(sentence, slot.amount, dates) if dates else None


def _announcement_day(sentences: list[str], published: str | None) -> str | None:
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


def _period(sentences: list[str], published: str | None) -> str | None:
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


def _news_date(
    slot: _Slot, phrase: str | None, published: str | None, told: str | None, period: str | None = None
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


# A sentence whose money belongs to a company named before it: "the company obtained $51.5 million".
_ANAPHOR = re.compile(
    r"\b(?:the|this|that) (?:[\w-]+ ){0,2}?(?:company|startup|start-up|firm|platform|business|group|venture|"
    r"brand|fintech|lender|maker|provider|unicorn|app|marketplace|developer|operator|retailer|service)\b|\b(?:it|its|they|their)\b|"
    r"\b(?:a|la|o|el) (?:empresa|compañía|companhia|startup|fintech|plataforma|firma|sociedad|sociedade|"
    r"marca|unicornio|unicórnio|healthtech|edtech|insurtech|proptech|agtech|legaltech)\b|\bperusahaan\b|"
    r"\b(?:das|die|der) (?:unternehmen|start-up|firma)\b|\b(?:l'entreprise|la société|la start-up)\b",
    re.I,
)


# An investing verb anywhere after a list of names: "Nextrans, Cocoon and Surge committed $9 million".
_INVESTING = re.compile(
    r"\b(?:co-?led|led|invested|invests|backed|backs|joined|participated|put|puts|committed|contributed|"
    r"poured|injected|lideró|liderou|investiu|invirtió|dipimpin|führte|investierte)\b",
    re.I,
)
# What may stand before a sentence's subject: a bullet, a conjunction, a time ("And last month Transsion").
_SUBJECT_LEAD = re.compile(
    r"^[\s\-–•*]*(?:(?:and|but|meanwhile|also|separately|elsewhere|then|last|this|next|earlier|later|in|on|"
    r"month|week|year|today|yesterday|monday|tuesday|wednesday|thursday|friday|\d{4}),?\s+){0,4}$",
    re.I,
)


# The company named after its money: cues.RAISED_BY, or "a $25 million round for X".
_RAISED_BY = re.compile(
    rf"^(?:\s+\S+){{0,4}}?\s+(?:{cues.RAISED_BY}|(?:round|series [a-z]\+?|seed round|funding round|"
    r"financing round)\s+for)\s+(?:\S+\s+){0,2}?(?:\S+-based\s+)?",
    re.I,
)


# Round types whose money is given by a lender or grant-maker more often than raised from many backers.
_GIVEN = ("debt", "grant")


def _company_for(
    where: int, amount: str | None, companies: list[str], cands: Candidates, others: Sequence[str] = ()
) -> str | None:
    """The company whose round opens at sentence `where`: named in that sentence (before the amount,
    nearest first; else after it), else in the two sentences before it in the same paragraph, else,
    when the sentence refers back to a company ("the company", "it"), the company named last before it.
    Where the article names several companies, only a sentence that refers back looks back at all."""
    sentences = cands.sentences
    if where >= len(sentences):
        return None
    sentence = sentences[where]
    at = sentence.find(amount) if amount else len(sentence)
    found = []
    for name in companies:
        for m in cues.name_pattern(name).finditer(sentence):
            # "led by Khosla Ventures (set up by a co-founder of Sun Microsystems)": a bracket after the
            # amount describes a backer, not the raiser
            if m.start() > at and cues.bracket_open(sentence[max(at, 0) : m.start()]):
                continue
            found.append((m.start() > at, abs(at - m.start()), name))
    if amount and at >= 0:
        # "a $200 million Series D by Tabby, and $130 million raised by MNT-halan": the name after "by"
        # in the amount's own clause raised it, whoever was named before
        clause = re.split(r"[,;]", sentence[at + len(amount) :], maxsplit=1)[0]
        by = _RAISED_BY.search(clause)
        if by:
            named = [n for n in companies if cues.name_pattern(n).match(clause, by.end())]
            if named:
                return max(named, key=len)
    # The subject of the funding verb ("8th Wall, a provider of ... that works with Google's Tango, has
    # raised $2.4 million") raised the money, however many names its description holds.
    # No other name may stand between its verb and the money ("X said it raised $10.8 million, while Y said
    # that Z led a $10 million round").
    subjects = [
        (at - m.start(), name)
        for name in companies
        for m in cues.name_pattern(name).finditer(sentence[: max(at, 0)])
        if (verb := cues.raiser_verb(sentence[m.end() : at])) is not None
        and not any(
            cues.name_pattern(other).search(sentence, m.end() + verb.end(), at)
            for other in (*companies, *others)
        )
    ]
    if subjects:
        return min(subjects)[1]
    if found and not min(found)[0]:
        return min(found)[2]  # named before the amount, nearest first
    # An organisation the model did not take for a raiser, named before the amount and not investing, is
    # who the money is about ("Taboola ... topped the list with a $117 million round, followed by Quixey").
    if any(
        _SUBJECT_LEAD.match(sentence[: m.start()]) and not _INVESTING.search(sentence[m.end() : max(at, 0)])
        for n in others
        for m in cues.name_pattern(n).finditer(sentence[: max(at, 0)])
    ):
        return None
    if found:
        return min(found)[2]
    anaphor = _ANAPHOR.search(sentence[: at if at >= 0 else len(sentence)])
    pronoun = anaphor is not None and anaphor.group(0).lower() in ("it", "its", "they", "their")
    if anaphor and not pronoun:
        # "the startup" is the company the headline is about when one of the last two sentences names it
        near = [n for n in companies if _mentions(sentences[max(0, where - 2) : where], n)]
        subject = [n for n in near if cands.contexts.get(n) and cands.contexts[n].headline]
        if len(subject) == 1:
            return subject[0]
    # In an article about several companies (not two names of one), money in a sentence that names none
    # of them and refers to no one ("A $5 million round was led by X" in a digest) may be anyone's, and a
    # bare "it" may be an investor or another company: neither is given to a company sentences away.
    several = len({n for n in companies if not any(n != o and n in o for o in companies)}) >= 2
    if several and not anaphor:
        return None
    paragraph = cands.chosen[where].paragraph
    for back in (where - 1, where - 2):
        if back >= 1 and cands.chosen[back].paragraph == paragraph:
            named = [n for n in companies if _mentions([sentences[back]], n)]
            if named:
                return named[-1]
    if anaphor and not (several and pronoun):  # "it": the company named last
        for back in range(where - 1, -1, -1):
            last = [(sentences[back].rfind(n), n) for n in companies if _mentions([sentences[back]], n)]
            if last:
                return max(last)[1]
    return None


def _same_money(a: ParsedMoney, b: ParsedMoney, when: str | None) -> bool:
    """Whether two amounts in different currencies are the same money at the rates of the news's month."""
    if a.currency == b.currency or not a.currency or not b.currency:
        return False
    ua, ub = to_usd(a.value, a.currency, when), to_usd(b.value, b.currency, when)
    if ua is None or ub is None:
        return False
    return max(ua[0], ub[0]) <= min(ua[1], ub[1]) * Decimal("1.15")


def _kind(slot: _Slot) -> str:
    return round_type_for(slot.label) if slot.label else "unknown"


def _join_backers(into: _Slot, slot: _Slot) -> None:
    """The backers a restatement names join the round it restates, once each."""
    into.investors.extend(i for i in slot.investors if i.name not in {j.name for j in into.investors})


def _join_restatement(into: _Slot, slot: _Slot) -> None:
    """A restatement in another currency: its dollar figure, if the round has none, and its backers."""
    v = slot.value
    if v is not None and v.currency == "USD" and into.usd is None:
        into.usd, into.usd_value = slot.amount, v.value
    _join_backers(into, slot)


def _without_restatements(slots: list[_Slot], sentences: list[str], published: str | None) -> list[_Slot]:
    """A company's news round said again later is not another round: the same money in another currency
    ("SEK 85 million" ... "about EUR 7.6 million"), a later amount with no investors, no words of its
    own kind (debt, grant) and the round type of one before it (a running total, a rounded figure), or the
    news's Series B told as it was being raised (same series, amount within 5%)."""
    when = published[:7] if published else None
    kept: list[_Slot] = []
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
                    and _same_money(k.value, v, when)
                    # a round whose dollar figure the article gives is not some other dollar figure
                    and not (
                        v.currency == "USD" and k.usd_value is not None and not _close(k.usd_value, v.value)
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
                and _same_money(k.value, v, when)
                and not (v.currency == "USD" and k.usd_value is not None and not _close(k.usd_value, v.value))
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
            and _type_hint(sentences[slot.sentence], slot.amount) is None
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


_POST = (
    r"(?:co-?)?founder|chair(?:man|woman|person)?|ceo|cto|coo|cfo|president|director|partner|head|"
    r"chief [a-z ]{0,20}officer|founder and ceo|co-?founder and ceo|executive|owner|vice[- ]president|"
    # an investing arm of a parent: "an early-stage investment platform of China's Oriza Holdings"
    r"platform|unit|subsidiary|arm|division|affiliate|vehicle"
)


def _affiliation(name: str, backers: list[str], text: str, companies: Collection[str] = ()) -> bool:
    """Whether the name only stands beside an investor: its owner ("Li Ka-shing's Horizons Ventures"), or
    where an investing person works ("(cofounder of X)", "chairman of X", "Sanjay Kapoor of X")."""
    n = re.escape(name)
    if any(re.search(rf"{n}['’]s\s+{re.escape(other)}", text) for other in backers):
        return True
    for m in re.finditer(
        rf"\b(?:{_POST})\s+(?:of|at)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?(?:[a-zA-Z-]+\s+){{0,4}}?{n}"
        r"(?!\s+(?:Fund|Ventures|Capital))",
        text,
        re.I,
    ):
        # "Voyager, the digital unit of PLDT": the parent of the company raising may invest in it.
        clause = re.split(r"[.;\n]", text[max(0, m.start() - 80) : m.start()])[-1]
        if not any(c in clause for c in companies):
            return True
    if re.search(
        rf"\b(?:launched|set up|founded|established|created|owned|run|managed|operated)\s+(?:jointly\s+)?by\s+"
        rf"(?:the\s+)?(?:[\w-]+['’]s\s+)?{n}\b",
        text,
    ):
        return True  # who set up an investing fund ("a fund launched by China's Ministry of Finance")
    for m in re.finditer(
        rf"\b(?:joint venture|subsidiary|unit|arm|affiliate|division)\s+(?:of|between)\s+[^.;(),]{{0,60}}?"
        rf"(?<![\w-]){n}\b",
        text,
    ):
        # the owners of an investor ("InnoVen, a joint venture of Temasek and UOB"), not of the company
        owned = re.split(r"[.;\n]", text[max(0, m.start() - 120) : m.start()])[-1].rsplit(",", 1)[0][-40:]
        if not any(c in owned for c in companies):
            return True
    return any(
        other != name and re.search(rf"{re.escape(other)}\s+(?:of|from)\s+{n}\b", text) for other in backers
    )


def _subject(sentence: str, names: list[str]) -> str | None:
    """The candidate name the sentence gives first, if any; a place ("AMSTERDAM —") is no subject."""
    hits = {n: cues.name_pattern(n).search(sentence) for n in names if not is_place(n)}
    at = {n: m.start() for n, m in hits.items() if m}
    return min(at, key=lambda n: (at[n], -len(n))) if at else None


def _names_of(company: str | None, canonical: dict[str, str]) -> set[str | None]:
    """The company and every name the model gave that maps to it."""
    return {company} | {raw for raw, canon in canonical.items() if canon == company}


def _names_company(sentence: str, company: str | None, canonical: dict[str, str]) -> bool:
    """Whether the sentence names the company, under any of the names that map to it."""
    return any(n and n in sentence for n in _names_of(company, canonical))


def _repeated_amounts(slots: list[_Slot], sentences: list[str], companies: list[str]) -> list[_Slot]:
    """A digest may give two companies the same sum ("Roomly raised $10 million ... Vitamo Foods raised
    $10 million"): a later sentence where another company raises the same words is a round too."""
    extra: list[_Slot] = []
    for slot in slots:
        if slot.amount is None:
            continue
        first = {c for c in companies if c in sentences[slot.sentence]}
        for i in range(slot.sentence + 1, len(sentences)):
            s = sentences[i]
            at = s.find(slot.amount)
            named = {c for c in companies if 0 <= s.find(c) < at}  # the raiser, named before its money
            if at >= 0 and named and not named & first and cues.MONEY_VERB.search(s[max(0, at - 60) : at]):
                extra.append(_Slot(slot.amount, slot.value, slot.primary, i))
    return sorted(slots + extra, key=lambda s: s.sentence) if extra else slots


def assemble(roles: Roles, cands: Candidates, article: str) -> Draft:
    sentences = cands.sentences
    twins = usd_twins(cands.focus)
    twin_of = {usd: amount for amount, usd in twins.items()}
    repeated = echoes(cands.focus)
    amount_roles = {text: role for text, role in roles.amounts.items() if text not in repeated}
    for echo, stated in repeated.items():
        # The conversion is the same money: a round the model saw in it is the stated amount's round.
        if roles.amounts.get(echo) in ("raised", "earlier") and amount_roles.get(stated) not in (
            "raised",
            "earlier",
        ):
            amount_roles[stated] = roles.amounts[echo]
    for amount, usd in twins.items():
        # A bracketed dollar figure is the same money: the pair takes the role either half was given.
        pair = {amount_roles.get(amount), amount_roles.get(usd)}
        role = "raised" if "raised" in pair else "earlier" if "earlier" in pair else amount_roles.get(amount)
        if role is not None:
            amount_roles[amount] = role
        amount_roles[usd] = "usd"
    order = sorted(amount_roles.items(), key=lambda kv: _first_sentence(sentences, kv[0]))
    slots: list[_Slot] = []
    valuations: list[tuple[str, int]] = []
    for text, role in order:
        where = _first_sentence(sentences, text)
        if role in ("raised", "earlier"):
            news = role == "raised" and not cands.earlier(text)
            slots.append(_Slot(text, _parse(text, article), news, where))
        elif role == "usd" and text in twin_of:
            continue  # attached to its twin below, which may come after it ("US$2 million or Rp29 billion")
        elif role == "usd":
            # The dollar figure belongs to the closest raised amount at or before it.
            before = [s for s in slots if s.sentence <= where and s.usd is None]
            parsed = _parse(text, article)
            if before and parsed is not None and parsed.currency == "USD":
                before[-1].usd, before[-1].usd_value = text, parsed.value
        elif role == "valuation":
            valuations.append((text, where))
    for usd, amount in twin_of.items():
        owner = next((s for s in slots if s.amount == amount), None)
        parsed = _parse(usd, article)
        if owner is not None and parsed is not None:
            owner.usd, owner.usd_value = usd, parsed.value

    # "Ventures", "Capital Partners": common nouns alone are a fragment of a name, no one's company
    companies = [n for n, r in roles.names.items() if r == "company" and not names_no_one(n)]
    backers = [(n, r) for n, r in roles.names.items() if r in ("lead", "investor")]
    if not companies:
        return Draft(is_funding_news=False, rounds=[])
    slots = _repeated_amounts(slots, sentences, companies)
    # The main company: the one the article is about (raises, and is named most).
    main_raw = max(
        companies,
        key=lambda n: (
            cands.contexts[n].raiser > 0 if n in cands.contexts else False,
            cands.mentions.get(n, 0),
        ),
    )
    canonical = {n: _canonical(n, list(roles.names), article) for n in companies}
    # Organisations the model left out of every round; not people ("Fang said") nor places.
    others = [
        n
        for n, r in roles.names.items()
        if r == "other"
        and not (cands.contexts.get(n) and cands.contexts[n].person)
        and not is_place(n)
        and not any(n in c or c in n for c in companies)
    ]
    for slot in slots:
        found = _company_for(slot.sentence, slot.amount, companies, cands, others)
        if found is None and slot.value is not None:
            # The same money said again where its company is named ("US$ 10 mi" in a summary line, then
            # "A LuzIA ... recebeu US$ 10 milhões"): the round sits there.
            for i in range(slot.sentence + 1, len(sentences)):
                again = next((m for m in find_money(sentences[i]) if _same_value(m, slot.value)), None)
                if again is None:
                    continue
                named = _company_for(i, again.text, companies, cands, others)
                if named:
                    slot.amount, slot.sentence, found = again.text, i, named
                    break
        slot.company = canonical.get(found, found) if found else None

    # A headline often repeats the news round in dollars: merge amounts equal to the same company's.
    kept: list[_Slot] = []
    for slot in slots:
        v = slot.value
        twin = next(
            (
                k
                for k in kept
                if v is not None
                and k.value is not None
                and k.company == slot.company
                and (
                    _same_value(k.value, v)
                    # a bare "$10.5M" in a headline is the body's "$10.5-million CAD"
                    or (k.value.value == v.value and "USD" in (k.value.currency, v.currency))
                    or (v.currency == "USD" and k.usd_value is not None and _close(k.usd_value, v.value))
                )
            ),
            None,
        )
        if twin is None:
            kept.append(slot)
            continue
        if slot.primary and not twin.primary:
            twin.primary = True
        if v is not None and twin.value is not None and twin.value.currency == "USD" != v.currency:
            # Keep the amount in the currency the article states ("CAD") over a bare "$".
            twin.amount, twin.value, twin.sentence = slot.amount, v, slot.sentence
    slots = kept
    for slot in slots:
        for other in slots:
            if (
                other is not slot
                and other.company == slot.company
                and slot.value is not None
                and slot.value.currency == "USD"
                and (other.usd_value is not None and _close(other.usd_value, slot.value.value))
            ):
                slot.amount = None  # marked for removal below
    # A total the article splits into parts ("a $30m Series B: $23.75m of equity and $6m of debt") is no
    # round beside them: drop money equal to the sum of two or more later amounts of the same company.
    for slot in slots:
        v = slot.value
        parts = [
            o.value.value
            for o in slots
            if o is not slot and o.sentence >= slot.sentence and o.company == slot.company
            and o.value is not None and v is not None and o.value.currency == v.currency and o.value.value < v.value
        ]  # fmt: skip
        if (
            v is not None
            and len(parts) >= 2
            and abs(sum(parts, Decimal(0)) - v.value) <= v.value * Decimal("0.03")
        ):
            slot.amount = None
    had_money = bool(slots)
    slots = [s for s in slots if s.amount is not None and s.company]
    main = canonical[main_raw]
    if not had_money and backers and cands.story == "funding":
        # A round with investors but no amount: the news of an undisclosed raise.
        slots.append(_Slot(None, None, True, _first_sentence(sentences, backers[0][0]), company=main))
    # A company the model says raised, named in a funding sentence beside its backers with no money
    # there: a round whose amount the article does not give ("Kitopi picks up a seed round from X and Y").
    owned = {s.company for s in slots}
    for raw in companies:
        if canonical[raw] in owned:
            continue
        for i, sentence in enumerate(sentences):
            here = cues.name_pattern(raw).search(sentence)
            first_backer = min(
                (m.start() for b, _ in backers if (m := cues.name_pattern(b).search(sentence))), default=None
            )
            if (
                here
                and first_backer is not None
                and here.start() < first_backer  # the raiser comes first: "Kitopi picks up ... from X"
                and not find_money(sentence)
                and cues.funding_sentence(sentence)
                # a sentence naming a company that has a round is about that round
                and not any(
                    c != raw and canonical[c] in owned and cues.name_pattern(c).search(sentence)
                    for c in companies
                )
            ):
                news = cands.story == "funding" and not cues.says_earlier(sentence, cands.newest_year)
                slots.append(_Slot(None, None, news, i, company=canonical[raw]))
                owned.add(canonical[raw])
                break
    slots.sort(key=lambda s: s.sentence)
    if not slots:
        return Draft(is_funding_news=False, rounds=[])

    # Sentences that open a round's passage: an amount (value None), or only a round label (the label).
    anchors: dict[int, str | None] = {}
    valuing: set[int] = set()  # sentences whose only money is the news's valuation
    said = {s.amount for s in slots}
    for i, sent in enumerate(sentences):
        label = _labels(sent)
        # Money that its words say is something else ("a 100 billion yuan fund", revenue) opens no passage.
        # Nor does a round's amount said again, or its conversion in brackets ("300 millions de dollars
        # (environ 257 millions d'euros)"): the sentence goes on about that round.
        spans = find_money(sent)
        money = [
            m.text
            for k, m in enumerate(spans)
            if not cands.is_share(m.text)
            and not cands.not_a_round(m.text)
            and m.text not in said
            and not (k > 0 and _CONVERSION.fullmatch(sent[spans[k - 1].end : m.start]))
        ]
        if money and not any(s.sentence == i for s in slots):
            anchors[i] = None
            if all(
                amount_roles.get(twin_of.get(m, m)) == "valuation" and not cands.earlier(twin_of.get(m, m))
                for m in money
            ):
                valuing.add(i)
        elif label and not any(s.sentence == i for s in slots):
            anchors[i] = label[0][1]
    # Backers named after the valuation ("valued at $240m by this round. It was led by X") are the round's.
    backer_anchors = {i: label for i, label in anchors.items() if i not in valuing}
    # A round's passage ends where another round or amount opens.
    opens = sorted(set(anchors) | {s.sentence for s in slots})
    for slot in slots:
        slot.label = _label(slot, sentences, opens, companies, slots, cands.newest_year)
    for text, where in valuations:
        owner = _owner(slots, anchors, where, sentences)
        if owner is not None and owner.valuation is None:
            owner.valuation = text
    backer_names = [n for n, _ in backers]
    all_companies = set(companies) | set(canonical.values())
    abbreviations = _abbreviations(cands.focus)
    for name, name_role in backers:
        if any(name == c or name in c or c in name for c in all_companies):
            continue
        if names_no_one(name):
            continue  # "Venture Capital", "Investment Holdings LP": a phrase or a fragment
        if name in abbreviations or any(
            name != other and (name in other or short_form(name, other)) for other in backer_names
        ):
            # "HMC" after "Harvard Management Company (HMC)", "Lerer" beside "Lerer Ventures", "Larch EMF"
            # beside "Larch Emerging Markets Fund"
            continue
        if _affiliation(name, backer_names, cands.focus, all_companies):
            continue  # the owner of an investor, or where an investing person works, is not in the round
        where = _first_sentence(sentences, name)
        target = _owner(slots, backer_anchors, where, sentences, name)
        if target is None and where < len(sentences) and _THIS_ROUND.search(sentences[where]):
            # "X is leading this round", after a sentence on all the company has raised
            target = next((s for s in reversed(slots) if s.primary and s.sentence <= where), None)
        if target is None or target.company and (name in target.company or target.company in name):
            continue  # in the passage of a round that was not extracted
        if 0 < where < target.sentence and (
            where < target.sentence - 1 or not _names_company(sentences[where], target.company, canonical)
        ):
            # before the round, about someone else ("Y counts A and B among its investors"), or about the
            # company's past: news gives the money first and its backers in the same or the next sentences
            continue
        past = where < len(sentences) and cues.says_earlier(sentences[where], cands.newest_year)
        if past and target.primary and target.amount is None:
            continue  # a backer of an earlier round, in the passage of an undisclosed news round
        if (
            past
            and target.primary
            and where > target.sentence
            and not find_money(sentences[where])
            and not cues.JOINS_ROUND.search(sentences[where])
        ):
            continue  # "it had raised a first round from X in 2017": X backed the past, not this round
        led = name_role == "lead" or (
            where < len(sentences) and name in leads_in(sentences[where], backer_names)
        )
        target.investors.append(DraftInvestor(name=name, lead=led))

    slots = _without_restatements(slots, sentences, cands.published)
    told = _announcement_day([s.text for s in split_sentences(article)], cands.published)
    # a digest reports several companies' news rounds
    digest = len({s.company for s in slots if s.primary}) >= 2
    period = _period(sentences, cands.published) if digest else None
    rounds = []
    for slot in slots:
        assert slot.company is not None
        hint = None if slot.label else _type_hint(sentences[slot.sentence], slot.amount)
        subject = _subject(sentences[slot.sentence], cands.names) if hint == "private_equity" else None
        if subject is not None and subject not in _names_of(slot.company, canonical):
            # a fund closed by someone else the sentence is about ("A91 invests from its second fund, which
            # closed on $550m"): the fund manager's, and no round of this company
            continue
        if (hint or round_type_for(slot.label)) in _GIVEN and not any(
            cands.contexts[n].raiser > 0
            for n in companies
            if canonical[n] == slot.company and n in cands.contexts
        ):
            # a loan or grant is told from the giver's side ("the Foundation handed out R18 million", "awards
            # made by the Fund"): a company no sentence shows raising or receiving money is likely its giver
            continue
        rounds.append(
            DraftRound(
                company=slot.company,
                round_label=slot.label,
                round_type=hint,
                amount=slot.amount,
                amount_usd=slot.usd,
                date=_news_date(slot, _date(slot, sentences), cands.published, told, period),
                investors=slot.investors,
                valuation=slot.valuation,
                primary=slot.primary,
            )
        )
    return Draft(is_funding_news=any(r.primary for r in rounds), rounds=rounds)
