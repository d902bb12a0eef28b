"""The command line as a user runs it: exit codes, bad input, selection, stdin."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEED, run_klint

DUP = "A memorial fountain near Vaik, Armenia, in the spring.\n" * 2
CLEAN = "Sample\n\nThe town was founded in 1850 and grew slowly.\n"


def test_seed_has_findings_with_real_positions():
    proc = run_klint("check", str(SEED), "--output-format", "concise")
    assert proc.returncode == 1
    assert f"{SEED}:40:1: KX306 caption repeats line 39 verbatim" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_clean_file_exits_zero(tmp_path: Path):
    (tmp_path / "a.txt").write_text(CLEAN)
    proc = run_klint("check", str(tmp_path), "--output-format", "concise")
    assert proc.returncode == 0, proc.stdout
    assert "All checks passed (1 file)" in proc.stdout


def test_exit_zero_and_quiet(tmp_path: Path):
    (tmp_path / "a.txt").write_text(DUP)
    proc = run_klint(
        "check", str(tmp_path / "a.txt"), "--exit-zero", "-q", "--output-format", "concise"
    )
    assert proc.returncode == 0
    assert proc.stdout.count("KX306") == 1 and "Found" not in proc.stdout


def test_bad_files_get_one_line_each_and_the_others_are_checked(tmp_path: Path):
    (tmp_path / "bad-utf8.txt").write_bytes(b"Fine line\n\xff\xfe broken \x80\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (tmp_path / "good.txt").write_text(DUP)
    proc = run_klint("check", str(tmp_path), "--output-format", "concise")
    assert proc.returncode == 2
    out = proc.stdout
    assert "Traceback" not in out + proc.stderr
    assert f"{tmp_path / 'bad-utf8.txt'}:1:1: KI002 not valid UTF-8 at line 2" in out
    assert f"{tmp_path / 'binary.txt'}:1:1: KI002 binary file" in out
    assert "empty.txt" not in out
    assert f"{tmp_path / 'good.txt'}:2:1: KX306" in out


def test_missing_path_is_an_error_but_other_paths_run(tmp_path: Path):
    (tmp_path / "a.txt").write_text(DUP)
    proc = run_klint(
        "check", str(tmp_path / "nope.txt"), str(tmp_path / "a.txt"), "--output-format", "concise"
    )
    assert proc.returncode == 2
    assert "nope.txt: no such file or directory" in proc.stderr
    assert "KX306" in proc.stdout


def test_a_directory_with_a_thousand_files(tmp_path: Path):
    for i in range(1000):
        (tmp_path / f"f{i:04}.txt").write_text(CLEAN if i % 100 else DUP)
    proc = run_klint("check", str(tmp_path), "--output-format", "json", "--jobs", "2")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert sorted({Path(d["path"]).name for d in data}) == [
        f"f{i:04}.txt" for i in range(0, 1000, 100)
    ]


def test_unknown_config_key_names_file_line_and_suggestion(tmp_path: Path):
    (tmp_path / ".klint.yaml").write_text("select: [KX]\nignroe: [KX306]\n")
    (tmp_path / "a.txt").write_text(DUP)
    proc = run_klint("check", str(tmp_path / "a.txt"))
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"klint: error: {tmp_path / '.klint.yaml'}:2: unknown key 'ignroe'; did you mean 'ignore'?"
    )


def test_unknown_rule_code_in_pyproject(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.klint]\nignore = ["KI0011"]\n'
    )
    (tmp_path / "a.txt").write_text(DUP)
    proc = run_klint("check", str(tmp_path / "a.txt"))
    assert proc.returncode == 2
    assert (
        f"{tmp_path / 'pyproject.toml'}:5: ignore: unknown rule code 'KI0011'; did you mean 'KI001'?"
        in proc.stderr
    )


def test_unknown_code_on_the_command_line():
    proc = run_klint("check", str(SEED), "--select", "KX999")
    assert proc.returncode == 2
    assert "unknown rule code 'KX999'" in proc.stderr


def test_config_ignore_and_severity_apply(tmp_path: Path):
    (tmp_path / "a.txt").write_text(DUP)
    (tmp_path / ".klint.yaml").write_text("severity:\n  KX306: error\n")
    proc = run_klint("check", str(tmp_path / "a.txt"), "--output-format", "json")
    assert json.loads(proc.stdout)[0]["severity"] == "error"
    (tmp_path / ".klint.yaml").write_text("per-file-ignores:\n  'a.txt': [KX306]\n")
    proc = run_klint("check", str(tmp_path / "a.txt"))
    assert proc.returncode == 0, proc.stdout


def test_cli_ignore_overrides(tmp_path: Path):
    (tmp_path / "a.txt").write_text(DUP)
    assert run_klint("check", str(tmp_path / "a.txt"), "--ignore", "KX").returncode == 0
    assert run_klint("check", str(tmp_path / "a.txt"), "--select", "KD").returncode == 0
    assert run_klint("check", str(tmp_path / "a.txt"), "--select", "KX306").returncode == 1


def test_stdin_with_filename():
    proc = run_klint(
        "check", "-", "--stdin-filename", "notes/x.txt", "--output-format", "concise", stdin=DUP
    )
    assert proc.returncode == 1
    assert proc.stdout.startswith("notes/x.txt:2:1: KX306")


def test_output_file_and_statistics(tmp_path: Path):
    target = tmp_path / "out.txt"
    proc = run_klint(
        "check", str(SEED), "--statistics", "--output-format", "concise", "-o", str(target)
    )
    assert proc.returncode == 1 and proc.stdout == ""
    text = target.read_text()
    assert "12\tKX306\tduplicate-text" in text


def test_no_colour_when_piped_or_no_color(tmp_path: Path):
    proc = run_klint("check", str(SEED), "--output-format", "full")
    assert "\x1b[" not in proc.stdout


def test_rules_and_explain():
    proc = run_klint("rules", "--output-format", "json")
    rows = json.loads(proc.stdout)
    assert {"KX306", "KI001"} <= {r["code"] for r in rows}
    proc = run_klint("explain", "kx306")
    assert (
        proc.returncode == 0
        and "## What it does" in proc.stdout
        and "## Use instead" in proc.stdout
    )
    proc = run_klint("explain", "KI0011")
    assert proc.returncode == 2 and "did you mean 'KI001'" in proc.stderr


def test_every_rule_documents_itself():
    from klint.rules import all_rules

    for rule in all_rules():
        doc = rule.doc()
        for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
            assert section in doc, f"{rule.code} lacks {section}"
        assert rule.summary, rule.code


def test_init_never_overwrites_without_force(tmp_path: Path):
    assert run_klint("init", cwd=tmp_path).returncode == 0
    assert (tmp_path / ".klint.yaml").read_text().startswith("# klint configuration")
    (tmp_path / ".klint.yaml").write_text("mine\n")
    proc = run_klint("init", cwd=tmp_path)
    assert proc.returncode == 2 and (tmp_path / ".klint.yaml").read_text() == "mine\n"


def test_python_dash_m_and_version():
    assert run_klint("--version").stdout.startswith("klint ")


def test_broken_front_matter_is_reported_and_the_article_still_checked(tmp_path: Path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: [broken\n---\n\n# T\n\n" + DUP.replace("\n", "\n\n")
    )
    proc = run_klint("check", str(tmp_path / "a.md"), "--output-format", "concise", "--no-cache")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"{tmp_path / 'a.md'}:1:1: KI002 front matter is not valid YAML at line 3" in proc.stdout
    assert "KX306" in proc.stdout


def test_broken_toml_front_matter_is_reported_and_the_article_still_checked(tmp_path: Path):
    (tmp_path / "a.md").write_text(
        '+++\ntitle = "ok"\nborn = "2 May\n+++\n\n# T\n\n' + DUP.replace("\n", "\n\n")
    )
    proc = run_klint("check", str(tmp_path / "a.md"), "--output-format", "concise", "--no-cache")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"{tmp_path / 'a.md'}:1:1: KI002 front matter is not valid TOML at line 3" in proc.stdout
    assert "KX306" in proc.stdout


def test_unknown_article_type_is_a_config_error(tmp_path: Path):
    (tmp_path / ".klint.yaml").write_text("article-type: military-conflikt\n")
    (tmp_path / "a.txt").write_text(CLEAN)
    proc = run_klint("check", str(tmp_path / "a.txt"))
    assert proc.returncode == 2
    assert "unknown type 'military-conflikt'; did you mean 'military-conflict'?" in proc.stderr


def test_markup_left_open_everywhere_is_read_as_plain_text(tmp_path: Path):
    (tmp_path / "a.wiki").write_text("Began in 1990. " + "{{a|" * 1000)
    proc = run_klint("check", str(tmp_path / "a.wiki"), "--output-format", "concise", "--no-cache")
    assert proc.returncode == 1
    assert (
        f"{tmp_path / 'a.wiki'}:1:1: KI002 1,000 unclosed '{{{{'; read as plain text" in proc.stdout
    )


def test_findings_are_written_as_files_finish_in_the_report_order():
    import io

    from klint.cli import _InOrder
    from klint.diagnostics import Diagnostic, Severity
    from klint.engine import FileResult

    def d(path: str, line: int) -> Diagnostic:
        return Diagnostic(
            "KN201", "value-conflict", Severity.ERROR, "m", 0, 1, path=path, line=line
        )

    # a claims file's finding sorts before its article's; a later file sorts after both
    results = [
        FileResult("a/x.txt", [d("a/x.txt", 9), d("a/x.klint.yaml", 2), d("a/x.txt", 1)]),
        FileResult("a/y.txt", [d("a/y.klint.yaml", 1), d("a/y.txt", 3)]),
        FileResult("b.txt", [d("b.txt", 1)]),
    ]
    written: list[tuple[str, int]] = []
    order = _InOrder(
        [r.path for r in results],
        lambda f, out, info: written.append((f.path, f.line)),
        io.StringIO(),
        False,
    )
    assert order.add(results[0], pending_from=1)
    order.flush()  # a/x is done and nothing left can sort before it: written now
    assert written == [("a/x.klint.yaml", 2), ("a/x.txt", 1), ("a/x.txt", 9)]
    for k, r in enumerate(results[1:], start=2):
        order.add(r, pending_from=k)
        order.flush()
    order.finish()
    every = sorted((f for r in results for f in r.diagnostics), key=Diagnostic.sort_key)
    assert written == [(f.path, f.line) for f in every]


def test_a_finding_waits_for_a_file_that_could_sort_before_it():
    import io

    from klint.cli import _InOrder
    from klint.diagnostics import Diagnostic, Severity
    from klint.engine import FileResult

    late = Diagnostic("KN201", "value-conflict", Severity.ERROR, "m", 0, 1, path="b/z.txt")
    early = Diagnostic("KN201", "value-conflict", Severity.ERROR, "m", 0, 1, path="a.klint.yaml")
    written: list[str] = []
    order = _InOrder(
        ["b/z.txt", "a.txt"], lambda f, o, i: written.append(f.path), io.StringIO(), False
    )
    assert not order.add(FileResult("b/z.txt", [late]), pending_from=1)  # a.txt may sort first
    order.add(FileResult("a.txt", [early]), pending_from=2)
    order.flush()
    assert written == ["a.klint.yaml", "b/z.txt"]
