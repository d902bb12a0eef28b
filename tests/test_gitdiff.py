"""``klint check --diff REF``: only changed files, only findings on changed lines, on real git histories."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from _git import git

from klint.cli import main
from klint.gitdiff import ALL, Changes, parse_diff

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PARAS = [
    f"Paragraph {i} tells how the river town number {i} rebuilt its mill after the flood."
    for i in range(12)
]


def article(*paras: str) -> str:
    return "Sample article\n\n" + "\n\n".join(paras) + "\n"


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    code = main(["check", "--select", "KX306", "--no-cache", "--output-format", "json", *args])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else []


def where(findings: list[dict]) -> list[tuple[str, int]]:
    return sorted((os.path.normpath(f["path"]), f["line"]) for f in findings)


def test_parse_diff_maps_new_side_lines() -> None:
    diff = "\n".join(
        [
            "diff --git a/a.txt b/a.txt",
            "--- a/a.txt",
            "+++ b/a.txt",
            "@@ -3 +3 @@",
            "-old",
            "+new",
            "@@ -10,0 +11,2 @@",
            "+x",
            "+y",
            "@@ -20,2 +21,0 @@",
            "-gone",
            "-gone",
            "diff --git a/old.txt b/gone.txt",
            "--- a/gone.txt",
            "+++ /dev/null",
            "@@ -1 +0,0 @@",
            "-z",
            'diff --git "a/caf\\303\\251.txt" "b/caf\\303\\251.txt"',
            '--- "a/caf\\303\\251.txt"',
            '+++ "b/caf\\303\\251.txt"',
            "@@ -1 +1 @@",
            "-a",
            "+b",
        ]
    )
    assert parse_diff(diff) == {"a.txt": {3, 11, 12, 21, 22}, "café.txt": {1}}


def test_diff_reports_only_findings_on_changed_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a.txt has an old duplicate (lines 5 and 7); b.txt has one and is never touched.
    (repo / "a.txt").write_text(article(PARAS[0], PARAS[1], PARAS[1], PARAS[2]))
    (repo / "b.txt").write_text(article(PARAS[3], PARAS[3]))
    base = commit(repo, "base")
    assert where(check(".", capsys=capsys)[1]) == [("a.txt", 7), ("b.txt", 5)]

    # A new duplicate at the end of a.txt, committed; an untracked new file with one.
    (repo / "a.txt").write_text(article(PARAS[0], PARAS[1], PARAS[1], PARAS[2], PARAS[2]))
    commit(repo, "edit a")
    (repo / "c.txt").write_text(article(PARAS[4], PARAS[4]))

    code, found = check("--diff", base, capsys=capsys)
    assert code == 1
    assert where(found) == [("a.txt", 11), ("c.txt", 5)]
    # The same through the alias, against the previous commit, limited to one path.
    assert where(check("--changed-since", "HEAD~1", "a.txt", capsys=capsys)[1]) == [("a.txt", 11)]
    # Nothing changed since HEAD in a.txt: clean.
    assert check("--diff", "HEAD", "a.txt", capsys=capsys) == (0, [])


def test_a_change_on_the_related_side_counts(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "a.txt").write_text(article(PARAS[0], PARAS[1], PARAS[2], PARAS[3]))
    commit(repo, "base")
    # Insert a copy of paragraph 3 *before* it: the finding's primary location is the old,
    # unchanged paragraph (the second occurrence); only its related location is new.
    (repo / "a.txt").write_text(article(PARAS[0], PARAS[3], PARAS[1], PARAS[2], PARAS[3]))
    code, found = check("--diff", "HEAD", capsys=capsys)
    assert code == 1
    assert where(found) == [("a.txt", 11)]
    assert found[0]["related"][0]["line"] == 5


def test_moved_and_deleted_files_have_no_new_findings(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "a.txt").write_text(article(PARAS[0], PARAS[0], *PARAS[1:8]))
    (repo / "d.txt").write_text(article(PARAS[5], PARAS[6]))
    commit(repo, "base")
    git(repo, "mv", "a.txt", "moved.txt")
    (repo / "d.txt").unlink()
    commit(repo, "move and delete")
    assert check("--diff", "HEAD~1", capsys=capsys) == (0, [])


def test_deleting_lines_marks_the_cut(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "a.txt").write_text(article(PARAS[0], PARAS[1], PARAS[2], PARAS[1]))
    commit(repo, "base")
    # Deleting paragraph 2 leaves the duplicate of paragraph 1 right after the cut.
    (repo / "a.txt").write_text(article(PARAS[0], PARAS[1], PARAS[1]))
    lines = parse_diff(git(repo, "diff", "--unified=0", "HEAD"))["a.txt"]
    assert ALL not in lines and 7 in lines
    assert where(check("--diff", "HEAD", capsys=capsys)[1]) == [("a.txt", 7)]


def test_bad_ref_and_no_repository_are_usage_errors(
    tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "a.txt").write_text(article(PARAS[0]))
    commit(repo, "base")
    assert main(["check", "--no-cache", "--diff", "no-such-ref"]) == 2
    assert "'no-such-ref' is not a commit" in capsys.readouterr().err
    outside = tmp_path.parent / (tmp_path.name + "-not-a-repo")
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["check", "--no-cache", "--diff", "HEAD", "."]) == 2
    assert "not a git repository" in capsys.readouterr().err


def test_an_edited_claims_file_selects_its_article(tmp_path: Path) -> None:
    article_path, claims = tmp_path / "war.txt", tmp_path / "war.klint.yaml"
    changes = Changes(str(tmp_path), {os.path.realpath(claims): {3}})
    assert changes.includes(str(article_path)) and not changes.includes(str(tmp_path / "peace.txt"))


def test_diff_head_before_the_first_commit_counts_everything_as_new(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """pre-commit's ``--diff HEAD`` on a repository's first commit: no HEAD yet, all is new."""
    (repo / "a.txt").write_text(article(PARAS[0], PARAS[1], PARAS[0]))
    git(repo, "add", "a.txt")
    assert main(["check", "--diff", "HEAD", "--no-cache", "a.txt"]) == 1
    assert "KX306" in capsys.readouterr().out
    assert main(["check", "--diff", "main~3", "a.txt"]) == 2  # any other ref must exist
    assert "is not a commit" in capsys.readouterr().err
