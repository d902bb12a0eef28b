"""``--jobs 2`` gives byte-identical output to ``--jobs 1`` on a corpus of 200 articles."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from klint import progress
from klint.cli import main

SEED = Path(__file__).resolve().parents[1] / "seeds" / "nagorno-karabakh-war.txt"
PEOPLE = [
    ("Armenian", "Azerbaijani"),
    ("Georgian", "Abkhaz"),
    ("Serbian", "Croatian"),
    ("Moldovan", "Transnistrian"),
]
PLACES = [
    ("Armenia", "Azerbaijan"),
    ("Georgia", "Abkhazia"),
    ("Serbia", "Croatia"),
    ("Moldova", "Transnistria"),
]
NUMBER = re.compile(r"\b(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d{2,3})(?![\d,])\b")


def make_corpus(root: Path, n: int = 200, window: int = 16) -> None:
    """``n`` articles cut from the seed: a head, a varying slice of the body, other numbers and names,
    and a repeated paragraph in every third one."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    head, body = lines[:12], lines[12:]
    for i in range(n):
        start = (i * 37) % max(1, len(body) - window)
        part = body[start : start + window]
        if i % 3 == 0:
            part += [
                "",
                next(
                    (x for x in part if len(x.split()) > 8),
                    "A repeated paragraph of several words.",
                ),
            ]
        text = "\n".join(head + part) + "\n"
        factor = 1 + (i % 9) / 4

        def scale(m: re.Match[str], factor: float = factor) -> str:
            value = int(m.group(1).replace(",", ""))
            return f"{round(value * factor):,}" if "," in m.group(1) else str(round(value * factor))

        text = NUMBER.sub(scale, text)
        (a, b), (pa, pb) = PEOPLE[i % 4], PLACES[i % 4]
        text = text.replace("Azerbaijani", "\0B").replace("Armenian", a).replace("\0B", b)
        text = text.replace("Azerbaijan", "\0P").replace("Armenia", pa).replace("\0P", pb)
        (root / f"article-{i:03d}.txt").write_text(text, encoding="utf-8")


@pytest.mark.skipif(not SEED.is_file(), reason="the seed article is missing")
def test_jobs_2_equals_jobs_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_corpus(corpus)
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.json"
        code = main(
            [
                "check",
                str(corpus),
                "--no-cache",
                "--jobs",
                jobs,
                "--output-format",
                "json",
                "-o",
                str(out),
            ]
        )
        outputs[jobs] = (code, out.read_bytes())
    assert outputs["1"] == outputs["2"]
    assert outputs["1"][1].count(b'"code": "KX306"') >= 200 // 3  # a real corpus, with findings
    assert capsys.readouterr().err == ""  # no progress bar when stderr is not a terminal


@pytest.mark.skipif(not SEED.is_file(), reason="the seed article is missing")
def test_first_file_is_linted_before_the_workers_start(tmp_path: Path) -> None:
    """The first file warms this process up (imports, patterns, packs) for the workers it
    forks: its result comes before any worker exists, the rest after it, in order."""
    import multiprocessing

    from klint.config import Config
    from klint.engine import lint_files

    make_corpus(tmp_path, n=6)
    files = [(str(p), Config()) for p in sorted(tmp_path.iterdir())]
    expected = [(r.path, r.diagnostics) for r in lint_files(files, jobs=1)]
    results = lint_files(files, jobs=2)
    first = next(results)
    assert not multiprocessing.active_children()
    rest = list(results)
    assert [(r.path, r.diagnostics) for r in [first, *rest]] == expected
    assert any(diagnostics for _, diagnostics in expected)  # articles with findings
    assert not multiprocessing.active_children()  # the pool is shut down at the end


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "EVERY", 0.0)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    tty = Terminal()
    with progress.Progress(4, tty) as bar:
        for _ in range(4):
            bar.advance()
    assert "] 1/4 files" in tty.getvalue() and "] 4/4 files" in tty.getvalue()
    assert tty.getvalue().endswith("\r\x1b[K")  # the bar is wiped at the end
    monkeypatch.setenv("CI", "true")
    for stream in (Terminal(), io.StringIO()):
        with progress.Progress(4, stream) as bar:
            for _ in range(4):
                bar.advance()
        assert stream.getvalue() == ""
