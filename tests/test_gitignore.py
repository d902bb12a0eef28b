"""A site repository: what git ignores is not linted, and ``force-exclude`` holds for named files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _git import git
from conftest import run_klint

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DANGLING = "Fort\n\nSee below for the details of the siege.\n"  # KX308 on line 3


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A Markdown site in git whose build output (public/, _site/) is ignored."""
    git(tmp_path, "init", "-q")
    (tmp_path / ".gitignore").write_text("public/\n_site/\n*.draft.md\nklint-report.html\n")
    for rel in ("content/a.md", "public/a/index.md", "_site/a.md", "content/b.draft.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(DANGLING)
    git(tmp_path, "add", ".gitignore", "content/a.md")
    git(tmp_path, "commit", "-qm", "site")
    return tmp_path


def linted(proc) -> set[str]:
    return {line.split(":")[0] for line in proc.stdout.splitlines() if ": KX308 " in line}


def test_walking_the_repository_skips_what_git_ignores(site: Path) -> None:
    # the report klint wrote last time is ignored too (and never linted as an article)
    assert run_klint("report", ".", "-o", "klint-report.html", cwd=site).returncode == 0
    proc = run_klint("check", ".", "--no-cache", "--output-format", "concise", cwd=site)
    assert proc.returncode == 1, proc.stderr
    assert linted(proc) == {"content/a.md"}, proc.stdout
    assert "in 1 of 1 file" in proc.stdout


def test_a_tracked_file_matching_gitignore_is_still_linted(site: Path) -> None:
    git(site, "add", "-f", "content/b.draft.md")
    proc = run_klint("check", "content", "--no-cache", "--output-format", "concise", cwd=site)
    assert linted(proc) == {"content/a.md", "content/b.draft.md"}


def test_respect_gitignore_can_be_turned_off(site: Path) -> None:
    (site / ".klint.yaml").write_text("respect-gitignore: false\n")
    proc = run_klint("check", ".", "--no-cache", "--output-format", "concise", cwd=site)
    assert linted(proc) == {
        "content/a.md",
        "content/b.draft.md",
        "public/a/index.md",
        "_site/a.md",
    }


def test_force_exclude_applies_exclude_to_named_files(site: Path) -> None:
    """pre-commit names files explicitly; with force-exclude they still obey exclude."""
    (site / "content/archive").mkdir()
    (site / "content/archive/old.md").write_text(DANGLING)
    (site / ".klint.yaml").write_text("extend-exclude: [content/archive]\n")
    named = ["content/a.md", "content/archive/old.md"]
    proc = run_klint("check", *named, "--no-cache", "--output-format", "concise", cwd=site)
    assert linted(proc) == {"content/a.md", "content/archive/old.md"}  # named: linted
    (site / ".klint.yaml").write_text("extend-exclude: [content/archive]\nforce-exclude: true\n")
    proc = run_klint("check", *named, "--no-cache", "--output-format", "concise", cwd=site)
    assert linted(proc) == {"content/a.md"}
    # a commit that touches only excluded files passes
    only = run_klint("check", "content/archive/old.md", "--no-cache", cwd=site)
    assert only.returncode == 0, only.stdout + only.stderr
    proc = run_klint("check", *named, "--no-cache", "--force-exclude", cwd=site)
    assert "content/archive/old.md" not in proc.stdout


def test_a_virtualenv_in_the_tree_is_never_walked(tmp_path: Path) -> None:
    """`python3 -m venv .klint-venv` in a fresh checkout: its package files are not articles."""
    (tmp_path / "a.md").write_text(DANGLING)
    lib = tmp_path / ".klint-venv" / "lib" / "site-packages" / "pkg"
    lib.mkdir(parents=True)
    (tmp_path / ".klint-venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (lib / "README.md").write_text(DANGLING)
    proc = run_klint("check", ".", "--no-cache", "--output-format", "concise", cwd=tmp_path)
    assert linted(proc) == {"a.md"}, proc.stdout
