"""Rule fixtures: ``tests/fixtures/<CODE>/`` holds texts with their expected findings inline.

One format for every family (see ``tests/fixtures/README.md``):

- a case is an article (``.txt``, ``.md``, ``.wiki``, ``.html``), checked with only the
  folder's rule enabled (so opt-in rules are tested the same way), with its claims file
  ``<case>.klint.yaml`` beside it when the rule needs one; a cross-article (KC) case is a
  small wiki dump (``.xml``, each page's wikitext in a CDATA section, markers inside it);
- the line where a finding is reported says so: ``<!-- expect: CODE -->`` in the article,
  ``# expect: CODE`` in the claims file; any other finding of the folder's code fails;
- ``near-miss*`` cases expect nothing; every folder has a triggering case and a near-miss;
- ``<case>.<ext>.snap`` beside each case holds ``klint check --output-format full`` of it
  (message, caret, related places). ``pytest --update-snapshots`` rewrites them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from klint.cli import main
from klint.config import Config
from klint.engine import lint_text
from klint.rules import all_rules
from klint.rules.redirects import split_into

FIXTURES = Path(__file__).parent / "fixtures"
EXPECT = re.compile(r"(?:<!--|#)\s*expect:\s*([A-Z0-9, ]+?)\s*(?:-->|$)")
CLAIMS = ".klint.yaml"
SNAP = ".snap"


def _cases() -> list[Path]:
    return sorted(
        p
        for p in FIXTURES.glob("*/*")
        if p.is_file() and not p.name.endswith((CLAIMS, SNAP, "README.md"))
    )


def _claims_file(case: Path) -> Path:
    return case.with_name(case.stem + CLAIMS)


def _expected(path: Path, code: str) -> set[tuple[str, int]]:
    """(file name, line) of every ``expect: CODE`` marker of ``code`` in ``path``."""
    out = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        m = EXPECT.search(line)
        if m:
            out |= {(path.name, n) for c in m.group(1).split(",") if c.strip() == code}
    return out


def _dump_findings(path: Path, code: str) -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    """A cross-article case is a wiki dump: (page, line) of the markers in its pages' wikitext,
    and of the findings."""
    from klint.corpus.run import Engine, lint_corpus
    from klint.sources.dump import iter_pages, page_path

    expected = set()
    for page in iter_pages(str(path)):
        for n, line in enumerate(page.text.splitlines(), start=1):
            m = EXPECT.search(line)
            if m and code in [c.strip() for c in m.group(1).split(",")]:
                expected.add((page_path(path.name, page.title), n))
    results = lint_corpus([], [(str(path), Config(select=(code,)))], Engine())
    found = {(Path(d.path).name, d.line) for r in results for d in r.diagnostics if d.code == code}
    return expected, found


@pytest.mark.parametrize("path", _cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(path: Path) -> None:
    code = path.parent.name
    if path.suffix == ".xml":
        expected, found = _dump_findings(path, code)
        assert expected if not path.name.startswith("near-miss") else not expected
        assert found == expected
        return
    expected = _expected(path, code)
    if _claims_file(path).is_file():
        expected |= _expected(_claims_file(path), code)
    if path.name.startswith("near-miss"):
        assert not expected, "a near-miss expects no finding"
    else:
        assert expected, "a case that is not a near-miss marks the finding it expects"
    text = path.read_text(encoding="utf-8")
    # the codes split from ``code`` are its own now: naming it would select them too
    config = Config(select=(code,), ignore=tuple(split_into(code)))
    diags = lint_text(text, path=str(path), config=config)
    found = {(Path(d.path).name, d.line) for d in diags if d.code == code}
    assert found == expected, "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in diags)


@pytest.mark.parametrize("path", _cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_snapshot(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, request
) -> None:
    """The full output on the case is the one stored beside it."""
    monkeypatch.chdir(FIXTURES)  # paths in the output are relative to tests/fixtures
    case = path.relative_to(FIXTURES).as_posix()
    argv = ["check", case, "--select", path.parent.name, "--output-format", "full"]
    argv += [arg for code in split_into(path.parent.name) for arg in ("--ignore", code)]
    assert main([*argv, "--no-cache", "--exit-zero"]) == 0
    out = capsys.readouterr().out
    snap = path.with_name(path.name + SNAP)
    if request.config.getoption("--update-snapshots"):
        if not snap.is_file() or snap.read_text(encoding="utf-8") != out:
            snap.write_text(out, encoding="utf-8")
        return
    assert snap.is_file(), (
        f"no snapshot {snap.relative_to(FIXTURES.parents[1])}: create it with "
        "`pytest tests/test_fixtures.py --update-snapshots` and review it"
    )
    assert out == snap.read_text(encoding="utf-8"), (
        f"the output differs from {snap.name}; if the change is right, rewrite it with "
        "`pytest tests/test_fixtures.py --update-snapshots` and review the diff"
    )


def test_every_snapshot_and_claims_file_has_its_case() -> None:
    cases = set(_cases())
    for p in FIXTURES.glob("*/*"):
        if p.name.endswith(SNAP):
            assert p.with_name(p.name.removesuffix(SNAP)) in cases, f"stale snapshot {p}"
        elif p.name.endswith(CLAIMS):
            stem = p.name.removesuffix(CLAIMS)
            assert any(c.parent == p.parent and c.stem == stem for c in cases), f"orphan {p}"


@pytest.mark.parametrize(
    "code", [r.code for r in all_rules() if not r.code.startswith("KI")], ids=str
)
def test_every_rule_has_a_triggering_case_and_a_near_miss(code: str) -> None:
    cases = [p for p in _cases() if p.parent.name == code]
    near = [p for p in cases if p.name.startswith("near-miss")]
    assert near, f"tests/fixtures/{code}/ has no near-miss case"
    assert len(near) < len(cases), f"tests/fixtures/{code}/ has no case that triggers it"
