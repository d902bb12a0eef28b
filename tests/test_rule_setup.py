"""What rules build once per rule pack: the findings are those of a rule that builds it
for each document."""

from __future__ import annotations

from pathlib import Path

import pytest

from klint.config import Config
from klint.engine import lint_text

HOUSE_PACK = """\
qualifiers:
  well-nigh: {kind: nearly, below: 0.1}
date_words:
  event_words: {razed: razing}
"""


def found(text: str, config: Config) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in lint_text(text, "a.txt", config)]


@pytest.mark.parametrize(
    ("text", "code", "plain", "house"),
    [
        ("Of the 600 members, 150 (well-nigh 40%) voted for the motion.\n", "KN208", False, True),
        ("Of the 600 members, 150 (about 40%) voted for the motion.\n", "KN208", True, True),
        (
            "Rebel forces razed Millbrook on April 3, 1993.\n\n"
            "After rebel forces razed Millbrook on April 5, 1993, the council met.\n",
            "KD108",
            False,
            True,
        ),
        (
            "Rebel forces captured Millbrook on April 3, 1993.\n\n"
            "After rebel forces captured Millbrook on April 5, 1993, the council met.\n",
            "KD108",
            True,
            False,  # the pack's event words stand for the built-in ones
        ),
    ],
)
def test_each_pack_has_its_own_words(
    tmp_path: Path, text: str, code: str, plain: bool, house: bool
) -> None:
    """A word lexicon built once per pack: a pack's own words count in its runs only, before
    and after a run with another pack."""
    pack = tmp_path / "house.yaml"
    pack.write_text(HOUSE_PACK, encoding="utf-8")
    builtin, own = Config(select=(code,)), Config(select=(code,), rule_packs=(str(pack),))
    before = found(text, builtin)
    assert [c for c, _ in found(text, own)] == ([code] if house else [])
    assert found(text, builtin) == before
    assert [c for c, _ in before] == ([code] if plain else [])
