"""The command line: ``klint check | extract | rules | explain | init | schema``.

Exit status, like ruff: 0 no findings, 1 findings, 2 usage, configuration or
internal error (with findings or not).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypedDict

from klint import REPOSITORY, __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from klint.claims import Claim, Claims, DateClaim, Frame
    from klint.config import Config
    from klint.corpus.run import Engine
    from klint.diagnostics import Diagnostic, Severity
    from klint.document import Document
    from klint.engine import FileResult
    from klint.gitdiff import Changes
    from klint.report import Finding
    from klint.rules import Rule

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with how klint was called; printed as one line, exit 2."""


def _codes(value: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def build_parser() -> argparse.ArgumentParser:
    from klint.diagnostics import Severity
    from klint.report import FORMATS
    from klint.sources import READERS

    parser = argparse.ArgumentParser(prog="klint", description="A linter for facts in prose.")
    parser.add_argument("--version", action="version", version=f"klint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint files and folders")
    check.add_argument(
        "paths", nargs="*", default=["."], metavar="PATH", help="files or folders; - for stdin"
    )
    check.add_argument(
        "--select", type=_codes, help="rule codes or prefixes to enable (replaces the defaults)"
    )
    check.add_argument(
        "--extend-select", type=_codes, default=(), help="rule codes or prefixes to add"
    )
    check.add_argument(
        "--ignore", type=_codes, default=(), help="rule codes or prefixes to disable"
    )
    check.add_argument(
        "--output-format",
        choices=sorted(FORMATS),
        default=None,
        help="how to print findings (default: full on a terminal, concise otherwise)",
    )
    check.add_argument("-o", "--output-file", help="write the report to this file")
    check.add_argument(
        "--format", dest="input_format", choices=sorted(READERS), help="force the input format"
    )
    check.add_argument("--stdin-filename", help="the path to report for text read from stdin")
    check.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply exclude to files named on the command line too (for pre-commit)",
    )
    check.add_argument(
        "--show-settings",
        action="store_true",
        help="print which configuration file and which rules apply to each PATH, and exit",
    )
    check.add_argument("--config", help="use this configuration file instead of discovering one")
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print the number of findings per rule instead of the findings",
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )
    check.add_argument(
        "--allow-empty",
        action="store_true",
        help="a folder without articles is not an error",
    )
    check.add_argument(
        "--fail-level",
        choices=[s.value for s in Severity],
        help="exit 1 only for findings at least this severe (default: info, i.e. any finding)",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    check.add_argument(
        "-j", "--jobs", type=int, default=0, help="parallel workers (default: number of cores)"
    )
    check.add_argument(
        "--engine",
        choices=["jobs", "dask"],
        default="jobs",
        help="run on --jobs worker processes (default) or on a Dask cluster (the dask extra)",
    )
    check.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler to run on (tcp://HOST:PORT; implies --engine dask)",
    )
    check.add_argument(
        "--diff",
        "--changed-since",
        dest="diff",
        metavar="REF",
        help="lint files changed since the git REF; report only findings on changed lines",
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="report only findings this baseline does not record"
    )
    check.add_argument(
        "--write-baseline", metavar="FILE", help="record the current findings in FILE and exit"
    )
    check.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the content cache"
    )
    check.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="cache folder (default: $KLINT_CACHE_DIR, else ~/.cache/klint)",
    )

    extract = sub.add_parser("extract", help="show the claims klint reads in a file")
    extract.add_argument("file", help="the article (- for stdin)")
    extract.add_argument("--format", dest="output", choices=["yaml", "json"], default="yaml")
    extract.add_argument("--input-format", choices=sorted(READERS), help="force the input format")
    extract.add_argument("--stdin-filename", help="the path to report for text read from stdin")
    extract.add_argument(
        "--sidecar",
        action="store_true",
        help="write a starter claims file <article>.klint.yaml beside the article",
    )
    extract.add_argument(
        "--force", action="store_true", help="with --sidecar: overwrite an existing claims file"
    )

    sub.add_parser("schema", help="print the JSON Schema of the claims file (<article>.klint.yaml)")

    report = sub.add_parser("report", help="write the consistency report (self-contained HTML)")
    report.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="files or folders")
    report.add_argument(
        "-o", "--output", default="klint-report.html", help="the HTML file to write"
    )
    report.add_argument(
        "--markdown", metavar="FILE", help="also write the Markdown summary to FILE (- for stdout)"
    )
    report.add_argument("--title", default="klint consistency report", help="the report's title")
    report.add_argument(
        "--format", dest="input_format", choices=sorted(READERS), help="force the input format"
    )
    report.add_argument("--config", help="use this configuration file instead of discovering one")
    report.add_argument(
        "--select", type=_codes, help="rule codes or prefixes to enable (replaces the defaults)"
    )
    report.add_argument(
        "--extend-select", type=_codes, default=(), help="rule codes or prefixes to add"
    )
    report.add_argument(
        "--ignore", type=_codes, default=(), help="rule codes or prefixes to disable"
    )

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--output-format", choices=["text", "json", "markdown"], default="text")

    explain = sub.add_parser("explain", help="explain a rule")
    explain.add_argument("code")

    clean = sub.add_parser("clean", help="remove the content cache")
    clean.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="cache folder (default: $KLINT_CACHE_DIR, else ~/.cache/klint)",
    )

    init = sub.add_parser("init", help="write a starter .klint.yaml in the current folder")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    from klint.fsutil import WriteError

    try:
        return COMMANDS[args.command](args)
    except (UsageError, WriteError) as exc:
        print(f"klint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("klint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_ERROR


def _config(
    args: argparse.Namespace,
) -> tuple[Config | None, dict[str, tuple[str, ...]], Callable[[str], Config]]:
    from klint.config import Config, ConfigError, check_codes, discover, load_file

    try:
        if args.config:
            path = Path(args.config)
            if not path.is_file():
                raise UsageError(f"{args.config}: configuration file not found")
            base = load_file(path) or Config(source=str(path), root=str(path.parent))
        else:
            base = None
        overrides: dict[str, tuple[str, ...]] = {}
        for name in ("select", "extend_select", "ignore"):
            value = getattr(args, name)
            if value:
                overrides[name] = check_codes(
                    list(value), "command line", 0, "--" + name.replace("_", "-")
                )
        return base, overrides, discover
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _color(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def tune_gc() -> None:
    """Set the garbage collector for linting (in this process and the workers it forks).

    Linting allocates tens of thousands of small objects per article and almost no
    reference cycles, so the young generation is collected less often, and the
    start-up heap (modules, compiled patterns, rule packs), which is never garbage,
    is frozen out of every collection. About 3 ms of a 40 ms article.
    """
    import gc

    gc.freeze()
    gc.set_threshold(100_000, 50, 50)


def cmd_check(args: argparse.Namespace) -> int:
    from klint import baseline
    from klint.cache import Cache
    from klint.config import ConfigError
    from klint.corpus.run import Stats, cross_article, lint_corpus
    from klint.diagnostics import Severity
    from klint.engine import FileResult, check_document, iter_files
    from klint.progress import Progress
    from klint.report import RunInfo, get_reporter, get_stream
    from klint.sources import SourceError, read_text
    from klint.sources.dump import is_dump

    base, overrides, discover = _config(args)

    def configured(cfg: Config) -> Config:
        if "select" in overrides:  # --select replaces the configured selection, like ruff
            cfg = replace(cfg, select=overrides["select"], extend_select=())
        return cfg.with_overrides(
            extend_select=cfg.extend_select + overrides.get("extend_select", ()),
            ignore=cfg.ignore + overrides.get("ignore", ()),
        )

    if args.show_settings:
        for raw in args.paths:
            sys.stdout.write(show_settings(raw, configured(base or _discover_for(raw, discover))))
        return EXIT_CLEAN
    results: list[FileResult] = []  # with findings or errors: the clean ones are only named
    files: list[tuple[str, Config]] = []
    dumps: list[tuple[str, Config]] = []
    levels: dict[str, Severity] = {}  # file -> the fail-level of its configuration
    seen: set[str] = set()
    try:
        for raw in args.paths:
            if raw == "-":
                name = args.stdin_filename or "<stdin>"
                cfg = configured(base or discover(str(Path(name).parent)))
                try:
                    doc = read_text(sys.stdin.read(), name, args.input_format)
                except SourceError as exc:
                    raise UsageError(f"{name}: {exc}") from None
                results.append(check_document(doc, cfg))
                levels[name] = cfg.fail_level
                continue
            if not os.path.lexists(raw):
                print(f"klint: error: {raw}: no such file or directory", file=sys.stderr)
                results.append(FileResult(raw, error=True))
                continue
            if is_dump(raw) and os.path.isfile(raw):
                cfg = base or discover(str(Path(raw).parent))
                dumps.append((raw, configured(cfg)))
                levels[raw] = cfg.fail_level
                continue
            found = False
            for path, cfg in iter_files(_articles_for(raw), base, args.force_exclude):
                found = True
                if _first_time(path, seen):
                    files.append((path, configured(cfg)))
                    levels[path] = cfg.fail_level
            if not found and os.path.isdir(raw) and not args.allow_empty:
                print(f"klint: error: {raw}: {_NO_ARTICLES}", file=sys.stderr)
                results.append(FileResult(raw, error=True))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    changes = _changes(args.diff) if args.diff else None
    if changes is not None:
        files = [(path, cfg) for path, cfg in files if changes.includes(path)]
    _check_packs({cfg.rule_packs for _, cfg in [*files, *dumps]})
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    cache = None if args.no_cache else Cache(args.cache_dir)
    engine = _engine(args, jobs)
    # a report file is rendered in memory and renamed into place: an interrupted run keeps the old one
    buffer = io.StringIO() if args.output_file else None
    out: TextIO = buffer if buffer is not None else sys.stdout
    fmt = args.output_format or ("full" if out.isatty() else "concise")
    target = _NoSummary(out) if args.quiet and fmt in ("full", "concise") else out
    whole_run = args.output_file or args.statistics or args.write_baseline or args.baseline
    # a dump's pages and findings across articles do not come in path order: written at the end
    whole_run = whole_run or dumps or cross_article([cfg for _, cfg in files])
    stream = None if whole_run else get_stream(fmt)
    in_order = None
    if stream:  # findings are written as their files finish, in the report's order
        files.sort(key=lambda f: f[0])
        keep = partial(_kept_by_diff, changes) if changes is not None else None
        in_order = _InOrder([path for path, _ in files], stream[0], target, _color(out), keep)
        for r in results:
            in_order.add(r, pending_from=0)
    checked = [r.path for r in results]  # every input in order (stdin, missing paths, then files)
    clean_pages = 0
    stats, compared = Stats(), set()
    tune_gc()
    try:
        with Progress(len(files)) as bar:
            for k, result in enumerate(
                lint_corpus(files, dumps, engine, args.input_format, cache, stats)
            ):
                if stats.comparing:  # pass two: findings across articles already counted
                    results.append(result)
                    compared.add(result.path)
                    continue
                if result.diagnostics or result.error or result.lines:
                    results.append(result)
                elif _article_of(result.path) != result.path:
                    clean_pages += 1  # counted, not named: a dump's pages stay out of memory
                    continue
                checked.append(result.path)
                if in_order and in_order.add(result, pending_from=k + 1):
                    bar.clear()
                    in_order.flush()
                bar.advance()
    finally:
        engine.close()
    if in_order:
        in_order.finish()
    named = set(checked)
    for path in sorted(compared - named):  # a page counted clean that a KC finding names
        checked.append(path)
        clean_pages -= 1

    for r in results:  # a finding in a claims file fails like one in its article
        for d in r.diagnostics:
            levels.setdefault(d.path, levels.get(_article_of(r.path), Severity.INFO))
    diagnostics = sorted((d for r in results for d in r.diagnostics), key=lambda d: d.sort_key())
    if changes is not None:
        diagnostics = [d for d in diagnostics if _kept_by_diff(changes, d)]
    if args.write_baseline:
        n = baseline.write(args.write_baseline, diagnostics)
        print(
            f"klint: recorded {n} finding{'s' if n != 1 else ''} in {args.write_baseline}",
            file=sys.stderr,
        )
        return EXIT_ERROR if any(r.error for r in results) else EXIT_CLEAN
    if args.baseline:
        try:
            diagnostics = baseline.filter_new(diagnostics, args.baseline)
        except baseline.BaselineError as exc:
            raise UsageError(str(exc)) from None
    sources: dict[str, dict[int, str]] = {}
    for r in results:
        sources.setdefault(r.path, {}).update(r.lines)
    info = RunInfo(
        files=list(dict.fromkeys(checked)),
        sources=sources,
        color=_color(out),
        unchecked=[r.path for r in results if r.error and not r.diagnostics],
        more=clean_pages,
    )
    if args.statistics:  # the table instead of the findings, like ruff
        from klint.report.text import statistics

        statistics(diagnostics, _NoSummary(out) if args.quiet else out, info, fmt)
    elif stream:
        if stream[1]:
            stream[1](diagnostics, target, info)
    else:
        get_reporter(fmt)(diagnostics, target, info)
    if buffer is not None:
        from klint.fsutil import atomic_write

        atomic_write(args.output_file, buffer.getvalue())
    if any(r.error for r in results):
        return EXIT_ERROR
    if not args.exit_zero and any(_fails(d, args.fail_level, levels) for d in diagnostics):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _engine(args: argparse.Namespace, jobs: int) -> Engine:
    """The engine ``--engine`` and ``--scheduler`` ask for; Dask only when it is installed."""
    from klint.corpus.run import Engine

    if args.scheduler or args.engine == "dask":
        try:
            import dask.bag
            import dask.distributed  # noqa: F401
        except ImportError:
            raise UsageError("--engine dask needs Dask: pip install 'klint-facts[dask]'") from None
        return Engine("dask", jobs, args.scheduler)
    return Engine("jobs", jobs)


def _article_of(path: str) -> str:
    """The input a finding's path came from: a dump for ``DUMP#Title``, else the path itself."""
    from klint.sources.dump import SEPARATOR, is_dump

    head = path.rsplit(SEPARATOR, 1)[0]
    return head if SEPARATOR in path and is_dump(head) else path


def _fails(d: Diagnostic, cli_level: str | None, levels: dict[str, Severity]) -> bool:
    """Whether a finding fails the run: at least as severe as ``--fail-level``, or else as the
    ``fail-level`` of the configuration its file was linted with."""
    from klint.diagnostics import Severity

    level = Severity(cli_level) if cli_level else levels.get(d.path, Severity.INFO)
    return d.severity.rank <= level.rank


def _discover_for(raw: str, discover: Callable[[str], Config]) -> Config:
    from klint.config import ConfigError

    try:
        return discover(raw if os.path.isdir(raw) else str(Path(raw).parent))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def show_settings(raw: str, cfg: Config) -> str:
    """``--show-settings``: the configuration file, whether ``raw`` is linted, every setting
    and the rules that run on it."""
    from klint.engine import enabled_rules, skipped_because

    def codes(values: Iterable[str]) -> str:
        return "[" + ", ".join(values) + "]"

    folder = os.path.isdir(raw)
    why = None if folder else skipped_because(raw, cfg)
    lines = [
        f"Path: {raw}",
        f"Configuration: {cfg.source or 'none found (the defaults)'}",
        f"Linted: {'no, ' + why if why else 'yes'}",
        "Settings:",
        f"  select = {codes(cfg.select) if cfg.select is not None else 'the default rules'}",
        f"  extend-select = {codes(cfg.extend_select)}",
        f"  ignore = {codes(cfg.ignore)}",
        "  per-file-ignores = {"
        + ", ".join(f"{g!r}: {codes(c)}" for g, c in cfg.per_file_ignores)
        + "}",
        "  severity = {" + ", ".join(f"{c}: {v.value}" for c, v in cfg.severity) + "}",
        f"  include = {codes(cfg.include)}",
        f"  exclude = {codes(cfg.exclude)}",
        f"  respect-gitignore = {str(cfg.respect_gitignore).lower()}",
        f"  force-exclude = {str(cfg.force_exclude).lower()}",
        f"  fail-level = {cfg.fail_level.value}",
        f"  rule-packs = {codes(cfg.rule_packs)}",
        f"  article-type = {cfg.article_type or 'detected from the infobox'}",
        f"  time-budget = {cfg.time_budget:g}",
        f"  languages = {codes(cfg.languages)}",
    ]
    for code, opts in sorted(cfg.rule_options.items()):
        lines.append(f"  rules.{code} = {opts}")
    rules = enabled_rules(cfg, None if folder else raw)
    lines.append(f"Rules ({len(rules)}):")
    for r in rules:
        lines.append(f"  {r.code} {r.name} ({cfg.severity_for(r.code, r.severity).value})")
    return "\n".join(lines) + "\n\n"


_NO_ARTICLES = (
    "no articles found (no .txt, .md, .wiki or .html file that include/exclude and .gitignore "
    "let through); pass --allow-empty to accept an empty folder"
)


def _articles_for(raw: str) -> list[str]:
    """A claims file (``a.klint.yaml``) stands for the article beside it, so a hook that passes it lints that."""
    from klint.sources import READERS

    name = Path(raw).name
    for suffix in (".klint.yaml", ".klint.yml"):
        if name.endswith(suffix) and name != suffix:
            stem = Path(raw).with_name(name[: -len(suffix)])
            exts = [e for _, (_, es) in READERS.items() for e in es]
            found = [str(stem)] if stem.suffix.lower() in exts and stem.is_file() else []
            found += [str(stem) + e for e in exts if Path(str(stem) + e).is_file()]
            return found
    return [raw]


def _first_time(path: str, seen: set[str]) -> bool:
    """False for a file already listed (named twice, or also reached through its claims file)."""
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _changes(ref: str) -> Changes:
    from klint.gitdiff import GitError, changes_since

    try:
        return changes_since(ref)
    except GitError as exc:
        raise UsageError(f"--diff {ref}: {exc}") from None


def _check_packs(pack_sets: set[tuple[str, ...]]) -> None:
    """Load every rule-pack set once up front, so a broken pack is one usage error."""
    from klint.packs import PackError, load_packs

    for packs in pack_sets or {()}:
        try:
            load_packs(packs)
        except PackError as exc:
            raise UsageError(str(exc)) from None


def _kept_by_diff(changes: Changes, d: Diagnostic) -> bool:
    """Whether ``--diff`` keeps a finding: on a changed line, or a file that failed to read."""
    return d.code in ("KI001", "KI002") or changes.keeps(d)


class _InOrder:
    """Writes each finding as soon as no file still being linted can have one sorting before it.

    The report lists findings sorted by path, line and column. Files are linted in path
    order, so a file's findings can be written once it is done; a finding of a claims
    file (``<stem>.klint.yaml``, which may sort before its article) waits until no file
    still being linted could report on a path before it. The output is the same bytes as
    writing everything at the end.
    """

    def __init__(
        self,
        paths: list[str],
        write: Finding,
        out: TextIO | _NoSummary,
        color: bool,
        keep: Callable[[Diagnostic], bool] | None = None,
    ) -> None:
        from klint.claimsfile import sidecar_path
        from klint.report import RunInfo

        lowest: list[str] = []
        for path in paths:
            side = sidecar_path(path)
            lowest.append(min(path, str(side)) if side else path)
        # below[k]: the lowest path a finding of files[k:] can have (None: no file left)
        self._below: list[str | None] = [*lowest, None]
        for k in range(len(lowest) - 2, -1, -1):
            self._below[k] = min(lowest[k], self._below[k + 1])  # type: ignore[type-var]
        self._write, self._out, self._keep = write, out, keep
        self._info = RunInfo(color=color)
        self._waiting: list[Diagnostic] = []
        self._ready: list[Diagnostic] = []

    def add(self, result: FileResult, pending_from: int) -> bool:
        """Take a finished file's findings (files before ``pending_from`` are all done);
        whether some can now be written."""
        from klint.diagnostics import Diagnostic

        self._info.sources[result.path] = result.lines
        found = result.diagnostics
        if self._keep:
            found = [d for d in found if self._keep(d)]
        self._waiting.extend(found)
        bound = self._below[pending_from]
        if bound is not None and all(d.path >= bound for d in self._waiting):
            return False
        self._waiting.sort(key=Diagnostic.sort_key)
        k = len(self._waiting)
        if bound is not None:
            k = next((i for i, d in enumerate(self._waiting) if d.path >= bound), k)
        self._ready += self._waiting[:k]
        self._waiting = self._waiting[k:]
        return bool(self._ready)

    def flush(self) -> None:
        """Write what :meth:`add` made ready."""
        for d in self._ready:
            self._write(d, self._out, self._info)
        self._ready = []
        self._out.flush()

    def finish(self) -> None:
        """Write whatever still waits (every file is done)."""
        from klint.diagnostics import Diagnostic

        self._ready += sorted(self._waiting, key=Diagnostic.sort_key)
        self._waiting = []
        self.flush()


class _NoSummary:
    """A stream wrapper that drops the closing summary lines (for --quiet)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        if text.startswith(("Found ", "All checks passed")):
            return 0
        return self._out.write(text)

    def isatty(self) -> bool:
        return self._out.isatty()

    def flush(self) -> None:
        self._out.flush()


def cmd_report(args: argparse.Namespace) -> int:
    from klint.config import ConfigError
    from klint.engine import iter_files
    from klint.report import html, markdown

    base, overrides, _ = _config(args)
    files = []
    seen: set[str] = set()
    try:
        for raw in args.paths:
            if not os.path.lexists(raw):
                raise UsageError(f"{raw}: no such file or directory")
            for path, cfg in iter_files(_articles_for(raw), base):
                if not _first_time(path, seen):
                    continue
                if "select" in overrides:
                    cfg = cfg.with_overrides(select=overrides["select"])
                files.append(
                    (
                        path,
                        cfg.with_overrides(
                            extend_select=cfg.extend_select + overrides.get("extend_select", ()),
                            ignore=cfg.ignore + overrides.get("ignore", ()),
                        ),
                    )
                )
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    _check_packs({cfg.rule_packs for _, cfg in files})
    articles = html.collect(files, args.input_format)
    html.write(args.output, html.render(articles, args.title))
    diagnostics = sorted((d for a in articles for d in a.diagnostics), key=lambda d: d.sort_key())
    if args.markdown:
        text = markdown.summary(diagnostics, [a.path for a in articles], args.title)
        if args.markdown == "-":
            sys.stdout.write(text)
        else:
            html.write(args.markdown, text)
    print(
        f"klint: wrote {args.output} ({len(articles)} file{'s' if len(articles) != 1 else ''}, "
        f"{len(diagnostics)} finding{'s' if len(diagnostics) != 1 else ''})",
        file=sys.stderr,
    )
    return EXIT_ERROR if any(a.error for a in articles) else EXIT_CLEAN


def cmd_extract(args: argparse.Namespace) -> int:
    import json

    from klint.config import ConfigError, discover
    from klint.extract import extract
    from klint.packs import load_packs
    from klint.sources import SourceError, read_path, read_text

    try:
        if args.file == "-":
            doc = read_text(sys.stdin.read(), args.stdin_filename or "<stdin>", args.input_format)
        else:
            doc = read_path(args.file, args.input_format)
    except SourceError as exc:
        raise UsageError(f"{args.file}: {exc}") from None
    try:
        cfg = discover(str(Path(doc.path).parent))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    claims = extract(doc, load_packs(cfg.rule_packs), cfg.languages)
    if args.sidecar:
        return _write_sidecar(doc, claims, args.force)
    payload = {
        "path": doc.path,
        "claims": [claim_to_dict(doc, c, claims.frames.get(c)) for c in claims.all()],
    }
    if args.output == "json":
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        import yaml

        yaml.safe_dump(payload, sys.stdout, allow_unicode=True, sort_keys=False, width=100)
    return EXIT_CLEAN


def _write_sidecar(doc: Document, claims: Claims, force: bool) -> int:
    from klint.claimsfile import sidecar_path
    from klint.claimsfile.bootstrap import schema_ref, starter
    from klint.fsutil import atomic_write

    target = sidecar_path(doc.path)
    if target is None:
        raise UsageError("--sidecar needs an article file (use --stdin-filename with stdin)")
    if target.exists() and not force:
        raise UsageError(f"{target} already exists; use --force to overwrite it")
    atomic_write(target, starter(doc, claims, schema_ref(target)))
    print(f"wrote {target}")
    return EXIT_CLEAN


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from klint.claimsfile import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_CLEAN


_CONTRACT_KEYS = frozenset({"start", "end", "kind", "text"})  # written as positions and text


def claim_to_dict(doc: Document, claim: Claim, frame: Frame | None = None) -> dict[str, Any]:
    """A claim as the extract output contract describes it (1-based positions, ISO dates),
    with its frame (subject, attribute, when) under ``frame``."""
    from klint.claims import DateClaim, to_json

    line, col = doc.position(claim.start)
    end_line, end_col = doc.position(claim.end)
    data = to_json(claim, _CONTRACT_KEYS)
    out: dict[str, Any] = {
        "kind": claim.kind,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "text": claim.text,
    }
    if isinstance(claim, DateClaim):
        out["start"], out["end"] = _iso_bounds(claim)
    out.update(data)
    if frame is not None:
        out["frame"] = to_json(frame)
    return out


def _iso_bounds(claim: DateClaim) -> tuple[str, str]:
    precision = claim.precision
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m"}.get(precision, "%Y")
    start = claim.earliest.strftime(fmt)
    end = claim.latest.strftime(fmt)
    if precision == "season":
        start, end = claim.earliest.strftime("%Y-%m"), claim.latest.strftime("%Y-%m")
    return start, end


def cmd_rules(args: argparse.Namespace) -> int:
    import json

    from klint.rules import all_rules

    rows = [
        RuleRow(
            code=r.code,
            name=r.name,
            family=r().family,
            severity=r.severity.value,
            default=r.default_enabled,
            summary=r.summary,
        )
        for r in all_rules()
    ]
    if args.output_format == "json":
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    if args.output_format == "markdown":
        sys.stdout.write(rules_markdown(rows))
        return EXIT_CLEAN
    width = max(len(r["name"]) for r in rows)
    print(f"{'CODE':<6} {'NAME':<{width}} {'SEVERITY':<8} {'DEFAULT':<7} SUMMARY")
    for r in rows:
        print(
            f"{r['code']:<6} {r['name']:<{width}} {r['severity']:<8} {'on' if r['default'] else 'opt-in':<7} {r['summary']}"
        )
    return EXIT_CLEAN


class RuleRow(TypedDict):
    """One row of ``klint rules``."""

    code: str
    name: str
    family: str
    severity: str
    default: bool
    summary: str


def rules_markdown(rows: list[RuleRow]) -> str:
    """The rule table as Markdown (the README's table is this output)."""
    lines = ["| Code | Name | Severity | Default | Summary |", "| --- | --- | --- | --- | --- |"]
    for r in rows:
        default = "on" if r["default"] else "opt-in"
        lines.append(
            f"| {r['code']} | {r['name']} | {r['severity']} | {default} | {r['summary']} |"
        )
    return "\n".join(lines) + "\n"


def cmd_explain(args: argparse.Namespace) -> int:
    import difflib

    from klint.rules import all_rules, get_rule

    rule = get_rule(args.code)
    if rule is None:
        hint = difflib.get_close_matches(args.code.upper(), [r.code for r in all_rules()], n=1)
        raise UsageError(
            f"unknown rule code {args.code!r}" + (f"; did you mean {hint[0]!r}?" if hint else "")
        )
    sys.stdout.write(explain_text(rule))
    return EXIT_CLEAN


def explain_text(rule: type[Rule]) -> str:
    """A rule's documentation: what ``klint explain`` prints and ``docs/rules/CODE.md`` holds."""
    state = "enabled by default" if rule.default_enabled else "opt-in (enable with --extend-select)"
    return (
        f"# {rule.code} {rule.name}\n\nSeverity: {rule.severity.value}; {state}.\n\n{rule.doc()}\n"
    )


STARTER = f"""\
# klint configuration. Keys: select, ignore, extend-select, per-file-ignores,
# severity, include, exclude, extend-exclude, rule-packs, article-type, rules, time-budget.
# Documentation: {REPOSITORY}#configuration
extend-select: []        # opt-in rules to enable, e.g. [KI003]
ignore: []               # rule codes or prefixes to turn off, e.g. [KX305]
per-file-ignores: {{}}   # glob: [codes]
severity: {{}}           # code: error | warning | info
rule-packs: []           # extra rules/*.yaml lexicons
"""


def cmd_init(args: argparse.Namespace) -> int:
    target = Path(".klint.yaml")
    if target.exists() and not args.force:
        raise UsageError(f"{target} already exists; use --force to overwrite it")
    from klint.fsutil import atomic_write

    atomic_write(target, STARTER)
    print(f"wrote {target}")
    return EXIT_CLEAN


def cmd_clean(args: argparse.Namespace) -> int:
    from klint.cache import clean, default_dir

    folder = Path(args.cache_dir) if args.cache_dir else default_dir()
    if not folder.exists():
        print(f"{folder}: no cache to remove")
        return EXIT_CLEAN
    try:
        n = clean(folder)
    except OSError as exc:
        raise UsageError(str(exc)) from None
    print(f"removed {folder} ({n} entr{'y' if n == 1 else 'ies'})")
    return EXIT_CLEAN


COMMANDS = {
    "clean": cmd_clean,
    "check": cmd_check,
    "extract": cmd_extract,
    "report": cmd_report,
    "rules": cmd_rules,
    "explain": cmd_explain,
    "init": cmd_init,
    "schema": cmd_schema,
}
