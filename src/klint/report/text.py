"""Human formats: ``full`` (ruff-style snippets with carets) and ``concise``."""

from __future__ import annotations

from collections import Counter

from klint.diagnostics import Diagnostic, Severity
from klint.report import RunInfo, Writer, files_with_findings, plural

_COLORS = {
    "error": "\x1b[31m",
    "warning": "\x1b[33m",
    "info": "\x1b[36m",
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "reset": "\x1b[0m",
}
WINDOW = 100  # characters of a long source line shown around the span


def _paint(text: str, style: str, on: bool) -> str:
    return f"{_COLORS[style]}{text}{_COLORS['reset']}" if on else text


def _head(d: Diagnostic, color: bool) -> str:
    loc = _paint(f"{d.path}:{d.line}:{d.column}:", "bold", color)
    code = _paint(d.code, d.severity.value, color)
    return f"{loc} {code} {d.message}"


def concise(diagnostics: list[Diagnostic], out: Writer, info: RunInfo) -> None:
    for d in diagnostics:
        concise_finding(d, out, info)
    summary(diagnostics, out, info)


def concise_finding(d: Diagnostic, out: Writer, info: RunInfo) -> None:
    """One finding of ``concise``."""
    out.write(_head(d, info.color) + "\n")


def _window(line: str, col: int, end_col: int) -> tuple[str, int, int]:
    """Cut a long line to a window around [col, end_col); return text and 0-based caret span."""
    start0, end0 = col - 1, max(col, end_col) - 1
    if len(line) <= WINDOW:
        return line, start0, max(end0, start0 + 1)
    left = max(0, start0 - 30)
    right = min(len(line), max(left + WINDOW, start0 + 40))
    text = ("…" if left else "") + line[left:right] + ("…" if right < len(line) else "")
    shift = (1 if left else 0) - left
    s = start0 + shift
    e = min(end0 + shift, len(text) - (1 if right < len(line) else 0))
    return text, s, max(e, s + 1)


def _snippet(
    line_no: int,
    col: int,
    end_line: int,
    end_col: int,
    src: dict[int, str],
    note: str,
    color: bool,
    style: str,
) -> list[str]:
    line = src.get(line_no)
    if line is None:
        return []
    stop = end_col if end_line == line_no else len(line) + 1
    text, s, e = _window(line.expandtabs(1), col, stop)
    gutter = " " * len(str(line_no))
    caret = " " * s + _paint("^" * (e - s), style, color) + (f" {note}" if note else "")
    return [f"{gutter} |", f"{line_no} | {text}", f"{gutter} | {caret}"]


def full(diagnostics: list[Diagnostic], out: Writer, info: RunInfo) -> None:
    for d in diagnostics:
        full_finding(d, out, info)
    summary(diagnostics, out, info)


def full_finding(d: Diagnostic, out: Writer, info: RunInfo) -> None:
    """One finding of ``full``: its line, its snippet and each related place's."""
    out.write(_head(d, info.color) + "\n")
    src = info.sources.get(d.path, {})
    for line in _snippet(
        d.line, d.column, d.end_line, d.end_column, src, "", info.color, d.severity.value
    ):
        out.write(line + "\n")
    for r in d.related:
        rpath = r.path or d.path
        out.write(f"  ::: {rpath}:{r.line}:{r.column}: {r.message}\n")
        rsrc = info.sources.get(rpath, {})
        for line in _snippet(
            r.line, r.column, r.end_line, r.end_column, rsrc, "", info.color, "info"
        ):
            out.write(line + "\n")
    out.write("\n")


def statistics(diagnostics: list[Diagnostic], out: Writer, info: RunInfo, fmt: str) -> None:
    """``--statistics``: findings per rule, most first, and nothing else, like ruff (a JSON
    list for the JSON formats)."""
    counts = sorted(
        Counter((d.code, d.rule) for d in diagnostics).items(), key=lambda kv: (-kv[1], kv[0])
    )
    if fmt in ("json", "json-lines"):
        import json

        from klint import rule_doc_url

        rows = [{"code": c, "name": r, "count": n, "url": rule_doc_url(c)} for (c, r), n in counts]
        out.write(json.dumps(rows, indent=2) + "\n")
        return
    width = len(str(counts[0][1])) if counts else 1
    for (code, rule), n in counts:
        out.write(f"{n:>{width}}\t{code}\t{rule}\n")


def summary(diagnostics: list[Diagnostic], out: Writer, info: RunInfo) -> None:
    """The closing line: how many findings of each severity in how many files."""
    checked = [f for f in info.files if f not in info.unchecked]
    tail = f"; {plural(len(info.unchecked), 'path')} could not be checked" if info.unchecked else ""
    if not diagnostics:
        if info.unchecked:
            out.write(f"No findings in {plural(len(checked) + info.more, 'file')}{tail}.\n")
        else:
            out.write(f"All checks passed ({plural(len(checked) + info.more, 'file')}).\n")
        return
    by_sev = Counter(d.severity for d in diagnostics)
    parts = [plural(by_sev[s], s.value) for s in Severity if by_sev[s]]
    with_findings, total = files_with_findings(diagnostics, checked, info.more)
    out.write(
        f"Found {plural(len(diagnostics), 'finding')} ({', '.join(parts)}) "
        f"in {with_findings} of {plural(total, 'file')}{tail}.\n"
    )
