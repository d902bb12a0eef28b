"""Rule packs: the YAML data that rule modules read (lexicons, tolerances, thresholds).

The built-in packs are the ``rules/*.yaml`` files at the project's top level
(installed as ``klint/packs``). Users add packs with the ``rule-packs`` setting;
a pack is data, never code. Packs merge by key: lists extend, mappings update.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from klint import builtin
from klint.claims import QuantityQualifier

#: The pack schema is stdlib dataclasses: the built-in packs (shipped with klint and
#: checked by its tests) are built directly, without pydantic's start-up cost; a
#: user's pack is validated by pydantic against these same classes.
_STRICT = {"extra": "forbid"}  # pydantic's config for these classes: a typo must not pass


def _list() -> Any:
    return field(default_factory=list)


def _dict() -> Any:
    return field(default_factory=dict)


@dataclass(slots=True)
class Qualifier:
    """How a qualifier word bounds the true value relative to the stated one.

    The true value lies in ``[stated * (1 - below), stated * (1 + above)]``.
    """

    __pydantic_config__ = _STRICT
    kind: QuantityQualifier
    below: float = 0.0
    above: float = 0.0


@dataclass(slots=True)
class NumbersPack:
    """Lexicons and tolerances of the quantity extractor and the KN rules (``numbers:``)."""

    __pydantic_config__ = _STRICT
    scales: dict[str, float] = _dict()
    fractions: dict[str, float] = _dict()
    vague: list[str] = _list()
    units: dict[str, list[str]] = _dict()
    currency_prefixes: dict[str, str] = _dict()
    identifier_words: list[str] = _list()
    split_cues: list[str] = _list()
    size_words: dict[str, str] = _dict()
    list_nouns: list[str] = _list()
    people_nouns: list[str] = _list()
    total_cues: list[str] = _list()
    subpart_cues: list[str] = _list()
    breakdown_cues: list[str] = _list()
    partial_cues: list[str] = _list()
    additive_cues: list[str] = _list()
    event_classes: dict[str, list[str]] = _dict()
    stock_cues: list[str] = _list()
    force_units: list[str] = _list()
    subsets: dict[str, list[str]] = _dict()
    total_rows: list[str] = _list()
    whole_scope_cues: list[str] = _list()
    preposition_heads: list[str] = _list()
    share_blockers: list[str] = _list()
    ratio_measures: list[str] = _list()
    share_cues: list[str] = _list()
    share_breaks: list[str] = _list()
    named_share_breaks: list[str] = _list()
    share_scopes: list[str] = _list()
    share_approximators: list[str] = _list()
    time_units: dict[str, str] = _dict()
    measure_units: list[str] = _list()
    kind_heads: list[str] = _list()
    ly_nouns: list[str] = _list()
    counted_participles: list[str] = _list()
    noun_stop_words: list[str] = _list()
    attributive_words: list[str] = _list()
    not_name_words: list[str] = _list()
    not_agent_words: list[str] = _list()
    total_tolerance: float = 0.05
    percent_tolerance: float = 1.0


@dataclass(slots=True)
class GrammarPack:
    """Function words of the text's language that the claim-frame reader needs (``grammar:``)."""

    __pydantic_config__ = _STRICT
    prepositions: list[str] = _list()
    name_openers: list[str] = _list()  # capitalized, never the first word of a name
    possessives: list[str] = _list()
    auxiliaries: list[str] = _list()
    relative_pronouns: list[str] = _list()  # open a relative clause ("who", "which")


@dataclass(slots=True)
class Packs:
    """All rule-pack data, merged. Unknown keys are errors (a typo must not pass silently)."""

    __pydantic_config__ = _STRICT
    qualifiers: dict[str, Qualifier] = _dict()
    counted_nouns: dict[str, list[str]] = _dict()
    common_acronyms: list[str] = _list()
    not_acronyms: list[str] = _list()
    acronym_minor_words: list[str] = _list()  # words of an expansion that give no letter
    transliterations: list[list[str]] = _list()
    allowed_variants: list[list[str]] = _list()
    flashback_cues: list[str] = _list()
    posthumous_cues: list[str] = _list()
    subject_cues: list[str] = _list()
    date_words: dict[str, Any] = _dict()
    number_words: dict[str, int] = _dict()
    numbers: NumbersPack = field(default_factory=NumbersPack)
    grammar: GrammarPack = field(default_factory=GrammarPack)
    reference_nouns: list[str] = _list()
    count_back_words: list[str] = _list()  # "the previous two": the word before the count
    count_back_stops: list[str] = _list()  # words after the count that name nothing counted
    pointer_verbs: list[str] = _list()  # "see below": the verb of a pointer into the text
    pointer_places: list[str] = _list()  # and the place it points at
    identifier_nouns: list[str] = _list()  # nouns with numbered identifiers: "Resolution 822"
    renamed_acronyms: list[list[str]] = _list()  # [old, new]: one body renamed (CSCE → OSCE)
    renaming_cues: list[str] = _list()  # words that state a renaming or an alias ("now")
    confusable_letters: list[list[str]] = _list()  # letter pairs a transliteration swaps (d/t)
    name_stopwords: list[str] = _list()  # capitalized function words that do not start a name
    name_particles: list[str] = _list()  # lower-case words inside a name ("of", "von")
    demonym_suffixes: list[str] = _list()  # endings of demonyms ("-ese", "-ian")
    spelling_conventions: list[list[str]] = _list()  # [British, American] endings ("tre", "ter")
    leader_cues: list[str] = _list()  # words before a person who leads a side ("led by")
    foreign_words: list[str] = _list()  # function words of other languages ("und", "et")
    known_acronyms: dict[str, list[str]] = _dict()  # acronym: [expansion, other names...]
    thresholds: dict[str, float] = _dict()
    extra: dict[str, Any] = _dict()

    def __post_init__(self) -> None:
        """Build the nested classes from plain mappings (pydantic hands them over built)."""
        self.qualifiers = {
            k: q if isinstance(q, Qualifier) else Qualifier(**q) for k, q in self.qualifiers.items()
        }
        numbers: object = self.numbers  # a plain mapping when built from YAML
        if isinstance(numbers, dict):
            self.numbers = NumbersPack(**numbers)
        grammar: object = self.grammar
        if isinstance(grammar, dict):
            self.grammar = GrammarPack(**grammar)


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` through libyaml when it is installed (for klint's own data files;
    PyYAML is imported at the first call, which a run on the built-in data alone never makes:
    see :mod:`klint.builtin`)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)  # libyaml: 10x faster
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


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


def _load_file(path: Path, image: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """A pack's data: from ``image`` (the built-in packs' entries of :mod:`klint.builtin`) when
    it holds this file as it is, else parsed from its YAML."""
    found, data = False, None
    try:
        if image:
            found, data = builtin.imaged(image, path.name, path.read_bytes())
        if not found:
            data = _parse(path)
    except OSError as exc:
        raise PackError(str(path), 1, exc.strerror or str(exc)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PackError(str(path), 1, "a rule pack must be a mapping of keys to data")
    return data


def _parse(path: Path) -> Any:
    import yaml

    try:
        return safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PackError(str(path), (mark.line + 1) if mark else 1, f"invalid YAML: {exc}") from None


@lru_cache(maxsize=8)
def load_packs(extra: tuple[str, ...] = ()) -> Packs:
    """Load the built-in packs, then each extra pack file or folder, in order.

    The built-in packs are trusted package data; each extra pack is validated
    against the schema, so a mistake in it is a :class:`PackError` at its line.
    A pack whose every value already has its field's type is taken as it is; any
    other goes to pydantic, which converts what it can ("1" for a float) and names
    what it cannot (importing pydantic and building its validator cost about 110 ms).
    """
    merged: dict[str, Any] = {}
    image = builtin.image("packs")
    for path in sorted(builtin_dir().glob("*.yaml")):
        _merge(merged, _load_file(path, image))
    as_written = True
    for item in extra:
        p = Path(item)
        for path in sorted(p.glob("*.yaml")) if p.is_dir() else [p]:
            data = _load_file(path)
            if not _typed(data, Packs):
                _validate(_schema(), data, path)
                as_written = False
            _merge(merged, data)
    return Packs(**merged) if as_written else _schema().validate_python(merged)


@lru_cache(maxsize=1)
def _schema() -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(Packs)


def _typed(data: dict[str, Any], cls: type) -> bool:
    """Whether a mapping holds only ``cls``'s fields, every required one, each value of its
    field's exact type: what pydantic would take unchanged."""
    hints = _hints(cls)
    required = {
        f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING
    }
    return (
        data.keys() <= hints.keys()
        and required <= data.keys()
        and all(_fits(v, hints[k]) for k, v in data.items())
    )


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _fits(value: Any, hint: Any) -> bool:
    """Whether ``value`` is of type ``hint`` as YAML gives it, with no conversion (an int
    where a float is asked for is not: pydantic makes it one)."""
    if hint is Any:
        return True
    origin, args = get_origin(hint), get_args(hint)
    if origin is list:
        return type(value) is list and all(_fits(v, args[0]) for v in value)
    if origin is dict:
        return type(value) is dict and all(
            type(k) is str and _fits(v, args[1]) for k, v in value.items()
        )
    if origin is Literal:
        return type(value) is str and value in args
    if isinstance(hint, type) and is_dataclass(hint):
        return type(value) is dict and _typed(value, hint)
    return type(value) is hint


def _validate(schema: Any, data: dict[str, Any], path: Path) -> None:
    from pydantic import ValidationError

    try:
        schema.validate_python(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(x) for x in err["loc"])
        msg = "unknown key" if err["type"] == "unexpected_keyword_argument" else err["msg"]
        raise PackError(str(path), _line_of(path, str(err["loc"][0])), f"{key}: {msg}") from None


def _line_of(path: Path, key: str) -> int:
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith(f"{key}:"):
                return n
    except OSError:
        pass
    return 1
