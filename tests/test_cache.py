"""The content cache: hits for unchanged input, misses for any change, never trusts a bad entry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from klint.cache import Cache
from klint.cli import main
from klint.config import Config
from klint.engine import lint_files

PARAS = [
    f"Paragraph {i} tells how the mountain hamlet number {i} repaired its bridge in spring."
    for i in range(8)
]


def article(*paras: str) -> str:
    return "Sample article\n\n" + "\n\n".join(paras) + "\n"


def corpus(root: Path, n: int = 6) -> list[tuple[str, Config]]:
    cfg = Config()
    files = []
    for i in range(n):
        p = root / f"a{i}.txt"
        p.write_text(article(PARAS[i % 8], PARAS[(i + 1) % 8], PARAS[i % 8]))
        files.append((str(p), cfg))
    return files


def dump(results) -> list:
    return [(r.path, [d.to_dict() for d in r.diagnostics], r.lines) for r in results]


def entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "v1").rglob("*.json"))


def test_second_run_is_answered_from_the_cache(tmp_path: Path) -> None:
    files = corpus(tmp_path)
    cache = Cache(tmp_path / "cache")
    first = dump(lint_files(files, cache=cache))
    assert (cache.hits, len(entries(tmp_path / "cache"))) == (0, len(files))
    again = Cache(tmp_path / "cache")
    assert dump(lint_files(files, cache=again)) == first
    assert again.hits == len(files)
    assert any(d for _, d, _ in first)  # the corpus has findings, so the comparison means something
    for entry in entries(tmp_path / "cache"):
        json.loads(entry.read_text())  # JSON, never pickle


def test_any_change_is_a_miss(tmp_path: Path) -> None:
    files = corpus(tmp_path, 2)
    list(lint_files(files, cache=Cache(tmp_path / "c")))
    Path(files[0][0]).write_text(article(PARAS[5], PARAS[5]))
    cache = Cache(tmp_path / "c")
    results = list(lint_files(files, cache=cache))
    assert (cache.hits, cache.misses) == (1, 1)
    assert results[0].diagnostics[0].line == 5
    # Another configuration: every file is a miss.
    other = [(p, Config(ignore=("KX306",))) for p, _ in files]
    cache = Cache(tmp_path / "c")
    assert [r.diagnostics for r in lint_files(other, cache=cache)] == [[], []]
    assert cache.hits == 0
    # A claims file appearing beside an article changes its key.
    before = Cache(tmp_path / "c").key(files[1][0], files[1][1], None)
    Path(files[1][0]).with_name("a1.klint.yaml").write_text("subject: {}\n")
    assert Cache(tmp_path / "c").key(files[1][0], files[1][1], None) != before


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "{ not json",
        lambda text: "",
        lambda text: json.dumps(
            {**json.loads(text), "key": "0" * 64}
        ),  # an entry for another input
        lambda text: json.dumps({**json.loads(text), "klint": "0.0.0-other"}),
        lambda text: json.dumps({**json.loads(text), "diagnostics": [{"code": 1}]}),
        lambda text: json.dumps({**json.loads(text), "lines": {"x": 3}}),
    ],
)
def test_corrupt_or_foreign_entries_are_rebuilt(tmp_path: Path, damage) -> None:
    files = corpus(tmp_path, 1)
    expected = dump(lint_files(files, cache=Cache(tmp_path / "c")))
    (entry,) = entries(tmp_path / "c")
    entry.write_text(damage(entry.read_text()))
    cache = Cache(tmp_path / "c")
    assert dump(lint_files(files, cache=cache)) == expected
    assert (cache.hits, cache.misses) == (0, 1)
    assert json.loads(entry.read_text())["diagnostics"]  # rebuilt
    cache = Cache(tmp_path / "c")
    list(lint_files(files, cache=cache))
    assert cache.hits == 1


def test_cli_cache_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    corpus(tmp_path, 3)
    assert main(["check", "--no-cache", "."]) == 1
    plain = capsys.readouterr().out
    assert plain.count("KX306") == 3
    assert not (tmp_path / "xdg").exists()
    assert main(["check", "."]) == 1
    cached = tmp_path / "xdg" / "klint"  # the user's cache folder, not the folder linted
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a0.txt", "a1.txt", "a2.txt", "xdg"]
    assert (cached / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(entries(cached)) == 3
    assert main(["check", "."]) == 1  # from the cache
    assert main(["check", "--cache-dir", "elsewhere", "."]) == 1
    assert len(entries(tmp_path / "elsewhere")) == 3
    monkeypatch.setenv("KLINT_CACHE_DIR", str(tmp_path / "env"))
    assert main(["check", "."]) == 1
    assert len(entries(tmp_path / "env")) == 3
    assert capsys.readouterr().out == plain * 4


def test_klint_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KLINT_CACHE_DIR", str(tmp_path / "c"))
    corpus(tmp_path, 2)
    assert main(["check", "."]) == 1 and len(entries(tmp_path / "c")) == 2
    capsys.readouterr()
    assert main(["clean"]) == 0
    assert capsys.readouterr().out == f"removed {tmp_path / 'c'} (2 entries)\n"
    assert not (tmp_path / "c").exists()
    assert main(["clean"]) == 0 and "no cache to remove" in capsys.readouterr().out
    # a folder klint did not make is never removed
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "notes.txt").write_text("keep me\n")
    assert main(["clean", "--cache-dir", "precious"]) == 2
    assert "is not a klint cache" in capsys.readouterr().err
    assert (tmp_path / "precious" / "notes.txt").read_text() == "keep me\n"


def test_two_processes_sharing_a_cache(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    corpus(tmp_path / "docs", 40)
    cmd = [
        sys.executable,
        "-m",
        "klint",
        "check",
        "--jobs",
        "1",
        "--output-format",
        "concise",
        "--cache-dir",
        str(tmp_path / "shared"),
        "docs",
    ]
    env = {**os.environ, "CI": "1"}
    procs = [
        subprocess.Popen(
            cmd, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    plain = subprocess.run(
        [*cmd[:-3], "--no-cache", "docs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert [p.returncode for p in procs] == [1, 1, 1]
    assert all(out == plain.stdout for out, _ in outs)
    assert len(entries(tmp_path / "shared")) == 40
    assert not list((tmp_path / "shared").rglob("*.tmp"))


def test_rule_pack_contents_are_part_of_the_key(tmp_path: Path) -> None:
    from klint.cache import packs_stamp

    ((path, _),) = corpus(tmp_path, 1)
    pack = tmp_path / "mine.yaml"
    pack.write_text("common_acronyms: [NATO]\n")
    cfg = Config(rule_packs=(str(pack),))
    before = Cache(tmp_path / "c").key(path, cfg, None)
    assert before != Cache(tmp_path / "c").key(path, Config(), None)
    pack.write_text("common_acronyms: [NATO, OSCE]\n")
    packs_stamp.cache_clear()  # a klint process reads its packs once
    assert Cache(tmp_path / "c").key(path, cfg, None) != before


def test_cache_with_a_process_pool_keeps_input_order(tmp_path: Path) -> None:
    files = corpus(tmp_path, 10)
    serial = dump(lint_files(files))
    cache = Cache(tmp_path / "c")
    list(lint_files(files[::2], jobs=2, cache=cache))  # half of the files cached first
    cache = Cache(tmp_path / "c")
    assert dump(lint_files(files, jobs=2, cache=cache)) == serial
    assert (cache.hits, cache.misses) == (5, 5)


def test_claims_file_findings_come_back_from_the_cache_in_the_claims_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache entry serves every spelling of the article's path; a finding located in the
    claims file (or pointing into it) is put back beside the spelling the run used."""
    (tmp_path / "a.txt").write_text("The war began in 1990. It ended in 1994.\n")
    (tmp_path / "a.klint.yaml").write_text(
        "version: 1\nfacts:\n  - id: start\n    value: 1990\n    quot: The war began in 1990\n"
        "  - id: end\n    value: 1995\n    quote: It ended in 1994\n"
    )
    monkeypatch.chdir(tmp_path)
    for spelling in ("a.txt", "./a.txt", str(tmp_path / "a.txt")):
        files = [(spelling, Config())]
        fresh = dump(lint_files(files))
        cache = Cache(tmp_path / "cache")
        runs = [dump(lint_files(files, cache=cache)) for _ in range(2)]
        assert cache.hits >= 1
        assert runs == [fresh, fresh]
        paths = {d["path"] for _, ds, _ in fresh for d in ds}
        related = {r["path"] for _, ds, _ in fresh for d in ds for r in d["related"]}
        assert any(p.endswith("a.klint.yaml") for p in paths | related), fresh
