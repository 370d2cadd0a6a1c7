"""The article as the small model's form sees it: sentences, their paragraphs, boilerplate, language.

Scraped pages carry more than the story: "Read also" links and related-story headlines that report
other deals, newsletter and cookie boxes, job ads, bylines. Those sentences are kept out of what the
model reads; the paragraph of each sentence is kept, because a digest of deals gives each deal its
own paragraph or bullet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (or 。！？) followed by white space (not inside "1.8" or "Co.,"), or at a line
# break; a CJK full stop needs no space after it. Abbreviations that never end one ("2,5 Mio. Euro",
# "120 Mill. Dollar", "Dr. Weiss") do not.
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bMio\.)(?<!\bMrd\.)(?<!\bMill\.)(?<!\bMilliard\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bProf\.)"
    r"[ \t]+(?=[A-Z0-9\"“‘'(•\-À-ÖØ-Þ])|(?<=[。！？])|\n+"
)
_PARAGRAPH = re.compile(r"\n\s*\n|\n\s*[•*\-–]\s+|\n(?=\s*\d+[.)]\s)")

# Lines that introduce links to other stories, or boxes that are not the story.
_BOILERPLATE = re.compile(
    r"^\s*(?:read (?:also|more|next)|also read|see also|related(?: stories| articles| news| reading)?|"
    r"recommended|more from|more stories|you may also like|trending|most popular|top stories|"
    r"leia (?:também|mais)|veja também|lee (?:también|más)|baca juga|lesen sie auch|auch interessant|"
    r"à lire aussi|lire aussi|相关阅读|推荐阅读|延伸阅读)\b",
    re.I,
)
_BOX = re.compile(
    r"\b(?:sign up|subscribe|newsletter|cookies?|privacy policy|all rights reserved|follow us|"
    r"we are hiring|we're hiring|job openings?|vacanc(?:y|ies)|apply now|click here|share this|"
    r"inscreva-se|suscríbete|assine|berlangganan|abonnieren)\b",
    re.I,
)

_LANGS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:the|and|with|has|raised|from|which|said)\b", re.I),
    "pt": re.compile(r"\b(?:uma?|com|para|não|são|rodada|milhões|empresa|também)\b", re.I),
    "es": re.compile(r"\b(?:una?|con|para|los|las|ronda|millones|empresa|también)\b", re.I),
    "de": re.compile(r"\b(?:der|die|das|und|mit|ist|für|nicht|eine?)\b"),
    "id": re.compile(r"\b(?:yang|dan|dengan|untuk|dari|ini|pendanaan|juga)\b", re.I),
    "fr": re.compile(r"\b(?:le|les|une?|avec|pour|dans|levée|millions d)\b", re.I),
}


def language(text: str) -> str:
    """A rough guess (en, pt, es, de, id, fr or zh) from function words; it only selects cue words."""
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    if cjk > 0.2 * max(1, len(re.findall(r"\w", text))):
        return "zh"
    counts = {lang: len(p.findall(text)) for lang, p in _LANGS.items()}
    return max(counts, key=lambda lang: counts[lang])


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the article
    paragraph: int
    boilerplate: bool


# A deal table in a digest ("Company | Amount | Round | Investors"): a header naming a company column and a
# money column, then one row per deal. Each row is read as the sentence it stands for.
_HEAD_NAME = re.compile(
    r"(?:name|company|companies|startup|startups|startup name|firm|empresa|nome|perusahaan|公司|企业|项目)",
    re.I,
)
_HEAD_MONEY = re.compile(r"amount|raised|funds|funding|size|monto|valor|montante|jumlah|金额|融资额", re.I)
_HEAD_ROUND = re.compile(r"round|stage|series|ronda|rodada|etapa|tahap|轮次", re.I)
_HEAD_BACKERS = re.compile(r"investor|backer|led by|inversionista|inversor|investidor|投资方|投资人", re.I)
_EMPTY_CELL = re.compile(r"[-–—]?|n/?a|none|undisclosed|not disclosed", re.I)


def _cells(line: str) -> list[str]:
    cells = [c.strip() for c in line.strip().split("|")]
    return cells[1:-1] if line.strip().startswith("|") and line.strip().endswith("|") else cells


def _columns(header: str) -> dict[str, int] | None:
    """Which column holds what, when the line is a deal table's header."""
    cells = _cells(header)
    if len(cells) < 3 or re.search(r"\d", header):
        return None
    cols: dict[str, int] = {}
    for i, cell in enumerate(cells):
        for key, pattern in (("name", _HEAD_NAME), ("money", _HEAD_MONEY), ("round", _HEAD_ROUND),
                             ("backers", _HEAD_BACKERS)):  # fmt: skip
            if key not in cols and (pattern.fullmatch(cell) if key == "name" else pattern.search(cell)):
                cols[key] = i
                break
    return cols if "name" in cols and "money" in cols else None


def _row_sentence(cells: list[str], cols: dict[str, int], header: list[str]) -> str | None:
    """The sentence a table row stands for: "Acme raised $8 million in its Seed round. Investors: X, Y."."""

    def cell(key: str) -> str:
        i = cols.get(key)
        value = cells[i] if i is not None and i < len(cells) else ""
        return "" if _EMPTY_CELL.fullmatch(value) else value

    if not cell("name"):
        return None
    text = f"{cell('name')} raised {cell('money') or 'an undisclosed amount'}"
    text += f" in its {cell('round')} round." if cell("round") else "."
    if cell("backers"):
        text += f" {header[cols['backers']]}: {cell('backers').rstrip('.')}."
    return text


def _tables(article: str) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """Deal tables: (start, end) offsets of each, and its rows as (offset, sentence)."""
    out = []
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", article)]
    i = 0
    while i < len(lines):
        start, line = lines[i]
        cols = _columns(line) if line.count("|") >= 2 else None
        if cols is None:
            i += 1
            continue
        header = _cells(line)
        rows = []
        end = start + len(line)
        j = i + 1
        while j < len(lines) and lines[j][1].count("|") >= len(header) - 1:
            at, row = lines[j]
            if not re.fullmatch(r"[\s|:-]+", row):  # a Markdown rule under the header
                sentence = _row_sentence(_cells(row), cols, header)
                if sentence:
                    rows.append((at, sentence))
            end = at + len(row)
            j += 1
        if rows:
            out.append((start, end, rows))
        i = j
    return out


def sentences(article: str) -> list[Sentence]:
    """The article's sentences with their offsets and paragraph numbers; boilerplate is marked.

    A line introducing related stories marks itself and the short lines after it in the same block;
    a box (newsletter, cookies, job ads) marks its own sentence.
    """
    out: list[Sentence] = []
    paragraph_starts = [0] + [m.end() for m in _PARAGRAPH.finditer(article)]
    pos = 0
    related_until = -1
    tables = _tables(article)
    extra = 0  # each table row is a paragraph of its own, as a digest's entries are
    for piece in _SENTENCE_END.split(article):
        if not piece:
            continue
        start = article.find(piece, pos)
        pos = start + len(piece)
        text = piece.strip()
        if not text:
            continue
        start += len(piece) - len(piece.lstrip())
        paragraph = sum(1 for p in paragraph_starts if p <= start) - 1 + extra
        table = next((tb for tb in tables if tb[0] <= start < tb[1]), None)
        if table is not None:
            if start == table[0]:  # the header: its rows in its place
                for at, row in table[2]:
                    extra += 1
                    out.append(Sentence(row, at, paragraph + extra, False))
            continue
        if _BOILERPLATE.match(text):
            related_until = paragraph + 1  # the marker and the block that follows it
        boiler = (
            paragraph <= related_until
            and (bool(_BOILERPLATE.match(text)) or len(text) < 160)
            or bool(_BOX.search(text) and not re.search(r"\d", text))
        )
        out.append(Sentence(text, start, paragraph, boiler))
    return out
