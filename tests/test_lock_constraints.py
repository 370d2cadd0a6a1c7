"""The constraints drift report: stale pins and unpinned packages are named, nothing else."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from lock_constraints import drift, installed  # noqa: E402

PINS = """# header line
httpx==0.28.1
lxml_html_clean==0.4.6
Jinja2==3.1.6
"""


def test_no_drift_when_fresh_resolution_matches_the_pins() -> None:
    resolved = {
        "httpx": "0.28.1",
        "lxml-html-clean": "0.4.6",
        "jinja2": "3.1.6",
    }
    assert drift(PINS, resolved) == []


def test_the_project_itself_is_never_a_resolved_pin() -> None:
    report = {
        "install": [
            {"metadata": {"name": "funding-extractor", "version": "0.1.0"}},
            {"metadata": {"name": "Jinja2", "version": "3.1.6"}},
        ]
    }
    assert installed(report) == {"Jinja2": "3.1.6"}


def test_newer_release_and_unpinned_package_are_each_named() -> None:
    resolved = {"httpx": "0.29.0", "lxml-html-clean": "0.4.6", "jinja2": "3.1.6", "uvicorn": "0.55.0"}
    assert drift(PINS, resolved) == [
        "httpx: pinned 0.28.1, newest allowed 0.29.0",
        "uvicorn: not pinned, resolves to 0.55.0",
    ]


def test_pins_no_longer_resolved_are_not_reported_as_drift() -> None:
    # A dependency dropped upstream leaves a harmless pin behind: `-c` only constrains what is installed.
    assert drift(PINS, {"httpx": "0.28.1", "jinja2": "3.1.6"}) == []
