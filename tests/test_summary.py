"""The closing summary line tells the truth: a missing path is never "All checks passed",
a folder without articles is an error unless ``--allow-empty``, and counts add up."""

from __future__ import annotations

from pathlib import Path

from conftest import run_klint

CLEAN = "Fort\n\nThe garrison held out for many weeks.\n"
DANGLING = "Fort\n\nSee below for the details of the siege.\n"


def test_a_missing_file_is_not_all_checks_passed(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CLEAN)
    proc = run_klint("check", "a.md", "artcle.md", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2
    assert "All checks passed" not in proc.stdout
    assert proc.stdout.strip().splitlines()[-1] == (
        "No findings in 1 file; 1 path could not be checked."
    )
    assert proc.stderr.strip() == "klint: error: artcle.md: no such file or directory"


def test_a_missing_file_beside_findings_is_counted(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(DANGLING)
    proc = run_klint("check", "a.md", "gone.md", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout.strip().splitlines()[-1] == (
        "Found 1 finding (1 warning) in 1 of 1 file; 1 path could not be checked."
    )
    md = run_klint("check", "a.md", "gone.md", "--output-format", "markdown", cwd=tmp_path)
    assert "1 path could not be checked: <code>gone.md</code>" in md.stdout


def test_a_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "notes.rst").write_text(CLEAN)  # not a format klint reads
    proc = run_klint("check", "content", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2
    assert "All checks passed" not in proc.stdout
    assert proc.stderr.startswith("klint: error: content: no articles found")
    assert "--allow-empty" in proc.stderr
    allowed = run_klint("check", "content", "--no-cache", "--allow-empty", cwd=tmp_path)
    assert allowed.returncode == 0 and allowed.stdout == "All checks passed (0 files).\n"


def test_an_empty_folder_beside_a_good_one_is_still_reported(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(CLEAN)
    (tmp_path / "empty").mkdir()
    proc = run_klint("check", "docs", "empty", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2 and "empty: no articles found" in proc.stderr
    assert "docs" not in proc.stderr
