"""Nothing in content or configuration runs.

A scan of ``src/`` for the ways text could become code (eval, exec, pickle,
marshal, unsafe YAML, shell commands, dynamic imports from data), and the HTML
report's escaping of article text once the report exists.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "klint"

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill"}
#: import_module is allowed only with names from a fixed table in the package itself
DYNAMIC_IMPORT_OK = {"sources/__init__.py", "report/__init__.py"}


def _python_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_code_execution_primitives(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = (
                f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            )
            if name in FORBIDDEN_CALLS and not (isinstance(f, ast.Attribute) and name == "compile"):
                problems.append(f"{name}() at line {node.lineno}")
            if (
                name in ("load", "load_all", "unsafe_load", "full_load")
                and isinstance(f, ast.Attribute)
                and isinstance(f.value, ast.Name)
                and f.value.id == "yaml"
            ):
                problems.append(f"yaml.{name}() at line {node.lineno} (use yaml.safe_load)")
            if name == "import_module" and str(path.relative_to(SRC)) not in DYNAMIC_IMPORT_OK:
                problems.append(f"import_module() at line {node.lineno}")
            for kw in node.keywords:
                if kw.arg == "shell" and isinstance(kw.value, ast.Constant) and kw.value.value:
                    problems.append(f"shell=True at line {node.lineno}")
                if kw.arg == "Loader" and not (
                    isinstance(kw.value, ast.Attribute) and "Safe" in kw.value.attr
                ):
                    problems.append(f"a non-safe YAML Loader at line {node.lineno}")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            bad = [n for n in names if n.split(".")[0] in FORBIDDEN_MODULES]
            if bad:
                problems.append(f"import of {bad} at line {node.lineno}")
    assert not problems, f"{path.relative_to(SRC)}: {problems}"


def test_the_scan_would_catch_eval(tmp_path: Path) -> None:
    """The scan itself works: a file with eval and pickle is flagged."""
    bad = SRC / "__probe_not_a_module__.py"
    assert not bad.exists()
    tree = ast.parse("import pickle\nx = eval('1')\n")
    calls = [
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    ]
    assert "eval" in calls and any(
        isinstance(n, ast.Import) and n.names[0].name == "pickle" for n in ast.walk(tree)
    )


def test_packs_and_config_are_parsed_with_safe_yaml() -> None:
    for rel in ("packs.py", "config.py"):
        text = (SRC / rel).read_text(encoding="utf-8")
        assert (
            "yaml.load(" not in text and "yaml.unsafe_load" not in text and "FullLoader" not in text
        )


def test_reader_table_names_only_klint_modules() -> None:
    from klint.sources import READERS

    assert all(module.startswith("klint.sources.") for module, _ in READERS.values())


def test_reporter_table_names_only_klint_modules() -> None:
    from klint.report import FORMATS

    assert all(target.startswith("klint.report.") for target in FORMATS.values())


HOSTILE = [
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "</textarea><svg/onload=alert(1)>",
]


def _hostile_article() -> str:
    s, j, q = HOSTILE[0], HOSTILE[1], HOSTILE[2]
    return (
        f"Battle of {s}\n\nBattle of {s}\nDate 12 May 1990 {q}\nLocation [link]({j}) {q}\n\n"
        f"The battle of {s} began on 12 May 1990 and ended on 3 June 1988. {q}\n\n"
        f"About 12,000 soldiers {q} took part; 3,000 were killed and 9,500 wounded, a total of 11,000 casualties.\n\n"
        f"{HOSTILE[3]} The {HOSTILE[4]} Organization (TOO) met in 1995 {j}.\n\n"
        f"A caption {s}.\nA caption {s}.\n"
    )


def test_html_report_escapes_article_text(tmp_path: Path) -> None:
    if importlib.util.find_spec("klint.report.html") is None:
        pytest.skip("the HTML report has not landed yet")
    import subprocess
    import sys

    article = tmp_path / "a<script>.txt"
    article.write_text(_hostile_article())
    out = tmp_path / "report.html"
    proc = subprocess.run(
        [sys.executable, "-m", "klint", "report", str(article), "-o", str(out), "--select", "ALL"],
        check=False,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr.decode()[-2000:]
    html = out.read_text(encoding="utf-8")
    for raw in ("<script>alert", "<img src=x", "<svg/onload", "onerror=alert(1)>"):
        assert raw not in html, raw
    assert 'href="javascript:' not in html.lower() and "href='javascript:" not in html.lower()
    import html as html_mod

    assert any(
        html_mod.escape(h) in html for h in HOSTILE
    )  # hostile text did reach the report, escaped


def test_a_rule_pack_in_the_content_repository_cannot_run_code(tmp_path: Path) -> None:
    """Packs are YAML data: a Python tag in a pack the config names is an error, and nothing runs."""
    import subprocess
    import sys

    marker = tmp_path / "ran"
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "evil.yaml").write_text(
        f"common_acronyms: !!python/object/apply:os.system ['touch {marker}']\n"
    )
    (tmp_path / ".klint.yaml").write_text("rule-packs: [packs]\n")
    (tmp_path / "a.txt").write_text("The war began in 1990.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "klint", "check", "a.txt", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "evil.yaml" in proc.stderr
    assert not marker.exists()
