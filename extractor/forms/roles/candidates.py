"""Candidate spans for a small model: the values it may choose from, and the passages that hold them.

A 270M base model copies few-shot values and invents names. Its form's keys are spans found in this
article (money from the money parser, proper-noun phrases), so it only decides which span plays which
role; the words around each span (extractor.forms.roles.cues) weigh its choice.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, get_args

from extractor.forms.roles import cues
from extractor.forms.roles.cjk_names import cjk_names_in
from extractor.forms.roles.name_kinds import FUND_END, INVESTOR_MARK, MEDIA, is_place, short_form
from extractor.forms.roles.names import dedupe, names_in, title_case
from extractor.forms.roles.people import looks_personal
from extractor.forms.roles.text import Sentence, language, sentences
from extractor.parsing.money import ParsedMoney, find_money
from schemas.draft import AmountRole, NameRole

MAX_NAMES = 40
MAX_AMOUNTS = 16
FOCUS_CHARS = 4000


def _distinct_money(focus: list[Sentence]) -> list[str]:
    """Each sum of money once, in text order. A headline's "$6M" rounds the body's "$6.1M", and its
    bare "$10.5M" is the body's "$10.5-million CAD": headline amounts within 5% of a body amount in the
    same currency, or with the same figure in any currency, are left out."""
    body = [m for s in focus[1:] for m in find_money(s.text)]
    head = [
        m
        for m in (find_money(focus[0].text) if focus else [])
        if not any(
            (b.currency == m.currency and abs(b.value - m.value) <= m.value / 20) or b.value == m.value
            for b in body
        )
    ]
    texts: list[str] = []
    seen: set[tuple[object, object]] = set()
    for m in head + body:
        if (m.value, m.currency) not in seen:
            seen.add((m.value, m.currency))
            texts.append(m.text)
    return dedupe(texts)


def _is_sentence(first: str) -> bool:
    """A page with no headline starts with a sentence of the body ("Tesco, the UK's largest retailer, ...
    led a $250m round for Lazada."), which is read as the body is."""
    return first.rstrip().endswith((".", "。")) and len(first) > 120


def _roles(
    keys: list[str], roles: dict[str, list[str]], prior: dict[str, dict[str, float]]
) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {k: {"enum": roles[k]} for k in keys},
        "required": keys,
        "additionalProperties": False,
        "x-prior": {k: prior[k] for k in keys if prior.get(k)},
    }


def _shares_are_not_rounds(amounts: dict[str, cues.AmountContext], parsed: list[ParsedMoney]) -> None:
    """An investor's share ("put in $300 million") is part of a larger round the article names in the
    same currency, not a round of its own; alone, it is the round ("Sequoia invested $5 million")."""
    value = {m.text: m for m in parsed}
    rounds = [
        value[t] for t, c in amounts.items() if c.raised and not c.share and not c.valuation and t in value
    ]
    for text, c in amounts.items():
        m = value.get(text)
        if c.share and m and any(r.currency == m.currency and r.value > m.value for r in rounds):
            c.raised = c.raised_close = False
            c.not_raised = True


# Evidence weights, in nats added to the model's log-probabilities (the cues package says why).
CUE = 3.0
WEAK = 1.5


@dataclass
class Candidates:
    article: str
    chosen: list[Sentence]
    names: list[str] = field(default_factory=list)
    money: list[str] = field(default_factory=list)
    # Relevant sentences left out because the focus budget was full (reported in the record's warnings).
    dropped: int = 0
    # How often the whole article names each candidate.
    mentions: dict[str, int] = field(default_factory=dict)
    contexts: dict[str, cues.NameContext] = field(default_factory=dict)
    amounts: dict[str, cues.AmountContext] = field(default_factory=dict)
    story: str = "funding"
    lang: str = "en"
    # The article's publication date (ISO, possibly partial): the rates its money is compared at.
    published: str | None = None
    # The year of the news: the published year, else the latest year the article names.
    newest_year: int | None = None

    @property
    def sentences(self) -> list[str]:
        return [s.text for s in self.chosen]

    @property
    def focus(self) -> str:
        return "\n".join(self.sentences)

    @classmethod
    def find(
        cls,
        article: str,
        budget: int = FOCUS_CHARS,
        skip: Sequence[tuple[int, int]] = (),
        published: str | None = None,
    ) -> Candidates:
        """Pick the sentences that talk about money and rounds (in order, within budget), then their spans.
        Sentences overlapping a `skip` span ([start, end) offsets) are left out."""
        lang = language(article)
        every = [
            s
            for s in sentences(article)
            if not any(a < s.start + len(s.text) and s.start < b for a, b in skip)
        ]
        article_money = find_money(article)
        money_texts = {m.text for m in article_money}
        chosen: list[Sentence] = []
        size = 0
        dropped = 0
        for i, s in enumerate(every):
            if s.boilerplate and i > 0:
                continue
            relevant = (
                i == 0
                or any(t in s.text for t in money_texts)
                or bool(cues.RAISE_VERB.search(s.text) or cues.FUNDING_NOUN.search(s.text))
                or lang == "zh"
                and cues.cjk_funding(s.text)
            )
            if relevant and size + len(s.text) <= budget:
                chosen.append(s)
                size += len(s.text) + 1
            elif relevant:
                dropped += 1
        texts = [s.text for s in chosen]
        focus = "\n".join(texts)
        # A Title Case headline capitalises every word; its names recur in the body anyway.
        body = "\n".join(texts[1:]) if texts and title_case(texts[0]) else focus
        names = (cjk_names_in(focus) if lang == "zh" else names_in(body, lang, texts[0] if texts else ""))[
            :MAX_NAMES
        ]
        money = _distinct_money(chosen)[:MAX_AMOUNTS]
        years = [int(y) for y in cues.YEAR.findall(article)]
        newest = int(published[:4]) if published else max(years, default=None)
        amounts: dict[str, cues.AmountContext] = {}
        for text in money:
            for s in chosen:
                at = s.text.find(text)
                if at >= 0:
                    amounts[text] = (
                        cues.cjk_amount_context(s.text, at, at + len(text))
                        if lang == "zh"
                        else cues.amount_context(s.text, at, at + len(text), newest)
                    )
                    if s is not chosen[0] or len(chosen) == 1:
                        break
        _shares_are_not_rounds(amounts, article_money)
        for m in article_money:
            if m.value < 1000 and m.text in amounts:
                # "$8 per share", "($1 = 5.07 reais)": a price or a rate, never a round
                amounts[m.text].raised = amounts[m.text].raised_close = False
        headline = texts[0] if texts else ""
        return cls(
            article=article,
            chosen=chosen,
            names=names,
            mentions={n: len(cues.name_pattern(n).findall(article)) for n in names},
            money=money,
            dropped=dropped,
            contexts=(cues.cjk_name_contexts if lang == "zh" else cues.name_contexts)(
                texts[1:] if len(texts) > 1 and not _is_sentence(headline) else texts, names, headline
            ),
            amounts=amounts,
            story=(
                cues.cjk_story_kind(headline, " ".join(texts[1:3]))
                if lang == "zh"
                else cues.story_kind(
                    headline,
                    " ".join(texts[1:3]),
                    sum(1 for c in amounts.values() if c.raised_close and not c.earlier and not c.plan),
                )
            ),
            lang=lang,
            published=published,
            newest_year=newest,
        )

    def is_share(self, money: str) -> bool:
        """Whether the money is one investor's part of a round the article names ("put in $30 million")."""
        c = self.amounts.get(money)
        return bool(c and c.share and not c.raised)

    def not_a_round(self, money: str) -> bool:
        """Whether the words around the money say it is something else: a fund's size, revenue, a price."""
        c = self.amounts.get(money)
        return bool(c and c.not_raised and not c.raised)

    def earlier(self, money: str) -> bool:
        """Whether the round this money opens came before the news: its sentence dates it earlier or says
        so ("previously"), or the story is about something else (an IPO, an acquisition, results)."""
        c = self.amounts.get(money)
        return self.story != "funding" or bool(c and c.earlier)

    @property
    def prominence(self) -> dict[str, float]:
        """log(1 + mentions) of each name in the article: the company a story is about is named most."""
        return {n: math.log1p(self.mentions.get(n, 1)) for n in self.names}

    @cached_property
    def raisers(self) -> set[str]:
        """Names seen raising money. In a funding story where none is ("Ualá quedó valuada ... tras una
        ronda"), the story is about the organisation its headline names most often."""
        # the short form of a backer ("Kae" for "Kae Capital, which put money in") raises nothing here
        backers = [o for o, c in self.contexts.items() if (c.investor or c.lead) and not c.raiser]
        # "Halvard" for "Halvard Capital", a name that reads like a fund, unless the headline is about it
        # ("Halvard raises its fourth fund")
        funds = [o for o, c in self.contexts.items() if FUND_END.search(o) and not c.raiser]
        seen = {
            n
            for n, c in self.contexts.items()
            if c.raiser
            and not is_place(n)
            # "closed a Series C, the magazine can report": an outlet tells the news (one the headline names is
            # its subject: "a Ferngate informou")
            and (c.outlet < c.raiser or c.headline)
            and c.person < c.raiser
            and not looks_personal(n)  # "Ana Ruiz, CEO of X, said the company raised"
            and not any(o.startswith(n + " ") for o in backers)
            and (c.headline or not any(o.startswith(n + " ") for o in funds))
        }
        if seen or self.story != "funding":
            return seen
        first_line = self.article.strip().split("\n", 1)[0].strip(" .:|-–—")
        named = [
            n
            for n, c in self.contexts.items()
            if c.headline
            and not is_place(n)
            and not MEDIA.fullmatch(n)
            and not (c.person or c.outlet or c.investor or c.lead or c.headline_object)
            and not looks_personal(n)
            # a masthead (a blog's name alone on the first line, never named again) is not the story's subject
            and not (n == first_line and self.mentions.get(n, 0) < 2)
            # "Ferngate turns to NHB": the initials of a backer named in full in the body, or its short name
            and not any(short_form(n, o) or o.startswith(n + " ") for o in backers + funds)
        ]
        return {max(named, key=lambda n: self.mentions.get(n, 0))} if named else set()

    def name_prior(self) -> dict[str, dict[str, float]]:
        """Evidence for each name's role from the words around its mentions. A role needs evidence: a
        company is named raising money, a lead is named leading; a name with no such words around it
        is left to the model only between "investor" (when it reads like a fund) and "other"."""
        prior: dict[str, dict[str, float]] = {}
        raisers = self.raisers
        for n in self.names:
            c = self.contexts.get(n) or cues.NameContext()
            p = {"company": -CUE, "lead": -CUE, "investor": 0.0, "other": 0.0}
            if n in raisers:
                p["company"] = CUE + math.log1p(self.mentions.get(n, 1))
            if c.lead:
                p["lead"] = CUE
                p["investor"] += WEAK
            elif c.investor:
                p["investor"] += CUE
            elif not INVESTOR_MARK.search(n):
                p["investor"] -= WEAK
            if (c.person or c.outlet) and not (c.investor or c.lead or c.raiser):
                p["other"] += CUE
            if not (c.raiser or c.investor or c.lead):
                p["other"] += WEAK
            prior[n] = p
        return prior

    def amount_prior(self) -> dict[str, dict[str, float]]:
        """Money is a round only with funding words around it; then the model tells news from earlier."""
        prior: dict[str, dict[str, float]] = {}
        for m in self.money:
            c = self.amounts.get(m) or cues.AmountContext()
            p = {"raised": 0.0, "earlier": 0.0, "usd": 0.0, "valuation": 0.0, "other": 0.0}
            if c.valuation:
                p["valuation"] += 2 * CUE
            elif c.plan:
                p["other"] += 2 * CUE
            elif c.total or c.not_raised:
                p["other"] += CUE
            if not c.raised:
                p["raised"] -= CUE
                p["earlier"] -= CUE
                p["other"] += WEAK
            else:
                p["raised"] += CUE if c.raised_close else WEAK
            prior[m] = p
        return prior

    def form(self, names: dict[str, str], amounts: dict[str, str]) -> dict[str, dict[str, str]]:
        """A filled form in candidate order: the given roles, "other" for every other candidate."""
        return {
            "names": {n: names.get(n, "other") for n in self.names},
            "amounts": {m: amounts.get(m, "other") for m in self.money},
        }

    def name_choices(self) -> dict[str, list[str]]:
        """The roles the words around each name allow: a company is named raising money, a lead is named
        leading, an investor is named investing or reads like a fund; "other" is always open."""
        out: dict[str, list[str]] = {}
        raisers = self.raisers
        for n in self.names:
            c = self.contexts.get(n) or cues.NameContext()
            allowed = []
            if n in raisers:
                allowed.append("company")
            # a place, a news outlet or a deal-data provider, or an outlet the article cites at least as
            # often as it lists it ("as Bloomberg reported, Tesco led"), invests in nothing
            bystander = (
                is_place(n) or bool(MEDIA.fullmatch(n)) or (c.outlet > 0 and c.outlet >= c.investor + c.lead)
            )
            if c.lead and not bystander:
                allowed.append("lead")
            if (c.investor or c.lead or INVESTOR_MARK.search(n)) and not bystander:
                allowed.append("investor")
            out[n] = [r for r in get_args(NameRole) if r in allowed or r == "other"]
        return out

    def amount_choices(self) -> dict[str, list[str]]:
        """Money is a round ("raised") only with funding words around it, a valuation only with valuation
        words; a US-dollar twin is told by position. Whether a round is the news or an earlier one is not
        asked: the dates and words around it tell (`earlier`), and the small model rates "earlier" far
        below "raised" whatever the text."""
        out: dict[str, list[str]] = {}
        for m in self.money:
            c = self.amounts.get(m) or cues.AmountContext()
            allowed = ["usd"]
            if c.raised and not (c.plan or c.valuation or c.total):
                # Whether money is a round is the model's call; whether it is the news or an earlier
                # round is told by dates and words ("previously", a year before the news).
                allowed.append("raised")
            if c.valuation:
                allowed.append("valuation")
            out[m] = [r for r in get_args(AmountRole) if r in allowed or r == "other"]
        return out

    def roles_schema(self) -> dict[str, Any]:
        """The Roles form for this article: every candidate is a key, its role an enumeration of the roles
        its context allows, with the evidence of its context as a prior."""
        names = self.name_choices()
        return {
            "type": "object",
            "properties": {
                "names": _roles(
                    self.names,
                    names,
                    self.name_prior(),
                ),
                "amounts": _roles(self.money, self.amount_choices(), self.amount_prior()),
            },
            "required": ["names", "amounts"],
            "additionalProperties": False,
        }
