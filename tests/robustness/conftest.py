"""Fixtures for the robustness suite."""

from __future__ import annotations

from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "seeds" / "nagorno-karabakh-war.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
