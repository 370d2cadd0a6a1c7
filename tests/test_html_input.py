"""Web pages through the whole pipeline: the Python API, batch lines with `html`, the CLI, the cache key,
the eval report. A loopback stub answers as a model would (tests/stub_server.py); the embedded model
runs over every page of evals/html in the model-marked test at the end.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest

from extractor import Extractor, InputError
from extractor.batch import iter_batch
from extractor.cache import cache_key
from extractor.cli import main
from extractor.pages import NoArticle, read_page
from schemas.gold import Article
from schemas.record import Extraction, PageSource
from tests.stub_server import StubServer, synthetic_answer

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "pages"

# A left rail placed BEFORE the article names another deal in the very words the stub reads: if the
# rail reached the prompt, the stub would answer with Acme 2.
PAGE = """<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8"><title>Acme 1 raises $7 million | Stub News</title>
<meta property="og:title" content="Acme 1 raises $7 million for warehouse robots">
<link rel="canonical" href="https://stubnews.example/acme-1">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Acme 1 raises $7 million for warehouse robots","datePublished":"2024-03-07T09:30:00-05:00"}</script>
<script>var related = "Acme 3 raised $9 million in a seed round led by Script Ventures.";</script></head>
<body><nav><a href="/">Stub News</a></nav>
<aside class="related-stories"><h2>Related</h2><p><a href="/acme-2">Acme 2 raised $5 million in a seed round led by
Side Ventures.</a></p></aside>
<article><h1>Acme 1 raises $7 million for warehouse robots</h1>
<p>Acme 1 raised $7 million in a seed round led by Fund1 Ventures, the company said on Tuesday. The start-up
builds robots that pick orders in small warehouses.</p>
<p>Also Read: <a href="/acme-4">Acme 4 raised $2 million in a seed round led by Inline Ventures.</a></p>
<p>The money will pay for a factory in Ohio and for twenty engineers, the chief executive said in an interview
on Tuesday, adding that the company already has customers in four states.</p></article>
<div class="newsletter"><p>Sign up for the Stub News newsletter.</p></div>
<footer>© Stub News</footer></body></html>
"""


def extractor_for(server):
    return Extractor("openai", model="stub", base_url=server.base_url, api_key="k", mode="json")


def prompt_of(server) -> str:
    return "\n".join(m["content"] for m in server.requests[-1]["json"]["messages"])


def evidence_holds(record: Extraction) -> None:
    assert record.source is not None
    for rnd in record.rounds:
        for path, ev in rnd.evidence.items():
            assert record.source.text[ev.start : ev.end] == ev.text, path


# -- Python API -----------------------------------------------------------------------------------------


def test_a_page_is_read_for_its_article_only_and_the_record_carries_that_text():
    with StubServer(synthetic_answer) as server, extractor_for(server) as ex:
        record = ex.extract(PAGE, format="html")
        prompt = prompt_of(server)
    assert [r.company for r in record.rounds] == ["Acme 1"]
    for other in ("Acme 2", "Acme 3", "Acme 4", "Sign up for the Stub News", "Stub News"):
        assert other not in prompt
    s = record.source
    assert s is not None and s.text == read_page(PAGE).text and s.text in prompt
    # The page's own date reached the checks: with no date stated, the round takes the page's month.
    assert record.rounds[0].announced == "2024-03"
    assert (s.published, s.published_from) == ("2024-03-07", "json-ld datePublished")
    assert (s.title, s.url, s.language) == (
        "Acme 1 raises $7 million for warehouse robots",
        "https://stubnews.example/acme-1",
        "en-US",
    )
    evidence_holds(record)


def test_auto_tells_a_page_from_text_and_text_stays_text():
    with StubServer(synthetic_answer) as server, extractor_for(server) as ex:
        auto = ex.extract(PAGE, format="auto")
        as_text = ex.extract(PAGE)  # the default is text, as before: the markup is the article
        plain = ex.extract("Acme 5 raised $6 million in a seed round led by Fund5 Ventures.", format="auto")
    assert auto.source is not None and auto.rounds[0].company == "Acme 1"
    assert as_text.source is None and plain.source is None
    assert "source" not in json.loads(plain.model_dump_json())


def test_the_callers_date_url_and_title_win_over_the_page():
    with StubServer(synthetic_answer) as server, extractor_for(server) as ex:
        record = ex.extract(
            PAGE, "2024-03-08", format="html", url="https://mirror.example/a", title="Acme 1 news"
        )
    s = record.source
    assert s is not None
    assert (s.published, s.published_from, s.url, s.title) == (
        "2024-03-08",
        "caller",
        "https://mirror.example/a",
        "Acme 1 news",
    )
    assert s.text.startswith("Acme 1 news\n\n")
    evidence_holds(record)


def test_a_page_date_that_cannot_be_used_is_dropped_with_a_warning():
    future = PAGE.replace("2024-03-07T09:30:00-05:00", "2999-03-07T09:30:00-05:00")
    with StubServer(synthetic_answer) as server, extractor_for(server) as ex:
        record = ex.extract(future, format="html")
    assert record.source is not None and record.source.published is None
    assert any(w.path == "source.published" and "future" in w.message for w in record.warnings)


def test_pages_without_an_article_and_bad_formats_are_refused_before_any_model_call():
    with StubServer(synthetic_answer) as server, extractor_for(server) as ex:
        for name in ("listing.html", "login-wall.html"):
            with pytest.raises(NoArticle, match="has no article"):
                ex.extract((PAGES / name).read_text(encoding="utf-8"), format="html")
        with pytest.raises(InputError, match="format must be one of text, html, auto, not 'pdf'"):
            ex.extract(PAGE, format="pdf")
        with pytest.raises(InputError, match="published"):
            ex.extract(PAGE, "2024-13-01", format="html")
        assert server.requests == []


def test_the_record_round_trips_with_its_source():
    with StubServer(synthetic_answer) as server, extractor_for(server) as ex:
        record = ex.extract(PAGE, format="html")
    again = Extraction.model_validate_json(record.model_dump_json())
    assert again == record and isinstance(again.source, PageSource)


# -- batch ----------------------------------------------------------------------------------------------


def test_batch_lines_take_html_or_text_and_a_page_without_article_is_an_error_line():
    lines = [
        json.dumps({"id": "page", "html": PAGE}),
        json.dumps({"id": "text", "text": "Acme 6 raised $3 million in a seed round led by Fund6 Ventures."}),
        json.dumps({"id": "wall", "html": (PAGES / "login-wall.html").read_text(encoding="utf-8")}),
        json.dumps({"id": "both", "html": PAGE, "text": "x"}),
        json.dumps({"id": "dated", "html": PAGE, "published": "2024-03-08"}),
    ]

    async def run():
        with StubServer(synthetic_answer) as server, extractor_for(server) as ex:
            out = [line async for line in iter_batch(ex, lines, concurrency=2)]
            await ex.aclose()
            return {line.id: line for line in out}

    by_id = asyncio.run(run())
    page, text = by_id["page"].extraction, by_id["text"].extraction
    assert page is not None and page.source is not None and page.rounds[0].company == "Acme 1"
    assert page.source.published == "2024-03-07"
    assert text is not None and text.source is None and text.rounds[0].company == "Acme 6"
    assert by_id["wall"].status == "error" and "has no article" in by_id["wall"].error.message
    assert by_id["both"].status == "error" and "both text and html" in by_id["both"].error.message
    dated = by_id["dated"].extraction
    assert dated is not None and dated.source.published_from == "caller"


def test_cache_keys_keep_text_as_before_and_tell_pages_apart():
    import hashlib

    base = {"backend": "b", "model": "m", "prompt_version": "p", "published": None}
    parts = ["b", "m", "p", "1.0", None, "<html>x</html>"]
    old = hashlib.sha256(json.dumps(parts, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()
    assert cache_key(**base, text="<html>x</html>") == old
    as_page = cache_key(**base, text="<html>x</html>", input_format="html", page_hints=(None, None, "r1"))
    assert as_page != old
    assert as_page != cache_key(
        **base, text="<html>x</html>", input_format="html", page_hints=(None, None, "r2")
    )


def test_article_lines_hold_exactly_one_of_text_and_html():
    assert Article.model_validate({"id": "a", "html": "<html></html>"}).format == "html"
    assert Article.model_validate({"id": "a", "text": "t"}).content == "t"
    with pytest.raises(ValueError, match="no article"):
        Article.model_validate({"id": "a"})
    with pytest.raises(ValueError, match="both text and html"):
        Article.model_validate({"id": "a", "text": "t", "html": "<html></html>"})


# -- CLI ------------------------------------------------------------------------------------------------


def _cli(server, *args):
    return main(
        [*args, "--backend", "openai", "--model", "stub", "--base-url", server.base_url, "--mode", "json"]
    )


def test_extract_reads_a_saved_page_by_content_and_prints_its_source(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "k")
    page = tmp_path / "saved-page.txt"  # the name says nothing: the content does
    page.write_text(PAGE, encoding="utf-8")
    with StubServer(synthetic_answer) as server:
        assert _cli(server, "extract", str(page)) == 0
        record = json.loads(capsys.readouterr().out)
        assert record["source"]["published"] == "2024-03-07"
        assert record["source"]["published_from"] == "json-ld datePublished"
        assert record["rounds"][0]["company"] == "Acme 1"
        assert _cli(server, "extract", str(page), "--format", "text") == 0
        assert "source" not in json.loads(capsys.readouterr().out)
        wall = PAGES / "login-wall.html"
        assert _cli(server, "extract", str(wall)) == 2
        assert "has no article" in capsys.readouterr().err


def test_extract_decodes_a_page_in_its_declared_charset(capsys, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "k")
    with StubServer(synthetic_answer) as server:
        assert _cli(server, "extract", str(PAGES / "latin1-no-date.html")) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"]["text"].startswith("Café Trébol recauda 2 millones de euros")


def test_page_command_prints_exactly_the_text_the_offsets_index(capsys):
    path = ROOT / "evals" / "html" / "en-kelpwise-series-a.html"
    assert main(["page", str(path), "--text"]) == 0
    assert capsys.readouterr().out == read_page(path.read_text(encoding="utf-8")).text
    assert main(["page", str(path)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["published"] == "2024-05-16" and shown["published_from"] == "json-ld datePublished"


# -- eval report ------------------------------------------------------------------------------------------


def test_eval_scores_a_page_set_and_the_report_shows_the_text_read_with_evidence(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("OPENAI_API_KEY", "k")
    gold = {
        "is_funding_news": True,
        "rounds": [
            {
                "company": "Acme 1", "company_aliases": [], "round_type": "seed", "round_label": "seed",
                "amount": {"value": 7000000, "currency": "USD"}, "amount_usd": {"value": 7000000, "currency": "USD"},
                "announced": "2024-03", "investors": [{"name": "Fund1 Ventures", "aliases": [], "lead": True}],
                "valuation": None, "primary": True, "optional": False,
            }
        ],
    }  # fmt: skip
    line = {"id": "acme-page", "url": None, "published": None, "title": None, "html": PAGE, "gold": gold}
    set_path = tmp_path / "pages.jsonl"
    set_path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with StubServer(synthetic_answer) as server:
        assert _cli(server, "eval", str(set_path), "--report-dir", str(tmp_path / "out")) == 0
    assert "micro F1 1.000" in capsys.readouterr().out
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "article text read from the page by trafilatura" in page
    assert "published 2024-03-07 (json-ld datePublished)" in page
    assert '<mark class="ev ev-company' in page and ">Acme 1</mark>" in page
    assert "Side Ventures" not in page and "&lt;aside" not in page  # the text read, not the page


# -- the embedded model on every page --------------------------------------------------------------------


@pytest.mark.model
def test_embedded_model_on_every_page_quotes_only_the_text_read_from_it():
    sys.path.insert(0, str(ROOT / "scripts" / "html_set"))
    from articles import ARTICLES
    from build import noise, page_html

    with Extractor("embedded") as ex:
        for a in ARTICLES:
            record = ex.extract(page_html(a), format="html")
            assert record.source is not None and record.source.published == a["published"], a["id"]
            evidence_holds(record)
            for rnd in record.rounds:
                # Every value stands on the article text; none can come from the page's furniture.
                for value in [rnd.company, *(i.name for i in rnd.investors)]:
                    assert value in record.source.text, (a["id"], value)
                for ev in rnd.evidence.values():
                    assert not any(
                        ev.text in piece and ev.text not in record.source.text for piece in noise(a)
                    )
