"""The extraction pipeline: article -> prompt -> one model call -> parse -> check -> record."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import instructor
from instructor.core import IncompleteOutputException, InstructorRetryException
from pydantic import ValidationError

from extractor.article import check_published, check_text
from extractor.backends import Backend, BackendSettings, make_backend, make_form, resolve_settings
from extractor.backends.transport import RetryPolicy
from extractor.checks import Checked, Checker, Problem
from extractor.errors import BackendError, ExtractorError, InputError
from extractor.guard import describe as describe_passages
from extractor.guard import find_passages
from extractor.redact import redact
from schemas.draft import DRAFT_CHECKER, CheckedAnswer, Draft
from schemas.record import Extraction, PageSource, Provenance, Usage

Format = Literal["text", "html", "auto"]
FORMATS = ("text", "html", "auto")


class _Prepared(BaseException):
    """Stops instructor's call once the request is prepared. A BaseException, so instructor's retry
    loop passes it through untouched (and logs no failed call)."""


class ExtractionFailed(ExtractorError):
    """The model gave no usable answer within the allowed re-asks."""

    def __init__(self, message: str, usage: Usage, attempts: int) -> None:
        super().__init__(message)
        self.usage = usage
        self.attempts = attempts


def _usage(raw: Any) -> Usage:
    if raw is None:
        return Usage()
    data = raw if isinstance(raw, dict) else getattr(raw, "model_dump", lambda: {})()

    def count(name: str) -> int:
        # A server's token counts are not trusted blindly: a negative or non-numeric count is 0.
        try:
            return max(0, int(data.get(name) or 0))
        except (TypeError, ValueError):
            return 0

    return Usage(
        prompt_tokens=count("prompt_tokens"),
        completion_tokens=count("completion_tokens"),
        total_tokens=count("total_tokens"),
    )


@dataclass
class _Request:
    text: str
    published: str | None
    checker: Checker
    kwargs: dict[str, Any]
    # The model's answer type and how it becomes a draft (identity for chat models, assembly for roles).
    answer: type[CheckedAnswer]
    to_draft: Callable[[Any], Draft]
    notes: list[Problem]
    # For a web page: the article text read from it and the metadata used (the record's `source`).
    source: PageSource | None = None
    # The checks already run inside instructor's validation; the accepted answer's result is kept here
    # so it is not computed a second time.
    last: tuple[Any, Checked] | None = None  # (the answer itself, not its id: ids are reused)

    def check(self, answer: Any) -> Checked:
        if self.last is not None and self.last[0] is answer:
            return self.last[1]
        checked = self.checker.check(self.to_draft(answer))
        self.last = (answer, checked)
        return checked


class Extractor:
    """A configured extractor: backend, model and prompt are fixed once, then used for many articles.

    `max_reasks` is how many times a draft that fails the checks is sent back
    to the model with the errors (instructor's max_retries); whatever still
    fails after that is removed from the record and listed in its warnings.
    """

    def __init__(
        self,
        backend: str | Backend | None = None,
        *,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        mode: str | None = None,
        prompt_dir: str | Path | None = None,
        max_reasks: int = 1,
        retry: RetryPolicy | None = None,
        timeout: float | None = None,
        max_tokens: int | None = None,
        max_article_chars: int = 100_000,
    ) -> None:
        if isinstance(backend, Backend):
            self.backend = backend
        else:
            settings = resolve_settings(
                backend,
                model=model,
                base_url=base_url,
                api_key=api_key,
                mode=mode,
                timeout=timeout,
                retry=retry,
            )
            self.backend = make_backend(settings)
        # The backend says which form its model fills; the pipeline never asks which backend it has.
        self.form = make_form(self.backend.form, prompt_dir)
        # instructor wraps the answer model in its ResponseSchema on every call unless it already is one:
        # wrapped once here (by instructor's own function), the per-call rebuild is skipped.
        self._response_model = instructor.openai_schema(self.form.answer)
        self.max_reasks = max_reasks
        self.max_tokens = max_tokens
        self.max_article_chars = max_article_chars
        self._prompt_dir = prompt_dir
        self._sync: Callable[..., Any] | None = None
        self._async: Callable[..., Any] | None = None

    def recipe(self) -> Callable[[], Extractor]:
        """A picklable callable that builds an equal Extractor in another process (batch workers)."""
        return functools.partial(
            _rebuild,
            type(self.backend),
            self.backend.settings,
            self._prompt_dir,
            self.max_reasks,
            self.max_tokens,
            self.max_article_chars,
        )

    # -- building the request -------------------------------------------------------------

    @property
    def prompt_version(self) -> str:
        return self.form.version

    def _article(
        self, content: str, published: str | None, format: str, url: str | None, title: str | None
    ) -> tuple[str, str | None, PageSource | None, list[Problem]]:
        """The article text to read, its published date, and for a web page what was read from it."""
        if format not in FORMATS:
            raise InputError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
        if format == "auto":
            from extractor.pages import looks_like_html

            format = "html" if isinstance(content, str) and looks_like_html(content) else "text"
        if format == "text":
            return content, published, None, []
        from extractor.pages import read_page

        content = check_text(content, "page")
        page = read_page(content, published=check_published(published), url=url, title=title)
        source, notes = page.source, []
        if source.published_from != "caller":
            try:
                check_published(source.published)
            except InputError as exc:
                # The page's own date is unusable: read the article without it, and say so.
                notes.append(
                    Problem("source.published", f"page date ignored: {exc}", source.published, False)
                )
                source = source.model_copy(update={"published": None, "published_from": None})
        return page.text, source.published, source, notes

    def _request(
        self,
        content: str,
        published: str | None,
        format: str = "text",
        url: str | None = None,
        title: str | None = None,
    ) -> _Request:
        text, published, source, page_notes = self._article(content, published, format, url, title)
        text = check_text(text, "article")
        published = check_published(published)
        if len(text) > self.max_article_chars:
            raise InputError(
                f"the article is {len(text):,} characters; the limit is {self.max_article_chars:,} "
                "(max_article_chars): split it into separate articles or raise the limit"
            )
        # Passages that address the model may not supply values, on any form (extractor.guard).
        passages = find_passages(text)
        checker = Checker(text, published, self.form.example_text, passages)
        form = self.form.request(text, published, passages)
        self.backend.check_size("\n".join(m["content"] for m in form.messages))
        kwargs: dict[str, Any] = {
            "model": self.backend.model,
            "messages": form.messages,
            "response_model": self._response_model,
            "max_retries": self.max_reasks,
            "temperature": 0,
            **self.backend.request_extras(form.schema),
        }
        if self.max_tokens:
            kwargs["max_tokens"] = self.max_tokens
        notes = [*page_notes, *form.notes]
        if passages:
            notes.append(Problem("record", describe_passages(passages, text), reask=False))
        return _Request(text, published, checker, kwargs, self.form.answer, form.to_draft, notes, source)

    @contextmanager
    def _bound(self, req: _Request) -> Iterator[None]:
        # Only the answer itself is checked, not drafts the assembly builds from it.
        token = DRAFT_CHECKER.set(
            lambda answer: req.check(answer).reasks if isinstance(answer, req.answer) else []
        )
        try:
            yield
        finally:
            DRAFT_CHECKER.reset(token)

    # -- turning the answer into a record ---------------------------------------------------

    def _failed(self, exc: Exception, req: _Request) -> tuple[Checked, Usage, int]:
        """What instructor raised: answers that failed every re-ask are recovered, a cut-off one is refused."""
        if isinstance(exc, IncompleteOutputException):
            raise self._cut_off(_usage(getattr(exc.last_completion, "usage", None)), 1) from exc
        assert isinstance(exc, InstructorRetryException)
        return self._recover(exc, req)

    def _record(
        self, req: _Request, checked: Checked, usage: Usage, attempts: int, started: float
    ) -> Extraction:
        checked.problems.extend(req.notes)
        warnings = checked.warnings()
        if self.backend.secrets:
            # A hostile server can answer with the key it was sent; warnings quote the answer.
            for w in warnings:
                w.message = redact(w.message, self.backend.secrets, patterns=False)
                w.value = w.value and redact(w.value, self.backend.secrets, patterns=False)
        return Extraction(
            is_funding_news=checked.is_funding_news,
            rounds=checked.rounds,
            warnings=warnings,
            provenance=Provenance(
                model=self.backend.model,
                backend=self.backend.name,
                prompt_version=self.form.version,
                usage=usage,
                latency_ms=round((time.perf_counter() - started) * 1000),
                attempts=attempts,
            ),
            source=req.source,
        )

    def _recover(self, exc: InstructorRetryException, req: _Request) -> tuple[Checked, Usage, int]:
        """After the last re-ask: keep what passes the checks, warn about the rest.

        instructor also wraps transport failures in InstructorRetryException; those are
        re-raised as the BackendError they are.
        """
        cause: BaseException | None = exc
        while cause is not None:
            if isinstance(cause, ExtractorError):
                raise cause
            cause = cause.__cause__ or cause.__context__
        usage = _usage(exc.total_usage)
        completion = exc.last_completion
        choices = getattr(completion, "choices", None) or []
        attempts = getattr(exc, "failed_attempts", None) or []
        if (choices and choices[0].finish_reason == "length") or any(
            isinstance(getattr(a, "exception", None), IncompleteOutputException) for a in attempts
        ):
            raise self._cut_off(usage, exc.n_attempts) from exc
        for attempt in attempts:
            failure = getattr(attempt, "exception", None)
            if isinstance(failure, Exception) and not isinstance(failure, ValidationError | ValueError):
                raise failure  # a fault, not a bad answer: let it surface as itself
        if not choices or getattr(choices[0], "message", None) is None:
            raise ExtractionFailed(
                f"the model endpoint's response held no chat completion (after {exc.n_attempts} "
                f"attempt{'s' if exc.n_attempts != 1 else ''}): is it an "
                "OpenAI-compatible /v1 endpoint, or a proxy answering in its place?",
                usage,
                exc.n_attempts,
            ) from exc
        content = choices[0].message.content
        token = DRAFT_CHECKER.set(None)  # parse the last answer as is; the checks run below
        try:
            answer = req.answer.model_validate_json(content or "")
        except ValidationError as err:
            raise ExtractionFailed(
                f"the model gave no valid JSON after {exc.n_attempts} attempts: {err.errors()[0]['msg']}",
                usage,
                exc.n_attempts,
            ) from exc
        finally:
            DRAFT_CHECKER.reset(token)
        checked = req.check(answer)
        checked.problems.append(
            Problem(
                "record", f"values removed after {exc.n_attempts} attempts failed the checks", reask=False
            )
        )
        return checked, usage, exc.n_attempts

    def _cut_off(self, usage: Usage, attempts: int) -> ExtractionFailed:
        return ExtractionFailed(
            f"the model's answer was cut off by the token limit (max_tokens={self.max_tokens}); "
            "raise max_tokens or shorten the article",
            usage,
            attempts,
        )

    def _finish(self, answer: Any, req: _Request, attempts: int = 1) -> tuple[Checked, Usage, int]:
        # After a re-ask instructor keeps every attempt's tokens in _total_usage; the raw response has
        # only the last one's.
        total = getattr(answer, "_total_usage", None)
        usage = _usage(
            total if total is not None else getattr(getattr(answer, "_raw_response", None), "usage", None)
        )
        return req.check(answer), usage, attempts

    # -- public API ---------------------------------------------------------------------------

    def extract(
        self,
        text: str,
        published: str | None = None,
        *,
        format: Format = "text",
        url: str | None = None,
        title: str | None = None,
    ) -> Extraction:
        """Extract the funding rounds of one article. `published` is YYYY[-MM[-DD]], for relative dates.

        `format="html"` reads `text` as a saved web page: its article text is extracted (navigation,
        sidebars, related stories, newsletter boxes and scripts removed), the page's date, headline,
        canonical URL and language fill what the caller did not give (`published`, `url`, `title` win),
        and the record's `source` holds that text, which every evidence offset indexes. A page with no
        article raises `extractor.pages.NoArticle` (an InputError). `format="auto"` tells a page from
        text by its first element.
        """
        started = time.perf_counter()
        req = self._request(text, published, format, url, title)
        if self._sync is None:
            self._sync = self.backend.sync_create()
        with self._bound(req):
            try:
                outcome = self._finish(self._sync(**req.kwargs), req)
            except (InstructorRetryException, IncompleteOutputException) as exc:
                outcome = self._failed(exc, req)
        return self._record(req, *outcome, started)

    async def aextract(
        self,
        text: str,
        published: str | None = None,
        *,
        format: Format = "text",
        url: str | None = None,
        title: str | None = None,
    ) -> Extraction:
        """The async twin of `extract`, for many articles at once."""
        started = time.perf_counter()
        req = self._request(text, published, format, url, title)
        if self._async is None:
            self._async = self.backend.async_create()
        with self._bound(req):
            try:
                outcome = self._finish(await self._async(**req.kwargs), req)
            except (InstructorRetryException, IncompleteOutputException) as exc:
                outcome = self._failed(exc, req)
        return self._record(req, *outcome, started)

    # -- the same request and answer through a provider's batch job -------------------------------

    def batch_body(
        self,
        text: str,
        published: str | None = None,
        *,
        format: Format = "text",
        url: str | None = None,
        title: str | None = None,
    ) -> dict[str, Any]:
        """The JSON body the live path would POST to /chat/completions for this article.

        Obtained from the live path itself, not rebuilt by hand: the form's request, instructor's
        preparation for the backend's mode (run by instructor's own patch, which hands the prepared
        arguments to a create function that keeps them instead of calling), and the backend's own
        serialisation of those arguments (Backend.request_body)."""
        req = self._request(text, published, format, url, title)
        prepared: dict[str, Any] = {}

        def keep(*args: Any, **kwargs: Any) -> Any:
            prepared.update(kwargs)
            raise _Prepared

        create = instructor.patch(create=keep, mode=self.backend.instructor_mode)
        with suppress(_Prepared):
            create(**req.kwargs)
        return self.backend.request_body(prepared)

    async def aextract_answered(
        self,
        text: str,
        published: str | None,
        answer: Any,
        *,
        repair: bool = True,
        format: Format = "text",
        url: str | None = None,
        title: str | None = None,
    ) -> Extraction:
        """`aextract` for an article whose first answer came from elsewhere (a chat completion from a
        provider's batch job): the same parse, checks and record. An answer that fails the checks is
        re-asked through the live endpoint with the check errors (`max_reasks` times, as `aextract`);
        with `repair=False` it is not re-asked and raises ExtractionFailed naming the failed checks."""
        started = time.perf_counter()
        req = self._request(text, published, format, url, title)
        if self._async is None:
            self._async = self.backend.async_create()
        live = self._async
        calls = 0

        async def first_then_live(*args: Any, **kwargs: Any) -> Any:
            nonlocal calls
            calls += 1
            if calls == 1:
                return answer
            # The patched create with no response_model is the plain transport call (with its retries).
            return await live(*args, response_model=None, **kwargs)

        create = instructor.patch(create=first_then_live, mode=self.backend.instructor_mode)
        if not repair:
            req.kwargs["max_retries"] = 0
        with self._bound(req):
            try:
                done = await create(**req.kwargs)
            except (InstructorRetryException, IncompleteOutputException) as exc:
                if not repair and isinstance(exc, InstructorRetryException):
                    self._refuse(exc, req)
                outcome = self._failed(exc, req)
            else:
                outcome = self._finish(done, req, calls)
        return self._record(req, *outcome, started)

    def _refuse(self, exc: InstructorRetryException, req: _Request) -> None:
        """Without a re-ask, an answer that fails the checks is an ExtractionFailed naming them."""
        checked, usage, attempts = self._recover(exc, req)
        problems = [str(p) for p in checked.problems if p.reask]
        raise ExtractionFailed(
            "the answer failed the checks and was not re-asked: " + "; ".join(problems), usage, attempts
        ) from exc

    def close(self) -> None:
        self.backend.close()

    async def aclose(self) -> None:
        """Close what `aextract` opened in the running event loop; call it before the loop ends."""
        await self.backend.aclose()
        self._async = None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _rebuild(
    backend_class: Callable[[BackendSettings], Backend],
    settings: BackendSettings,
    prompt_dir: str | Path | None,
    max_reasks: int,
    max_tokens: int | None,
    max_article_chars: int,
) -> Extractor:
    return Extractor(
        backend_class(settings),
        prompt_dir=prompt_dir,
        max_reasks=max_reasks,
        max_tokens=max_tokens,
        max_article_chars=max_article_chars,
    )


def extract(
    text: str, published: str | None = None, *, format: Format = "text", **options: Any
) -> Extraction:
    """One-off extraction; build an `Extractor` once instead when processing many articles."""
    with Extractor(**options) as extractor:
        return extractor.extract(text, published, format=format)


__all__ = ["BackendError", "ExtractionFailed", "Extractor", "extract"]
