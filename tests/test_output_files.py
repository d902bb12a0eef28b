"""Files klint writes: missing folders are created, a failed write is one line and exit 2,
and every file gets the mode the user's umask gives (never mkstemp's private 0600)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PARA = (
    "The garrison of the northern fort held out for eleven weeks before the relief column arrived."
)
BAD = f"Siege of the fort\n\n{PARA}\n\nThe relief column was led by a young colonel.\n\n{PARA}\n"


def klint(cwd: Path, *args: str, umask: int = 0o022) -> subprocess.CompletedProcess[str]:
    """The real CLI under a given umask (set in the child only)."""
    return subprocess.run(
        [sys.executable, "-m", "klint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=lambda: os.umask(umask),
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(BAD)
    return tmp_path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_output_file_in_a_missing_folder_is_created(site: Path) -> None:
    proc = klint(site, "check", "a.txt", "--output-format", "sarif", "-o", "reports/ci/x.sarif")
    assert proc.returncode == 1, proc.stderr  # findings, and no traceback
    assert (site / "reports/ci/x.sarif").read_text().startswith("{")
    proc = klint(site, "report", "a.txt", "-o", "out/report.html", "--markdown", "out/sum.md")
    assert proc.returncode == 0, proc.stderr
    assert (site / "out/report.html").is_file() and (site / "out/sum.md").is_file()


@pytest.mark.parametrize(
    "args",
    [
        ["check", "a.txt", "-o", "blocker/x.sarif"],
        ["check", "a.txt", "--write-baseline", "blocker/base.json"],
        ["report", "a.txt", "-o", "blocker/r.html"],
        ["report", "a.txt", "--markdown", "blocker/r.md"],
        ["extract", "blocker/x.txt", "--sidecar"],
    ],
)
def test_a_failed_write_is_one_line_and_exit_2(site: Path, args: list[str]) -> None:
    (site / "blocker").write_text("a file where a folder should be\n")
    proc = klint(site, *args)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("klint: error: blocker/"), proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_init_in_a_read_only_folder(tmp_path: Path) -> None:
    tmp_path.chmod(0o555)
    try:
        proc = klint(tmp_path, "init")
    finally:
        tmp_path.chmod(0o755)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("klint: error: .klint.yaml: cannot write")


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_written_files_respect_the_umask(site: Path, umask: int) -> None:
    expected = 0o666 & ~umask
    klint(site, "check", "a.txt", "--output-format", "sarif", "-o", "x.sarif", umask=umask)
    klint(site, "check", "a.txt", "--write-baseline", "base.json", umask=umask)
    klint(site, "report", "a.txt", "-o", "r.html", umask=umask)
    klint(site, "init", umask=umask)
    klint(site, "extract", "a.txt", "--sidecar", umask=umask)
    for name in ("x.sarif", "base.json", "r.html", ".klint.yaml", "a.klint.yaml"):
        assert mode(site / name) == expected, (name, oct(mode(site / name)))


def test_rewriting_a_file_keeps_its_mode(site: Path) -> None:
    klint(site, "check", "a.txt", "--write-baseline", "base.json")
    (site / "base.json").chmod(0o640)
    klint(site, "check", "a.txt", "--write-baseline", "base.json")
    assert mode(site / "base.json") == 0o640
