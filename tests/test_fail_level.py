"""``--fail-level`` and the ``fail-level`` key: a team blocks on errors only; warnings still print."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_klint

WARNING_ONLY = "Fort\n\nSee below for the details of the siege.\n"  # KX308, a warning
ERROR = "Fort\n\nThe siege began on February 30, 1812.\n"  # KD101, an error


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "warn.md").write_text(WARNING_ONLY)
    (tmp_path / "err.md").write_text(ERROR)
    return tmp_path


def test_warnings_print_but_pass_at_fail_level_error(repo: Path) -> None:
    everything = run_klint("check", "warn.md", "--no-cache", cwd=repo)
    assert everything.returncode == 1 and "KX308" in everything.stdout
    errors_only = run_klint("check", "warn.md", "--no-cache", "--fail-level", "error", cwd=repo)
    assert errors_only.returncode == 0, errors_only.stderr
    assert "warn.md:3:1: KX308" in errors_only.stdout  # still shown
    both = run_klint("check", "warn.md", "err.md", "--no-cache", "--fail-level", "error", cwd=repo)
    assert both.returncode == 1 and "KD101" in both.stdout


def test_fail_level_from_the_configuration_and_the_command_line_wins(repo: Path) -> None:
    (repo / ".klint.yaml").write_text("fail-level: error\n")
    assert run_klint("check", "warn.md", "--no-cache", cwd=repo).returncode == 0
    assert run_klint("check", "err.md", "--no-cache", cwd=repo).returncode == 1
    strict = run_klint("check", "warn.md", "--no-cache", "--fail-level", "warning", cwd=repo)
    assert strict.returncode == 1


def test_bad_fail_level_is_one_line_with_file_and_line(repo: Path) -> None:
    (repo / ".klint.yaml").write_text("ignore: []\nfail-level: errors\n")
    proc = run_klint("check", "warn.md", cwd=repo)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "klint: error: " + str(repo / ".klint.yaml") + ":2: "
        "fail-level: 'errors' is not one of error, warning, info"
    )
