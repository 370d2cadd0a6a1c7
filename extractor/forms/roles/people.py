"""Whether a name reads as a person's: a common given name and one or two more capitalised words.

A person is never the company of a round (angels are investors, founders are neither), yet a name like
"Ana Ruiz" can sit where a raiser does ("Ana Ruiz's startup raised"). The given names come from the 1990
US Census lists, so names from elsewhere are often not recognised: this flags, it does not decide."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

# Words that make a name an organisation's whatever its first word: "Grace Health", "Henry Labs".
_ORG_WORD = re.compile(
    r"\b(?:Capital|Ventures?|Partners|Fund|Labs?|AI|Health|Bank|Group|Holdings?|Technologies|Tech|Systems|"
    r"Energy|Motors?|Foods?|Pharma\w*|Therapeutics|Bio\w*|Media|Studios?|Games|Network|Solutions|Software|"
    r"Robotics|Finance|Financial|Insurance|Electric|Express|Mobility|Logistics|Inc|Ltd|LLC|Co|Corp\w*|Company|"
    r"Global|International|Digital|Cloud|Data|Security|Medical|Sciences?|Foundation|Institute|University|Club|"
    r"Markets?|Pay|Money|Cash|Wallet|Brands?|Homes?|Kitchen|Coffee|Tea|Beauty|Fashion|Wear|Shoes)\b"
)
_PARTICLES = {"de", "da", "van", "von", "del", "dos", "di", "bin", "al"}


@cache
def given_names() -> frozenset[str]:
    text = files("extractor.forms.roles").joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def looks_personal(name: str) -> bool:
    """ "Ana Ruiz", "Ida de Moss": a common given name, then a surname."""
    words = name.split()
    if not 2 <= len(words) <= 3 or _ORG_WORD.search(name):
        return False
    if not all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", w) or w in _PARTICLES for w in words):
        return False
    return words[0] in given_names()
