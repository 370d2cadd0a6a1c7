"""The record schema: round-trips, exact amounts, and rejection of invalid values."""

import json
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from schemas import Article, Extraction, Money, Round

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset" / "devset.jsonl"


def _round(**over):
    base = {
        "company": "Tidewater Robotics",
        "round_type": "series_a",
        "round_label": "Series A",
        "amount": {"value": 18000000, "currency": "USD"},
        "amount_usd": {"value": 18000000, "currency": "USD"},
        "announced": "2024-05",
        "investors": [{"name": "Northmoor Ventures", "aliases": [], "lead": True}],
        "evidence": {"company": {"text": "Tidewater Robotics", "start": 0, "end": 18}},
    }
    base.update(over)
    return base


def test_round_trip_preserves_every_field():
    record = Extraction(is_funding_news=True, rounds=[Round.model_validate(_round())])
    again = Extraction.model_validate_json(record.model_dump_json())
    assert again == record
    assert json.loads(record.model_dump_json())["rounds"][0]["amount"] == {
        "value": 18000000,
        "currency": "USD",
    }


def test_amounts_are_exact_decimals_and_print_as_plain_numbers():
    m = Money(value="1.8e9", currency="CNY")
    assert m.value == Decimal("1800000000")
    assert m.model_dump_json() == '{"value":1800000000,"currency":"CNY"}'
    assert Money(value=0.1 + 0.2, currency="USD").value == Decimal("0.30000000000000004")
    assert Money(value=6.1, currency="USD").model_dump_json() == '{"value":6.1,"currency":"USD"}'


@pytest.mark.parametrize(
    ("override", "fragment"),
    [
        ({"round_type": "series_z"}, "round_type"),
        ({"amount": {"value": -5, "currency": "USD"}}, "greater than 0"),
        ({"amount": {"value": 0, "currency": "USD"}}, "greater than 0"),
        ({"amount": {"value": 5, "currency": "usd"}}, "ISO 4217"),
        ({"amount": {"value": 5, "currency": "XYZ"}}, "ISO 4217"),
        ({"amount_usd": {"value": 5, "currency": "EUR"}}, "must be in USD"),
        ({"announced": "2024-13"}, "month 13"),
        ({"announced": "2023-02-30"}, "calendar date"),
        ({"announced": "May 2024"}, "YYYY"),
        ({"company": ""}, "company"),
        ({"investors": [{"name": "A", "lead": True}, {"name": "a", "lead": False}]}, "listed twice"),
        ({"evidence": {"company": {"text": "x", "start": 5, "end": 2}}}, "before start"),
        ({"surprise": 1}, "Extra inputs"),
    ],
)
def test_invalid_values_are_rejected_with_a_reason(override, fragment):
    with pytest.raises(ValidationError) as err:
        Round.model_validate(_round(**override))
    assert fragment in str(err.value)


@pytest.mark.skipif(not DEVSET.exists(), reason="shared/devset is not beside the project")
def test_every_devset_gold_record_fits_the_schema():
    lines = DEVSET.read_text(encoding="utf-8").splitlines()
    articles = [Article.model_validate_json(line) for line in lines if line.strip()]
    assert len(articles) == len(lines)
    assert all(a.gold is not None for a in articles)
