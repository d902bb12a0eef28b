"""Machine formats: JSON, JSON Lines, GitHub workflow commands, JUnit XML."""

from __future__ import annotations

import json
from collections import defaultdict
from xml.etree import ElementTree as ET

from klint.diagnostics import Diagnostic
from klint.report import RunInfo, Writer


def json_list(diagnostics: list[Diagnostic], out: Writer, info: RunInfo) -> None:
    json.dump([d.to_dict() for d in diagnostics], out, ensure_ascii=False, indent=2)
    out.write("\n")


def json_lines(diagnostics: list[Diagnostic], out: Writer, info: RunInfo) -> None:
    for d in diagnostics:
        json_line(d, out, info)


def json_line(d: Diagnostic, out: Writer, info: RunInfo) -> None:
    """One finding of ``json-lines``."""
    out.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def repository_root() -> str:
    """The folder paths are given relative to: ``$GITHUB_WORKSPACE`` in a workflow, else the
    git work tree around the current folder, else the current folder."""
    import os
    import subprocess

    root = os.environ.get("GITHUB_WORKSPACE")
    if root:
        return root
    try:
        proc = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=False
        )
    except OSError:
        return os.getcwd()
    return proc.stdout.strip() if proc.returncode == 0 and proc.stdout.strip() else os.getcwd()


def from_root(path: str, root: str) -> str:
    """``path`` relative to ``root``, with ``/`` and no ``./`` (as it is unchanged when outside)."""
    import os

    rel = os.path.relpath(os.path.abspath(path), os.path.realpath(root))
    if rel.startswith(".."):
        rel = os.path.relpath(os.path.realpath(path), os.path.realpath(root))
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


def github(diagnostics: list[Diagnostic], out: Writer, info: RunInfo) -> None:
    """GitHub Actions workflow commands (``::error file=…,line=…::message``), with paths from
    the repository root, which is what GitHub matches against the pull request's files."""
    root = repository_root()
    for d in diagnostics:
        props = {
            "file": from_root(d.path, root),
            "line": d.line,
            "col": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
            "title": f"{d.code} {d.rule}",
        }
        prop_s = ",".join(f"{k}={_escape_property(str(v))}" for k, v in props.items())
        message = d.message
        for r in d.related:
            message += f"\n{from_root(r.path or d.path, root)}:{r.line}:{r.column}: {r.message}"
        out.write(f"::{_GITHUB_LEVEL[d.severity.value]} {prop_s}::{_escape_data(message)}\n")


def junit(diagnostics: list[Diagnostic], out: Writer, info: RunInfo) -> None:
    """JUnit XML: a test suite per file, a failing test case per finding."""
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        by_file[d.path].append(d)
    files = list(dict.fromkeys([*info.files, *by_file]))
    root = ET.Element(
        "testsuites",
        name="klint",
        tests=str(max(1, len(diagnostics))),
        failures=str(len(diagnostics)),
    )
    for path in files:
        found = by_file.get(path, [])
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(max(1, len(found))),
            failures=str(len(found)),
            errors="0",
            skipped="0",
        )
        if not found:
            ET.SubElement(suite, "testcase", name="klint", classname=path)
        for d in found:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{d.code}:{d.line}:{d.column}",
                classname=path,
                file=path,
                line=str(d.line),
            )
            fail = ET.SubElement(case, "failure", message=d.message, type=d.code)
            fail.text = f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}" + "".join(
                f"\n  {r.path or d.path}:{r.line}:{r.column}: {r.message}" for r in d.related
            )
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
