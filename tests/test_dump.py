"""Reading a MediaWiki XML dump: pages streamed through the wikitext reader, each checked as
the file ``DUMP#Title`` would be; a broken dump is one clear error, the other inputs still checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _dumps import write_dump

from klint.cli import main
from klint.config import Config
from klint.corpus.run import Engine, lint_corpus
from klint.engine import lint_files
from klint.sources.dump import DumpError, iter_pages

CORPUS = Path(__file__).resolve().parents[1] / "eval" / "corpus" / "wikitext"

GENERAL = """{{Infobox person
| name = Ada Stone
| birth_date = 3 March 1901
}}
'''Ada Stone''' (born 3 March 1901) was a surveyor.

Stone was born on 3 May 1901 in Leeds.
"""


def test_pages_of_the_main_namespace_are_read_redirects_and_talk_skipped(tmp_path: Path) -> None:
    from _dumps import page_xml

    extra = page_xml(7, "Talk:Ada Stone", "Talk text.", ns=1) + page_xml(
        8, "Stone", "#REDIRECT [[Ada Stone]]", redirect="Ada Stone"
    )
    dump = write_dump(tmp_path / "wiki.xml", [("Ada Stone", GENERAL)], extra)
    assert [(p.title, p.text) for p in iter_pages(str(dump))] == [("Ada Stone", GENERAL)]


@pytest.mark.parametrize(
    "text", ["#REDIRECT [[Ada Stone]]", "  #redirect[[Ada Stone]]\n{{R from surname}}"]
)
def test_a_redirect_without_its_element_is_skipped_by_its_text(text: str, tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "wiki.xml", [("Ada Stone", GENERAL), ("Stone", text)])
    assert [p.title for p in iter_pages(str(dump))] == ["Ada Stone"]


def test_a_page_that_only_mentions_a_redirect_is_read(tmp_path: Path) -> None:
    text = "'''Redirects''' are written as #REDIRECT [[Target]] on a page of their own."
    dump = write_dump(tmp_path / "wiki.xml", [("Redirects", text)])
    assert [p.title for p in iter_pages(str(dump))] == ["Redirects"]


@pytest.mark.parametrize("name", ["wiki.xml", "wiki.xml.bz2", "wiki.xml.gz"])
def test_a_finding_names_the_page_and_its_line_in_every_compression(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = write_dump(
        tmp_path / name, [("Ada Stone", GENERAL), ("Leeds", "'''Leeds''' is a city.")]
    )
    code = main(["check", str(dump), "--select", "KD110", "--no-cache", "--output-format", "json"])
    found = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(d["path"], d["line"], d["related"][0]["line"]) for d in found] == [
        (f"{dump}#Ada Stone", 7, 3)
    ]


def test_select_baseline_and_concise_work_on_a_dump(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = write_dump(tmp_path / "wiki.xml", [("Ada Stone", GENERAL)])
    args = ["check", str(dump), "--select", "KD110", "--no-cache"]
    assert main([*args, "--output-format", "concise"]) == 1
    assert f"{dump}#Ada Stone:7:" in capsys.readouterr().out
    assert main([*args, "--select", "KN201"]) == 0
    baseline = tmp_path / "baseline.json"
    assert main([*args, "--write-baseline", str(baseline)]) == 0
    assert main([*args, "--baseline", str(baseline)]) == 0


def test_a_broken_dump_is_one_error_with_its_line_and_the_others_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_dump(tmp_path / "good.xml", [("Ada Stone", GENERAL)])
    text = write_dump(tmp_path / "broken.xml", [("Ada Stone", GENERAL)]).read_text()
    broken = tmp_path / "broken.xml"
    broken.write_text(text.replace("</revision>", "</revisio>"))
    line = text[: text.index("</revision>")].count("\n") + 1
    with pytest.raises(DumpError, match=f"broken XML at line {line}, column 7"):
        list(iter_pages(str(broken)))
    code = main(["check", str(broken), str(good), "--select", "KD110", "--no-cache"])
    out = capsys.readouterr().out
    assert code == 2
    assert f"{broken}:{line}:1: KI002 broken XML at line {line}" in out
    assert f"{good}#Ada Stone:7:" in out
    assert "Traceback" not in out


def test_real_wikitext_packed_in_a_dump_gives_the_files_findings(tmp_path: Path) -> None:
    """The development corpus's wikitext, as files and as the pages of one dump."""
    files = sorted(CORPUS.glob("*.wiki"))[:30]
    if not files:
        pytest.skip("no development corpus")
    cfg = Config(select=("KD", "KN", "KX", "KS"))  # the opt-in rules too: more to compare
    as_files = {
        (Path(d.path).stem.replace("_", " "), d.line, d.column, d.code, d.message)
        for r in lint_files([(str(p), cfg) for p in files], jobs=1)
        for d in r.diagnostics
    }
    dump = write_dump(tmp_path / "corpus.xml", [(p.stem, p.read_text()) for p in files])
    as_pages = {
        (d.path.rsplit("#", 1)[1], d.line, d.column, d.code, d.message)
        for r in lint_corpus([], [(str(dump), cfg)], Engine("jobs", 2))
        for d in r.diagnostics
    }
    assert as_files, "the corpus gives findings to compare"
    assert as_pages == as_files


def test_pages_stream_before_the_end_of_the_dump_is_read(tmp_path: Path) -> None:
    """A dump cut off after two pages still gives them: nothing waits for the whole file."""
    dump = write_dump(
        tmp_path / "cut.xml", [("A", "'''A''' one."), ("B", "'''B''' two."), ("C", "x")]
    )
    text = dump.read_text()
    dump.write_text(text[: text.index("<title>C</title>")])
    pages = iter_pages(str(dump))
    assert [next(pages).title, next(pages).title] == ["A", "B"]
    with pytest.raises(DumpError, match="broken XML at line"):
        next(pages)


def test_the_report_shows_each_page_of_a_dump(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "wiki.xml", [("Ada Stone", GENERAL), ("Leeds", "'''Leeds'''.")])
    out = tmp_path / "report.html"
    assert main(["report", str(dump), "-o", str(out), "--select", "KD110"]) == 0
    html = out.read_text()
    assert f"{dump}#Ada Stone" in html and f"{dump}#Leeds" in html
    assert "3 May 1901" in html  # the finding, beside its text


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.xml", b"", "broken XML at line 1, column 1: no element found"),
        ("sitemap.xml", b"<urlset><url>x</url></urlset>\n", "not a MediaWiki XML dump"),
        ("fake.xml.bz2", b"hello\n", "cannot read the dump"),
        ("fake.xml.gz", b"hello\n", "cannot read the dump"),
    ],
)
def test_what_is_not_a_dump_is_one_line_and_exit_2(
    name: str, data: bytes, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / name).write_bytes(data)
    assert main(["check", str(tmp_path / name), "--no-cache"]) == 2
    out = capsys.readouterr().out
    assert f"{tmp_path / name}:1:1: KI002 {message}" in out and "Traceback" not in out


def test_the_summary_counts_stdin_a_missing_path_and_every_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    dump = write_dump(tmp_path / "wiki.xml", [("A", "'''A''' one."), ("B", "'''B''' two.")])
    monkeypatch.setattr("sys.stdin", io.StringIO("Plain text from 1990.\n"))
    assert main(["check", "-", str(dump), str(tmp_path / "gone.txt"), "--no-cache"]) == 2
    assert "No findings in 3 files; 1 path could not be checked." in capsys.readouterr().out
