"""The command line as a user meets it: names, help, and errors that are one clear line."""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "tidewater-robotics.txt"


def run(*args, **kw):
    kw.setdefault("capture_output", True)
    return subprocess.run([sys.executable, "-m", "extractor", *args], cwd=ROOT, text=True, **kw)


def test_help_names_the_command_the_user_typed():
    assert run("--help").stdout.startswith("usage: python -m extractor")
    script = shutil.which("funding-extract", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the funding-extract script is not installed beside this Python (pip install -e .)")
    out = subprocess.run([script, "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("usage: funding-extract")


def test_an_article_path_that_is_a_directory_says_so(tmp_path):
    r = run("extract", str(tmp_path))
    assert r.returncode == 2
    assert r.stderr.strip() == f"error: {tmp_path}: is a directory, not an article file"


def test_a_missing_article_says_no_such_file(tmp_path):
    r = run("extract", str(tmp_path / "nope.txt"))
    assert r.returncode == 2 and "nope.txt: no such file" in r.stderr and "Traceback" not in r.stderr


def test_extract_with_stdout_closed_fails_loudly():
    r = run("extract", str(EXAMPLE), "--published", "2024-05-16", stdout=subprocess.DEVNULL, capture_output=False,
            stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))  # fmt: skip
    assert r.returncode == 2
    assert "standard output" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_extract_to_a_full_device_names_the_cause():
    with open("/dev/full", "w") as full:
        r = run("money", "$5 million", stdout=full, capture_output=False, stderr=subprocess.PIPE)
    assert r.returncode == 2
    assert r.stderr.strip() == "error: writing the result to standard output failed: No space left on device"


def test_a_reader_that_goes_away_ends_quietly(tmp_path):
    preds = tmp_path / "p.jsonl"
    preds.write_text('{"id": "x", "status": "ok", "extraction": {"is_funding_news": false}}\n')
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        '{"id": "x", "text": "Nothing here.", "gold": {"is_funding_news": false, "rounds": []}}\n'
    )
    cmd = [sys.executable, "-m", "extractor", "eval", str(gold), "--predictions", str(preds),
           "--report-dir", str(tmp_path / "r")]  # fmt: skip
    # `true` exits without reading: every write of eval's report meets a closed pipe.
    gone = subprocess.run(f"{' '.join(cmd)} | true", shell=True, cwd=ROOT, capture_output=True, text=True)
    assert gone.stderr == "", gone.stderr
    head = subprocess.run(f"{' '.join(cmd)} | head -1", shell=True, cwd=ROOT, capture_output=True, text=True)
    assert head.stdout.startswith("micro F1") and head.stderr == ""


def test_options_no_command_knows_are_refused():
    r = run("money", "$5 million", "--n_ctx", "2048")
    assert r.returncode == 2 and "unrecognized arguments: --n_ctx 2048" in r.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.model
def test_serve_takes_a_model_file_and_forwards_llama_cpp_server_options(tmp_path):
    """The README's `serve --model PATH.gguf` route: the file is served under its own name, and options
    serve does not know (here --n_ctx) reach llama_cpp.server."""
    from extractor.backends.embedded.backend import model_path

    gguf = tmp_path / "some-chat-model.gguf"
    gguf.symlink_to(model_path())
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "extractor", "serve", "--model", str(gguf), "--port", str(port),
             "--n_ctx", "2048"],
            cwd=ROOT, stdout=err, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, log.read_text()[-2000:]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2) as answer:
                    models = json.load(answer)
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start in 120 s"
                time.sleep(0.5)
        assert [m["id"] for m in models["data"]] == ["some-chat-model"]
        assert re.search(r"n_ctx\s+= 2048\b", log.read_text())
    finally:
        proc.terminate()
        proc.wait(timeout=30)
