"""Bootstrap intervals over articles: cases whose resamples can be worked out by hand."""

import pytest

from evals.counts import Counts
from evals.uncertainty import article_intervals, paired_intervals


def counts(*triples):
    """Articles' counts from (TP, FP, FN) triples."""
    return [Counts(tp=tp, fp=fp, fn=fn) for tp, fp, fn in triples]


def test_articles_that_all_score_alike_give_a_point():
    # Every article is (3 TP, 1 FP, 2 FN): any resample has P 0.75, R 0.6, F1 6/9.
    iv = article_intervals(counts((3, 1, 2)) * 20)
    assert iv is not None and iv.articles == 20 and iv.level == 0.95
    assert (iv.precision.low, iv.precision.high) == (0.75, 0.75)
    assert (iv.recall.low, iv.recall.high) == (0.6, 0.6)
    assert iv.f1.low == iv.f1.high == pytest.approx(6 / 9)


def test_two_opposite_articles_span_everything_between():
    # One right value, one wrong: a resample holds both, or one of them twice (P 1.0 or 0.0) a quarter of the
    # time each, so the 95% interval runs from 0 to 1 and holds the set's own 0.5.
    iv = article_intervals(counts((1, 0, 0), (0, 1, 0)))
    assert iv is not None
    assert (iv.precision.low, iv.precision.high) == (0.0, 1.0) and iv.precision.contains(0.5)


def test_more_articles_of_the_same_mix_narrow_the_interval_and_the_draws_repeat():
    mix = counts((5, 0, 1), (2, 3, 4), (4, 1, 0), (0, 2, 3))
    small, large = article_intervals(mix * 5), article_intervals(mix * 50)
    assert small is not None and large is not None
    point = 11 / 17  # the set's micro precision, the same at both sizes
    assert small.precision.contains(point) and large.precision.contains(point)
    width = lambda i: i.high - i.low  # noqa: E731
    assert width(large.precision) < width(small.precision) / 2
    assert article_intervals(mix * 5) == small  # a fixed seed: a report shows the same interval every time


def test_paired_change_is_zero_for_the_same_run_and_above_zero_when_every_article_improves():
    before = counts((5, 2, 1), (2, 3, 4), (4, 1, 0), (1, 2, 3)) * 10
    same = paired_intervals(before, before)
    assert same is not None and (same.f1.low, same.f1.high) == (0.0, 0.0)
    # One false positive fewer in every article: precision rises in every resample.
    after = [Counts(tp=c.tp, fp=c.fp - 1, fn=c.fn) for c in before]
    up = paired_intervals(before, after)
    assert up is not None and up.precision.low > 0 and not up.precision.contains(0)
    assert (up.recall.low, up.recall.high) == (0.0, 0.0)


def test_nothing_to_resample_and_mismatched_pairs():
    assert article_intervals([]) is None and paired_intervals([], []) is None
    with pytest.raises(ValueError, match="differ in length: 2 and 1"):
        paired_intervals(counts((1, 0, 0), (1, 0, 0)), counts((1, 0, 0)))
