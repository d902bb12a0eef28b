"""Rules about the run itself: internal errors, unreadable files, unused or invalid suppressions.

These are reported by the engine, not by ``check()``; they are registered so
that they can be selected, ignored and explained like any other rule.
"""

from __future__ import annotations

from klint.rules.base import Rule
from klint.rules.meta.ki001_internal_error import InternalError
from klint.rules.meta.ki002_read_error import ReadError
from klint.rules.meta.ki003_unused_suppression import UnusedSuppression
from klint.rules.meta.ki004_time_budget_exceeded import TimeBudget
from klint.rules.meta.ki005_invalid_suppression import InvalidSuppression

RULES: tuple[type[Rule], ...] = (
    InternalError,
    ReadError,
    UnusedSuppression,
    TimeBudget,
    InvalidSuppression,
)
