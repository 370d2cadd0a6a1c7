"""Reports: all three files written; the HTML checked in a real headless browser."""

import json
import shutil
import subprocess
import tempfile

import pytest

from evals.io import PredictionLine
from evals.report import write_reports
from evals.scoring import score_set
from schemas import Article, Evidence, Extraction, Money, Round

TEXT = "Harbourline raised €20 million <b>led</b> by Keel Capital & friends."


def _data():
    gold = Article.model_validate({"id": "h<1>", "text": TEXT, "gold": {"is_funding_news": True, "rounds": [
        {"company": "Harbourline", "amount": {"value": 20000000, "currency": "EUR"}}]}})  # fmt: skip
    rnd = Round(company="Harbourline", amount=Money(value=20_000_000, currency="EUR"), evidence={
        "company": Evidence(text="Harbourline", start=0, end=11),
        "amount": Evidence(text="€20 million", start=19, end=30)})  # fmt: skip
    preds = {
        "h<1>": PredictionLine(
            id="h<1>", status="ok", extraction=Extraction(is_funding_news=True, rounds=[rnd])
        )
    }
    return [gold], preds


def test_reports_are_written_and_consistent(tmp_path):
    articles, preds = _data()
    report = score_set(articles, preds)
    paths = write_reports(report, articles, preds, tmp_path)
    data = json.loads(paths["json"].read_text())
    assert data["micro"]["f1"] == report.micro.f1 == 1.0
    md = paths["md"].read_text()
    assert "| amount | 1.000 |" in md and "micro F1 1.000" in md
    page = paths["html"].read_text()
    assert "&lt;b&gt;led&lt;/b&gt;" in page and "<b>led</b>" not in page  # article text is escaped
    assert page.count('<mark class="ev') == 2


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/setup-browser.sh installs it)")
def test_html_report_renders_in_a_real_browser(tmp_path):
    articles, preds = _data()
    paths = write_reports(score_set(articles, preds), articles, preds, tmp_path)
    url = paths["html"].resolve().as_uri()
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                             capture_output=True, text=True, timeout=120, check=True).stdout  # fmt: skip
    assert 'class="ev ev-company"' in dom and ">€20 million</mark>" in dom
    assert '<table id="fields">' in dom and "micro F1" in dom
    shot = tmp_path / "shot.png"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--window-size=1200,900",
                        f"--screenshot={shot}", url], capture_output=True, timeout=120, check=True)  # fmt: skip
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
