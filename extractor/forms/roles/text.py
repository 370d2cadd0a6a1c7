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
# "Dr. Weiss") do not.
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bMio\.)(?<!\bMrd\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bProf\.)"
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


def sentences(article: str) -> list[Sentence]:
    """The article's sentences with their offsets and paragraph numbers; boilerplate is marked.

    A line introducing related stories marks itself and the short lines after it in the same block;
    a box (newsletter, cookies, job ads) marks its own sentence.
    """
    out: list[Sentence] = []
    paragraph_starts = [0] + [m.end() for m in _PARAGRAPH.finditer(article)]
    pos = 0
    related_until = -1
    for piece in _SENTENCE_END.split(article):
        if not piece:
            continue
        start = article.find(piece, pos)
        pos = start + len(piece)
        text = piece.strip()
        if not text:
            continue
        start += len(piece) - len(piece.lstrip())
        paragraph = sum(1 for p in paragraph_starts if p <= start) - 1
        if _BOILERPLATE.match(text):
            related_until = paragraph + 1  # the marker and the block that follows it
        boiler = (
            paragraph <= related_until
            and (bool(_BOILERPLATE.match(text)) or len(text) < 160)
            or bool(_BOX.search(text) and not re.search(r"\d", text))
        )
        out.append(Sentence(text, start, paragraph, boiler))
    return out
