"""The article's own text out of a cleaned page, by trafilatura (chosen in benchmarks/html_extraction.py)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any


@cache
def extractor_name() -> str:
    """The library and version that extract the main content, and a digest of this package's own rules,
    for the record's provenance and the batch cache key: a change to either changes the text read."""
    from importlib.metadata import version

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in ("clean.py", "content.py", "metadata.py", "page.py"):
        digest.update((here / name).read_bytes())
    return f"trafilatura {version('trafilatura')}, rules {digest.hexdigest()[:10]}"


def main_text(tree: Any) -> list[str]:
    """The article's paragraphs, in page order; empty when the page holds no main content."""
    import trafilatura

    text = trafilatura.extract(
        tree,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        deduplicate=False,
        with_metadata=False,
    )
    if not text:
        return []
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


__all__ = ["extractor_name", "main_text"]
