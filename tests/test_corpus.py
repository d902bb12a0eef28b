"""Facts across articles: a wiki whose articles link to each other, checked with --jobs and on
a real Dask cluster (two local workers), with the same output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _dumps import write_dump

from klint.cli import main

FULFORD = """{{Infobox military conflict
| conflict = Battle of Fulford
| date = 20 September 1066
| place = Gate Fulford, near York
}}
The '''Battle of Fulford''' was fought near York in 1066 by [[Harald Hardrada]] and [[Tostig Godwinson]].
"""
STAMFORD = """{{Infobox military conflict
| conflict = Battle of Stamford Bridge
| date = 25 September 1066
}}
The '''Battle of Stamford Bridge''' took place at Stamford Bridge in 1066, five days after the [[Battle of Fulford]].
"""
HARALD = """{{Infobox royalty
| name = Harald Hardrada
| birth_date = 1015
| death_date = 25 September 1066
}}
'''Harald Hardrada''' was King of Norway from 1046 to 1066.

In 1066 he sailed to England with [[Tostig Godwinson]].
The [[Battle of Fulford]] was fought on 20 September 1066.
The [[Battle of Stamford Bridge]] was fought on 25 September 1066, and Harald fell there.
"""
TOSTIG = """{{Infobox noble
| name = Tostig Godwinson
| birth_date = c. 1026
}}
'''Tostig Godwinson''' was an Anglo-Saxon Earl of Northumbria.

He joined [[Harald Hardrada]] in 1066.
The [[Battle of Fulford]] was fought on 24 September 1066, after which York surrendered.
[[Harald Hardrada]] died on 25 September 1066 beside him.
"""
PAGES = [
    ("Battle of Fulford", FULFORD),
    ("Battle of Stamford Bridge", STAMFORD),
    ("Harald Hardrada", HARALD),
    ("Tostig Godwinson", TOSTIG),
]


@pytest.fixture(scope="module")
def cluster():
    """One real two-worker Dask cluster on this machine for the module."""
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as c:
        yield c.scheduler_address


@pytest.fixture(scope="module")
def wiki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_dump(tmp_path_factory.mktemp("wiki") / "wiki.xml.bz2", PAGES)


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict]]:
    code = main(["check", *args, "--no-cache", "--output-format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_the_planted_contradiction_and_only_it_is_found(
    wiki: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, found = _check(capsys, str(wiki), "--select", "KC", "--jobs", "2")
    assert code == 1
    assert [(d["code"], d["path"], d["line"]) for d in found] == [
        ("KC101", f"{wiki}#Tostig Godwinson", 8)
    ]
    (related,) = found[0]["related"]
    assert (related["path"], related["line"]) == (f"{wiki}#Battle of Fulford", 3)
    assert "24 September 1066" in found[0]["message"] and "20 September 1066" in found[0]["message"]


def test_a_dask_cluster_gives_what_jobs_gives(
    wiki: Path, cluster: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(wiki), "--select", "KC,KD", "--extend-select", "KD110"]
    with_jobs = _check(capsys, *args, "--jobs", "2")
    on_dask = _check(capsys, *args, "--scheduler", cluster)
    assert with_jobs[1] and [d["code"] for d in with_jobs[1]].count("KC101") == 1
    assert on_dask == with_jobs


def test_a_folder_of_files_is_a_corpus_on_both_engines(
    tmp_path: Path, cluster: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for title, text in PAGES:
        (tmp_path / f"{title}.wiki").write_text(text)
    with_jobs = _check(capsys, str(tmp_path), "--select", "KC", "--jobs", "2")
    on_dask = _check(capsys, str(tmp_path), "--select", "KC", "--scheduler", cluster)
    assert [(Path(d["path"]).name, d["line"]) for d in with_jobs[1]] == [
        ("Tostig Godwinson.wiki", 8)
    ]
    assert on_dask == with_jobs


def test_markdown_articles_link_by_relative_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ada-stone.md").write_text(
        "---\ntitle: Ada Stone\nborn: 3 March 1901\n---\n\n# Ada Stone\n\n"
        "Ada Stone (born 3 March 1901) was a surveyor.\n"
    )
    (tmp_path / "leeds-survey.md").write_text(
        "# Leeds survey\n\nThe survey of 1930 was led by a surveyor from Leeds.\n"
        "[Ada Stone](ada-stone.md) was born on 3 May 1901 in Leeds.\n"
    )
    code, found = _check(capsys, str(tmp_path), "--select", "KC")
    assert code == 1
    assert [(Path(d["path"]).name, d["related"][0]["path"]) for d in found] == [
        ("leeds-survey.md", str(tmp_path / "ada-stone.md"))
    ]


def test_one_article_alone_runs_no_cross_article_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = write_dump(tmp_path / "one.xml", [("Tostig Godwinson", TOSTIG)])
    assert _check(capsys, str(one), "--select", "KC") == (0, [])


def test_the_cache_keeps_pass_one_and_the_index_is_sqlite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    folder = tmp_path / "wiki"
    folder.mkdir()
    for title, text in PAGES:
        (folder / f"{title}.wiki").write_text(text)
    args = ["check", str(folder), "--select", "KC", "--cache-dir", str(tmp_path / "cache")]
    first = main([*args, "--output-format", "json"])
    out = capsys.readouterr().out
    again = main([*args, "--output-format", "json"])
    assert (first, again) == (1, 1) and capsys.readouterr().out == out
    (index,) = (tmp_path / "cache" / "index").glob("*.sqlite")
    rows = sqlite3.connect(index).execute("SELECT entity, attribute, own FROM facts").fetchall()
    assert ("battle of fulford", "date", 1) in rows and ("battle of fulford", "date", 0) in rows


def test_pages_of_a_dump_are_cached_and_answered_from_the_cache(
    wiki: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from klint.cache import Cache
    from klint.config import Config
    from klint.corpus.run import Engine, lint_dump

    cache = Cache(tmp_path / "cache")
    cfg = Config(select=("KC",))
    first = list(lint_dump(str(wiki), cfg, Engine("jobs", 2), cache))
    assert (cache.hits, cache.misses) == (0, len(PAGES))
    again = list(lint_dump(str(wiki), cfg, Engine("jobs", 1), cache))
    assert cache.hits == len(PAGES)
    assert [(r.path, r.diagnostics, r.facts) for r in again] == [
        (r.path, r.diagnostics, r.facts) for r in first
    ]
    assert any(r.facts for r in again), "the facts come back from the cache too"


def test_a_suppression_comment_silences_a_cross_article_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quiet = TOSTIG.replace(
        "The [[Battle of Fulford]]",
        "<!-- klint: disable-next-line=KC101 -->\nThe [[Battle of Fulford]]",
    )
    pages = [(t, quiet if t == "Tostig Godwinson" else x) for t, x in PAGES]
    dump = write_dump(tmp_path / "wiki.xml", pages)
    assert _check(capsys, str(dump), "--select", "KC") == (0, [])


def test_the_summary_counts_each_page_once(wiki: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Clean pages are counted, not listed; a page a cross-article finding names is still one."""
    assert (
        main(["check", str(wiki), "--select", "KC", "--no-cache", "--output-format", "concise"])
        == 1
    )
    assert capsys.readouterr().out.endswith("Found 1 finding (1 warning) in 1 of 4 files.\n")
