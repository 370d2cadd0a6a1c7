"""Money as funding news writes it -> exact value and ISO 4217 currency.

Deterministic and stdlib-only, so a model's quoted amount can be checked against the article
without trusting the model's arithmetic. Handles symbols and codes before or after the number
("$12.5M", "USD 40 million", "1.8 billion yuan"), scale words in several languages ("crore", "lakh",
"milhões", "miliar", "Mio.", "亿", "억"), number words ("half a billion dollars") and decimal commas
("€1,5 Mio."). Symbols shared by several currencies ("$", "¥", "kr", "Rs", "R") are resolved from the
article where it allows; otherwise they are reported as ambiguous, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from schemas.currencies import ISO_4217


class MoneyParseError(ValueError):
    """The text holds no amount of money, or more than one."""


@dataclass(frozen=True)
class ParsedMoney:
    """One amount: exact value, ISO code (None when ambiguous) and where it was read."""

    value: Decimal
    currency: str | None
    text: str
    start: int
    end: int
    ambiguous: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict; integral values print as integers (like schemas.record.Amount)."""
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


# Symbols and words before the number (matched case-insensitively). Values are ISO codes or markers
# ("$", "¥", "kr", "Rs", "R", "N") that are resolved from the article.
_PREFIX = {
    "$": "$", "us$": "USD", "us $": "USD", "u.s.$": "USD", "u.s. $": "USD", "usd$": "USD", "s$": "SGD",
    "sg$": "SGD", "sgd$": "SGD", "a$": "AUD", "au$": "AUD", "aud$": "AUD", "c$": "CAD", "ca$": "CAD",
    "cad$": "CAD", "cdn$": "CAD", "$us": "USD", "$ us": "USD", "hk$": "HKD", "hkd$": "HKD", "nz$": "NZD",
    "nt$": "TWD", "r$": "BRL", "mx$": "MXN", "mex$": "MXN", "mxn$": "MXN", "cop$": "COP", "clp$": "CLP",
    "ars$": "ARS", "€": "EUR", "£": "GBP", "₹": "INR", "rs.": "Rs", "rs": "Rs", "₨": "Rs", "¥": "¥",
    "￥": "¥", "jp¥": "JPY", "cn¥": "CNY", "rmb": "CNY", "人民币": "CNY", "₩": "KRW", "rp.": "IDR",
    "rp": "IDR", "₦": "NGN", "n": "N", "ksh": "KES", "kshs": "KES", "ksh.": "KES", "r": "R", "₺": "TRY",
    "฿": "THB", "₱": "PHP", "rm": "MYR", "₫": "VND", "₪": "ILS", "₽": "RUB", "kr": "kr", "kr.": "kr",
    "e£": "EGP", "gh₵": "GHS", "₵": "GHS", "tk": "BDT", "৳": "BDT", "sfr": "CHF", "u$s": "USD", "u$d": "USD",
    "sh": "shillings", "shs": "shillings",
}  # fmt: skip
_EXACT_CASE = {"n": "N", "r": "R", "tk": "Tk", "sh": "Sh", "shs": "Shs"}  # currencies only in capitals
# Codes that are also words ("TOP 10", "PHP 8"): a currency only with a scale word or a grouped number.
_WORDY = {"ALL", "TOP", "CUP", "SOS", "BOB", "GEL", "MOP", "PEN", "TRY", "MAD", "SAR", "PHP", "RON", "NAD"}
_CODES = sorted(c for c in ISO_4217 if c.lower() not in _PREFIX)

# Currency words after the number (matched case-insensitively).
_SUFFIX = {
    "dollars": "$", "dollar": "$", "$": "$", "us dollars": "USD", "u.s. dollars": "USD", "us dollar": "USD",
    "american dollars": "USD", "singapore dollars": "SGD", "australian dollars": "AUD",
    "canadian dollars": "CAD", "hong kong dollars": "HKD", "new zealand dollars": "NZD",
    "taiwan dollars": "TWD", "new taiwan dollars": "TWD", "dólares": "USD", "dolares": "USD",
    "us-dollar": "USD", "us-dollars": "USD", "dolar": "$", "dolar as": "USD", "dolar amerika": "USD",
    "dolar amerika serikat": "USD",
    "dólares estadounidenses": "USD", "dollari": "USD", "euros": "EUR", "euro": "EUR", "d'euros": "EUR",
    "d’euros": "EUR", "d'euro": "EUR", "d’euro": "EUR", "€": "EUR", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "british pounds": "GBP", "egyptian pounds": "EGP", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "chinese yuan": "CNY", "yen": "JPY", "japanese yen": "JPY", "won": "KRW", "korean won": "KRW",
    "rupees": "Rs", "rupee": "Rs", "indian rupees": "INR", "pakistani rupees": "PKR",
    "sri lankan rupees": "LKR", "rupiah": "IDR", "naira": "NGN", "shillings": "shillings",
    "kenyan shillings": "KES", "ugandan shillings": "UGX", "tanzanian shillings": "TZS", "rand": "ZAR",
    "dirhams": "dirhams", "dirham": "dirhams", "riyals": "riyals", "riyal": "riyals",
    "saudi riyals": "SAR", "qatari riyals": "QAR", "reais": "BRL", "brazilian reais": "BRL",
    "brazilian real": "BRL", "reales": "BRL", "pesos": "pesos", "mexican pesos": "MXN",
    "pesos mexicanos": "MXN", "argentine pesos": "ARS", "colombian pesos": "COP", "chilean pesos": "CLP",
    "philippine pesos": "PHP", "swiss francs": "CHF", "francs": "francs", "franken": "CHF", "pfund": "GBP",
    "britische pfund": "GBP", "pfund sterling": "GBP",
    "cfa francs": "XOF", "kronor": "SEK", "swedish kronor": "SEK", "kroner": "kr", "norwegian kroner": "NOK",
    "danish kroner": "DKK", "kronur": "ISK", "kr": "kr", "kr.": "kr", "ringgit": "MYR", "baht": "THB",
    "dong": "VND", "đồng": "VND", "lira": "TRY", "turkish lira": "TRY", "tl": "TRY", "złoty": "PLN",
    "zloty": "PLN", "zlotys": "PLN", "zł": "PLN", "rubles": "RUB", "roubles": "RUB", "hryvnias": "UAH",
    "shekels": "ILS", "soles": "PEN", "cedis": "GHS", "taka": "BDT", "forint": "HUF", "korun": "CZK",
    "kč": "CZK", "lei": "RON", "元": "CNY", "人民币": "CNY", "人民幣": "CNY", "人民元": "CNY", "美元": "USD",
    "美金": "USD", "日元": "JPY", "日圆": "JPY", "円": "JPY", "港元": "HKD", "港币": "HKD", "欧元": "EUR",
    "英镑": "GBP", "新元": "SGD", "新台币": "TWD", "台币": "TWD", "韩元": "KRW", "원": "KRW", "달러": "$",
    "엔": "JPY", "위안": "CNY", "ドル": "$", "米ドル": "USD", "ユーロ": "EUR", "mdd": "USD", "mdp": "MXN",
}  # fmt: skip
# Mexican press abbreviates "millones de dólares" and "millones de pesos": the word carries the scale too.
_SUFFIX_SCALE = {"mdd": 10**6, "mdp": 10**6}
# Words that also mean something else ("won", "rand"): a currency only with a scale word or a big number.
_WEAK_SUFFIX = {"won", "rand", "dong", "lei", "lira", "tl", "kr", "kr.", "dollar"}
# Currency words written out ("90 billion yen raised"): money, never the name of who raises it.
CURRENCY_WORDS = frozenset(w for w in _SUFFIX if w.isalpha())

_SCALE = {
    "k": 10**3, "thousand": 10**3, "mil": 10**3, "mila": 10**3, "ribu": 10**3, "tys.": 10**3, "m": 10**6,
    "mm": 10**6, "mn": 10**6, "mln": 10**6, "mln.": 10**6, "mio": 10**6, "mio.": 10**6, "mill.": 10**6, "million": 10**6,
    "millions": 10**6, "millón": 10**6, "millon": 10**6, "millones": 10**6, "milhão": 10**6, "milhao": 10**6,
    "milhões": 10**6, "milhoes": 10**6, "mi": 10**6, "juta": 10**6, "millionen": 10**6, "millioner": 10**6,
    "miljoner": 10**6, "miljoen": 10**6, "milioni": 10**6, "milyon": 10**6, "triệu": 10**6, "b": 10**9,
    "bn": 10**9, "bln": 10**9, "bil": 10**9, "billion": 10**9, "billions": 10**9, "bi": 10**9,
    "mrd": 10**9, "mrd.": 10**9, "md": 10**9, "mds": 10**9, "mld": 10**9, "mld.": 10**9,
    "milliard": 10**9, "milliarde": 10**9, "milliards": 10**9, "milliarden": 10**9, "milliarder": 10**9, "miljarder": 10**9,
    "miljard": 10**9, "miliardi": 10**9, "miliar": 10**9, "milyar": 10**9, "bilhão": 10**9,
    "bilhao": 10**9, "bilhões": 10**9, "bilhoes": 10**9, "mil millones": 10**9, "mil milhões": 10**9,
    "tỷ": 10**9, "trillion": 10**12, "tn": 10**12, "trn": 10**12, "triliun": 10**12, "billón": 10**12,
    "billones": 10**12, "billionen": 10**12, "crore": 10**7, "crores": 10**7, "cr": 10**7, "cr.": 10**7,
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "lacs": 10**5, "lakh crore": 10**12,
    "thousand crore": 10**10,
}  # fmt: skip
_INDIAN = {"crore", "crores", "cr", "cr.", "lakh", "lakhs", "lac", "lacs", "lakh crore", "thousand crore"}
# Languages that write a decimal comma ("€1,5 Mio.", "R$ 3,5 milhões"): "1,500" there is 1.5.
_COMMA_WORDS = {
    "mio", "mio.", "mrd", "mrd.", "md", "mds", "millions", "millones", "millón", "millon", "milhão",
    "milhao", "milhões", "milhoes", "mi", "bi", "juta", "millionen", "millioner", "miljoner", "miljoen",
    "milioni", "mila", "milyon", "triệu", "mld", "mld.", "milliard", "milliards", "milliarden", "milliarder",
    "miljarder", "miljard", "miliardi", "miliar", "milyar", "bilhão", "bilhao", "bilhões", "bilhoes",
    "tỷ", "triliun", "billón", "billones", "mln", "mln.", "ribu", "tys.", "d'euros", "d’euros", "d'euro", "d’euro", "reais",
    "zł", "kč", "kr", "kr.", "r$", "rp", "rp.",
}  # fmt: skip
_ES_SCALE = {"millones", "millón", "millon", "mil millones"}
_DOLLARS_PESOS = {"$", "us$", "u$s", "usd", "mx$", "dólares", "dolares", "de dólares", "de dolares", "pesos", "de pesos",
                  "mdd", "mdp"}  # fmt: skip
_CJK = {"千万": 10**7, "千萬": 10**7, "천만": 10**7, "百万": 10**6, "百萬": 10**6, "백만": 10**6,
        "兆": 10**12, "조": 10**12, "亿": 10**8, "億": 10**8, "억": 10**8, "万": 10**4, "萬": 10**4,
        "만": 10**4, "千": 10**3, "천": 10**3}  # fmt: skip

# Chinese numerals before a scale character: "十亿元" (one billion), "两亿美元", "三千万元". Only the
# numbers below a hundred; "数亿" (several hundred million) names no number and is not read.
_CJK_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
               "九": 9}  # fmt: skip
_CJK_NUMERAL = r"(?:[一二两兩三四五六七八九]?十[一二三四五六七八九]?|[一二两兩三四五六七八九])"


def _cjk_numeral(raw: str) -> Decimal:
    """A Chinese numeral below a hundred: "十" 10, "二十" 20, "十五" 15, "两" 2."""
    if "十" not in raw:
        return Decimal(_CJK_DIGITS[raw])
    tens, _, units = raw.partition("十")
    return Decimal(_CJK_DIGITS.get(tens, 1) * 10 + _CJK_DIGITS.get(units, 0))


_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
# German number words, read only before a scale word ("sechs Millionen Euro", "eine Milliarde").
_GERMAN = {"ein": 1, "eine": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
           "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20,
           "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100}  # fmt: skip
_NUMBER_WORDS: dict[str, int] = {**_UNITS, **_TEENS, **_TENS, **_GERMAN, "a": 1, "hundred": 100}


def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first so "US$" wins over "$" and "millones" over "mil"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SP = r"[ \u00a0\u202f]"
# Swiss pages group thousands with an apostrophe: "100'000 Franken", "CHF 2’500’000".
_NUM = r"\d{1,3}(?:(?:,\d{2})+,\d{3}|(?:[,.\u00a0\u202f ]\d{3})+|(?:['’‘]\d{3})+)(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?"
_SMALL = rf"(?:(?:{_alt(_TENS)})(?:[- ](?:{_alt(_UNITS)}))?|{_alt(_TEENS)}|{_alt(_UNITS)})"
_WORD_NUM = (
    rf"(?i:(?:half{_SP}+a|a{_SP}+half|a{_SP}+quarter|(?:{_SMALL}|a){_SP}+hundred(?:{_SP}+(?:and{_SP}+)?"
    rf"{_SMALL})?|{_SMALL}(?:{_SP}+and{_SP}+a{_SP}+(?:half|quarter))?|{_alt(_GERMAN)}|a)\b)"
)
_WORD_SCALES = [w for w in _SCALE if (len(w) >= 4 and w.isalpha()) or " " in w]
_PRE_RE = rf"(?:(?i:{_alt(_PREFIX)})|{_alt(_CODES)})"
_SUF_RE = rf"(?:(?i:{_alt(_SUFFIX)})|{'|'.join(ISO_4217)})"
_PATTERN = re.compile(
    r"(?<![A-Za-z0-9_$€£¥₹₩₦])(?<!\d[.,])"
    rf"(?:(?P<pre>{_PRE_RE}){_SP}?)?"
    rf"(?:(?P<cjk>(?:(?:{_NUM}|{_CJK_NUMERAL}){_SP}?(?:{_alt(_CJK)}){_SP}?)+)"
    rf"|(?P<num>{_NUM}|{_WORD_NUM}(?=[\s-]+(?i:{_alt(_WORD_SCALES)})\b))"
    rf"(?:[\s-]?(?P<scale>(?i:{_alt(_SCALE)}))(?![A-Za-z]))?)"
    rf"(?:(?:{_SP}|-)?(?:(?i:de|di|of|em){_SP}+)?(?P<suf>{_SUF_RE})(?:(?<![A-Za-z])|(?![A-Za-z]))(?!{_SP}?\d))?"
)
_RANGE = re.compile(rf"{_SP}?(?:-|–|—|to){_SP}?(?:{_PRE_RE})?{_SP}?(?:{_NUM})[\s-]?(?i:{_alt(_SCALE)})\b")
# After a bare "crore"/"lakh" (no currency written), a noun means a count: "19 lakh rides".
_AFTER_INDIAN = re.compile(r"\s*([A-Za-z]+)")
_INDIAN_OK = {
    "in", "from", "to", "and", "or", "at", "for", "with", "as", "by", "on", "funding", "round", "investment",
    "seed", "series", "valuation", "revenue", "arr", "loan", "debt", "fund", "grant", "capital", "worth",
    "each", "apiece", "led", "raised", "was", "is", "has", "had", "which", "that", "this", "last", "earlier",
}  # fmt: skip

# Context signals for symbols several currencies share: (code, pattern) and the default when none match.
_SIGNALS: dict[str, tuple[list[tuple[str, str]], str | None]] = {
    "Rs": ([("INR", r"\bindia|₹|mumbai|bengaluru|bangalore|delhi"), ("PKR", r"pakistan|karachi|lahore|islamabad"),
            ("LKR", r"sri lanka|colombo"), ("NPR", r"\bnepal|kathmandu")], "INR"),
    "kr": ([("SEK", r"swed|stockholm|kronor|miljoner"), ("NOK", r"norw|oslo"),
            ("DKK", r"denmark|danish|copenhagen"), ("ISK", r"iceland|reykjav")], None),
    "R": ([("ZAR", r"south africa|johannesburg|cape town|pretoria|durban|\brand\b")], None),
    "N": ([("NGN", r"nigeria|naira|lagos|abuja")], None),
    "shillings": ([("KES", r"kenya|nairobi"), ("UGX", r"uganda|kampala"), ("TZS", r"tanzania|dar es salaam")], None),
    "pesos": ([("MXN", r"mexic|méxic"), ("ARS", r"argentin|buenos aires"), ("COP", r"colombia|bogot"),
               ("CLP", r"\bchile"), ("PHP", r"philippin|manila"), ("UYU", r"uruguay|montevideo")], None),
    "dirhams": ([("AED", r"emirat|\buae\b|dubai|abu dhabi"), ("MAD", r"morocc|casablanca|rabat")], "AED"),
    "riyals": ([("SAR", r"saudi|riyadh"), ("QAR", r"qatar|doha"), ("OMR", r"\boman\b|muscat")], "SAR"),
    "francs": ([("CHF", r"swiss|switzerland|zurich|geneva"), ("XOF", r"\bcfa\b|senegal|ivory coast|côte d"),
                ("XAF", r"cameroon|gabon")], "CHF"),
    "¥": ([("CNY", r"\bchin|beijing|shanghai|shenzhen"), ("JPY", r"\bjapan|tokyo|osaka")], None),
}  # fmt: skip
_AMBIGUOUS = {"kr": ("SEK", "NOK", "DKK"), "R": ("ZAR", "BRL"), "N": ("NGN",), "¥": ("CNY", "JPY"),
              "shillings": ("KES", "UGX", "TZS"), "pesos": ("MXN", "ARS", "COP", "CLP", "PHP")}  # fmt: skip

_LOCAL_DOLLARS = {
    "SGD": (r"\bS\$|\bSGD\b", r"singapore"),
    "AUD": (r"\bAU?\$|\bAUD\b", r"australia|sydney|melbourne"),
    "CAD": (r"\bCA?\$|\bCAD\b", r"canad|toronto|vancouver|montreal"),
    "HKD": (r"\bHK\$|\bHKD\b", r"hong kong"),
    "NZD": (r"\bNZ\$|\bNZD\b", r"new zealand|auckland"),
    "TWD": (r"\bNT\$|\bTWD\b", r"taiwan|taipei"),
}
_HEDGE = r"(?:~|about|approx(?:imately|\.)?|around|roughly|some|nearly|or)?"
# "$8.5m (US$6.3m)": a bare-$ amount glossed in US dollars, so this article's "$" is not the US dollar.
_CONTRAST = re.compile(
    rf"(?<![A-Za-z$])\$\s?\d[^()\n$]{{0,25}}?(?:\(\s*{_HEDGE}\s*|,?\s+or\s+)(?:US\s?\$|USD|U\.S\.\s?\$)",
    re.I,
)
_DECLARED = re.compile(
    r"\b(?:figures|amounts|sums|values|prices|dollars)\b[^.\n]{0,40}?\b(?:in|are|refer to|mean)\s+"
    r"(singapore|australian|canadian|hong kong|new zealand|(?:new )?taiwan(?:ese)?)\s+dollars",
    re.I,
)
_DECLARED_CODE = {"singapore": "SGD", "australian": "AUD", "canadian": "CAD", "hong kong": "HKD",
                  "new zealand": "NZD"}  # fmt: skip


def _dollar(article: str) -> tuple[str | None, tuple[str, ...]]:
    """(code, candidates) for a bare "$": USD unless the article declares or glosses a local dollar."""
    declared = _DECLARED.search(article)
    if declared:
        return _DECLARED_CODE.get(declared.group(1).lower(), "TWD"), ()
    if not _CONTRAST.search(article):
        return "USD", ()
    written = [c for c, (sym, _) in _LOCAL_DOLLARS.items() if re.search(sym, article)]
    named = [c for c, (_, place) in _LOCAL_DOLLARS.items() if re.search(place, article, re.I)]
    for found in (written, named):
        if len(found) == 1:
            return found[0], ()
    return None, tuple(written or named or _LOCAL_DOLLARS)


def dollar_currency(article: str) -> str | None:
    """What a bare "$" means in this article: "USD" unless "$X (US$Y)" or an explicit "figures are in
    Singapore dollars" makes it local; None when the gloss shows it is local but not which dollar."""
    return _dollar(article)[0]


def _resolve(marker: str, article: str) -> tuple[str | None, tuple[str, ...]]:
    """A marker or code -> (ISO code, ()) or (None, candidates) from the article's signals."""
    if marker == "$":
        return _dollar(article)
    if marker not in _SIGNALS:
        return marker, ()
    if marker == "¥":  # the currency's own name outranks the places the article mentions
        named = [
            c
            for c, p in (("CNY", r"\byuan\b|\brmb|renminbi|元"), ("JPY", r"\byen\b|円"))
            if re.search(p, article, re.I)
        ]
        if len(named) == 1:
            return named[0], ()
    signals, default = _SIGNALS[marker]
    counts = {code: len(re.findall(pattern, article, re.I)) for code, pattern in signals}
    hits = sorted((c for c in counts if counts[c]), key=lambda c: -counts[c])
    if len(hits) == 1 or (len(hits) > 1 and counts[hits[0]] >= 2 * counts[hits[1]]):
        return hits[0], ()  # one place, or one that clearly dominates ("Mexico City ... and Colombia next")
    if default is not None and (not hits or default in hits):
        return default, ()
    return None, tuple(hits) or _AMBIGUOUS.get(marker, tuple(code for code, _ in signals))


def _number(raw: str, decimal_comma: bool, scaled: bool = True) -> Decimal:
    """Digits with separators -> Decimal. A lone ",ddd"/".ddd" before a scale word is a decimal or a
    thousands group depending on the language the amount is written in; without one it is a thousands
    group in every language, as money has no third decimal ("640.000 euros", "$640,000")."""
    s = re.sub(r"[\s\u00a0\u202f'’‘]", "", raw)
    if "," in s and "." in s:
        dec, thou = (",", ".") if s.rfind(",") > s.rfind(".") else (".", ",")
        s = s.replace(thou, "").replace(dec, ".")
    elif "," in s or "." in s:
        sep = "," if "," in s else "."
        parts = s.split(sep)
        if len(parts) > 2:
            s = "".join(parts)
        elif len(parts[1]) != 3 or scaled and (sep == ",") == decimal_comma:
            s = parts[0] + "." + parts[1]
        else:
            s = "".join(parts)
    try:
        return Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - the regex only admits digits
        raise MoneyParseError(f"{raw!r} is not a number") from exc


def _words(raw: str) -> Decimal:
    """Number words -> Decimal: "half a" 0.5, "two hundred and fifty" 250, "one and a half" 1.5."""
    low = " ".join(raw.lower().replace("-", " ").split())
    if low in ("half a", "a half"):
        return Decimal("0.5")
    if low == "a quarter":
        return Decimal("0.25")
    extra = Decimal(0)
    for tail, add in ((" and a half", "0.5"), (" and a quarter", "0.25")):
        if low.endswith(tail):
            low, extra = low[: -len(tail)], Decimal(add)
    total = 0
    for tok in low.split():
        if tok == "hundred":
            total = (total or 1) * 100
        elif tok != "and":
            total += _NUMBER_WORDS[tok]
    return Decimal(total) + extra


def _exact(value: Decimal) -> Decimal:
    """Integral values without exponent or trailing zeros ("1.8e9" -> 1800000000)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _scan(text: str, article: str) -> tuple[list[ParsedMoney], list[str]]:
    """Money spans in `text` (currencies resolved against `article`) and the ranges skipped."""
    found: list[ParsedMoney] = []
    ranges: list[str] = []
    cache: dict[str, tuple[str | None, tuple[str, ...]]] = {}
    for m in _PATTERN.finditer(text):
        pre, num, scale, suf, cjk = (m.group(g) for g in ("pre", "num", "scale", "suf", "cjk"))
        if pre and pre.lower() in _EXACT_CASE and pre != _EXACT_CASE[pre.lower()]:
            continue
        grouped = bool(num and re.search(r"\d[,.]\d{3}", num))
        if (
            pre
            and (pre.lower() in ("n", "r", "sh", "shs") or pre in _WORDY)
            and not (scale or cjk or grouped)
        ):
            continue  # "N95", "R2", "PHP 8": a letter or word is a currency only before a scaled amount
        if suf and suf in _WORDY and not (scale or cjk):
            suf = None
        if (
            suf
            and num
            and not num[0].isdigit()
            and "-" in text[m.end("scale" if scale else "num") : m.start("suf")]
        ):
            continue  # "a billion-dollar valuation" describes a size; "a 5-million-dollar round" states one
        if (
            suf
            and not pre
            and suf.lower() in _WEAK_SUFFIX
            and not (scale or cjk or len(re.sub(r"\D", "", num)) >= 4)
        ):
            continue  # "3 won the award"
        end = m.end() if suf else (m.end("scale") if scale else m.end("cjk") if cjk else m.end("num"))
        scale_key = scale.lower() if scale else None
        if scale_key and scale_key.endswith(".") and not suf:
            end -= 1
        while text[end - 1] in " \u00a0\u202f":
            end -= 1
        if not pre and not suf:
            if scale_key in _INDIAN:
                after = _AFTER_INDIAN.match(text, end)
                if after and after.group(1).lower() not in _INDIAN_OK:
                    continue  # "19.3 lakh rides": a count, not rupees
                suf = "rupees"
            else:
                continue  # a number without a currency is not money ("30 provinces", "82.8 per cent")
        small = bool(num and num.isdigit() and int(num) < 1000)
        if small and not scale and not suf and (rng := _RANGE.match(text, end)):
            ranges.append(text[m.start() : rng.end()])
            continue  # "$5-10 million": "$5" alone would be read as five dollars
        if num and not scale and not cjk and re.fullmatch(r"(?:19|20)\d\d", num) and not pre:
            continue
        if num and not scale and re.match(r"\s?%", text[m.end("num") :]):
            continue
        words = {w.lower() for w in (pre, scale, suf) if w}
        if cjk:
            value = sum(
                (
                    (_number(n, False) if n[0].isdigit() else _cjk_numeral(n)) * _CJK[u]
                    for n, u in re.findall(rf"({_NUM}|{_CJK_NUMERAL}){_SP}?({_alt(_CJK)})", cjk)
                ),
                Decimal(0),
            )
        elif num and num[0].isdigit():
            # Latin American Spanish writes "US$ 2,000 millones" and "1,520 millones de dólares" with a
            # thousands comma; Spain writes a decimal comma ("2,5 millones de euros")
            if scale_key in _ES_SCALE and words & _DOLLARS_PESOS and re.fullmatch(r"\d{1,3},\d{3}", num):
                num = num.replace(",", "")
            value = _number(num, bool(words & _COMMA_WORDS), bool(scale)) * _SCALE.get(scale_key or "", 1)
            if not scale and suf and suf.lower() in _SUFFIX_SCALE:
                value *= _SUFFIX_SCALE[suf.lower()]
            if scale == "M" and pre and pre.lower() in ("rp", "rp."):
                value *= 1000  # Indonesian writes "Rp28 M" for 28 miliar (juta is "jt")
        else:
            if not scale:
                continue
            value = _words(num or "") * _SCALE[scale_key or ""]
        if value <= 0:
            continue
        marker = _PREFIX.get(pre.lower(), pre) if pre else None
        suf_marker = (_SUFFIX.get(suf.lower()) or suf) if suf else None
        if marker is None or (marker not in ISO_4217 and suf_marker in ISO_4217):
            marker = suf_marker
        assert marker is not None
        if marker not in cache:
            cache[marker] = _resolve(marker, article)
        currency, ambiguous = cache[marker]
        found.append(ParsedMoney(_exact(value), currency, text[m.start() : end], m.start(), end, ambiguous))
    return found, ranges


def find_money(article: str) -> list[ParsedMoney]:
    """Every money span in an article, in order, with offsets and currencies resolved from the article."""
    return _scan(article, article)[0]


_FILLER = re.compile(
    r"^(?:about|around|approximately|approx\.?|nearly|almost|roughly|some|over|more than|up to|at least|"
    r"just over|just under|under|cerca de|quase|mais de|alrededor de|más de|rund|etwa|über|environ|"
    r"plus de|près de|sekitar|lebih dari|an additional|additional|a further|another|a total of|total|"
    r"약|约|近|超过|[\s(),.;:+~–-])*",
    re.IGNORECASE,
)


def parse_money(text: str, *, context: str | None = None) -> ParsedMoney:
    """The one amount making up `text`; hedges ("about", "more than") and brackets may surround it.
    `context` (the article) resolves "$", "¥", "kr"; offsets are into `text`."""
    if not text or not text.strip():
        raise MoneyParseError(f"no amount of money in {text!r} (empty text)")
    spans, ranges = _scan(text, context if context is not None else text)
    if not spans and ranges:
        raise MoneyParseError(f"{text!r} is a range ({ranges[0]!r}), not one amount")
    if not spans:
        raise MoneyParseError(f"no amount of money in {text!r}")
    if len({(s.value, s.currency) for s in spans}) > 1:
        raise MoneyParseError(
            f"{text!r} holds {len(spans)} different amounts ({', '.join(s.text for s in spans)}); give one"
        )
    span = spans[0]
    rest = _FILLER.sub("", (text[: span.start] + " " + text[span.end :]).strip())
    if re.search(r"\w{3,}", rest) and len(rest) > 24:
        raise MoneyParseError(f"{text!r} is more than an amount of money (left over: {rest!r})")
    return span
