"""Reading annotated sets and prediction files, with errors that name the file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from extractor.errors import first_problem
from schemas.batch import OutputLine
from schemas.gold import Article


class SetError(ValueError):
    """A set or prediction file that cannot be read as it stands."""


# A prediction is one line of batch output: {"id", "status": "ok"|"error", "extraction", "warnings",
# "usage", "model", "prompt_version", "latency_ms", "cost_usd", "error"}. It is the batch writer's own
# model, not a copy, so the scorer reads exactly what `batch` writes.
PredictionLine = OutputLine


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise SetError(f"{path}: no .jsonl files in this folder")
        return files
    if not path.is_file():
        raise SetError(f"{path}: no such file or folder")
    return [path]


def _lines(path: Path) -> Iterator[tuple[Path, int, str]]:
    for file in _files(path):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SetError(f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield file, n, line


SPLIT_FILE = "split.json"


def split_ids(path: str | Path, split: str) -> set[str]:
    """The ids a set's `split.json` ({"dev": [...], "test": [...]}, beside the .jsonl files) puts in `split`."""
    path = Path(path)
    file = (path if path.is_dir() else path.parent) / SPLIT_FILE
    if not file.is_file():
        raise SetError(f"{path}: no {SPLIT_FILE} beside the set, so it has no split {split!r}")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise SetError(f"{file}: not JSON: {exc}") from None
    names = sorted(k for k, v in data.items() if isinstance(v, list)) if isinstance(data, dict) else []
    if split not in names:
        raise SetError(f"{file}: no split {split!r}; it has {', '.join(names) or 'none'}")
    return {str(i) for i in data[split]}


def load_set(path: str | Path, split: str | None = None) -> list[Article]:
    """A .jsonl set or a folder of them (files sorted by name), in line order; duplicate ids are refused
    because predictions are joined to gold by id. With `split`, only the ids its split.json lists."""
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for file, n, line in _lines(Path(path)):
        try:
            article = Article.model_validate_json(line)
        except ValidationError as exc:
            raise SetError(f"{file}:{n}: {first_problem(exc)}") from None
        if article.id in seen:
            raise SetError(f"{file}:{n}: id {article.id!r} already used at {seen[article.id]}")
        seen[article.id] = f"{file}:{n}"
        articles.append(article)
    if split is not None:
        wanted = split_ids(path, split)
        unknown = sorted(wanted - set(seen))
        if unknown:
            raise SetError(
                f"{path}: split {split!r} names ids the set does not hold: {', '.join(unknown[:5])}"
            )
        articles = [a for a in articles if a.id in wanted]
    return articles


def load_predictions(path: str | Path) -> dict[str, PredictionLine]:
    """Batch output (a file or a folder of them). When an id appears more than once, as in an
    append-only file that was resumed, the last line wins."""
    out: dict[str, PredictionLine] = {}
    for file, n, line in _lines(Path(path)):
        try:
            pred = PredictionLine.model_validate_json(line)
        except ValidationError as exc:
            raise SetError(f"{file}:{n}: not a prediction line: {first_problem(exc)}") from None
        out[pred.id] = pred
    return out
