"""Constrained decoding for forms: JSON objects whose leaves are enumerations.

llama.cpp's grammar sampler checks every one of Gemma's 262k vocabulary
entries at every step, which doubles the cost per token, and it still
decodes the forced text (keys, braces) one token at a time. For a form whose
keys are fixed and whose values are choices, neither is needed: the fixed
text is evaluated as a batch (prompt speed) and each choice is read off the
logits over the few tokens that can continue it. The output is the same JSON
a grammar would allow, in a fraction of the time, and the choice is the
model's most likely one among the allowed values.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np


class ChoiceDecoder:
    """Fills an enum-leaf JSON schema with a llama_cpp.Llama, reusing the KV cache of a shared prefix."""

    def __init__(self, llama: Any, bias: dict[str, float] | None = None) -> None:
        self.llama = llama
        self.bias = bias or {}
        self._tok_cache: dict[str, list[int]] = {}
        self._pending = ""

    @staticmethod
    def supports(schema: dict[str, Any]) -> bool:
        if "enum" in schema:
            return all(isinstance(v, str) for v in schema["enum"]) and bool(schema["enum"])
        if schema.get("type") == "object":
            props = schema.get("properties", {})
            return all(ChoiceDecoder.supports(p) for p in props.values())
        return False

    def _tokens(self, text: str) -> list[int]:
        if text not in self._tok_cache:
            self._tok_cache[text] = self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=False)
        return self._tok_cache[text]

    def _start(self, prompt: str) -> int:
        """Evaluate the prompt, keeping whatever prefix the KV cache already holds (the few-shot part)."""
        llama = self.llama
        tokens = llama.tokenize(prompt.encode("utf-8"), add_bos=True, special=False)
        held = llama.input_ids[: llama.n_tokens].tolist()
        common = 0
        for a, b in zip(held, tokens, strict=False):
            if a != b:
                break
            common += 1
        # Re-evaluate at least the last token so its logits are fresh; eval() drops the stale cache tail.
        llama.n_tokens = min(common, len(tokens) - 1)
        self._pending = ""
        llama.eval(tokens[llama.n_tokens :])
        return len(tokens)

    def _feed(self, text: str) -> None:
        self._pending += text

    def _flush(self) -> None:
        if self._pending:
            self.llama.eval(self._tokens(self._pending))
            self._pending = ""

    def _logits(self) -> np.ndarray:
        return np.ctypeslib.as_array(self.llama._ctx.get_logits(), shape=(self.llama.n_vocab(),))

    def _choose(self, choices: list[str]) -> str:
        """Greedy decoding restricted to the token paths of `choices` (a trie walk)."""
        self._flush()
        seqs = {c: self._tokens(c) for c in choices}
        alive = [c for c in choices if seqs[c]]
        step = 0
        while len(alive) > 1 or (alive and len(seqs[alive[0]]) > step):
            finished = [c for c in alive if len(seqs[c]) == step]
            if finished:  # one choice is a prefix of others: stop at the shortest
                return finished[0]
            logits = self._logits()
            best_tok, best_score = -1, float("-inf")
            for c in alive:
                tok = seqs[c][step]
                score = float(logits[tok]) + (self.bias.get(c, 0.0) if step == 0 else 0.0)
                if score > best_score:
                    best_tok, best_score = tok, score
            alive = [c for c in alive if seqs[c][step] == best_tok]
            self.llama.eval([best_tok])
            step += 1
        return alive[0] if alive else choices[0]

    def _fill(self, schema: dict[str, Any]) -> Any:
        if "enum" in schema:
            self._feed('"')
            value = self._choose([str(v) for v in schema["enum"]])
            self._feed('"')
            return value
        result: dict[str, Any] = {}
        self._feed("{")
        for i, (key, sub) in enumerate(schema.get("properties", {}).items()):
            self._feed((", " if i else "") + json.dumps(key, ensure_ascii=False) + ": ")
            result[key] = self._fill(sub)
        self._feed("}")
        return result

    def fill(self, prompt: str, schema: dict[str, Any]) -> tuple[str, int, int]:
        """JSON text for `schema` after `prompt`, with prompt and completion token counts."""
        n_prompt = self._start(prompt)
        value = self._fill(schema)
        self._pending = ""
        return json.dumps(value, ensure_ascii=False), n_prompt, self.llama.n_tokens - n_prompt
