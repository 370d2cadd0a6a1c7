"""Serve the embedded model as an OpenAI-compatible endpoint: llama-cpp-python's server, loopback only.

    python -m extractor.backends.embedded.server --port 8080          # then OPENAI_BASE_URL=http://127.0.0.1:8080/v1

Arguments after the known ones go to `llama_cpp.server` unchanged. The model
loads with the same safe buffer settings as the in-process backend.
"""

from __future__ import annotations

import sys

from extractor.backends.embedded.backend import DEFAULT_MODEL, model_path, no_extra_buffer_types


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--model" not in args:
        args += ["--model", model_path()]
    if "--model_alias" not in args:
        args += ["--model_alias", DEFAULT_MODEL]
    if "--host" not in args:
        args += ["--host", "127.0.0.1"]
    if "--n_ctx" not in args:
        args += ["--n_ctx", "8192"]
    from llama_cpp.server.__main__ import main as serve

    sys.argv = ["llama_cpp.server", *args]
    with no_extra_buffer_types():
        serve()


if __name__ == "__main__":
    main()
