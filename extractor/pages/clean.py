"""Page furniture removed before main-content extraction, so it can never reach the model.

Main-content extractors keep whatever sits inside the article container. Publishers put other things
there too: "Read also" links to other stories (often about other funding rounds), newsletter and
podcast promos, share bars, job ads. Two kinds of rule remove them:

- by name: elements whose class or id names a kind of furniture ("related-stories", "newsletter",
  "comments", "paywall", "jobs-board"...), matched on whole words of the name, so "read__content" or
  "header" never match "read" or "ad";
- by text: short blocks that start with a "read also" label in one of the languages the project
  reads ("Also Read:", "Lesen Sie auch", "À lire aussi", "Leia também", "Baca juga"...) and are mostly a
  link; any short block that is mostly one link; newsletter calls and advertisement labels.

- by shape: a run of three or more like siblings (same tag and class) that are each short and either
  headed by a link or mostly link text: a river of teaser cards or a list of headlines, whatever
  the site calls it.

All three are measured in benchmarks/html_extraction.py against the library alone.
"""

from __future__ import annotations

import re
from typing import Any

# Elements that never hold article text.
DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "input", "select",
    "textarea", "nav", "footer", "amp-sidebar", "amp-ad", "amp-analytics",
)  # fmt: skip

# Words of a class or id that name page furniture. Matched against the name split at "-", "_",
# spaces and camelCase humps, as whole words or runs of words.
FURNITURE = re.compile(
    r"^(?:related|relacionad[ao]s?|terkait|read[- ]also|also[- ]read|lire[- ]aussi|leia[- ]tambem|"
    r"te[- ]puede[- ]interesar|baca[- ]juga|more[- ](?:stories|news|from)|most[- ](?:read|popular)|"
    r"popular|terpopuler|latest[- ](?:news|posts|stories)|trending|lo[- ]mas[- ]leido|mais[- ]lidas|recommended|recirculation|"
    r"newsletter|nl[- ]box|nl[- ]strip|boletin|subscribe|signup|sign[- ]up|cookie|cookies|consent|gdpr|"
    r"paywall|share|sharing|sharedaddy|social|comments?|comment[- ]list|respond|disqus|"
    r"jobs?|jobs[- ]board|job[- ]card|stellenmarkt|emploi|vagas|widget[- ]vagas|careers?|"
    r"ad|ads|ad[- ]slot|ads[- ]top|advert|advertisement|anzeige|iklan|publicidad|sponsor|sponsored|promo|"
    r"subscription|suscripcion|assinatura|"
    r"teaser|teaser[- ]list|embed[- ]teaser|breadcrumbs?|brdcrm|ticker|market[- ]ticker|marquee|"
    r"mkt[- ]strip|podcast[- ]promo|author[- ](?:bio|info|box)|tags[- ]links|tag[- ]cloud|"
    r"widget[- ]area|sidebar|rail|disclaimer|cta)$"
)

# "Read also" labels: a short block starting with one of these, mostly link text, is a link to
# another story.
READ_ALSO = re.compile(
    r"^\s*(?:read also|also read|read more|read|see also|related|more|previously(?: in [\w ]{1,30})?|"
    r"lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|"
    r"à lire aussi|a lire aussi|lire aussi|voir aussi|"
    r"leia também|leia mais|veja também|"
    r"te puede interesar|lee también|también lee|lea también|ver también|"
    r"baca juga|simak juga|lihat juga|baca selengkapnya)\s*[:：|»>-]",
    re.IGNORECASE,
)
_MAX_READ_ALSO_CHARS = 300

# An advertisement's label at the start of a short block.
_AD_LABEL = re.compile(
    r"^\s*(?:anzeige|advertisement|sponsored|publicidad|publicité|iklan|publicidade)\b", re.IGNORECASE
)
_MAX_AD_CHARS = 200
# A short block that is mostly one link is a pointer to another page, whatever its label says.
_LINK_BLOCK_SHARE = 0.6
_MAX_LINK_BLOCK_CHARS = 250

# A newsletter or alerts call: an invitation and a channel in one short line ("Subscribe to BizPulse
# alerts", "Newsletter: jetzt kostenlos abonnieren"), or "in your inbox". Both parts are needed, so
# "2 million subscribers" or "will join the board" stay.
_CALL = re.compile(
    r"\b(?:subscribe|sign up|abonnieren|inscrivez-vous|abonnez-vous|suscr[ií]bete|assine|berlangganan)\b",
    re.IGNORECASE,
)
_CHANNEL = re.compile(
    r"\b(?:newsletters?|alerts|briefing|boletín|kostenlos|gratuit|grátis|gratis|correo|e-?mail)\b|newsletter",
    re.IGNORECASE,
)
_INBOX = re.compile(r"\bin your inbox\b", re.IGNORECASE)
_MAX_CALL_CHARS = 200

_WORD = re.compile(r"[-_]+|(?<=[a-z])(?=[A-Z])")
# An element holding more than this share of the page's paragraph text is the article's container,
# whatever its name says ("has-sidebar", "layout--with-rail").
_CONTAINER_SHARE = 0.5


def is_furniture(name: str) -> bool:
    """Whether a class/id value names furniture: any run of its words ("article-body related-box" has
    the run "related")."""
    for token in name.split():
        parts = [w for w in _WORD.split(token) if w]
        lowered = [p.lower() for p in parts]
        for i in range(len(lowered)):
            for j in range(i + 1, min(len(lowered), i + 4) + 1):
                if FURNITURE.match("-".join(lowered[i:j])):
                    return True
    return False


def _link_share(el: Any) -> float:
    text = " ".join(el.text_content().split())
    if not text:
        return 0.0
    linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return linked / len(text)


def is_furniture_line(text: str) -> bool:
    """A line of extracted text that is a "read also" link or a newsletter call, not article prose."""
    text = " ".join(text.split())
    if len(text) <= _MAX_READ_ALSO_CHARS and READ_ALSO.match(text):
        return True
    if len(text) <= _MAX_AD_CHARS and _AD_LABEL.match(text):
        return True
    return len(text) <= _MAX_CALL_CHARS and (
        bool(_INBOX.search(text)) or (bool(_CALL.search(text)) and bool(_CHANNEL.search(text)))
    )


_TEASER_MIN_RUN = 3
_TEASER_MAX_CHARS = 400


def _is_teaser(el: Any) -> bool:
    text = " ".join(el.text_content().split())
    if not text or len(text) > _TEASER_MAX_CHARS:
        return False
    linked_heading = any(
        h.find(".//a") is not None or h.getparent().tag == "a" for h in el.iter("h2", "h3", "h4")
    )
    return linked_heading or _link_share(el) >= 0.6


def _drop_teaser_runs(tree: Any) -> int:
    removed = 0
    for parent in list(tree.iter()):
        if not isinstance(parent.tag, str) or parent.getparent() is None and parent.tag != "html":
            continue
        groups: dict[tuple[str, str], list[Any]] = {}
        for child in parent:
            if isinstance(child.tag, str):
                groups.setdefault((child.tag, child.get("class") or ""), []).append(child)
        for members in groups.values():
            if len(members) >= _TEASER_MIN_RUN and sum(map(_is_teaser, members)) >= _TEASER_MIN_RUN:
                for m in members:
                    if _is_teaser(m):
                        m.drop_tree()
                        removed += 1
    return removed


def _prose(el: Any) -> int:
    return sum(len(p.text_content()) for p in el.iter("p"))


def clean(tree: Any) -> int:
    """Remove furniture from the parsed page in place; returns how many elements went."""
    removed = 0
    for el in list(tree.iter(*DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
            removed += 1
    total = _prose(tree)
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "main", "article"):
            continue
        if el.getparent() is None:
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
        if names and is_furniture(names) and _prose(el) <= _CONTAINER_SHARE * total:
            el.drop_tree()
            removed += 1
    removed += _drop_teaser_runs(tree)
    for el in list(tree.iter("p", "div", "li", "aside", "section", "blockquote")):
        if el.getparent() is None:
            continue
        text = " ".join(el.text_content().split())
        if not text:
            continue
        share = _link_share(el)
        if (len(text) <= _MAX_READ_ALSO_CHARS and READ_ALSO.match(text) and share >= 0.5) or (
            len(text) <= _MAX_LINK_BLOCK_CHARS and share >= _LINK_BLOCK_SHARE
        ):
            el.drop_tree()
            removed += 1
    return removed


__all__ = ["DROP_TAGS", "FURNITURE", "READ_ALSO", "clean", "is_furniture", "is_furniture_line"]
