"""Article-type schemas (``schema/*.yaml``): what an article of a kind must claim.

Each schema is read into :class:`ArticleType`. The type of an article comes
from its claims file (``subject.type``), else from the configuration
(``article-type``), else from detection: the labels of its infobox (a conflict
infobox has Commanders, Strength and Casualties fields; a person's has Born and Died).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from klint import builtin, lazyre
from klint.packs import safe_load

#: Stdlib dataclasses, like the pack schema: the built-in schemas are klint's own data
#: (a test validates them with pydantic), so no article pays pydantic's start-up cost.
_schema = dataclass(slots=True, kw_only=True)
_STRICT = {"extra": "forbid"}


@_schema
class Detect:
    """Detection: at least ``min`` of these infobox labels present means this type."""

    __pydantic_config__ = _STRICT
    infobox: list[str]
    min: int = 1

    def __post_init__(self) -> None:
        if self.min < 1:
            raise ValueError(f"detect.min must be at least 1, not {self.min}")


@_schema
class FieldSpec:
    """A claim the type has, and where it can come from."""

    __pydantic_config__ = _STRICT
    name: str
    description: str
    required: bool = False
    infobox: list[str] = field(default_factory=list)  # labels ('Strength' matches 'Strength 1')
    counted: list[str] = field(default_factory=list)  # claims-file facts counting one of these
    sidecar: list[Literal["subject.span", "subject.start", "subject.end", "entities", "events"]] = (
        field(default_factory=list)
    )


@_schema
class Selector:
    """Picks claims-file values: the subject's start or end, all events, or facts by what they count."""

    __pydantic_config__ = _STRICT
    subject: Literal["start", "end"] | None = None
    events: bool = False
    counted: list[str] = field(default_factory=list)


@_schema
class TypeConstraint:
    """A relation the type's claims must satisfy; ``warning`` when it is a strong hint, not a law."""

    __pydantic_config__ = _STRICT
    id: str
    kind: Literal["before", "difference-within-range", "inside-span"]
    a: Selector
    b: Selector | None = None
    min: float | None = None
    max: float | None = None
    unit: Literal["count", "days", "years"] = "count"
    per: Literal["side"] | None = None
    severity: Literal["error", "warning"] = "warning"
    why: str

    def __post_init__(self) -> None:
        self.a = _build(Selector, self.a)
        self.b = None if self.b is None else _build(Selector, self.b)


@_schema
class ArticleType:
    __pydantic_config__ = _STRICT
    name: str
    description: str
    detect: Detect | None = None
    fields: list[FieldSpec] = field(default_factory=list)
    constraints: list[TypeConstraint] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z][a-z-]*", self.name):
            raise ValueError(f"name {self.name!r} must be lower-case words joined by hyphens")
        self.detect = None if self.detect is None else _build(Detect, self.detect)
        self.fields = [_build(FieldSpec, f) for f in self.fields]
        self.constraints = [_build(TypeConstraint, c) for c in self.constraints]


def _build(cls: type, value: Any) -> Any:
    """``cls(**value)`` for a mapping from YAML; an instance (built by pydantic) as it is."""
    return cls(**value) if isinstance(value, dict) else value


class SchemaError(Exception):
    pass


def schema_dir() -> Path:
    """The article-type schemas: installed package data, or the source tree's ``schema/``."""
    installed = Path(__file__).with_name("schemas")
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "schema"


@lru_cache(maxsize=1)
def article_types() -> dict[str, ArticleType]:
    """Every article type, by name (raises SchemaError for a broken schema file)."""
    out: dict[str, ArticleType] = {}
    image = builtin.image("schemas")
    for path in sorted(schema_dir().glob("*.yaml")):
        try:
            found, data = builtin.imaged(image, path.name, path.read_bytes())
            t = _build(ArticleType, data if found else _parse(path))
            if not isinstance(t, ArticleType):
                raise ValueError("an article type must be a mapping")
        except (OSError, TypeError, ValueError) as exc:
            raise SchemaError(f"{path.name}: {exc}") from None
        if t.name != path.stem:
            raise SchemaError(f"{path.name}: name {t.name!r} does not match the file name")
        out[t.name] = t
    return out


def _parse(path: Path) -> Any:
    """A schema file's YAML (an error in it a ValueError, as the other mistakes are)."""
    import yaml

    try:
        return safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(str(exc)) from None


def norm_label(label: str) -> str:
    """'Casualties 1' -> 'casualties'; 'commander1' -> 'commander'."""
    return _NOT_LETTER_RE.sub("", label.lower())


@lru_cache(maxsize=4096)
def label_matches(label: str, spec: str) -> bool:
    """Whether an infobox label is the field ``spec`` names ('Strength 1' is 'Strength')."""
    s = norm_label(spec)
    return norm_label(label).startswith(s.removesuffix("s"))


_NOT_LETTER_RE = lazyre.compile(r"[^a-z]")


def detect(labels: list[str]) -> tuple[ArticleType, list[str]] | None:
    """The type whose detection labels the infobox has most of (at least its ``min``)."""
    best: tuple[int, ArticleType, list[str]] | None = None
    for t in article_types().values():
        if t.detect is None:
            continue
        hits = [
            spec for spec in t.detect.infobox if any(label_matches(lab, spec) for lab in labels)
        ]
        if len(hits) >= t.detect.min and (best is None or len(hits) > best[0]):
            best = (len(hits), t, hits)
    return (best[1], best[2]) if best else None
