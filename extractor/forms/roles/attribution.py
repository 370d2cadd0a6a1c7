"""Whose money an amount is: the company its sentence names, else one named just before, else (for "the
company" or "it") the company named last; in an article of several companies, none."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.forms.roles import cues
from extractor.forms.roles.candidates import Candidates


def mentions_of(sentences: list[str], text: str) -> list[int]:
    pattern = cues.name_pattern(text)
    return [i for i, s in enumerate(sentences) if pattern.search(s)]


# A sentence whose money belongs to a company named before it: "the company obtained $51.5 million".
_ANAPHOR = re.compile(
    r"\b(?:the|this|that) (?:[\w-]+ ){0,2}?(?:company|startup|start-up|firm|platform|business|group|venture|"
    r"brand|fintech|lender|maker|provider|unicorn|app|marketplace|developer|operator|retailer|service)\b|\b(?:it|its|they|their)\b|"
    r"\b(?:a|la|o|el) (?:empresa|compañía|companhia|startup|fintech|plataforma|firma|sociedad|sociedade|"
    r"marca|unicornio|unicórnio|healthtech|edtech|insurtech|proptech|agtech|legaltech)\b|\bperusahaan\b|"
    r"\b(?:das|die|der) (?:unternehmen|start-up|firma)\b|\b(?:l'entreprise|la société|la start-up)\b",
    re.I,
)


# An investing verb anywhere after a list of names: "Nextrans, Cocoon and Surge committed $9 million".
_INVESTING = re.compile(
    r"\b(?:co-?led|led|invested|invests|backed|backs|joined|participated|put|puts|committed|contributed|"
    r"poured|injected|lideró|liderou|investiu|invirtió|dipimpin|führte|investierte)\b",
    re.I,
)
# What may stand before a sentence's subject: a bullet, a conjunction, a time ("And last month Transsion").
_SUBJECT_LEAD = re.compile(
    r"^[\s\-–•*]*(?:(?:and|but|meanwhile|also|separately|elsewhere|then|last|this|next|earlier|later|in|on|"
    r"month|week|year|today|yesterday|monday|tuesday|wednesday|thursday|friday|\d{4}),?\s+){0,4}$",
    re.I,
)


# The company named after its money: cues.RAISED_BY, or "a $25 million round for X".
_RAISED_BY = re.compile(
    rf"^(?:\s+\S+){{0,4}}?\s+(?:{cues.RAISED_BY}|(?:round|series [a-z]\+?|seed round|funding round|"
    r"financing round)\s+for)\s+(?:\S+\s+){0,2}?(?:\S+-based\s+)?",
    re.I,
)


def company_for(
    where: int, amount: str | None, companies: list[str], cands: Candidates, others: Sequence[str] = ()
) -> str | None:
    """The company whose round opens at sentence `where`: named in that sentence (before the amount,
    nearest first; else after it), else in the two sentences before it in the same paragraph, else,
    when the sentence refers back to a company ("the company", "it"), the company named last before it.
    Where the article names several companies, only a sentence that refers back looks back at all."""
    sentences = cands.sentences
    if where >= len(sentences):
        return None
    sentence = sentences[where]
    at = sentence.find(amount) if amount else len(sentence)
    found = []
    for name in companies:
        for m in cues.name_pattern(name).finditer(sentence):
            # "led by Khosla Ventures (set up by a co-founder of Sun Microsystems)": a bracket after the
            # amount describes a backer, not the raiser
            if m.start() > at and cues.bracket_open(sentence[max(at, 0) : m.start()]):
                continue
            found.append((m.start() > at, abs(at - m.start()), name))
    if amount and at >= 0:
        # "a $200 million Series D by Tabby, and $130 million raised by MNT-halan": the name after "by"
        # in the amount's own clause raised it, whoever was named before
        clause = re.split(r"[,;]", sentence[at + len(amount) :], maxsplit=1)[0]
        by = _RAISED_BY.search(clause)
        if by:
            named = [n for n in companies if cues.name_pattern(n).match(clause, by.end())]
            if named:
                return max(named, key=len)
    # The subject of the funding verb ("8th Wall, a provider of ... that works with Google's Tango, has
    # raised $2.4 million") raised the money, however many names its description holds.
    # No other name may stand between its verb and the money ("X said it raised $10.8 million, while Y said
    # that Z led a $10 million round").
    subjects = [
        (at - m.start(), name)
        for name in companies
        for m in cues.name_pattern(name).finditer(sentence[: max(at, 0)])
        if (verb := cues.raiser_verb(sentence[m.end() : at])) is not None
        and not any(
            cues.name_pattern(other).search(sentence, m.end() + verb.end(), at)
            for other in (*companies, *others)
        )
    ]
    if subjects:
        return min(subjects)[1]
    if found and not min(found)[0]:
        return min(found)[2]  # named before the amount, nearest first
    # An organisation the model did not take for a raiser, named before the amount and not investing, is
    # who the money is about ("Taboola ... topped the list with a $117 million round, followed by Quixey").
    if any(
        _SUBJECT_LEAD.match(sentence[: m.start()]) and not _INVESTING.search(sentence[m.end() : max(at, 0)])
        for n in others
        for m in cues.name_pattern(n).finditer(sentence[: max(at, 0)])
    ):
        return None
    if found:
        return min(found)[2]
    anaphor = _ANAPHOR.search(sentence[: at if at >= 0 else len(sentence)])
    pronoun = anaphor is not None and anaphor.group(0).lower() in ("it", "its", "they", "their")
    if anaphor and not pronoun:
        # "the startup" is the company the headline is about when one of the last two sentences names it
        near = [n for n in companies if mentions_of(sentences[max(0, where - 2) : where], n)]
        subject = [n for n in near if cands.contexts.get(n) and cands.contexts[n].headline]
        if len(subject) == 1:
            return subject[0]
    # In an article about several companies (not two names of one), money in a sentence that names none
    # of them and refers to no one ("A $5 million round was led by X" in a digest) may be anyone's, and a
    # bare "it" may be an investor or another company: neither is given to a company sentences away.
    several = len({n for n in companies if not any(n != o and n in o for o in companies)}) >= 2
    if several and not anaphor:
        return None
    paragraph = cands.chosen[where].paragraph
    for back in (where - 1, where - 2):
        if back >= 1 and cands.chosen[back].paragraph == paragraph:
            named = [n for n in companies if mentions_of([sentences[back]], n)]
            if named:
                return named[-1]
    if anaphor and not (several and pronoun):  # "it": the company named last
        for back in range(where - 1, -1, -1):
            last = [(sentences[back].rfind(n), n) for n in companies if mentions_of([sentences[back]], n)]
            if last:
                return max(last)[1]
    return None
