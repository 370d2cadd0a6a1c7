"""What a page says about itself: publication date, headline, canonical URL and language.

Read from the places publishers put them, in a fixed order so the answer is predictable: JSON-LD
(`datePublished`, `headline`, `url`, `inLanguage`), then meta tags (Open Graph, article:*, Dublin Core,
parse.ly, itemprop microdata), then the visible page (`<time datetime>`, `<h1>`, `<title>`,
`<html lang>`). Dates are taken as the page writes them: the date part of an ISO timestamp is the
publisher's local date, which is the one "on Tuesday" in the article counts from.
"""

from __future__ import annotations

import email.utils
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import html as lxml_html

from schemas.record import check_partial_date

# Meta tags that carry the publication date, in the order they are trusted.
DATE_META = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("property", "og:published_time"),
    ("itemprop", "datePublished"),
    ("name", "parsely-pub-date"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "date"),
    ("name", "dc.date.issued"),
    ("name", "dc.date"),
    ("name", "dcterms.created"),
    ("name", "sailthru.date"),
)

_ISO = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s]\d{1,2}:?\d{2}|[T\s]*$)")
_ISO_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?\s*$")
_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "techarticle", "scholarlyarticle", "socialmediaposting", "liveblogposting", "report",
}  # fmt: skip


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    url: str | None = None
    language: str | None = None
    published: str | None = None
    # Where the date was read: "json-ld datePublished", "meta property=article:published_time", "time datetime".
    published_from: str | None = None


def parse_date(value: str | None) -> str | None:
    """YYYY-MM-DD (or YYYY-MM, YYYY) from an ISO date or timestamp, or an RFC 2822 date; None otherwise."""
    if not value:
        return None
    value = value.strip()
    m = _ISO.match(value)
    if m:
        found = "-".join(m.groups())
    else:
        partial = _ISO_PARTIAL.match(value)
        if partial:
            found = "-".join(g for g in partial.groups() if g)
        else:
            try:
                parsed = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            found = parsed.date().isoformat()
    try:
        return check_partial_date(found)
    except ValueError:
        return None


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page, @graph members and lists unrolled; broken blocks skipped."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    names = t if isinstance(t, list) else [t]
    return {str(n).lower() for n in names if n}


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    if isinstance(value, dict):
        return _text(value.get("@id") or value.get("url") or value.get("name"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def _meta(tree: Any, attr: str, name: str) -> str | None:
    # Attribute values compared case-insensitively ("DC.date.issued" and "dc.date.issued").
    lower = f"translate(@{attr},'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')"
    for el in tree.xpath(f"//meta[{lower}=$name]", name=name.lower()):
        content = el.get("content")
        if content and content.strip():
            return " ".join(content.split())
    return None


def _language(tree: Any, articles: list[dict[str, Any]]) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += [_text(a.get("inLanguage")) for a in articles]
    candidates += [_meta(tree, "property", "og:locale"), _meta(tree, "http-equiv", "content-language")]
    for value in candidates:
        if value and re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", value.strip()):
            return value.strip().replace("_", "-")
    return None


def _published(tree: Any, articles: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    for obj in articles:
        found = parse_date(_text(obj.get("datePublished")))
        if found:
            return found, "json-ld datePublished"
    for attr, name in DATE_META:
        found = parse_date(_meta(tree, attr, name))
        if found:
            return found, f"meta {attr}={name}"
    # <time>: the one marked as the publication date first, then the first one in the page.
    times = tree.xpath(
        "//time[@datetime][contains(concat(' ', normalize-space(@class), ' '), ' published ') "
        "or @itemprop='datePublished' or @pubdate]"
    ) + tree.xpath("//time[@datetime]")
    for el in times:
        found = parse_date(el.get("datetime"))
        if found:
            return found, "time datetime"
    return None, None


def read_meta(tree: Any) -> PageMeta:
    """The page's own metadata; any of it may be missing."""
    objects = list(_json_ld(tree))
    articles = [o for o in objects if _types(o) & _ARTICLE_TYPES]
    # A WebPage's datePublished is the page's; an article's is better, so articles come first.
    dated = articles + [o for o in objects if "webpage" in _types(o)]
    published, published_from = _published(tree, dated)
    title = next((t for a in articles if (t := _text(a.get("headline")))), None)
    title = title or _meta(tree, "property", "og:title") or _meta(tree, "name", "twitter:title")
    if not title:
        h1 = tree.xpath("//h1")
        title = " ".join(h1[0].text_content().split()) if h1 else None
    if not title:
        titles = tree.xpath("//title")
        title = " ".join(titles[0].text_content().split()) if titles else None
    canonical = tree.xpath('//link[translate(@rel,"CANONICAL","canonical")="canonical"]/@href')
    url = (
        (canonical[0].strip() if canonical and canonical[0].strip() else None)
        or _meta(tree, "property", "og:url")
        or next((u for a in articles if (u := _text(a.get("mainEntityOfPage") or a.get("url")))), None)
    )
    return PageMeta(
        title=title or None,
        url=url,
        language=_language(tree, articles),
        published=published,
        published_from=published_from,
    )


def parse(html: str) -> Any:
    return lxml_html.document_fromstring(html)


__all__ = ["DATE_META", "PageMeta", "parse", "parse_date", "read_meta"]
