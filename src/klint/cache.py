"""The content cache: a file whose bytes and settings did not change is not linted again.

An entry is a JSON file under ``<cache dir>/v1/``, named by a key that hashes
the file's bytes (and its claims file's, if any), its path, the klint version
and code, the configuration fingerprint and the rule packs' contents. Entries
are written to a temporary file and renamed into place, so two klint processes
can share a cache; an entry that does not parse or does not match its key is a
miss and is rebuilt, never trusted. Nothing is ever unpickled.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from klint import __version__
from klint.config import Config
from klint.diagnostics import Diagnostic, Related, Severity
from klint.engine import FileResult

if TYPE_CHECKING:
    from klint.rules.corpus._common import Fact

SCHEMA = "v1"
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# klint's content cache\n"


def default_dir() -> Path:
    """``$KLINT_CACHE_DIR``, else the user's cache folder (``$XDG_CACHE_HOME/klint``,
    ``~/.cache/klint``; ``%LOCALAPPDATA%\\klint\\Cache`` on Windows): never the folder being linted."""
    if os.environ.get("KLINT_CACHE_DIR"):
        return Path(os.environ["KLINT_CACHE_DIR"])
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "klint" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "klint"


def clean(directory: str | os.PathLike[str]) -> int:
    """Remove a klint cache folder; return how many entries it held.

    Only a folder that klint made (it holds klint's ``CACHEDIR.TAG``) is removed, so a
    mistyped ``--cache-dir`` can never delete anything else.
    """
    import shutil

    root = Path(directory)
    if not root.exists():
        return 0
    try:
        tag = (root / "CACHEDIR.TAG").read_text(encoding="utf-8")
    except OSError:
        tag = ""
    if tag != TAG:
        raise OSError(f"{root} is not a klint cache (no klint CACHEDIR.TAG); nothing removed")
    count = sum(1 for _ in root.glob(f"{SCHEMA}/*/*.json"))
    shutil.rmtree(root)
    return count


CLAIMS_SUFFIXES = (".klint.yaml", ".klint.yml")


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """The klint version plus the size and mtime of every module and data file (installed, or the
    source tree's ``schema/``), so an edited rule or article-type schema invalidates the cache."""
    root = Path(__file__).parent
    h = hashlib.sha256(__version__.encode())
    files = [*root.rglob("*"), *(root.parents[1] / "schema").glob("*.yaml")]
    for p in sorted(files):
        if p.suffix in (".py", ".yaml", ".json", ".j2", ".css") and p.is_file():
            st = p.stat()
            h.update(f"{p.as_posix()}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


@lru_cache(maxsize=16)
def packs_stamp(rule_packs: tuple[str, ...]) -> str:
    """A hash of the built-in and configured rule packs' contents."""
    from klint.packs import builtin_dir

    paths = sorted(builtin_dir().glob("*.yaml"))
    for item in rule_packs:
        p = Path(item)
        paths.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    h = hashlib.sha256()
    for p in paths:
        h.update(str(p.name).encode() + b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
        h.update(b"\0")
    return h.hexdigest()


def claims_files(path: str) -> list[Path]:
    """Candidate claims files beside an article: ``a.klint.yaml`` and ``a.txt.klint.yaml``."""
    p = Path(path)
    return [p.with_name(base + suffix) for base in (p.stem, p.name) for suffix in CLAIMS_SUFFIXES]


class Cache:
    """A folder of JSON entries, one per (file content, settings)."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        directory = default_dir() if directory is None else directory
        self.root = Path(directory)
        self.dir = self.root / SCHEMA
        self.hits = self.misses = 0

    def key(
        self, path: str, config: Config, fmt: str | None, text: str | None = None
    ) -> str | None:
        """The entry key for linting ``path`` now, or None when it cannot be read.

        ``text``: the article itself, for one that is not a file (a page of a wiki dump).
        """
        h = hashlib.sha256()
        for part in (
            SCHEMA,
            code_stamp(),
            packs_stamp(config.rule_packs),
            config.fingerprint(),
            str(config.time_budget),
            fmt or "",
            os.path.abspath(path),
        ):
            h.update(part.encode("utf-8", "surrogatepass") + b"\0")
        if text is not None:
            h.update(b"\0page\0" + text.encode("utf-8", "surrogatepass"))
            return h.hexdigest()
        content = _regular_bytes(Path(path))
        if content is None:
            return None  # not cached: the engine reports what is wrong with it
        h.update(content)
        for side in claims_files(path):
            data = _regular_bytes(side)
            if data is not None:
                h.update(b"\0claims\0" + side.name.encode() + b"\0" + data)
        return h.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str | None, path: str) -> FileResult | None:
        """The cached result for ``key``, or None (missing, corrupt or foreign entries are misses)."""
        if key is None:
            return None
        try:
            data = json.loads(self._entry(key).read_text(encoding="utf-8"))
            if data.get("key") != key or data.get("klint") != __version__:
                raise ValueError("foreign entry")
            result = FileResult(
                path,
                [_diagnostic(d, path) for d in data["diagnostics"]],
                lines={int(n): _str(t) for n, t in data["lines"].items()},
                facts=[_fact(f, path) for f in data.get("facts", ())],
            )
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(
        self,
        key: str | None,
        result: FileResult,
        config: Config,
        fmt: str | None,
        text: str | None = None,
    ) -> None:
        """Store a result, unless it is an error or the file changed while it was linted."""
        if key is None or result.error or any(d.code == "KI004" for d in result.diagnostics):
            return
        if text is None and self.key(result.path, config, fmt) != key:
            return
        payload = {
            "klint": __version__,
            "key": key,
            "diagnostics": [_dump(d, result.path) for d in result.diagnostics],
            "lines": {str(n): t for n, t in result.lines.items()},
            "facts": [
                [*f.row()[:10], _away(f.path, result.path), *f.row()[11:]] for f in result.facts
            ],
        }
        target = self._entry(key)
        try:
            self._prepare(target.parent)
            import tempfile  # not at module level: a run without the cache never needs it

            fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=target.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, target)
            except BaseException:
                _unlink(tmp)
                raise
        except OSError:
            pass  # a read-only or full disk only costs speed

    def _prepare(self, folder: Path) -> None:
        if not self.root.is_dir():
            self.root.mkdir(parents=True, exist_ok=True)
            (self.root / ".gitignore").write_text("# created by klint\n*\n", encoding="utf-8")
            (self.root / "CACHEDIR.TAG").write_text(TAG, encoding="utf-8")
        folder.mkdir(parents=True, exist_ok=True)


def _regular_bytes(path: Path) -> bytes | None:
    """The bytes of a regular file of reasonable size; None for anything else (never blocks on a FIFO)."""
    from klint.sources import MAX_BYTES

    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _away(other: str, article: str) -> str:
    """Where ``other`` is, relative to the article's folder ("" for the article itself).

    Entries are shared by every spelling of the article's path ("a.txt", "./a.txt",
    or the absolute path); a place in its claims file is stored relative to the article and
    put back beside whichever spelling the run used.
    """
    if other == article:
        return ""
    return os.path.relpath(other, os.path.dirname(article) or ".")


def _beside(stored: str, article: str) -> str:
    if not stored:
        return article
    return os.path.normpath(os.path.join(os.path.dirname(article), stored))


def _dump(d: Diagnostic, article: str) -> dict[str, Any]:
    return {
        "path": _away(d.path, article),
        "code": d.code,
        "rule": d.rule,
        "severity": d.severity.value,
        "message": d.message,
        "start": d.start,
        "end": d.end,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "fingerprint": d.fingerprint,
        "related": [
            {
                "start": r.start,
                "end": r.end,
                "message": r.message,
                "path": None if r.path is None else _away(r.path, article),
                "line": r.line,
                "column": r.column,
                "end_line": r.end_line,
                "end_column": r.end_column,
            }
            for r in d.related
        ],
    }


def _int(v: Any) -> int:
    if type(v) is not int:
        raise TypeError("expected an integer")
    return v


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise TypeError("expected a string")
    return v


def _fact(row: list[Any], path: str) -> Fact:
    """A cross-article fact from its entry row (its path stored like a diagnostic's)."""
    from klint.rules.corpus._common import Fact

    if not isinstance(row, list) or len(row) != len(Fact.__slots__):
        raise TypeError("expected a fact row")
    return Fact.from_row([*row[:10], _beside(_str(row[10]), path), *row[11:]])


def _diagnostic(d: dict[str, Any], path: str) -> Diagnostic:
    related = [
        Related(
            _int(r["start"]),
            _int(r["end"]),
            _str(r["message"]),
            None if r["path"] is None else _beside(_str(r["path"]), path),
            _int(r["line"]),
            _int(r["column"]),
            _int(r["end_line"]),
            _int(r["end_column"]),
        )
        for r in d["related"]
    ]
    return Diagnostic(
        _str(d["code"]),
        _str(d["rule"]),
        Severity(d["severity"]),
        _str(d["message"]),
        _int(d["start"]),
        _int(d["end"]),
        related,
        _beside(_str(d["path"]), path),
        _int(d["line"]),
        _int(d["column"]),
        _int(d["end_line"]),
        _int(d["end_column"]),
        _str(d["fingerprint"]),
    )
