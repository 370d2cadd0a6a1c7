"""Every fixture honours the annotation contract, and together they cover what the harness must."""

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from evals.io import load_set
from extractor.money import find_money
from extractor.round_types import round_type_for

FIXTURES = Path(__file__).resolve().parents[1] / "evals" / "fixtures"
ARTICLES = load_set(FIXTURES)
NON_ENGLISH = {"de-helio-multi", "br-aurea-multi", "mx-es-multi", "id-id-multi"}


def _names(rnd):
    yield rnd.company
    yield from rnd.company_aliases
    for inv in rnd.investors:
        yield inv.name
        yield from inv.aliases


@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_fixture_follows_the_contract(article):
    gold = article.gold
    assert gold is not None
    spans = find_money(article.text)
    for rnd in gold.rounds:
        for name in _names(rnd):
            assert name in article.text, f"{name!r} is not in the text"
        for money in (rnd.amount, rnd.amount_usd, rnd.valuation):
            if money is not None:
                assert any(
                    s.currency == money.currency and abs(s.value - money.value) <= money.value * Decimal("0.01")
                    for s in spans
                ), f"{money.value} {money.currency} is not written in the text"
        if rnd.amount_usd is not None and rnd.amount is not None and rnd.amount.currency == "USD":
            assert rnd.amount_usd == rnd.amount
        if rnd.round_label:
            assert rnd.round_label in article.text
            implied = round_type_for(rnd.round_label)
            assert implied in (rnd.round_type, "unknown"), (rnd.round_label, rnd.round_type)
        if rnd.announced and article.published:
            assert rnd.announced[: len(article.published)] <= article.published
        leads = [i for i in rnd.investors if i.lead]
        assert all(lead in rnd.investors for lead in leads)
        assert len({i.name.casefold() for i in rnd.investors}) == len(rnd.investors)
        assert rnd.company not in {i.name for i in rnd.investors}
    real = [r for r in gold.rounds if not r.optional]
    assert gold.is_funding_news == bool(real)


def test_coverage_of_the_set():
    assert len(ARTICLES) >= 40
    rounds = [r for a in ARTICLES for r in a.gold.rounds if not r.optional]
    currencies = {m.currency for r in rounds for m in (r.amount, r.valuation) if m is not None}
    assert len(currencies) >= 10, currencies
    assert len({r.round_type for r in rounds}) >= 8
    assert sum(not a.gold.is_funding_news for a in ARTICLES) >= 6
    assert sum(len([r for r in a.gold.rounds if not r.optional]) >= 2 for a in ARTICLES) >= 10
    assert NON_ENGLISH <= {a.id for a in ARTICLES} and len(NON_ENGLISH) >= 2
    assert sum(r.amount is None for r in rounds) >= 1
    assert sum(r.optional for a in ARTICLES for r in a.gold.rounds) >= 1
    assert sum(r.valuation is not None for r in rounds) >= 2
    relative = Counter(a.published is not None for a in ARTICLES)
    assert relative[True] >= 20 and relative[False] >= 5
