"""Collecting a finished job: every article's answer goes through the live path's parse and checks.

An answer that passes becomes the same ok line the live batch writes. One that fails the checks is
re-asked through the live endpoint with the check errors (as the live batch re-asks), and an article
the job did not answer (a row in the error file, an expired or cancelled job) is asked live; with
`repair=False` both become error lines instead, for `--retry-errors` or another job later. Costs:
the job's tokens at batch prices, live tokens at live prices, and beside them (`live_cost_usd`) what
the live path would have cost for all of them.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openai.types.chat import ChatCompletion
from pydantic import ValidationError

from extractor.batch.article_line import ArticleCache, extract_line, failed_line, ok_line
from extractor.batch.lines import error_line
from extractor.batch.reader import parse_lines
from extractor.pipeline import ExtractionFailed, Extractor
from extractor.pricing import Prices, cost
from schemas.batch import OutputLine
from schemas.gold import Article
from schemas.provider_batch import BatchResultLine
from schemas.record import Usage

log = logging.getLogger("extractor.batch")


def article_digest(article: Article) -> str:
    """What was submitted for an article (its text and date), to notice an input edited since."""
    data = json.dumps([article.content, article.published], ensure_ascii=False).encode(
        "utf-8", "surrogatepass"
    )
    return hashlib.sha256(data).hexdigest()[:16]


# Error codes of requests a job never ran (the window ended, or the job was cancelled).
UNRUN = {"batch_expired", "batch_cancelled"}


@dataclass
class Row:
    """What a job did with one request: a chat completion body, or why there is none (and whether the
    job ran the request at all)."""

    answer: dict[str, Any] | None = None
    problem: str | None = None
    ran: bool = True


def _row(line: BatchResultLine) -> Row:
    r = line.response
    if line.error is None and r is not None and r.status_code == 200 and r.body is not None:
        return Row(answer=r.body)
    if line.error is not None:
        problem = f"{line.error.code or 'error'}: {line.error.message or 'no message'}"
        return Row(problem=problem, ran=line.error.code not in UNRUN)
    status = r.status_code if r is not None else "no response"
    detail = (r.body or {}).get("error", {}) if r is not None else {}
    message = detail.get("message") if isinstance(detail, dict) else None
    return Row(problem=f"HTTP {status}: {message or 'no message'}")


def read_rows(paths: Iterable[Path]) -> tuple[dict[str, Row], int]:
    """Rows by custom_id from output and error files (later files win), and how many lines were unreadable."""
    rows: dict[str, Row] = {}
    unreadable = 0
    for path in paths:
        with path.open("rb") as f:
            for raw in f:
                if not raw.strip():
                    continue
                try:
                    line = BatchResultLine.model_validate_json(raw)
                except ValidationError:
                    unreadable += 1
                    continue
                rows[line.custom_id] = _row(line)
    return rows, unreadable


def load_articles(path: Path, wanted: set[str]) -> dict[str, tuple[int, Article]]:
    """The input's articles with these ids, with their line numbers (one pass over the input)."""
    found: dict[str, tuple[int, Article]] = {}
    if not wanted:
        return found
    with path.open("rb") as f:
        for n, item in parse_lines(f):
            if isinstance(item, Article) and item.id in wanted:
                found[item.id] = (n, item)
    return found


def _batch_priced(line: OutputLine, batch_usage: Usage, prices: Prices) -> OutputLine:
    """The job's tokens at batch prices and any live re-ask's at live prices; beside it, all at live prices."""
    total = line.usage
    live = Usage(
        prompt_tokens=max(0, total.prompt_tokens - batch_usage.prompt_tokens),
        completion_tokens=max(0, total.completion_tokens - batch_usage.completion_tokens),
        total_tokens=max(0, total.total_tokens - batch_usage.total_tokens),
    )
    at_batch = cost(batch_usage, line.model, prices, batch=True)
    at_live = cost(live, line.model, prices)
    line.cost_usd = None if at_batch is None or at_live is None else at_batch + at_live
    line.live_cost_usd = cost(total, line.model, prices)
    return line


def _usage(completion: ChatCompletion) -> Usage:
    u = completion.usage
    if u is None:
        return Usage()
    return Usage(
        prompt_tokens=u.prompt_tokens, completion_tokens=u.completion_tokens, total_tokens=u.total_tokens
    )


class BatchRequestFailed(Exception):
    """The job did not answer this request (the error line's type)."""


async def collect_line(
    extractor: Extractor,
    n: int,
    article: Article,
    row: Row | None,
    *,
    unanswered: str,
    unrun_live: bool,
    repair: bool,
    prices: Prices,
    cache: ArticleCache,
) -> tuple[OutputLine, str]:
    """The article's output line and what happened: answered, repaired, asked_live or errors.

    `unanswered` says why there is no row (the job's end state). A request the job ran and failed is
    asked live (unless `repair` is off); one it never ran only with `unrun_live` (an expired job: yes;
    a cancelled or failed one: no, someone stopped it or the provider refused it, so it is not
    silently paid for at the live price)."""
    completion = None
    if row is not None and row.answer is not None:
        try:
            completion = ChatCompletion.model_validate(row.answer)
        except ValidationError as exc:
            row = Row(problem=f"the job's answer is not a chat completion ({exc.errors()[0]['msg']})")
    if completion is not None:
        spent = _usage(completion)
        try:
            record = await extractor.aextract_answered(
                article.content,
                article.published,
                completion,
                repair=repair,
                format=article.format,
                url=article.url,
                title=article.title,
            )
        except ExtractionFailed as exc:
            return _batch_priced(failed_line(extractor, article.id, exc, n, prices), spent, prices), "errors"
        await cache.store(article, record)
        line = _batch_priced(ok_line(article.id, record, prices), spent, prices)
        assert record.provenance is not None
        return line, "repaired" if record.provenance.attempts > 1 else "answered"
    problem = row.problem if row is not None and row.problem else unanswered
    ran = row is not None and row.ran
    if not repair or not (ran or unrun_live):
        why = "--no-repair" if not repair else "the job never ran it; --retry-errors submits it again"
        reason = BatchRequestFailed(f"the batch job did not answer it: {problem} (not asked live: {why})")
        return error_line(article.id, reason, n), "errors"
    line = await extract_line(extractor, n, article, cache, prices)
    line.live_cost_usd = line.cost_usd
    return line, "asked_live" if line.status == "ok" else "errors"
