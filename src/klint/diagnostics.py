"""Diagnostics: what a rule reports, and where."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from klint import rule_doc_url


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(slots=True)
class Related:
    """The other place of a finding (the other value of a conflict)."""

    start: int
    end: int
    message: str
    path: str | None = None  # None: the diagnostic's own file
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


@dataclass(slots=True)
class Diagnostic:
    """One finding. Rules fill code, message and spans; the engine fills positions."""

    code: str
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    related: list[Related] = field(default_factory=list)
    path: str = "<text>"
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    fingerprint: str = ""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "related": [
                {
                    "path": r.path or self.path,
                    "line": r.line,
                    "column": r.column,
                    "end_line": r.end_line,
                    "end_column": r.end_column,
                    "message": r.message,
                }
                for r in self.related
            ],
            "fingerprint": self.fingerprint,
            "url": rule_doc_url(self.code),
        }
