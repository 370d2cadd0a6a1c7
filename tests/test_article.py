"""Bad input gets a clear error naming what was wrong."""

import pytest

from extractor.article import check_published, check_text, decode
from extractor.errors import InputError


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Café raised 5m".encode("latin-1"), "not valid UTF-8"),
        (bytes(range(1, 32)) * 4, "binary"),
    ],
)
def test_unusable_bytes_are_refused(data, fragment):
    with pytest.raises(InputError, match=fragment):
        decode(data, "story.txt")


def test_utf8_with_bom_is_accepted_unchanged():
    assert decode("Acme raised €5m".encode("utf-8-sig")) == "Acme raised €5m"


def test_non_string_text_is_refused():
    with pytest.raises(InputError, match="must be a string"):
        check_text(b"bytes")


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "2024/01/02", "3024-01-01"])
def test_bad_published_dates_are_refused(bad):
    with pytest.raises(InputError, match="published"):
        check_published(bad)


def test_partial_published_dates_pass():
    assert check_published("2020-06") == "2020-06"
    assert check_published("") is None
