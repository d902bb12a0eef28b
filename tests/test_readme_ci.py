"""The README's CI snippets, run as pasted on a pull request of a fresh content repository.

The shell script runs whole (its install line gets this checkout's path instead of the
distribution's name, which is not on the package index yet). The GitHub Actions workflow's
``run:`` steps run in order with bash, with GitHub's expressions filled in as Actions would
and this environment's klint on the PATH; the ``uses:`` steps are GitHub's own actions.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from _git import git
from conftest import ROOT

import klint

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

README = (ROOT / "README.md").read_text(encoding="utf-8")
PARA = (
    "The garrison of the northern fort held out for eleven weeks before the relief column arrived."
)
OLD = f"Siege of the fort\n\n{PARA}\n\nThe relief column was led by a young colonel.\n\n{PARA}\n"


def pull_request(tmp_path: Path) -> Path:
    """A clone of ``origin`` (branch main, with an article that has an old finding) on a
    branch that adds a contradiction to a new article and edits the old one by a word."""
    origin = tmp_path / "origin.git"
    seed = tmp_path / "seed"
    seed.mkdir()
    git(seed, "init", "-q", "-b", "main")
    (seed / "old.md").write_text(OLD)
    git(seed, "add", "-A")
    git(seed, "commit", "-qm", "old article")
    git(tmp_path, "clone", "-q", "--bare", str(seed), str(origin))
    work = tmp_path / "work"
    git(tmp_path, "clone", "-q", str(origin), str(work))
    git(work, "checkout", "-q", "-b", "edit")
    (work / "old.md").write_text(OLD.replace("young colonel", "old colonel"))
    (work / "new.md").write_text("Fort\n\nThe siege began on February 30, 1812.\n")
    git(work, "add", "-A")
    git(work, "commit", "-qm", "edit")
    return work


def block(language: str, first_line: str) -> str:
    blocks = re.findall(rf"```{language}\n(.*?)```", README, re.S)
    (found,) = [b for b in blocks if b.startswith(first_line)]
    return found


@pytest.mark.slow
def test_the_shell_script(tmp_path: Path) -> None:
    work = pull_request(tmp_path)
    script = block("sh", "#!/bin/sh\nset -eu\nBASE=")
    assert f'pip" install -q {klint.DISTRIBUTION}\n' in script
    script = script.replace(f"install -q {klint.DISTRIBUTION}", f"install -q {ROOT}")
    (tmp_path / "ci.sh").write_text(script)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "KLINT_"))}
    env["TMPDIR"] = str(tmp_path)
    proc = subprocess.run(
        ["sh", str(tmp_path / "ci.sh")], cwd=work, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr  # the new contradiction
    assert "new.md:3:20: KD101" in proc.stdout
    assert "old.md" not in proc.stdout  # a one-word edit does not bring back old findings
    junit = (work / "klint-junit.xml").read_text()
    assert 'failures="1"' in junit and "KD101" in junit
    assert "new.md" in (work / "klint-summary.md").read_text()
    assert (work / "klint-report.html").is_file()
    assert not any(p.name == "pyvenv.cfg" for p in work.rglob("pyvenv.cfg"))


def test_the_github_actions_workflow(tmp_path: Path) -> None:
    work = pull_request(tmp_path)
    workflow = yaml.safe_load(block("yaml", "name: klint\n"))
    steps = workflow["jobs"]["klint"]["steps"]
    installs = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    assert installs == [f"pip install {klint.DISTRIBUTION}"]
    bindir = str(Path(sys.executable).parent)  # klint is installed here already
    summary = tmp_path / "summary.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "KLINT_"))}
    env.update(
        PATH=bindir + os.pathsep + env["PATH"],
        GITHUB_STEP_SUMMARY=str(summary),
        GITHUB_WORKSPACE=str(work),
        CI="true",
    )
    codes = {}
    for step in steps:
        if "run" not in step or "pip install" in step["run"]:
            continue
        command = step["run"].replace("${{ github.base_ref }}", "main")
        assert "${{" not in command, command
        proc = subprocess.run(
            ["bash", "-e", "-c", command], cwd=work, env=env, capture_output=True, text=True
        )
        codes[step.get("name", command)] = (proc.returncode, proc.stdout, proc.stderr)
    annotations = codes["klint (annotations on the changed lines)"]
    assert annotations[0] == 1
    assert annotations[1].startswith("::error file=new.md,line=3,")
    assert "old.md" not in annotations[1]
    assert all(code == 0 for name, (code, _, _) in codes.items() if name != next(iter(codes)))
    assert "new.md" in summary.read_text()
    sarif = json.loads((work / "klint.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["KD101"]
    assert (work / "klint-report.html").is_file()
