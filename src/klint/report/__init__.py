"""Reporters: diagnostics in, text out. Each format is one function in one module.

Only reporters turn offsets into text; they get diagnostics already located
(line/column filled) plus the source lines those diagnostics point at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, Protocol

from klint.diagnostics import Diagnostic


class Writer(Protocol):
    """Where a reporter writes: a text stream, or a wrapper of one (``--quiet``)."""

    def write(self, text: str, /) -> int: ...


#: output format -> "module:function"
FORMATS: dict[str, str] = {
    "full": "klint.report.text:full",
    "concise": "klint.report.text:concise",
    "json": "klint.report.machine:json_list",
    "json-lines": "klint.report.machine:json_lines",
    "github": "klint.report.machine:github",
    "junit": "klint.report.machine:junit",
    "sarif": "klint.report.sarif:sarif",
    "markdown": "klint.report.markdown:markdown",
}


#: formats written one finding at a time, as files finish: format -> (finding, closing lines)
STREAMS: dict[str, tuple[str, str | None]] = {
    "full": ("klint.report.text:full_finding", "klint.report.text:summary"),
    "concise": ("klint.report.text:concise_finding", "klint.report.text:summary"),
    "json-lines": ("klint.report.machine:json_line", None),
}


@dataclass
class RunInfo:
    """What a reporter may need besides the diagnostics."""

    files: list[str] = field(default_factory=list)
    sources: dict[str, dict[int, str]] = field(default_factory=dict)  # path -> {line: text}
    color: bool = False
    unchecked: list[str] = field(default_factory=list)  # paths that could not be checked at all
    more: int = 0  # files checked without findings and not listed (the clean pages of a dump)


def plural(n: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def files_with_findings(
    diagnostics: list[Diagnostic], files: list[str], more: int = 0
) -> tuple[int, int]:
    """How many files have findings, out of how many (``more``: clean ones not in ``files``);
    a claims file with findings counts as a file read (it is not in ``files``, which lists
    the articles)."""
    found = {d.path for d in diagnostics}
    return len(found), len(set(files) | found) + more


Reporter = Callable[[list[Diagnostic], Writer, RunInfo], None]
Finding = Callable[[Diagnostic, Writer, RunInfo], None]


def get_reporter(name: str) -> Reporter:
    reporter: Reporter = _load(FORMATS[name])
    return reporter


def get_stream(name: str) -> tuple[Finding, Reporter | None] | None:
    """How format ``name`` writes one finding and then its closing lines (None: it writes
    all findings at once, as JSON, SARIF, JUnit and Markdown documents must)."""
    if name not in STREAMS:
        return None
    finding, closing = STREAMS[name]
    write: Finding = _load(finding)
    close: Reporter | None = _load(closing) if closing else None
    return write, close


def _load(where: str) -> Any:
    module, func = where.split(":")
    return getattr(import_module(module), func)
