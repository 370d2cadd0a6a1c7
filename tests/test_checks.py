"""Each check catches a planted error; failures are re-asked, then dropped with a warning."""

import json

import pytest

from extractor import ExtractionFailed, Extractor
from extractor.checks import Checker
from schemas.draft import Draft
from tests.stub_server import Scripted, StubServer

ARTICLE = (
    "Harbourline, a Rotterdam freight platform, said on Tuesday it has raised €20 million ($21.8 million) "
    "in a Series B round led by Keel Capital, with Northmoor Ventures joining. "
    "Harbourline previously raised a $4 million seed round in March 2019 from Tidal Angels."
)
PUBLISHED = "2023-06-15"
GOOD = {
    "company": "Harbourline",
    "round_label": "Series B",
    "amount": "€20 million",
    "amount_usd": "$21.8 million",
    "date": "on Tuesday",
    "investors": [{"name": "Keel Capital", "lead": True}, {"name": "Northmoor Ventures", "lead": False}],
    "primary": True,
}


def check(**override):
    draft = Draft.model_validate({"is_funding_news": True, "rounds": [{**GOOD, **override}]})
    return Checker(ARTICLE, PUBLISHED, example_text="Atlas Ventures led the round.").check(draft)


def test_a_correct_draft_passes_with_values_offsets_and_types():
    result = check()
    assert result.problems == []
    rnd = result.rounds[0]
    assert (rnd.amount.value, rnd.amount.currency) == (20_000_000, "EUR")
    assert (rnd.amount_usd.value, rnd.round_type, rnd.announced) == (21_800_000, "series_b", "2023-06-13")
    ev = rnd.evidence["amount"]
    assert ARTICLE[ev.start : ev.end] == "€20 million"
    assert (
        ARTICLE[rnd.evidence["investors.1"].start : rnd.evidence["investors.1"].end] == "Northmoor Ventures"
    )


@pytest.mark.parametrize(
    ("override", "path", "fragment", "field", "kept"),
    [
        ({"company": "Harbor Logistics"}, "rounds.0", "does not occur", None, None),
        ({"amount": "€25 million"}, "rounds.0.amount", "does not occur", "amount", None),
        ({"amount": "Rotterdam"}, "rounds.0.amount", "not an amount", "amount", None),
        ({"amount_usd": "€20 million"}, "rounds.0.amount_usd", "not USD", "amount_usd", None),
        ({"amount_usd": "$4 million"}, "rounds.0.amount_usd", "does not match", "amount_usd", None),
        ({"round_label": "Series C"}, "rounds.0.round_label", "does not occur", "round_label", None),
        ({"investors": [{"name": "Atlas Ventures", "lead": True}]}, "rounds.0.investors.0", "copied from the prompt",
         "investors", []),
        ({"investors": [{"name": "Sequoia", "lead": False}]}, "rounds.0.investors.0", "does not occur", "investors", []),
        ({"investors": [{"name": "Harbourline", "lead": False}]}, "rounds.0.investors.0", "invest in itself",
         "investors", []),
        ({"investors": [{"name": "Keel Capital", "lead": True}, {"name": "keel capital", "lead": False}]},
         "rounds.0.investors.1", "listed twice", "investors", ["Keel Capital"]),
    ],
)  # fmt: skip
def test_planted_errors_are_caught_and_the_value_removed(override, path, fragment, field, kept):
    result = check(**override)
    assert any(p.path == path and fragment in p.message for p in result.problems), result.problems
    assert result.reasks
    if field is None:
        assert result.rounds == []
    elif field == "investors":
        assert [i.name for i in result.rounds[0].investors] == kept
    else:
        assert getattr(result.rounds[0], field) is None
        assert field not in result.rounds[0].evidence


def test_an_invented_date_is_dropped_and_the_news_round_falls_back_to_the_publication_month():
    result = check(date="in June 2024")
    assert any(p.path == "rounds.0.announced" and "does not occur" in p.message for p in result.problems)
    assert result.rounds[0].announced == "2023-06"
    assert "announced" not in result.rounds[0].evidence


def test_dates_after_publication_and_out_of_order_are_caught():
    late = Checker(ARTICLE.replace("on Tuesday", "in July 2023"), PUBLISHED)
    result = late.check(
        Draft.model_validate({"is_funding_news": True, "rounds": [{**GOOD, "date": "in July 2023"}]})
    )
    assert any("after the published date" in p.message for p in result.problems)
    earlier = {"company": "Harbourline", "amount": "$4 million", "date": "in March 2019", "primary": False}
    text = ARTICLE.replace("on Tuesday", "in 2018")
    result = Checker(text, None).check(
        Draft.model_validate({"is_funding_news": True, "rounds": [{**GOOD, "date": "in 2018"}, earlier]})
    )
    assert any("after the reported round" in p.message for p in result.problems)
    assert result.rounds[1].announced is None


def test_currencies_the_ecb_lacks_are_skipped_and_said_so():
    text = "Paylane raised NGN 500 million ($1.1 million) in a seed round on Monday."
    draft = Draft.model_validate(
        {
            "is_funding_news": True,
            "rounds": [
                {
                    "company": "Paylane",
                    "amount": "NGN 500 million",
                    "amount_usd": "$1.1 million",
                    "date": "on Monday",
                }
            ],
        }  # fmt: skip
    )
    result = Checker(text, "2024-02-07").check(draft)
    assert result.rounds[0].amount_usd is not None
    assert any("no NGN rate" in p.message and not p.reask for p in result.problems)


def test_invented_investor_is_reasked_then_dropped_with_a_warning():
    answer = {"is_funding_news": True, "rounds": [{**GOOD, "investors": [*GOOD["investors"],
                                                                           {"name": "Sequoia", "lead": False}]}]}  # fmt: skip
    with (
        StubServer(lambda r: json.dumps(answer)) as server,
        Extractor(
            "openai", model="m", base_url=server.base_url, api_key="k", mode="json", max_reasks=1
        ) as ex,
    ):
        record = ex.extract(ARTICLE, PUBLISHED)
    assert len(server.requests) == 2
    reask = server.requests[1]["json"]["messages"][-1]["content"]
    assert "'Sequoia' does not occur in the article" in reask
    assert [i.name for i in record.rounds[0].investors] == ["Keel Capital", "Northmoor Ventures"]
    assert any(w.path == "rounds.0.investors.2" and w.value == "Sequoia" for w in record.warnings)
    assert record.provenance.attempts == 2
    assert record.provenance.usage.total_tokens == 240


def test_an_answer_cut_off_by_the_token_limit_is_a_clear_failure():
    with StubServer() as server:
        cut = Scripted(200, content='{"is_funding_news": true, "rounds": [{"comp', finish_reason="length")
        server.script = [cut, cut]  # the first is re-asked, the second ends it
        ex = Extractor("openai", model="m", base_url=server.base_url, api_key="k", mode="json", max_tokens=50)
        with ex, pytest.raises(ExtractionFailed, match=r"cut off by the token limit \(max_tokens=50\)"):
            ex.extract(ARTICLE, PUBLISHED)


# -- is_funding_news follows ANNOTATION.md: news when at least one round is reported as news (primary) --

BACKGROUND_ONLY = (
    "Harbourline is hiring a head of sales in Rotterdam. The freight platform raised a $4 million seed round "
    "in March 2019 from Tidal Angels."
)
EARLIER = {"company": "Harbourline", "round_label": "seed", "amount": "$4 million", "date": "in March 2019"}


def news_check(flag, *rounds, text=BACKGROUND_ONLY, published=PUBLISHED):
    draft = Draft.model_validate({"is_funding_news": flag, "rounds": list(rounds)})
    return Checker(text, published).check(draft)


def test_rounds_never_force_is_funding_news_true():
    result = news_check(False, {**EARLIER, "primary": False})
    assert result.is_funding_news is False and len(result.rounds) == 1
    assert not [p for p in result.problems if p.path == "is_funding_news"]


def test_rounds_all_in_the_background_make_the_record_not_news():
    result = news_check(True, {**EARLIER, "primary": False})
    assert result.is_funding_news is False
    [warning] = [p for p in result.problems if p.path == "is_funding_news"]
    assert "every round is marked primary: false" in warning.message and not warning.reask


def test_a_news_flag_of_false_is_kept_and_its_primary_round_is_not_dated_by_publication():
    result = news_check(False, {"company": "Harbourline", "amount": "$4 million"})
    assert result.is_funding_news is False
    assert any("rounds.0 is marked primary" in p.message for p in result.problems)
    # Only news dates its round by the publication month.
    assert result.rounds[0].announced is None
    assert (
        news_check(True, {"company": "Harbourline", "amount": "$4 million"}).rounds[0].announced == "2023-06"
    )


def test_a_news_round_makes_the_record_news():
    result = check()
    assert result.is_funding_news is True and result.problems == []


def test_the_small_models_roles_with_only_earlier_rounds_give_a_record_that_is_not_news():
    from extractor.forms.roles import RolesForm
    from schemas.draft import Roles

    request = RolesForm().request(BACKGROUND_ONLY, PUBLISHED)
    roles = Roles(
        names={"Harbourline": "company", "Tidal Angels": "investor"}, amounts={"$4 million": "earlier"}
    )
    draft = request.to_draft(roles)
    result = Checker(BACKGROUND_ONLY, PUBLISHED).check(draft)
    assert [r.primary for r in result.rounds] == [False]
    assert result.is_funding_news is False
    # The date outranks the model: a round four years before the news stays an earlier one...
    raised = request.to_draft(Roles(names=roles.names, amounts={"$4 million": "raised"}))
    assert Checker(BACKGROUND_ONLY, PUBLISHED).check(raised).is_funding_news is False
    # ...while the same sentence without the old date is the news when the model says it was raised.
    undated = BACKGROUND_ONLY.replace(" in March 2019", "")
    fresh = (
        RolesForm()
        .request(undated, PUBLISHED)
        .to_draft(Roles(names=roles.names, amounts={"$4 million": "raised"}))
    )
    assert Checker(undated, PUBLISHED).check(fresh).is_funding_news is True


# -- values a perfect answer gives that the checks used to drop --


def test_a_label_the_parser_cannot_map_keeps_the_models_round_type():
    text = "Movinga erhält 17 Millionen Euro. Darin steckt eine Brückenfinanzierung von sechs Millionen Euro."
    draft = Draft.model_validate({"is_funding_news": True, "rounds": [
        {"company": "Movinga", "round_label": "Finanzierung", "round_type": "bridge"}]})  # fmt: skip
    assert Checker(text, None).check(draft).rounds[0].round_type == "bridge"
    # A label that names a type still wins over a contradicting one.
    assert check(round_type="series_c").rounds[0].round_type == "series_b"


def test_two_rounds_of_the_same_size_from_different_investors_are_both_kept():
    text = ("Voltaro obtained $20 million in financing from Absa, only weeks after it secured $20 million "
            "from BII.")  # fmt: skip
    first = {"company": "Voltaro", "amount": "$20 million", "investors": [{"name": "Absa"}]}
    second = {"company": "Voltaro", "amount": "$20 million", "investors": [{"name": "BII"}], "primary": False}
    result = Checker(text, None).check(
        Draft.model_validate({"is_funding_news": True, "rounds": [first, second]})
    )
    assert [[i.name for i in r.investors] for r in result.rounds] == [["Absa"], ["BII"]]
    copy = Checker(text, None).check(
        Draft.model_validate({"is_funding_news": True, "rounds": [first, first]})
    )
    assert len(copy.rounds) == 1 and any("given twice" in p.message for p in copy.problems)


def test_a_month_without_a_year_takes_the_one_year_the_undated_article_names():
    text = ("Country Fresh made its second debt raise of 2024 this week. In May, Country Fresh raised "
            "Rs 76 crore ($9 million) from Alteria Capital.")  # fmt: skip
    rnd = {"company": "Country Fresh", "amount": "Rs 76 crore", "amount_usd": "$9 million", "date": "In May"}
    result = Checker(text, None).check(Draft.model_validate({"is_funding_news": True, "rounds": [rnd]}))
    assert result.rounds[0].announced == "2024-05"
    assert result.rounds[0].amount_usd.value == 9_000_000


@pytest.mark.parametrize(
    ("usd", "published", "ok"),
    [
        # Undated: the yen has traded between about 75 and 160 to the dollar since 1999.
        ("$25.2 million", None, True),
        ("$252 million", None, False),
        # Dated: the rate of that year (about 109 yen to the dollar in 2019), not of today.
        ("$25.2 million", "2019", True),
        ("$17.2 million", "2019", False),
    ],
)
def test_amount_usd_is_checked_against_the_rates_the_date_allows(usd, published, ok):
    text = f"Coral Capital closed its fund at 2.7 billion yen ({usd}), it said."
    rnd = {"company": "Coral Capital", "amount": "2.7 billion yen", "amount_usd": usd}
    result = Checker(text, published).check(Draft.model_validate({"is_funding_news": True, "rounds": [rnd]}))
    assert (result.rounds[0].amount_usd is not None) is ok, result.problems


def test_a_name_with_or_without_its_legal_form_is_one_name():
    # The checks compare names the way scoring does: "Brindle Capital LLC" is "Brindle Capital", and
    # "Quaymark Inc." is the company Quaymark, not an investor in it.
    article = (
        "Quaymark Inc. raised $5 million in a seed round from Brindle Capital LLC. Brindle Capital led the "
        "round. Quaymark makes harbour sensors."
    )
    draft = Draft.model_validate(
        {
            "is_funding_news": True,
            "rounds": [
                {
                    "company": "Quaymark",
                    "amount": "$5 million",
                    "investors": [
                        {"name": "Brindle Capital LLC", "lead": True},
                        {"name": "Brindle Capital", "lead": False},
                        {"name": "Quaymark Inc.", "lead": False},
                    ],
                    "primary": True,
                }
            ],
        }
    )
    result = Checker(article, PUBLISHED).check(draft)
    assert [i.name for i in result.rounds[0].investors] == ["Brindle Capital LLC"]
    messages = {p.path: p.message for p in result.problems}
    assert "listed twice" in messages["rounds.0.investors.1"]
    assert "invest in itself" in messages["rounds.0.investors.2"]
