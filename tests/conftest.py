"""Shared test helpers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "nagorno-karabakh-war.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Runs of the CLI in the tests (in process or not) cache in a folder of their own,
    never in the user's ~/.cache/klint."""
    import os

    os.environ.setdefault("KLINT_CACHE_DIR", str(tmp_path_factory.mktemp("klint-cache")))
    yield


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="rewrite the .snap files beside the rule fixtures from the current output",
    )


def run_klint(
    *args: str, cwd: Path | None = None, stdin: str | None = None, env: dict | None = None
):
    """Run the real CLI in a subprocess; return the CompletedProcess."""
    return subprocess.run(
        [sys.executable, "-m", "klint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


@pytest.fixture
def klint_cli():
    return run_klint
