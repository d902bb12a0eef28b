"""Typos are never accepted in silence: rule options are typed and checked when the
configuration loads, and suppressions must name real codes."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from conftest import SEED, run_klint

from klint.options import NoOptions, options_of
from klint.rules import all_rules

ARTICLE = "# Fort\n\nThe garrison held out for many weeks.\n"


def config_error(tmp_path: Path, config: str, name: str = ".klint.yaml") -> str:
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / name).write_text(config)
    proc = run_klint("check", "a.md", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stdout == "" and "Traceback" not in proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    return line.removeprefix("klint: error: " + str(tmp_path / name))


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            "rules:\n  KD104:\n    threshhold-days: 5\n",
            ":3: rules.KD104: unknown option 'threshhold-days'; did you mean 'threshold-days'?",
        ),
        (
            "rules:\n  KD104:\n    threshold-days: a month\n",
            ":3: rules.KD104.threshold-days: expected a number, got 'a month'",
        ),
        (
            "rules:\n  KD104:\n    threshold-days: -1\n",
            ":3: rules.KD104.threshold-days: must be at least 0, got -1",
        ),
        (
            "ignore: []\nrules:\n  KX307:\n    fields: location\n    reverse: 'yes'\n",
            ":5: rules.KX307.reverse: expected true or false, got 'yes'",
        ),
        (
            "rules:\n  KX306:\n    min-words: 5\n",
            ":3: rules.KX306: KX306 has no options (unknown option 'min-words')",
        ),
        (
            "rules:\n  KX:\n    reverse: true\n",
            ":2: rules: options belong to one rule, not 'KX'",
        ),
        (
            "ignore: [kx305]\n",
            ":1: ignore: unknown rule code 'kx305'; did you mean 'KX305'?",
        ),
    ],
)
def test_bad_options_are_one_line_with_file_line_and_suggestion(
    tmp_path: Path, config: str, expected: str
) -> None:
    assert config_error(tmp_path, config) == expected


def test_options_in_pyproject_are_located_too(tmp_path: Path) -> None:
    toml = "[project]\nname = 'site'\n\n[tool.klint]\nignore = []\n\n[tool.klint.rules.KD104]\nthreshhold-days = 5\n"
    assert config_error(tmp_path, toml, "pyproject.toml") == (
        ":8: rules.KD104: unknown option 'threshhold-days'; did you mean 'threshold-days'?"
    )


def test_a_valid_option_takes_effect(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "war.txt")
    default = run_klint("check", "war.txt", "--no-cache", "--select", "KD104", cwd=tmp_path)
    assert default.returncode == 1 and "KD104" in default.stdout
    (tmp_path / ".klint.yaml").write_text("rules:\n  KD104:\n    threshold-days: 100000\n")
    loose = run_klint("check", "war.txt", "--no-cache", "--select", "KD104", cwd=tmp_path)
    assert loose.returncode == 0, loose.stdout + loose.stderr


def test_suppressions_naming_no_rule_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "# Fort\n\n<!-- klint: disable-next-line=kx308 -->\nSee below for the details.\n"
    )
    (tmp_path / "b.md").write_text("# Fort\n\n<!-- klint: disable=KN2O1 -->\nText.\n")
    (tmp_path / "c.md").write_text(ARTICLE)
    proc = run_klint("check", "a.md", "b.md", "c.md", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stdout.splitlines()
    assert (
        "a.md:3:1: KI005 suppression names 'kx308', which is not a rule code; did you mean 'KX308'?"
        in lines
    )
    assert "a.md:4:1: KX308" in proc.stdout  # suppressed nothing
    assert (
        "b.md:3:1: KI005 suppression names 'KN2O1', which is not a rule code; did you mean 'KN201'?"
        in lines
    )
    assert "in 2 of 3 files" in lines[-1]  # the other files were checked


def test_every_option_is_documented_and_shown_by_explain() -> None:
    with_options = [r for r in all_rules() if r.Options is not NoOptions]
    assert {r.code for r in with_options} == {"KD104", "KX307"}
    for rule in all_rules():
        assert dataclasses.is_dataclass(rule.Options)
        for option in options_of(rule.Options):
            assert option.doc, (rule.code, option.name)
    page = run_klint("explain", "KX307").stdout
    assert '## Options\n- `fields` (a list of strings; default: ["commander"]):' in page
    assert "- `reverse` (true or false; default: false):" in page
    assert "## Options" not in run_klint("explain", "KX306").stdout
