"""The project's own annotated fixtures (evals/fixtures/*.jsonl) obey ANNOTATION.md and cover what they claim.

Every line is an invented article with its gold record. These checks keep the gold honest: names are
quoted verbatim from the text, amounts are readable by the money parser, dates do not run ahead of the
publication date, labels imply their round type, and the set as a whole keeps the coverage promised in
evals/fixtures/README.md.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.parsing.round_types import round_type_for
from schemas.gold import Article

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "evals" / "fixtures"
FILES = sorted(FIXTURES.glob("*.jsonl"))

ARTICLE_KEYS = {"id", "url", "published", "title", "text", "gold"}
GOLD_KEYS = {"is_funding_news", "rounds"}
ROUND_KEYS = {
    "company", "company_aliases", "round_type", "round_label", "amount", "amount_usd", "announced",
    "investors", "valuation", "primary", "optional",
}  # fmt: skip
INVESTOR_KEYS = {"name", "aliases", "lead"}

# Ids start with the article's language: "en-ledgerloop-series-a", "pt-safrinha-serie-a".
LANGS = {"en", "pt", "es", "de", "fr", "id", "it", "nl", "ja", "zh", "ko", "vi", "tr", "ar", "hi", "sv"}
ID_RE = re.compile(r"^([a-z]{2})-[a-z0-9][a-z0-9-]*$")

# Words that say who led a round, in the fixtures' languages.
LEAD_WORDS = re.compile(
    r"\bled\b|\bco-led\b|\bleads?\b|liderad[ao]|lideró|mené|menée|angeführt|dipimpin",
    re.IGNORECASE,
)

MIN_ARTICLE_CHARS, MAX_ARTICLE_CHARS = 600, 2500


def _load() -> list[tuple[str, int, dict, Article]]:
    rows = []
    for file in FILES:
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                rows.append((file.name, n, json.loads(line), Article.model_validate_json(line)))
    return rows


ROWS = _load()
CASES = [pytest.param(raw, art, id=f"{name}:{n}:{art.id}") for name, n, raw, art in ROWS]


def _names(rnd: dict) -> list[str]:
    out = [rnd["company"], *rnd["company_aliases"]]
    for inv in rnd["investors"]:
        out += [inv["name"], *inv["aliases"]]
    return out


def test_fixture_files_exist():
    assert FILES, f"no .jsonl files in {FIXTURES}"


def test_ids_unique_across_files():
    counts = Counter(art.id for _, _, _, art in ROWS)
    assert [i for i, c in counts.items() if c > 1] == []


@pytest.mark.parametrize(("raw", "art"), CASES)
def test_line_shape(raw, art):
    assert set(raw) == ARTICLE_KEYS
    assert art.gold is not None, "a fixture must carry gold"
    assert set(raw["gold"]) == GOLD_KEYS
    for rnd in raw["gold"]["rounds"]:
        assert set(rnd) == ROUND_KEYS, f"round keys differ: {set(rnd) ^ ROUND_KEYS}"
        for inv in rnd["investors"]:
            assert set(inv) == INVESTOR_KEYS
    m = ID_RE.match(art.id)
    assert m and m.group(1) in LANGS, f"id {art.id!r} must start with a language code and a dash"
    assert MIN_ARTICLE_CHARS <= len(art.text) <= MAX_ARTICLE_CHARS, len(art.text)
    assert art.title and art.title in art.text


@pytest.mark.parametrize(("raw", "art"), CASES)
def test_names_occur_verbatim(raw, art):
    missing = [name for rnd in raw["gold"]["rounds"] for name in _names(rnd) if name not in art.text]
    assert missing == []


@pytest.mark.parametrize(("raw", "art"), CASES)
def test_announced_not_after_published(raw, art):
    for rnd in art.gold.rounds:
        if rnd.announced and art.published:
            assert rnd.announced <= art.published[: len(rnd.announced)], (rnd.company, rnd.announced)


@pytest.mark.parametrize(("raw", "art"), CASES)
def test_labels_are_quoted_and_agree_with_round_type(raw, art):
    for rnd in art.gold.rounds:
        if rnd.round_label is not None:
            assert rnd.round_label in art.text, f"{rnd.company}: label {rnd.round_label!r} not in the text"
            assert round_type_for(rnd.round_label) in (rnd.round_type, "unknown"), (
                rnd.round_label,
                rnd.round_type,
            )


@pytest.mark.parametrize(("raw", "art"), CASES)
def test_investors_and_leads(raw, art):
    for rnd in art.gold.rounds:
        keys = [k.casefold() for inv in rnd.investors for k in (inv.name, *inv.aliases)]
        assert len(keys) == len(set(keys)), f"{rnd.company}: an investor is listed twice"
        assert rnd.company.casefold() not in keys, f"{rnd.company} is listed as its own investor"
        leads = [inv.name for inv in rnd.investors if inv.lead]
        assert set(leads) <= {inv.name for inv in rnd.investors}
        if leads:
            assert LEAD_WORDS.search(art.text), f"{rnd.company}: leads {leads} but the text never says led"


@pytest.mark.parametrize(("raw", "art"), CASES)
def test_news_flag_agrees_with_rounds(raw, art):
    rounds = art.gold.rounds
    if not art.gold.is_funding_news:
        assert all(r.optional for r in rounds), "no-round article with a non-optional round"
    else:
        assert any(r.primary and not r.optional for r in rounds), "funding news without a primary round"
    for rnd in rounds:
        if rnd.amount is not None and rnd.amount.currency == "USD":
            assert rnd.amount_usd == rnd.amount, f"{rnd.company}: amount_usd must repeat a USD amount"


@pytest.mark.parametrize(("raw", "art"), CASES)
def test_money_is_in_the_text(raw, art):
    try:
        from extractor.parsing.money import find_money
    except ImportError:  # pragma: no cover - the parser is written alongside these fixtures
        pytest.skip("extractor.parsing.money.find_money is not available yet")
    spans = find_money(art.text)
    for rnd in art.gold.rounds:
        for field in ("amount", "amount_usd", "valuation"):
            gold = getattr(rnd, field)
            if gold is None:
                continue
            tolerance = Decimal(gold.value) / 100
            hits = [
                s for s in spans if s.currency == gold.currency and abs(s.value - gold.value) <= tolerance
            ]
            assert hits, (
                f"{rnd.company} {field} {gold.value} {gold.currency} not found; "
                f"parsed: {[(s.text, str(s.value), s.currency) for s in spans]}"
            )


def test_coverage():
    arts = [art for _, _, _, art in ROWS]
    rounds = [r for a in arts for r in a.gold.rounds]
    firm = [r for r in rounds if not r.optional]

    currencies = {r.amount.currency for r in firm if r.amount}
    round_types = {r.round_type for r in firm} - {"unknown"}
    no_round = [a for a in arts if not a.gold.is_funding_news]
    multi = [a for a in arts if sum(not r.optional for r in a.gold.rounds) >= 2]
    non_english = [a for a in arts if not a.id.startswith("en-")]
    bases = {r.valuation.basis for r in firm if r.valuation}

    assert len(arts) >= 44, len(arts)
    assert len(currencies) >= 12, sorted(currencies)
    assert len(round_types) >= 10, sorted(round_types)
    assert len(no_round) >= 7, [a.id for a in no_round]
    assert len(multi) >= 11, [a.id for a in multi]
    assert len(non_english) >= 3, [a.id for a in non_english]
    # The harder cases the README promises.
    assert bases == {"pre", "post", "unspecified"}, bases
    assert any(r.amount is None for r in firm), "no undisclosed amount"
    assert any(r.amount and r.amount.currency != "USD" and r.amount_usd for r in firm), "no stated USD twin"
    assert any(r.optional for r in rounds if r.primary is False), "no optional background round"
    assert sum(1 for r in firm if r.announced and len(r.announced) == 10) >= 10, "too few day-precise dates"
    assert any(a.published is None and any(r.announced for r in a.gold.rounds) for a in arts)
    assert sum(1 for r in firm if len([i for i in r.investors if i.lead]) >= 2) >= 2, "too few co-led rounds"
