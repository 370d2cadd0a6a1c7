"""Date phrases in funding news -> partial ISO dates, at the precision the text supports.

Relative phrases ("on Thursday", "last year") resolve against the article's
published date; without one they resolve to nothing rather than a guess. A month
named without its year ("In June", "September 20") is the one exception: with no
published date it takes the year the article itself names, when it names only one
(`article_year`).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan", "janeiro", "enero", "januar", "janvier", "januari"),
            ("february", "feb", "fevereiro", "febrero", "februar", "février", "februari"),
            ("march", "mar", "março", "marzo", "märz", "mars", "maret"),
            ("april", "apr", "abril", "avril"),
            ("may", "maio", "mayo", "mai", "mei"),
            ("june", "jun", "junho", "junio", "juni", "juin"),
            ("july", "jul", "julho", "julio", "juli", "juillet"),
            ("august", "aug", "agosto", "août", "agustus"),
            ("september", "sep", "sept", "setembro", "septiembre", "septembre"),
            ("october", "oct", "outubro", "octubre", "oktober", "octobre"),
            ("november", "nov", "novembro", "noviembre", "novembre"),
            ("december", "dec", "dezembro", "diciembre", "dezember", "décembre", "desember"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "segunda-feira", "lunes", "montag", "senin"),
            ("tuesday", "terça-feira", "martes", "dienstag", "selasa"),
            ("wednesday", "quarta-feira", "miércoles", "mittwoch", "rabu"),
            ("thursday", "quinta-feira", "jueves", "donnerstag", "kamis"),
            ("friday", "sexta-feira", "viernes", "freitag", "jumat", "jum'at"),
            ("saturday", "sábado", "samstag", "sabtu"),
            # Indonesian "minggu" is also "week" ("minggu lalu", last week): not listed.
            ("sunday", "domingo", "sonntag"),
        ]
    )
    for name in names
}

# Portuguese names its weekdays by their ordinal alone after "nesta", "na" ("nesta segunda" is Monday);
# alone, "segunda" is "second", so the short forms count only after such a word.
_SHORT_WEEKDAYS = {"segunda": 0, "terça": 1, "quarta": 2, "quinta": 3, "sexta": 4}
_WEEKDAY_NUMBER = {**WEEKDAYS, **_SHORT_WEEKDAYS}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True))
_YEAR = r"(?:19[89]\d|20[0-4]\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
# Chinese, Japanese and Korean write dates with unit characters: 2019年9月11日, 9月11日, 2019년 9월 11일.
_CJK_Y, _CJK_M, _CJK_D = r"\s*[年년]\s*", r"\s*[月월]\s*", r"\s*[日号號일]"

# "Last year" beyond English, one list for the dates and for the cues (money it names is earlier than the news).
LAST_YEAR_WORDS = (
    r"ano passado|año pasado|ano anterior|año anterior|tahun lalu|l['’]année dernière|l['’]an dernier|"
    r"letzten jahr(?:es)?|vergangenen jahr(?:es)?|letztes jahr|vergangenes jahr"
)
_LAST_YEAR = re.compile(rf"last|previous|past|去年|{LAST_YEAR_WORDS}")
# A year named relative to publication, in the languages the sets use; the named group says which year.
_REL_YEAR = (
    r"(?:\b(?P<rel>last|this|earlier this|next|previous|past)\s+year\b"
    rf"|\b(?:(?:n?o|d?el)\s+)?(?P<rel_word>{LAST_YEAR_WORDS}|este ano|este año|neste ano|"
    r"tahun ini|cette année|dieses jahres|dieses jahr)\b)"
)

# Ordered: the first pattern that matches a phrase decides it.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?\b")),
    ("ymd", re.compile(rf"(?<!\d)(?P<y>{_YEAR}){_CJK_Y}(?P<m>{_MONTH_NUM}){_CJK_M}(?P<d>{_DAY}){_CJK_D}")),
    ("ym", re.compile(rf"(?<!\d)(?P<y>{_YEAR}){_CJK_Y}(?P<m>{_MONTH_NUM}){_CJK_M}")),
    (
        "mdy",
        re.compile(
            rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})\b", re.I
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th|º)?\s+(?:de\s+)?(?P<mon>{_MONTH_RE})\.?,?\s+(?:de\s+)?"
            rf"(?P<y>{_YEAR})\b",
            re.I,
        ),
    ),
    ("my", re.compile(rf"\b(?P<mon>{_MONTH_RE})\.?,?\s+(?:de\s+|of\s+)?(?P<y>{_YEAR})\b", re.I)),
    # A day (or a range of days, "April 23-29") in a month whose year the text leaves out.
    (
        "md",
        re.compile(
            rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>{_DAY})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<d2>{_DAY}))?\b(?![.,]\d)",
            re.I,
        ),
    ),
    (
        "dm",
        re.compile(
            rf"\b(?P<d>{_DAY})(?:\s*[-–]\s*(?P<d2>{_DAY}))?(?:st|nd|rd|th|º)?\s+(?:de\s+)?(?P<mon>{_MONTH_RE})\b",
            re.I,
        ),
    ),
    ("md", re.compile(rf"(?<![\d年년])(?P<m>{_MONTH_NUM}){_CJK_M}(?P<d>{_DAY}){_CJK_D}")),
    (
        "weekday",
        re.compile(
            rf"\b(?:on\s+|last\s+|this\s+|na\s+|nesta\s+|nessa\s+|el\s+|este\s+|am\s+|pada\s+)?"
            rf"(?P<wd>{_WEEKDAY_RE})\b",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(r"\b(?:na|nesta|nessa|desta)\s+(?P<wd>segunda|terça|quarta|quinta|sexta)\b", re.I),
    ),
    # A month dated by a relative year: "in June last year", "em junho do ano passado", "去年6月".
    (
        "month_rel_year",
        re.compile(rf"\b(?P<mon>{_MONTH_RE})\s+(?:of\s+|do\s+|del\s+|de\s+)?{_REL_YEAR}", re.I),
    ),
    (
        "month_rel_year",
        re.compile(rf"{_REL_YEAR}\s*,?\s+(?:in\s+|en\s+|em\s+|im\s+)?(?P<mon>{_MONTH_RE})\b", re.I),
    ),
    ("month_rel_year", re.compile(r"(?P<rel>去年|今年)\s*(?P<m>1[0-2]|0?[1-9])\s*月")),
    ("rel_year", re.compile(_REL_YEAR, re.I)),
    ("rel_month", re.compile(r"\b(?P<rel>last|this|earlier this|previous|past)\s+month\b", re.I)),
    ("rel_week", re.compile(r"\b(?P<rel>this|nesta|esta|earlier this)\s+(?:week|semana)\b", re.I)),
    ("rel_day", re.compile(r"\b(?P<rel>yesterday|today|ontem|hoje|ayer|hoy|kemarin|hari ini)\b", re.I)),
    ("rel_day", re.compile(r"(?P<rel>今天|今日|昨天|昨日)")),
    ("month", re.compile(rf"\b(?:in|since|last|em|en|im|pada|bulan)\s+(?P<mon>{_MONTH_RE})\b", re.I)),
    ("year", re.compile(rf"(?<![\d.,$€£¥])\b(?P<y>{_YEAR})\b(?![\d%])")),
    ("year", re.compile(rf"(?<!\d)(?P<y>{_YEAR}){_CJK_Y}")),
]
# Kinds that name their year, and words before a year that date something other than news (a founding).
_NAMES_YEAR = {"iso", "ymd", "ym", "mdy", "dmy", "my", "year"}
FOUNDED_BEFORE = re.compile(
    r"(?:found(?:ed)?|established|incorporated|set up|started|launched|created|born|since|fundad[ao]|fundada en|"
    r"criad[ao]|lançad[ao]|fondée?|créée?|gegründet|didirikan|berdiri|成立|创立|创办|創立|設立|설립)\W*(?:[^\W\d]+\W+){0,2}(?:in|en|em|pada|im|于|於)?\W*$",
    re.I,
)


@dataclass(frozen=True)
class DatePhrase:
    text: str
    start: int
    end: int
    kind: str


def parse_published(published: str | None) -> datetime.date | None:
    if not published:
        return None
    parts = [int(p) for p in published.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return datetime.date(parts[0], parts[1], parts[2])


def _month_precision(published: str | None) -> bool:
    return published is not None and len(published) >= 7


def _day_precision(published: str | None) -> bool:
    return published is not None and len(published) == 10


def resolve(phrase: str, published: str | None = None, year: str | None = None) -> str | None:
    """The partial ISO date a phrase fixes, or None when it fixes none (or needs a published date).

    `year` (see `article_year`) dates a month written without its year when there is no published date."""
    pub = parse_published(published)
    for kind, pattern in _PATTERNS:
        m = pattern.search(phrase)
        if not m:
            continue
        g = m.groupdict()
        if kind == "iso":
            return "-".join(x for x in (g["y"], g["m"], g.get("d")) if x)
        if kind in ("ymd", "ym"):
            month = int(g["m"])
            if kind == "ymd":
                try:
                    return datetime.date(int(g["y"]), month, int(g["d"])).isoformat()
                except ValueError:
                    pass
            return f"{g['y']}-{month:02d}"
        if kind in ("mdy", "dmy"):
            month = MONTHS[g["mon"].lower()]
            try:
                return datetime.date(int(g["y"]), month, int(g["d"])).isoformat()
            except ValueError:
                return f"{g['y']}-{month:02d}"
        if kind == "my":
            return f"{g['y']}-{MONTHS[g['mon'].lower()]:02d}"
        if kind == "year":
            return g["y"]
        if kind in ("md", "dm"):
            month = MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
            day = None if g.get("d2") else int(g["d"])  # a range of days fixes only the month
            # The latest such date not after publication; without a published date, the article's year.
            if pub is None and not year:
                return None
            if pub is None:
                known = int(year or 0)
            elif _day_precision(published) and day is not None:
                known = pub.year - 1 if (month, day) > (pub.month, pub.day) else pub.year
            else:
                known = pub.year if month <= pub.month else pub.year - 1
            if day is not None:
                try:
                    return datetime.date(known, month, day).isoformat()
                except ValueError:
                    pass
            return f"{known}-{month:02d}"
        if kind == "month":
            month = MONTHS[g["mon"].lower()]
            if pub is None:
                return f"{year}-{month:02d}" if year else None
            return f"{pub.year if month <= pub.month else pub.year - 1}-{month:02d}"
        if pub is None:
            return None
        if kind == "weekday":
            if not _day_precision(published):
                return None
            back = (pub.weekday() - _WEEKDAY_NUMBER[g["wd"].lower()]) % 7
            return (pub - datetime.timedelta(days=back)).isoformat()
        if kind in ("rel_year", "month_rel_year"):
            rel = (g.get("rel") or g.get("rel_word") or "").lower().replace("’", "'")
            if rel == "next":
                return None
            known = pub.year - 1 if _LAST_YEAR.fullmatch(rel) else pub.year
            if kind == "rel_year":
                return str(known)
            month = MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
            return f"{known}-{month:02d}"
        if kind == "rel_month":
            if not _month_precision(published):
                return None
            if g["rel"].lower() in ("last", "previous", "past"):
                prev = pub.replace(day=1) - datetime.timedelta(days=1)
                return f"{prev.year}-{prev.month:02d}"
            return f"{pub.year}-{pub.month:02d}"
        if kind == "rel_week":
            return f"{pub.year}-{pub.month:02d}" if _month_precision(published) else str(pub.year)
        if kind == "rel_day":
            if not _day_precision(published):
                return f"{pub.year}-{pub.month:02d}" if _month_precision(published) else str(pub.year)
            rel = g["rel"].lower()
            delta = 1 if rel in ("yesterday", "ontem", "ayer", "kemarin", "昨天", "昨日") else 0
            return (pub - datetime.timedelta(days=delta)).isoformat()
    return None


def article_year(article: str) -> str | None:
    """The one year an article names, when all the years it names agree; else None.

    Years that date a founding ("founded in 2015", "成立于2012年") say nothing about when the news
    happened and are left out, so "Founded in 2015, it raised $5M in June" dates nothing."""
    years = set()
    for d in find_dates(article):
        if d.kind not in _NAMES_YEAR or FOUNDED_BEFORE.search(article[max(0, d.start - 40) : d.start]):
            continue
        value = resolve(d.text)
        if value:
            years.add(value[:4])
    return years.pop() if len(years) == 1 else None


def find_dates(article: str) -> list[DatePhrase]:
    """Every date phrase in an article, longest match first at each position, without overlaps."""
    found: list[DatePhrase] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(article):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found.append(DatePhrase(m.group(0), s, e, kind))
    return sorted(found, key=lambda d: d.start)
