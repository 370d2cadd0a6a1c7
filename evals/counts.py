"""True/false positives and false negatives, and the figures made from them: the unit every score and
interval in `evals` is built of."""

from __future__ import annotations

from pydantic import BaseModel, computed_field


class Counts(BaseModel):
    """True/false positives and false negatives of one field (or of all, or of round detection)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        """Nothing emitted is nothing wrong: 1.0 when there are no predictions at all."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        """Nothing to find is nothing missed: 1.0 when gold has nothing."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)
