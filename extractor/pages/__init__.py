"""Web pages as input: detection, main-content extraction and page metadata.

    from extractor.pages import read_page
    page = read_page(html)            # page.text: what the model reads; page.source: for the record

`read_page` removes page furniture (clean.py), takes the main content with trafilatura (content.py),
reads the publication date, headline, canonical URL and language (metadata.py), and refuses a page
with no article (NoArticle). The pipeline uses it for `format="html"`.
"""

from extractor.pages.detect import decode_page, looks_like_html
from extractor.pages.page import MIN_ARTICLE_CHARS, NoArticle, ReadPage, read_page

__all__ = ["MIN_ARTICLE_CHARS", "NoArticle", "ReadPage", "decode_page", "looks_like_html", "read_page"]
