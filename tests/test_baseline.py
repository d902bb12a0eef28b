"""``--baseline`` / ``--write-baseline``: only new findings, matched by fingerprint and counted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from _git import git

from klint import baseline
from klint.cli import main

PARAS = [
    f"Paragraph {i} tells how the harbour village number {i} rebuilt its pier after the storm."
    for i in range(12)
]


def article(*paras: str) -> str:
    return "Sample article\n\n" + "\n\n".join(paras) + "\n"


def check(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    code = main(["check", "--select", "KX306", "--no-cache", "--output-format", "json", *args])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else []


def lines(found: list[dict]) -> list[int]:
    return [f["line"] for f in found]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_baseline_across_a_git_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(article(PARAS[0], PARAS[1], PARAS[1], PARAS[2]))
    assert (
        main(
            [
                "check",
                "--select",
                "KX306",
                "--no-cache",
                "--write-baseline",
                ".klint-baseline.json",
                "docs",
            ]
        )
        == 0
    )
    assert "recorded 1 finding in .klint-baseline.json" in capsys.readouterr().err
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "legacy corpus and its baseline")
    assert check("--baseline", ".klint-baseline.json", "docs", capsys=capsys) == (0, [])

    # Later commit: three paragraphs inserted above (the old finding moves down 6 lines) and a new duplicate.
    (docs / "a.txt").write_text(
        article(
            PARAS[5], PARAS[6], PARAS[7], PARAS[0], PARAS[1], PARAS[1], PARAS[2], PARAS[3], PARAS[3]
        )
    )
    git(tmp_path, "commit", "-q", "-am", "edit")
    code, found = check("--baseline", ".klint-baseline.json", "docs", capsys=capsys)
    assert code == 1
    assert lines(found) == [19]  # only the new one; the moved one is still recognised
    assert lines(check("docs", capsys=capsys)[1]) == [13, 19]

    # The baseline's paths are relative to the baseline file, so it works from another folder.
    monkeypatch.chdir(docs)
    assert lines(check("--baseline", "../.klint-baseline.json", ".", capsys=capsys)[1]) == [19]


def test_matching_counts_identical_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = tmp_path / "a.txt"
    base = tmp_path / "base.json"
    a.write_text(article(PARAS[0], PARAS[1], PARAS[1]))
    main(["check", "--select", "KX306", "--no-cache", "--write-baseline", str(base), str(a)])
    capsys.readouterr()
    # A third copy: two findings with the same fingerprint, one of them recorded.
    a.write_text(article(PARAS[0], PARAS[1], PARAS[1], PARAS[1]))
    _, everything = check(str(a), capsys=capsys)
    assert len(everything) == 2 and everything[0]["fingerprint"] == everything[1]["fingerprint"]
    assert len(check("--baseline", str(base), str(a), capsys=capsys)[1]) == 1


def test_baseline_file_is_stable_json_written_atomically(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = tmp_path / "a.txt"
    a.write_text(article(PARAS[0], PARAS[0], PARAS[4], PARAS[4]))
    target = tmp_path / "b.json"
    target.write_text("old content")
    main(["check", "--select", "KX306", "--no-cache", "--write-baseline", str(target), str(a)])
    first = target.read_text()
    main(["check", "--select", "KX306", "--no-cache", "--write-baseline", str(target), str(a)])
    assert target.read_text() == first  # same input, same bytes
    data = json.loads(first)
    assert data["klint-baseline"] == 1
    assert [(f["path"], f["code"]) for f in data["findings"]] == [("a.txt", "KX306")] * 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.txt",
        "b.json",
    ]  # no temporary file left
    capsys.readouterr()


def test_failed_write_keeps_the_old_baseline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "b.json"
    target.write_text('{"klint-baseline": 1, "findings": []}')

    def boom(*_: object, **__: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        baseline.write(target, [])
    assert json.loads(target.read_text())["findings"] == []
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json", "invalid JSON"),
        ('{"findings": []}', "not a klint baseline"),
        ('{"klint-baseline": 1, "findings": [{"path": 1}]}', "finding #1"),
    ],
)
def test_bad_baseline_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    (tmp_path / "a.txt").write_text(article(PARAS[0]))
    (tmp_path / "b.json").write_text(content)
    assert (
        main(
            ["check", "--no-cache", "--baseline", str(tmp_path / "b.json"), str(tmp_path / "a.txt")]
        )
        == 2
    )
    assert message in capsys.readouterr().err
    assert (
        main(
            [
                "check",
                "--no-cache",
                "--baseline",
                str(tmp_path / "none.json"),
                str(tmp_path / "a.txt"),
            ]
        )
        == 2
    )
    assert "cannot read baseline" in capsys.readouterr().err
