"""Date phrases resolve to partial ISO dates at the precision the text supports."""

import pytest

from extractor.parsing.dates import find_dates, resolve


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("on Thursday", "2020-06-19", "2020-06-18"),
        ("on Friday", "2020-06-19", "2020-06-19"),
        ("on Thursday", None, None),
        ("on Thursday", "2020-06", None),
        ("in October 2018", None, "2018-10"),
        ("November 12, 2019", None, "2019-11-12"),
        ("12 November 2019", None, "2019-11-12"),
        ("12 de março de 2021", None, "2021-03-12"),
        ("2019-06-04", None, "2019-06-04"),
        ("in 2021", None, "2021"),
        ("last year", "2020-06-19", "2019"),
        ("last year", None, None),
        ("earlier this year", "2020-06-19", "2020"),
        ("last month", "2023-01-10", "2022-12"),
        ("nesta semana", "2020-07-01", "2020-07"),
        ("yesterday", "2022-09-07", "2022-09-06"),
        ("in March", "2024-05-16", "2024-03"),
        ("in November", "2024-05-16", "2023-11"),
        ("the new round", "2024-05-16", None),
    ],
)
def test_resolve(phrase, published, expected):
    assert resolve(phrase, published) == expected


def test_find_dates_gives_offsets_and_skips_amount_digits():
    text = "Founded in 2015, it raised $2019 million? No: it raised $20 million in March 2022, on Tuesday."
    found = find_dates(text)
    assert [d.text for d in found] == ["2015", "March 2022", "on Tuesday"]
    assert all(text[d.start : d.end] == d.text for d in found)
