"""Serve a GGUF model as an OpenAI-compatible endpoint: llama-cpp-python's server, loopback only.

    python -m extractor serve --model PATH.gguf --port 8080   # then OPENAI_BASE_URL=http://127.0.0.1:8080/v1

Without --model it serves the embedded Gemma 3 270M (the recorded tests use
that); a base model, so `--mode llamacpp` needs an instruction-tuned chat GGUF.
Arguments go to `llama_cpp.server` unchanged. The model loads with the same
safe buffer settings as the in-process backend.
"""

from __future__ import annotations

import sys
from pathlib import Path

from extractor.backends.embedded.backend import DEFAULT_MODEL, model_path, no_extra_buffer_types


def _option(args: list[str], name: str) -> str | None:
    """The value of `--name VALUE` or `--name=VALUE` in args ("" when the value is missing), else None."""
    for i, arg in enumerate(args):
        if arg == name:
            return args[i + 1] if i + 1 < len(args) else ""
        if arg.startswith(name + "="):
            return arg.partition("=")[2]
    return None


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    model = _option(args, "--model")
    if model is None:
        args += ["--model", model_path()]
    if _option(args, "--model_alias") is None:
        # Named after its file, so /v1/models and every record's provenance say which model answered.
        args += ["--model_alias", Path(model).stem if model else DEFAULT_MODEL]
    for name, default in (("--host", "127.0.0.1"), ("--n_ctx", "8192")):
        if _option(args, name) is None:
            args += [name, default]
    from llama_cpp.server.__main__ import main as serve

    sys.argv = ["llama_cpp.server", *args]
    with no_extra_buffer_types():
        serve()


if __name__ == "__main__":
    main()
