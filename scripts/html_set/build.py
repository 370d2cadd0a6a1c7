"""Builds evals/html from the clean articles: the pages, the page set and the clean-text set.

    python scripts/html_set/build.py          # writes evals/html/*.html, pages.jsonl, clean/articles.jsonl

The clean article is written first (articles.py); its page is built around it (skins.py). The clean-text
set holds exactly the article a reader gets: title, standfirst and paragraphs, separated by blank lines.
The page set holds the same articles as pages, with `published`, `url` and `title` left null so that
they come from the page's own metadata. tests/test_html_set.py checks that the committed files are what
this script writes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from articles import ARTICLES  # noqa: E402
from skins import SKINS  # noqa: E402

OUT = ROOT / "evals" / "html"

# Noise kinds whose values are strings or lists of strings (comments are (author, text) pairs).
_NOISE_TEXT = (
    "newsletter",
    "cookie",
    "paywall",
    "sponsored",
    "ad",
    "podcast",
    "disclaimer",
    "bio",
    "subscribe",
)
_NOISE_LISTS = (
    "related", "popular", "recent", "previous", "latest", "more", "recommended", "jobs", "ticker", "cards",
    "river",
)  # fmt: skip


def clean_text(a: dict[str, Any]) -> str:
    """The article as a reader gets it: title, standfirst, paragraphs, separated by blank lines."""
    return "\n\n".join([a["title"], *([a["dek"]] if a["dek"] else []), *a["paragraphs"]])


def noise(a: dict[str, Any]) -> list[str]:
    """Every piece of page furniture that must never reach the model."""
    n = a["noise"]
    out = [n[k] for k in _NOISE_TEXT if k in n]
    for k in _NOISE_LISTS:
        out += n.get(k, [])
    out += list(n.get("read_also", {}).values()) + list(n.get("also", {}).values())
    out += [text for _, text in n.get("comments", [])]
    return list(dict.fromkeys(out))


def page_html(a: dict[str, Any]) -> str:
    return SKINS[a["skin"]](a)


def lines() -> tuple[list[str], list[str]]:
    """(page set lines, clean-text set lines), same ids and gold."""
    pages, clean = [], []
    for a in ARTICLES:
        pages.append(
            json.dumps(
                {
                    "id": a["id"],
                    "url": None,
                    "published": None,
                    "title": None,
                    "html": page_html(a),
                    "gold": a["gold"],
                },
                ensure_ascii=False,
            )
        )
        clean.append(
            json.dumps(
                {
                    "id": a["id"],
                    "url": a["url"],
                    "published": a["published"],
                    "title": a["title"],
                    "text": clean_text(a),
                    "gold": a["gold"],
                },
                ensure_ascii=False,
            )
        )
    return pages, clean


def files() -> dict[str, str]:
    """Relative path under evals/html -> content, for every generated file."""
    pages, clean = lines()
    out = {f"{a['id']}.html": page_html(a) for a in ARTICLES}
    out["pages.jsonl"] = "\n".join(pages) + "\n"
    out["clean/articles.jsonl"] = "\n".join(clean) + "\n"
    return out


def main() -> int:
    for rel, content in files().items():
        path = OUT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
