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
    pytest.mark.slow,
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
    seeds = sorted(  # the files pre-commit passes: those the hook's pattern matches
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "seeds").iterdir()
        if p.is_file() and re.search(hook["files"], p.relative_to(ROOT).as_posix())
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


# The README's snippets, pasted into a fresh content repository and run by the real pre-commit.

README = (ROOT / "README.md").read_text(encoding="utf-8")
DANGLING = "Fort\n\nThe garrison held out for many weeks.\n\nSee below for the details.\n"


def readme_config(title: str) -> dict:
    """The README's ``.pre-commit-config.yaml`` block whose first line names ``title``."""
    blocks = re.findall(r"```yaml\n(.*?)```", README, re.S)
    (block,) = [b for b in blocks if b.startswith(f"# .pre-commit-config.yaml: {title}\n")]
    return yaml.safe_load(block)


def pasted(path: Path, env: dict[str, str], config: dict) -> Path:
    path.mkdir()
    git(path, env, "init", "-q")
    (path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    run([sys.executable, "-m", "pre_commit", "validate-config"], path, env)
    git(path, env, "add", ".pre-commit-config.yaml")
    git(path, env, "commit", "-q", "--no-verify", "-m", "config")
    run([sys.executable, "-m", "pre_commit", "install"], path, env)
    return path


def commit(repo: Path, env: dict[str, str], name: str, text: str) -> tuple[bool, str]:
    (repo / name).write_text(text)
    git(repo, env, "add", name)
    proc = git(repo, env, "commit", "-m", f"edit {name}", check=False)
    return proc.returncode == 0, proc.stdout + proc.stderr


def content_edits(repo: Path, env: dict[str, str]) -> None:
    """What an editor does: a new contradiction is blocked, a clean article passes, a one-word
    edit to an article with old findings passes, and a new finding in it is blocked."""
    ok, out = commit(repo, env, "article.txt", BAD)
    assert not ok and "article.txt:7:1: KX306 paragraph repeats line 3 verbatim" in out, out
    git(repo, env, "reset", "-q", "HEAD", "article.txt")
    ok, out = commit(repo, env, "clean.txt", GOOD)
    assert ok and "Passed" in out, out
    (repo / "legacy.txt").write_text(BAD)  # findings from before klint
    git(repo, env, "add", "legacy.txt")
    git(repo, env, "commit", "-q", "--no-verify", "-m", "legacy")
    ok, out = commit(repo, env, "legacy.txt", BAD.replace("young colonel", "old colonel"))
    assert ok, out
    ok, out = commit(
        repo, env, "legacy.txt", BAD + "\nThe relief column was led by a young colonel.\n"
    )
    assert not ok and "legacy.txt:9:1: KX306" in out, out


def test_readme_local_hook_from_the_package_index(
    tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    import klint

    config = readme_config("klint from the package index")
    (hook,) = config["repos"][0]["hooks"]
    assert config["repos"][0]["repo"] == "local" and hook["language"] == "python"
    assert hook["additional_dependencies"] == [f"{klint.DISTRIBUTION}=={klint.__version__}"]
    manifest = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    for key in ("types", "files", "exclude", "require_serial"):
        assert hook[key] == manifest["klint"][key], key
    # `klint-facts` is not on the package index yet: the same snippet installs this checkout
    hook["additional_dependencies"] = [str(hook_repo[0])]
    content_edits(pasted(tmp_path / "content", env, config), env)


def test_readme_repository_hook_at_a_release_tag(
    tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    import klint

    config = readme_config("klint from its repository")
    repo_entry = config["repos"][0]
    assert repo_entry["repo"] == klint.REPOSITORY
    assert repo_entry["rev"] == f"v{klint.__version__}"
    # the release step of the README, in a copy of this checkout standing in for the repository
    source, _ = hook_repo
    git(source, env, "tag", "-f", "-a", repo_entry["rev"], "-m", "release")
    repo_entry["repo"] = str(source)
    content_edits(pasted(tmp_path / "content", env, config), env)


def test_fail_level_error_with_verbose_shows_warnings_on_a_passing_commit(
    tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    config = readme_config("klint from the package index")
    (hook,) = config["repos"][0]["hooks"]
    hook["additional_dependencies"] = [str(hook_repo[0])]
    hook["entry"] += " --fail-level error"
    quiet = pasted(tmp_path / "quiet", env, config)
    ok, out = commit(quiet, env, "a.txt", DANGLING)
    assert ok and "KX308" not in out, out  # passes; pre-commit hides a passing hook's output
    hook["verbose"] = True
    loud = pasted(tmp_path / "loud", env, config)
    ok, out = commit(loud, env, "a.txt", DANGLING)
    assert ok and "a.txt:5:1: KX308" in out, out
    ok, out = commit(loud, env, "b.txt", "Fort\n\nThe siege began on February 30, 1812.\n")
    assert not ok and "b.txt:3:20: KD101" in out, out  # an error still blocks
