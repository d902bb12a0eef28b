"""The README stays true: its set-up commands and its rule table."""

from __future__ import annotations

import re

from conftest import ROOT, run_klint

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_setup_commands():
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert len(block) == 2
    assert block[0].endswith("klint check seeds/")
    assert block[1].endswith("pytest")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    test_command = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()[1]
    assert test_command in ci


def test_rule_table_matches_the_registry():
    table = run_klint("rules", "--output-format", "markdown").stdout
    assert table in README, (
        "regenerate the README's rule table with `klint rules --output-format markdown`"
    )
