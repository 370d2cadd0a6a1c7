"""Reports: all three files written and consistent; highlights escape and nest sanely; the HTML checked in
a real headless browser (DOM and screenshot)."""

import html
import json
import random
import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import pytest

from evals.io import PredictionLine
from evals.report import Span, highlight, write_reports
from evals.scoring import Report, score_set
from schemas import Article, Evidence, Extraction, Investor, Money, Round

TEXT = (
    'Keel & Sons "Robotics" raised €20 million ($21.8 million) <b>led</b> by Tidal Capital.\n'
    "Back in 2021 it raised €2 million."
)


def _ev(quote, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(quote, start + 1)
    return Evidence(text=quote, start=start, end=start + len(quote))


def _data():
    company = 'Keel & Sons "Robotics"'
    gold = Article(id="keel<1>", title="Keel <raises>", text=TEXT, gold={"is_funding_news": True, "rounds": [
        {"company": company, "round_type": "unknown", "amount": {"value": 20_000_000, "currency": "EUR"},
         "amount_usd": {"value": 21_800_000, "currency": "USD"},
         "investors": [{"name": "Tidal Capital", "lead": True}]},
        {"company": company, "round_type": "unknown", "amount": {"value": 2_000_000, "currency": "EUR"},
         "announced": "2021"},
    ]})  # fmt: skip
    rounds = [
        # amount wrong (25m for "€20 million"); amount_usd right; the lead right
        Round(company=company, amount=Money(value=25_000_000, currency="EUR"),
              amount_usd=Money(value=21_800_000, currency="USD"), investors=[Investor(name="Tidal Capital", lead=True)],
              evidence={"company": _ev(company), "amount": _ev("€20 million"), "amount_usd": _ev("$21.8 million"),
                        "investors.0": _ev("Tidal Capital")}),
        # right; its company evidence is the same span as round 0's; one offset out of range is skipped,
        # one offset that misses its (unique) quote is relocated
        Round(company=company, amount=Money(value=2_000_000, currency="EUR"), announced="2021",
              evidence={"company": _ev(company), "amount": Evidence(text="€2 million", start=3, end=13),
                        "announced": _ev("2021"), "round_label": Evidence(text="Seed", start=500, end=504)}),
        # extra: the investor taken for a company; overlaps round 0's investor span exactly
        Round(company="Tidal Capital", evidence={"company": _ev("Tidal Capital")}),
    ]  # fmt: skip
    preds = {gold.id: PredictionLine(id=gold.id, status="ok", model="m1", prompt_version="v1",
                                     extraction=Extraction(is_funding_news=True, rounds=rounds))}  # fmt: skip
    return [gold], preds


def _plain(fragment):
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_reports_are_written_and_consistent(tmp_path):
    articles, preds = _data()
    report = score_set(articles, preds)
    # round 0: company, round_type, amount_usd, investor, lead TP; amount FP+FN
    # round 1: company, round_type, amount, announced TP
    # round 2 (extra): company, round_type FP
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (9, 3, 1)
    paths = write_reports(report, articles, preds, tmp_path / "out")
    assert set(paths) == {"json", "md", "html"} and all(p.exists() for p in paths.values())

    data = json.loads(paths["json"].read_text())
    assert data["micro"]["f1"] == report.micro.f1 and data["headline_f1"] == report.micro.f1
    assert data["fields"]["amount"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert Report.model_validate_json(paths["json"].read_text()).articles == report.articles

    md = paths["md"].read_text()
    assert f"**Micro F1 {report.micro.f1:.3f}**" in md
    assert "| amount | 0.500 | 0.500 | 0.500 | 1 | 1 | 0 | 1 |" in md  # its FP is in a matched round
    assert "- rounds[0] amount: predicted 2.5e7 EUR, gold 2e7 EUR" in md
    assert "- extra round rounds[2]: 'Tidal Capital', unknown" in md
    assert "round detection: precision 0.667, recall 1.000" in md

    page = paths["html"].read_text()
    assert "&lt;b&gt;led&lt;/b&gt;" in page and "<b>led</b>" not in page  # article text is escaped
    assert "Keel &lt;raises&gt;" in page and "keel&lt;1&gt;" in page  # title and id too
    assert "http" not in page.replace("http-equiv", "")  # self-contained: no external assets
    text_div = re.search(r"<div class='text'>(.*?)</div>", page, re.S).group(1)
    assert _plain(text_div) == TEXT  # highlighting never loses or duplicates a character
    marks = re.findall(r'<mark class="([^"]+)" data-kind="(\w+)" title="([^"]*)">([^<]*)</mark>', text_div)
    by_text = {html.unescape(m[3]): m for m in marks}
    assert "v-wrong" in by_text["€20 million"][0] and "rounds[0]" in by_text["€20 million"][2]
    assert "gold: 2e7 EUR" in html.unescape(by_text["€20 million"][2])
    assert by_text["$21.8 million"][1] == "amount_usd" and "v-ok" in by_text["$21.8 million"][0]
    assert by_text["2021"][1] == "announced"
    assert by_text["€2 million"][1] == "amount"  # relocated from wrong offsets
    # shared spans: one mark, titled with every round that points there
    tidal = by_text["Tidal Capital"]
    assert "multi" in tidal[0] and "v-wrong" in tidal[0]  # round 2 is an extra round
    assert "rounds[0]" in tidal[2] and "rounds[2]" in tidal[2]
    company = by_text['Keel & Sons "Robotics"']
    assert company[1] == "company" and "&quot;" in company[2] and "rounds[1]" in company[2]
    assert len(marks) == 6


def test_overlapping_spans_are_cut_not_nested():
    text = "abcdefghij"
    spans = [Span(0, 5, "company", "A", "ok"), Span(3, 8, "amount", "B", "wrong")]
    out = highlight(text, spans)
    pieces = re.findall(r'<mark class="([^"]+)" data-kind="(\w+)" title="([^"]*)">([^<]*)</mark>', out)
    assert [(p[1], p[3]) for p in pieces] == [("company", "abc"), ("company", "de"), ("amount", "fgh")]
    assert pieces[1][2] == "A\nB" and "multi" in pieces[1][0] and "v-wrong" in pieces[1][0]
    assert out.endswith("</mark>ij") and "<mark" not in out.split("</mark>")[-1]


def test_highlight_keeps_every_character_for_any_spans():
    rng = random.Random(7)
    alphabet = "ab <>&\"'€\n"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        spans = []
        for _ in range(rng.randint(0, 6)):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            spans.append(Span(a, b, rng.choice(["company", "amount", "lead"]), 't<&>"', "ok"))
        out = highlight(text, [s for s in spans if s.start < s.end])
        assert _plain(out) == text
        assert "<mark" not in re.sub(r"<mark [^>]*>", "", out)


def test_error_and_missing_lines_render_without_highlights(tmp_path):
    articles, _ = _data()
    preds = {
        "keel<1>": PredictionLine(
            id="keel<1>", status="error", error={"type": "Timeout", "message": "<slow>"}
        )
    }
    paths = write_reports(score_set(articles, preds), articles, preds, tmp_path)
    page = paths["html"].read_text()
    assert '<mark class="ev' not in page and "no prediction: Timeout: &lt;slow&gt;" in page
    assert "1 error ·" in page
    paths = write_reports(score_set(articles, {}), articles, {}, tmp_path)
    assert "no prediction line for this article" in paths["md"].read_text()


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


CHROMIUM = _chromium()
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]  # fmt: skip


def _run(*args):
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=180, check=True,
        )  # fmt: skip


@pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not found; .ci/setup-browser.sh installs Debian's chromium"
)
def test_html_report_renders_in_a_real_browser(tmp_path):
    articles, preds = _data()
    paths = write_reports(score_set(articles, preds), articles, preds, tmp_path)
    url = paths["html"].resolve().as_uri()

    done = _run("--dump-dom", url)
    dom = done.stdout
    # The page's own script ran to its end (it marks the body), and nothing reached the console.
    assert re.search(r"<body[^>]*data-ready=\"1\"", dom)
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], console
    # The browser kept every highlight the file has, with its kind and title.
    marks = re.findall(r'<mark class="ev ev-(\w+)[^"]*" data-kind="\w+" title="([^"]*)">', dom)
    assert len(marks) == paths["html"].read_text().count('<mark class="ev') == 6
    # "Tidal Capital" is both round 0's lead and round 2's company: one mark, coloured as the company
    assert {k for k, _ in marks} == {"company", "amount", "amount_usd", "announced"}
    assert any("rounds[0]" in t and "amount" in t for _, t in marks)
    assert '<table id="fields">' in dom and "micro F1 (headline)" in dom
    assert "&lt;b&gt;led&lt;/b&gt;" in dom  # still text, not markup, after parsing

    shot = tmp_path / "shot.png"
    _run("--window-size=1280,1600", "--hide-scrollbars", f"--screenshot={shot}", url)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 1600)
    assert len(data) > 30_000  # a rendered page, not a blank canvas
