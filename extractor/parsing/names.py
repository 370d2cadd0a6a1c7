"""Name normalisation for scoring and for the checks' duplicate tests: how a name is written (case,
punctuation, spacing, diacritics, legal form, a leading "the") must not decide whether a prediction names
the same company or investor as gold, nor whether two investors of a round are one."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Legal forms only. "Holdings", "Group", "Capital", "Ventures" name a different entity often enough
# (a group vs its operating company) that they stay part of the name.
LEGAL_SUFFIXES = frozenset(
    """
    ltd limited inc incorporated co corp corporation company llc llp lp plc gmbh ag kg sa sas sarl spa srl
    bv nv pte pvt private pty oy ab as kk ltda
    """.split()
)

# "S.A.", "N.V.", "S.p.A.", "L.L.C.": dotted single letters are one word once the dots go.
_DOTTED = re.compile(r"\b(?:[^\W\d_]\.)+[^\W\d_]\b\.?")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def _undot(m: re.Match[str]) -> str:
    return m.group(0).replace(".", "")


def normalize(name: str) -> str:
    """A display-stable canonical form: lower case, ASCII letters, single spaces, no legal form."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().translate(_APOSTROPHES)
    text = text.replace("&", " and ")
    text = re.sub(r"'s\b", "", text)
    text = _DOTTED.sub(_undot, text)
    words = re.sub(r"[\W_]+", " ", text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def name_key(name: str) -> str:
    """The matching key: the normal form without spaces, so "WestBridge" and "West Bridge" agree."""
    return normalize(name).replace(" ", "")


def name_keys(name: str, aliases: Iterable[str] = ()) -> set[str]:
    """Keys of a name and all its aliases (empty forms dropped)."""
    return {k for k in (name_key(n) for n in (name, *aliases) if n) if k}


def names_match(a: str, b: str, a_aliases: Iterable[str] = (), b_aliases: Iterable[str] = ()) -> bool:
    """Two names match when any form of one (its name or an alias) normalises like any form of the other."""
    return bool(name_keys(a, a_aliases) & name_keys(b, b_aliases))
