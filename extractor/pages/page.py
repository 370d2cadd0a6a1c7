"""A saved web page -> the article text the pipeline reads, and the page metadata the record keeps."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.errors import InputError
from extractor.pages.clean import clean, is_furniture_line
from extractor.pages.content import extractor_name, main_text
from extractor.pages.metadata import parse, read_meta
from schemas.record import PageSource

# Below this many characters of main content a page has no article (a listing, a login or cookie
# wall, an error page); the shortest paywall teaser in evals/html has about 450.
MIN_ARTICLE_CHARS = 200
# Pages above this size are refused rather than parsed (real article pages are well under 5 MB).
MAX_PAGE_CHARS = 10_000_000


class NoArticle(InputError):
    """The page holds no article text: a listing page, a login wall, an error page."""


@dataclass(frozen=True)
class ReadPage:
    text: str
    source: PageSource


# Lines before the article's first full paragraph that are this short and end without a sentence's
# punctuation are the page's kicker, eyebrow or byline ("Financiación", "Press release · 15 October
# 2024", "Par Julien Mercier, le 28 mars 2024"), not article text.
_LEAD_MAX_CHARS = 100
_SENTENCE_END = (".", "!", "?", '"', "”", "»", "。")


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _strip_lead(paragraphs: list[str], headline: str | None) -> list[str]:
    """Drop the headline (it is put back first) and the short furniture lines around it at the start."""
    out = list(paragraphs)
    while out and (
        (headline and _norm(out[0]) == _norm(headline))
        or (len(out[0]) < _LEAD_MAX_CHARS and not out[0].rstrip().endswith(_SENTENCE_END))
    ):
        out.pop(0)
    return out


def read_page(
    html: str,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    source_name: str = "page",
) -> ReadPage:
    """The article text of a page (headline, then its paragraphs, separated by blank lines) and its
    metadata. What the caller gives (published, url, title) wins over what the page says."""
    if len(html) > MAX_PAGE_CHARS:
        raise InputError(
            f"{source_name} is {len(html):,} characters; pages over {MAX_PAGE_CHARS:,} are refused"
        )
    try:
        tree = parse(html)
    except (ValueError, TypeError) as exc:
        raise InputError(f"{source_name} cannot be parsed as HTML: {exc}") from None
    meta = read_meta(tree)
    description = tree.xpath(
        "string(//meta[@property='og:description']/@content | //meta[@name='description']/@content)"
    )
    clean(tree)
    paragraphs = [p for p in main_text(tree) if not is_furniture_line(p)]
    body_chars = sum(len(p) for p in paragraphs)
    if body_chars < MIN_ARTICLE_CHARS:
        raise NoArticle(
            f"{source_name} has no article: its main content is {body_chars} characters "
            f"(at least {MIN_ARTICLE_CHARS} needed). Is it a listing page, a login or cookie wall, or an "
            "error page? Give the article's own page, or the article as plain text"
        )
    headline = title or meta.title
    paragraphs = _strip_lead(paragraphs, headline)
    # A standfirst the page shows outside the article body, which the page also gives as its
    # description: it belongs to the article.
    desc = _norm(description)
    if desc and all(desc != _norm(p) for p in paragraphs):
        shown = any(_norm(el.text_content()) == desc for el in tree.iter("p", "h2", "div"))
        if shown:
            paragraphs.insert(0, " ".join(description.split()))
    text = "\n\n".join([headline, *paragraphs] if headline else paragraphs)
    if published:
        published_from: str | None = "caller"
    else:
        published, published_from = meta.published, meta.published_from
    source = PageSource(
        text=text,
        title=headline,
        url=url or meta.url,
        language=meta.language,
        published=published,
        published_from=published_from,
        extractor=extractor_name(),
    )
    return ReadPage(text=text, source=source)


__all__ = ["MAX_PAGE_CHARS", "MIN_ARTICLE_CHARS", "NoArticle", "ReadPage", "read_page"]
