"""What kind of story an article is, from its headline and lead: funding, digest, IPO, M&A, results, layoffs."""

from __future__ import annotations

import re

from extractor.forms.roles.cues.cjk import CJK_RAISE_VERB
from extractor.forms.roles.cues.phrases import FUNDING_NOUN, RAISE_VERB

_IPO_STORY = re.compile(
    r"\b(?:ipo|initial public offering|listing|(?:market|trading|stock|nasdaq|nyse|exchange|public) debut|"
    r"priced (?:its )?shares|stock exchange|"
    r"oferta pública|salida a bolsa|abertura de capital|penawaran umum|börsengang|introduction en bourse)\b",
    re.I,
)
_MA_STORY = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|acquisitions?|merger|merges|takeover|buys|buying|bought|to buy|"
    r"swallow(?:s|ed)|"
    r"adquir(?:e|iu|ió|ió)|aquisição|adquisición|compra|akuisisi|übernahme|übernimmt|rachète|rachat|"
    # "acabó comprada por Facebook", "adquirida pela X", "rachetée par"
    r"comprad[ao]s? p(?:or|el[ao]|ela)|adquirid[ao]s? p(?:or|el[ao]|ela)|vendid[ao]s? a|rachetée?s? par)\b",
    re.I,
)
_RESULTS_STORY = re.compile(
    r"\b(?:quarter|quarterly|q[1-4]|fiscal|full-year|annual results|results|earnings|net loss|"
    r"net income|profit|revenue rose|revenue fell|trimestre|resultados|lucro|laba|ergebnis)\b",
    re.I,
)


# An investor as the subject of the news: "Sequoia backs Acme", "Sequoia invested $5 million in Acme".
_BACKS = re.compile(
    r"\b(?:backs|backed|invests? in|invested (?:\S+ ){0,4}?in|(?:leads|led) (?:a |an |the )?(?:\S+ ){0,3}?"
    r"(?:round|investment)|investe? em|invirtió (?:\S+ ){0,4}?en|investiert in)\b",
    re.I,
)


# A headline of a roundup or newsletter, which says nothing of its deals ("MENA's Digital News – Week #3").
_DIGEST_HEADLINE = re.compile(
    r"\b(?:round-?ups?|digest|weekly|week in review|this week|week #?\d+|daily|briefing|brief #?\d+|recap|"
    r"newsletter|resumo|resumen|semanal|rangkuman|wochenrückblick)\b",
    re.I,
)
_LAYOFFS = re.compile(
    r"\b(?:layoffs?|lay-offs?|job cuts|redundanc(?:y|ies)|demissões|despidos|phk|"
    # shutdowns and bankruptcies: the money they recall was raised before
    r"shuts? down|shutting down|shutdown|bankrupt(?:cy|cies)?|insolvency|falência|falências|encerra|"
    r"quiebra|cierra operaciones|tutup|likuidasi|liquidation)\b",
    re.I,
)


def story_kind(headline: str, lead: str, raises: int = 0) -> str:
    """What the story is about, read from its headline and first sentences: funding, ipo, acquisition,
    results, or other. Funding wins when a funding verb or noun is there too. A roundup's headline says
    nothing: it is funding news when its body reports `raises` (money raised in so many words) of two
    deals or more."""
    text = f"{headline}\n{lead}"
    if _DIGEST_HEADLINE.search(headline) and not _LAYOFFS.search(headline) and raises >= 2:
        return "funding"
    # "Sequoia Capital" names a firm; it says nothing about funding
    unnamed = re.sub(
        r"\b([A-Z][\w&.'’-]*) (?:Capital|Ventures|Seed|Fund|Investment|Financing)\b", r"\1", headline
    )
    lower = re.findall(r"(?<![\w'’-])[a-zà-ÿ]{4,}", headline)
    if len(lower) >= 2:  # not Title Case: "Capital One compra ..." names a firm too
        unnamed = re.sub(
            r"\b(?:Capital|Ventures|Fund|Investment|Financing)(?= [A-Z][\w&.'’-]*\b)", "", unnamed
        )
    funding = bool(RAISE_VERB.search(headline) or FUNDING_NOUN.search(unnamed) or _BACKS.search(headline))
    if _IPO_STORY.search(headline) and not re.search(r"\bpre-?ipo\b", headline, re.I):
        return "ipo"
    if _MA_STORY.search(headline) and not funding:
        return "acquisition"
    if _LAYOFFS.search(headline) and not funding:
        return "other"  # layoffs: the money it recalls was raised before
    if _RESULTS_STORY.search(headline) and not funding:
        return "results"
    if funding or RAISE_VERB.search(lead) or _BACKS.search(lead):
        return "funding"
    if raises and FUNDING_NOUN.search(lead):
        return "funding"  # "X has unveiled a $250 million Series D funding round": money raised, in a round
    if _IPO_STORY.search(text):
        return "ipo"
    if _MA_STORY.search(text):
        return "acquisition"
    return "other"


def cjk_story_kind(headline: str, lead: str) -> str:
    text = f"{headline}\n{lead}"
    rounds = re.search(r"轮|领投|跟投|获投", headline)
    if re.search(r"上市|招股|IPO|挂牌", headline) and not rounds:
        return "ipo"
    if re.search(r"收购|并购|合并", headline) and not rounds:
        return "acquisition"
    if re.search(r"财报|营收|净利|业绩", headline) and not rounds:
        return "results"
    # "称已拿到东岳汽车的战略投资": a strategic investment received is funding; traditional characters too
    if re.search(
        rf"融资|领投|跟投|募资|注资|获投|融資|領投|募資|注資|獲投|战略投资|(?:{CJK_RAISE_VERB})[^，。；]{{0,12}}投资",
        text,
    ):
        return "funding"
    if re.search(r"上市|招股|IPO", text):
        return "ipo"
    if re.search(r"收购|并购", text):
        return "acquisition"
    return "other"
