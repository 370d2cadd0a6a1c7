"""The round judge: a learned second opinion on each round the small-model path assembled.

Cue words and a 270M model's role choices decide which span raised which amount; on articles
they were never tuned on, about one round in five they assemble has no counterpart in the
annotation (a backer's share read as a round, an acquirer, a pronoun or a time adverb taken for
the company). The judge scores each checked round with a logistic model over the shape of the
round, not its words: how the company is written, how often and where it is named, whether it
invests in another round, what the round holds, how far its amount stands from its company, and
how it sits among the article's other rounds. No feature reads a name or a figure. (Words around
the spans raised the out-of-fold AUC only from 0.786 to 0.796 and made the judge doubt plain
rounds; the article's language added nothing but a prior against whole languages.) Rounds below the threshold are removed and named in the
record's warnings. The weights are fitted by `python -m evals.judge train` on rounds the pipeline
predicted for the `dev` articles of `evals/real` only.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from extractor.checks import Checked, Problem
from schemas.record import Round

WEIGHTS = Path(__file__).with_name("judge.json")

_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_FIRM = re.compile(r"\b(?:Capital|Ventures?|Partners|Funds?|Holdings?|Investments?|Group|Bank|Management)\b")
_SENTENCE_END = re.compile(r"[.!?。！？]\s")


def features(text: str, rnd: Round, others: Sequence[Round]) -> dict[str, float]:
    """The features of one round of an article, beside the article's other rounds."""
    f: dict[str, float] = {"bias": 1.0}
    company = rnd.company
    title_end = text.find("\n") if "\n" in text else len(text)
    f["primary"] = float(rnd.primary)
    f["has_amount"] = float(rnd.amount is not None)
    f[f"investors={min(len(rnd.investors), 3)}"] = 1.0
    f[f"round_type={rnd.round_type}"] = 1.0
    f["in_title"] = float(company.casefold() in text[:title_end].casefold())
    f[f"mentions={min(text.count(company), 4)}"] = 1.0
    f["firm_word"] = float(bool(_FIRM.search(company)))
    f[f"name_words={min(len(company.split()), 4)}"] = 1.0
    f["name_cjk"] = float(bool(_CJK.search(company)))
    f["name_lowercase"] = float(company[:1].islower())
    f["name_capitals"] = float(company.isupper() and len(company) > 1)
    first = max(text.find(company), 0)
    f[f"first_quarter={min(4 * first // max(len(text), 1), 3)}"] = 1.0
    f["invests_elsewhere"] = float(any(inv.name == company for o in others for inv in o.investors))
    f[f"same_company={min(sum(o.company == company for o in others), 2)}"] = 1.0
    f[f"other_companies={min(len({o.company for o in others} - {company}), 3)}"] = 1.0
    if rnd.amount is not None:
        same = [o.amount.value for o in others if o.amount and o.amount.currency == rnd.amount.currency]
        if same:
            f["largest_amount"] = float(rnd.amount.value > max(same))
    cs, am = rnd.evidence.get("company"), rnd.evidence.get("amount")
    if cs is not None and am is not None:
        f[f"distance={min(int(math.log2(abs(am.start - cs.start) + 1)), 12)}"] = 1.0
        between = text[min(cs.end, am.start) : max(cs.end, am.start)]
        f["line_between"] = float("\n" in between)
        f["sentence_between"] = float(bool(_SENTENCE_END.search(between)))
    return f


@dataclass(frozen=True)
class RoundJudge:
    weights: dict[str, float]
    threshold: float

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> RoundJudge:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["threshold"]))

    @property
    def digest(self) -> str:
        body = json.dumps([self.threshold, sorted(self.weights.items())], ensure_ascii=False)
        return hashlib.sha256(body.encode()).hexdigest()[:8]

    def score(self, text: str, rnd: Round, others: Sequence[Round]) -> float:
        """The probability that the round is one the article reports."""
        z = sum(self.weights.get(k, 0.0) * v for k, v in features(text, rnd, others).items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def review(self, checked: Checked, text: str) -> Checked:
        """The rounds the judge believes, with a warning for each it removed. Whether the article is
        funding news stays as it was: a doubted round is not evidence that nothing was raised."""
        keep: list[Round] = []
        problems = list(checked.problems)
        for i, rnd in enumerate(checked.rounds):
            p = self.score(text, rnd, checked.rounds[:i] + checked.rounds[i + 1 :])
            if p >= self.threshold:
                keep.append(rnd)
                continue
            amount = f"{rnd.amount.value:,} {rnd.amount.currency}" if rnd.amount else "no amount"
            problems.append(
                Problem(
                    f"rounds.{i}",
                    f"round of {rnd.company!r} ({amount}) removed: the round judge gives it "
                    f"{p:.2f}, below its threshold {self.threshold:.2f}",
                    reask=False,
                )
            )
        if len(keep) == len(checked.rounds):
            return checked
        return replace(checked, rounds=keep, problems=problems)


@cache
def default_judge() -> RoundJudge:
    return RoundJudge.load()
