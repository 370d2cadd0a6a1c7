"""Refresh constraints.txt: resolve pyproject.toml's ranges afresh in a new virtual environment.

    python scripts/lock_constraints.py

CI and the README install with `-c constraints.txt`, so every machine gets the same versions;
the package's own dependency ranges stay open for users of the library. Run this, then the
tests, when you want newer dependencies.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="lock-") as tmp:
        env = Path(tmp) / "venv"
        venv.create(env, with_pip=True)
        python = env / "bin" / "python"
        subprocess.run([python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"], check=True)
        frozen = subprocess.run(
            [python, "-m", "pip", "freeze", "--exclude-editable"], check=True, capture_output=True, text=True
        ).stdout
    pins = [line for line in frozen.splitlines() if line and not line.startswith("funding-extractor")]
    header = [
        "# Versions CI and the README's commands install (pip install ... -c constraints.txt): the newest",
        f"# releases pip resolved for pyproject.toml's ranges on {datetime.date.today()}. The package itself "
        "keeps open ranges;",
        "# refresh with: python scripts/lock_constraints.py",
    ]
    (ROOT / "constraints.txt").write_text("\n".join(header + pins) + "\n")
    print(f"constraints.txt: {len(pins)} pins")
    return 0


if __name__ == "__main__":
    sys.exit(main())
