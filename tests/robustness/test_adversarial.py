"""The adversarial corpus through the real command line, each within a time bound.

Every input must end with diagnostics or a clear one-line skip message
(KI002), exit status 0, 1 or 2, no traceback and no KI001 (a crashed rule).
The bounds are generous: they catch a hang or a quadratic blow-up, not a
slow machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from klint.sources import format_for

from ._fuzz import available_formats
from .adversarial import CASES, MB, article_text

BOUND_S = 60.0  # per input, process start to exit


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = BOUND_S, stdin: bytes | None = None
):
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "PYTHONFAULTHANDLER": "1",
        "KLINT_CACHE_DIR": os.path.join(tempfile.gettempdir(), "klint-robustness-cache"),
    }
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "klint", *args],
        check=False,
        cwd=cwd,
        capture_output=True,
        timeout=timeout,
        env=env,
        input=stdin,
    )
    return proc, time.monotonic() - started


def check_json(
    path: Path, *extra: str, timeout: float = BOUND_S
) -> tuple[int, list[dict], str, float]:
    proc, took = run_cli(
        "check",
        str(path),
        "--select",
        "ALL",
        "--output-format",
        "json",
        "--jobs",
        "1",
        "--no-cache",
        *extra,
        timeout=timeout,
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr[-3000:]
    assert proc.returncode in (0, 1, 2), (proc.returncode, stderr[-2000:])
    found = json.loads(proc.stdout)
    crashed = [d["message"] for d in found if d["code"] == "KI001"]
    assert not crashed, crashed
    return proc.returncode, found, stderr, took


@pytest.mark.parametrize("name", sorted(CASES))
def test_adversarial_input_through_cli(name: str, tmp_path: Path) -> None:
    filename, data = CASES[name]()
    fmt = format_for(filename) or "text"
    if fmt not in available_formats():
        pytest.skip(f"the {fmt} reader has not landed yet")
    target = tmp_path / filename
    target.write_bytes(data)
    code, found, stderr, took = check_json(target)
    assert took < BOUND_S
    if code == 2:  # only a read error may make the run fail, and it must say why on one line
        skips = [d for d in found if d["code"] == "KI002"]
        assert skips, (found, stderr)
        assert all("\n" not in d["message"] and d["message"] for d in skips)


def test_decoding_outcomes(tmp_path: Path) -> None:
    """UTF-8 with BOM and UTF-16 with BOM are read; Latin-1 and BOM-less UTF-16 are clear skips."""
    outcomes = {}
    for name in ("utf8-bom", "utf16-bom", "latin1", "utf16-le-no-bom", "nul-bytes"):
        filename, data = CASES[name]()
        (tmp_path / filename).write_bytes(data)
        code, found, _, _ = check_json(tmp_path / filename)
        outcomes[name] = (code, [d["code"] for d in found if d["code"].startswith("KI")])
    assert outcomes["utf8-bom"][1] == [] and outcomes["utf16-bom"][1] == []
    for name in ("latin1", "utf16-le-no-bom", "nul-bytes"):
        assert outcomes[name] == (2, ["KI002"]), (name, outcomes[name])


def test_latin1_message_names_the_line(tmp_path: Path) -> None:
    target = tmp_path / "latin.txt"
    target.write_bytes(b"Fine line\nSecond line\nCaf\xe9\n")
    proc, _ = run_cli("check", str(target), "--output-format", "concise")
    out = proc.stdout.decode()
    assert proc.returncode == 2
    line = next(ln for ln in out.splitlines() if "KI002" in ln)
    assert line.startswith(f"{target}:1:1: KI002") and "line 3" in line


def test_fifo_is_skipped_without_blocking(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    # an unused suppression: KI003 (an engine check, selected by ALL) proves the file was linted
    (folder / "good.txt").write_text(article_text() + "\n<!-- klint: disable=KD101 -->\n")
    os.mkfifo(folder / "pipe.txt")
    # in a folder: skipped, the other file is linted, nothing blocks
    code, found, _stderr, took = check_json(folder, timeout=30)
    pipe = [d for d in found if d["path"].endswith("pipe.txt")]
    assert [(d["code"], d["message"]) for d in pipe] == [("KI002", "not a regular file; skipped")]
    assert any(d["path"].endswith("good.txt") for d in found)  # the regular file was still linted
    assert code == 2 and took < 30
    # named explicitly: a one-line skip message, exit 2, no blocking
    proc, took = run_cli(
        "check", str(folder / "pipe.txt"), "--output-format", "concise", timeout=30
    )
    assert proc.returncode == 2
    assert "KI002" in proc.stdout.decode() and "not a regular file" in proc.stdout.decode()


def test_symlink_loops_in_a_linted_folder(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(article_text())
    os.symlink("..", folder / "sub" / "up")  # a directory loop
    os.symlink(folder, folder / "self")
    os.symlink("b.txt", folder / "a.txt")  # a file loop a -> b -> a
    os.symlink("a.txt", folder / "b.txt")
    code, found, _stderr, _took = check_json(folder, timeout=30)
    loops = [d for d in found if d["code"] == "KI002"]
    assert {Path(d["path"]).name for d in loops} == {"a.txt", "b.txt"}
    assert all("symbolic links" in d["message"] for d in loops)
    linted = {d["path"] for d in found if d["code"] != "KI002"}
    assert (
        len([p for p in linted if p.endswith("sub/a.txt")]) <= 1
    )  # the real file once, not per loop turn
    assert code == 2


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading (see the in-process test)",
)
def test_unreadable_file_real_permissions(tmp_path: Path) -> None:
    target = tmp_path / "secret.txt"
    target.write_text(article_text())
    target.chmod(0)
    proc, _ = run_cli("check", str(target), "--output-format", "concise")
    assert proc.returncode == 2 and "KI002" in proc.stdout.decode()


def test_unreadable_file_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root chmod cannot make a file unreadable; make the read itself fail instead."""
    from klint.config import Config
    from klint.engine import iter_files, lint_files

    (tmp_path / "a.txt").write_text(article_text())
    (tmp_path / "b.txt").write_text(article_text())
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    results = list(lint_files(list(iter_files([str(tmp_path)], Config(select=("ALL",))))))
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["a.txt"].error and [d.code for d in by_name["a.txt"].diagnostics] == ["KI002"]
    assert by_name["a.txt"].diagnostics[0].message == "Permission denied"
    assert not by_name["b.txt"].error


def test_stdin_with_nul_bytes_is_a_usage_error_not_a_traceback() -> None:
    proc, _ = run_cli(
        "check", "-", "--output-format", "concise", stdin=b"The war began in 1988.\x00\x00\n"
    )
    assert "Traceback" not in proc.stderr.decode()
    assert proc.returncode in (0, 1, 2)


def test_big_file_over_the_limit_is_skipped(tmp_path: Path) -> None:
    from klint.sources import MAX_BYTES

    target = tmp_path / "huge.txt"
    with open(target, "wb") as fh:  # sparse: costs no disk
        fh.truncate(MAX_BYTES + MB)
    proc, took = run_cli("check", str(target), "--output-format", "concise", timeout=30)
    assert proc.returncode == 2 and "over the" in proc.stdout.decode() and took < 30


def test_links_to_endless_devices_are_skipped(tmp_path: Path) -> None:
    """A ``.txt`` that is a link to /dev/zero or /dev/urandom must not be read (it never ends)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, target in (("zero.txt", "/dev/zero"), ("random.txt", "/dev/urandom")):
        if os.path.exists(target):
            os.symlink(target, folder / name)
    if not any(folder.iterdir()):
        pytest.skip("no /dev/zero or /dev/urandom here")
    code, found, _stderr, took = check_json(folder, timeout=30)
    assert code == 2 and took < 30
    assert {d["code"] for d in found} == {"KI002"}
    assert all(d["message"] == "not a regular file; skipped" for d in found)
