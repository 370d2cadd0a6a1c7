"""Name normalisation for scoring: case, punctuation, diacritics and legal-form suffixes do not count."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Legal forms only: "Holdings", "Group", "Capital" are part of a name and stay.
LEGAL_SUFFIXES = {
    "ltd", "limited", "inc", "incorporated", "co", "corp", "corporation", "llc", "llp", "lp", "gmbh", "ag",
    "sa", "sas", "sarl", "spa", "srl", "bv", "nv", "plc", "pte", "pvt", "private", "pty", "oy", "ab", "as",
    "kk", "ltda", "company",
}  # fmt: skip


def normalize(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("&", " and ").replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    words = re.sub(r"[^\w\s]", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def forms(name: str, aliases: Iterable[str] = ()) -> set[str]:
    return {normalize(n) for n in (name, *aliases) if n and normalize(n)}


def same(a: str, a_aliases: Iterable[str], b: str, b_aliases: Iterable[str] = ()) -> bool:
    """Two names match when any of their forms (name or alias) normalise alike."""
    return bool(forms(a, a_aliases) & forms(b, b_aliases))
