"""Partial dates for claims files: ``1994``, ``1994-05`` or ``1994-05-16``, as intervals."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Any

from pydantic import PlainValidator, WithJsonSchema

from klint.text.calendar import MONTH_NAMES

_DATE_RE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
DATE_PATTERN = r"^\d{4}(-(0?[1-9]|1[0-2])(-(0?[1-9]|[12]\d|3[01]))?)?$"


def parse_partial(value: Any) -> str:
    """Validate a partial date and return it as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    if isinstance(value, bool):
        raise ValueError(f"expected a date like 1994, 1994-05 or 1994-05-16, got {value!r}")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        value = str(value)
    if not isinstance(
        value, str
    ):  # pydantic reports ValueError, not TypeError, as a validation error
        raise ValueError(f"expected a date like 1994, 1994-05 or 1994-05-16, got {value!r}")
    m = _DATE_RE.fullmatch(value.strip())
    if not m:
        raise ValueError(f"{value!r} is not a date like 1994, 1994-05 or 1994-05-16")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if year < 1:
        raise ValueError(f"{value!r}: year 0 does not exist")
    if month is None:
        return f"{year:04d}"
    mon = int(month)
    if not 1 <= mon <= 12:
        raise ValueError(f"{value!r}: month {mon} is not between 1 and 12")
    if day is None:
        return f"{year:04d}-{mon:02d}"
    last = calendar.monthrange(year, mon)[1]
    if not 1 <= int(day) <= last:
        raise ValueError(
            f"{value!r}: day {int(day)} is not between 1 and {last} in {MONTH_NAMES[mon - 1]} {year}"
        )
    return f"{year:04d}-{mon:02d}-{int(day):02d}"


PartialDate = Annotated[
    str,
    PlainValidator(parse_partial),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 9999},
                {"type": "string", "pattern": DATE_PATTERN},
            ],
            "description": "A date at year, month or day precision: 1994, 1994-05 or 1994-05-16.",
        }
    ),
]


def bounds(value: str) -> tuple[date, date]:
    """The first and last day a partial date can mean."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(
            parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1]
        )
    d = date(*parts)
    return d, d


def precision(value: str) -> str:
    return ("year", "month", "day")[value.count("-")]
