"""A whole wiki: a synthetic MediaWiki dump from the development corpus, checked with every
engine, and the cost of the cross-article pass.

Run from the repository (with the project's virtualenv and the dask extra)::

    python bench/wiki.py                  # 20,000 pages
    python bench/wiki.py --pages 2000 --json wiki.json
    python bench/wiki.py --pages 40 --index-facts 1000000   # and the cross-article pass at scale

The dump holds the corpus's wikitext articles again and again ("Aardvark", "Aardvark (2)",
…), so every page is real prose and the links between copies resolve as in a wiki. Each
engine — ``--jobs 1``, ``--jobs 2`` and a two-worker ``dask.distributed.LocalCluster`` —
checks the same dump in a fresh process with the default rules plus the KC family, no
cache; reported: pages/s and MB/s of wikitext (wall clock, and per CPU-second of the process
and its workers, which a loaded machine disturbs less), the peak RSS of the process running klint
and of its workers (``wait4`` rusage), the cross-article pass (index rows, SQLite size,
seconds to group and compare), and whether every engine gave the same findings.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "eval" / "corpus" / "wikitext"
ENGINES = ("jobs1", "jobs2", "dask2")


def build(path: Path, pages: int) -> tuple[int, int]:
    """Write the dump; return (pages, bytes of wikitext)."""
    sys.path.insert(0, str(REPO / "tests"))
    from _dumps import HEAD, page_xml

    articles = [(p.stem.replace("_", " "), p.read_text()) for p in sorted(CORPUS.glob("*.wiki"))]
    if not articles:
        raise SystemExit(f"no wikitext articles in {CORPUS}")
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD)
        for n in range(pages):
            title, text = articles[n % len(articles)]
            copy = n // len(articles)
            out.write(page_xml(n + 1, title if copy == 0 else f"{title} ({copy + 1})", text))
            size += len(text.encode())
        out.write("</mediawiki>\n")
    return pages, size


def run(engine: str, dump: str) -> dict:
    """Check the dump in this process with one engine (called in a fresh process)."""
    from klint.config import Config
    from klint.corpus.run import Engine, Stats, lint_corpus

    # no time budget: on a loaded machine it would cut long articles short, differently each run
    cfg = Config(extend_select=("KC",), time_budget=1e9)
    eng = Engine("dask", 2) if engine == "dask2" else Engine("jobs", int(engine[-1]))
    started = time.perf_counter()
    if engine == "dask2":
        eng.client()  # the cluster's start-up is reported apart: a standing cluster has none
    startup = time.perf_counter() - started
    stats = Stats()
    started = time.perf_counter()
    findings = []
    try:
        for result in lint_corpus([], [(dump, cfg)], eng, stats=stats):
            findings += [(d.path, d.line, d.column, d.code, d.message) for d in result.diagnostics]
    finally:
        eng.close()
    elapsed = time.perf_counter() - started
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return {
        "cpu_seconds": sum(u.ru_utime + u.ru_stime for u in usage),
        "seconds": elapsed,
        "startup_seconds": startup,
        "pages": stats.articles,
        "findings": len(findings),
        "kc_findings": sum(1 for f in findings if f[3].startswith("KC")),
        "digest": hash(tuple(sorted(findings))),
        "facts": stats.facts,
        "index_bytes": stats.index_bytes,
        "cross_seconds": stats.cross_seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def index_cost(n: int) -> dict[str, float]:
    """The cross-article pass alone at scale: ``n`` facts (a date each, half of them an
    article's own, half another article's about it; one in ten contradicts) written to the
    SQLite index, grouped and compared."""
    from klint.corpus.index import FactIndex
    from klint.corpus.run import compare_group
    from klint.rules.corpus._common import Fact

    def fact(k: int, own: bool) -> Fact:
        entity = k // 2
        day = 700_000 + entity % 1000 + (3 if not own and entity % 10 == 0 else 0)
        line = f"The [[Entity {k // 2}]] was fought on a day in its year, {k}."
        return Fact(
            "KC101", f"entity {k // 2}", "date", own, day, day, "", None, "“a day”",
            "warning", f"wiki.xml#Page {k}", 0, 10, 3, 1, 3, 11, "lead", "a day", line,
            f"Entity {k // 2}",
        )  # fmt: skip

    out: dict[str, float] = {}
    with FactIndex() as index:
        started = time.perf_counter()
        for k in range(0, n, 10_000):
            index.add(fact(j, j % 2 == 0) for j in range(k, min(n, k + 10_000)))
        out["write_seconds"] = time.perf_counter() - started
        started = time.perf_counter()
        found = sum(len(compare_group(g)) for g in index.groups())
        out["compare_seconds"] = time.perf_counter() - started
        out["index_bytes"] = index.size()
        out["findings"] = found
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument(
        "--index-facts",
        type=int,
        default=0,
        help="also time the cross-article pass alone on this many synthetic facts",
    )
    parser.add_argument("--run", nargs=2, metavar=("ENGINE", "DUMP"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(run(*args.run)))
        return 0
    with tempfile.TemporaryDirectory(prefix="klint-wiki-") as tmp:
        dump = Path(tmp) / "wiki.xml"
        pages, size = build(dump, args.pages)
        print(f"dump: {pages:,} pages, {size / 1e6:.1f} MB of wikitext", flush=True)
        rows = {}
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        for engine in args.engines.split(","):
            out = subprocess.run(
                [sys.executable, __file__, "--run", engine, str(dump)],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            r["pages_per_s"] = r["pages"] / r["seconds"]
            r["mb_per_s"] = size / 1e6 / r["seconds"]
            r["mb_per_cpu_s"] = size / 1e6 / r["cpu_seconds"]
            rows[engine] = r
            print(
                f"{engine:6} {r['pages_per_s']:7.1f} pages/s {r['mb_per_s']:6.2f} MB/s "
                f"(start-up {r['startup_seconds']:.1f} s; {r['mb_per_cpu_s']:.2f} MB per CPU-s) "
                f"peak {r['peak_rss_mb']:.0f} MB (workers {r['worker_peak_rss_mb']:.0f} MB) "
                f"cross pass {r['cross_seconds']:.2f} s over {r['facts']:,} facts "
                f"({r['index_bytes'] / 1e6:.1f} MB SQLite), {r['findings']} findings "
                f"({r['kc_findings']} KC)",
                flush=True,
            )
        same = len({r["digest"] for r in rows.values()}) == 1
        print(f"same findings on every engine: {'yes' if same else 'NO'}")
        cost = index_cost(args.index_facts) if args.index_facts else {}
        if cost:
            print(
                f"cross-article pass on {args.index_facts:,} facts: written in "
                f"{cost['write_seconds']:.1f} s, grouped and compared in "
                f"{cost['compare_seconds']:.1f} s ({cost['findings']:,.0f} findings), "
                f"{cost['index_bytes'] / 1e6:.0f} MB of SQLite"
            )
        if args.json:
            result = {"pages": pages, "bytes": size, "rows": rows, "index": cost}
            Path(args.json).write_text(json.dumps(result))
        return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
