"""Grounding keeps exact offsets for every Unicode text (issue 11, case 5).

Case folding changes the length of some characters ("ß" -> "ss", "İ" -> "i̇", "ﬁ" -> "fi"); the
quote was folded but the original text searched, so "Weiß Robotics" was "not in the article".
"""

import pytest

from extractor.checks import Checker
from extractor.grounding import Grounder
from schemas.draft import Draft

WEISS = "Weiß Robotics raised $5 million in a seed round led by Größe Capital."


def test_the_issue_article_keeps_its_round():
    draft = Draft.model_validate(
        {
            "is_funding_news": True,
            "rounds": [
                {
                    "company": "Weiß Robotics",
                    "amount": "$5 million",
                    "investors": [{"name": "Größe Capital", "lead": True}],
                }
            ],
        }  # fmt: skip
    )
    checked = Checker(WEISS, "2024-05-01").check(draft)
    assert checked.problems == []
    [rnd] = checked.rounds
    assert rnd.company == "Weiß Robotics" and rnd.investors[0].name == "Größe Capital"
    for ev in rnd.evidence.values():
        assert WEISS[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    ("text", "quote", "found"),
    [
        (WEISS, "Größe Capital", "Größe Capital"),
        (WEISS, "GRÖSSE CAPITAL", "Größe Capital"),  # the fold of ß matches ss
        (WEISS, "weiss robotics", "Weiß Robotics"),
        ("ﬁnance: Straße AG and İzmir Holdings raised €3 million", "Straße AG", "Straße AG"),
        ("ﬁnance: Straße AG and İzmir Holdings raised €3 million", "İzmir Holdings", "İzmir Holdings"),
        ("ﬁnance: Straße AG and İzmir Holdings raised €3 million", "€3 million", "€3 million"),
        ("ﬁnance: Straße AG and İzmir Holdings raised €3 million", "finance", "ﬁnance"),
        ("Maß  und\n Weiß raised", "maß und weiß", "Maß  und\n Weiß"),
    ],
)
def test_offsets_are_exact_when_folding_changes_lengths(text, quote, found):
    ev = Grounder(text).locate(quote)
    assert ev is not None and ev.text == found and text[ev.start : ev.end] == found


def test_a_match_inside_one_characters_fold_is_no_match():
    # "s" is half of the fold of "ß": it must not be located inside "Weiß".
    assert Grounder("Weiß").locate("s") is None
    assert Grounder("Weiß s").locate("s").start == 5
