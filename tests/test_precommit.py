"""The pre-commit hooks, run by the real ``pre-commit`` against a copy of this checkout.

The hook repository is a snapshot of the working tree (committed to a scratch
git repository), so the test checks the code being tested rather than the last
commit, and never touches this repository's own index. pre-commit installs it
with pip into a fresh environment, which needs the package index.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = (
    "pyproject.toml",
    "README.md",
    "LICENSE",
    ".pre-commit-hooks.yaml",
    "src",
    "rules",
    "schema",
)
JUNK = shutil.ignore_patterns("__pycache__", "*.pyc", ".klint_cache", "*.egg-info")
PARA = (
    "The garrison of the northern fort held out for eleven weeks before the relief column arrived."
)
BAD = f"Siege of the fort\n\n{PARA}\n\nThe relief column was led by a young colonel.\n\n{PARA}\n"
GOOD = "Siege of the fort\n\nThe garrison held out for many weeks.\n\nThe relief column arrived in spring.\n"

pytestmark = [
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed"
    ),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


def run(
    args: list[str], cwd: Path, env: dict[str, str], check: bool = True
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"{args} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def git(
    cwd: Path, env: dict[str, str], *args: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    return run(["git", "-c", "commit.gpgsign=false", *args], cwd, env, check)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("home")
    (home / "gitconfig").write_text("")
    keep = {
        k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "KLINT_"))
    }
    # HOME stays (pip's download cache makes the hook install fast); git's own config does not.
    return {
        **keep,
        "GIT_CONFIG_GLOBAL": str(home / "gitconfig"),
        "PRE_COMMIT_HOME": str(home / "pre-commit"),
        "CI": "1",
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
    }


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, str]:
    """A git repository holding a snapshot of this checkout's package: (path, commit)."""
    repo = tmp_path_factory.mktemp("klint-hook-repo")
    for name in SNAPSHOT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=JUNK)
        elif src.is_file():
            shutil.copy2(src, repo / name)
    git(repo, env, "init", "-q")
    git(repo, env, "add", "-A")
    git(repo, env, "commit", "-q", "-m", "snapshot")
    return repo, git(repo, env, "rev-parse", "HEAD").stdout.strip()


def content_repo(path: Path, env: dict[str, str], hook_repo: tuple[Path, str]) -> Path:
    path.mkdir()
    git(path, env, "init", "-q")
    repo, rev = hook_repo
    config = {"repos": [{"repo": str(repo), "rev": rev, "hooks": [{"id": "klint"}]}]}
    (path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    git(path, env, "add", ".pre-commit-config.yaml")
    git(path, env, "commit", "-q", "--no-verify", "-m", "config")
    run([sys.executable, "-m", "pre_commit", "install"], path, env)
    return path


def test_manifest_and_project_config_are_valid(env: dict[str, str]) -> None:
    run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
        ROOT,
        env,
    )
    run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        ROOT,
        env,
    )
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["klint"]["pass_filenames"] is True and hooks["klint"]["require_serial"] is True
    assert hooks["klint-report"]["stages"] == ["manual"]


def test_commit_is_blocked_by_a_finding_and_a_clean_article_passes(
    tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    repo = content_repo(tmp_path / "content", env, hook_repo)
    (repo / "article.txt").write_text(BAD)
    git(repo, env, "add", "article.txt")
    blocked = git(repo, env, "commit", "-m", "add an article", check=False)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "klint" in output and "Failed" in output
    assert "article.txt:7:1: KX306 paragraph repeats line 3 verbatim" in output
    assert (
        git(repo, env, "rev-list", "--count", "HEAD").stdout.strip() == "1"
    )  # nothing was committed

    (repo / "article.txt").write_text(GOOD)
    git(repo, env, "add", "article.txt")
    passed = git(repo, env, "commit", "-m", "add a clean article", check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout + passed.stderr
    assert git(repo, env, "rev-list", "--count", "HEAD").stdout.strip() == "2"

    # Files the commit does not touch are not linted: a bad file already in the repository stays quiet.
    (repo / "old.txt").write_text(BAD)
    git(repo, env, "add", "old.txt")
    git(repo, env, "commit", "-q", "--no-verify", "-m", "legacy")
    (repo / "notes.txt").write_text(GOOD.replace("spring", "summer"))
    git(repo, env, "add", "notes.txt")
    assert git(repo, env, "commit", "-m", "unrelated", check=False).returncode == 0


def test_try_repo(tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]) -> None:
    work = tmp_path / "work"
    work.mkdir()
    git(work, env, "init", "-q")
    (work / "bad.txt").write_text(BAD)
    (work / "good.txt").write_text("Fort\n\nThe garrison held out for many weeks.\n")
    (work / "good.md").write_text("# Fort\n\nThe relief column arrived in *spring*.\n")
    git(work, env, "add", "-A")
    repo, rev = hook_repo
    # One call for both hooks (try-repo installs the repository into a fresh environment each time):
    # the manual stage runs `klint` (every stage) and the opt-in `klint-report`.
    cmd = [
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(repo),
        "--ref",
        rev,
        "--hook-stage",
        "manual",
    ]
    proc = run([*cmd, "--files", "bad.txt", "good.txt", "good.md"], work, env, check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "bad.txt:7:1: KX306 paragraph repeats line 3 verbatim" in output
    assert "good.txt:" not in output and "good.md:" not in output, output
    assert re.search(r"klint consistency report\.+Passed", output), output
    report = (work / "klint-report.html").read_text()
    assert "paragraph repeats line 3 verbatim" in report and "good.txt" in report


def test_project_seed_hook_passes_with_its_baseline(env: dict[str, str]) -> None:
    """What the project's local klint hook runs on seeds/: the committed baseline must be current."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    (hook,) = [
        h for r in config["repos"] if r["repo"] == "local" for h in r["hooks"] if h["id"] == "klint"
    ]
    seeds = sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "seeds").iterdir()
        if p.is_file() and p.name != ".klint-baseline.json"
    )
    entry = hook["entry"].split()
    assert entry[:2] == ["klint", "check"]
    proc = run(
        [sys.executable, "-m", "klint", *entry[1:], "--no-cache", *seeds], ROOT, env, check=False
    )
    assert proc.returncode == 0, (
        "the seeds' baseline is stale; after checking the new findings, refresh it with\n"
        "  klint check seeds/ --write-baseline seeds/.klint-baseline.json\n"
        + proc.stdout
        + proc.stderr
    )
