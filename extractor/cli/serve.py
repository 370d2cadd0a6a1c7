"""`serve`: a GGUF model behind llama-cpp-python's OpenAI-compatible server (loopback only)."""

from __future__ import annotations

import argparse
from typing import Any


def cmd_serve(args: argparse.Namespace) -> int:
    from extractor.backends.embedded.server import main

    model = ["--model", args.model] if args.model else []
    main(["--port", str(args.port), *model, *args.server_args])
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="serve a GGUF model as an OpenAI-compatible endpoint (for --mode llamacpp: a chat model)",
        description="Start llama-cpp-python's OpenAI-compatible server on 127.0.0.1 with the same safe CPU "
        "settings as the in-process backend. For `extract --mode llamacpp` serve an instruction-tuned chat "
        "GGUF (--model PATH.gguf): the embedded Gemma 3 270M, served when --model is not given, is a base "
        "model that cannot write the chat draft (the in-process default reads its per-token scores "
        "instead, which the server does not expose). Any other option goes to llama_cpp.server unchanged "
        "(e.g. --n_ctx 4096, --chat_format chatml, --host).",
    )
    p.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    p.add_argument(
        "--model",
        metavar="PATH.gguf",
        help="GGUF file to serve (default: the embedded Gemma 3 270M base model)",
    )
    # Options this parser does not know are collected by cli.main into server_args and forwarded.
    p.set_defaults(func=cmd_serve, forwards_unknown=True, server_args=[])
