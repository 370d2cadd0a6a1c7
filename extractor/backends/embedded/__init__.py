"""The embedded default: Gemma 3 270M from PyPI, run in-process by llama-cpp-python (and served by it)."""
