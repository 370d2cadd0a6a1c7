"""`serve`: the embedded model behind llama-cpp-python's OpenAI-compatible server (loopback only)."""

from __future__ import annotations

import argparse
from typing import Any


def cmd_serve(args: argparse.Namespace) -> int:
    from extractor.backends.embedded.server import main

    main([*(["--port", str(args.port)] if args.port else []), *args.server_args])
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="serve a GGUF model (the embedded one by default) as an OpenAI-compatible endpoint",
        description="Start llama-cpp-python's OpenAI-compatible server on 127.0.0.1 with the embedded model "
        "(or --model PATH.gguf) and the same safe CPU settings as the in-process backend. Arguments after "
        "the port go to llama_cpp.server unchanged (e.g. --model, --n_ctx, --host).",
    )
    p.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    p.add_argument("server_args", nargs=argparse.REMAINDER, help="passed to llama_cpp.server")
    p.set_defaults(func=cmd_serve)
