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
        # Chinese, Japanese and Korean labels end in a character, where \b finds no word end.
        ("B轮", "series_b"), ("D+轮", "series_d"), ("Pre-A轮", "pre_a"), ("Pre-IPO轮", "growth"),
        ("天使轮", "angel"), ("种子轮", "seed"), ("战略融资", "strategic"), ("시리즈 B", "series_b"),
        ("シリーズA", "series_a"), ("프리시리즈A", "pre_a"), ("プレシリーズA", "pre_a"),
        ("pré-série A", "pre_a"), ("pre-serie A", "pre_a"), ("pré-amorçage", "pre_seed"),
        # Plurals and other languages' words.
        ("Matching grants", "grant"), ("amorçage", "seed"), ("línea de crédito", "debt"),
        ("Brückenfinanzierung", "bridge"),
    ],
)  # fmt: skip
def test_labels_map_to_the_fixed_list(label, expected):
    assert round_type_for(label) == expected
