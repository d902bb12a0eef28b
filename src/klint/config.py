"""Configuration: ``[tool.klint]`` in ``pyproject.toml`` or a ``.klint.yaml`` file.

Found by walking up from the linted path; the closest file wins. Keys are
kebab-case. An unknown key or rule code is a :class:`ConfigError` naming the
file, the line and the closest valid spelling.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from klint.diagnostics import Severity

CONFIG_FILES = (".klint.yaml", ".klint.yml", "pyproject.toml")

DEFAULT_INCLUDE = (
    "*.txt",
    "*.md",
    "*.markdown",
    "*.wiki",
    "*.wikitext",
    "*.mediawiki",
    "*.html",
    "*.htm",
)
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".klint_cache",
    "klint-report.html",
    ".tox",
    ".nox",
    "build",
    "dist",
    "*.klint.yaml",
    "LICENSE*",
    "requirements*.txt",
)

FAMILY_PREFIXES = ("KD", "KN", "KX", "KS", "KI")

MAX_CONFIG_BYTES = 1024 * 1024
MAX_YAML_NODES = 100_000  # values after alias expansion

KEYS = {
    "select",
    "ignore",
    "extend-select",
    "extend-ignore",
    "per-file-ignores",
    "severity",
    "include",
    "exclude",
    "extend-exclude",
    "rule-packs",
    "article-type",
    "rules",
    "time-budget",
    "languages",
    "fail-level",
    "respect-gitignore",
    "force-exclude",
}


class ConfigError(Exception):
    """A bad configuration: ``path:line: message``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None  # None: the default-enabled rules
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    rule_packs: tuple[str, ...] = ()
    article_type: str | None = None
    # rule code -> its typed options (the rule's Options dataclass; klint.options)
    rule_options: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    time_budget: float = 20.0
    languages: tuple[
        str, ...
    ] = ()  # ISO 639-1 codes: dates in these languages too (read by dateparser)
    respect_gitignore: bool = True  # in a git work tree, skip what git ignores when walking folders
    force_exclude: bool = False  # apply exclude to files named on the command line too
    fail_level: Severity = Severity.INFO  # findings at least this severe fail the run (exit 1)
    root: str = "."
    source: str | None = None

    def is_enabled(self, code: str, default_enabled: bool, path: str | None = None) -> bool:
        if self.select is None:
            on = default_enabled
        else:
            on = _matches(code, self.select)
        if _matches(code, self.extend_select):
            on = True
        if _matches(code, self.ignore):
            on = False
        if path is not None and _matches(code, self.ignored_for(path)):
            on = False
        return on

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """The codes and prefixes ``per-file-ignores`` turn off for the file ``path``."""
        if not self.per_file_ignores:
            return ()
        rel = _relative(path, self.root)
        name = Path(rel).name
        return tuple(
            code
            for pattern, codes in self.per_file_ignores
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(name, pattern)
            for code in codes
        )

    def severity_for(self, code: str, default: Severity) -> Severity:
        best, best_len = default, -1
        for prefix, sev in self.severity:
            if _matches(code, (prefix,)) and len(prefix) > best_len:
                best, best_len = sev, len(prefix)
        return best

    def fingerprint(self) -> str:
        """A stable description of everything that changes lint results (for the cache)."""
        return repr(
            (
                self.select,
                self.ignore,
                self.extend_select,
                self.per_file_ignores,
                self.severity,
                self.rule_packs,
                self.article_type,
                sorted(self.rule_options.items()),
                self.languages,
            )
        )

    def with_overrides(self, **kwargs: Any) -> Config:
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})


def _matches(code: str, selectors: tuple[str, ...]) -> bool:
    from klint.rules.redirects import covers

    return any(covers(s, code) for s in selectors)


def _relative(path: str, root: str) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def known_codes() -> list[str]:
    from klint.rules import all_rules

    return [r.code for r in all_rules()]


def check_codes(codes: list[str], where: str, line: int, key: str) -> tuple[str, ...]:
    """Validate rule codes or prefixes; raise ConfigError with a suggestion for an unknown one."""
    valid = known_codes()
    for code in codes:
        if not isinstance(code, str):
            raise ConfigError(where, line, f"{key}: expected rule codes, got {code!r}")
        if (
            code == "ALL"
            or code in FAMILY_PREFIXES
            or (any(v.startswith(code) for v in valid) and re.fullmatch(r"K[A-Z]\d{0,3}", code))
        ):
            continue
        hint = difflib.get_close_matches(code, valid, n=1)
        tail = f"; did you mean {hint[0]!r}?" if hint else "; see `klint rules`"
        raise ConfigError(where, line, f"{key}: unknown rule code {code!r}{tail}")
    return tuple(codes)


def _line_of(text: str, key: str, after: int = 0) -> int:
    """The line where ``key`` is set (the first one after line ``after``); 1 if not found."""
    pat = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[:=]", re.M)
    start = 0
    for _ in range(after):
        start = text.find("\n", start) + 1 or len(text)
    m = pat.search(text, start)
    return text.count("\n", 0, m.start()) + 1 if m else max(1, after)


def from_mapping(data: dict[str, Any], where: str, text: str = "", root: str = ".") -> Config:
    """Build a Config from a parsed ``[tool.klint]`` table or YAML mapping."""
    if not isinstance(data, dict):
        raise ConfigError(where, 1, "klint configuration must be a mapping")
    kwargs: dict[str, Any] = {"root": root, "source": where}
    for key, value in data.items():
        line = _line_of(text, str(key))
        if key not in KEYS:
            hint = difflib.get_close_matches(str(key), sorted(KEYS), n=1)
            tail = (
                f"; did you mean {hint[0]!r}?"
                if hint
                else f"; valid keys: {', '.join(sorted(KEYS))}"
            )
            raise ConfigError(where, line, f"unknown key {key!r}{tail}")
        if key in ("select", "ignore", "extend-select", "extend-ignore"):
            codes = check_codes(_str_list(value, where, line, key), where, line, key)
            name = {"extend-ignore": "ignore"}.get(key, key).replace("-", "_")
            kwargs[name] = tuple(kwargs.get(name, ())) + codes
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(
                    where, line, "per-file-ignores: expected a mapping of glob to rule codes"
                )
            kwargs["per_file_ignores"] = tuple(
                (
                    str(g),
                    check_codes(_str_list(c, where, line, key), where, _line_of(text, str(g)), key),
                )
                for g, c in value.items()
            )
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(
                    where, line, "severity: expected a mapping of rule code to error/warning/info"
                )
            pairs = []
            for code, level in value.items():
                check_codes([str(code)], where, _line_of(text, str(code)), key)
                try:
                    pairs.append((str(code), Severity(str(level))))
                except ValueError:
                    raise ConfigError(
                        where,
                        _line_of(text, str(code)),
                        f"severity: {level!r} is not one of error, warning, info",
                    ) from None
            kwargs["severity"] = tuple(pairs)
        elif key in ("include", "exclude", "extend-exclude", "rule-packs"):
            items = _str_list(value, where, line, key)
            if key == "extend-exclude":
                kwargs["exclude"] = DEFAULT_EXCLUDE + tuple(items)
            elif key == "rule-packs":
                kwargs["rule_packs"] = tuple(str(Path(root) / p) for p in items)
            else:
                kwargs[key] = tuple(items)
        elif key == "article-type":
            if not isinstance(value, str):
                raise ConfigError(where, line, "article-type: expected a string")
            from klint.articletypes import article_types

            known = sorted(article_types())
            if value not in known:
                hint = difflib.get_close_matches(value, known, n=1)
                tail = (
                    f"; did you mean {hint[0]!r}?"
                    if hint
                    else f"; choose one of {', '.join(known)}"
                )
                raise ConfigError(where, line, f"article-type: unknown type {value!r}{tail}")
            kwargs["article_type"] = value
        elif key == "time-budget":
            if (
                isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0
            ):  # NaN too
                raise ConfigError(where, line, "time-budget: expected a positive number of seconds")
            kwargs["time_budget"] = float(value)
        elif key == "languages":
            kwargs["languages"] = check_languages(value, where, line)
        elif key in ("respect-gitignore", "force-exclude"):
            if not isinstance(value, bool):
                raise ConfigError(where, line, f"{key}: expected true or false")
            kwargs[key.replace("-", "_")] = value
        elif key == "fail-level":
            try:
                kwargs["fail_level"] = Severity(str(value))
            except ValueError:
                raise ConfigError(
                    where, line, f"fail-level: {value!r} is not one of error, warning, info"
                ) from None
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(where, line, "rules: expected a mapping of rule code to options")
            kwargs["rule_options"] = {
                str(code): _rule_options(str(code), opts, where, text)
                for code, opts in value.items()
            }
    return Config(**kwargs)


def _rule_options(code: str, opts: Any, where: str, text: str) -> Any:
    """One rule's options, typed by its ``Options`` dataclass (:mod:`klint.options`)."""
    from klint.options import parse
    from klint.rules import get_rule

    line = _line_of(text, code)
    check_codes([code], where, line, "rules")
    rule = get_rule(code) if re.fullmatch(r"K[A-Z]\d{3}", code) else None
    if rule is None:
        raise ConfigError(where, line, f"rules: options belong to one rule, not {code!r}")
    if not isinstance(opts, dict):
        raise ConfigError(where, line, f"rules.{code}: expected a mapping of options")
    options, problem, key = parse(code, rule.Options, opts)
    if problem:
        raise ConfigError(where, _line_of(text, key, after=line), problem)
    return options


def check_languages(value: Any, where: str, line: int) -> tuple[str, ...]:
    """Validate ``languages``: lower-case ISO 639-1 codes that dateparser reads (imported only here)."""
    if not isinstance(value, list) or not all(
        isinstance(v, str) and re.fullmatch(r"[a-z]{2,3}", v) for v in value
    ):
        raise ConfigError(
            where, line, "languages: expected a list of lower-case ISO 639-1 codes, e.g. [tr, ru]"
        )
    if value:
        from klint.extract._dateintl import supported_languages

        known = supported_languages()
        for code in value:
            if code not in known:
                hint = difflib.get_close_matches(code, sorted(known), n=1)
                tail = f"; did you mean {hint[0]!r}?" if hint else ""
                raise ConfigError(where, line, f"languages: unknown language code {code!r}{tail}")
    return tuple(dict.fromkeys(value))


def _str_list(value: Any, where: str, line: int, key: str) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(where, line, f"{key}: expected a list of strings")
    return value


def load_file(path: Path) -> Config | None:
    """Load a config file; None when it is a pyproject.toml without ``[tool.klint]``."""
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_CONFIG_BYTES:
            raise ConfigError(
                str(path), 1, f"configuration file is over the {MAX_CONFIG_BYTES // 1024} KB limit"
            )
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), 1, f"cannot read configuration: {exc}") from None
    root = str(path.parent)
    if path.name == "pyproject.toml":
        import tomllib  # only here: importing it costs about 36 M instructions

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"line (\d+)", str(exc))
            raise ConfigError(
                str(path), int(m.group(1)) if m else 1, f"invalid TOML: {exc}"
            ) from None
        tool = data.get("tool")
        section = tool.get("klint") if isinstance(tool, dict) else None
        if section is None:
            return None
        start = text.find("[tool.klint")
        offset = text.count("\n", 0, start) if start >= 0 else 0
        cfg_text = text[start:] if start >= 0 else text
        try:
            return from_mapping(section, str(path), cfg_text, root)
        except ConfigError as exc:
            raise ConfigError(exc.path, exc.line + offset, exc.message) from None
    import yaml  # only for a YAML file: a run without one never imports it

    try:
        data = safe_load_limited(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise ConfigError(
            str(path), mark.line + 1 if mark else 1, f"invalid YAML: {problem}"
        ) from None
    except RecursionError:
        raise ConfigError(str(path), 1, "invalid YAML: nested too deeply") from None
    return from_mapping(data or {}, str(path), text, root)


def safe_load_limited(text: str, max_nodes: int = MAX_YAML_NODES) -> Any:
    """``yaml.safe_load`` that refuses documents whose aliases expand past ``max_nodes`` nodes
    ("billion laughs") or refer to themselves, before anything is constructed."""
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        memo: dict[int, int] = {}

        def size(n: yaml.Node) -> int:
            key = id(n)
            if key in memo:
                if memo[key] < 0:
                    raise yaml.YAMLError("an alias refers to its own anchor")
                return memo[key]
            memo[key] = -1
            total = 1
            if isinstance(n, yaml.SequenceNode):
                total += sum(size(c) for c in n.value)
            elif isinstance(n, yaml.MappingNode):
                total += sum(size(k) + size(v) for k, v in n.value)
            if total > max_nodes:
                raise yaml.YAMLError(f"aliases expand to more than {max_nodes} values")
            memo[key] = total
            return total

        size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


@lru_cache(maxsize=256)
def discover(directory: str) -> Config:
    """The configuration that applies to files in ``directory`` (defaults if none is found)."""
    d = Path(directory).resolve()
    for folder in (d, *d.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                cfg = load_file(candidate)
                if cfg is not None:
                    return cfg
    return Config()
