"""KS rules end to end: the seed and its claims file, edited copies, and small articles of our own."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from klint.config import Config
from klint.diagnostics import Severity
from klint.engine import lint_file
from klint.rules.schema import RULES

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "nagorno-karabakh-war.txt"
SEED_CLAIMS = ROOT / "seeds" / "nagorno-karabakh-war.klint.yaml"
CLEAN = ROOT.parent / "shared" / "eval" / "clean"
KS = Config(select=("KS",))


def _seed_copy(tmp_path: Path) -> tuple[Path, Path]:
    article, claims = tmp_path / "nkw.txt", tmp_path / "nkw.klint.yaml"
    shutil.copy(SEED, article)
    shutil.copy(SEED_CLAIMS, claims)
    return article, claims


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return n
    raise AssertionError(needle)


def test_rule_contract() -> None:
    assert [r.code for r in RULES] == ["KS001", "KS002", "KS003", "KS004", "KS005", "KS006"]
    for rule in RULES:
        doc = rule.doc()
        for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
            assert section in doc, (rule.code, section)
        assert rule.summary and re.fullmatch(r"[a-z0-9-]+", rule.name)


def test_seed_with_its_claims_file() -> None:
    result = lint_file(str(SEED), KS)
    by_code = {}
    for d in result.diagnostics:
        by_code.setdefault(d.code, []).append(d)
    assert set(by_code) == {"KS004"}, [(d.code, d.message) for d in result.diagnostics]
    refugees = [d for d in by_code["KS004"] if "refugees-add-up" in d.message]
    assert len(refugees) == 1
    d = refugees[0]
    assert d.path == str(SEED) and d.line == 250 and d.severity is Severity.ERROR
    assert "nearly 1,000,000" in d.message and "400,000 + 30,000 + 800,000 = 1,230,000" in d.message
    assert {r.line for r in d.related if r.path is None} == {250}
    assert any(
        r.path == str(SEED_CLAIMS) and r.line == _line_of(SEED_CLAIMS, "id: refugees-add-up")
        for r in d.related
    )
    # the lead's "as many as" figures are upper bounds: that sum constraint holds
    assert not [x for x in by_code["KS004"] if "lead-refugees-add-up" in x.message]
    # hints are warnings
    hints = [x for x in by_code["KS004"] if x is not d]
    assert hints and all(x.severity is Severity.WARNING for x in hints)


def test_edited_number_gives_value_drift(tmp_path: Path) -> None:
    article, claims = _seed_copy(tmp_path)
    _edit(
        article,
        "An estimated 800,000 Azeris were displaced",
        "An estimated 850,000 Azeris were displaced",
    )
    _edit(article, "\n6,000 dead,\n", "\n6,500 dead,\n")
    drift = [d for d in lint_file(str(article), KS).diagnostics if d.code == "KS003"]
    assert len(drift) == 2, [d.message for d in drift]
    casualties, refugees = sorted(drift, key=lambda d: d.line)
    assert casualties.line == 35 and casualties.column == 1
    assert "6,000" in casualties.message and "6,500" in casualties.message
    assert refugees.line == 250 and "800,000" in refugees.message and "850,000" in refugees.message
    text = article.read_text(encoding="utf-8").splitlines()[249]
    assert text[refugees.column - 1 :].startswith("850,000")
    assert refugees.related[0].path == str(claims)
    assert refugees.related[0].line == _line_of(claims, "value: 800000")


def test_edited_date_gives_value_drift(tmp_path: Path) -> None:
    article, _ = _seed_copy(tmp_path)
    _edit(
        article,
        "A Russian-brokered cease fire was signed in May of 1994",
        "A Russian-brokered cease fire was signed in June of 1994",
    )
    (d,) = [d for d in lint_file(str(article), KS).diagnostics if d.code == "KS003"]
    assert d.line == 48 and "1994-05" in d.message and "June 1994" in d.message


def test_deleted_sentence_gives_quote_not_found(tmp_path: Path) -> None:
    article, claims = _seed_copy(tmp_path)
    _edit(
        article, "Refugees displaced from the fighting account to nearly one million people. ", ""
    )
    diags = lint_file(str(article), KS).diagnostics
    (d,) = [d for d in diags if d.code == "KS002"]
    assert d.path == str(claims)
    assert d.line == _line_of(claims, "quote: Refugees displaced from the fighting")
    assert d.column == 12 and "refugees-total" in d.message
    assert not [x for x in diags if x.code == "KS003"]


def test_unknown_id_with_suggestion(tmp_path: Path) -> None:
    article, claims = _seed_copy(tmp_path)
    _edit(
        claims,
        "parts: [refugees-armenians-azerbaijan, refugees-armenians-karabakh, refugees-azeris]",
        "parts: [refugees-armenians-azerbaijan, refugees-armenians-karabakh, refugees-azeri]",
    )
    diags = lint_file(str(article), KS).diagnostics
    (d,) = [d for d in diags if d.code == "KS006"]
    assert d.path == str(claims) and d.line == _line_of(claims, "refugees-azeri]")
    assert "'refugees-azeri'" in d.message and "did you mean 'refugees-azeris'" in d.message
    assert not [
        x for x in diags if x.code == "KS004" and "refugees-add-up" in x.message
    ]  # an incomplete constraint is not evaluated


def test_broken_claims_file_never_raises_and_stops_other_ks_rules(tmp_path: Path) -> None:
    article, claims = _seed_copy(tmp_path)
    _edit(
        claims,
        "  - {id: askeran-clash, date: 1988-02-22,",
        "  - {id: askeran-clash, date: 1988-02-32,",
    )
    diags = lint_file(str(article), KS).diagnostics
    assert [(d.code, d.path, d.line) for d in diags] == [
        ("KS001", str(claims), _line_of(claims, "1988-02-32"))
    ]


def test_suppression_in_the_article_does_not_hide_claims_file_findings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("<!-- klint: disable=KS001 -->\nText.\n", encoding="utf-8")
    (tmp_path / "a.klint.yaml").write_text("subject: {}\nfoo: 1\n", encoding="utf-8")
    diags = lint_file(str(tmp_path / "a.txt"), KS).diagnostics
    assert [(d.code, d.line) for d in diags] == [("KS001", 2)]


ARTICLE = """Battle of Ashford

Battle of Ashford
Date 1990–1991
Location Ashford
Result Decisive victory for the northern army.

John Smith,
Paul Jones
Karl Brown
20,000 42,000
Casualties and losses
6,000 dead
11,000 dead

The Battle of Ashford was fought from March 1990 to May 1991 between the northern and southern armies.
"""


def test_required_claim_missing_needs_a_declared_type(tmp_path: Path) -> None:
    path = tmp_path / "ashford.txt"
    path.write_text(
        ARTICLE.replace("Result Decisive victory for the northern army.\n", ""), encoding="utf-8"
    )
    assert lint_file(str(path), KS).diagnostics == []  # detected from the labels: a guess
    (d,) = lint_file(
        str(path), Config(select=("KS",), article_type="military-conflict")
    ).diagnostics
    assert d.code == "KS005" and d.severity is Severity.ERROR and d.line == 4
    assert "result" in d.message and "article-type setting" in d.message


def test_required_claim_missing_on_a_declared_person(tmp_path: Path) -> None:
    path = tmp_path / "smith.txt"
    path.write_text(
        "John Smith\n\nJohn Smith was an engineer who built bridges in Ashford.\n", encoding="utf-8"
    )
    (tmp_path / "smith.klint.yaml").write_text(
        "subject: {type: person, name: John Smith}\n", encoding="utf-8"
    )
    (d,) = lint_file(str(path), KS).diagnostics
    assert d.code == "KS005" and d.severity is Severity.ERROR and "born" in d.message
    (tmp_path / "smith.klint.yaml").write_text(
        "subject:\n  type: person\n  span: {start: 1890-03-02, end: 2030}\n", encoding="utf-8"
    )
    (d,) = lint_file(str(path), KS).diagnostics
    assert d.code == "KS004" and "125" in d.message


def test_type_from_configuration(tmp_path: Path) -> None:
    path = tmp_path / "e.txt"
    path.write_text("The Summit\n\nThe summit took place in Ashford.\n", encoding="utf-8")
    (d,) = lint_file(str(path), Config(select=("KS",), article_type="event")).diagnostics
    assert d.code == "KS005" and "article-type setting" in d.message


def test_unknown_article_type(tmp_path: Path) -> None:
    path = tmp_path / "e.txt"
    path.write_text("Text.\n", encoding="utf-8")
    (tmp_path / "e.klint.yaml").write_text(
        "subject:\n  type: militray-conflict\n", encoding="utf-8"
    )
    (d,) = lint_file(str(path), KS).diagnostics
    assert (d.code, d.line, d.column) == (
        "KS001",
        2,
        9,
    ) and "did you mean 'military-conflict'" in d.message


def test_own_article_sum_and_drift(tmp_path: Path) -> None:
    path = tmp_path / "flood.txt"
    path.write_text(
        "The 1950 Ashford flood\n\n"
        "The flood displaced about 12,000 people. Of these, 9,000 came from the town\n"
        "and 5,000 from the surrounding villages. The water fell back on 3 May 1950.\n",
        encoding="utf-8",
    )
    (tmp_path / "flood.klint.yaml").write_text(
        "facts:\n"
        "  - {id: total, value: 12000, qualifier: about, counted: refugees, quote: 'displaced about 12,000 people'}\n"
        "  - {id: town, value: 9000, counted: refugees, quote: '9,000 came from the town'}\n"
        "  - {id: villages, value: 5000, counted: refugees, quote: '5,000 from the surrounding villages'}\n"
        "events:\n"
        "  - {id: receded, date: 1950-05-02, quote: The water fell back on 3 May 1950}\n"
        "constraints:\n"
        "  - {id: parts, kind: sum, total: total, parts: [town, villages]}\n",
        encoding="utf-8",
    )
    diags = lint_file(str(path), KS).diagnostics
    codes = sorted((d.code, d.line) for d in diags)
    assert codes == [("KS003", 4), ("KS004", 3)], [d.message for d in diags]
    drift = next(d for d in diags if d.code == "KS003")
    assert "1950-05-02" in drift.message and "May 3, 1950" in drift.message


@pytest.mark.skipif(not CLEAN.is_dir(), reason="clean corpus not available")
def test_quiet_on_clean_articles() -> None:
    for path in sorted(CLEAN.glob("*.txt")):
        found = [d for d in lint_file(str(path), Config()).diagnostics if d.code.startswith("KS")]
        assert found == [], (path.name, [d.message for d in found])


@pytest.mark.parametrize("suffix", [".txt", ".md", ".wiki", ".html"])
def test_one_claims_file_serves_every_format_of_the_seed(suffix: str) -> None:
    path = SEED.with_suffix(suffix)
    if not path.exists():
        pytest.skip(f"no {suffix} copy of the seed")
    diags = lint_file(str(path), KS).diagnostics
    assert {d.code for d in diags} == {"KS004"}, [(d.code, d.message) for d in diags]
    assert any("refugees-add-up" in d.message and d.severity is Severity.ERROR for d in diags)


@pytest.mark.parametrize(
    "constraint,words",
    [
        ("{kind: before, first: n, then: e}", "before compares dates, but n is a fact"),
        ("{kind: sum, total: n, parts: [e, n]}", "sum adds up facts, but e is not a fact"),
        ("{kind: range, of: e, max: 3}", "range with min/max needs a fact"),
        ("{kind: equal, ids: [n, e]}", "not both"),
    ],
)
def test_constraint_on_the_wrong_kind_of_item(tmp_path: Path, constraint: str, words: str) -> None:
    (tmp_path / "a.txt").write_text("In 1990 there were 3 of them.\n", encoding="utf-8")
    (tmp_path / "a.klint.yaml").write_text(
        "facts:\n  - {id: n, value: 3}\nevents:\n  - {id: e, date: 1990}\nconstraints:\n  - "
        + constraint
        + "\n",
        encoding="utf-8",
    )
    (d,) = lint_file(str(tmp_path / "a.txt"), KS).diagnostics
    assert (d.code, d.line) == ("KS001", 6) and words in d.message, d.message
