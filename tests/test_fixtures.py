"""Rule fixtures: ``tests/fixtures/<CODE>/*`` hold texts with their expectations inline.

A line ending in ``<!-- expect: CODE -->`` must get a finding of CODE starting on
that line; any other finding of the folder's code is a failure. A fixture with no
expectation is a near-miss: the rule must stay quiet on it. Only the folder's rule
is enabled, so opt-in rules are tested the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from klint.config import Config
from klint.engine import lint_text

FIXTURES = Path(__file__).parent / "fixtures"
EXPECT = re.compile(r"<!--\s*expect:\s*([A-Z0-9, ]+?)\s*-->")


def _cases() -> list[Path]:
    return sorted(
        p
        for p in FIXTURES.glob("*/*")
        if p.is_file() and p.name != "README.md" and not p.name.endswith(".klint.yaml")
    )


@pytest.mark.parametrize("path", _cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(path: Path) -> None:
    code = path.parent.name
    text = path.read_text(encoding="utf-8")
    expected = set()
    for n, line in enumerate(text.splitlines(), start=1):
        m = EXPECT.search(line)
        if m:
            expected |= {(c.strip(), n) for c in m.group(1).split(",") if c.strip() == code}
    diags = lint_text(text, path=str(path), config=Config(select=(code,)))
    found = {(d.code, d.line) for d in diags if d.code == code}
    assert found == expected, "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in diags)
