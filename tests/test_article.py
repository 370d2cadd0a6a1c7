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


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("2024-05-16T08:30:00", "2024-05-16"),
        ("2024-05-16T23:59:59.123Z", "2024-05-16"),
        ("2024-05-16T00:10:00+02:00", "2024-05-16"),
        ("2024-05-16 08:30", "2024-05-16"),
    ],
)
def test_iso_timestamps_give_the_publishers_calendar_date(stamp, day):
    assert check_published(stamp) == day


def test_a_timestamp_with_an_impossible_day_is_refused():
    with pytest.raises(InputError, match="not a calendar date"):
        check_published("2024-02-30T08:00:00")


def test_batch_and_set_lines_take_timestamps_too():
    from schemas.gold import Article

    assert Article(id="a", text="x", published="2024-05-16T08:30:00Z").published == "2024-05-16"
