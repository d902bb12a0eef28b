"""Where klint's time goes: per stage and per rule, on the seed and on real wikitext.

Run from the repository (with the project's virtualenv)::

    python bench/profile.py                          # the seed, stage by stage
    python bench/profile.py --per-rule               # ... and every enabled rule
    python bench/profile.py --wikitext               # eval/corpus/wikitext: ms per 64 KB, outliers
    python bench/profile.py FILE ... --per-rule      # any articles
    python bench/profile.py --instructions FILE      # instructions per warm lint (cachegrind)
    python bench/profile.py --instructions --no-gc FILE   # ... without the collector's passes
    python bench/profile.py --instructions --together FILE ...   # ... of several articles as one

Stages follow the pipeline: read (the format's reader), compact (a marked-up view
with its gaps closed), text index (sentences, quotes), each extractor by kind,
restore (claims moved back onto the file), frames, each rule, and the rest of the
engine (claims file, suppressions, locating). Lazy parts are forced in that order,
so each is charged to its own stage; the stages add up to a warm ``lint_text``.
Times are CPU time (``time.process_time``, steadier than wall time on a shared
machine), the median of ``--repeat`` runs after a warm-up (with ``--wikitext``, of
as many more as add up to a tenth of a second, so that a 2 KB article gets about 30,
taken in ``--rounds`` rounds over the corpus, so that no burst on the machine falls on
all of one article's runs).

With ``--wikitext`` each article's total is set against its size-proportional
share (its bytes times the corpus's time per byte): ``share`` above 2 marks an
article slower than its size explains, and its three dearest stages say why; its claims
and content regions per byte, against the corpus's, say whether what it holds does (a
table of figures states many times the claims a KB of prose does). An empty article's
lint, timed in the same rounds, gives what every lint costs whatever its size. The largest
share among the articles of 16 KB and 64 KB or more tells a cost that grows with size.

A share weighs bytes alone, and a byte of a reference costs far less than a byte of an
infobox or a list of figures; so each article is set against what it holds too: a
least-squares fit over the corpus of its time to its bytes, content regions, dates,
quantities and names (and a cost per article) predicts its time, and ``held`` is its
time over that. ``held`` above 2 marks an article slower than what it holds explains,
some text the reader or an extractor takes a slow way through.

``--instructions`` runs one and three warm lints of FILE under valgrind's
cachegrind and reports the difference per lint: an instruction count is
repeatable on a loaded machine where wall time is not (needs ``valgrind``).
``--together`` counts the files as one (a lint of each in turn) and gives the
count per 64 KB too, to set a group of articles against the whole corpus.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "nagorno-karabakh-war.txt"
WIKITEXT = REPO / "eval" / "corpus" / "wikitext"
KB64 = 65536
#: frames are read on first use, by the rules that ask (opt-in ones today); what reading
#: them would cost when no enabled rule did is shown apart, outside the totals
FRAMES_READ = "(frames, if no rule read them)"


def stages(
    text: str, path: str, per_rule: bool, select: tuple[str, ...] = ()
) -> list[tuple[str, Callable[[], object]]]:
    """The pipeline of ``lint_text`` cut into named steps that run in order, sharing state."""
    from klint import engine, suppress
    from klint.claims import Claims
    from klint.config import Config
    from klint.extract import Frames, dates, names, quantities, references
    from klint.packs import load_packs
    from klint.rules import Context
    from klint.sources import read_text
    from klint.text.words import grammar_words

    config = Config(extend_select=select)
    packs = load_packs(config.rule_packs)
    st: dict = {}

    def read() -> None:
        st["doc"] = st["view"] = read_text(text, path)

    def compact() -> None:
        if st["doc"].masked is not None:
            from klint.extract._compact import Compacted

            st["compacted"] = Compacted(st["doc"])
            st["view"] = st["compacted"].doc
        else:
            st["compacted"] = None

    def index() -> None:  # every region's sentences and quotes (extractors read them lazily)
        idx = st["view"].text_index
        for r in idx.regions:
            idx.stops(r), idx.sentences(r), idx.quotes(r)

    def kind(name: str, fn: Callable) -> Callable[[], None]:
        def run() -> None:
            st[name] = fn()

        return run

    def restore() -> None:
        claims = Claims(
            dates=st["dates"],
            quantities=st["quantities"],
            mentions=st["mentions"],
            acronyms=st["acronyms"],
            references=st["references"],
        )
        if st["compacted"] is not None:
            claims = st["compacted"].restore(claims)
        st["claims"] = claims

    def frame() -> None:
        st["claims"].frames = Frames(st["doc"], st["claims"], grammar_words(packs))

    def frames_read() -> None:  # already paid for if a rule read them
        len(st["claims"].frames)

    def context() -> None:
        doc = st["doc"]
        st["ctx"] = Context(
            doc=doc,
            claims=st["claims"],
            packs=packs,
            config=config,
            sidecar=engine.load_claims_file(doc),
        )
        st["rules"] = engine.enabled_rules(config, doc.path)
        st["found"] = []

    def rule(r) -> Callable[[], None]:
        def run() -> None:
            st["found"].extend(r.check(st["ctx"]))

        return run

    def rest() -> None:
        doc = st["doc"]
        engine._locate(doc, st["found"])
        suppress.apply(st["found"], suppress.parse(doc.text, doc.position))

    v = lambda: st["view"]  # noqa: E731
    steps: list[tuple[str, Callable[[], object]]] = [
        ("read", read),
        ("compact", compact),
        ("text index", index),
        ("dates", kind("dates", lambda: dates.extract_dates(v(), packs, config.languages))),
        ("quantities", kind("quantities", lambda: quantities.extract_quantities(v(), packs))),
        ("mentions", kind("mentions", lambda: names.extract_mentions(v(), packs))),
        ("acronyms", kind("acronyms", lambda: names.extract_acronyms(v(), packs))),
        ("references", kind("references", lambda: references.extract_references(v(), packs))),
        ("restore", restore),
        ("frames", frame),  # lazy: a rule that reads them pays
        ("context", context),
    ]
    rule_names = [f"{r.code} {r.name}" for r in engine.enabled_rules(config, path)]

    def all_rules() -> None:
        for r in st["rules"]:
            st["found"].extend(r.check(st["ctx"]))

    if per_rule:
        for k, name in enumerate(rule_names):
            steps.append((name, lambda k=k: rule(st["rules"][k])()))
    else:
        steps.append(("rules", all_rules))
    steps.append(("rest", rest))
    steps.append((FRAMES_READ, frames_read))
    return steps


def runs(
    text: str,
    path: str,
    per_rule: bool,
    repeat: int,
    select: tuple[str, ...] = (),
    least_ms: float = 0.0,
    warm: int = 2,
) -> dict[str, list[float]]:
    """CPU milliseconds of each stage in each of ``repeat`` runs (after ``warm`` warm-up
    runs), or of more runs until they add up to ``least_ms`` (at most 50): a small
    article's median taken over a few runs of a few milliseconds each moves with every
    neighbour's burst."""
    from klint.cli import tune_gc

    for _ in range(warm):
        for _, fn in stages(text, path, per_rule, select):
            fn()
    tune_gc()
    times: dict[str, list[float]] = {}
    spent, done = 0.0, 0
    while done < repeat or (spent < least_ms and done < 50):
        for name, fn in stages(text, path, per_rule, select):
            t = time.process_time()
            fn()
            ms = 1000 * (time.process_time() - t)
            times.setdefault(name, []).append(ms)
            spent += ms
        done += 1
    return times


def profile(
    text: str, path: str, per_rule: bool, repeat: int, select: tuple[str, ...] = ()
) -> dict[str, float]:
    """Median CPU milliseconds of each stage over ``repeat`` runs (see :func:`runs`)."""
    return {
        name: statistics.median(xs)
        for name, xs in runs(text, path, per_rule, repeat, select).items()
    }


def _total(ms: dict[str, float]) -> float:
    return sum(t for name, t in ms.items() if name != FRAMES_READ)


def _print_stages(path: Path, ms: dict[str, float]) -> None:
    total = _total(ms)
    size = path.stat().st_size
    print(
        f"{path.name}: {size / 1024:.0f} KB, {total:.1f} ms cpu ({total * KB64 / size:.1f} ms per 64 KB)"
    )
    for name, t in sorted(ms.items(), key=lambda kv: -kv[1]):
        if t >= 0.05:
            print(f"  {name:<40} {t:8.2f} ms  {100 * t / total:5.1f} %")


def wikitext(
    files: list[Path], repeat: int, rounds: int, per_rule: bool, select: tuple[str, ...]
) -> None:
    """Each article's stages, the median of its runs over ``rounds`` rounds of the corpus
    (each at least ``repeat`` runs and a tenth of a second of them, over all rounds), set
    against its size-proportional share. Taken in rounds, a burst from a neighbour falls on
    one round of an article, never on all of its runs."""
    texts = {p: p.read_text(encoding="utf-8") for p in files}
    times: dict[Path, dict[str, list[float]]] = {p: {} for p in files}
    empty: dict[str, list[float]] = {}  # an empty article's: what every lint costs
    per_round = -(-repeat // rounds)  # runs, rounded up
    for k in range(rounds):
        warm = 2 if k == 0 else 1  # after the first round, one warm-up brings it back
        for p in files:
            got = runs(texts[p], p.name, per_rule, per_round, select, 100.0 / rounds, warm)
            for name, xs in got.items():
                times[p].setdefault(name, []).extend(xs)
        for name, xs in runs(
            "", "empty.wiki", per_rule, per_round, select, 100.0 / rounds, warm
        ).items():
            empty.setdefault(name, []).extend(xs)
    rows = [
        (p, p.stat().st_size, {name: statistics.median(xs) for name, xs in times[p].items()})
        for p in files
    ]
    total_ms = sum(_total(ms) for _, _, ms in rows)
    total_bytes = sum(size for _, size, _ in rows)
    per_byte = total_ms / total_bytes
    per_article = sorted(_total(ms) for _, _, ms in rows)
    print(
        f"{len(rows)} articles, {total_bytes / 1024:.0f} KB, {total_ms:.0f} ms cpu: "
        f"{per_byte * KB64:.1f} ms per 64 KB; median article {statistics.median(per_article):.1f} ms"
    )
    by_stage: dict[str, float] = {}
    for _, _, ms in rows:
        for name, t in ms.items():
            by_stage[name] = by_stage.get(name, 0.0) + t
    print("stages over the corpus (ms per 64 KB):")
    for name, t in sorted(by_stage.items(), key=lambda kv: -kv[1]):
        if t * KB64 / total_bytes >= 0.05:
            print(f"  {name:<40} {t * KB64 / total_bytes:7.2f}  {100 * t / total_ms:5.1f} %")
    over = sum(_total(ms) > 2 * size * per_byte for _, size, ms in rows)
    print(f"articles by share of their size-proportional time ({over} over 2, an outlier's mark):")
    held = {p: _held(texts[p], p.name) for p in files}
    corpus_regions = sum(h[0] for h in held.values()) / total_bytes
    corpus_claims = sum(sum(h[1:]) for h in held.values()) / total_bytes
    terms = [(1.0, size / 1024, *held[p][:4]) for p, size, _ in rows]
    coef = _fit(terms, [_total(ms) for _, _, ms in rows]) if len(rows) >= _LEAST_FITTED else None
    predicted = (
        {p: sum(c * x for c, x in zip(coef, t)) for (p, _, _), t in zip(rows, terms)}
        if coef
        else {}
    )
    print(
        f"  {'article':<44} {'KB':>6} {'ms':>8} {'ms/64KB':>8} {'share':>6} {'held':>5} "
        f"{'claims':>7} {'regions':>8}  dearest stages"
    )
    for p, size, ms in sorted(rows, key=lambda r: -_total(r[2]) / r[1])[:15]:
        t = _total(ms)
        dear = sorted(((n, v) for n, v in ms.items() if n != FRAMES_READ), key=lambda kv: -kv[1])
        top = ", ".join(f"{n} {v:.0f}" for n, v in dear[:3])
        regions, claims = held[p][0], sum(held[p][1:])
        print(
            f"  {p.name:<44} {size / 1024:6.0f} {t:8.1f} {t * KB64 / size:8.1f} "
            f"{t / (size * per_byte):6.2f} {_ratio(t, predicted.get(p, 0.0)):>5} "
            f"{claims / size / corpus_claims:6.1f}x {regions / size / corpus_regions:7.1f}x  {top}"
        )
    print(
        "  (held: its time over what the fit below predicts for what it holds; claims, regions:"
        f" per byte, against the corpus's, {corpus_claims * 1024:.1f} claims and"
        f" {corpus_regions * 1024:.1f} regions a KB)"
    )
    fixed = _total({name: statistics.median(xs) for name, xs in empty.items()})
    print(
        f"  a lint's fixed cost (an empty article): {fixed:.2f} ms, the share of "
        f"{fixed / per_byte / 1024:.1f} KB (a 2 KB article's share is {2048 * per_byte:.2f} ms)"
    )
    for least in (16, 64):
        big = [
            (_total(ms) / (size * per_byte), p.name) for p, size, ms in rows if size >= least * 1024
        ]
        if big:
            share, name = max(big)
            print(
                f"  articles of {least} KB or more: {len(big)}, the largest share {share:.2f} ({name})"
            )
    if coef is None:
        print(f"(held: no fit; it needs {_LEAST_FITTED} articles or more, each term in some)")
        return
    ratios = sorted(
        ((_total(ms) / predicted[p], p.name) for p, _, ms in rows if predicted[p] > 0),
        reverse=True,
    )
    print(
        "articles by their time against what they hold "
        f"({sum(r > 2 for r, _ in ratios)} over 2; the fit over the corpus: "
        + ", ".join(f"{c * 1000:.0f} µs {name}" for c, name in zip(coef, _TERMS))
        + "):"
    )
    for ratio, name in ratios[:5]:
        print(f"  {name:<44} {ratio:5.2f}")


#: what an article's time is fitted to (see :func:`_held`), and the articles a fit needs
_TERMS = ("an article", "a KB", "a region", "a date", "a quantity", "a name")
_LEAST_FITTED = 4 * len(_TERMS)


def _ratio(t: float, predicted: float) -> str:
    """``held``: a time over its prediction ("-" where there is none)."""
    return f"{t / predicted:.2f}" if predicted > 0 else "-"


def _held(text: str, path: str) -> tuple[int, int, int, int, int]:
    """An article's content regions, dates, quantities, names and acronyms, and references.
    The fit leaves references out: a reference's cost goes with its bytes."""
    from klint.extract import extract
    from klint.packs import load_packs
    from klint.sources import read_text

    doc = read_text(text, path)
    claims = extract(doc, load_packs(()))
    return (
        sum(1 for _ in doc.content_regions()),
        len(claims.dates),
        len(claims.quantities),
        len(claims.mentions) + len(claims.acronyms),
        len(claims.references),
    )


def _fit(rows: list[tuple[float, ...]], ys: list[float]) -> list[float] | None:
    """The least-squares coefficients of ``ys`` on the columns of ``rows``: the normal
    equations solved by elimination with partial pivoting; None where no one fit is best (a
    column of zeros, or one that others add up to)."""
    n = len(rows[0])
    a = [
        [sum(r[i] * r[j] for r in rows) for j in range(n)]
        + [sum(r[i] * y for r, y in zip(rows, ys))]
        for i in range(n)
    ]
    for col in range(n):
        pivot = max(range(col, n), key=lambda k: abs(a[k][col]))
        a[col], a[pivot] = a[pivot], a[col]
        if abs(a[col][col]) < 1e-9 * max(1.0, abs(a[0][0])):
            return None
        for k in range(col + 1, n):
            f = a[k][col] / a[col][col]
            a[k] = [x - f * y for x, y in zip(a[k], a[col])]
    coef = [0.0] * n
    for i in reversed(range(n)):
        coef[i] = (a[i][n] - sum(a[i][j] * coef[j] for j in range(i + 1, n))) / a[i][i]
    return coef


def instructions(paths: list[Path], no_gc: bool, select: tuple[str, ...] = ()) -> None:
    """Instructions per warm lint of ``paths`` (each in turn): (three lints - one lint) / 2,
    under cachegrind.

    The collector's passes depend on the heap's state and move the count by up to a tenth
    from run to run; ``no_gc`` leaves them out, to compare two versions of the code."""
    counts = []
    for n in (1, 3):
        proc = subprocess.run(
            [
                "valgrind",
                "--tool=cachegrind",
                "--cache-sim=no",
                "--cachegrind-out-file=/dev/null",
                sys.executable,
                __file__,
                "--_lint",
                str(n),
                *map(str, paths),
                f"--extend-select={','.join(select)}",
            ],
            capture_output=True,
            text=True,
            check=True,
            # the same set orders run to run; the collector off if asked; no bytecode written
            # (else the first child alone pays for compiling what changed since the last run)
            env={
                **os.environ,
                "PYTHONHASHSEED": "0",
                "PYTHONDONTWRITEBYTECODE": "1",
                "KLINT_PROFILE_NO_GC": "1" if no_gc else "",
            },
        )
        found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
        assert found, proc.stderr[-500:]
        counts.append(int(found.group(1).replace(",", "")))
    per = (counts[1] - counts[0]) / 2
    size = sum(p.stat().st_size for p in paths)
    name = paths[0].name if len(paths) == 1 else f"{len(paths)} files, {size / 1024:.0f} KB"
    rate = f" ({per * KB64 / size / 1e6:.1f} M per 64 KB)" if size else ""  # an empty article
    print(f"{name}: {per / 1e6:.2f} M instructions per warm lint{rate}")


def _lint_n(n: int, paths: list[Path], select: tuple[str, ...]) -> None:
    """One warm-up lint of each file, then ``n`` more (the ``--instructions`` child)."""
    from klint.cli import tune_gc
    from klint.config import Config
    from klint.engine import lint_text

    texts = [(p.read_text(encoding="utf-8"), p.name) for p in paths]
    cfg = Config(extend_select=select)
    for text, name in texts:
        lint_text(text, name, cfg)
    tune_gc()
    if os.environ.get("KLINT_PROFILE_NO_GC"):
        gc.collect()
        gc.disable()  # the code's own instructions, without the collector's varying passes
    for _ in range(n):
        for text, name in texts:
            lint_text(text, name, cfg)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("files", nargs="*", type=Path, help="articles (default: the seed)")
    ap.add_argument("--per-rule", action="store_true", help="time every enabled rule alone")
    ap.add_argument("--wikitext", action="store_true", help="the development wikitext corpus")
    ap.add_argument(
        "--repeat", type=int, default=0, help="runs per article (default 10, wikitext 3)"
    )
    ap.add_argument(
        "--rounds", type=int, default=3, help="with --wikitext: rounds over the corpus (3)"
    )
    ap.add_argument("--instructions", action="store_true", help="count instructions (valgrind)")
    ap.add_argument(
        "--no-gc", action="store_true", help="with --instructions: the garbage collector off"
    )
    ap.add_argument(
        "--together", action="store_true", help="with --instructions: the files counted as one"
    )
    ap.add_argument("--extend-select", default="", help="opt-in rules to add (KD110,KN209)")
    ap.add_argument("--_lint", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    select = tuple(c for c in args.extend_select.split(",") if c)
    if args._lint is not None:
        _lint_n(args._lint, args.files, select)
        return 0
    files = args.files or ([] if args.wikitext else [SEED])
    if args.instructions:
        files = files or sorted(WIKITEXT.glob("*.wiki"))
        for group in [files] if args.together else [[p] for p in files]:
            instructions(group, args.no_gc, select)
        return 0
    if args.wikitext:
        if not WIKITEXT.is_dir():
            print(f"no corpus at {os.path.relpath(WIKITEXT)}", file=sys.stderr)
            return 1
        wikitext(
            files or sorted(WIKITEXT.glob("*.wiki")),
            args.repeat or 3,
            args.rounds,
            args.per_rule,
            select,
        )
        return 0
    for p in files:
        text = p.read_text(encoding="utf-8")
        _print_stages(p, profile(text, p.name, args.per_rule, args.repeat or 10, select))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
