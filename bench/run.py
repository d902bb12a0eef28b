"""The klint benchmark: speed, memory and scaling, with peers and a regex floor side by side.

Run from the repository, with the Python of a virtualenv made as a user makes it (the
README's first command: no test or dask extra)::

    python bench/run.py                       # 1,000 articles (about 55 MB), peers on 50
    python bench/run.py --articles 200 --json bench.json
    python bench/run.py --articles 50 --no-peers
    python bench/run.py --runs 5              # ... and the headline measures five times, with their spread

What it measures (medians; wall time and, because a shared machine is noisy,
CPU time of the measured processes):

- import time of ``klint`` (``python -X importtime``) and whether it pulled in a
  heavy module it must not import (dateparser, markdown parsers, jinja2);
- cold CLI: ``klint check`` on the 64 KB seed, process start to exit, >= 5 runs;
- warm lint inside one process: the seed, and every corpus article (median, p95);
- throughput on the corpus with ``--jobs 1`` and ``--jobs 2`` (articles/s, MB/s),
  without the cache, and the cached re-run (``--cache-dir``) when the CLI has one;
- peak memory: the largest process (``wait4`` rusage) and the whole process
  tree, sampled every 50 ms: summed RSS, and summed PSS, which counts a page the
  forked workers share with their parent once (the target is judged on PSS);
- linear scaling: a 10x longer article must take <= 12x as long;
- a floor: one pass of a compiled regex over the same bytes;
- with ``--runs N``, the headline measures N times (min / median / max): cold
  ``klint check`` of the seed paired with ``proselint check`` (back to back, so both
  see the same load; the target is klint <= 0.85x proselint), the warm seed lint,
  ``--jobs 2`` over the corpus with its peak PSS, and the 10x article's ratio;
- peers on the same files, installed into a temporary folder (never the repo):
  proselint (pip ``--target``) and textlint with eight English rules (npm).
  Vale and LanguageTool download binaries at first run and cannot run offline
  here; they are listed as not measured. A peer that cannot install is
  reported with the reason.

The corpus comes from ``bench/corpus.py`` (deterministic in ``--seed``) and is
written to a temporary folder that is deleted afterwards (``--keep`` keeps it).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "nagorno-karabakh-war.txt"
FORBIDDEN_ON_IMPORT = (
    "dateparser",
    "markdown_it",
    "mwparserfromhell",
    "jinja2",
    "markdown",
    "mistune",
    "bs4",
    "lxml",
    "pydantic",  # only for an article with a claims file, or a user's rule pack
)
TEXTLINT_RULES = (
    "write-good",
    "max-comma",
    "sentence-length",
    "no-start-duplicated-conjunction",
    "common-misspellings",
    "terminology",
    "alex",
    "apostrophe",
)
TARGETS = {
    "warm_seed_ms": 30.0,
    "cold_cli_s": 0.25,
    "cold_to_proselint": 0.85,
    "jobs2_articles_per_s": 50.0,
    "cache_speedup": 10.0,
    "peak_rss_mb": 150.0,
    "scaling_ratio": 12.0,
}


# --- process measurement -------------------------------------------------------------------


@dataclass
class Run:
    """One measured process: wall and CPU seconds, largest RSS, peak tree RSS and PSS, exit code."""

    wall: float
    cpu: float
    maxrss_mb: float
    tree_mb: float
    tree_pss_mb: float
    code: int
    stderr: str = ""


def _tree_memory_mb(root: int) -> tuple[float, float]:
    """Summed RSS and PSS of ``root`` and all its descendants, from /proc (0 where missing).

    RSS counts a page in every process that maps it; the forked workers share most of
    their parent's pages (copy-on-write), so the RSS sum overstates the memory in use.
    PSS (proportional set size) divides each shared page among its processes.
    """
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    wanted, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for child, parent in parents.items():
            if parent == p and child not in wanted:
                wanted.add(child)
                frontier.append(child)
    return sum(rss.get(p, 0) for p in wanted) / 1e6, sum(map(_pss_kb, wanted)) / 1e3


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def measure(
    cmd: list[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 3600,
    sample: bool = False,
) -> Run:
    """Run ``cmd`` to completion, output discarded; wall, CPU (user+sys) and memory."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = [0.0, 0.0]  # tree RSS, tree PSS
    stop = threading.Event()

    def sampler() -> None:
        while not stop.wait(0.05):
            rss, pss = _tree_memory_mb(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)

    thread = threading.Thread(target=sampler, daemon=True) if sample else None
    if thread:
        thread.start()
    err = b""
    try:
        assert proc.stderr is not None
        err = proc.stderr.read()  # the child cannot block on a full stderr pipe
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        stop.set()
        if thread:
            thread.join()
    wall = time.perf_counter() - started
    if wall > timeout:
        raise TimeoutError(" ".join(cmd))
    return Run(
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        peak[0],
        peak[1],
        proc.returncode,
        err.decode("utf-8", "replace")[-2000:],
    )


def _median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def _p95(xs: list[float]) -> float:
    if not xs:
        return float("nan")
    s = sorted(xs)
    return s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]


def repeat(cmd: list[str], n: int, **kw) -> dict:
    """Medians of ``n`` runs after one discarded run (which fills the bytecode and file caches)."""
    measure(cmd, **kw)
    runs = [measure(cmd, **kw) for _ in range(n)]
    return {
        "runs": n,
        "wall_s": _median([r.wall for r in runs]),
        "cpu_s": _median([r.cpu for r in runs]),
        "maxrss_mb": max(r.maxrss_mb for r in runs),
        "exit": runs[-1].code,
    }


def use_bytecode(prefix: Path) -> None:
    """Let every measured process read and write compiled bytecode, in a temporary folder.

    A ``pip install`` compiles a package's modules at install time, so a user's first run
    never compiles source; a shell with ``PYTHONDONTWRITEBYTECODE`` set (or a read-only
    editable checkout) would otherwise recompile every module on every cold run and
    measure the compiler instead of the tool. Peers are measured the same way.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)


# --- klint ---------------------------------------------------------------------------------


def klint_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("klint")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "klint"]


def cli_options() -> str:
    return subprocess.run(
        [*klint_cmd(), "check", "--help"], capture_output=True, text=True, check=False
    ).stdout


def import_time(seed_copy: Path) -> dict:
    """``import klint`` cost, and which heavy modules importing it or linting the seed pulls in."""
    totals, heavy = [], set()
    for _ in range(5):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import klint"],
            capture_output=True,
            text=True,
            check=False,
        )
        for line in proc.stderr.splitlines():
            parts = line.split("|")
            if len(parts) != 3 or not parts[1].strip().isdigit():
                continue
            name = parts[2].strip()
            if name.split(".")[0] in FORBIDDEN_ON_IMPORT:
                heavy.add(name)
            if name == "klint":
                totals.append(int(parts[1]) / 1000)
    engine = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import klint.engine, klint.cli"],
        capture_output=True,
        text=True,
        check=False,
    )
    heavy_engine = sorted(
        {
            ln.split("|")[2].strip()
            for ln in engine.stderr.splitlines()
            if ln.count("|") == 2 and ln.split("|")[2].strip().split(".")[0] in FORBIDDEN_ON_IMPORT
        }
    )
    probe = (
        "import sys, klint; klint.lint_text(open(sys.argv[1], encoding='utf-8').read(), 'seed.txt'); "
        f"print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN_ON_IMPORT!r})))"
    )
    lint = subprocess.run(
        [sys.executable, "-c", probe, str(seed_copy)], capture_output=True, text=True, check=False
    )
    return {
        "import_klint_ms": _median(totals),
        "heavy_modules": sorted(heavy),
        "heavy_modules_engine_cli": heavy_engine,
        "heavy_modules_after_text_lint": lint.stdout.split(),
    }


def warm(seed_path: Path, articles: list[Path], limit: int) -> dict:
    """In-process lint times: the seed (repeated) and each of the first ``limit`` articles.

    After a warm-up the collector is set as ``klint check`` sets it (``tune_gc``).
    """
    from klint.cli import tune_gc
    from klint.config import Config
    from klint.engine import lint_text

    cfg = Config()
    seed_text = seed_path.read_text(encoding="utf-8")
    for _ in range(2):
        lint_text(seed_text, seed_path.name, cfg)
    tune_gc()
    seed_times, seed_cpu = [], []
    for _ in range(15):
        t, c = time.perf_counter(), time.process_time()
        lint_text(seed_text, seed_path.name, cfg)
        seed_times.append(time.perf_counter() - t)
        seed_cpu.append(time.process_time() - c)
    per_article, per_article_cpu = [], []
    for path in articles[:limit]:
        text = path.read_text(encoding="utf-8")
        t, c = time.perf_counter(), time.process_time()
        lint_text(text, path.name, cfg)
        per_article.append(time.perf_counter() - t)
        per_article_cpu.append(time.process_time() - c)
    return {
        "seed_ms_median": 1000 * _median(seed_times),
        "seed_ms_p95": 1000 * _p95(seed_times),
        "seed_cpu_ms_median": 1000 * _median(seed_cpu),
        "article_ms_median": 1000 * _median(per_article),
        "article_ms_p95": 1000 * _p95(per_article),
        "article_cpu_ms_median": 1000 * _median(per_article_cpu),
        "article_cpu_ms_p95": 1000 * _p95(per_article_cpu),
        "articles_measured": len(per_article),
    }


def scaling(seed_path: Path) -> dict:
    """A 10x longer article (ten varied copies of the seed in one file) against one copy."""
    import random

    from klint.config import Config
    from klint.engine import lint_text

    base = corpus.Base(seed_path.name, seed_path.read_text(encoding="utf-8"), False)
    parts = [corpus.vary(base, [], random.Random(k)) for k in range(10)]
    long_text = "\n".join(parts)
    cfg = Config()

    def best_of(
        text: str, n: int
    ) -> float:  # CPU time: steadier than wall time on a shared machine
        times = []
        for _ in range(n):
            t = time.process_time()
            lint_text(text, "article.txt", cfg)
            times.append(time.process_time() - t)
        return _median(times)

    lint_text(parts[0], "article.txt", cfg)
    one = _median([best_of(p, 1) for p in parts])
    ten = best_of(long_text, 3)
    return {
        "one_ms": 1000 * one,
        "ten_ms": 1000 * ten,
        "ratio": ten / one if one else float("nan"),
        "chars_one": len(parts[0]),
        "chars_ten": len(long_text),
    }


def floor(articles: list[Path]) -> dict:
    """One compiled regex pass over the same bytes: the cost of merely reading the text."""
    pattern = re.compile(rb"\d[\d,.]*|[A-Z][a-z]+")
    size = 0
    t = time.perf_counter()
    for path in articles:
        data = path.read_bytes()
        size += len(data)
        for _ in pattern.finditer(data):
            pass
    took = time.perf_counter() - t
    return {"seconds": took, "articles_per_s": len(articles) / took, "mb_per_s": size / 1e6 / took}


def _code_stamp() -> str:
    """The cache's stamp of klint's own files (changes when someone edits the sources mid-run)."""
    probe = "from klint.cache import code_stamp; print(code_stamp())"
    return subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    ).stdout.strip()


def throughput(folder: Path, n: int, size_mb: float, options: str, cache_root: Path) -> dict:
    out: dict = {}
    no_cache = ["--no-cache"] if "--no-cache" in options else []
    base = [*klint_cmd(), "check", str(folder), "--output-format", "concise", "--exit-zero"]
    for jobs in (1, 2):
        r = measure([*base, "--jobs", str(jobs), *no_cache], sample=True)
        out[f"jobs{jobs}"] = {
            "wall_s": r.wall,
            "cpu_s": r.cpu,
            "articles_per_s": n / r.wall,
            "cpu_bound_articles_per_s": n / (r.cpu / jobs) if r.cpu else float("nan"),
            "mb_per_s": size_mb / r.wall,
            "maxrss_mb": r.maxrss_mb,
            "tree_rss_mb": r.tree_mb,
            "tree_pss_mb": r.tree_pss_mb,
            "exit": r.code,
            "stderr": r.stderr[-300:],
        }
    if "--cache-dir" in options:
        for attempt in range(
            1, 4
        ):  # the cache key includes klint's source files: an edit between runs misses
            cache = cache_root / f"cache{attempt}"
            before = _code_stamp()
            fill = measure([*base, "--jobs", "2", "--cache-dir", str(cache)])
            again = measure([*base, "--jobs", "2", "--cache-dir", str(cache)], sample=True)
            if _code_stamp() == before:
                break
        out["cached"] = {
            "fill_wall_s": fill.wall,
            "wall_s": again.wall,
            "cpu_s": again.cpu,
            "articles_per_s": n / again.wall,
            "tree_rss_mb": again.tree_mb,
            "tree_pss_mb": again.tree_pss_mb,
            "speedup_vs_uncached_jobs2": out["jobs2"]["wall_s"] / again.wall,
            "attempts": attempt,
            "sources_changed_during_run": _code_stamp() != before,
        }
    else:
        out["cached"] = None
    return out


# --- peers ---------------------------------------------------------------------------------


def install_proselint(peer_dir: Path) -> tuple[list[str] | None, dict[str, str], str]:
    target = peer_dir / "proselint"
    env = {**os.environ, "PYTHONPATH": str(target)}
    if not (target / "proselint").is_dir():
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--target",
                str(target),
                "proselint",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            return (
                None,
                env,
                "pip install failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1],
            )
    version = subprocess.run(
        [sys.executable, "-m", "proselint", "version"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if version.returncode != 0:
        return (
            None,
            env,
            "installed but does not run: " + (version.stderr.strip().splitlines() or ["?"])[-1],
        )
    return [sys.executable, "-m", "proselint", "check"], env, version.stdout.strip() or "proselint"


def install_textlint(peer_dir: Path) -> tuple[list[str] | None, dict[str, str], str]:
    folder = peer_dir / "textlint"
    env = dict(os.environ)
    if not shutil.which("node") or not shutil.which("npm"):
        return None, env, "node/npm not found"
    exe = folder / "node_modules" / ".bin" / "textlint"
    if not exe.exists():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "package.json").write_text('{"name": "klint-bench-peers", "private": true}\n')
        packages = ["textlint", *(f"textlint-rule-{r}" for r in TEXTLINT_RULES)]
        proc = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent", *packages],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
        if proc.returncode != 0 or not exe.exists():
            return (
                None,
                env,
                "npm install failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1],
            )
    rc = folder / ".textlintrc.json"
    rc.write_text(json.dumps({"rules": dict.fromkeys(TEXTLINT_RULES, True)}))
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=False)
    return (
        [str(exe), "--config", str(rc), "--format", "compact"],
        env,
        f"textlint {version.stdout.strip()}",
    )


def peers(
    peer_dir: Path, seed_copy: Path, sample: list[Path], klint_sample_wall: float, cold_runs: int
) -> dict:
    out: dict = {}
    for name, install in (("proselint", install_proselint), ("textlint", install_textlint)):
        try:
            cmd, env, info = install(peer_dir)
        except (OSError, subprocess.SubprocessError) as exc:
            cmd, env, info = None, {}, f"install failed: {exc}"
        if cmd is None:
            out[name] = {"status": "not measured", "why": info}
            continue
        cold = repeat([*cmd, str(seed_copy)], cold_runs, env=env)
        batch = measure([*cmd, *map(str, sample)], env=env)
        out[name] = {
            "status": "measured",
            "version": info,
            "cold_seed_s": cold["wall_s"],
            "cold_seed_cpu_s": cold["cpu_s"],
            "sample_wall_s": batch.wall,
            "sample_cpu_s": batch.cpu,
            "articles_per_s": len(sample) / batch.wall,
            "ratio_to_klint": batch.wall / klint_sample_wall if klint_sample_wall else float("nan"),
        }
    why = "downloads its binary at first run (no offline install from a package registry here)"
    out["vale"] = {"status": "not measured", "why": why}
    out["languagetool"] = {
        "status": "not measured",
        "why": "downloads a Java server and language data at first run",
    }
    return out


# --- spread over repeated runs ---------------------------------------------------------------


def spread(
    runs: int, seed_copy: Path, folder: Path, n: int, peer_dir: Path | None, no_cache: list[str]
) -> dict:
    """The headline measures ``runs`` times: cold ``klint check`` of the seed paired with
    proselint's (run back to back, so both see the same load), the warm seed lint,
    ``--jobs 2`` over the corpus with its peak PSS, and the 10x article's ratio. Lists of
    values, one per run."""
    prose, env, _ = install_proselint(peer_dir) if peer_dir else (None, dict(os.environ), "")
    klint_cold = [*klint_cmd(), "check", str(seed_copy), "--exit-zero", *no_cache]
    jobs2 = [*klint_cmd(), "check", str(folder), "--output-format", "concise", "--exit-zero"]
    out: dict[str, list[float]] = {
        k: []
        for k in (
            "cold_wall_s",
            "cold_cpu_s",
            "proselint_cold_wall_s",
            "proselint_cold_cpu_s",
            "cold_ratio_wall",
            "cold_ratio_cpu",
            "warm_seed_ms",
            "warm_seed_cpu_ms",
            "jobs2_articles_per_s",
            "jobs2_tree_pss_mb",
            "scaling_ratio",
        )
    }
    if prose:
        measure([*prose, str(seed_copy)], env=env)
    measure(klint_cold)
    for _ in range(runs):
        pairs = []
        for _ in range(5):
            a = measure(klint_cold)
            b = measure([*prose, str(seed_copy)], env=env) if prose else None
            pairs.append((a, b))
        out["cold_wall_s"].append(_median([a.wall for a, _ in pairs]))
        out["cold_cpu_s"].append(_median([a.cpu for a, _ in pairs]))
        if prose:
            out["proselint_cold_wall_s"].append(_median([b.wall for _, b in pairs]))
            out["proselint_cold_cpu_s"].append(_median([b.cpu for _, b in pairs]))
            out["cold_ratio_wall"].append(_median([a.wall / b.wall for a, b in pairs]))
            out["cold_ratio_cpu"].append(_median([a.cpu / b.cpu for a, b in pairs]))
        w = warm(seed_copy, [], 0)
        out["warm_seed_ms"].append(w["seed_ms_median"])
        out["warm_seed_cpu_ms"].append(w["seed_cpu_ms_median"])
        r = measure([*jobs2, "--jobs", "2", *no_cache], sample=True)
        out["jobs2_articles_per_s"].append(n / r.wall)
        out["jobs2_tree_pss_mb"].append(r.tree_pss_mb)
        out["scaling_ratio"].append(scaling(seed_copy)["ratio"])
    return {"runs": runs, **out}


def spread_table(sp: dict) -> str:
    rows = [
        ("cold `klint check` seed, wall (s)", "cold_wall_s", "", 2),
        ("cold `klint check` seed, cpu (s)", "cold_cpu_s", "", 2),
        ("cold `proselint check` seed, wall (s)", "proselint_cold_wall_s", "", 2),
        ("cold klint / proselint, paired, wall", "cold_ratio_wall", "<= 0.85", 2),
        ("cold klint / proselint, paired, cpu", "cold_ratio_cpu", "", 2),
        ("warm lint seed, wall (ms)", "warm_seed_ms", "<= 30", 1),
        ("warm lint seed, cpu (ms)", "warm_seed_cpu_ms", "", 1),
        ("--jobs 2, articles/s", "jobs2_articles_per_s", ">= 50", 1),
        ("--jobs 2, peak PSS (MB)", "jobs2_tree_pss_mb", "<= 150", 0),
        ("10x longer article, cpu (x the time)", "scaling_ratio", "<= 12", 2),
    ]
    lines = [f"spread over {sp['runs']} runs: min / median / max"]
    for label, key, target, digits in rows:
        xs = sp.get(key) or []
        if not xs:
            continue
        lo, mid, hi = min(xs), _median(xs), max(xs)
        lines.append(
            f"  {label:<40} {_fmt(lo, '', digits)} / {_fmt(mid, '', digits)} / {_fmt(hi, '', digits)}"
            + (f"   target {target}" if target else "")
        )
    return "\n".join(lines)


# --- report --------------------------------------------------------------------------------


def _fmt(x: float | None, unit: str = "", digits: int = 2) -> str:
    if x is None or math.isnan(x):
        return "n/a"
    return f"{x:.{digits}f}{unit}"


def _ok(value: float | None, target: float, higher_is_better: bool) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    return "ok" if (value >= target if higher_is_better else value <= target) else "MISSED"


def _cold_ratio(r: dict) -> float | None:
    prose = (r.get("peers") or {}).get("proselint") or {}
    if prose.get("status") != "measured":
        return None
    return r["klint"]["cold"]["wall_s"] / prose["cold_seed_s"]


def table(r: dict) -> str:
    k, t = r["klint"], r["klint"]["throughput"]
    cached = t.get("cached")
    rows = [
        (
            "import klint",
            _fmt(k["import"]["import_klint_ms"], " ms", 1),
            "no heavy modules",
            "ok"
            if not k["import"]["heavy_modules"]
            else "MISSED: " + ", ".join(k["import"]["heavy_modules"]),
        ),
        (
            "heavy modules after linting the seed",
            ", ".join(k["import"]["heavy_modules_after_text_lint"]) or "none",
            "none",
            "ok" if not k["import"]["heavy_modules_after_text_lint"] else "MISSED",
        ),
        (
            "cold `klint check` seed (wall / cpu)",
            f"{_fmt(k['cold']['wall_s'], ' s')} / {_fmt(k['cold']['cpu_s'], ' s')}",
            "<= 0.25 s",
            _ok(k["cold"]["wall_s"], TARGETS["cold_cli_s"], False),
        ),
        (
            "cold seed: klint / proselint (wall, same run)",
            _fmt(_cold_ratio(r), "x"),
            "<= 0.85x",
            _ok(_cold_ratio(r), TARGETS["cold_to_proselint"], False),
        ),
        (
            "warm lint seed (wall median / p95 / cpu)",
            (
                f"{_fmt(k['warm']['seed_ms_median'], ' ms', 1)} / "
                f"{_fmt(k['warm']['seed_ms_p95'], ' ms', 1)} / {_fmt(k['warm']['seed_cpu_ms_median'], ' ms', 1)}"
            ),
            "<= 30 ms",
            _ok(k["warm"]["seed_ms_median"], TARGETS["warm_seed_ms"], False),
        ),
        (
            "warm lint per article (wall median / p95 / cpu)",
            (
                f"{_fmt(k['warm']['article_ms_median'], ' ms', 1)} / "
                f"{_fmt(k['warm']['article_ms_p95'], ' ms', 1)} / {_fmt(k['warm']['article_cpu_ms_median'], ' ms', 1)}"
            ),
            "",
            "",
        ),
        (
            f"--jobs 1, {r['corpus']['articles']} articles",
            (
                f"{_fmt(t['jobs1']['articles_per_s'], '/s', 1)}, "
                f"{_fmt(t['jobs1']['mb_per_s'], ' MB/s')}"
            ),
            "",
            "",
        ),
        (
            f"--jobs 2, {r['corpus']['articles']} articles",
            (
                f"{_fmt(t['jobs2']['articles_per_s'], '/s', 1)}, "
                f"{_fmt(t['jobs2']['mb_per_s'], ' MB/s')}"
            ),
            ">= 50/s",
            _ok(t["jobs2"]["articles_per_s"], TARGETS["jobs2_articles_per_s"], True),
        ),
        (
            "--jobs 2 if CPU-bound: n / (cpu / 2)",
            _fmt(t["jobs2"]["cpu_bound_articles_per_s"], "/s", 1),
            ">= 50/s",
            _ok(t["jobs2"]["cpu_bound_articles_per_s"], TARGETS["jobs2_articles_per_s"], True),
        ),
        (
            "cached re-run --jobs 2",
            "n/a (no cache option)"
            if not cached
            else f"{_fmt(cached['articles_per_s'], '/s', 1)}, {_fmt(cached['speedup_vs_uncached_jobs2'], 'x', 1)} faster",
            ">= 10x",
            "n/a"
            if not cached
            else _ok(cached["speedup_vs_uncached_jobs2"], TARGETS["cache_speedup"], True),
        ),
        (
            "peak memory --jobs 2 (largest RSS / tree RSS / tree PSS)",
            f"{_fmt(t['jobs2']['maxrss_mb'], ' MB', 0)} / {_fmt(t['jobs2']['tree_rss_mb'], ' MB', 0)}"
            f" / {_fmt(t['jobs2']['tree_pss_mb'], ' MB', 0)}",
            "<= 150 MB",
            _ok(
                t["jobs2"]["tree_pss_mb"] or t["jobs2"]["tree_rss_mb"] or t["jobs2"]["maxrss_mb"],
                TARGETS["peak_rss_mb"],
                False,
            ),
        ),
        (
            "10x longer article (cpu)",
            f"{_fmt(k['scaling']['ratio'], 'x', 1)} the time",
            "<= 12x",
            _ok(k["scaling"]["ratio"], TARGETS["scaling_ratio"], False),
        ),
        (
            "floor: one regex pass",
            (
                f"{_fmt(r['floor']['articles_per_s'], '/s', 0)}, "
                f"{_fmt(r['floor']['mb_per_s'], ' MB/s', 0)}"
            ),
            "",
            "",
        ),
    ]
    w0 = max(len(x[0]) for x in rows)
    w1 = max(len(x[1]) for x in rows)
    w2 = max(len(x[2]) for x in rows)
    lines = [
        f"{'measure':<{w0}}  {'klint':<{w1}}  {'target':<{w2}}  status",
        "-" * (w0 + w1 + w2 + 14),
    ]
    lines += [f"{a:<{w0}}  {b:<{w1}}  {c:<{w2}}  {d}" for a, b, c, d in rows]
    p = r.get("peers") or {}
    if p:
        n = r["peer_sample"]["articles"]
        lines += [
            "",
            (
                f"peers on the same {n} articles (klint --jobs 1: {_fmt(r['peer_sample']['klint_wall_s'], ' s')}; "
                f"regex floor: {_fmt(r['peer_sample']['floor_s'], ' s', 3)})"
            ),
            f"{'tool':<14} {'cold seed':>10} {'sample':>10} {'articles/s':>11} {'x klint':>8}",
        ]
        lines.append(
            f"{'klint':<14} {_fmt(k['cold']['wall_s'], ' s'):>10} "
            f"{_fmt(r['peer_sample']['klint_wall_s'], ' s'):>10} "
            f"{_fmt(n / r['peer_sample']['klint_wall_s'], '', 1):>11} {'1.0':>8}"
        )
        for name, v in p.items():
            if v["status"] != "measured":
                lines.append(f"{name:<14} not measured: {v['why']}")
                continue
            lines.append(
                f"{name:<14} {_fmt(v['cold_seed_s'], ' s'):>10} {_fmt(v['sample_wall_s'], ' s'):>10} "
                f"{_fmt(v['articles_per_s'], '', 1):>11} {_fmt(v['ratio_to_klint'], '', 1):>8}"
            )
        lines.append(
            f"{'regex floor':<14} {'':>10} {_fmt(r['peer_sample']['floor_s'], ' s', 3):>10} "
            f"{_fmt(n / r['peer_sample']['floor_s'], '', 0):>11} "
            f"{_fmt(r['peer_sample']['floor_s'] / r['peer_sample']['klint_wall_s'], '', 3):>8}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="klint benchmark", epilog="see the module docstring"
    )
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument(
        "--cold-runs", type=int, default=7, help="runs for the cold CLI medians (>= 5)"
    )
    parser.add_argument(
        "--warm-articles", type=int, default=200, help="articles timed one by one in-process"
    )
    parser.add_argument(
        "--peer-articles", type=int, default=50, help="articles the peers are timed on"
    )
    parser.add_argument("--no-peers", action="store_true", help="skip proselint and textlint")
    parser.add_argument(
        "--peer-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "klint-bench-peers",
        help="where peers are installed (a temporary folder, reused between runs)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="repeat the headline measures (cold vs proselint, warm seed, --jobs 2) this many "
        "times and report their spread (default 1: not repeated)",
    )
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON to this file")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus")
    args = parser.parse_args(argv)
    if args.cold_runs < 5:
        parser.error("--cold-runs must be at least 5")

    work = Path(tempfile.mkdtemp(prefix="klint-bench-"))
    use_bytecode(work / "pycache")
    try:
        folder = work / "corpus"
        t = time.perf_counter()
        articles = corpus.generate(args.articles, folder, args.seed)
        size_mb = sum(p.stat().st_size for p in articles) / 1e6
        print(
            f"corpus: {len(articles)} articles, {size_mb:.1f} MB in {time.perf_counter() - t:.1f} s",
            file=sys.stderr,
        )
        seed_dir = work / "seed"
        seed_dir.mkdir()
        seed_copy = seed_dir / SEED.name  # alone: no claims file, no repository configuration
        shutil.copyfile(SEED, seed_copy)
        options = cli_options()
        result: dict = {
            "machine": {
                "python": platform.python_version(),
                "cpus": os.cpu_count(),
                "platform": platform.platform(),
                "load_before": os.getloadavg(),
            },
            "corpus": {"articles": len(articles), "mb": size_mb, "seed": args.seed},
            "klint": {},
        }
        k = result["klint"]
        no_cache = ["--no-cache"] if "--no-cache" in options else []
        print("measuring: import, cold CLI", file=sys.stderr)
        k["import"] = import_time(seed_copy)
        k["cold"] = repeat(
            [*klint_cmd(), "check", str(seed_copy), "--exit-zero", *no_cache], args.cold_runs
        )
        print("measuring: warm, scaling, floor", file=sys.stderr)
        k["warm"] = warm(seed_copy, articles, args.warm_articles)
        k["scaling"] = scaling(SEED)
        result["floor"] = floor(articles)
        print("measuring: throughput", file=sys.stderr)
        k["throughput"] = throughput(folder, len(articles), size_mb, options, work)
        if not args.no_peers:
            print("measuring: peers", file=sys.stderr)
            sample_dir = work / "sample"
            sample_dir.mkdir()
            sample = []
            for p in articles[: args.peer_articles]:
                shutil.copyfile(p, sample_dir / p.name)
                sample.append(sample_dir / p.name)
            kl = measure(
                [*klint_cmd(), "check", str(sample_dir), "--jobs", "1", "--exit-zero", *no_cache]
            )
            fl = floor(sample)
            result["peer_sample"] = {
                "articles": len(sample),
                "klint_wall_s": kl.wall,
                "klint_cpu_s": kl.cpu,
                "floor_s": fl["seconds"],
            }
            result["peers"] = peers(
                args.peer_dir, seed_copy, sample, kl.wall, min(args.cold_runs, 5)
            )
        if args.runs > 1:
            print(f"measuring: the headline measures {args.runs} times", file=sys.stderr)
            result["spread"] = spread(
                args.runs,
                seed_copy,
                folder,
                len(articles),
                None if args.no_peers else args.peer_dir,
                no_cache,
            )
        result["machine"]["load_after"] = os.getloadavg()
        text = table(result)
        if "spread" in result:
            text += "\n\n" + spread_table(result["spread"])
        print(text)
        print(
            f"\nload average before/after: {result['machine']['load_before'][0]:.1f} / "
            f"{result['machine']['load_after'][0]:.1f} on {os.cpu_count()} cores "
            "(wall times on a busy machine overstate; CPU times are in the JSON)"
        )
        if args.json:
            args.json.write_text(json.dumps(result, indent=2) + "\n")
    finally:
        if args.keep:
            print(f"corpus kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
