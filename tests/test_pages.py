"""Web pages as input (extractor.pages): detection, decoding, furniture rules, main content, metadata.

No model runs here: these check the text the model would be given. The pages of evals/html are built
around clean articles (scripts/html_set), so the text read from each page can be compared with the
article it was built from, and with the furniture that must not reach the model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import lxml.html
import pytest

from extractor.errors import InputError
from extractor.pages import NoArticle, decode_page, looks_like_html, read_page
from extractor.pages.clean import clean, is_furniture, is_furniture_line
from extractor.pages.metadata import parse, parse_date, read_meta

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "pages"
sys.path.insert(0, str(ROOT / "scripts" / "html_set"))

from articles import ARTICLES  # noqa: E402
from build import clean_text, noise, page_html  # noqa: E402

BY_ID = {a["id"]: a for a in ARTICLES}


# -- detection and decoding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body>x</body></html>",
        "\ufeff\n  <!doctype HTML>\n<html>",
        "<html lang='en'><head>",
        "<!-- saved from url=(0042)https://x.example -->\n<html>",
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
        "<head><meta charset='utf-8'><title>x</title>",
    ],
)
def test_pages_are_told_by_their_first_element(text):
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "Acme raised $5 million. Its site is built with <html> and <body> tags.",
        "<b>Acme</b> raised $5 million in a seed round.",
        "",
        "Kelpwise raises $22 million\n\n<!doctype html> appears only later",
    ],
)
def test_plain_text_stays_text(text):
    assert not looks_like_html(text)


def test_a_page_in_a_declared_charset_is_decoded_and_an_undeclared_one_refused():
    data = (PAGES / "latin1-no-date.html").read_bytes()
    assert "Café Trébol" in decode_page(data)
    with pytest.raises(InputError, match="not valid UTF-8.*declares no other charset"):
        decode_page("<html><body>Caf\u00e9</body></html>".encode("latin-1"))
    with pytest.raises(InputError, match="unknown charset 'klingon'"):
        decode_page(b'<html><meta charset="klingon"><body>\xff</body></html>')


# -- metadata --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-16T08:12:00+01:00", "2024-05-16"),
        ("2024-05-16T23:30:00-07:00", "2024-05-16"),  # the publisher's local date, not UTC's
        ("2024-03-05T13:00:00Z", "2024-03-05"),
        ("2023-11-09 10:30:00", "2023-11-09"),
        ("20240611", "2024-06-11"),
        ("2024-03-28", "2024-03-28"),
        ("2024-03", "2024-03"),
        ("Tue, 05 Mar 2024 13:00:00 GMT", "2024-03-05"),
        ("2024-13-01", None),
        ("2024-02-30T10:00:00Z", None),
        ("last Tuesday", None),
        ("", None),
    ],
)
def test_dates_are_read_from_iso_forms_and_rfc_2822(value, expected):
    assert parse_date(value) == expected


def _meta(head: str, body: str = "", lang: str = "") -> object:
    return read_meta(parse(f"<html{lang}><head>{head}</head><body>{body}</body></html>"))


def test_json_ld_wins_over_meta_tags_which_win_over_time_elements():
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-02T09:00:00+01:00"}</script>'
    meta = '<meta property="article:published_time" content="2024-01-03">'
    time = '<time datetime="2024-01-04">4 January</time>'
    assert (_meta(ld + meta, time).published, _meta(ld + meta, time).published_from) == (
        "2024-01-02",
        "json-ld datePublished",
    )
    assert (_meta(meta, time).published, _meta(meta, time).published_from) == (
        "2024-01-03",
        "meta property=article:published_time",
    )
    assert (_meta("", time).published, _meta("", time).published_from) == ("2024-01-04", "time datetime")
    assert (_meta("", "<p>4 January 2024</p>").published, _meta("").published_from) == (None, None)


def test_json_ld_graphs_lists_and_broken_blocks():
    graph = (
        '<script type="application/ld+json">{ broken </script>'
        '<script type="application/ld+json">[{"@type":"Organization","name":"X"},'
        '{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},'
        '{"@type":["Article","NewsArticle"],"headline":"Acme raises","datePublished":"2024-07-04T09:10:00-03:00",'
        '"inLanguage":"pt-BR"}]}]</script>'
    )
    m = _meta(graph)
    assert (m.published, m.title, m.language) == ("2024-07-04", "Acme raises", "pt-BR")  # the article's date


def test_a_published_time_element_wins_over_an_updated_one_and_meta_names_ignore_case():
    body = '<time class="updated" datetime="2023-10-13">13</time><time class="entry-date published" datetime="2023-10-12T07:45:11-04:00">12</time>'
    assert _meta("", body).published == "2023-10-12"
    assert (
        _meta('<meta name="DC.Date.Issued" content="2024-03-28">').published_from
        == "meta name=dc.date.issued"
    )


def test_title_url_and_language_fall_back_in_order():
    m = _meta(
        '<meta property="og:locale" content="en_GB"><title>Acme | Site</title>', "<h1>Acme raises $5m</h1>"
    )
    assert (m.title, m.language, m.url) == ("Acme raises $5m", "en-GB", None)
    m = _meta(
        '<link rel="Canonical" href="https://x.example/a"><meta property="og:url" content="https://x.example/b">'
    )
    assert m.url == "https://x.example/a"
    assert _meta("<title>Only a title</title>", lang=' lang="de"').title == "Only a title"


# -- furniture rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "furniture"),
    [
        ("related-stories", True),
        ("inline-related", True),
        ("newsletter-signup", True),
        ("c-newsletter box", True),
        ("jobs-board", True),
        ("comments-area", True),
        ("td_block_related_posts", True),
        ("latestNews", True),
        ("embed-teaser", True),
        ("park-ad", True),
        ("caja-suscripcion", True),
        ("read__content", False),
        ("badge", False),
        ("headline", False),
        ("read__content-wrap", False),
        ("site-header", False),
        ("shadow", False),
        ("story-body", False),
        ("article__content article__content--truncated", False),
        ("entry-content", False),
        ("post-template-default single", False),
    ],
)
def test_furniture_is_named_by_whole_words_of_a_class(name, furniture):
    assert is_furniture(name) is furniture


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Also Read: Fintech firm Paisaplus raises $8 million from Ganga Ventures", True),
        ("Lesen Sie auch: Voltkern erhält 15 Millionen Euro", True),
        ("Baca juga: Startup logistik Kirimin raih US$5 juta", True),
        ("READ: Egyptian fintech Nilepay secures $5 million seed", True),
        ("Get news releases delivered to your inbox. Subscribe to BizPulse alerts.", True),
        ("Der Newsletter: jetzt kostenlos abonnieren.", True),
        ("ANZEIGE: Jetzt Girokonto eröffnen und 100 Euro Prämie sichern", True),
        ("Recibe en tu correo las noticias de la semana. ¡Suscríbete gratis!", True),
        ("The company now has 2 million subscribers across Europe.", False),
        ("Northmoor partner Daniel Achterberg will join the company's board.", False),
        ("Readers of the report learned that Acme raised $5 million.", False),
    ],
)
def test_read_also_and_newsletter_lines(line, furniture):
    assert is_furniture_line(line) is furniture


def test_a_container_named_like_furniture_is_kept_when_it_holds_the_article():
    paragraphs = "".join(f"<p>Paragraph {i} of the article, long enough to be prose.</p>" for i in range(5))
    tree = lxml.html.document_fromstring(
        f'<html><body><div class="layout has-sidebar"><div class="body">{paragraphs}</div>'
        '<div class="sidebar"><p>Other story</p></div></div></body></html>'
    )
    clean(tree)
    text = tree.text_content()
    assert "Paragraph 4" in text and "Other story" not in text


def test_a_short_block_that_is_mostly_one_link_goes_whatever_its_label():
    tree = lxml.html.document_fromstring(
        "<html><body><p>Previously here: <a href='/v'>Why Voltaic Labs' $30 million Series A was a bargain</a></p>"
        "<p><strong>TAMBIÉN LEE:</strong> <a href='/k'>Kuali Pagos obtiene 150 millones de pesos</a></p>"
        "<p><a href='/acme'>Acme</a> raised $5 million in a seed round led by Fund Ventures on Tuesday.</p>"
        "</body></html>"
    )
    clean(tree)
    assert tree.text_content() == "Acme raised $5 million in a seed round led by Fund Ventures on Tuesday."


def test_a_run_of_teaser_cards_goes_but_article_paragraphs_stay():
    cards = "".join(
        f"<div class='c'><h3><a href='/{i}'>Deal {i} raises $5m</a></h3><p>Short.</p></div>" for i in range(3)
    )
    prose = "".join(
        f"<p>Sentence {i} of the article, with a <a href='/x'>link</a> in it.</p>" for i in range(4)
    )
    tree = lxml.html.document_fromstring(f"<html><body><div>{prose}</div><div>{cards}</div></body></html>")
    clean(tree)
    text = tree.text_content()
    assert "Sentence 3" in text and "Deal" not in text


# -- the pages of evals/html --------------------------------------------------------------------------


@pytest.mark.parametrize("a", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_each_page_gives_its_clean_article_and_none_of_its_furniture(a):
    page = read_page(page_html(a))
    for piece in noise(a):
        assert " ".join(piece.split()) not in " ".join(page.text.split()), piece
    assert page.text == clean_text(a)
    assert page.source.text == page.text


@pytest.mark.parametrize("a", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_each_page_gives_its_date_url_title_and_language(a):
    s = read_page(page_html(a)).source
    kind = next(iter(a["date_markup"]))
    attr, name, _ = a["date_markup"].get("meta", ("", "", ""))
    expected_from = {
        "json_ld": "json-ld datePublished",
        "json_ld_graph": "json-ld datePublished",
        "time": "time datetime",
        "itemprop": "meta itemprop=datePublished",
        "meta": f"meta {attr}={name}".lower(),
    }[kind]
    assert s.published == a["published"]
    assert s.published_from is not None and s.published_from.lower() == expected_from.lower()
    assert (s.url, s.title, s.language) == (a["url"], a["title"], a["lang"])
    assert s.format == "html" and s.extractor.startswith("trafilatura ")


def test_what_the_caller_gives_wins_over_the_page():
    a = BY_ID["en-kelpwise-series-a"]
    page = read_page(
        page_html(a), published="2024-05-17", url="https://mirror.example/k", title="Kelpwise news"
    )
    s = page.source
    assert (s.published, s.published_from, s.url, s.title) == (
        "2024-05-17",
        "caller",
        "https://mirror.example/k",
        "Kelpwise news",
    )
    assert page.text.startswith("Kelpwise news\n\nThe Bergen start-up")


@pytest.mark.parametrize("name", ["listing.html", "login-wall.html"])
def test_a_page_without_an_article_is_a_clear_error(name):
    with pytest.raises(NoArticle, match="has no article: its main content is \\d+ characters"):
        read_page((PAGES / name).read_text(encoding="utf-8"), source_name=name)


def test_a_page_without_dates_or_language_says_so():
    s = read_page(decode_page((PAGES / "latin1-no-date.html").read_bytes())).source
    assert (s.published, s.published_from, s.language, s.url) == (None, None, None, None)
    assert s.title == "Café Trébol recauda 2 millones de euros"


def test_huge_and_empty_pages_are_refused():
    with pytest.raises(InputError, match="pages over"):
        read_page("<html>" + "x" * 10_000_001)
    with pytest.raises(NoArticle):
        read_page("<html><body></body></html>")


# -- the set files ------------------------------------------------------------------------------------


def test_committed_set_files_are_what_the_builder_writes():
    from build import OUT, files

    for rel, content in files().items():
        assert (OUT / rel).read_text(encoding="utf-8") == content, f"rerun scripts/html_set/build.py: {rel}"
    pages = sorted(p.name for p in OUT.glob("*.html"))
    assert pages == sorted(f"{a['id']}.html" for a in ARTICLES) and len(pages) >= 15


def test_the_page_set_and_the_clean_set_carry_the_same_gold_and_keep_the_contract():
    from evals.contract import check_path

    pages = [
        json.loads(x) for x in (ROOT / "evals/html/pages.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    clean_ = [
        json.loads(x)
        for x in (ROOT / "evals/html/clean/articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [p["id"] for p in pages] == [c["id"] for c in clean_]
    assert all(
        p["gold"] == c["gold"] and p["published"] is None and "text" not in p
        for p, c in zip(pages, clean_, strict=True)
    )
    assert check_path(ROOT / "evals/html") == {}
    assert check_path(ROOT / "evals/html/clean") == {}


def test_the_contract_reads_a_page_line_through_the_page_reader():
    from evals.contract import problems

    a = BY_ID["en-kelpwise-series-a"]
    line = json.loads((ROOT / "evals/html/pages.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert line["id"] == a["id"] and problems(line) == []
    # A round dated after the page's own date is caught through the page's metadata.
    line["gold"]["rounds"][0]["announced"] = "2024-05-20"
    assert any("after published 2024-05-16" in p for p in problems(line))
    # An investor that only the sidebar names is not in the text the pipeline reads.
    line["gold"]["rounds"][0]["investors"].append({"name": "Anchor Angels", "aliases": [], "lead": False})
    assert any("Anchor Angels" in p for p in problems(line))
    nothing = {**line, "html": (PAGES / "listing.html").read_text(encoding="utf-8")}
    assert any("gives no article text" in p for p in problems(nothing))
