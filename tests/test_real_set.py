"""evals/real: real funding news, reworded and annotated; the contract holds and the coverage promised in
its README is there."""

from collections import Counter
from pathlib import Path

from evals.contract import check_path
from evals.io import load_set

REAL = Path(__file__).resolve().parents[1] / "evals" / "real"


def test_every_line_keeps_the_annotation_contract():
    assert check_path(REAL) == {}


def test_coverage():
    arts = load_set(REAL)
    langs = Counter(a.id.split("-", 1)[0] for a in arts)
    negatives = [a for a in arts if not a.gold.is_funding_news]
    digests = [
        a for a in arts if len({r.company for r in a.gold.rounds if r.primary and not r.optional}) >= 2
    ]
    background = [a for a in arts if any(not r.primary and not r.optional for r in a.gold.rounds)]
    types = {r.round_type for a in arts for r in a.gold.rounds if not r.optional}
    assert len(arts) >= 60, len(arts)
    assert len(negatives) >= 10 and len(digests) >= 5 and len(background) >= 10
    assert {"es", "pt", "id", "zh"} <= set(langs), langs
    assert {"debt", "grant"} <= types, types


def test_every_article_is_in_exactly_one_split_and_the_test_split_is_as_made():
    import json

    split = json.loads((REAL / "split.json").read_text(encoding="utf-8"))
    ids = [a.id for a in load_set(REAL)]
    assert sorted(ids) == sorted(split["dev"] + split["test"])
    assert not set(split["dev"]) & set(split["test"])
    # Made once, before any tuning; articles added later go to dev only.
    assert len(split["test"]) == 37
