"""Batch extraction over JSONL: concurrent, resumable, lossless.

Input: one JSON object per line, `{"id", "text", "published"?, "url"?, "title"?}`; annotated sets
(shared/ANNOTATION.md) work as they are, `gold` is ignored. Blank lines are skipped and a UTF-8 byte
order mark on the first line is allowed.

Output: exactly one line per (non-blank) input line, written in COMPLETION ORDER, not input order;
join on `id`:

    {"id", "status": "ok", "extraction": {...}, "warnings": [...], "usage": {...}, "model",
     "prompt_version", "latency_ms", "cost_usd", "cached"}
    {"id", "status": "error", "error": {"type", "message"}, "line": N}

`line` is the input line number (1-based). An error after the model was called (no valid answer
within the re-asks) also carries the tokens it used ("usage", "cost_usd", "model"). A cached line
spent nothing now: its usage is zero and its latency is the cache lookup's; the extraction's own
provenance still tells how it was made. `cost_usd` is null for a model with no price
(extractor.pricing).

Input lines that cannot be used (not UTF-8, bad JSON, not an object, no id or text, non-string
text, a bad published date, a repeated id) become error lines naming the input line number, and the
batch goes on. A line with no usable id of its own, and a line repeating an earlier id, is reported
under the id "line:N", so ids in the output are unique (do not give articles ids of that form).

The output file is append-only. Each line is one os.write of the whole encoded line, newline included,
on an O_APPEND descriptor, so a process killed at any moment (SIGINT or SIGKILL) leaves only whole
lines; a partial last line (a write cut short by a full disk or a crash) is cut off at the next start.
Rerunning the same command skips ids already in the output, whatever their status; with
`retry_errors` the ids whose LAST line is an error are processed again. The last line per id is
authoritative; a run that appended a second line for an id (a retry) compacts the file at the end to
one line per id (each at the position of its last line) through a temporary file and os.replace, so
the file is whole at every moment. An exclusive lock (flock) keeps two runs from writing one file.

The package, one job per module: lines (the output line as written), reader (input lines into
articles), article_line (one article's cache lookup, extraction and cost), runner (the async queue),
output (the append-only file: resume, compaction, lock), progress, summary, run (the blocking helper),
workers (worker processes), provider/ (the same input through a provider's Batch API: `--via
provider-batch`, or a self-hosted engine's run-batch: `--via batch-files`).

Memory stays flat in the input size: input is read lazily through a bounded queue (at most
2 x concurrency parsed lines waiting, `concurrency` in flight); only the set of ids is kept, to find
repeats and to resume.
"""

from __future__ import annotations

from extractor.batch.lines import encode_line
from extractor.batch.output import compact, read_done, repair_tail
from extractor.batch.reader import parse_lines
from extractor.batch.run import run_batch
from extractor.batch.runner import iter_batch
from extractor.batch.summary import Summary

__all__ = [
    "Summary",
    "compact",
    "encode_line",
    "iter_batch",
    "parse_lines",
    "read_done",
    "repair_tail",
    "run_batch",
]
