"""Fault injection, the local side: hostile files and descriptors (issue 11, cases 4 and 7-11; issue 10's
resumed batch and unmatched predictions).

Each fault is one line on stderr naming the path and the cause, a non-zero exit, and nothing lost:
a file the tool did not write is never appended to or cut, and a rerun after a full disk finishes
the batch with every id once. The CLI runs for real against the loopback stub server; read-only and
full file systems are real tmpfs mounts in a private mount namespace (`unshare --mount`).
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.cli import main
from tests.stub_server import StubServer, synthetic_answer, synthetic_article

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "Acme Robotics raised $5 million in a seed round led by Foo Ventures."


@pytest.fixture(scope="module")
def server():
    with StubServer(synthetic_answer) as s:
        yield s


def _cmd(server, *args):
    model = ["--backend", "openai", "--model", "stub", "--base-url", server.base_url, "--mode", "json"]
    if args[0] == "batch":
        model.append("--no-cache")
    return [sys.executable, "-m", "extractor", *map(str, args), *model]


def _env():
    return {**os.environ, "OPENAI_API_KEY": "k"}


def _run(server, *args, close=(), **kw):
    """The CLI with the descriptors in `close` (0 stdin, 1 stdout) closed, as `<&-` / `>&-` do."""

    def closing():
        for fd in close:
            os.close(fd)

    kw.setdefault("capture_output", True)
    return subprocess.run(_cmd(server, *args), text=True, env=_env(), cwd=ROOT, timeout=120,
                          preexec_fn=closing if close else None, **kw)  # fmt: skip


class _Ran:
    def __init__(self, returncode, stderr):
        self.returncode, self.stderr = returncode, stderr


def _main(server, capsys, *args):
    """The CLI in this process (`extractor.cli.main`): the same code path without the start-up cost."""
    capsys.readouterr()
    code = main([str(a) for a in _cmd(server, *args)[3:]])
    return _Ran(code, capsys.readouterr().err)


def _one_error_line(run, *fragments):
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert "Traceback" not in run.stderr


def _write_jsonl(path, items):
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in items))
    return path


# -- output files the tool did not write (case 4) ---------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"my notes line 1\nmy precious last line",  # the file: its last line has no newline
        b'{"id": "x", "status": "ok"}\nmy precious last line',  # one of ours, then not
        b'{"id": "set-1", "text": "an annotated set line is not output"}\n',
    ],
    ids=["notes", "ours-then-notes", "a-set"],
)
def test_a_file_the_tool_did_not_write_is_refused_and_left_byte_for_byte(server, capsys, tmp_path, content):
    src = _write_jsonl(tmp_path / "in.jsonl", [synthetic_article(1)])
    notes = tmp_path / "notes.txt"
    notes.write_bytes(content)
    run = _main(server, capsys, "batch", src, "-o", notes)
    assert run.returncode == 2
    _one_error_line(run, str(notes), "is not a batch output line", "give another -o")
    assert notes.read_bytes() == content


def test_a_last_line_of_ours_cut_short_is_still_repaired_and_resumed(server, capsys, tmp_path):
    src = _write_jsonl(tmp_path / "in.jsonl", [synthetic_article(1), synthetic_article(2)])
    out = tmp_path / "out.jsonl"
    assert _main(server, capsys, "batch", src, "-o", out).returncode == 0
    first = out.read_bytes().splitlines(keepends=True)[0]
    out.write_bytes(first + b'{"id": "a2", "status": "ok", "extrac')  # a write cut short
    assert _main(server, capsys, "batch", src, "-o", out).returncode == 0
    assert sorted(json.loads(line)["id"] for line in out.read_text().splitlines()) == ["a1", "a2"]


# -- exit status and summary (case 8; issue 10) ----------------------------------------------------


def test_a_batch_where_no_line_succeeded_exits_1_and_says_so(server, capsys, tmp_path):
    src = _write_jsonl(tmp_path / "in.jsonl", ["{not json", {"id": "e", "text": " "}, {"id": "n"}])
    run = _main(server, capsys, "batch", src, "-o", tmp_path / "out.jsonl")
    assert run.returncode == 1
    assert "no line succeeded: all 3 lines are errors" in run.stderr
    one_ok = _write_jsonl(tmp_path / "in2.jsonl", ["{not json", synthetic_article(1)])
    assert _main(server, capsys, "batch", one_ok, "-o", tmp_path / "out2.jsonl").returncode == 0


def test_a_resumed_batch_with_nothing_new_says_so_without_speed_nonsense(server, capsys, tmp_path):
    src = _write_jsonl(tmp_path / "in.jsonl", [synthetic_article(1), synthetic_article(2)])
    out = tmp_path / "out.jsonl"
    assert _main(server, capsys, "batch", src, "-o", out).returncode == 0
    run = _main(server, capsys, "batch", src, "-o", out)
    assert run.returncode == 0
    assert run.stderr.strip() == (
        "nothing to do: every input line's id is already in the output (2 ids there); "
        "--retry-errors processes the error lines again"
    )
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    assert (
        _main(server, capsys, "batch", empty, "-o", tmp_path / "o.jsonl").stderr.strip()
        == "nothing to do: the input holds no lines"
    )


# -- descriptors (cases 7 and 9) -------------------------------------------------------------------


def test_closed_stdin_is_one_line_for_extract_and_batch(server, tmp_path):
    _one_error_line(_run(server, "extract", "-", close=[0]), "standard input is closed")
    run = _run(server, "batch", "-", "-o", tmp_path / "out.jsonl", close=[0])
    assert run.returncode == 2
    _one_error_line(run, "standard input is closed")


def test_closed_stdout_fails_loudly_for_extract_and_batch(server, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    run = _run(server, "extract", article, close=[1])
    assert run.returncode == 2
    _one_error_line(run, "standard output is closed")
    src = _write_jsonl(tmp_path / "in.jsonl", [synthetic_article(1)])
    run = _run(server, "batch", src, "-o", "-", close=[1])
    assert run.returncode == 2
    _one_error_line(run, "standard output is closed")


def test_a_full_device_is_one_line_naming_it(server, tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    with open("/dev/full", "w") as full:
        run = _run(server, "extract", article, stdout=full, stderr=subprocess.PIPE, capture_output=False)
    assert run.returncode == 2
    _one_error_line(run, "standard output", "No space left on device")
    src = _write_jsonl(tmp_path / "in.jsonl", [synthetic_article(1)])
    run = _run(server, "batch", src, "-o", "/dev/full")
    assert run.returncode == 2
    _one_error_line(run, "/dev/full: writing failed: No space left on device")


def test_a_directory_is_named_as_such_for_input_article_and_output(server, capsys, tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    src = _write_jsonl(tmp_path / "in.jsonl", [synthetic_article(1)])
    _one_error_line(_main(server, capsys, "extract", folder), f"{folder}: is a directory")
    _one_error_line(
        _main(server, capsys, "batch", folder, "-o", tmp_path / "o.jsonl"), f"{folder}: is a directory"
    )
    run = _main(server, capsys, "batch", src, "-o", folder)
    assert run.returncode == 2
    _one_error_line(run, f"{folder}: is a directory; give a file path for -o")


# -- real read-only and full file systems (case 9) ------------------------------------------------


def _unshare():
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    probe = subprocess.run(["unshare", "--mount", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a private mount namespace here: {probe.stderr.decode().strip()}")


def _in_namespace(script, tmp_path):
    return subprocess.run(["unshare", "--mount", "sh", "-c", script], capture_output=True, text=True,
                          env=_env(), cwd=ROOT, timeout=300)  # fmt: skip


def test_output_on_a_read_only_file_system_is_one_line(server, tmp_path):
    _unshare()
    mount = tmp_path / "ro"
    mount.mkdir()
    src = _write_jsonl(tmp_path / "in.jsonl", [synthetic_article(1)])
    gold = _write_jsonl(
        tmp_path / "set.jsonl", [{**synthetic_article(1), "gold": {"is_funding_news": False}}]
    )
    preds = _write_jsonl(
        tmp_path / "p.jsonl", [{"id": "a1", "status": "error", "error": {"type": "X", "message": "m"}}]
    )
    cmd = " ".join(f"'{c}'" for c in _cmd(server, "batch", src, "-o", mount / "out.jsonl"))
    sub = " ".join(f"'{c}'" for c in _cmd(server, "batch", src, "-o", mount / "sub" / "out.jsonl"))
    report = " ".join(
        f"'{c}'" for c in _cmd(server, "eval", gold, "--predictions", preds, "--report-dir", mount / "r")
    )
    run = _in_namespace(
        f"mount -t tmpfs -o ro tmpfs '{mount}' && {cmd}; echo rc=$? >&2; {sub}; {report}", tmp_path
    )
    lines = run.stderr.strip().splitlines()
    assert lines[0] == f"error: {mount}/out.jsonl: cannot be opened for writing: Read-only file system"
    assert lines[1] == "rc=2"
    assert lines[2] == f"error: {mount}/sub: cannot create the output's directory: Read-only file system"
    assert lines[3] == f"error: {mount}/r: Read-only file system"
    assert len(lines) == 4


def test_a_full_disk_stops_the_batch_with_one_line_and_the_rerun_loses_nothing(server, tmp_path):
    _unshare()
    mount = tmp_path / "disk"
    mount.mkdir()
    n = 40
    src = _write_jsonl(tmp_path / "in.jsonl", [synthetic_article(i) for i in range(1, n + 1)])
    out = mount / "out.jsonl"
    batch = " ".join(f"'{c}'" for c in _cmd(server, "batch", src, "-o", out, "--concurrency", "4"))
    script = (
        f"mount -t tmpfs -o size=16k tmpfs '{mount}' && {batch} 2> '{tmp_path}/full.err'; echo $? > '{tmp_path}/rc1'; "
        f"cp '{out}' '{tmp_path}/after_fault.jsonl'; "
        f"mount -o remount,size=1m '{mount}' && {batch} 2> '{tmp_path}/rerun.err'; echo $? > '{tmp_path}/rc2'; "
        f"cp '{out}' '{tmp_path}/final.jsonl'"
    )  # fmt: skip
    run = _in_namespace(script, tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "rc1").read_text().strip() == "2"
    lines = (tmp_path / "full.err").read_text().strip().splitlines()
    assert lines == [f"error: {out}: writing failed: No space left on device; the lines written are kept: "
                     "rerun the same command to finish"]  # fmt: skip
    kept = (tmp_path / "after_fault.jsonl").read_bytes()
    assert 0 < kept.count(b"\n") < n, "the disk filled part-way"
    assert (tmp_path / "rc2").read_text().strip() == "0"
    final = [json.loads(line) for line in (tmp_path / "final.jsonl").read_text().splitlines()]
    assert sorted(line["id"] for line in final) == sorted(f"a{i}" for i in range(1, n + 1))
    assert all(line["status"] == "ok" for line in final)


# -- input that must be refused the same way everywhere (cases 10 and 11) --------------------------


def test_a_json_escaped_nul_in_a_batch_line_is_refused_like_extract_refuses_nul_bytes(
    server, capsys, tmp_path
):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "nul", "text": "Acme raised $5 million.\u0000 More text."}) + "\n")
    out = tmp_path / "out.jsonl"
    assert _main(server, capsys, "batch", src, "-o", out).returncode == 1
    [line] = [json.loads(x) for x in out.read_text().splitlines()]
    assert line["status"] == "error" and line["error"]["type"] == "InputError"
    assert "looks binary (it contains NUL" in line["error"]["message"]
    article = tmp_path / "nul.txt"
    article.write_bytes(b"Acme raised $5 million.\x00 More text.")
    _one_error_line(_main(server, capsys, "extract", article), "looks binary (it contains NUL")
    assert len(server.requests) == 0 or all("\x00" not in json.dumps(r["json"]) for r in server.requests)


def test_predictions_that_match_no_id_of_the_set_are_an_error(server, capsys, tmp_path):
    fixtures = ROOT / "evals" / "fixtures" / "no_round.jsonl"
    preds = _write_jsonl(
        tmp_path / "p.jsonl", [{"id": "elsewhere", "status": "error", "error": {"type": "X", "message": "m"}}]
    )
    run = _main(server, capsys, "eval", fixtures, "--predictions", preds, "--report-dir", tmp_path / "r")
    assert run.returncode == 2
    _one_error_line(run, str(preds), "none of its 1 ids is an id of", str(fixtures))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    _one_error_line(_main(server, capsys, "eval", fixtures, "--predictions", empty, "--report-dir", tmp_path / "r"),
                    "holds no prediction lines")  # fmt: skip
