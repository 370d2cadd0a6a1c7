"""The annotation contract of shared/ANNOTATION.md, checked line by line for any annotated set.

Gold is only worth scoring against if it is honest: every name is quoted verbatim from the text,
every amount is written in a form the money parser reads with the annotated currency, dates do not
run ahead of the publication date, labels imply their round type, and the news flag agrees with the
rounds. The fixtures' and the real-article tests run these checks; so can an annotator:

    python -m evals.contract evals/real
    python -m evals.contract evals/html        # a set of web pages: lines with `html` instead of `text`

For a line with `html`, every check runs on the article text the pipeline reads from the page
(extractor.pages.read_page, the same function), with the page's own date when the line gives none.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas.gold import Article

ARTICLE_KEYS = {"id", "url", "published", "title", "text", "gold"}
PAGE_KEYS = ARTICLE_KEYS - {"text"} | {"html"}
GOLD_KEYS = {"is_funding_news", "rounds"}
ROUND_KEYS = {
    "company", "company_aliases", "round_type", "round_label", "amount", "amount_usd", "announced",
    "investors", "valuation", "primary", "optional",
}  # fmt: skip
INVESTOR_KEYS = {"name", "aliases", "lead"}

# Words that say who led a round, in the languages the sets use.
LEAD_WORDS = re.compile(
    r"\bled\b|\bco-led\b|\bleads?\b|\bleading\b|liderad[ao]|lideró|lider[ao]u|\blidera\b|encabezad[ao]|mené|menée|"
    r"angeführt|guidat[ao]|dipimpin|memimpin|领投|主导|領投|主導|리드",
    re.IGNORECASE,
)


def _names(rnd: dict[str, Any]) -> list[str]:
    out = [rnd["company"], *rnd.get("company_aliases", [])]
    for inv in rnd.get("investors", []):
        out += [inv["name"], *inv.get("aliases", [])]
    return out


def problems(raw: dict[str, Any]) -> list[str]:
    """Everything about one set line that breaks the contract; empty when it holds."""
    from extractor.parsing.money import find_money
    from extractor.parsing.round_types import round_type_for

    out: list[str] = []
    line_keys = PAGE_KEYS if "html" in raw else ARTICLE_KEYS
    if set(raw) != line_keys:
        out.append(f"keys differ from {sorted(line_keys)}: {sorted(set(raw) ^ line_keys)}")
    try:
        art = Article.model_validate(raw)
    except ValidationError as exc:
        return [*out, f"not a valid set line: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}"]
    if art.gold is None:
        return [*out, "no gold record"]
    gold = raw["gold"]
    if set(gold) != GOLD_KEYS:
        out.append(f"gold keys differ: {sorted(set(gold) ^ GOLD_KEYS)}")
    published = art.published
    if art.html is not None:
        from extractor.errors import InputError
        from extractor.pages import read_page

        try:
            page = read_page(art.html, published=art.published, url=art.url, title=art.title)
        except InputError as exc:
            return [*out, f"the page gives no article text: {exc}"]
        text, published = page.text, page.source.published
    else:
        assert art.text is not None
        text = art.text
    if art.title and art.title not in text:
        out.append("the title does not occur in the text")
    spans = find_money(text)
    for k, (rnd_raw, rnd) in enumerate(zip(gold["rounds"], art.gold.rounds, strict=True)):
        where = f"rounds.{k} ({rnd.company})"
        if set(rnd_raw) != ROUND_KEYS:
            out.append(f"{where}: round keys differ: {sorted(set(rnd_raw) ^ ROUND_KEYS)}")
        for inv in rnd_raw.get("investors", []):
            if set(inv) != INVESTOR_KEYS:
                out.append(f"{where}: investor keys differ: {sorted(set(inv) ^ INVESTOR_KEYS)}")
        missing = [name for name in _names(rnd_raw) if name not in text]
        if missing:
            out.append(f"{where}: names not in the text verbatim: {missing}")
        if rnd.announced and published and rnd.announced > published[: len(rnd.announced)]:
            out.append(f"{where}: announced {rnd.announced} is after published {published}")
        if rnd.round_label is not None:
            if rnd.round_label not in text:
                out.append(f"{where}: label {rnd.round_label!r} is not in the text")
            implied = round_type_for(rnd.round_label)
            if implied not in (rnd.round_type, "unknown"):
                out.append(f"{where}: label {rnd.round_label!r} implies {implied}, not {rnd.round_type}")
        keys = [n.casefold() for inv in rnd.investors for n in (inv.name, *inv.aliases)]
        if len(keys) != len(set(keys)):
            out.append(f"{where}: an investor is listed twice")
        if rnd.company.casefold() in keys:
            out.append(f"{where}: the company is listed as its own investor")
        if any(inv.lead for inv in rnd.investors) and not LEAD_WORDS.search(text):
            out.append(f"{where}: a lead is marked but the text never says led")
        if rnd.amount is not None and rnd.amount.currency == "USD" and rnd.amount_usd != rnd.amount:
            out.append(f"{where}: amount_usd must repeat a USD amount")
        for name in ("amount", "amount_usd", "valuation"):
            value = getattr(rnd, name)
            if value is None:
                continue
            tolerance = Decimal(value.value) / 100
            if not any(
                s.currency == value.currency and abs(s.value - value.value) <= tolerance for s in spans
            ):
                found = [(s.text, str(s.value), s.currency) for s in spans]
                out.append(
                    f"{where}: {name} {value.value} {value.currency} is not read from the text; parsed {found}"
                )
    rounds = art.gold.rounds
    has_news = any(r.primary and not r.optional for r in rounds)
    if art.gold.is_funding_news and not has_news:
        out.append("is_funding_news is true but no round is primary (and not optional)")
    if not art.gold.is_funding_news and any(r.primary and not r.optional for r in rounds):
        out.append("is_funding_news is false but a round is primary")
    return out


def check_path(path: str | Path) -> dict[str, list[str]]:
    """Problems per `file:line id` for a .jsonl set or a folder of them; ids must be unique."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    found: dict[str, list[str]] = {}
    seen: set[str] = set()
    for file in files:
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{file}:{n}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                found[where] = [f"not JSON: {exc.msg} (column {exc.colno})"]
                continue
            ident = str(raw.get("id")) if isinstance(raw, dict) else "?"
            issues = problems(raw) if isinstance(raw, dict) else ["not a JSON object"]
            if ident in seen:
                issues.append(f"id {ident!r} is used twice")
            seen.add(ident)
            if issues:
                found[f"{where} {ident}"] = issues
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m evals.contract SET [SET...]", file=sys.stderr)
        return 2
    bad = 0
    for arg in args:
        for where, issues in check_path(arg).items():
            bad += 1
            print(where)
            for issue in issues:
                print(f"  - {issue}")
    print(f"{bad} line(s) break the contract" if bad else "every line keeps the contract")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
