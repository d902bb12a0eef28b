"""The seed article in Markdown, wikitext and HTML gives the findings of its plain-text version.

Generic on purpose: whatever rules exist, each finding of the text version must
have a twin in the other format with the same code and the same quoted text
(the visible text of its span, whitespace collapsed), and every finding's
line:col must point at that text in its own file, read independently of the
engine's line index. CRLF copies must give the same lines and columns.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from klint.config import Config, discover
from klint.engine import FileResult, lint_file, lint_paths
from klint.sources import read_path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
STEM = "nagorno-karabakh-war"
OTHER = ("md", "wiki", "html")


def _lint(path: Path) -> tuple[FileResult, str, str]:
    doc = read_path(path)
    return lint_file(str(path), discover(str(SEEDS))), doc.text, doc.view


def _quote(view: str, start: int, end: int) -> str:
    return " ".join(view[start:end].split()).strip(" ,;")


def _keys(path: Path) -> Counter:
    """(code, quote) of each finding in the article; (code, file, line, col) of those elsewhere."""
    result, _, view = _lint(path)
    out: Counter = Counter()
    for d in result.diagnostics:
        if Path(d.path) == path:
            out[(d.code, _quote(view, d.start, d.end))] += 1
        else:  # e.g. the claims file: the same file and place for every format
            out[(d.code, Path(d.path).name, d.line, d.column)] += 1
    return out


@pytest.fixture(scope="module")
def text_findings() -> Counter:
    keys = _keys(SEEDS / f"{STEM}.txt")
    assert keys, "the text seed gives no findings: nothing to compare"
    return keys


@pytest.mark.parametrize("ext", OTHER)
def test_same_findings(ext: str, text_findings: Counter) -> None:
    other = _keys(SEEDS / f"{STEM}.{ext}")
    missing = text_findings - other
    extra = other - text_findings
    assert not missing, f"findings of the .txt seed missing from .{ext}: {sorted(missing)[:10]}"
    assert not extra, f"findings in .{ext} that the .txt seed does not give: {sorted(extra)[:10]}"


def _char_at(text: str, line: int, col: int) -> str:
    """The character at 1-based line and column, counting lines the way an editor does."""
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[line - 1][col - 1 : col]


@pytest.mark.parametrize("ext", ("txt",) + OTHER)
def test_positions_point_at_the_quoted_text(ext: str) -> None:
    path = SEEDS / f"{STEM}.{ext}"
    result, text, view = _lint(path)
    checked = 0
    for d in result.diagnostics:
        if Path(d.path) != path or d.end <= d.start:
            continue
        quote = _quote(view, d.start, d.end)
        first = view[d.start : d.end].lstrip()[:1]
        assert quote and first, f"{d.code} at {d.line}:{d.column} quotes nothing visible"
        # the character shown at line:col starts the quoted text (markup may only sit before it)
        at = _char_at(text, d.line, d.column)
        assert at == view[d.start] or at in "[{<*_'&", (d.code, d.line, d.column, at, quote[:40])
        checked += 1
    assert checked


@pytest.mark.parametrize("ext", ("txt",) + OTHER)
def test_crlf_copy_gives_the_same_lines_and_columns(ext: str, tmp_path: Path) -> None:
    src = SEEDS / f"{STEM}.{ext}"
    dst = tmp_path / src.name
    dst.write_bytes(src.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    sidecar = SEEDS / f"{STEM}.klint.yaml"
    if sidecar.exists():
        shutil.copy(sidecar, tmp_path / sidecar.name)

    def places(path: Path) -> list[tuple]:
        result = lint_file(str(path), discover(str(SEEDS)))
        return sorted(
            (d.code, d.line, d.column, d.end_line, d.end_column)
            for d in result.diagnostics
            if Path(d.path).suffix == src.suffix
        )

    lf = places(src)
    assert lf and places(dst) == lf


def test_mixed_folder_with_jobs(tmp_path: Path) -> None:
    """A folder of all four formats: each file read by its extension, the same with --jobs."""
    for src in SEEDS.glob(f"{STEM}.*"):
        shutil.copy(src, tmp_path / src.name)
    serial = lint_paths([str(tmp_path)], Config())
    parallel = lint_paths([str(tmp_path)], Config(), jobs=2)
    assert [(d.path, d.code, d.line, d.column) for d in parallel] == [
        (d.path, d.code, d.line, d.column) for d in serial
    ]
    by_file = Counter(Path(d.path).suffix for d in serial)
    assert {".txt", ".md", ".wiki", ".html"} <= set(by_file)
    assert len({by_file[ext] for ext in (".txt", ".md", ".wiki", ".html")}) == 1, by_file
    assert not any(d.code.startswith("KI") for d in serial), [
        d.message for d in serial if d.code.startswith("KI")
    ]
