"""Prompt templates: rendering, versioning, and few-shot examples that fit the schema."""

import json
import shutil

from extractor.candidates import Candidates
from extractor.prompting import Prompt
from schemas.draft import Draft, Roles


def test_chat_prompt_carries_article_date_and_round_types_from_the_schema():
    messages = Prompt("chat").messages("Acme raised $5m {{ not a template }}.", "2024-03-01")
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "series_b, series_c" in messages[0]["content"]
    assert messages[1]["content"] == "Published: 2024-03-01\nArticle:\nAcme raised $5m {{ not a template }}."


def test_completion_prompt_is_a_roles_form_ending_where_the_model_continues():
    messages = Prompt("completion").messages("Acme raised $5m.", None)
    assert len(messages) == 1
    content = messages[0]["content"]
    assert content.endswith("Article:\nAcme raised $5m.\nRoles:")
    assert "\nHarbor Robotics: company\n" in content and "\nAtlas Ventures: lead\n" in content


def test_chat_examples_are_valid_drafts_quoting_their_own_text():
    for example in Prompt("chat").examples:
        draft = Draft.model_validate(example["draft"])
        for rnd in draft.rounds:
            for quote in (rnd.company, rnd.amount, rnd.amount_usd, rnd.date, rnd.round_label, rnd.valuation):
                assert quote is None or quote in example["text"]
            assert all(inv.name in example["text"] for inv in rnd.investors)


def test_roles_examples_name_only_candidates_of_their_own_text():
    for example in Prompt("completion").examples:
        cands = Candidates.find(example["text"])
        assert set(example["names"]) <= set(cands.names), set(example["names"]) - set(cands.names)
        assert set(example["amounts"]) <= set(cands.money), set(example["amounts"]) - set(cands.money)
        Roles.model_validate(example["roles"])


def test_version_changes_when_a_template_changes(tmp_path):
    src = Prompt("chat").directory
    for f in src.iterdir():
        if f.suffix in (".j2", ".json"):
            shutil.copy(f, tmp_path / f.name)
    before = Prompt("chat", tmp_path).version
    assert before == Prompt("chat").version
    (tmp_path / "chat_system.j2").write_text((src / "chat_system.j2").read_text() + "\nBe brief.\n")
    assert Prompt("chat", tmp_path).version != before
    examples = json.loads((tmp_path / "roles_examples.json").read_text())
    assert Prompt("completion", tmp_path).version == Prompt("completion").version
    examples[0]["text"] += " "
    (tmp_path / "roles_examples.json").write_text(json.dumps(examples))
    assert Prompt("completion", tmp_path).version != Prompt("completion").version
