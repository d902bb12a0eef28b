"""The type checker: ``mypy`` (strict, configured in pyproject.toml) finds nothing in src/.

Skipped when mypy is not installed (the ``test`` extra installs it). The cache lives in
the repository's git-ignored ``.mypy_cache``, so a second run takes a second or two.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")

ROOT = Path(__file__).resolve().parents[1]


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(ROOT / ".mypy_cache"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_package_type_checks_strictly() -> None:
    proc = _mypy()  # the files and the settings come from [tool.mypy]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Success: no issues found" in proc.stdout


def test_the_configuration_is_strict(tmp_path: Path) -> None:
    """The same settings reject an unannotated function and an Optional used unchecked."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def double(x):\n"
        "    return 2 * x\n\n\n"
        "def first(words: list[str] | None) -> str:\n"
        "    return words[0]\n",
        encoding="utf-8",
    )
    proc = _mypy("--config-file", str(ROOT / "pyproject.toml"), str(bad))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "[no-untyped-def]" in proc.stdout
    assert "[index]" in proc.stdout
