"""A code split from an older one: what named the old code keeps covering the split check."""

from __future__ import annotations

import json
from pathlib import Path

from klint import baseline
from klint.config import Config
from klint.engine import lint_text
from klint.rules import all_rules
from klint.rules.redirects import SPLIT_FROM, lineage, split_into

# KN211 (a part larger than its whole) ran under KN204 before it had a code of its own
PART = "The Ferry\n\nOf the 40 passengers on board, 45 were rescued by the tug.\n"
NEAR = "The Ferry\n\nOf the 40 passengers on board, 35 were rescued by the tug.\n"


def codes(text: str, **config: tuple[str, ...]) -> list[str]:
    return [d.code for d in lint_text(text, path="a.txt", config=Config(**config))]


def test_every_split_code_is_a_rule_and_comes_from_one() -> None:
    known = {r.code for r in all_rules()}
    for new, old in SPLIT_FROM.items():
        assert new in known and old in known and new != old
        assert new in split_into(old) and lineage(new) == old


def test_selecting_the_old_code_or_a_prefix_of_it_selects_the_split_code() -> None:
    assert codes(PART, select=("KN211",)) == ["KN211"]
    assert codes(PART, select=("KN204",)) == ["KN211"]
    assert codes(PART, select=("KN20",)) == ["KN211"]
    assert codes(NEAR, select=("KN204",)) == []
    assert codes(PART, select=("KN204",), ignore=("KN211",)) == []
    assert codes(PART, select=("KN201",)) == []


def test_ignoring_the_old_code_ignores_the_split_code() -> None:
    on = ("KN211",)  # opt-in since held-out set 5
    assert "KN211" in codes(PART, extend_select=on)
    assert "KN211" not in codes(PART, extend_select=on, ignore=("KN204",))
    assert "KN211" not in codes(PART, extend_select=on, per_file_ignores=(("a.txt", ("KN204",)),))


def test_a_suppression_of_the_old_code_covers_the_split_code_and_counts_as_used() -> None:
    text = PART.replace("Of the", "<!-- klint: disable-next-line=KN204 -->\nOf the")
    assert codes(text, select=("KN211", "KI003")) == []
    other = PART.replace("Of the", "<!-- klint: disable-next-line=KN201 -->\nOf the")
    assert codes(other, select=("KN211", "KI003")) == ["KI003", "KN211"]


def test_a_baseline_written_under_the_old_code_matches_the_split_code(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(PART, encoding="utf-8")
    found = lint_text(PART, path=str(article), config=Config(select=("KN211",)))
    assert [d.code for d in found] == ["KN211"]
    path = tmp_path / "baseline.json"
    baseline.write(path, found)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["findings"][0]["code"] == "KN211"
    assert baseline.filter_new(found, path) == []
    data["findings"][0]["code"] = "KN204"  # as a baseline written before the split holds it
    path.write_text(json.dumps(data), encoding="utf-8")
    assert baseline.filter_new(found, path) == []
    data["findings"][0]["code"] = "KN201"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert baseline.filter_new(found, path) == found
