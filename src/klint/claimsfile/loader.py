"""Load a claims file safely and map every error to its YAML line and column.

Only plain YAML data is read (mappings, lists, strings, numbers, booleans, null):
no Python tags, no merge keys, nothing is ever executed. The file size and the
size of the data after alias expansion are bounded, so an alias bomb is an
error, not a hang. Every problem is a :class:`Problem` with a 1-based position.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import yaml
from pydantic import ValidationError

from klint.claimsfile.models import SECTIONS, SUBJECT_ID, ClaimsFile

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

MAX_BYTES = 1024 * 1024
MAX_NODES = 100_000  # nodes after alias expansion

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"

Path_ = tuple[Any, ...]
Pos = tuple[int, int, int, int]  # line, column, end line, end column (1-based)


@dataclass
class Problem:
    """One thing wrong with a claims file, at a 1-based position in it."""

    message: str
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1


@dataclass
class Sidecar:
    """A loaded claims file: the model (None if invalid), its problems and node positions."""

    path: str
    model: ClaimsFile | None = None
    problems: list[Problem] = field(default_factory=list)
    values: dict[Path_, Pos] = field(default_factory=dict)  # data path -> position of the value
    keys: dict[Path_, Pos] = field(default_factory=dict)  # data path -> position of its key
    line_offset: int = 0  # lines before the YAML (front matter inside an article)

    def where(self, *path: Any, key: bool = False) -> Pos:
        """The position of the node at ``path``, or of its closest existing ancestor."""
        p: Path_ = tuple(path)
        while p:
            if key and p in self.keys:
                return self.keys[p]
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1, 1, 1))

    def locate_id(self, ident: str, attr: str | None = None) -> Pos:
        """The position of the item with id ``ident`` (or of its ``attr``)."""
        if self.model is not None:
            for section in SECTIONS:
                for i, item in enumerate(getattr(self.model, section)):
                    if getattr(item, "id", None) == ident:
                        return self.where(section, i, *((attr,) if attr else ("id",)))
        if ident == SUBJECT_ID:
            return self.where("subject", attr or "span")
        return self.where()


class _Loader(yaml.SafeLoader):
    """A pure-Python SafeLoader that records where aliases are used (for error positions)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_marks: list[yaml.Mark] = []

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]  # unannotated in types-PyYAML
            self.alias_marks.append(event.start_mark)
        return super().compose_node(parent, index)


#: libyaml's parser when available (about 15 times faster), else the pure-Python one
_FAST = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None


def _first_alias(text: str) -> yaml.Mark | None:
    loader = _Loader(text)
    try:
        loader.get_single_node()
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return loader.alias_marks[0] if loader.alias_marks else None


def _pos(node: yaml.Node, offset: int) -> Pos:
    s, e = node.start_mark, node.end_mark
    return s.line + 1 + offset, s.column + 1, e.line + 1 + offset, e.column + 1


def _mark_pos(mark: yaml.Mark | None, offset: int) -> Pos:
    if mark is None:
        return 1 + offset, 1, 1 + offset, 1
    return mark.line + 1 + offset, mark.column + 1, mark.line + 1 + offset, mark.column + 2


class _Bad(Exception):
    def __init__(self, message: str, pos: Pos) -> None:
        super().__init__(message)
        self.pos = pos


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """Node count after alias expansion (stops counting past ``limit``); -1 for a cycle."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            return -1
        active.add(key)
        total = 1
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        for child in children:
            s = size(child)
            if s < 0:
                return -1
            total = min(total + s, limit + 1)
        active.discard(key)
        sizes[key] = total
        return total

    return size(root)


def _to_data(node: yaml.Node, loader: Any, path: Path_, sc: Sidecar, offset: int) -> Any:
    """Plain Python data from a composed node, recording each node's position by data path."""
    sc.values.setdefault(path, _pos(node, offset))
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _TIMESTAMP:
            return node.value  # validated as a partial date by the model, with a clear message
        if node.tag not in _PLAIN_TAGS:
            raise _Bad(
                f"unsupported YAML tag {node.tag!r}; a claims file holds plain data only",
                _pos(node, offset),
            )
        return loader.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise _Bad(f"unsupported YAML tag {node.tag!r}", _pos(node, offset))
        return [
            _to_data(child, loader, (*path, i), sc, offset) for i, child in enumerate(node.value)
        ]
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise _Bad(f"unsupported YAML tag {node.tag!r}", _pos(node, offset))
        out: dict[str, Any] = {}
        for knode, vnode in node.value:
            if knode.tag == "tag:yaml.org,2002:merge":
                raise _Bad(
                    "merge keys (<<) are not supported in a claims file", _pos(knode, offset)
                )
            if not isinstance(knode, yaml.ScalarNode) or knode.tag != "tag:yaml.org,2002:str":
                raise _Bad(
                    f"keys must be strings, got {knode.value!r}"
                    if isinstance(knode, yaml.ScalarNode)
                    else "keys must be strings",
                    _pos(knode, offset),
                )
            key = knode.value
            if key in out:
                first = sc.keys.get((*path, key))
                where = f" (first at line {first[0]})" if first else ""
                raise _Bad(f"duplicate key {key!r}{where}", _pos(knode, offset))
            sc.keys[(*path, key)] = _pos(knode, offset)
            out[key] = _to_data(vnode, loader, (*path, key), sc, offset)
        return out
    raise _Bad("unsupported YAML node", _pos(node, offset))


def _yaml_problem(exc: yaml.YAMLError, text: str, offset: int) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    line = (
        text.splitlines()[mark.line]
        if mark is not None and mark.line < len(text.splitlines())
        else ""
    )
    if "\t" in problem or "tab" in problem or "\t" in line[: mark.column + 1 if mark else 0]:
        tab = line.find("\t")
        if mark is not None and tab >= 0:
            mark = yaml.Mark(mark.name, mark.index, mark.line, tab, None, 0)  # no snippet
        return Problem(
            "invalid YAML: a tab character where YAML needs spaces (indent with spaces)",
            *_mark_pos(mark, offset),
        )
    message = f"invalid YAML: {problem}" + (
        f" ({context})" if context and context not in problem else ""
    )
    return Problem(message, *_mark_pos(mark, offset))


CLAIM_KEYS = ("version", "subject", *SECTIONS)


def _front_matter_root(root: yaml.Node | None) -> yaml.Node | None:
    """The claims inside front matter: the ``klint:`` mapping, else the top-level claims keys."""
    if not isinstance(root, yaml.MappingNode):
        return None
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == "klint":
            node: yaml.Node = v  # a mapping's values are nodes
            return node
    pairs = [
        (k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value in CLAIM_KEYS
    ]
    return yaml.MappingNode(_MAP, pairs, root.start_mark, root.end_mark) if pairs else None


def parse(text: str, path: str, line_offset: int = 0, front_matter: bool = False) -> Sidecar | None:
    """Parse and validate claims-file text; never raises for bad input.

    With ``front_matter``, ``text`` is a Markdown article's front matter: the claims are
    its ``klint:`` mapping, or else its top-level claims keys (other keys belong to
    other tools); None when it holds no claims.
    """
    sc = Sidecar(path, line_offset=line_offset)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        sc.problems.append(
            Problem(
                f"claims file is larger than {MAX_BYTES // 1024} KB; not loaded",
                1 + line_offset,
                1,
                1 + line_offset,
                1,
            )
        )
        return sc
    loader = (_FAST or _Loader)(text)
    try:
        root = loader.get_single_node()
        if front_matter:
            root = _front_matter_root(root)
            if root is None:
                return None
        if root is None:
            data: Any = {}
        else:
            n = _expanded_size(root, MAX_NODES)
            if n < 0 or n > MAX_NODES:
                mark = _first_alias(text) or root.start_mark
                why = (
                    "a recursive alias"
                    if n < 0
                    else f"aliases that expand to more than {MAX_NODES:,} nodes"
                )
                sc.problems.append(
                    Problem(f"the YAML uses {why}; not loaded", *_mark_pos(mark, line_offset))
                )
                return sc
            data = _to_data(root, loader, (), sc, line_offset)
    except yaml.YAMLError as exc:
        sc.problems.append(_yaml_problem(exc, text, line_offset))
        return sc
    except _Bad as exc:
        sc.problems.append(Problem(str(exc), *exc.pos))
        return sc
    except (ValueError, TypeError, RecursionError) as exc:  # a scalar PyYAML could not construct
        sc.problems.append(Problem(f"invalid value: {exc}", 1 + line_offset, 1, 1 + line_offset, 1))
        return sc
    finally:
        loader.dispose()
    validate(data, sc)
    return sc


def validate(data: Any, sc: Sidecar) -> None:
    """Validate parsed data into ``sc.model``, turning every error into a located Problem."""
    if not isinstance(data, dict):
        sc.problems.append(
            Problem(
                "a claims file must be a mapping (subject, entities, facts, events, constraints)",
                *sc.where(),
            )
        )
        return
    sc.problems.extend(_duplicate_ids(data, sc))
    try:
        sc.model = ClaimsFile.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            if not err["loc"] and str(err["msg"]).startswith("Value error, duplicate id"):
                continue  # already reported at the duplicate's own line
            sc.problems.append(_located(err, data, sc))
    if sc.problems:
        sc.model = None
    sc.problems.sort(key=lambda p: (p.line, p.column, p.message))


def _duplicate_ids(data: dict[str, Any], sc: Sidecar) -> list[Problem]:
    seen: dict[str, str] = {SUBJECT_ID: "reserved for the subject's span"}
    out = []
    for section in SECTIONS:
        items = data.get(section)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str):
                continue
            if ident in seen:
                out.append(
                    Problem(
                        f"{section}[{i}].id: duplicate id {ident!r} ({seen[ident]})",
                        *sc.where(section, i, "id"),
                    )
                )
            else:
                seen[ident] = f"first defined at line {sc.where(section, i, 'id')[0]}"
    return out


def _located(err: ErrorDetails, data: Any, sc: Sidecar) -> Problem:
    """Map a pydantic error location (which may contain union tags) to a data path."""
    path: list[Any] = []
    cur = data
    loc = list(err["loc"])
    keyed = err["type"] in ("extra_forbidden", "missing") and bool(loc)  # the last part is a key
    for part in loc[:-1] if keyed else loc:
        if isinstance(cur, dict) and part in cur:
            path.append(part)
            cur = cur[part]
        elif isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            path.append(part)
            cur = cur[part]
        # else: a union tag such as 'before' or 'float'; skip it
    if keyed:
        path.append(loc[-1])
    name = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path).replace(".[", "[")
    msg = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        msg = f"unknown key {path[-1]!r}" + _suggest(path, sc)
        pos = sc.where(*path, key=True)
    elif err["type"] == "missing":
        msg = f"missing required key {path[-1]!r}"
        pos = sc.where(*path[:-1])
    else:
        got = err.get("input")
        if err["type"] not in ("value_error", "assertion_error") and not isinstance(
            got, (dict, list)
        ):
            msg += f" (got {got!r})"
        pos = sc.where(*path)
    return Problem(f"{name}: {msg}" if name else msg, *pos)


def _suggest(path: list[Any], sc: Sidecar) -> str:
    import difflib

    from klint.claimsfile import models

    owners: dict[tuple[str, ...], type[models.Model]] = {
        (): models.ClaimsFile,
        ("subject",): models.Subject,
        ("entities",): models.Entity,
        ("facts",): models.Fact,
        ("events",): models.Event,
    }
    parent = tuple(p for p in path[:-1] if not isinstance(p, int))
    model = owners.get(parent)
    names = list(model.model_fields) if model else []
    if parent == ("constraints",):
        kinds = get_args(get_args(models.Constraint)[0])  # Annotated[Before | After | ..., Field]
        names = sorted({f for m in kinds for f in m.model_fields})
    hint = difflib.get_close_matches(str(path[-1]), names, n=1)
    return f"; did you mean {hint[0]!r}?" if hint else ""


def load_file(path: str | Path) -> Sidecar:
    """Read and parse a claims file; unreadable files become a Problem too.

    Parsing is memoized by path and content (rules never modify a Sidecar).
    """
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        return Sidecar(
            str(path), problems=[Problem(f"cannot read claims file: {exc.strerror or exc}")]
        )
    return _parse_bytes(str(path), raw)


@lru_cache(maxsize=64)
def _parse_bytes(path: str, raw: bytes) -> Sidecar:
    if len(raw) > MAX_BYTES:
        return Sidecar(
            path,
            problems=[Problem(f"claims file is larger than {MAX_BYTES // 1024} KB; not loaded")],
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return Sidecar(
            path,
            problems=[
                Problem(f"claims file is not valid UTF-8 (byte {exc.start})", line, 1, line, 1)
            ],
        )
    return parse(text, path) or Sidecar(path)
