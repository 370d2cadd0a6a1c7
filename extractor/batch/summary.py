"""What a batch run did, and the closing summary it prints."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from schemas.batch import OutputLine
from schemas.record import Usage


class LineFacts(NamedTuple):
    """What the summary counts of one output line: small enough to pass between processes."""

    id: str
    status: str
    cached: bool
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    cost_usd: float | None
    model: str | None
    live_cost_usd: float | None

    @classmethod
    def of(cls, line: OutputLine) -> LineFacts:
        u = line.usage
        return cls(line.id, line.status, line.cached, u.prompt_tokens, u.completion_tokens, u.total_tokens,
                   line.cost_usd, line.model, line.live_cost_usd)  # fmt: skip


@dataclass
class Summary:
    """What a run did: lines written by status, cache hits, ids skipped as already done, tokens, cost."""

    counts: Counter[str] = field(default_factory=Counter)
    cached: int = 0
    skipped: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_usd: float = 0.0
    # Provider batch runs: what the live path would have cost, and a report of each job.
    live_cost_usd: float | None = None
    jobs: list[str] = field(default_factory=list)
    pending: int = 0
    unpriced: set[str] = field(default_factory=set)
    wall_s: float = 0.0
    interrupted: bool = False
    compacted: bool = False

    @property
    def processed(self) -> int:
        return sum(self.counts.values())

    @property
    def failed(self) -> bool:
        """Lines were processed and not one succeeded (the `batch` command then exits 1)."""
        return self.processed > 0 and self.counts["ok"] == 0

    @property
    def per_second(self) -> float:
        return self.processed / self.wall_s if self.wall_s > 0 else 0.0

    def add(self, line: OutputLine) -> None:
        self.add_facts(LineFacts.of(line))

    def add_facts(self, f: LineFacts) -> None:
        self.counts[f.status] += 1
        self.cached += f.cached
        self.usage = self.usage + Usage(
            prompt_tokens=f.prompt_tokens, completion_tokens=f.completion_tokens, total_tokens=f.total_tokens
        )
        if f.cost_usd is not None:
            self.cost_usd += f.cost_usd
        elif f.total_tokens:
            self.unpriced.add(f.model or "?")
        if f.live_cost_usd is not None:
            self.live_cost_usd = (self.live_cost_usd or 0.0) + f.live_cost_usd

    def text(self) -> str:
        if not self.processed and not self.interrupted and not self.pending and not self.jobs:
            if self.skipped:
                return (
                    f"nothing to do: every input line's id is already in the output ({self.skipped:,} ids "
                    "there); --retry-errors processes the error lines again"
                )
            return "nothing to do: the input holds no lines"
        order = sorted(self.counts, key=lambda status: (status != "ok", status))
        counts = ", ".join(f"{self.counts[status]:,} {status}" for status in order) or "nothing to do"
        cost_text = f"est. ${self.cost_usd:.4f}"
        if self.live_cost_usd is not None:
            cost_text += f" at batch prices (the live path would have cost ${self.live_cost_usd:.4f})"
        if self.unpriced:
            cost_text += f" (no price for {', '.join(sorted(self.unpriced))}: see --prices)"
        lines = [
            f"{'interrupted' if self.interrupted else 'done'}: {counts}; {self.cached:,} from cache, "
            f"{self.skipped:,} already in the output",
            f"tokens {self.usage.total_tokens:,} ({self.usage.prompt_tokens:,} in, "
            f"{self.usage.completion_tokens:,} out), {cost_text}",
            f"{self.wall_s:.1f} s, {self.per_second:.2f} articles/s",
        ]
        if self.failed:
            which = (
                "the one line is an error"
                if self.processed == 1
                else f"all {self.processed:,} lines are errors"
            )
            lines.append(f"no line succeeded: {which} (see their messages in the output)")
        lines += self.jobs
        if self.pending:
            lines.append(
                f"{self.pending} job{'s' if self.pending > 1 else ''} not finished at the provider: rerun the "
                "same command to collect"
            )
        if self.compacted:
            lines.append("retried ids replaced their earlier lines: the output holds one line per id")
        if self.interrupted:
            lines.append("rerun the same command to finish: lines already written are kept")
        return "\n".join(lines)
