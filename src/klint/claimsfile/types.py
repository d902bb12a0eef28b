"""Article-type schemas (``schema/*.yaml``): what an article of a kind must claim.

Each schema is validated by :class:`ArticleType`. The type of an article comes
from its claims file (``subject.type``), else from the configuration
(``article-type``), else from detection: the labels of its infobox (a conflict
infobox has Commanders, Strength and Casualties fields; a person's has Born and Died).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Detect(_Model):
    """Detection: at least ``min`` of these infobox labels present means this type."""

    infobox: list[str]
    min: int = Field(1, ge=1)


class FieldSpec(_Model):
    """A claim the type has, and where it can come from."""

    name: str
    description: str
    required: bool = False
    infobox: list[str] = []  # infobox labels (prefix match: 'Strength' matches 'Strength 1')
    counted: list[str] = []  # claims-file facts counting one of these
    sidecar: list[
        Literal["subject.span", "subject.start", "subject.end", "entities", "events"]
    ] = []


class Selector(_Model):
    """Picks claims-file values: the subject's start or end, all events, or facts by what they count."""

    subject: Literal["start", "end"] | None = None
    events: bool = False
    counted: list[str] = []


class TypeConstraint(_Model):
    """A relation the type's claims must satisfy; ``warning`` when it is a strong hint, not a law."""

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


class ArticleType(_Model):
    name: str = Field(pattern=r"^[a-z][a-z-]*$")
    description: str
    detect: Detect | None = None
    fields: list[FieldSpec] = []
    constraints: list[TypeConstraint] = []


class SchemaError(Exception):
    pass


def schema_dir() -> Path:
    """The article-type schemas: installed package data, or the source tree's ``schema/``."""
    installed = Path(__file__).resolve().parent.parent / "schemas"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "schema"


@lru_cache(maxsize=1)
def article_types() -> dict[str, ArticleType]:
    """Every article type, by name (raises SchemaError for a broken schema file)."""
    out: dict[str, ArticleType] = {}
    for path in sorted(schema_dir().glob("*.yaml")):
        try:
            t = ArticleType.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except (OSError, yaml.YAMLError, ValidationError) as exc:
            raise SchemaError(f"{path.name}: {exc}") from None
        if t.name != path.stem:
            raise SchemaError(f"{path.name}: name {t.name!r} does not match the file name")
        out[t.name] = t
    return out


def norm_label(label: str) -> str:
    """'Casualties 1' -> 'casualties'; 'commander1' -> 'commander'."""
    return re.sub(r"[^a-z]", "", label.lower())


def label_matches(label: str, spec: str) -> bool:
    s = norm_label(spec)
    return norm_label(label).startswith(s.removesuffix("s"))


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
