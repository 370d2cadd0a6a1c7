"""What the words around a span say about its role: deterministic evidence the model's choice is weighed with.

A 270M base model rates roles from the whole form, weakly. Funding news marks roles with a few phrases
in every language it is written in: "led by X", "X raised", "from X, Y and Z", "valued at", "said X",
"according to X". These functions read those phrases, for any article, as evidence in nats that is added
to the model's log-probabilities (extractor.forms.roles.decoder): the model still decides, and a span
with no such phrase around it is left to the model alone, nudged towards "other".

Nothing here knows any company, investor or figure: only the grammar of funding news.

The cues are split by what they read: `phrases` (the shared vocabulary), `names`, `amounts`, `stories`
(what kind of article it is) and `cjk` (Chinese). The names below are what the rest of the roles form uses.
"""

from __future__ import annotations

from extractor.forms.roles.cues.amounts import AmountContext, amount_context
from extractor.forms.roles.cues.cjk import (
    CJK_ADVERBS,
    CJK_BACKER_LIST,
    CJK_INVESTED_IN,
    CJK_LED,
    CJK_NAME_GOES_ON,
    CJK_OPENING_ADVERBS,
    CJK_PRONOUN,
    CJK_RAISE_VERB,
    cjk_amount_context,
    cjk_funding,
    cjk_name_contexts,
)
from extractor.forms.roles.cues.names import (
    TITLE_WORDS,
    NameContext,
    lead_spans,
    name_contexts,
    name_pattern,
    raiser_after,
    raiser_verb,
)
from extractor.forms.roles.cues.phrases import (
    FUNDING_NOUN,
    JOINS_ROUND,
    MONEY_VERB,
    RAISE_VERB,
    RAISED_BY,
    YEAR,
    bracket_open,
    dated_before,
    funding_sentence,
    listed_raise,
    says_earlier,
)
from extractor.forms.roles.cues.stories import cjk_story_kind, story_kind

__all__ = [
    "AmountContext",
    "CJK_ADVERBS",
    "CJK_BACKER_LIST",
    "CJK_INVESTED_IN",
    "CJK_LED",
    "CJK_NAME_GOES_ON",
    "CJK_OPENING_ADVERBS",
    "CJK_PRONOUN",
    "CJK_RAISE_VERB",
    "FUNDING_NOUN",
    "JOINS_ROUND",
    "MONEY_VERB",
    "NameContext",
    "RAISED_BY",
    "RAISE_VERB",
    "TITLE_WORDS",
    "YEAR",
    "amount_context",
    "bracket_open",
    "cjk_amount_context",
    "cjk_funding",
    "cjk_name_contexts",
    "cjk_story_kind",
    "dated_before",
    "funding_sentence",
    "lead_spans",
    "listed_raise",
    "name_contexts",
    "name_pattern",
    "raiser_after",
    "raiser_verb",
    "says_earlier",
    "story_kind",
]
