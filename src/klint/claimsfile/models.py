"""The claims file: facts an editor pins down for one article, anchored by verbatim quotes.

Lives beside the article as ``<article stem>.klint.yaml`` (or in a Markdown
article's front matter). Every model forbids unknown keys, so a typo is an
error with a line and column, never silently ignored.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from klint.claimsfile.dates import PartialDate, bounds

Id = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$",
        description="An identifier: a letter, then letters, digits, _ . -",
    ),
]
#: A fact's qualifier: a quantity claim's, less the shapes a claims file writes otherwise
#: (a range as low/high, a vague amount not at all).
#: (``tests/test_claimsfile.py`` checks that it stays so.)
Qualifier = Literal[
    "exact", "about", "nearly", "over", "at-least", "at-most", "as-many-as", "up-to", "fewer-than"
]
Severity = Literal["error", "warning", "info"]
SUBJECT_ID = "subject"  # the subject's span, usable in constraints like an event


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Span(Model):
    """A date interval: the subject's lifetime, a war's span, an event that lasted."""

    start: PartialDate | None = None
    end: PartialDate | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.start and self.end and bounds(self.start)[0] > bounds(self.end)[1]:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class Anchored(Model):
    """A claim anchored in the article by a verbatim ``quote`` (whitespace may differ)."""

    quote: str | None = Field(
        None, min_length=1, description="Verbatim text of the article that states this claim."
    )
    field: str | None = Field(
        None,
        description="Look for the quote only in infobox fields with this label (e.g. 'Strength 1').",
    )
    note: str | None = None


class Subject(Anchored):
    """What the article is about."""

    type: str | None = Field(
        None, description="Article type: military-conflict, person, event, organization."
    )
    name: str | None = None
    span: Span | None = None


class Entity(Model):
    """A person, organisation, state or side named in the article."""

    id: Id
    name: str
    aliases: list[str] = []
    kind: Literal["person", "organization", "state", "place", "group", "other"] | None = None
    born: PartialDate | None = None
    died: PartialDate | None = None
    founded: PartialDate | None = None
    dissolved: PartialDate | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _life(self) -> Entity:
        for a, b in (("born", "died"), ("founded", "dissolved")):
            x, y = getattr(self, a), getattr(self, b)
            if x and y and bounds(x)[0] > bounds(y)[1]:
                raise ValueError(f"{a} {x} is after {b} {y}")
        if (self.born or self.died) and (self.founded or self.dissolved):
            raise ValueError(
                "use born/died for a person, founded/dissolved for anything else, not both"
            )
        return self


class Fact(Anchored):
    """A number the article states: a value (or range) with what it counts and whose it is."""

    id: Id
    value: float | None = Field(None, description="The stated number (1000000 for 'one million').")
    range: tuple[float, float] | None = Field(
        None, description="[low, high] for a stated range ('20,000–30,000')."
    )
    qualifier: Qualifier = Field(
        "exact", description="How the text bounds the value ('nearly one million': nearly)."
    )
    counted: str | None = Field(
        None, description="What the number counts: troops, dead, wounded, refugees, tanks..."
    )
    unit: str = "count"
    side: Id | None = Field(None, description="The id of the entity (side) the number belongs to.")

    @property
    def stated(self) -> tuple[float, ...]:
        """The value, or the range's two ends, as written (a fact has exactly one of them)."""
        if self.range is not None:
            return self.range
        if self.value is None:
            raise ValueError(f"fact {self.id!r} has neither value nor range")
        return (self.value,)

    @model_validator(mode="after")
    def _one_value(self) -> Fact:
        if (self.value is None) == (self.range is None):
            raise ValueError("give exactly one of value or range")
        if self.range is not None and self.range[0] > self.range[1]:
            raise ValueError(f"range low {self.range[0]:g} is above high {self.range[1]:g}")
        return self


class Event(Anchored):
    """Something that happened on a date or over an interval."""

    id: Id
    name: str | None = None
    date: PartialDate | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None

    @model_validator(mode="after")
    def _when(self) -> Event:
        if self.date is None and self.start is None and self.end is None:
            raise ValueError("give a date, or a start and/or end")
        if self.date is not None and (self.start or self.end):
            raise ValueError("give either date or start/end, not both")
        if self.start and self.end and bounds(self.start)[0] > bounds(self.end)[1]:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class ConstraintBase(Model):
    id: Id | None = None
    severity: Severity | None = Field(
        None, description="Overrides the rule's severity; use warning for a strong hint."
    )
    note: str | None = None

    def refs(self) -> list[str]:
        """Every id the constraint names."""
        return []


class Gap(Model):
    """Bounds on the time between two dates; each as ``<n> days|months|years``."""

    min: str | None = Field(None, pattern=r"^\d{1,5} ?(days?|weeks?|months?|years?)$")
    max: str | None = Field(None, pattern=r"^\d{1,5} ?(days?|weeks?|months?|years?)$")


class Before(ConstraintBase):
    """``first`` happened before ``then`` (optionally with a gap between min and max)."""

    kind: Literal["before"]
    first: Id
    then: Id
    gap: Gap | None = None

    def refs(self) -> list[str]:
        return [self.first, self.then]


class After(ConstraintBase):
    """``first`` happened after ``then``."""

    kind: Literal["after"]
    first: Id
    then: Id
    gap: Gap | None = None

    def refs(self) -> list[str]:
        return [self.first, self.then]


class Sum(ConstraintBase):
    """The ``parts`` add up to the ``total``, within a relative ``tolerance``."""

    kind: Literal["sum"]
    total: Id
    parts: list[Id] = Field(min_length=2)
    tolerance: float = Field(0.0, ge=0, le=1)

    def refs(self) -> list[str]:
        return [self.total, *self.parts]


class Equal(ConstraintBase):
    """Facts (or events) that must agree, within a relative ``tolerance``."""

    kind: Literal["equal"]
    ids: list[Id] = Field(min_length=2)
    tolerance: float = Field(0.0, ge=0, le=1)

    def refs(self) -> list[str]:
        return list(self.ids)


class Range(ConstraintBase):
    """A fact's value lies in ``[min, max]``; an event's date lies inside the span of ``within``."""

    kind: Literal["range"]
    of: Id = Field(description="A fact or event id.")
    min: float | None = None
    max: float | None = None
    within: Id | None = Field(
        None, description="An event id (or 'subject') whose span must contain 'of'."
    )

    @model_validator(mode="after")
    def _something(self) -> Range:
        if self.min is None and self.max is None and self.within is None:
            raise ValueError("give min, max or within")
        return self

    def refs(self) -> list[str]:
        return [self.of] + ([self.within] if self.within else [])


class DifferenceWithinRange(ConstraintBase):
    """``b - a`` lies in ``[min, max]``: numbers for facts, ``unit`` days or years for dates."""

    kind: Literal["difference-within-range"]
    a: Id
    b: Id
    min: float | None = None
    max: float | None = None
    unit: Literal["count", "days", "years"] = "count"

    def refs(self) -> list[str]:
        return [self.a, self.b]


class Contemporary(ConstraintBase):
    """Entities (or events) that existed at the same time: their lifetimes overlap."""

    kind: Literal["contemporary"]
    ids: list[Id] = Field(min_length=2)

    def refs(self) -> list[str]:
        return list(self.ids)


class SingleValue(ConstraintBase):
    """All facts that count ``counted`` (for ``side``, if given) state one value."""

    kind: Literal["single-value"]
    counted: str
    side: Id | None = None
    tolerance: float = Field(0.0, ge=0, le=1)

    def refs(self) -> list[str]:
        return [self.side] if self.side else []


Constraint = Annotated[
    Before | After | Sum | Equal | Range | DifferenceWithinRange | Contemporary | SingleValue,
    Field(discriminator="kind"),
]


class ClaimsFile(Model):
    """A klint claims file (``<article>.klint.yaml``)."""

    model_config = ConfigDict(
        extra="forbid",
        title="klint claims file",
        json_schema_extra={
            "$comment": "Generated from klint.claimsfile.models; run `klint schema`."
        },
    )

    version: Literal[1] = 1
    subject: Subject | None = None
    entities: list[Entity] = []
    facts: list[Fact] = []
    events: list[Event] = []
    constraints: list[Constraint] = []

    @model_validator(mode="after")
    def _unique_ids(self) -> ClaimsFile:
        seen: set[str] = {SUBJECT_ID}
        for item in [*self.entities, *self.facts, *self.events, *self.constraints]:
            if item.id is None:
                continue
            if item.id in seen:
                raise ValueError(f"duplicate id {item.id!r}")
            seen.add(item.id)
        return self

    def index(self) -> dict[str, Entity | Fact | Event]:
        """Entities, facts and events by id."""
        items: list[Entity | Fact | Event] = [*self.entities, *self.facts, *self.events]
        return {x.id: x for x in items}


SECTIONS = ("entities", "facts", "events", "constraints")
