import pytest

from extractor.parsing.round_types import round_type_for


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Series B+", "series_b"), ("B1", "series_b"), ("B-2", "series_b"), ("Pre-A", "pre_a"),
        ("pre-Series A", "pre_a"), ("Pre-IPO", "growth"), ("seed extension", "seed"), ("Series A1", "series_a"),
        ("pre-seed", "pre_seed"), ("venture debt", "debt"), ("Série A", "series_a"), ("angel round", "angel"),
        ("Series E", "series_e"), ("bridge round", "bridge"), ("convertible note", "convertible_note"),
        (None, "unknown"), ("new funding round", "unknown"),
    ],
)  # fmt: skip
def test_labels_map_to_the_fixed_list(label, expected):
    assert round_type_for(label) == expected
