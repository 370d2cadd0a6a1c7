"""README.md as a newcomer uses it: every fenced block runs, or is marked with the reason it cannot.

- `bash` blocks: each command line runs with bash, top to bottom, from a scratch copy of the repository
  root (its folders linked, `../shared` beside it when the checkout has one), so the files the commands
  write (records.jsonl, out/...) land there and later blocks find them, as they would for a reader.
  `pip install ...` is not run but checked: the extras and files it names exist and it installs with
  `-c constraints.txt`. The test command (`python -m pytest`) is the run this test is part of: it is
  checked to be word for word what `.ci/run` runs.
- `python` blocks run as scripts from the same scratch root.
- `json` blocks parse (a block of several lines may be JSON Lines); the record under "Output" validates
  against `schemas.record.Extraction`, its evidence offsets are true for the quick-start article, and
  the quick-start command prints those same values.
- A block preceded by `<!-- readme-test: skip (REASON) -->` is skipped with REASON.

The environment is a newcomer's: no OPENAI_* or EXTRACTOR_* variables (so the embedded model runs), a
response cache in the scratch folder, and `python` the interpreter running the tests.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from schemas.record import Extraction

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SHARED = ROOT.parent / "shared"
QUICKSTART_ARTICLE = ROOT / "examples" / "tidewater-robotics.txt"
QUICKSTART_EXTRACT = "extract examples/tidewater-robotics.txt"
PAGE_EXTRACT = "extract evals/html/en-kelpwise-series-a.html"

SKIP = re.compile(r"<!--\s*readme-test:\s*skip\s*\((?P<reason>.+)\)\s*-->")
FENCE = re.compile(r"^```(?P<lang>[\w+-]*)\s*$")


@dataclass(frozen=True)
class Block:
    lang: str
    line: int  # the opening fence's line number in README.md
    section: str  # the heading it is under
    body: str
    skip: str | None

    @property
    def id(self) -> str:
        return f"L{self.line}-{self.lang or 'plain'}"


def read_blocks(text: str) -> list[Block]:
    """The fenced blocks of a Markdown text, each with the skip reason of the comment right before it."""
    found: list[Block] = []
    lines = text.splitlines()
    section, i = "", 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        opening = FENCE.match(line)
        if not opening:
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == "```"), None)
        assert end is not None, f"README.md line {i + 1}: a code block is never closed"
        before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        marked = SKIP.search(before)
        found.append(
            Block(opening["lang"], i + 1, section, "\n".join(lines[i + 1 : end]), marked and marked["reason"])
        )
        i = end + 1
    return found


BLOCKS = read_blocks(README.read_text(encoding="utf-8"))


def command_lines(body: str) -> list[str]:
    """A shell block's commands: continuation lines joined, blank lines and comment lines left out."""
    joined = re.sub(r"\\\n\s*", " ", body)
    return [
        line.strip() for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]


def check_pip_install(command: str) -> None:
    """What a README install names exists, and it installs the versions CI tested."""
    args = shlex.split(command)
    assert args[:2] == ["pip", "install"], command
    assert "-c" in args and args[args.index("-c") + 1] == "constraints.txt", (
        f"{command!r} does not install with -c constraints.txt"
    )
    assert (ROOT / "constraints.txt").is_file()
    extras_known = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    )
    targets = [args[i + 1] for i, a in enumerate(args) if a == "-e"]
    assert targets, f"{command!r} installs no project"
    for target in targets:
        path, _, extras = target.partition("[")
        assert (ROOT / path / "pyproject.toml").is_file(), f"{command!r}: {path} is no project"
        named = {e.strip() for e in extras.rstrip("]").split(",") if e.strip()}
        assert named <= extras_known, f"{command!r} names extras pyproject.toml lacks: {named - extras_known}"


def check_is_ci_command(command: str) -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert any(line.strip() == command for line in ci.splitlines()), (
        f"the README's test command {command!r} is not what .ci/run runs"
    )


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A repository root to run the README from (folders linked, outputs its own) and a newcomer's env."""
    base = tmp_path_factory.mktemp("readme")
    repo = base / "repo"
    repo.mkdir()
    for entry in ROOT.iterdir():
        if entry.is_dir() and entry.name not in {".git", "out", ".venv"} and not entry.name.endswith("cache"):
            (repo / entry.name).symlink_to(entry, target_is_directory=True)
    for name in ("pyproject.toml", "constraints.txt", "README.md"):
        (repo / name).symlink_to(ROOT / name)
    if SHARED.is_dir():
        (base / "shared").symlink_to(SHARED, target_is_directory=True)
    bin_dir = base / "bin"
    bin_dir.mkdir()
    # `python` is the interpreter running the tests (a symlink would lose its virtual environment).
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} "$@"\n')
    (bin_dir / "python").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "EXTRACTOR_"))}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["EXTRACTOR_CACHE"] = str(base / "cache")
    return repo, env


def run_shell(command: str, repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    if "../shared" in command and not (repo.parent / "shared").is_dir():
        pytest.skip(f"{command!r} reads ../shared, which is not beside this checkout")
    done = subprocess.run(
        ["bash", "-c", command], cwd=repo, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, (
        f"README command failed with status {done.returncode}: {command}\n{done.stderr[-3000:]}"
    )
    return done


def json_example(section: str) -> dict:
    (block,) = [b for b in BLOCKS if b.section == section and b.lang == "json"]
    return json.loads(block.body)


def output_example() -> dict:
    return json_example("Output")


def agrees_with_output_example(printed: dict) -> None:
    """The quick-start command prints what the README's Output section shows, offsets included."""
    agrees_on_rounds(output_example(), printed)


def agrees_with_page_example(printed: dict) -> None:
    """The web-page command prints the rounds and the page metadata the Web pages section shows."""
    shown = json_example("Web pages")
    agrees_on_rounds(shown, printed)
    for key in ("format", "title", "url", "language", "published", "published_from"):
        assert printed["source"][key] == shown["source"][key], (key, printed["source"][key])
    assert printed["source"]["text"].startswith(shown["source"]["text"].removesuffix("..."))


def agrees_on_rounds(example: dict, printed: dict) -> None:
    for shown in example["rounds"]:
        match = [r for r in printed["rounds"] if r["company"] == shown["company"]]
        assert match, f"the command printed no round of {shown['company']!r}: {printed['rounds']}"
        got = match[0]
        for key in [
            k for k in ("round_type", "round_label", "amount", "amount_usd", "announced") if k in shown
        ]:
            assert got[key] == shown[key], (
                f"{key}: the command prints {got[key]!r}, README shows {shown[key]!r}"
            )
        for key, evidence in shown.get("evidence", {}).items():
            assert got["evidence"].get(key) == evidence, (
                f"evidence {key}: the command prints {got['evidence'].get(key)}, README shows {evidence}"
            )


@pytest.mark.model
@pytest.mark.parametrize(
    "block", [b for b in BLOCKS if b.lang in ("bash", "sh", "shell")], ids=lambda b: b.id
)
def test_readme_shell_block_runs(block: Block, scratch: tuple[Path, dict[str, str]]) -> None:
    if block.skip:
        pytest.skip(f"README.md line {block.line}: {block.skip}")
    repo, env = scratch
    for line in command_lines(block.body):
        to_run = []
        for part in (p.strip() for p in line.split("&&")):
            if part.startswith("pip install"):
                check_pip_install(part)
            elif "python -m pytest" in part:
                check_is_ci_command(line)
            else:
                to_run.append(part)
        if not to_run:
            continue
        command = " && ".join(to_run)
        done = run_shell(command, repo, env)
        if QUICKSTART_EXTRACT in command:
            agrees_with_output_example(json.loads(done.stdout))
        elif PAGE_EXTRACT in command and "--text" not in command:
            agrees_with_page_example(json.loads(done.stdout))


@pytest.mark.model
@pytest.mark.parametrize("block", [b for b in BLOCKS if b.lang == "python"], ids=lambda b: b.id)
def test_readme_python_block_runs(block: Block, scratch: tuple[Path, dict[str, str]]) -> None:
    if block.skip:
        pytest.skip(f"README.md line {block.line}: {block.skip}")
    repo, env = scratch
    script = repo / f"readme_{block.id}.py"
    script.write_text(block.body + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, script.name], cwd=repo, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"README.md line {block.line}: the snippet failed\n{done.stderr[-3000:]}"


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.lang == "json"], ids=lambda b: b.id)
def test_readme_json_block_parses(block: Block) -> None:
    if block.skip:
        pytest.skip(f"README.md line {block.line}: {block.skip}")
    try:
        json.loads(block.body)
    except json.JSONDecodeError:
        for n, line in enumerate(block.body.splitlines(), block.line + 1):
            if line.strip():
                try:
                    json.loads(line)
                except json.JSONDecodeError as exc:
                    pytest.fail(
                        f"README.md line {n} is neither part of a JSON document nor a JSON line: {exc}"
                    )


def test_the_output_example_is_a_valid_record_with_true_offsets() -> None:
    shown = output_example()
    record = Extraction.model_validate(shown)
    # Nothing in the example is lost or renamed on the way through the model.
    assert json.loads(record.model_dump_json()) == shown
    article = QUICKSTART_ARTICLE.read_text(encoding="utf-8")
    assert record.rounds
    for r in record.rounds:
        assert r.evidence
        for key, evidence in r.evidence.items():
            assert article[evidence.start : evidence.end] == evidence.text, (key, evidence)


def test_the_quick_start_is_two_commands_and_the_second_is_ci() -> None:
    (block,) = [b for b in BLOCKS if b.section == "Quick start"]
    commands = command_lines(block.body)
    assert len(commands) == 2
    for command in commands:
        install, _, _ = command.partition(" && ")
        check_pip_install(install)
    assert QUICKSTART_EXTRACT in commands[0]
    check_is_ci_command(commands[1])


def test_every_environment_variable_the_code_reads_is_documented() -> None:
    readme = README.read_text(encoding="utf-8")
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "extractor").rglob("*.py"))
    read = set(re.findall(r"[\"']((?:OPENAI|EXTRACTOR)_[A-Z_]+)[\"']", code))
    assert read >= {"OPENAI_API_KEY", "EXTRACTOR_GGUF"}  # the search itself works
    assert {v for v in read if f"| `{v}` |" not in readme} == set()


# Paths under these folders, in backticks, are meant to exist (shared/ is the folder beside the checkout).
_PATH = re.compile(
    r"`((?:\.\./)?(?:extractor|schemas|prompts|evals|tests|benchmarks|scripts|examples|shared|\.ci)/[\w./-]*)`"
)


def test_every_repository_path_the_readme_names_exists() -> None:
    missing = []
    for path in sorted(set(_PATH.findall(README.read_text(encoding="utf-8")))):
        if "*" in path or "NNNN" in path:
            continue
        relative = path.removeprefix("../")
        if relative.startswith("shared/"):
            if not SHARED.is_dir():
                continue
            where = ROOT.parent / relative
        else:
            where = ROOT / relative
        if not where.exists():
            missing.append(path)
    assert missing == []
