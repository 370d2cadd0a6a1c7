"""Roles (the small model's labels for each candidate span) -> a draft of rounds.

The model decides what each span is: a company raising money, a lead or other investor, money raised
now or earlier, a US-dollar equivalent, a valuation. This module only groups those decisions by where
they sit in the text:
- every amount labelled raised or earlier opens a round; its company is the company named in its own
  sentence (before the amount, nearest first), else in the sentences just before it in the same
  paragraph, else the article's main company; a digest of deals therefore gives one round per deal;
- a bracketed dollar figure is the US-dollar twin of the amount just before it;
- an investor belongs to the round whose sentence names it, else to the round whose passage it is in
  (the nearest round at or before it, unless another amount or round label opens a passage between);
- a label and a date belong to the round whose sentence holds them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from decimal import Decimal

from extractor.forms.roles import cues
from extractor.forms.roles.attribution import company_for
from extractor.forms.roles.candidates import Candidates
from extractor.forms.roles.conversions import echoes, usd_twins
from extractor.forms.roles.dating import announcement_day, date_of, digest_period, news_date
from extractor.forms.roles.labels import CONVERSION, label_of, labels_in, type_hint
from extractor.forms.roles.name_kinds import is_place, names_no_one, short_form
from extractor.forms.roles.restatements import without_restatements
from extractor.forms.roles.slot import Slot, parse_amount, same_value, values_close
from extractor.forms.roles.text import sentences as split_sentences
from extractor.parsing.money import find_money
from extractor.parsing.round_types import round_type_for
from schemas.draft import Draft, DraftInvestor, DraftRound, Roles

# A backer's sentence that points at the round the article is about.
# ("The new round comes a year after X raised ... led by Y", "Y did not take part in the latest financing"
# are about the earlier round's backers.)
_THIS_ROUND = re.compile(r"\bthis (?:round|financing|funding round)\b", re.I)


def _first_sentence(sentences: list[str], text: str) -> int:
    """Where the text is first mentioned, preferring the body to a headline that repeats it."""
    hits = [i for i, sentence in enumerate(sentences) if text in sentence]
    if not hits:
        return len(sentences)
    return hits[1] if hits[0] == 0 and len(hits) > 1 else hits[0]


def leads_in(sentence: str, names: list[str]) -> set[str]:
    """Names the sentence says led the round: "led by X and Y", "X led the round"."""
    leads: set[str] = set()
    for start, end in cues.lead_spans(sentence):
        leads.update(n for n in names if n in sentence[start:end])
    for n in names:
        if re.search(re.escape(n) + r"\s+(?:co-?led|led|lideró|liderou|memimpin)\b", sentence):
            leads.add(n)
    for m in cues.CJK_LED.finditer(sentence):
        leads.update(n for n in names if n in m.group(1))
    return leads


def _abbreviations(text: str) -> set[str]:
    """Short forms given in brackets right after a name: "Harvard Management Company (HMC)"."""
    return {
        m.group(2)
        for m in re.finditer(
            r"([A-Z][\w&.'’-]*(?:[ \t]+(?:(?:of|and|for|de|del|la|the)[ \t]+)?[A-Z&][\w&.'’-]*)+)\s*"
            r"\(([A-Z][A-Za-z&.]{1,9})\)",
            text,
        )
    }


def _canonical(chosen: str, names: list[str], article: str) -> str:
    """The fullest form of the company's name the article repeats ("Tidewater Robotics" over "Tidewater"),
    but not a one-off longer phrase ("Lixiang One", a product, over "Lixiang")."""
    first = chosen.split()[0] if chosen.split() else chosen
    related = [
        n
        for n in names
        if n.split() and n.split()[0] == first and (n.startswith(chosen) or chosen.startswith(n))
    ]
    counts = {n: len(cues.name_pattern(n).findall(article)) for n in related or [chosen]}
    most = max(counts.values())
    # A fuller form counts if it carries at least half of the mentions.
    return max((n for n, c in counts.items() if 2 * c >= most), key=len)


def _owner(
    slots: list[Slot],
    anchors: dict[int, str | None],
    where: int,
    sentences: list[str],
    name: str | None = None,
) -> Slot | None:
    """The round whose passage holds sentence `where`: a round opened in that sentence, else the nearest
    round before it (or just after it), unless another amount, or a label naming another round type,
    opens a passage between."""

    def blocked(lo: int, hi: int, slot: Slot) -> bool:
        own = round_type_for(slot.label)
        return any(
            lo < a <= hi and (label is None or round_type_for(label) != own) for a, label in anchors.items()
        )

    here = [s for s in slots if s.sentence == where]
    if len(here) > 1 and name is not None and where < len(sentences):
        # Two rounds in one sentence ("X raised $10.8M led by A, while Y said B led a $10M round"): the
        # investor goes with the amount nearest to it.
        sentence = sentences[where]
        at = sentence.find(name)
        return min(here, key=lambda s: abs(sentence.find(s.amount) - at) if s.amount else len(sentence))
    if here:
        return here[0]
    before = [s for s in slots if s.sentence <= where]
    if before:
        slot = max(before, key=lambda s: s.sentence)
        return None if blocked(slot.sentence, where, slot) else slot
    if not slots:
        return None
    slot = min(slots, key=lambda s: s.sentence)
    return None if blocked(where - 1, slot.sentence - 1, slot) else slot


# Round types whose money is given by a lender or grant-maker more often than raised from many backers.
_GIVEN = ("debt", "grant")


_POST = (
    r"(?:co-?)?founder|chair(?:man|woman|person)?|ceo|cto|coo|cfo|president|director|partner|head|"
    r"chief [a-z ]{0,20}officer|founder and ceo|co-?founder and ceo|executive|owner|vice[- ]president|"
    # an investing arm of a parent: "an early-stage investment platform of China's Oriza Holdings"
    r"platform|unit|subsidiary|arm|division|affiliate|vehicle"
)


def _affiliation(name: str, backers: list[str], text: str, companies: Collection[str] = ()) -> bool:
    """Whether the name only stands beside an investor: its owner ("Li Ka-shing's Horizons Ventures"), or
    where an investing person works ("(cofounder of X)", "chairman of X", "Sanjay Kapoor of X")."""
    n = re.escape(name)
    if any(re.search(rf"{n}['’]s\s+{re.escape(other)}", text) for other in backers):
        return True
    for m in re.finditer(
        rf"\b(?:{_POST})\s+(?:of|at)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?(?:[a-zA-Z-]+\s+){{0,4}}?{n}"
        r"(?!\s+(?:Fund|Ventures|Capital))",
        text,
        re.I,
    ):
        # "Voyager, the digital unit of PLDT": the parent of the company raising may invest in it.
        clause = re.split(r"[.;\n]", text[max(0, m.start() - 80) : m.start()])[-1]
        if not any(c in clause for c in companies):
            return True
    if re.search(
        rf"\b(?:launched|set up|founded|established|created|owned|run|managed|operated)\s+(?:jointly\s+)?by\s+"
        rf"(?:the\s+)?(?:[\w-]+['’]s\s+)?{n}\b",
        text,
    ):
        return True  # who set up an investing fund ("a fund launched by China's Ministry of Finance")
    for m in re.finditer(
        rf"\b(?:joint venture|subsidiary|unit|arm|affiliate|division)\s+(?:of|between)\s+[^.;(),]{{0,60}}?"
        rf"(?<![\w-]){n}\b",
        text,
    ):
        # the owners of an investor ("InnoVen, a joint venture of Temasek and UOB"), not of the company
        owned = re.split(r"[.;\n]", text[max(0, m.start() - 120) : m.start()])[-1].rsplit(",", 1)[0][-40:]
        if not any(c in owned for c in companies):
            return True
    return any(
        other != name and re.search(rf"{re.escape(other)}\s+(?:of|from)\s+{n}\b", text) for other in backers
    )


def _subject(sentence: str, names: list[str]) -> str | None:
    """The candidate name the sentence gives first, if any; a place ("AMSTERDAM —") is no subject."""
    hits = {n: cues.name_pattern(n).search(sentence) for n in names if not is_place(n)}
    at = {n: m.start() for n, m in hits.items() if m}
    return min(at, key=lambda n: (at[n], -len(n))) if at else None


def _names_of(company: str | None, canonical: dict[str, str]) -> set[str | None]:
    """The company and every name the model gave that maps to it."""
    return {company} | {raw for raw, canon in canonical.items() if canon == company}


def _names_company(sentence: str, company: str | None, canonical: dict[str, str]) -> bool:
    """Whether the sentence names the company, under any of the names that map to it."""
    return any(n and n in sentence for n in _names_of(company, canonical))


def _repeated_amounts(slots: list[Slot], sentences: list[str], companies: list[str]) -> list[Slot]:
    """A digest may give two companies the same sum ("Roomly raised $10 million ... Vitamo Foods raised
    $10 million"): a later sentence where another company raises the same words is a round too."""
    extra: list[Slot] = []
    for slot in slots:
        if slot.amount is None:
            continue
        first = {c for c in companies if c in sentences[slot.sentence]}
        for i in range(slot.sentence + 1, len(sentences)):
            s = sentences[i]
            at = s.find(slot.amount)
            named = {c for c in companies if 0 <= s.find(c) < at}  # the raiser, named before its money
            if at >= 0 and named and not named & first and cues.MONEY_VERB.search(s[max(0, at - 60) : at]):
                extra.append(Slot(slot.amount, slot.value, slot.primary, i))
    return sorted(slots + extra, key=lambda s: s.sentence) if extra else slots


def assemble(roles: Roles, cands: Candidates, article: str) -> Draft:
    sentences = cands.sentences
    twins = usd_twins(cands.focus)
    twin_of = {usd: amount for amount, usd in twins.items()}
    repeated = echoes(cands.focus)
    amount_roles = {text: role for text, role in roles.amounts.items() if text not in repeated}
    for echo, stated in repeated.items():
        # The conversion is the same money: a round the model saw in it is the stated amount's round.
        if roles.amounts.get(echo) in ("raised", "earlier") and amount_roles.get(stated) not in (
            "raised",
            "earlier",
        ):
            amount_roles[stated] = roles.amounts[echo]
    for amount, usd in twins.items():
        # A bracketed dollar figure is the same money: the pair takes the role either half was given.
        pair = {amount_roles.get(amount), amount_roles.get(usd)}
        role = "raised" if "raised" in pair else "earlier" if "earlier" in pair else amount_roles.get(amount)
        if role is not None:
            amount_roles[amount] = role
        amount_roles[usd] = "usd"
    order = sorted(amount_roles.items(), key=lambda kv: _first_sentence(sentences, kv[0]))
    slots: list[Slot] = []
    valuations: list[tuple[str, int]] = []
    for text, role in order:
        where = _first_sentence(sentences, text)
        if role in ("raised", "earlier"):
            news = role == "raised" and not cands.earlier(text)
            slots.append(Slot(text, parse_amount(text, article), news, where))
        elif role == "usd" and text in twin_of:
            continue  # attached to its twin below, which may come after it ("US$2 million or Rp29 billion")
        elif role == "usd":
            # The dollar figure belongs to the closest raised amount at or before it.
            before = [s for s in slots if s.sentence <= where and s.usd is None]
            parsed = parse_amount(text, article)
            if before and parsed is not None and parsed.currency == "USD":
                before[-1].usd, before[-1].usd_value = text, parsed.value
        elif role == "valuation":
            valuations.append((text, where))
    for usd, amount in twin_of.items():
        owner = next((s for s in slots if s.amount == amount), None)
        parsed = parse_amount(usd, article)
        if owner is not None and parsed is not None:
            owner.usd, owner.usd_value = usd, parsed.value

    # "Ventures", "Capital Partners": common nouns alone are a fragment of a name, no one's company
    companies = [n for n, r in roles.names.items() if r == "company" and not names_no_one(n)]
    backers = [(n, r) for n, r in roles.names.items() if r in ("lead", "investor")]
    if not companies:
        return Draft(is_funding_news=False, rounds=[])
    slots = _repeated_amounts(slots, sentences, companies)
    # The main company: the one the article is about (raises, and is named most).
    main_raw = max(
        companies,
        key=lambda n: (
            cands.contexts[n].raiser > 0 if n in cands.contexts else False,
            cands.mentions.get(n, 0),
        ),
    )
    canonical = {n: _canonical(n, list(roles.names), article) for n in companies}
    # Organisations the model left out of every round; not people ("Fang said") nor places.
    others = [
        n
        for n, r in roles.names.items()
        if r == "other"
        and not (cands.contexts.get(n) and cands.contexts[n].person)
        and not is_place(n)
        and not any(n in c or c in n for c in companies)
    ]
    for slot in slots:
        found = company_for(slot.sentence, slot.amount, companies, cands, others)
        if found is None and slot.value is not None:
            # The same money said again where its company is named ("US$ 10 mi" in a summary line, then
            # "A LuzIA ... recebeu US$ 10 milhões"): the round sits there.
            for i in range(slot.sentence + 1, len(sentences)):
                again = next((m for m in find_money(sentences[i]) if same_value(m, slot.value)), None)
                if again is None:
                    continue
                named = company_for(i, again.text, companies, cands, others)
                if named:
                    slot.amount, slot.sentence, found = again.text, i, named
                    break
        slot.company = canonical.get(found, found) if found else None

    # A headline often repeats the news round in dollars: merge amounts equal to the same company's.
    kept: list[Slot] = []
    for slot in slots:
        v = slot.value
        twin = next(
            (
                k
                for k in kept
                if v is not None
                and k.value is not None
                and k.company == slot.company
                and (
                    same_value(k.value, v)
                    # a bare "$10.5M" in a headline is the body's "$10.5-million CAD"
                    or (k.value.value == v.value and "USD" in (k.value.currency, v.currency))
                    or (
                        v.currency == "USD" and k.usd_value is not None and values_close(k.usd_value, v.value)
                    )
                )
            ),
            None,
        )
        if twin is None:
            kept.append(slot)
            continue
        if slot.primary and not twin.primary:
            twin.primary = True
        if v is not None and twin.value is not None and twin.value.currency == "USD" != v.currency:
            # Keep the amount in the currency the article states ("CAD") over a bare "$".
            twin.amount, twin.value, twin.sentence = slot.amount, v, slot.sentence
    slots = kept
    for slot in slots:
        for other in slots:
            if (
                other is not slot
                and other.company == slot.company
                and slot.value is not None
                and slot.value.currency == "USD"
                and (other.usd_value is not None and values_close(other.usd_value, slot.value.value))
            ):
                slot.amount = None  # marked for removal below
    # A total the article splits into parts ("a $30m Series B: $23.75m of equity and $6m of debt") is no
    # round beside them: drop money equal to the sum of two or more later amounts of the same company.
    for slot in slots:
        v = slot.value
        parts = [
            o.value.value
            for o in slots
            if o is not slot and o.sentence >= slot.sentence and o.company == slot.company
            and o.value is not None and v is not None and o.value.currency == v.currency and o.value.value < v.value
        ]  # fmt: skip
        if (
            v is not None
            and len(parts) >= 2
            and abs(sum(parts, Decimal(0)) - v.value) <= v.value * Decimal("0.03")
        ):
            slot.amount = None
    had_money = bool(slots)
    slots = [s for s in slots if s.amount is not None and s.company]
    main = canonical[main_raw]
    if not had_money and backers and cands.story == "funding":
        # A round with investors but no amount: the news of an undisclosed raise.
        slots.append(Slot(None, None, True, _first_sentence(sentences, backers[0][0]), company=main))
    # A company the model says raised, named in a funding sentence beside its backers with no money
    # there: a round whose amount the article does not give ("Kitopi picks up a seed round from X and Y").
    owned = {s.company for s in slots}
    for raw in companies:
        if canonical[raw] in owned:
            continue
        for i, sentence in enumerate(sentences):
            here = cues.name_pattern(raw).search(sentence)
            first_backer = min(
                (m.start() for b, _ in backers if (m := cues.name_pattern(b).search(sentence))), default=None
            )
            if (
                here
                and first_backer is not None
                and here.start() < first_backer  # the raiser comes first: "Kitopi picks up ... from X"
                and not find_money(sentence)
                and cues.funding_sentence(sentence)
                # a sentence naming a company that has a round is about that round
                and not any(
                    c != raw and canonical[c] in owned and cues.name_pattern(c).search(sentence)
                    for c in companies
                )
            ):
                news = cands.story == "funding" and not cues.says_earlier(sentence, cands.newest_year)
                slots.append(Slot(None, None, news, i, company=canonical[raw]))
                owned.add(canonical[raw])
                break
    slots.sort(key=lambda s: s.sentence)
    if not slots:
        return Draft(is_funding_news=False, rounds=[])

    # Sentences that open a round's passage: an amount (value None), or only a round label (the label).
    anchors: dict[int, str | None] = {}
    valuing: set[int] = set()  # sentences whose only money is the news's valuation
    said = {s.amount for s in slots}
    for i, sent in enumerate(sentences):
        label = labels_in(sent)
        # Money that its words say is something else ("a 100 billion yuan fund", revenue) opens no passage.
        # Nor does a round's amount said again, or its conversion in brackets ("300 millions de dollars
        # (environ 257 millions d'euros)"): the sentence goes on about that round.
        spans = find_money(sent)
        money = [
            m.text
            for k, m in enumerate(spans)
            if not cands.is_share(m.text)
            and not cands.not_a_round(m.text)
            and m.text not in said
            and not (k > 0 and CONVERSION.fullmatch(sent[spans[k - 1].end : m.start]))
        ]
        if money and not any(s.sentence == i for s in slots):
            anchors[i] = None
            if all(
                amount_roles.get(twin_of.get(m, m)) == "valuation" and not cands.earlier(twin_of.get(m, m))
                for m in money
            ):
                valuing.add(i)
        elif label and not any(s.sentence == i for s in slots):
            anchors[i] = label[0][1]
    # Backers named after the valuation ("valued at $240m by this round. It was led by X") are the round's.
    backer_anchors = {i: label for i, label in anchors.items() if i not in valuing}
    # A round's passage ends where another round or amount opens.
    opens = sorted(set(anchors) | {s.sentence for s in slots})
    for slot in slots:
        slot.label = label_of(slot, sentences, opens, companies, slots, cands.newest_year)
    for text, where in valuations:
        owner = _owner(slots, anchors, where, sentences)
        if owner is not None and owner.valuation is None:
            owner.valuation = text
    backer_names = [n for n, _ in backers]
    all_companies = set(companies) | set(canonical.values())
    abbreviations = _abbreviations(cands.focus)
    for name, name_role in backers:
        if any(name == c or name in c or c in name for c in all_companies):
            continue
        if names_no_one(name):
            continue  # "Venture Capital", "Investment Holdings LP": a phrase or a fragment
        if name in abbreviations or any(
            name != other and (name in other or short_form(name, other)) for other in backer_names
        ):
            # "HMC" after "Harvard Management Company (HMC)", "Lerer" beside "Lerer Ventures", "Larch EMF"
            # beside "Larch Emerging Markets Fund"
            continue
        if _affiliation(name, backer_names, cands.focus, all_companies):
            continue  # the owner of an investor, or where an investing person works, is not in the round
        where = _first_sentence(sentences, name)
        target = _owner(slots, backer_anchors, where, sentences, name)
        if target is None and where < len(sentences) and _THIS_ROUND.search(sentences[where]):
            # "X is leading this round", after a sentence on all the company has raised
            target = next((s for s in reversed(slots) if s.primary and s.sentence <= where), None)
        if target is None or target.company and (name in target.company or target.company in name):
            continue  # in the passage of a round that was not extracted
        if 0 < where < target.sentence and (
            where < target.sentence - 1 or not _names_company(sentences[where], target.company, canonical)
        ):
            # before the round, about someone else ("Y counts A and B among its investors"), or about the
            # company's past: news gives the money first and its backers in the same or the next sentences
            continue
        past = where < len(sentences) and cues.says_earlier(sentences[where], cands.newest_year)
        if past and target.primary and target.amount is None:
            continue  # a backer of an earlier round, in the passage of an undisclosed news round
        if (
            past
            and target.primary
            and where > target.sentence
            and not find_money(sentences[where])
            and not cues.JOINS_ROUND.search(sentences[where])
        ):
            continue  # "it had raised a first round from X in 2017": X backed the past, not this round
        led = name_role == "lead" or (
            where < len(sentences) and name in leads_in(sentences[where], backer_names)
        )
        target.investors.append(DraftInvestor(name=name, lead=led))

    slots = without_restatements(slots, sentences, cands.published)
    told = announcement_day([s.text for s in split_sentences(article)], cands.published)
    # a digest reports several companies' news rounds
    digest = len({s.company for s in slots if s.primary}) >= 2
    period = digest_period(sentences, cands.published) if digest else None
    rounds = []
    for slot in slots:
        assert slot.company is not None
        hint = None if slot.label else type_hint(sentences[slot.sentence], slot.amount)
        subject = _subject(sentences[slot.sentence], cands.names) if hint == "private_equity" else None
        if subject is not None and subject not in _names_of(slot.company, canonical):
            # a fund closed by someone else the sentence is about ("A91 invests from its second fund, which
            # closed on $550m"): the fund manager's, and no round of this company
            continue
        if (hint or round_type_for(slot.label)) in _GIVEN and not any(
            cands.contexts[n].raiser > 0
            for n in companies
            if canonical[n] == slot.company and n in cands.contexts
        ):
            # a loan or grant is told from the giver's side ("the Foundation handed out R18 million", "awards
            # made by the Fund"): a company no sentence shows raising or receiving money is likely its giver
            continue
        rounds.append(
            DraftRound(
                company=slot.company,
                round_label=slot.label,
                round_type=hint,
                amount=slot.amount,
                amount_usd=slot.usd,
                date=news_date(slot, date_of(slot, sentences), cands.published, told, period),
                investors=slot.investors,
                valuation=slot.valuation,
                primary=slot.primary,
            )
        )
    return Draft(is_funding_news=any(r.primary for r in rounds), rounds=rounds)
