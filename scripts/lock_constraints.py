"""Refresh constraints.txt, or report how far it is behind what a fresh machine would resolve.

    python scripts/lock_constraints.py            # rewrite constraints.txt
    python scripts/lock_constraints.py --check    # list the pins that newer releases have passed

CI and the README install with `-c constraints.txt`, so every machine gets the same versions;
the package's own dependency ranges stay open for users of the library, who get the newest
releases. `--check` (run by CI, report only) says when those two have drifted apart, so the
pins are refreshed and tested before a user meets the difference.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "constraints.txt"
PROJECT = "funding-extractor"  # pyproject.toml's name: never a pin of its own


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(text: str) -> dict[str, tuple[str, str]]:
    pins = {}
    for line in text.splitlines():
        if line and not line.startswith("#") and "==" in line:
            name, version = line.split("==", 1)
            pins[_key(name)] = (name, version.strip())
    return pins


def _resolve() -> dict[str, str]:
    """What a fresh machine installs for the project and its test extras today (pip's dry run: the same
    resolver as a real install, nothing installed), by distribution name; the project itself left out."""
    with tempfile.TemporaryDirectory(prefix="resolve-") as tmp:
        report = Path(tmp) / "report.json"
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet"]
        subprocess.run([*command, "--report", str(report), "-e", f"{ROOT}[test]"], check=True)
        return installed(json.loads(report.read_text()))


def installed(report: dict[str, Any]) -> dict[str, str]:
    """The distributions a pip install report would install, by name; the project itself left out."""
    found = {item["metadata"]["name"]: item["metadata"]["version"] for item in report["install"]}
    return {name: version for name, version in found.items() if _key(name) != PROJECT}


def lock() -> int:
    pins = [
        f"{name}=={version}" for name, version in sorted(_resolve().items(), key=lambda kv: kv[0].lower())
    ]
    header = [
        "# Versions CI and the README's commands install (pip install ... -c constraints.txt): the newest",
        f"# releases pip resolved for pyproject.toml's ranges on {datetime.date.today()}. The package itself "
        "keeps open ranges;",
        "# refresh with: python scripts/lock_constraints.py",
    ]
    CONSTRAINTS.write_text("\n".join(header + pins) + "\n")
    print(f"constraints.txt: {len(pins)} pins")
    return 0


def drift(constraints: str, resolved: dict[str, str]) -> list[str]:
    """What differs between the pins and a fresh resolution, one line each (names compared as pip does)."""
    pinned = _pins(constraints)
    fresh = {_key(name): version for name, version in resolved.items()}
    lines = [
        f"{name}: pinned {version}, newest allowed {fresh[key]}"
        for key, (name, version) in sorted(pinned.items())
        if key in fresh and fresh[key] != version
    ]
    lines += [f"{key}: not pinned, resolves to {fresh[key]}" for key in sorted(set(fresh) - set(pinned))]
    return lines


def check() -> int:
    text = CONSTRAINTS.read_text()
    lines = drift(text, _resolve())
    if not lines:
        print(f"constraints.txt: all {len(_pins(text))} pins are what a fresh machine resolves today")
        return 0
    print("constraints.txt differs from what a fresh machine resolves without it today:")
    print("\n".join(f"  {line}" for line in lines))
    print("refresh with `python scripts/lock_constraints.py`, then run the tests")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale pins; change nothing")
    return check() if parser.parse_args().check else lock()


if __name__ == "__main__":
    sys.exit(main())
