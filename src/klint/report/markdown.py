"""A Markdown summary of a run, fit for a CI job summary or a pull-request comment.

Article text and messages are HTML-escaped and Markdown punctuation is
backslash-escaped, so a finding quoting ``<script>`` or ``|`` cannot break
the table or inject markup into the page that renders the comment.
"""

from __future__ import annotations

import html
import re
from collections import Counter

from klint.diagnostics import Diagnostic, Severity
from klint.report import RunInfo, Writer, files_with_findings, plural

LIMIT = 200  # findings listed in full; a pull-request comment has a size limit
_MD = re.compile(r"([\\`*_\[\]|~])")  # enough: with [ ] escaped no link can form


def escape(text: str) -> str:
    """Text safe inside a Markdown table cell or list item."""
    return _MD.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def _code(text: str) -> str:
    return "<code>" + html.escape(text) + "</code>"


def summary(
    diagnostics: list[Diagnostic], files: list[str], title: str = "klint", more: int = 0
) -> str:
    """The Markdown text: totals, findings per rule and per file, then the findings."""
    n = len(diagnostics)
    nfiles, total = files_with_findings(diagnostics, files, more)
    lines = [
        f"### {escape(title)}: {plural(n, 'finding')} in {nfiles} of {plural(total, 'file')}",
        "",
    ]
    if not diagnostics:
        lines.append("All checks passed.")
        return "\n".join(lines) + "\n"
    by_sev = Counter(d.severity for d in diagnostics)
    lines += [
        ", ".join(
            f"{by_sev[s]} {s.value}{'s' if by_sev[s] != 1 else ''}" for s in Severity if by_sev[s]
        ),
        "",
    ]
    lines += ["| Rule | Name | Findings |", "| --- | --- | ---: |"]
    for (code, rule), count in sorted(
        Counter((d.code, d.rule) for d in diagnostics).items(), key=lambda kv: (-kv[1], kv[0])
    ):
        lines.append(f"| {_code(code)} | {escape(rule)} | {count} |")
    lines += ["", "| File | Errors | Warnings | Info |", "| --- | ---: | ---: | ---: |"]
    per_file: dict[str, Counter[Severity]] = {}
    for d in diagnostics:
        per_file.setdefault(d.path, Counter())[d.severity] += 1
    for path in sorted(per_file):
        c = per_file[path]
        lines.append(
            f"| {_code(path)} | {c[Severity.ERROR]} | {c[Severity.WARNING]} | {c[Severity.INFO]} |"
        )
    lines += ["", "<details><summary>Findings</summary>", ""]
    for d in diagnostics[:LIMIT]:
        related = "; ".join(
            f"{escape(r.message)} at line {r.line}"
            if r.path in (None, d.path)
            else f"{escape(r.message)} at {_code(f'{r.path}:{r.line}')}"
            for r in d.related
        )
        lines.append(
            f"- {_code(f'{d.path}:{d.line}:{d.column}')} **{d.code}** {escape(d.message)}"
            + (f" ({related})" if related else "")
        )
    if n > LIMIT:
        lines.append(f"- … and {n - LIMIT} more (run klint locally for the full list)")
    lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def markdown(diagnostics: list[Diagnostic], out: Writer, info: RunInfo) -> None:
    """The ``--output-format markdown`` reporter."""
    checked = [f for f in info.files if f not in info.unchecked]
    text = summary(diagnostics, checked, more=info.more)
    if info.unchecked:
        names = ", ".join(_code(p) for p in info.unchecked)
        text = text.replace("All checks passed.", "No findings.")
        text += f"\n{plural(len(info.unchecked), 'path')} could not be checked: {names}\n"
    out.write(text)
