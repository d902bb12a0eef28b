"""Nothing lost: a klint process killed while writing leaves the old file intact.

The kill is real (a child process, SIGTERM, SIGKILL or SIGINT). To kill it at a
known point, the child's ``os.fsync`` is made slow, so the signal arrives after
the new content is written to the temporary file and before the rename; a
second test kills a large write at random moments.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

OLD = "# the user's own configuration\nselect: [KD]\n"

SLOW_INIT = textwrap.dedent(
    """
    import os, signal, sys, time
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, if run in the background
    def slow_fsync(fd):
        print("writing", flush=True)
        time.sleep(60)
    os.fsync = slow_fsync
    from klint.cli import main
    sys.exit(main(["init", "--force"]))
    """
)


def _spawn(code: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL, signal.SIGINT])
def test_killed_init_leaves_the_old_config_intact(tmp_path: Path, sig: signal.Signals) -> None:
    target = tmp_path / ".klint.yaml"
    target.write_text(OLD)
    proc = _spawn(SLOW_INIT, tmp_path)
    try:
        assert proc.stdout is not None
        assert (
            proc.stdout.readline().strip() == "writing"
        )  # the temporary file is complete, not yet renamed
        temps = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert temps and ".klint.yaml." in temps[0]
        proc.send_signal(sig)
        proc.wait(timeout=20)
    finally:
        proc.kill()
    assert target.read_text() == OLD
    stderr = proc.stderr.read() if proc.stderr else ""
    assert "Traceback" not in stderr
    if (
        sig == signal.SIGINT
    ):  # an interrupt unwinds: the temporary file is removed and the exit says why
        assert proc.returncode == 130 and "interrupted" in stderr
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


SLOW_ANY = textwrap.dedent(
    """
    import os, sys, time
    def slow_fsync(fd):
        print("writing", flush=True)
        time.sleep(60)
    os.fsync = slow_fsync
    from klint.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.mark.parametrize("command", ["baseline", "report", "sidecar"])
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killed_baseline_report_and_sidecar_writes_leave_the_old_file(
    tmp_path: Path, command: str, sig: signal.Signals
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Battle\n\nA caption here.\nA caption here.\n")
    target = (
        tmp_path
        / {"baseline": "baseline.json", "report": "report.html", "sidecar": "a.klint.yaml"}[command]
    )
    target.write_text("the old file\n")
    args = {
        "baseline": [
            "check",
            str(article),
            "--no-cache",
            "--jobs",
            "1",
            "--write-baseline",
            str(target),
        ],
        "report": ["report", str(article), "-o", str(target)],
        "sidecar": ["extract", str(article), "--sidecar", "--force"],
    }[command]
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_ANY, *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        while line and line.strip() != "writing":  # skip the command's own output
            line = proc.stdout.readline()
        assert line.strip() == "writing", proc.stderr.read() if proc.stderr else ""
        assert [
            p
            for p in tmp_path.iterdir()
            if p.name.startswith(f".{target.name}.") and p.name.endswith(".tmp")
        ]
        proc.send_signal(sig)
        proc.wait(timeout=20)
    finally:
        proc.kill()
    assert target.read_text() == "the old file\n"


def test_init_without_interruption_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / ".klint.yaml"
    target.write_text(OLD)
    proc = subprocess.run(
        [sys.executable, "-m", "klint", "init", "--force"],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0
    assert target.read_text() != OLD and "extend-select" in target.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".klint.yaml"]


BIG_WRITE = textwrap.dedent(
    """
    import sys
    from klint.fsutil import atomic_write
    print("start", flush=True)
    atomic_write(sys.argv[1], b"N" * (48 * 1024 * 1024))
    print("done", flush=True)
    """
)


def test_big_atomic_write_killed_at_random_moments(tmp_path: Path) -> None:
    """Whenever the kill lands, the file holds the whole old or the whole new content."""
    rng = random.Random(11)
    target = tmp_path / "report.json"
    old = b"O" * 1000
    outcomes = set()
    for _ in range(6):
        target.write_bytes(old)
        proc = subprocess.Popen(
            [sys.executable, "-c", BIG_WRITE, str(target)], stdout=subprocess.PIPE
        )
        assert proc.stdout is not None and proc.stdout.readline() == b"start\n"
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(rng.choice([signal.SIGKILL, signal.SIGTERM]))
        proc.wait(timeout=30)
        data = target.read_bytes()
        assert data == old or data == b"N" * (48 * 1024 * 1024), len(data)
        outcomes.add("old" if data == old else "new")
        for leftover in tmp_path.glob(".report.json.*.tmp"):
            leftover.unlink()
    assert "old" in outcomes  # at least one kill landed mid-write


def test_output_file_is_not_truncated_when_the_run_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``klint check -o FILE``: a reporter failing half-way must not destroy the previous report."""
    from klint import cli, report

    article = tmp_path / "a.txt"
    article.write_text("Battle\n\nA caption here.\nA caption here.\n")
    out = tmp_path / "report.txt"
    out.write_text("previous report\n")

    def broken(diagnostics, stream, info):
        stream.write("partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "get_reporter", lambda fmt: broken)
    code = cli.main(["check", str(article), "--jobs", "1", "-o", str(out)])
    assert code == 130
    assert out.read_text() == "previous report\n"


def test_two_processes_sharing_a_cache_agree_with_an_uncached_run(tmp_path: Path) -> None:
    """Two ``klint check`` runs started together on one cache folder give the uncached findings."""
    from .adversarial import article_text

    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(24):
        text = article_text().replace("1990", str(1950 + i)) + "\n<!-- klint: disable=KD101 -->\n"
        (folder / f"a{i:02d}.txt").write_text(text)
    base = [
        sys.executable,
        "-m",
        "klint",
        "check",
        str(folder),
        "--output-format",
        "concise",
        "--jobs",
        "1",
        "--select",
        "ALL",
    ]
    cache = ["--cache-dir", str(tmp_path / "cache")]
    expected = subprocess.run(
        [*base, "--no-cache"], capture_output=True, text=True, check=False, timeout=300
    )
    assert expected.stdout.count("KI003") == 24
    for _ in range(
        2
    ):  # the first round fills the cache concurrently, the second reads it concurrently
        procs = [
            subprocess.Popen(
                [*base, *cache], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        outs = [p.communicate(timeout=300) for p in procs]
        for p, (out, err) in zip(procs, outs):
            assert "Traceback" not in err, err[-2000:]
            assert p.returncode == expected.returncode
            assert out == expected.stdout
