"""Run a corpus: map every article (files, and the pages of wiki dumps) to its findings and
facts, then group the facts by entity and compare them (the cross-article KC rules).

Two engines run the same map and group-by with identical output: ``jobs`` (worker
processes on this machine, the default) and ``dask`` (a ``dask.distributed`` cluster:
``dask.bag`` over the files or the dump's pages, windows of pages in flight so memory
stays flat however large the dump).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from klint.config import Config
from klint.diagnostics import Diagnostic
from klint.engine import FileResult, _engine_diagnostic, check_document, die_with_parent, lint_files
from klint.rules import all_rules
from klint.rules.corpus._common import Fact

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from klint.cache import Cache
    from klint.corpus.index import FactIndex, Group

#: pages a worker gets at a time, and how many such batches are in flight per worker
BATCH = 32
IN_FLIGHT = 4
#: pages in one partition of a Dask bag: small, so a long article does not hold up a window
PARTITION = 4


@dataclass
class Engine:
    """How the map and the group-by run: ``jobs`` worker processes, or a Dask cluster
    (``scheduler`` an address like ``tcp://host:8786``; None: a local cluster of ``jobs`` workers)."""

    kind: str = "jobs"
    jobs: int = 1
    scheduler: str | None = None
    _client: Any = field(default=None, repr=False)

    def client(self) -> Any:
        if self._client is None:
            from dask.distributed import Client, LocalCluster

            if self.scheduler:
                self._client = Client(self.scheduler)
            else:
                cluster = LocalCluster(
                    n_workers=self.jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # any free port: 8787 may be another cluster's
                )
                self._client = Client(cluster)
        return self._client

    def workers(self) -> int:
        if self.kind != "dask":
            return self.jobs
        return max(1, len(self.client().scheduler_info().get("workers", {})))

    def close(self) -> None:
        if self._client is not None and not self.scheduler:
            cluster = self._client.cluster
            self._client.close()
            if cluster is not None:
                cluster.close()
        elif self._client is not None:
            self._client.close()
        self._client = None


@dataclass
class Stats:
    """What a run did, for the benchmark."""

    articles: int = 0
    comparing: bool = False  # pass two has begun: the results now are findings across articles
    facts: int = 0
    index_bytes: int = 0
    cross_seconds: float = 0.0


def lint_corpus(
    files: list[tuple[str, Config]],
    dumps: list[tuple[str, Config]],
    engine: Engine,
    fmt: str | None = None,
    cache: Cache | None = None,
    stats: Stats | None = None,
) -> Iterator[FileResult]:
    """Every article's result (files first, then each dump's pages), then the cross-article
    findings, each as a :class:`FileResult` of the article it is in."""
    import time

    stats = stats or Stats()
    configs = [cfg for _, cfg in [*files, *dumps]]
    index = None
    if any(_corpus_codes(cfg) for cfg in configs):  # the fact index (sqlite3) only for KC rules
        from klint.corpus.index import FactIndex, index_name

        target = None
        if cache is not None:
            target = cache.root / "index" / index_name([p for p, _ in [*files, *dumps]])
        index = FactIndex(target)
    try:
        for result in _map(files, dumps, engine, fmt, cache):
            if not result.error or result.diagnostics:
                stats.articles += 1
            if index is not None and result.facts:
                index.add(result.facts)
            result.facts = []
            yield result
        if index is not None and stats.articles > 1:
            started = time.monotonic()
            stats.comparing = True
            yield from _compare(index, engine)
            stats.cross_seconds = time.monotonic() - started
            stats.facts = index.count
            stats.index_bytes = index.size()
    finally:
        if index is not None:
            index.close()


def cross_article(configs: Iterable[Config]) -> bool:
    """Whether a run with these configurations has a cross-article rule to run."""
    return any(_corpus_codes(cfg) for cfg in configs)


def _corpus_codes(cfg: Config) -> list[str]:
    from klint.rules.corpus._common import CorpusRule

    return [
        r.code
        for r in all_rules()
        if issubclass(r, CorpusRule) and cfg.is_enabled(r.code, r.default_enabled, None)
    ]


# ---------------------------------------------------------------- pass one: the map


def _map(
    files: list[tuple[str, Config]],
    dumps: list[tuple[str, Config]],
    engine: Engine,
    fmt: str | None,
    cache: Cache | None,
) -> Iterator[FileResult]:
    if files:
        if engine.kind == "dask":
            yield from lint_files(files, 1, fmt, cache, mapper=_dask_mapper(engine))
        else:
            yield from lint_files(files, min(engine.jobs, len(files)), fmt, cache)
    for dump, cfg in dumps:
        yield from lint_dump(dump, cfg, engine, cache)


def _dask_mapper(
    engine: Engine,
) -> Callable[[Callable[[Any], FileResult], list[Any]], Iterator[FileResult]]:
    def mapper(func: Callable[[Any], FileResult], todo: list[Any]) -> Iterator[FileResult]:
        import dask.bag as db

        if not todo:
            return iter(())
        parts = min(len(todo), engine.workers() * IN_FLIGHT)
        bag = db.from_sequence(todo, npartitions=parts).map(func)
        return iter(engine.client().compute(bag).result())

    return mapper


def lint_page(path: str, text: str, cfg: Config) -> FileResult:
    """Lint one page's wikitext as the file ``path``; a crash is a KI001 finding, never lost."""
    from klint.sources import read_text

    try:
        return check_document(read_text(text, path, "wikitext"), cfg)
    except Exception as exc:
        d = _engine_diagnostic(
            "KI001", f"internal error while linting: {type(exc).__name__}: {exc}", path
        )
        d.line = d.column = d.end_line = d.end_column = 1
        return FileResult(path, [d], error=True)


def _lint_batch(batch: list[tuple[str, str]], cfg: Config) -> list[FileResult]:
    return [lint_page(path, text, cfg) for path, text in batch]


def _batches(dump: str, errors: list[FileResult]) -> Iterator[list[tuple[str, str]]]:
    """The dump's pages as ``(DUMP#Title, wikitext)`` batches; a broken dump ends the stream
    with a KI002 finding in ``errors`` (the pages before it are checked)."""
    from klint.sources.dump import DumpError, iter_pages, page_path

    pages = ((page_path(dump, p.title), p.text) for p in iter_pages(dump))
    try:
        while batch := list(islice(pages, BATCH)):
            yield batch
    except DumpError as exc:
        d = _engine_diagnostic("KI002", str(exc), dump)
        line = int(str(exc).split("line ", 1)[1].split(",")[0]) if "at line " in str(exc) else 1
        d.line, d.column, d.end_line, d.end_column = line, 1, line, 1
        errors.append(FileResult(dump, [d], error=True))


Todo = list[tuple[str, str, "str | None"]]  # pages to lint: (path, wikitext, cache key)


def lint_dump(
    dump: str, cfg: Config, engine: Engine, cache: Cache | None = None
) -> Iterator[FileResult]:
    """The results of a dump's pages, then its read error if it has one.

    Pages the cache knows are answered from it; the others are linted in batches, a
    bounded number in flight (so memory stays flat), on the engine's workers.
    """
    errors: list[FileResult] = []
    with _Submitter(engine, cfg) as submit:
        window: Todo = []
        for batch in _batches(dump, errors):
            for path, text in batch:
                key = cache.key(path, cfg, "wikitext", text) if cache is not None else None
                hit = cache.get(key, path) if cache is not None else None
                if hit is not None:
                    yield hit
                else:
                    window.append((path, text, key))
            if len(window) >= submit.size:
                yield from _stored(submit(window), cache, cfg)
                window = []
        if window:
            yield from _stored(submit(window), cache, cfg)
        yield from _stored(submit.drain(), cache, cfg)
    yield from errors


def _stored(
    done: Iterator[tuple[Todo, list[FileResult]]], cache: Cache | None, cfg: Config
) -> Iterator[FileResult]:
    for todo, results in done:
        for (_, text, key), result in zip(todo, results):
            if cache is not None:
                cache.put(key, result, cfg, "wikitext", text)
            yield result


class _Submitter:
    """Batches of pages to the engine's workers, at most ``limit`` in flight; calling it
    submits one batch and gives back the batches that had to finish first."""

    def __init__(self, engine: Engine, cfg: Config) -> None:
        self.engine, self.cfg = engine, cfg
        self.pending: deque[tuple[Todo, Any]] = deque()
        self.pool: ProcessPoolExecutor | None = None
        if engine.kind == "dask":  # windows of a batch a worker, a few in flight
            self.size, self.limit = BATCH * engine.workers(), IN_FLIGHT
        else:
            self.size, self.limit = BATCH, engine.jobs * IN_FLIGHT

    def __enter__(self) -> _Submitter:
        if self.engine.kind != "dask" and self.engine.jobs > 1:
            # imported only here: with multiprocessing it costs about 50 M instructions
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(
                max_workers=self.engine.jobs,
                initializer=die_with_parent,
                initargs=(os.getpid(),),
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def __call__(self, todo: Todo) -> Iterator[tuple[Todo, list[FileResult]]]:
        pages = [(path, text) for path, text, _ in todo]
        if self.engine.kind == "dask":
            import dask.bag as db

            cfg = self.cfg
            bag = db.from_sequence(pages, partition_size=PARTITION).map(
                lambda p: lint_page(p[0], p[1], cfg)
            )
            self.pending.append((todo, self.engine.client().compute(bag)))
        elif self.pool is not None:
            self.pending.append((todo, self.pool.submit(_lint_batch, pages, self.cfg)))
        else:
            self.pending.append((todo, _lint_batch(pages, self.cfg)))
        while len(self.pending) > self.limit:
            yield self._next()

    def drain(self) -> Iterator[tuple[Todo, list[FileResult]]]:
        while self.pending:
            yield self._next()

    def _next(self) -> tuple[Todo, list[FileResult]]:
        todo, job = self.pending.popleft()
        return todo, job if isinstance(job, list) else job.result()


# ---------------------------------------------------------------- pass two: group by entity, compare


Found = tuple[Diagnostic, dict[int, str], dict[int, str]]  # a finding, the lines of both places


def compare_group(group: Group) -> list[Found]:
    """The findings of one (rule, entity, attribute) group, each with the source lines of its
    two places (the reporters quote them)."""
    from klint.rules import get_rule
    from klint.rules.corpus._common import CorpusRule

    code, own, said = group
    rule = get_rule(code)
    if rule is None or not issubclass(rule, CorpusRule):
        return []
    texts = {(f.path, f.line): f.line_text for f in [*own, *said]}
    out = []
    for d in rule().compare(own, said):
        r = d.related[0]
        out.append(
            (
                d,
                {d.line: texts.get((d.path, d.line), "")},
                {r.line: texts.get((r.path or d.path, r.line), "")},
            )
        )
    return out


def _compare(index: FactIndex, engine: Engine) -> Iterator[FileResult]:
    """Compare each group of the index (in this process, or grouped and compared on the Dask
    cluster), and give each finding as a result of its article, with the lines of both places."""
    if engine.kind == "dask":
        found: Iterable[Found] = _dask_compare(index, engine)
    else:
        found = (item for g in index.groups() for item in compare_group(g))
    for d, said_lines, own_lines in found:
        yield FileResult(d.path, [d], lines=said_lines)
        yield FileResult(d.related[0].path or d.path, [], lines=own_lines)


def _dask_compare(index: FactIndex, engine: Engine) -> list[Found]:
    """``dask.bag`` over the facts of the index, folded by (rule, entity, attribute) on the
    cluster, each group compared there."""
    import dask.bag as db

    facts = list(index.candidates())
    if not facts:
        return []
    bag = db.from_sequence(facts, npartitions=min(len(facts), engine.workers() * IN_FLIGHT))
    grouped = bag.foldby(_group_key, _add, [], _merge_groups, [])
    found = grouped.map(lambda kv: compare_group(_as_group(kv[1]))).flatten()
    return sorted(engine.client().compute(found).result(), key=lambda f: f[0].sort_key())


def _group_key(f: Fact) -> tuple[str, str, str]:
    return (f.code, f.entity, f.attribute)


def _add(acc: list[Fact], f: Fact) -> list[Fact]:
    return [*acc, f]


def _merge_groups(a: list[Fact], b: list[Fact]) -> list[Fact]:
    return [*a, *b]


def _as_group(facts: list[Fact]) -> Group:
    return (facts[0].code, [f for f in facts if f.own], [f for f in facts if not f.own])
