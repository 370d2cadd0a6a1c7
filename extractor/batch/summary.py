"""What a batch run did, and the closing summary it prints."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from schemas.batch import OutputLine
from schemas.record import Usage


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
    def per_second(self) -> float:
        return self.processed / self.wall_s if self.wall_s > 0 else 0.0

    def add(self, line: OutputLine) -> None:
        self.counts[line.status] += 1
        self.cached += line.cached
        self.usage = self.usage + line.usage
        if line.cost_usd is not None:
            self.cost_usd += line.cost_usd
        elif line.usage.total_tokens:
            self.unpriced.add(line.model or "?")
        if line.live_cost_usd is not None:
            self.live_cost_usd = (self.live_cost_usd or 0.0) + line.live_cost_usd

    def text(self) -> str:
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
