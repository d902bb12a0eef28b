"""The English calendar words: month names and their abbreviations, seasons, weekdays.

klint reads English dates only by its own patterns (dates in other languages go
through dateparser), so these tables never depend on the locale.
"""

from __future__ import annotations

from klint.text.words import alternation

#: Full month names, January first.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: The abbreviations written for each month (May has none).
MONTH_ABBREVIATIONS = (
    ("Jan",),
    ("Feb",),
    ("Mar",),
    ("Apr",),
    (),
    ("Jun",),
    ("Jul",),
    ("Aug",),
    ("Sep", "Sept"),
    ("Oct",),
    ("Nov",),
    ("Dec",),
)
#: Month name or abbreviation (capitalized) -> month number.
MONTHS: dict[str, int] = {
    name: n
    for n, names in enumerate(
        ((full, *abbr) for full, abbr in zip(MONTH_NAMES, MONTH_ABBREVIATIONS, strict=True)),
        start=1,
    )
    for name in names
}
#: Any month name or abbreviation, as a pattern source (a prefix tree).
MONTH_ALTERNATION = alternation(list(MONTHS))
#: Season word -> its first and last month (winter runs over the new year).
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
