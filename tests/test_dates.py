"""Date phrases resolve to partial ISO dates at the precision the text supports."""

import pytest

from extractor.parsing.dates import article_year, find_dates, resolve


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


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        # Chinese, Japanese and Korean dates, with and without their year.
        ("2017年4月", None, "2017-04"),
        ("2019年9月11日", None, "2019-09-11"),
        ("2019년 9월 11일", None, "2019-09-11"),
        ("2016年年初", None, "2016"),
        ("9月11日", "2019-09-11", "2019-09-11"),
        ("今日(8月8日)", "2016-08-08", "2016-08-08"),
        ("12月20日", "2019-09-11", "2018-12-20"),
        ("9月11日", None, None),
        # A day in a month, its year left out: the latest such day not after publication.
        ("announced September 20", "2017-09-25", "2017-09-20"),
        ("on December 3", "2024-01-10", "2023-12-03"),
        ("el martes 2 de septiembre", "2025-09-05", "2025-09-02"),
        ("on 14 March", "2024-05-16", "2024-03-14"),
        ("September 20", None, None),
        # A range of days fixes only the month.
        ("April 23-29", "2023-05-01", "2023-04"),
        # Indonesian: "pada" (on/in), weekdays, "kemarin" (yesterday).
        ("pada Agustus lalu", "2020-11-24", "2020-08"),
        ("pada Selasa", "2023-05-25", "2023-05-23"),
        ("kemarin", "2023-05-25", "2023-05-24"),
        # "last November" is the latest November before publication.
        ("Last November it raised a seed", "2012-07-18", "2011-11"),
        ("raised last March", "2012-07-18", "2012-03"),
    ],
)
def test_resolve_months_without_years_and_cjk_dates(phrase, published, expected):
    assert resolve(phrase, published) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # A month dated by a relative year is that month of the year before (or of this year), not the
        # latest such month before publication ("June" alone, published in September, is this June).
        ("in June last year", "2020-06"),
        ("in June of last year", "2020-06"),
        ("last year in March", "2020-03"),
        ("Em junho do ano passado, a empresa já tinha recebido", "2020-06"),
        ("en junio del año pasado", "2020-06"),
        ("pada Juni tahun lalu", "2020-06"),
        ("en juin de l'année dernière", "2020-06"),
        ("im Juni letzten Jahres", "2020-06"),
        ("去年6月", "2020-06"),
        ("今年3月", "2021-03"),
        ("in June", "2021-06"),
        # The relative year alone, beyond English.
        ("no ano passado", "2020"),
        ("el año pasado", "2020"),
        ("tahun lalu", "2020"),
        ("cette année", "2021"),
        ("im letzten Jahr", "2020"),
        ("el año anterior", "2020"),
        ("next year", None),
    ],
)
def test_a_month_of_last_year_and_relative_years_in_other_languages(phrase, expected):
    assert resolve(phrase, "2021-09-13") == expected


@pytest.mark.parametrize(
    ("phrase", "year", "expected"),
    [
        ("In May", "2024", "2024-05"),
        ("announced September 20", "2017", "2017-09-20"),
        ("April 23-29", "2023", "2023-04"),
        ("In May", None, None),
        # Relative phrases still need the published date: the article's year is not "now".
        ("last year", "2024", None),
        ("on Tuesday", "2024", None),
    ],
)
def test_a_month_without_its_year_takes_the_year_the_article_names(phrase, year, expected):
    assert resolve(phrase, None, year) == expected


def test_a_published_date_outranks_the_article_year():
    assert resolve("In May", "2025-03-01", "2020") == "2024-05"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The firm raised funds in 2024. In May it raised Rs 76 crore.", "2024"),
        ("Week 17 2023: April 23-29. 42 Corp raised $10M.", "2023"),
        ("2017年4月,转转曾拿到腾讯2亿美元的A轮融资。", "2017"),
        # Two different years: which one "In May" belongs to is not written.
        ("It raised $8.3 billion in 2019, after 2018. In May it raised $40 million.", None),
        # A founding year dates the company, not the news.
        ("Founded in 2015, it raised $5 million in June.", None),
        ("喜马拉雅成立于2012年。6月10日,腾讯音乐发布公告。", None),
        ("Founded in 2015, it raised $5 million in June 2021. In May it hired.", "2021"),
        ("No year at all. In May it raised $5 million.", None),
    ],
)
def test_article_year_is_the_one_year_the_text_names(text, expected):
    assert article_year(text) == expected


def test_find_dates_reads_cjk_and_yearless_dates_with_offsets():
    text = "9月11日,58同城宣布。2017年4月,转转曾拿到A轮融资。Gogoro announced September 20 and April 23-29."
    found = find_dates(text)
    assert [d.text for d in found] == ["9月11日", "2017年4月", "September 20", "April 23-29"]
    assert all(text[d.start : d.end] == d.text for d in found)


def test_portuguese_short_weekdays_spanish_este_and_today_in_chinese_and_indonesian():
    def read(text: str, published: str) -> list[tuple[str, str | None]]:
        return [(d.text, resolve(d.text, published)) for d in find_dates(text)]

    assert read("informou nesta segunda ter recebido", "2023-10-18") == [("nesta segunda", "2023-10-16")]
    assert read("Nesta terça (9), a companhia anuncia", "2021-11-09") == [("Nesta terça", "2021-11-09")]
    assert read("la segunda ronda de la quinta empresa", "2021-11-09") == []  # ordinals, not weekdays
    assert read("este jueves anunció", "2021-02-26") == [("este jueves", "2021-02-25")]
    assert read("今天,青禾汽车在香港宣布", "2018-01-29") == [("今天", "2018-01-29")]
    assert read("昨日宣布完成融资", "2018-01-29") == [("昨日", "2018-01-28")]
    assert read("hari ini mengumumkan", "2022-05-05") == [("hari ini", "2022-05-05")]


def test_a_founding_year_is_not_the_year_of_a_raise_after_it():
    assert article_year("La empresa fue fundada en 2019 y en 2020 recaudó 6 millones de dólares.") == "2020"
    assert article_year("Founded in early 2015, it raised $5M in June.") is None
