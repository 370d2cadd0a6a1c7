"""Turns the model's draft into record rounds, checking every value against the article.

One mechanism serves two purposes: during the model call its problems are
sent back as a re-ask (strict); after the last attempt the same checks remove
whatever still fails and list it as a warning (lenient). A value the article
does not support never reaches the record unflagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from extractor.grounding import Grounder
from extractor.guard import Passage
from extractor.parsing import fx
from extractor.parsing.dates import article_year, resolve
from extractor.parsing.money import MoneyParseError, parse_money
from extractor.parsing.names import normalize
from extractor.parsing.round_types import round_type_for
from schemas.draft import Draft, DraftRound
from schemas.record import Evidence, Investor, Money, RecordWarning, Round, Valuation


@dataclass
class Problem:
    path: str
    message: str
    value: str | None = None
    # False for notes that are not the model's fault (e.g. no ECB rate): warned, never re-asked.
    reask: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class Checked:
    is_funding_news: bool
    rounds: list[Round] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def reasks(self) -> list[str]:
        return [str(p) for p in self.problems if p.reask]

    def warnings(self) -> list[RecordWarning]:
        return [RecordWarning(path=p.path, message=p.message, value=p.value) for p in self.problems]


@dataclass
class Checker:
    """Checks drafts of one article. `example_text` is the few-shot text, to name copies from it;
    `avoid` are passages addressing the model (extractor.guard), which cannot ground a value."""

    article: str
    published: str | None = None
    example_text: str = ""
    avoid: Sequence[Passage] = ()

    def __post_init__(self) -> None:
        self.grounder = Grounder(self.article, self.avoid)
        self._example = Grounder(self.example_text) if self.example_text else None

    @cached_property
    def year(self) -> str | None:
        """Without a published date, the one year the article names dates a month named without one."""
        return None if self.published else article_year(self.article)

    def resolve_date(self, phrase: str) -> str | None:
        """The partial ISO date a date phrase of this article fixes (see extractor.parsing.dates.resolve)."""
        return resolve(phrase, self.published, self.year)

    def _missing(self, what: str, quote: str) -> str:
        if self.grounder.only_in_avoided(quote):
            return (
                f"{what} {quote!r} occurs only in a passage that addresses the model, "
                "not in the article's reporting; not used"
            )
        if self._example is not None and self._example.locate(quote) is not None:
            return f"{what} {quote!r} is copied from the prompt's example, not from this article"
        return f"{what} {quote!r} does not occur in the article"

    def _money(
        self, path: str, quote: str | None, problems: list[Problem], evidence: dict[str, Evidence]
    ) -> Money | None:
        if not quote:
            return None
        ev = self.grounder.locate(quote)
        if ev is None:
            problems.append(Problem(path, self._missing("amount", quote), quote))
            return None
        try:
            parsed = parse_money(ev.text, context=self.article)
        except MoneyParseError as exc:
            problems.append(Problem(path, f"{quote!r} is not an amount of money: {exc}", quote))
            return None
        if parsed.currency is None:
            choices = "/".join(parsed.ambiguous) or "several currencies"
            problems.append(
                Problem(
                    path, f"the currency of {quote!r} is ambiguous ({choices}); not guessed", quote, False
                )
            )
            return None
        evidence[path.rsplit(".", 1)[-1]] = ev
        return Money(value=parsed.value, currency=parsed.currency)

    def check_round(
        self, i: int, draft: DraftRound, problems: list[Problem], news: bool = True
    ) -> Round | None:
        """One round of the draft; `news` is the draft's is_funding_news (only news dates a round by default)."""
        p = f"rounds.{i}"
        evidence: dict[str, Evidence] = {}
        company_ev = self.grounder.locate(draft.company)
        if company_ev is None:
            problems.append(
                Problem(p, self._missing("company", draft.company) + "; round dropped", draft.company)
            )
            return None
        evidence["company"] = company_ev

        label = draft.round_label
        if label:
            ev = self.grounder.locate(label)
            if ev is None:
                problems.append(Problem(f"{p}.round_label", self._missing("round label", label), label))
                label = None
            else:
                evidence["round_label"] = ev
        implied = round_type_for(label)
        round_type = implied
        if implied == "unknown" and draft.round_type:
            # No label, or one whose words the parser does not map ("Brückenfinanzierung"): the model's type.
            round_type = draft.round_type
        elif draft.round_type and implied != "unknown" and draft.round_type != implied:
            problems.append(
                Problem(
                    f"{p}.round_type",
                    f"round_type {draft.round_type} contradicts the label {label!r}; {implied} used",
                    draft.round_type,
                    False,
                )
            )

        amount = self._money(f"{p}.amount", draft.amount, problems, evidence)
        amount_usd = self._money(f"{p}.amount_usd", draft.amount_usd, problems, evidence)
        if amount_usd is not None and amount_usd.currency != "USD":
            problems.append(
                Problem(
                    f"{p}.amount_usd",
                    f"{draft.amount_usd!r} is in {amount_usd.currency}, not USD",
                    draft.amount_usd,
                )
            )
            amount_usd = None
            evidence.pop("amount_usd", None)
        if amount is not None and amount.currency == "USD":
            if amount_usd is not None and abs(amount_usd.value - amount.value) > amount.value * Decimal(
                "0.01"
            ):
                problems.append(
                    Problem(f"{p}.amount_usd", "the amount is already in USD and amount_usd differs from it")
                )
            amount_usd = amount
            if "amount" in evidence:
                evidence["amount_usd"] = evidence["amount"]

        announced = None
        if draft.date:
            ev = self.grounder.locate(draft.date)
            if ev is None:
                problems.append(Problem(f"{p}.announced", self._missing("date", draft.date), draft.date))
            else:
                announced = self.resolve_date(ev.text)
                if announced is not None:
                    evidence["announced"] = ev
        if announced is None and news and draft.primary and self.published:
            # News reports its round as recent: without a date phrase, the publication month dates it.
            announced = self.published[:7]
        if announced and self.published and announced[: len(self.published)] > self.published:
            problems.append(
                Problem(
                    f"{p}.announced", f"{announced} is after the published date {self.published}", announced
                )
            )
            announced = None
            evidence.pop("announced", None)

        if amount is not None and amount_usd is not None and amount.currency != "USD":
            ok, why = fx.consistent(
                amount.value, amount.currency, amount_usd.value, announced or self.published
            )
            if ok is None:
                problems.append(Problem(f"{p}.amount_usd", why, reask=False))
            elif not ok:
                problems.append(
                    Problem(
                        f"{p}.amount_usd",
                        f"{draft.amount_usd!r} does not match {draft.amount!r}: {why}",
                        draft.amount_usd,
                    )
                )
                amount_usd = None
                evidence.pop("amount_usd", None)

        investors: list[Investor] = []
        seen: set[str] = set()
        # normalize, not the scoring's space-blind name_key: a founder "Li Xiang" is no "Lixiang"
        company_key = normalize(company_ev.text)
        for j, inv in enumerate(draft.investors):
            ip = f"{p}.investors.{j}"
            ev = self.grounder.locate(inv.name)
            key = normalize(inv.name)
            if ev is None:
                problems.append(Problem(ip, self._missing("investor", inv.name), inv.name))
            elif key == company_key:
                problems.append(
                    Problem(ip, f"{inv.name!r} is the company itself; it cannot invest in itself", inv.name)
                )
            elif key in seen:
                problems.append(Problem(ip, f"investor {inv.name!r} is listed twice", inv.name))
            else:
                seen.add(key)
                evidence[f"investors.{len(investors)}"] = ev
                investors.append(Investor(name=ev.text, lead=inv.lead))

        valuation = None
        money = self._money(f"{p}.valuation", draft.valuation, problems, evidence)
        if money is not None:
            valuation = Valuation(value=money.value, currency=money.currency, basis=draft.valuation_basis)

        return Round(
            company=company_ev.text,
            round_type=round_type,
            round_label=label,
            amount=amount,
            amount_usd=amount_usd,
            announced=announced,
            investors=investors,
            valuation=valuation,
            primary=draft.primary,
            evidence=evidence,
        )

    def check(self, draft: Draft) -> Checked:
        problems: list[Problem] = []
        rounds: list[Round] = []
        keys: set[tuple[object, ...]] = set()
        for i, draft_round in enumerate(draft.rounds):
            rnd = self.check_round(i, draft_round, problems, draft.is_funding_news)
            if rnd is None:
                continue
            # A copy repeats everything; two rounds of one company that differ in who invested or in being
            # news or background ("$20 million from A, weeks after $20 million from B") are two rounds.
            key = (normalize(rnd.company), rnd.amount and (rnd.amount.value, rnd.amount.currency), rnd.announced,
                   rnd.round_type, rnd.primary, frozenset(normalize(inv.name) for inv in rnd.investors))  # fmt: skip
            if key in keys:
                problems.append(Problem(f"rounds.{i}", "the same round is given twice; the copy was dropped"))
                continue
            keys.add(key)
            rounds.append(rnd)
        self._check_order(rounds, problems)
        return Checked(is_funding_news=self._news(draft, problems), rounds=rounds, problems=problems)

    @staticmethod
    def _news(draft: Draft, problems: list[Problem]) -> bool:
        """ANNOTATION.md: an article is funding news when it reports at least one round as news (a primary
        round); a piece that only recalls earlier rounds is not. Rounds alone never make it news: the
        model's flag stands, except that rounds it marks all as background make it false."""
        primary = [i for i, r in enumerate(draft.rounds) if r.primary]
        if draft.is_funding_news and draft.rounds and not primary:
            problems.append(
                Problem(
                    "is_funding_news",
                    "is true but every round is marked primary: false (background only); recorded as false",
                    reask=False,
                )
            )
            return False
        if not draft.is_funding_news and primary:
            problems.append(
                Problem(
                    "is_funding_news",
                    f"is false although rounds.{primary[0]} is marked primary (reported as news); kept false",
                    reask=False,
                )
            )
        return draft.is_funding_news

    def _check_order(self, rounds: list[Round], problems: list[Problem]) -> None:
        """An earlier (background) round cannot be dated after the round the article reports."""
        news = [r.announced for r in rounds if r.primary and r.announced]
        if not news:
            return
        latest = max(news)
        for i, rnd in enumerate(rounds):
            if not rnd.primary and rnd.announced:
                n = min(len(rnd.announced), len(latest))
                if rnd.announced[:n] > latest[:n]:
                    problems.append(
                        Problem(
                            f"rounds.{i}.announced",
                            f"earlier round dated {rnd.announced}, after the reported round ({latest})",
                            rnd.announced,
                        )
                    )
                    rounds[i] = rnd.model_copy(update={"announced": None})
                    rounds[i].evidence.pop("announced", None)
