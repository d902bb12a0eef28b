"""The pipeline, top to bottom: read → extract → check → suppress → locate.

``lint_text`` and ``lint_paths`` are the library API and what the CLI runs.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from klint import suppress
from klint.claimsfile import load_for
from klint.config import Config, discover
from klint.deadline import OutOfTime, deadline
from klint.diagnostics import Diagnostic, Related, Severity
from klint.document import Document
from klint.packs import Packs, load_packs
from klint.rules import Context, Rule, all_rules
from klint.rules.redirects import lineage
from klint.sources import SourceError, read_path, read_text

if TYPE_CHECKING:
    from klint.cache import Cache
    from klint.claimsfile.loader import Sidecar
    from klint.rules.corpus._common import Fact


@dataclass
class FileResult:
    """The outcome of linting one file."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: bool = False  # an internal or read error (exit status 2)
    lines: dict[int, str] = field(default_factory=dict)  # the source lines diagnostics point at
    facts: list[Fact] = field(default_factory=list)  # what the cross-article rules compare


def enabled_rules(config: Config, path: str | None = None) -> list[Rule]:
    """An instance of each rule ``config`` enables for the file ``path``, in code order."""
    # what per-file-ignores turn off for the file is ignored like the rest
    ignore = tuple(config.ignore) + (config.ignored_for(path) if path is not None else ())
    select = None if config.select is None else tuple(config.select)
    return [cls() for cls in _selected(select, tuple(config.extend_select), ignore)]


@lru_cache(maxsize=64)
def _selected(
    select: tuple[str, ...] | None, extend_select: tuple[str, ...], ignore: tuple[str, ...]
) -> tuple[type[Rule], ...]:
    """The rule classes these selectors enable: the same for every file they apply to, so
    chosen once (choosing costs about 1.4 M instructions, a tenth of a stub's lint)."""
    config = Config(select=select, extend_select=extend_select, ignore=ignore)
    return tuple(cls for cls in all_rules() if config.is_enabled(cls.code, cls.default_enabled))


def _engine_diagnostic(
    code: str, message: str, path: str, start: int = 0, end: int = 0
) -> Diagnostic:
    from klint.rules import get_rule

    cls = get_rule(code)
    assert cls is not None
    return Diagnostic(code, cls.name, cls.severity, message, start, end, path=path)


def _one_line(exc: BaseException) -> str:
    """``Type: message [file:line]`` on one line (some exception messages span several)."""
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    text = text if len(text) <= 300 else text[:299] + "…"
    return f"{text} [{Path(where.filename).name}:{where.lineno}]" if where else text


def load_claims_file(doc: Document) -> Sidecar | None:
    """The claims file beside the article (or in its front matter); problems become KS001, never exceptions."""
    return load_for(doc)


def check_document(doc: Document, config: Config, packs: Packs | None = None) -> FileResult:
    """Run the enabled rules over a parsed document."""
    from klint.extract import extract
    from klint.rules.corpus._common import corpus_rules

    packs = packs or load_packs(config.rule_packs)
    result = FileResult(doc.path)
    rules = enabled_rules(config, doc.path)
    enabled = {rule.code for rule in rules}  # the engine's own checks too (KI002 to KI005)
    found: list[Diagnostic] = []
    started = time.monotonic()  # the time budget covers extraction too
    stopped = ""  # what ran out of time: the extraction, a rule, a rule's facts
    skipped = len(rules)  # the rules not run when it did
    try:
        with deadline(config.time_budget):
            stopped = " while reading the article's claims"
            try:
                claims = extract(doc, packs, config.languages)
            except Exception as exc:  # an extractor bug: this file gets KI001, the run goes on
                result.error = True
                message = f"claim extraction failed: {_one_line(exc)}"
                d = _engine_diagnostic("KI001", message, doc.path)
                _locate(doc, [d])
                result.diagnostics = [d]
                return result
            ctx = Context(
                doc=doc, claims=claims, packs=packs, config=config, sidecar=load_claims_file(doc)
            )
            _reader_warnings(doc, ctx, enabled, found)
            for k, rule in enumerate(rules):
                if time.monotonic() - started > config.time_budget:
                    stopped, skipped = "", len(rules) - k
                    raise OutOfTime  # no alarm could be set: the budget is read between rules
                stopped, skipped = f" in {rule.code} ({rule.name})", len(rules) - k - 1
                try:
                    for diag in rule.check(ctx):
                        diag.severity = config.severity_for(diag.code, diag.severity)
                        found.append(diag)
                except Exception as exc:  # a failing rule must not take the run down
                    result.error = True
                    message = f"rule {rule.code} ({rule.name}) failed: {_one_line(exc)}"
                    found.append(_engine_diagnostic("KI001", message, doc.path))
            skipped = 0
            for rule in corpus_rules(rules):  # what the cross-article rules compare (pass one)
                stopped = f" in {rule.code} ({rule.name}), reading what it compares"
                try:
                    result.facts.extend(rule.facts(ctx))
                except Exception as exc:
                    result.error = True
                    message = f"rule {rule.code} ({rule.name}) failed: {_one_line(exc)}"
                    found.append(_engine_diagnostic("KI001", message, doc.path))
    except OutOfTime:
        if "KI004" in enabled:
            message = f"checking stopped after {config.time_budget:g} s (time-budget){stopped}"
            if skipped:
                message += f"; {skipped} rules were skipped"
            found.append(_engine_diagnostic("KI004", message, doc.path))
    _locate(doc, found)
    suppressions = suppress.parse(doc.text, doc.position)
    if result.facts and suppressions:  # a suppressed place takes no part in a KC comparison
        result.facts = [f for f in result.facts if f.own or not _suppressed(f, suppressions)]
    # suppression comments in the article apply to findings in the article, not in its claims file
    kept = suppress.apply([d for d in found if d.path == doc.path], suppressions)
    kept += [d for d in found if d.path != doc.path]
    if "KI005" in enabled:
        unknown = _unknown_codes(suppressions)
        for s, code, hint in unknown:
            d = _engine_diagnostic(
                "KI005",
                f"suppression names {code!r}, which is not a rule code"
                + (f"; did you mean {hint!r}?" if hint else "; see `klint rules`"),
                doc.path,
                s.start,
                s.end,
            )
            _locate(doc, [d])
            kept.append(d)
        result.error = result.error or bool(unknown)
    if "KI003" in enabled:
        for s in suppressions:
            unused = (s.codes - s.used) if s.codes else ({"*"} if not s.used else set())
            if unused:
                d = _engine_diagnostic(
                    "KI003",
                    "suppression of "
                    + (", ".join(sorted(unused)) if s.codes else "every rule")
                    + " suppresses nothing",
                    doc.path,
                    s.start,
                    s.end,
                )
                _locate(doc, [d])
                kept.append(d)
    result.diagnostics = sorted(kept, key=Diagnostic.sort_key)
    wanted = {d.line for d in kept if d.path == doc.path}
    wanted |= {r.line for d in kept for r in d.related if (r.path or d.path) == doc.path}
    result.lines = {n: doc.line_text(n) for n in sorted(wanted) if n > 0}
    return result


def _reader_warnings(
    doc: Document, ctx: Context, enabled: set[str], found: list[Diagnostic]
) -> None:
    """KI002 warnings of a file read with a simpler reader, or whose front matter was ignored
    (the article is still checked, without what its front matter would have said)."""
    if "KI002" not in enabled:
        return
    if doc.reader_warning:
        found.append(_engine_diagnostic("KI002", doc.reader_warning, doc.path))
        found[-1].severity = Severity.WARNING
    if doc.front_matter_error and ctx.sidecar is None:
        message = f"{doc.front_matter_error}; the front matter was ignored"
        found.append(_engine_diagnostic("KI002", message, doc.path))
        found[-1].severity = Severity.WARNING


def _suppressed(fact: Fact, suppressions: list[suppress.Suppression]) -> bool:
    hit = next((s for s in suppressions if s.covers(fact.code, fact.line)), None)
    if hit is not None:
        hit.used.add(fact.code)
    return hit is not None


_DIGIT_LOOKALIKES = str.maketrans("OIL", "011")


def _unknown_codes(
    suppressions: list[suppress.Suppression],
) -> list[tuple[suppress.Suppression, str, str | None]]:
    """``(suppression, code, closest real code)`` for each code in a directive that no rule has."""
    if not suppressions:
        return []
    import difflib

    codes = [r.code for r in all_rules()]
    out = []
    for s in suppressions:
        for code in sorted(s.codes - set(codes)):
            # a letter typed for a digit: "KN2O1" is KN201 (not the as-close KN210)
            typed = code.upper()[:2] + code.upper()[2:].translate(_DIGIT_LOOKALIKES)
            hint = typed if typed in codes else None
            hint = hint or next(iter(difflib.get_close_matches(code.upper(), codes, n=1)), None)
            out.append((s, code, hint))
    return out


def _locate(doc: Document, diagnostics: list[Diagnostic]) -> None:
    """Fill line/column and fingerprints from character offsets."""
    for d in diagnostics:
        if d.line:  # located by its rule in another file (a claims file): keep it
            continue
        d.path = doc.path
        d.line, d.column = doc.position(d.start)
        d.end_line, d.end_column = doc.position(max(d.start, d.end))
        for r in d.related:
            if r.line:
                continue
            r.line, r.column = doc.position(r.start)
            r.end_line, r.end_column = doc.position(max(r.start, r.end))
        d.fingerprint = fingerprint(doc, d)


def fingerprint(doc: Document, d: Diagnostic) -> str:
    """A hash of what was found, not where: survives edits that only move lines, and a check's
    move to a code of its own (the hash takes the code it was first reported under)."""
    parts = [lineage(d.code), " ".join(doc.text[d.start : d.end].split())]
    parts += [" ".join(doc.text[r.start : r.end].split()) for r in d.related]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def lint_text(
    text: str, path: str | None = None, config: Config | None = None, fmt: str | None = None
) -> list[Diagnostic]:
    """Lint article text and return its diagnostics, sorted."""
    config = config or Config()
    doc = read_text(text, path or "<text>", fmt)
    return check_document(doc, config).diagnostics


def lint_file(path: str, config: Config | None = None, fmt: str | None = None) -> FileResult:
    """Lint one file; read errors become a KI002 diagnostic instead of an exception."""
    config = config or discover(str(Path(path).parent))
    try:
        doc = read_path(path, fmt)
    except SourceError as exc:
        return FileResult(path, [_read_error(path, str(exc))], error=True)
    return check_document(doc, config)


def _read_error(path: str, message: str) -> Diagnostic:
    d = _engine_diagnostic("KI002", message, path)
    d.line, d.column, d.end_line, d.end_column = 1, 1, 1, 1
    return d


def iter_files(
    paths: Iterable[str], config: Config | None = None, force_exclude: bool = False
) -> Iterator[tuple[str, Config]]:
    """Expand files and folders into ``(file, config)`` pairs, in a stable order.

    Folders are walked with the include/exclude globs of the configuration that
    applies to them, skipping what git ignores (``respect-gitignore``); explicitly
    named files are always linted, unless ``force-exclude`` makes them obey ``exclude``.
    """
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            cfg = config or discover(str(p))
            for file in _walk(p, cfg):
                key = os.path.realpath(file)
                if key not in seen:
                    seen.add(key)
                    yield file, config or discover(str(Path(file).parent))
        else:
            key = os.path.realpath(raw)
            cfg = config or discover(str(p.parent))
            forced = force_exclude or cfg.force_exclude
            if key not in seen and not (forced and _force_excluded(raw, cfg)):
                seen.add(key)
                yield raw, cfg


def skipped_because(path: str, cfg: Config) -> str | None:
    """Why walking a folder would skip the file ``path`` (None: it would be linted)."""
    name = Path(path).name
    if not any(fnmatch.fnmatch(name, pat) for pat in cfg.include):
        return "not an article (include: " + ", ".join(cfg.include) + ")"
    if _force_excluded(path, cfg):
        return "excluded (exclude); linted only when named, unless force-exclude is set"
    if cfg.respect_gitignore:
        from klint.gitdiff import gitignored

        if gitignored([name], str(Path(path).parent)):
            return "ignored by git (respect-gitignore); linted only when named"
    return None


def _force_excluded(path: str, cfg: Config) -> bool:
    """Whether a named file, or a folder above it inside the configuration's root, is excluded."""
    rel = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(cfg.root)))
    if rel.parts[:1] == ("..",):
        rel = Path(path)
    parts = rel.parts
    return any(
        _excluded(parts[i], Path(*parts[: i + 1]).as_posix(), cfg.exclude)
        for i in range(len(parts))
    )


def _excluded(name: str, rel: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, pat) or fnmatch.fnmatch(rel, pat) for pat in patterns)


def _walk(root: Path, cfg: Config) -> list[str]:
    out: list[str] = []
    visited: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        if (st.st_dev, st.st_ino) in visited:  # a symlink loop
            dirnames[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        rel_dir = os.path.relpath(dirpath, root)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not _excluded(d, os.path.normpath(os.path.join(rel_dir, d)), cfg.exclude)
            and not os.path.exists(os.path.join(dirpath, d, "pyvenv.cfg"))  # any virtualenv
        )
        for name in sorted(filenames):
            rel = os.path.normpath(os.path.join(rel_dir, name))
            if _excluded(name, rel, cfg.exclude):
                continue
            if any(fnmatch.fnmatch(name, pat) for pat in cfg.include):
                out.append(os.path.normpath(os.path.join(dirpath, name)))  # no "./"
    if cfg.respect_gitignore and out:
        from klint.gitdiff import gitignored

        ignored = gitignored([os.path.relpath(f, root) for f in out], str(root))
        out = [f for f in out if os.path.relpath(f, root) not in ignored]
    return out


def _lint_one(args: tuple[str, Config, str | None]) -> FileResult:
    path, cfg, fmt = args
    try:
        return lint_file(path, cfg, fmt)
    except Exception as exc:  # never lose the other files to one file's failure
        d = _engine_diagnostic(
            "KI001", f"internal error while linting: {type(exc).__name__}: {exc}", path
        )
        d.line = d.column = d.end_line = d.end_column = 1
        return FileResult(path, [d], error=True)


def die_with_parent(parent: int) -> None:
    """Worker start-up: end this worker when the process that started it dies, even by SIGKILL
    (a worker would otherwise live on, blocked writing to a pipe nobody reads).

    On Linux the kernel sends the signal (``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon
    thread checks once a second whether the parent is still there.
    """
    import sys

    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # 1: PR_SET_PDEATHSIG
                if os.getppid() != parent:  # it died before the call
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="klint-parent-watch", daemon=True).start()


def lint_files(
    files: list[tuple[str, Config]],
    jobs: int = 1,
    fmt: str | None = None,
    cache: Cache | None = None,
    mapper: Callable[[Callable[[Any], FileResult], list[Any]], Iterator[FileResult]] | None = None,
) -> Iterator[FileResult]:
    """Lint files, in parallel when ``jobs > 1``; results come back in input order.

    With a ``cache`` (:class:`klint.cache.Cache`), unchanged files are answered
    from it and only the others are linted. ``mapper`` maps the linting over the files
    to lint instead (another engine, like a Dask cluster), results in input order.
    """
    tasks = [(path, cfg, fmt) for path, cfg in files]
    keys: list[str | None] = (
        [cache.key(path, cfg, fmt) for path, cfg, _ in tasks] if cache else [None] * len(tasks)
    )
    cached: list[FileResult | None] = (
        [cache.get(k, t[0]) for k, t in zip(keys, tasks)] if cache else [None] * len(tasks)
    )
    todo = [t for t, hit in zip(tasks, cached) if hit is None]
    if mapper is not None:
        yield from _merge(tasks, keys, cached, mapper(_lint_one, todo), cache)
    elif jobs > 1 and len(todo) > 2:
        yield from _merge(tasks, keys, cached, _pooled(todo, jobs), cache)
    else:
        yield from _merge(tasks, keys, cached, map(_lint_one, todo), cache)


#: files a worker is sent at a time: few, so that no worker is left with a long tail at the end
CHUNK = 4


def _pooled(todo: list[tuple[str, Config, str | None]], jobs: int) -> Iterator[FileResult]:
    """Lint ``todo`` on ``jobs`` worker processes, results in input order.

    The first file is linted here, before the workers start: what every worker would
    otherwise build on its first file (imported modules, compiled patterns, rule packs) is
    built once and inherited by forking. If the caller froze its start-up heap out of the
    collector (:func:`klint.cli.tune_gc`), what the first file added to it is frozen too.
    """
    import gc
    from concurrent.futures import ProcessPoolExecutor

    yield _lint_one(todo[0])
    if gc.get_freeze_count():
        gc.freeze()
    rest = todo[1:]
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(rest)), initializer=die_with_parent, initargs=(os.getpid(),)
    ) as pool:
        yield from pool.map(_lint_one, rest, chunksize=CHUNK)


def _merge(
    tasks: list[tuple[str, Config, str | None]],
    keys: list[str | None],
    cached: list[FileResult | None],
    fresh: Iterator[FileResult],
    cache: Cache | None,
) -> Iterator[FileResult]:
    """Interleave cache hits with freshly linted results, in input order; store the fresh ones."""
    for (_, cfg, fmt), key, hit in zip(tasks, keys, cached):
        if hit is not None:
            yield hit
            continue
        result = next(fresh)
        if cache is not None:
            cache.put(key, result, cfg, fmt)
        yield result


def lint_paths(
    paths: Iterable[str], config: Config | None = None, jobs: int = 1
) -> list[Diagnostic]:
    """Lint files and folders and return every diagnostic, sorted."""
    out: list[Diagnostic] = []
    for result in lint_files(list(iter_files(paths, config)), jobs):
        out.extend(result.diagnostics)
    return sorted(out, key=Diagnostic.sort_key)


__all__ = [
    "FileResult",
    "check_document",
    "lint_file",
    "lint_files",
    "lint_paths",
    "lint_text",
    "iter_files",
    "Related",
    "Severity",
]
