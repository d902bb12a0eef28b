"""GitHub annotations attach to the pull request's diff only when ``file=`` is the path from
the repository root, without ``./``; what a workflow runs must give exactly that."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from _git import git
from conftest import run_klint

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DANGLING = "Fort\n\nSee below for the details of the siege.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "x.md").write_text(DANGLING)
    return tmp_path


def files(stdout: str) -> list[str]:
    return re.findall(r"^::\w+ file=([^,]+),", stdout, re.M)


def env_without_workspace() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "GITHUB_WORKSPACE"}


@pytest.mark.parametrize(
    ("where", "args"),
    [
        (".", ["."]),  # the README's workflow: klint check from the checkout
        (".", ["./articles/x.md"]),
        (".", ["articles"]),
        ("articles", ["."]),  # a step with working-directory: articles
        ("articles", ["x.md"]),
    ],
)
def test_annotation_paths_are_from_the_repository_root(
    repo: Path, where: str, args: list[str]
) -> None:
    proc = run_klint(
        "check",
        *args,
        "--no-cache",
        "--output-format",
        "github",
        cwd=repo / where,
        env=env_without_workspace(),
    )
    assert proc.returncode == 1, proc.stderr
    assert files(proc.stdout) == ["articles/x.md"], proc.stdout


def test_github_workspace_is_the_root_in_a_workflow(repo: Path) -> None:
    """Actions sets GITHUB_WORKSPACE to the checkout; it wins over a nested repository."""
    git(repo / "articles", "init", "-q")  # e.g. a submodule checked out inside
    env = {**env_without_workspace(), "GITHUB_WORKSPACE": str(repo)}
    proc = run_klint(
        "check", "x.md", "--no-cache", "--output-format", "github", cwd=repo / "articles", env=env
    )
    assert files(proc.stdout) == ["articles/x.md"], proc.stdout
