"""SARIF 2.1.0 for code-scanning tools."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from klint import REPOSITORY, __version__, rule_doc_url
from klint.diagnostics import Diagnostic
from klint.report import RunInfo, Writer

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    p = Path(path)
    return quote(
        p.as_posix() if not p.is_absolute() else p.as_uri().removeprefix("file://"), safe="/:"
    )


def _region(line: int, col: int, end_line: int, end_col: int) -> dict[str, int]:
    region = {"startLine": max(1, line), "startColumn": max(1, col)}
    if end_line >= line:
        region["endLine"] = end_line
        region["endColumn"] = max(1, end_col) if end_line > line else max(col, end_col)
    return region


def sarif(diagnostics: list[Diagnostic], out: Writer, info: RunInfo) -> None:
    from klint.rules import all_rules

    rules = list(all_rules())
    index = {r.code: i for i, r in enumerate(rules)}
    driver = {
        "name": "klint",
        "version": __version__,
        "informationUri": REPOSITORY,
        "rules": [
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary or r.name},
                "fullDescription": {"text": r.doc() or r.summary or r.name},
                "help": {"text": r.doc() or r.summary or r.name},
                "helpUri": rule_doc_url(r.code),
                "defaultConfiguration": {
                    "level": _LEVEL[r.severity.value],
                    "enabled": r.default_enabled,
                },
            }
            for r in rules
        ],
    }
    results = []
    for d in diagnostics:
        result = {
            "ruleId": d.code,
            "ruleIndex": index.get(d.code, 0),
            "level": _LEVEL[d.severity.value],
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(d.path)},
                        "region": _region(d.line, d.column, d.end_line, d.end_column),
                    }
                }
            ],
            "partialFingerprints": {"klintFingerprint/v1": d.fingerprint or "0"},
        }
        if d.related:
            result["relatedLocations"] = [
                {
                    "id": i,
                    "message": {"text": r.message},
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(r.path or d.path)},
                        "region": _region(r.line, r.column, r.end_line, r.end_column),
                    },
                }
                for i, r in enumerate(d.related)
            ]
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")
