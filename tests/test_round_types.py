import pytest

from extractor.parsing.round_types import LABEL_PATTERN, round_type_for


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


@pytest.mark.parametrize(
    ("sentence", "label", "expected"),
    [
        ("Das Unternehmen hat seine Serie-B-Finanzierungsrunde abgeschlossen.", "Serie-B", "series_b"),
        ("晨曦科技完成超10亿元Pre-IPO轮融资", "Pre-IPO轮", "growth"),
        ("远航航天完成8亿元D++轮融资", "D++轮", "series_d"),
        ("小蓝单车宣布完成E2-1轮融资", "E2-1轮", "series_e"),
        ("Harbour's $20 million B-round", "B-round", "series_b"),
        ("a round made up of convertible notes", "convertible notes", "convertible_note"),
        ("2013年11月,红星拿到科大星火的300万人民币天使投资。", "天使投资", "angel"),
    ],
)
def test_labels_found_in_text_in_hyphenated_chinese_and_plural_forms(sentence, label, expected):
    found = LABEL_PATTERN.search(sentence)
    assert found is not None and found.group(0) == label
    assert round_type_for(found.group(0)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Corvane capta R$ 40 milhões em nova rodada e vai contratar",
        "no descarta una nueva ronda a medio plazo",
        "知名天使投资人王刚参与了本轮融资",
    ],
)
def test_a_round_word_before_a_small_word_or_an_angel_investor_is_no_label(sentence):
    assert LABEL_PATTERN.search(sentence) is None
