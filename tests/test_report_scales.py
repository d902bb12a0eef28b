"""The report of a short event: a timeline in days, sides named from the infobox, units kept,
and beside each finding its rule's short explanation and a link to its documentation."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEED, run_klint

import klint
from klint.rules import get_rule

FORD = ROOT / "tests" / "data" / "battle-of-the-ford.wiki"  # a three-day battle, made up


def report(tmp_path: Path, article: Path) -> str:
    shutil.copy(article, tmp_path / article.name)
    for claims in article.parent.glob(article.stem + ".klint.yaml"):
        shutil.copy(claims, tmp_path / claims.name)
    proc = run_klint("report", article.name, "-o", "r.html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return (tmp_path / "r.html").read_text(encoding="utf-8")


def text_of(page: str, section: str) -> str:
    start = page.index(f'<section class="{section}">')
    block = page[start : page.index("</section>", start)]
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", block).split()))


def ticks(page: str) -> list[str]:
    return re.findall(r'<text class="tick-label"[^>]*>([^<]*)</text>', page)


@pytest.fixture(scope="module")
def ford(tmp_path_factory: pytest.TempPathFactory) -> str:
    return report(tmp_path_factory.mktemp("ford"), FORD)


def test_a_battle_of_three_days_is_plotted_in_days(ford: str) -> None:
    labels = ticks(ford)
    assert {"3 May", "4 May", "5 May"} <= {label.removesuffix(" 1813") for label in labels}
    assert "1813" not in labels  # never a lone year tick
    assert len(labels) >= 3


def test_a_war_keeps_year_ticks(tmp_path: Path) -> None:
    labels = ticks(report(tmp_path, SEED))
    assert "1990" in labels and all(re.fullmatch(r"\d{4}", label) for label in labels)


def test_sides_are_named_from_the_infobox(ford: str) -> None:
    numbers = text_of(ford, "numbers")
    assert "dead Kingdom of Saxony 1,200" in numbers
    assert "Russian Empire 900" in numbers
    assert "side 1" not in numbers and "side 2" not in numbers


def test_sides_are_named_from_the_claims_file_when_the_infobox_has_no_belligerents(
    tmp_path: Path,
) -> None:
    numbers = text_of(report(tmp_path, SEED), "numbers")
    assert "dead Armenian forces 6,000" in numbers
    assert "Republic of Azerbaijan 11,000" in numbers
    assert "side 1" not in numbers


def test_percentages_keep_their_unit(ford: str) -> None:
    numbers = text_of(ford, "numbers")
    assert "about 45%" in numbers and "120%" in numbers


def test_each_finding_has_its_rule_explained_and_linked(ford: str) -> None:
    findings = text_of(ford, "findings")
    rule = get_rule("KN203")
    assert f"KN203: {rule.summary}." in findings
    assert f'<a href="{klint.rule_doc_url("KN203")}">' in ford
    assert "klint explain KN203" in findings
