"""Typed claims an article makes, each anchored to a character span of the document.

Claims are slotted dataclasses: the extractor makes about 25 of them per kilobyte
of text, so a claim must cost little more than a tuple to build. They are values:
compared and hashed by their fields, and never changed once built (copy one with
``dataclasses.replace``) but for one step: the extractors build them on the compacted
view, and :meth:`klint.extract._compact.Compacted.restore` moves their offsets onto the
file in place before anything else holds them. They are not declared ``frozen``, which would make each
one four times as costly to build. They are produced by klint's own code, never
parsed from user input, so they need no validation; the user-written claims file
has its pydantic models in :mod:`klint.claimsfile.models`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Precision = Literal["day", "month", "season", "year", "decade", "century"]
DateQualifier = Literal["early", "mid", "late"]
QuantityQualifier = Literal[
    "exact",
    "about",
    "nearly",
    "over",
    "at-least",
    "at-most",
    "as-many-as",
    "up-to",
    "fewer-than",
    "range",
    "vague",
]
QuantitySource = Literal["body", "infobox", "table", "caption", "heading"]
MentionSource = Literal["body", "infobox", "heading", "caption"]
ReferenceType = Literal["count-back", "anaphor", "pointer", "identifier"]
Direction = Literal["back", "forward", "none"]


@dataclass(slots=True, kw_only=True, unsafe_hash=True)  # a value: see above
class Claim:
    """Base of every claim: a span ``[start, end)`` of ``Document.text`` and its surface text."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(slots=True, kw_only=True, unsafe_hash=True)
class DateClaim(Claim):
    """A date, date range or period: ``earliest..latest`` at a precision.

    A range claim ("1988–1994", "from February 1988 to May 1994") has ``is_range``
    set; ``earliest`` is the first day of its start and ``latest`` the last day of its end.
    """

    kind: Literal["date"] = "date"
    earliest: date
    latest: date
    precision: Precision
    qualifier: DateQualifier | None = None
    is_range: bool = False
    range_start_latest: date | None = None  # for a range: the last day of its start part
    range_end_earliest: date | None = None  # for a range: the first day of its end part
    year_inferred: bool = False
    year_source: str | None = (
        None  # how an inferred year was found ("section heading", "paragraph", ...)
    )
    valid: bool = True  # False for "February 30, 1992": the surface names no real day
    preposition: str | None = (
        None  # the word before the date ("in", "on", "by", "since"), lower-cased
    )
    cue: str | None = (
        None  # why the date is not narrative time: "since", "reported", "parenthesis", ...
    )
    weekday: str | None = None  # a weekday the text states with the date ("Monday")
    reversed: bool = (
        False  # a range written end first ("1994–1988"); earliest..latest still ordered
    )


@dataclass(slots=True, kw_only=True, unsafe_hash=True)
class QuantityClaim(Claim):
    """A number with what it counts: ``low..high`` (equal for an exact value, None when vague)."""

    kind: Literal["quantity"] = "quantity"
    low: float | None
    high: float | None
    qualifier: QuantityQualifier = "exact"
    unit: str = "count"
    counted: str | None = None
    subject: str | None = None
    row: str | None = None  # table row label
    column: str | None = None  # table column header
    number_start: int | None = None  # span of the numeral itself inside the claim
    number_end: int | None = None
    split: tuple[int, ...] | None = None  # a vote or score split ("voted 4-3"): no low/high
    source: QuantitySource = "body"
    side: int | None = None  # infobox side (1, 2) of a strength or casualty figure
    event: str | None = None  # event class of its sentence ("dead", "displaced"), from the pack
    scope: str | None = None  # a force unit of the subject ("national army"): a part of its whole
    sentence_start: int | None = None  # span of the sentence (or table row) the number stands in
    sentence_end: int | None = None


@dataclass(slots=True, kw_only=True, unsafe_hash=True)
class Mention(Claim):
    """A name of a person, place or organisation, with a key for variant matching."""

    kind: Literal["mention"] = "mention"
    name: str
    key: str  # normalized form: case-folded, diacritics removed
    source: MentionSource = "body"
    field: str | None = None  # the infobox field label ("Commanders 1", "Location")
    in_quote: bool = False  # inside quotation marks: spelled as the source spelled it
    words: tuple[str, ...] = ()  # the name's words, possessive dropped ("Heidar", "Aliev")


@dataclass(slots=True, kw_only=True, unsafe_hash=True)
class Acronym(Claim):
    """An acronym use, or its definition when ``expansion`` is set."""

    kind: Literal["acronym"] = "acronym"
    acronym: str
    expansion: str | None = None
    expansion_start: int | None = None  # span of the expansion, for a definition
    expansion_end: int | None = None
    in_quote: bool = False


@dataclass(slots=True, kw_only=True, unsafe_hash=True)
class Reference(Claim):
    """A phrase that points elsewhere: "the previous two", "see below", "Resolution 822"."""

    kind: Literal["reference"] = "reference"
    ref_type: ReferenceType
    target: str | None = None  # the noun pointed at ("resolutions")
    count: int | None = None
    direction: Direction = "back"
    ident: str | None = None  # for an identifier: its number ("822")
    sentence_start: int | None = None  # start of the sentence the phrase stands in


@dataclass(slots=True, kw_only=True, unsafe_hash=True)
class Frame:
    """What a date or number is about: its subject, the attribute it gives, when and where.

    ``subject`` is a name (a link target where the markup gives one, else the article's
    title or the name written); ``how`` says how it was found ("title", "link", "name",
    "pronoun", "noun", "infobox"). ``attribute`` is open vocabulary: a canonical name for
    the common ones ("born", "floors", "members") and otherwise the governing word as
    written. ``origin`` is "infobox", "front matter", "lead" or "body".
    """

    subject: str | None = None
    how: str | None = None
    attribute: str | None = None
    when: str | None = None  # the time it holds, as written ("in 1950", "at its peak")
    year: int | None = None  # the year of ``when``
    where: str | None = None  # the place it holds in ("the United States")
    origin: str = "body"
    field: str | None = None  # the infobox field label or front matter key


@dataclass(slots=True)
class Claims:
    """Everything extracted from one document, each list in text order.

    ``frames`` maps each date and quantity claim to its :class:`Frame` (read after
    extraction, on first use; the claims themselves are not changed).
    """

    dates: list[DateClaim] = dataclasses.field(default_factory=list)
    quantities: list[QuantityClaim] = dataclasses.field(default_factory=list)
    mentions: list[Mention] = dataclasses.field(default_factory=list)
    acronyms: list[Acronym] = dataclasses.field(default_factory=list)
    references: list[Reference] = dataclasses.field(default_factory=list)
    frames: Mapping[Claim, Frame] = dataclasses.field(default_factory=dict)

    def all(self) -> list[Claim]:
        items: list[Claim] = [
            *self.dates,
            *self.quantities,
            *self.mentions,
            *self.acronyms,
            *self.references,
        ]
        return sorted(items, key=lambda c: (c.start, c.end, c.kind))


def to_json(claim: Claim | Frame, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The claim's (or frame's) fields as JSON values (ISO dates, lists), None fields and ``exclude`` left out."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(claim):
        value = getattr(claim, f.name)
        if value is None or f.name in exclude:
            continue
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out
