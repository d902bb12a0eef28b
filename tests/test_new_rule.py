"""scripts/new_rule.py writes a rule that imports, registers and documents itself, in a copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from klint.rules import all_rules

#: the next free date code, which the new rule takes
NEW = f"KD{max(int(r.code[2:]) for r in all_rules() if r.code.startswith('KD')) + 1}"

SCRIPT = ROOT / "scripts" / "new_rule.py"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the package and an empty fixture folder, for the script to write into."""
    shutil.copytree(
        ROOT / "src" / "klint",
        tmp_path / "src" / "klint",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (tmp_path / "tests" / "fixtures").mkdir(parents=True)
    return tmp_path


def _new_rule(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--root", str(repo)],
        capture_output=True,
        text=True,
        check=False,
    )


def _python(repo: Path, code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(repo / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return proc.stdout


def test_new_rule_is_importable_registered_and_explained(repo: Path) -> None:
    proc = _new_rule(
        repo, NEW, "future-date", "--family", "dates", "a date after the article's date"
    )
    assert proc.returncode == 0, proc.stderr
    rule = repo / "src" / "klint" / "rules" / "dates" / f"{NEW.lower()}_future_date.py"
    fixtures = repo / "tests" / "fixtures" / NEW
    assert {p.name for p in fixtures.iterdir()} == {"future-date.txt", "near-miss.txt"}
    assert f"<!-- expect: {NEW} -->" in (fixtures / "future-date.txt").read_text()
    assert "expect:" not in (fixtures / "near-miss.txt").read_text()
    out = _python(
        repo,
        "import klint.rules.dates as d; from klint.rules import get_rule, all_rules\n"
        f"r = get_rule('{NEW}')\n"
        "print(r.__module__, r.__name__, r.name, r.severity.value, r.summary)\n"
        "print(' '.join(x.code for x in d.RULES))\n"
        "print(len(all_rules()))\n"
        "print(r.example('Example').text != '', r.example('Use instead').text != '')\n",
    ).splitlines()
    assert out[0] == (
        f"klint.rules.dates.{NEW.lower()}_future_date FutureDate future-date error "
        "a date after the article's date"
    )
    codes = out[1].split()  # the family's RULES, in code order with the new rule last
    assert codes[-1] == NEW and codes == sorted(codes)
    assert int(out[2]) == len(all_rules()) + 1
    assert out[3] == "True True"
    assert str(rule.relative_to(repo)) in proc.stdout.splitlines()


def test_new_rule_keeps_the_registry_in_code_order_and_lint_clean(repo: Path) -> None:
    proc = _new_rule(repo, "KN200", "zero-count", "a count of zero things", "--severity", "warning")
    assert proc.returncode == 0, proc.stderr
    out = _python(
        repo, "import klint.rules.numbers as n; print(' '.join(r.code for r in n.RULES))"
    ).split()
    assert out[0] == "KN200" and out == sorted(out)
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff:
        written = [
            repo / "src/klint/rules/numbers/kn200_zero_count.py",
            repo / "src/klint/rules/numbers/__init__.py",
        ]
        check = subprocess.run(
            [ruff, "check", "--quiet", *map(str, written)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert check.returncode == 0, check.stdout
        fmt = subprocess.run(
            [ruff, "format", "--check", "--quiet", *map(str, written)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert fmt.returncode == 0, fmt.stdout


def test_schema_rules_get_a_claims_file_beside_each_fixture(repo: Path) -> None:
    assert _new_rule(repo, "KS007", "stale-claim", "a claim older than its source").returncode == 0
    names = {p.name for p in (repo / "tests" / "fixtures" / "KS007").iterdir()}
    assert names == {
        "stale-claim.txt",
        "stale-claim.klint.yaml",
        "near-miss.txt",
        "near-miss.klint.yaml",
    }
    out = _python(
        repo,
        "from klint.rules import get_rule\n"
        "r = get_rule('KS007')\n"
        "print(r.example('Example').claims == r.example('Use instead').claims == "
        "'version: 1\\nfacts: []\\n')",
    )
    assert out.strip() == "True"  # the docstring shows the claims file its examples need


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("KD101", "impossible-date-again", "x"), "already taken"),
        ((NEW, "impossible-date", "x"), "already taken"),
        ((NEW, "future-date", "x", "--family", "numbers"), "belongs to the dates family"),
        (("KQ110", "future-date", "x"), "a code is one of"),
        ((NEW, "Future_Date", "x"), "lower-case words"),
    ],
)
def test_new_rule_refuses_a_taken_or_malformed_rule(
    repo: Path, args: tuple[str, ...], reason: str
) -> None:
    proc = _new_rule(repo, *args)
    assert proc.returncode == 2 and reason in proc.stderr
    assert not (repo / "tests" / "fixtures" / NEW).exists()
