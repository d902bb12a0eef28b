"""Typed rule options: each rule's ``Options`` dataclass, validated when the configuration loads.

A rule that reads options declares them as a frozen dataclass: one field per option, with
its type, its default and ``metadata={"doc": ...}`` (what ``klint explain`` prints in the
rule's *Options* section). In the configuration an option is spelled in kebab-case
(``threshold_days`` is ``threshold-days``). A value of the wrong type, an option the rule
does not have or one below its ``min`` is a :class:`klint.config.ConfigError`.
Supported types: ``bool``, ``int``, ``float`` (an int is accepted), ``str``,
``tuple[str, ...]`` (a list of strings), each optionally ``| None`` for "not set".
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from typing import Any


@dataclasses.dataclass(frozen=True)
class NoOptions:
    """The options of a rule that has none."""


@dataclasses.dataclass(frozen=True)
class Option:
    """One option as a user sees it."""

    name: str  # kebab-case, as written in the configuration
    attr: str
    type: Any
    default: Any
    doc: str
    minimum: float | None = None


def options_of(cls: type) -> list[Option]:
    """The options a rule's ``Options`` dataclass declares."""
    hints = typing.get_type_hints(cls)
    return [
        Option(
            f.name.replace("_", "-"),
            f.name,
            hints[f.name],
            f.default,
            f.metadata.get("doc", ""),
            f.metadata.get("min"),
        )
        for f in dataclasses.fields(cls)
    ]


def describe(tp: Any) -> str:
    """``tp`` in the words of a configuration file."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return " or ".join(describe(a) for a in args if a is not type(None))
    if typing.get_origin(tp) is tuple:
        return "a list of strings"
    return {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}[tp]


def _coerce(value: Any, tp: Any) -> tuple[bool, Any]:
    """``(ok, value)``: the value as ``tp`` (a list becomes a tuple, an int a float)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        if value is None and type(None) in typing.get_args(tp):
            return True, None
        for arg in typing.get_args(tp):
            if arg is not type(None):
                ok, out = _coerce(value, arg)
                if ok:
                    return True, out
        return False, value
    if typing.get_origin(tp) is tuple:
        if isinstance(value, str):
            value = [value]
        ok = isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)
        return ok, tuple(value) if ok else value
    if tp is bool:
        return isinstance(value, bool), value
    if isinstance(value, bool):  # True is an int to Python, never to a user
        return False, value
    if tp is float:
        return isinstance(value, (int, float)) and value == value, value  # NaN is not a number
    return isinstance(value, tp), value


def parse(code: str, cls: type, data: dict[str, Any]) -> tuple[Any, str | None, str]:
    """``(options, problem, key)``: the typed options, or the first problem and the key it is at."""
    known = {o.name: o for o in options_of(cls)}
    kwargs = {}
    for key, value in data.items():
        key = str(key)
        option = known.get(key)
        if option is None:
            if not known:
                return None, f"rules.{code}: {code} has no options (unknown option {key!r})", key
            hint = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            tail = f"did you mean {hint[0]!r}?" if hint else f"its options: {', '.join(known)}"
            return None, f"rules.{code}: unknown option {key!r}; {tail}", key
        ok, typed = _coerce(value, option.type)
        if not ok:
            return (
                None,
                f"rules.{code}.{key}: expected {describe(option.type)}, got {value!r}",
                key,
            )
        if option.minimum is not None and typed is not None and typed < option.minimum:
            return (
                None,
                f"rules.{code}.{key}: must be at least {option.minimum:g}, got {value!r}",
                key,
            )
        kwargs[option.attr] = typed
    return cls(**kwargs), None, ""


def markdown(cls: type) -> str:
    """The *Options* section of a rule's documentation ("" for a rule without options)."""
    options = options_of(cls)
    if not options:
        return ""
    lines = ["## Options"]
    for o in options:
        default = "not set" if o.default is None else _show(o.default)
        lines.append(f"- `{o.name}` ({describe(o.type)}; default: {default}): {o.doc}")
    return "\n".join(lines) + "\n"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    return f"{value:g}" if isinstance(value, float) else repr(value)
