"""The article's own text out of a cleaned page, by trafilatura (chosen in benchmarks/html_extraction.py)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def extractor_name() -> str:
    """The library and version that extract the main content, for the record's provenance."""
    from importlib.metadata import version

    return f"trafilatura {version('trafilatura')}"


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
