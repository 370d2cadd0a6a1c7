"""Money as funding news writes it -> exact value and ISO 4217 currency.

Handles symbols and codes before or after the number ("$12.5M", "USD 40 million", "1.8 billion yuan"),
scale words in several languages ("crore", "lakh", "milhões", "miliar", "Mio.", "亿", "억"), number
words ("half a billion dollars") and decimal commas ("€1,5 Mio."). A "$" or "¥" is resolved from the
article where it allows ("$8.5m (US$6.3m)" makes "$" local); otherwise it is reported as ambiguous,
never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from schemas.currencies import ISO_4217


class MoneyParseError(ValueError):
    """The text holds no amount of money, or more than one."""


@dataclass(frozen=True)
class ParsedMoney:
    value: Decimal
    currency: str | None
    text: str
    start: int
    end: int
    ambiguous: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        value: int | float = (
            int(self.value) if self.value == self.value.to_integral_value() else float(self.value)
        )
        return {
            "value": value,
            "currency": self.currency,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "ambiguous": list(self.ambiguous),
        }


# Prefix symbols and codes. "$" and "¥" are resolved later; "kr" and "R" are ambiguous too.
_PREFIX = {
    "us$": "USD", "u.s.$": "USD", "usd": "USD", "$": "$", "s$": "SGD", "sgd": "SGD", "a$": "AUD", "au$": "AUD",
    "aud": "AUD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "hk$": "HKD", "hkd": "HKD", "nz$": "NZD",
    "nzd": "NZD", "nt$": "TWD", "twd": "TWD", "r$": "BRL", "brl": "BRL", "mx$": "MXN", "mxn": "MXN",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "₹": "INR", "rs.": "INR", "rs": "INR", "inr": "INR",
    "¥": "¥", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "₩": "KRW", "krw": "KRW", "rp": "IDR", "rp.": "IDR",
    "idr": "IDR", "₦": "NGN", "ngn": "NGN", "kes": "KES", "ksh": "KES", "zar": "ZAR", "aed": "AED",
    "sar": "SAR", "egp": "EGP", "try": "TRY", "₺": "TRY", "pln": "PLN", "chf": "CHF", "sek": "SEK",
    "nok": "NOK", "dkk": "DKK", "thb": "THB", "฿": "THB", "php": "PHP", "₱": "PHP", "myr": "MYR", "rm": "MYR",
    "vnd": "VND", "₫": "VND", "pkr": "PKR", "bdt": "BDT", "ils": "ILS", "₪": "ILS", "qar": "QAR",
    "kr": "kr", "r": "R", "cop": "COP", "clp": "CLP", "ars": "ARS", "pen": "PEN", "ghs": "GHS",
    "egp£": "EGP", "n": "N", "czk": "CZK", "huf": "HUF", "ron": "RON", "uah": "UAH", "rub": "RUB", "₽": "RUB",
}  # fmt: skip
# Currency words after the number.
_SUFFIX = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "$", "dollar": "$", "dólares": "USD",
    "dolares": "USD", "dollari": "USD", "euros": "EUR", "euro": "EUR", "d'euros": "EUR", "de euros": "EUR",
    "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY",
    "rmb": "CNY", "元": "CNY", "yen": "JPY", "円": "JPY", "won": "KRW", "원": "KRW", "rupees": "INR",
    "rupee": "INR", "rupiah": "IDR", "naira": "NGN", "shillings": "KES", "rand": "ZAR", "dirhams": "AED",
    "riyals": "SAR", "reais": "BRL", "real": "BRL", "reales": "BRL", "swiss francs": "CHF", "d’euros": "EUR", "pesos": "MXN", "francs": "CHF", "kronor": "SEK",
    "kroner": "kr", "ringgit": "MYR", "baht": "THB", "dong": "VND", "lira": "TRY", "złoty": "PLN",
    "zloty": "PLN", "singapore dollars": "SGD", "australian dollars": "AUD", "canadian dollars": "CAD",
    "hong kong dollars": "HKD", "€": "EUR",
}  # fmt: skip
_CODE_SUFFIX = {c.lower(): c for c in ISO_4217}

_SCALE = {
    "k": 10**3, "thousand": 10**3, "mil": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "mio": 10**6,
    "million": 10**6, "millions": 10**6, "millón": 10**6, "millon": 10**6, "millones": 10**6,
    "milhão": 10**6, "milhao": 10**6, "milhões": 10**6, "milhoes": 10**6, "juta": 10**6, "millionen": 10**6,
    "mi": 10**6, "bi": 10**9, "b": 10**9, "bn": 10**9, "bln": 10**9, "billion": 10**9, "billions": 10**9, "mrd": 10**9,
    "milliard": 10**9, "milliarden": 10**9, "miliar": 10**9, "bilhão": 10**9, "bilhao": 10**9,
    "bilhões": 10**9, "bilhoes": 10**9, "mil millones": 10**9, "tỷ": 10**9, "trillion": 10**12,
    "tn": 10**12, "triliun": 10**12, "crore": 10**7, "crores": 10**7, "cr": 10**7, "lakh": 10**5,
    "lakhs": 10**5, "lac": 10**5, "万": 10**4, "亿": 10**8, "億": 10**8, "억": 10**8, "조": 10**12,
    "만": 10**4,
}  # fmt: skip
_WORDS: dict[str, int | Decimal] = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "half a": Decimal("0.5"), "a half": Decimal("0.5"), "a quarter": Decimal("0.25"),
}  # fmt: skip


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_NUM = r"\d{1,3}(?:[,.\s]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_WORD_NUM = rf"(?:{_alt(_WORDS)})"
_SCALE_RE = rf"(?:{_alt(_SCALE)})"
_PREFIX_RE = rf"(?:{_alt(_PREFIX)})"
_SUFFIX_RE = rf"(?:{_alt(_SUFFIX)}|{_alt(_CODE_SUFFIX)})"

_PATTERN = re.compile(
    rf"""
    (?<![\w$€£¥₹₩])
    (?:(?P<pre>{_PREFIX_RE})\s?)?
    (?P<num>{_NUM}|{_WORD_NUM}(?=\s?{_SCALE_RE}\b))
    (?:\s?(?P<scale>{_SCALE_RE})\.?(?![A-Za-z]))?
    (?:\s?(?:de\s+|of\s+)?(?P<suf>{_SUFFIX_RE})(?![A-Za-z]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)

_LOCAL_DOLLAR = {
    "SGD": r"\bsingapore\b|\bS\$",
    "AUD": r"\baustralia|\bA\$",
    "CAD": r"\bcanad|\bC\$",
    "HKD": r"\bhong kong\b|\bHK\$",
    "NZD": r"\bnew zealand\b|\bNZ\$",
    "TWD": r"\btaiwan\b|\bNT\$",
}
_DOLLARS = ("USD", "SGD", "AUD", "CAD", "HKD", "NZD", "TWD")


def dollar_currency(article: str) -> str | None:
    """What a bare "$" means here: USD unless the article pairs "$X (US$Y)", which makes "$" local."""
    if not re.search(r"(?<![A-Za-z])\$\s?\d[^()]{0,30}\(\s*(?:~|about|approx\.?|around)?\s*US\$", article):
        return "USD"
    for code, signal in _LOCAL_DOLLAR.items():
        if re.search(signal, article, re.IGNORECASE):
            return code
    return None


def _yen_currency(article: str) -> str | None:
    cny = re.search(r"\byuan\b|\brmb\b|\bchin|renminbi|元", article, re.IGNORECASE)
    jpy = re.search(r"\byen\b|\bjapan|円", article, re.IGNORECASE)
    if cny and not jpy:
        return "CNY"
    if jpy and not cny:
        return "JPY"
    return None


def _value(num: str, scale: str | None) -> Decimal:
    num = num.strip()
    lowered = num.lower()
    if lowered in _WORDS:
        base = Decimal(_WORDS[lowered])
    else:
        digits = num.replace(" ", "")
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):  # 1.002.000,5
            digits = digits.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):  # 1,002,000.5
            digits = digits.replace(",", "")
        elif re.fullmatch(r"\d+,\d{1,2}", digits):  # 1,5 (decimal comma)
            digits = digits.replace(",", ".")
        else:
            digits = digits.replace(",", "")
        try:
            base = Decimal(digits)
        except InvalidOperation as exc:
            raise MoneyParseError(f"{num!r} is not a number") from exc
    factor = _SCALE.get(scale.lower().rstrip("."), 1) if scale else 1
    result = base * factor
    return result.quantize(Decimal(1)) if result == result.to_integral_value() else result.normalize()


def _resolve(pre: str | None, suf: str | None, article: str) -> tuple[str | None, tuple[str, ...]]:
    code = None
    if pre:
        code = _PREFIX.get(pre.lower())
    if suf:
        s = suf.lower()
        word = _SUFFIX.get(s) or _CODE_SUFFIX.get(s)
        if word and (code is None or code in ("$", "¥", "R", "kr")):
            code = word if word != "$" or code is None else code
    if code == "$":
        local = dollar_currency(article)
        return (local, ()) if local else (None, _DOLLARS)
    if code == "¥":
        yen = _yen_currency(article)
        return (yen, ()) if yen else (None, ("CNY", "JPY"))
    if code == "N":
        if re.search(r"nigeria|naira|lagos|abuja", article, re.IGNORECASE):
            return "NGN", ()
        return None, ("NGN",)
    if code == "R":
        return ("ZAR", ()) if re.search(r"south africa", article, re.IGNORECASE) else (None, ("ZAR", "BRL"))
    if code == "kr":
        for c, signal in (
            ("SEK", r"swed|stockholm"),
            ("NOK", r"norw|oslo"),
            ("DKK", r"denmark|danish|copenhagen"),
        ):
            if re.search(signal, article, re.IGNORECASE):
                return c, ()
        return None, ("SEK", "NOK", "DKK")
    return code, ()


def _spans(text: str, article: str) -> list[ParsedMoney]:
    found = []
    for m in _PATTERN.finditer(text):
        pre, num, scale, suf = m.group("pre"), m.group("num"), m.group("scale"), m.group("suf")
        if not pre and not suf:
            # Indian scale words imply rupees; bare numbers are not money.
            if scale and scale.lower().rstrip(".") in ("crore", "crores", "cr", "lakh", "lakhs", "lac"):
                suf = "rupees"
            elif scale and scale in ("万", "亿", "億") and re.match(r"\s?元", text[m.end() :]):
                suf = "元"
            else:
                continue
        if num.lower() in _WORDS and not scale:
            continue  # "a million dollars" is money; "a €" before "2 million" is not
        if pre and pre.lower() in ("n", "r") and not scale:
            continue  # "N95", "R2": a single letter is a currency only before an amount with a scale
        if (
            pre
            and pre.lower() in ("r", "rm", "rs", "kr", "try", "sar", "php", "rp", "mil")
            and not re.match(r"\s?\d", text[m.start() + len(pre) :])
        ):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", num) and not scale and not pre:
            continue
        try:
            value = _value(num, scale)
        except MoneyParseError:
            continue
        if value <= 0:
            continue
        currency, ambiguous = _resolve(pre, suf, article)
        end = m.end()
        while end > m.start() and text[end - 1] in " .":
            end -= 1
        found.append(ParsedMoney(value, currency, text[m.start() : end], m.start(), end, ambiguous))
    return found


def find_money(article: str) -> list[ParsedMoney]:
    """Every money span in an article, with offsets and currencies resolved from the whole article."""
    return _spans(article, article)


_FILLER = re.compile(
    r"^(?:about|around|approximately|approx\.?|nearly|almost|roughly|some|over|more than|up to|at least|"
    r"just over|just under|under|~|cerca de|quase|mais de|alrededor de|más de|rund|etwa|über|environ|plus de|"
    r"sekitar|lebih dari|an additional|additional|a further|another|[\s(),.;:+~–-])*",
    re.IGNORECASE,
)


def parse_money(text: str, *, context: str | None = None) -> ParsedMoney:
    """One amount making up `text` (hedges such as "about" and brackets are allowed around it)."""
    if not text or not text.strip():
        raise MoneyParseError("empty text: no amount of money to parse")
    spans = _spans(text, context if context is not None else text)
    if not spans:
        raise MoneyParseError(f"no amount of money in {text!r}")
    distinct = {(s.value, s.currency) for s in spans}
    if len(distinct) > 1:
        raise MoneyParseError(f"{text!r} holds {len(spans)} different amounts; give one")
    span = spans[0]
    rest = (text[: span.start] + " " + text[span.end :]).strip()
    rest = _FILLER.sub("", rest)
    if re.search(r"\w{3,}", rest) and len(rest) > 24:
        raise MoneyParseError(f"{text!r} is more than an amount of money (left over: {rest!r})")
    return span
