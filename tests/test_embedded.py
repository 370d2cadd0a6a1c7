"""End to end on the embedded model (real llama.cpp inference, offline)."""

import subprocess
import sys
from pathlib import Path

import pytest

from extractor import Extractor, InputError
from schemas import Extraction

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "tidewater-robotics.txt"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def extractor():
    with Extractor("embedded") as ex:
        yield ex


def _evidence_matches(text, record):
    for rnd in record.rounds:
        for path, ev in rnd.evidence.items():
            assert text[ev.start : ev.end] == ev.text, path


def test_example_article_gives_a_grounded_record(extractor):
    text = EXAMPLE.read_text(encoding="utf-8")
    record = extractor.extract(text, "2024-05-16")
    assert record.is_funding_news
    news = [r for r in record.rounds if r.primary]
    assert news and news[0].company == "Tidewater Robotics"
    assert (news[0].amount.value, news[0].amount.currency) == (18_000_000, "USD")
    assert news[0].round_type == "series_a"
    _evidence_matches(text, record)
    p = record.provenance
    assert p.model == "gemma-3-270m-q4_k_m" and p.backend == "embedded:llama-cpp"
    assert p.prompt_version.startswith("roles-") and p.usage.prompt_tokens > 100 and p.latency_ms > 0


def test_article_without_a_round_gives_no_round(extractor):
    text = "Quayside Labs, the logistics software maker, launched a route planner for refrigerated trucks on Monday."
    record = extractor.extract(text, "2024-02-20")
    assert record.rounds == [] and record.is_funding_news is False


async def test_async_twin_matches_the_sync_call(extractor):
    text = EXAMPLE.read_text(encoding="utf-8")
    a = await extractor.aextract(text, "2024-05-16")
    b = extractor.extract(text, "2024-05-16")
    assert a.model_dump(exclude={"provenance"}) == b.model_dump(exclude={"provenance"})


def test_too_long_article_is_refused_with_its_size(extractor):
    sentence = "Acme Robotics raised $5 million from Beta Capital in a seed round. "
    with pytest.raises(InputError, match=r"201,000 characters; the limit is 100,000"):
        extractor.extract(sentence * 3000)


def test_sentences_beyond_the_focus_budget_are_reported_not_silently_dropped(extractor):
    body = " ".join(
        f"Firm{i} Labs raised ${i + 2} million in a seed round led by Fund{i} Capital." for i in range(80)
    )
    record = extractor.extract(body, "2024-01-10")
    notes = [w for w in record.warnings if w.path == "record" and "did not fit" in w.message]
    assert notes and notes[0].message.split()[0].isdigit()


def test_cli_prints_a_valid_record_for_a_file_and_for_stdin():
    run = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", str(EXAMPLE), "--published", "2024-05-16"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    record = Extraction.model_validate_json(run.stdout)
    assert record.rounds
    piped = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", "-", "--published", "2024-05-16", "--compact"],
        input=EXAMPLE.read_text(encoding="utf-8"), capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    assert len(piped.stdout.strip().splitlines()) == 1
    again = Extraction.model_validate_json(piped.stdout)
    assert again.model_dump(exclude={"provenance"}) == record.model_dump(exclude={"provenance"})


@pytest.mark.parametrize(("data", "fragment"), [(b"", "empty"), (b"\x00\x01binary", "binary")])
def test_cli_refuses_bad_input_with_a_clear_error(tmp_path, data, fragment):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    run = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", str(bad)], capture_output=True, text=True
    )
    assert run.returncode == 2
    assert fragment in run.stderr and str(bad) in run.stderr
    assert run.stdout == ""
