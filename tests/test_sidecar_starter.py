"""The claims-file starter passes its own check, and KS001 names the key that is wrong."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_klint

import klint

SEEDS = ROOT / "seeds"
MARKED_UP = """\
# Battle of the Ford

The battle was fought on **3 May 1813** near the *old ford*. About **4,000** men took part,
and [1,200 soldiers](https://example.org/wounded) were wounded.

On 5 May 1813 the garrison of _2,000_ troops withdrew.
"""


def starter_then_check(folder: Path, article: str) -> tuple[str, str]:
    made = run_klint("extract", article, "--sidecar", cwd=folder)
    assert made.returncode == 0, made.stderr
    check = run_klint("check", article, "--no-cache", "--select", "KS", cwd=folder)
    return (folder / Path(article).with_suffix(".klint.yaml").name).read_text(), check.stdout


def test_starter_of_a_marked_up_article_has_plain_quotes_that_are_found(tmp_path: Path) -> None:
    (tmp_path / "battle.md").write_text(MARKED_UP)
    starter, found = starter_then_check(tmp_path, "battle.md")
    quotes = [
        item["quote"]
        for section in ("facts", "events")
        for item in yaml.safe_load(starter)[section]
    ]
    assert quotes and not any(mark in q for q in quotes for mark in ("**", "_2", "](", "*old"))
    assert "The battle was fought on 3 May 1813 near the old ford" in quotes
    assert "KS00" not in found, found


@pytest.mark.parametrize("ext", ["txt", "md", "wiki", "html"])
def test_starter_of_the_seed_passes_its_own_check(tmp_path: Path, ext: str) -> None:
    shutil.copy(SEEDS / f"nagorno-karabakh-war.{ext}", tmp_path / f"war.{ext}")
    starter, found = starter_then_check(tmp_path, f"war.{ext}")
    assert len(yaml.safe_load(starter)["facts"]) >= 10
    for code in ("KS001", "KS002", "KS003", "KS006"):
        assert code not in found, found


def test_schema_modeline_points_at_a_schema_that_exists(tmp_path: Path) -> None:
    (tmp_path / "battle.md").write_text(MARKED_UP)
    starter, _ = starter_then_check(tmp_path, "battle.md")
    ref = starter.splitlines()[0].removeprefix("# yaml-language-server: $schema=")
    # outside a checkout: the schema published with this release
    assert ref == f"{klint.REPOSITORY}/raw/v{klint.__version__}/schema/claims.schema.json"
    assert (ROOT / "schema" / "claims.schema.json").is_file()  # what that URL serves
    # inside a checkout: the checked-in schema, by a relative path that resolves
    inside = ROOT / "tests" / "data"
    from klint.claimsfile.bootstrap import schema_ref

    rel = schema_ref(inside / "x.klint.yaml")
    assert (inside / rel).resolve() == (ROOT / "schema" / "claims.schema.json").resolve()


@pytest.mark.parametrize(
    ("constraint", "expected"),
    [
        (
            "{id: same, kind: equal}",
            "constraints[0].ids: missing required key 'ids'",
        ),
        (
            "{id: adds-up, kind: sum, totl: men, parts: [men, hurt]}",
            "constraints[0].totl: unknown key 'totl'; did you mean 'total'?",
        ),
        (
            "{id: adds-up, kind: sum, totl: men, parts: [men, hurt]}",
            "constraints[0].total: missing required key 'total'",
        ),
        (
            "{id: order, kind: before, then: hurt}",
            "constraints[0].first: missing required key 'first'",
        ),
    ],
)
def test_ks001_names_the_key_that_is_wrong(tmp_path: Path, constraint: str, expected: str) -> None:
    (tmp_path / "a.md").write_text("# Fort\n\nAbout 4,000 men took part and 1,200 were wounded.\n")
    (tmp_path / "a.klint.yaml").write_text(
        "version: 1\nfacts:\n"
        "  - {id: men, value: 4000, quote: 'About 4,000 men took part'}\n"
        "  - {id: hurt, value: 1200, quote: '1,200 were wounded'}\n"
        f"constraints:\n  - {constraint}\n"
    )
    proc = run_klint("check", "a.md", "--no-cache", cwd=tmp_path)
    assert re.search(rf"^a\.klint\.yaml:6:\d+: KS001 {re.escape(expected)}$", proc.stdout, re.M), (
        proc.stdout
    )
    # the claims file counts as a file read: never "in 2 of 1 file"
    assert proc.stdout.strip().splitlines()[-1].endswith("in 1 of 2 files.")
