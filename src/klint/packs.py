"""Rule packs: the YAML data that rule modules read (lexicons, tolerances, thresholds).

The built-in packs are the ``rules/*.yaml`` files at the project's top level
(installed as ``klint/packs``). Users add packs with the ``rule-packs`` setting;
a pack is data, never code. Packs merge by key: lists extend, mappings update.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError


class Qualifier(BaseModel):
    """How a qualifier word bounds the true value relative to the stated one.

    The true value lies in ``[stated * (1 - below), stated * (1 + above)]``.
    """

    model_config = ConfigDict(extra="forbid")
    kind: str
    below: float = 0.0
    above: float = 0.0


class NumbersPack(BaseModel):
    """Lexicons and tolerances of the quantity extractor and the KN rules (``numbers:``)."""

    model_config = ConfigDict(extra="forbid")
    scales: dict[str, float] = {}
    fractions: dict[str, float] = {}
    vague: list[str] = []
    units: dict[str, list[str]] = {}
    currency_prefixes: dict[str, str] = {}
    identifier_words: list[str] = []
    split_cues: list[str] = []
    size_words: dict[str, str] = {}
    list_nouns: list[str] = []
    people_nouns: list[str] = []
    total_cues: list[str] = []
    subpart_cues: list[str] = []
    additive_cues: list[str] = []
    event_classes: dict[str, list[str]] = {}
    stock_cues: list[str] = []
    force_units: list[str] = []
    subsets: dict[str, list[str]] = {}
    total_rows: list[str] = []
    whole_scope_cues: list[str] = []
    preposition_heads: list[str] = []
    share_blockers: list[str] = []
    total_tolerance: float = 0.05
    percent_tolerance: float = 1.0


class Packs(BaseModel):
    """All rule-pack data, merged. Unknown keys are errors (a typo must not pass silently)."""

    model_config = ConfigDict(extra="forbid")

    qualifiers: dict[str, Qualifier] = {}
    counted_nouns: dict[str, list[str]] = {}
    common_acronyms: list[str] = []
    not_acronyms: list[str] = []
    transliterations: list[list[str]] = []
    allowed_variants: list[list[str]] = []
    flashback_cues: list[str] = []
    posthumous_cues: list[str] = []
    subject_cues: list[str] = []
    date_words: dict[str, Any] = {}
    number_words: dict[str, int] = {}
    numbers: NumbersPack = NumbersPack()
    reference_nouns: list[str] = []
    identifier_nouns: list[str] = []  # nouns with numbered identifiers: "Resolution 822"
    renamed_acronyms: list[list[str]] = []  # [old, new]: one organisation renamed (CSCE → OSCE)
    renaming_cues: list[str] = []  # words that state a renaming or an alias ("now", "renamed")
    confusable_letters: list[list[str]] = []  # letter pairs a transliteration swaps (d/t)
    name_stopwords: list[str] = []  # capitalized function words that do not start a name
    name_particles: list[str] = []  # lower-case words inside a name ("of", "von")
    demonym_suffixes: list[str] = []  # endings of demonyms ("-ese", "-ian"): no name variants
    leader_cues: list[str] = []  # words before a person who leads a side ("led by")
    known_acronyms: dict[
        str, list[str]
    ] = {}  # acronym: [expansion, other names of the same body...]
    thresholds: dict[str, float] = {}
    extra: dict[str, Any] = {}


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster


class PackError(Exception):
    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


def builtin_dir() -> Path:
    """The built-in packs: installed package data, or the source tree's ``rules/``."""
    installed = Path(__file__).with_name("packs")
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    for key, value in data.items():
        if isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = into[key] + value
        elif isinstance(value, dict) and isinstance(into.get(key), dict):
            into[key] = {**into[key], **value}
        else:
            into[key] = value


def _load_file(path: Path) -> dict[str, Any]:
    try:
        loader = _SAFE_LOADER(path.read_text(encoding="utf-8"))
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PackError(str(path), (mark.line + 1) if mark else 1, f"invalid YAML: {exc}") from None
    except OSError as exc:
        raise PackError(str(path), 1, exc.strerror or str(exc)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PackError(str(path), 1, "a rule pack must be a mapping of keys to data")
    return data


@lru_cache(maxsize=8)
def load_packs(extra: tuple[str, ...] = ()) -> Packs:
    """Load the built-in packs, then each extra pack file or folder, in order."""
    merged: dict[str, Any] = {}
    paths = sorted(builtin_dir().glob("*.yaml"))
    for item in extra:
        p = Path(item)
        paths.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    for path in paths:
        data = _load_file(path)
        try:
            Packs.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            key = ".".join(str(x) for x in err["loc"])
            raise PackError(
                str(path), _line_of(path, str(err["loc"][0])), f"{key}: {err['msg']}"
            ) from None
        _merge(merged, data)
    return Packs.model_validate(merged)


def _line_of(path: Path, key: str) -> int:
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith(f"{key}:"):
                return n
    except OSError:
        pass
    return 1
