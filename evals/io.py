"""Reading annotated sets and prediction files, with errors that name the file and line."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from schemas.batch import OutputLine
from schemas.gold import Article


class SetError(ValueError):
    """A set or prediction file that cannot be read as it stands."""


# Predictions are batch output lines.
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


def load_set(path: str | Path) -> list[Article]:
    """A .jsonl set or a folder of them, in file then line order; duplicate ids are refused."""
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for file in _files(Path(path)):
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                article = Article.model_validate_json(line)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                raise SetError(f"{file}:{n}: {where}: {first['msg']}") from None
            if article.id in seen:
                raise SetError(f"{file}:{n}: id {article.id!r} already used at {seen[article.id]}")
            seen[article.id] = f"{file}:{n}"
            articles.append(article)
    return articles


def load_predictions(path: str | Path) -> dict[str, PredictionLine]:
    """Batch output; when an id appears more than once (an append-only resumed file) the last line wins."""
    out: dict[str, PredictionLine] = {}
    for file in _files(Path(path)):
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                pred = PredictionLine.model_validate(data)
            except (json.JSONDecodeError, ValidationError) as exc:
                raise SetError(f"{file}:{n}: not a prediction line: {str(exc).splitlines()[0]}") from None
            out[pred.id] = pred
    return out
