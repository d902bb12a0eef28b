"""Rule documentation: docs/rules/CODE.md generated from the docstrings and linked from
JSON and SARIF; ``--statistics`` prints only the table; ``--show-settings`` explains a path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEED, run_klint

import klint
from klint.rules import all_rules

DOCS = ROOT / "docs" / "rules"
DANGLING = "Fort\n\nSee below for the details of the siege.\n"


def test_rule_pages_are_up_to_date():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "rule_docs.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + "(run: python scripts/rule_docs.py)"
    assert {p.stem for p in DOCS.glob("K*.md")} == {r.code for r in all_rules()}


def test_rule_pages_are_what_explain_prints():
    page = (DOCS / "KN202.md").read_text()
    assert page == run_klint("explain", "KN202").stdout
    assert "## Example" in page and "## Use instead" in page


def test_json_and_sarif_link_every_finding_to_its_page(tmp_path: Path):
    findings = json.loads(
        run_klint("check", str(SEED), "--no-cache", "--output-format", "json").stdout
    )
    assert findings
    for f in findings:
        assert f["url"] == klint.rule_doc_url(f["code"])
        assert f["url"].endswith(f"/docs/rules/{f['code']}.md")
        assert (DOCS / f"{f['code']}.md").is_file()
    sarif = json.loads(
        run_klint("check", str(SEED), "--no-cache", "--output-format", "sarif").stdout
    )
    for rule in sarif["runs"][0]["tool"]["driver"]["rules"]:
        assert rule["helpUri"] == klint.rule_doc_url(rule["id"])


def test_statistics_prints_only_the_table(tmp_path: Path):
    proc = run_klint("check", str(SEED), "--no-cache", "--statistics")
    lines = proc.stdout.splitlines()
    assert proc.returncode == 1
    assert lines and all(line.count("\t") == 2 for line in lines), proc.stdout
    assert not any(str(SEED) in line for line in lines)
    as_json = json.loads(
        run_klint(
            "check", str(SEED), "--no-cache", "--statistics", "--output-format", "json"
        ).stdout
    )
    counts = {row["code"]: row["count"] for row in as_json}
    assert sum(counts.values()) == sum(int(line.split("\t")[0]) for line in lines)
    plain = run_klint("check", str(SEED), "--no-cache", "--output-format", "concise")
    assert sum(counts.values()) == int(plain.stdout.splitlines()[-1].split()[1])


def test_show_settings_names_the_configuration_and_the_rules(tmp_path: Path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.md").write_text(DANGLING)
    (tmp_path / "a.md").write_text(DANGLING)
    (tmp_path / ".klint.yaml").write_text(
        "ignore: [KX305]\nexclude: [drafts]\nfail-level: error\nextend-select: [KX302]\n"
    )
    proc = run_klint("check", "--show-settings", "a.md", "drafts/x.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    first, second = proc.stdout.split("\n\n")[:2]
    assert f"Configuration: {tmp_path / '.klint.yaml'}" in first
    assert "Linted: yes" in first and "fail-level = error" in first
    assert "  KX302 undefined-acronym (warning)" in first
    assert "KX305" not in first.split("Rules")[1]
    assert "Linted: no, excluded (exclude)" in second
    bare = run_klint("check", "--show-settings", "a.md", cwd=tmp_path / "drafts")
    assert "Configuration: none found" not in bare.stdout  # found by walking up
