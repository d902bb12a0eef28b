"""The fact index: every article's cross-article facts in SQLite, grouped by entity.

One row a fact, keyed by (rule, entity, attribute), written as the articles are linted
(pass one streams into it, so no fact list is held in memory) and read back group by
group for the comparison (pass two). The file lives beside the content cache
(``<cache>/index/``), one per set of inputs, replaced atomically when a run completes;
without a cache it is a temporary file.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from klint.rules.corpus._common import Fact

SCHEMA = """
CREATE TABLE facts (
    seq INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    entity TEXT NOT NULL,
    attribute TEXT NOT NULL,
    own INTEGER NOT NULL,
    fact TEXT NOT NULL
);
"""

Group = tuple[str, list[Fact], list[Fact]]  # (rule code, the entity's own facts, the others')


def index_name(inputs: Iterable[str]) -> str:
    """The index file of a set of inputs (their absolute paths, in any order)."""
    h = hashlib.sha256("\0".join(sorted(os.path.abspath(p) for p in inputs)).encode())
    return f"{h.hexdigest()[:16]}.sqlite"


class FactIndex:
    """``with FactIndex(target) as index: index.add(facts) …; for group in index.groups(): …``"""

    def __init__(self, target: Path | None = None) -> None:
        self.target = target
        self._tmpdir: tempfile.TemporaryDirectory[str] | None = None
        if target is None:
            self._tmpdir = tempfile.TemporaryDirectory(prefix="klint-index-")
            folder = Path(self._tmpdir.name)
        else:
            folder = target.parent
            folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".index.", suffix=".sqlite", dir=folder)
        os.close(fd)
        self.path = Path(name)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.executescript(SCHEMA)
        self.count = 0

    def __enter__(self) -> FactIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(keep=exc[0] is None)

    def add(self, facts: Iterable[Fact]) -> None:
        rows = [
            (f.code, f.entity, f.attribute, int(f.own), json.dumps(f.row(), ensure_ascii=False))
            for f in facts
        ]
        if rows:
            self.db.executemany(
                "INSERT INTO facts (code, entity, attribute, own, fact) VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            self.count += len(rows)

    def candidates(self) -> Iterator[Fact]:
        """The facts of each (rule, entity, attribute) that both its own article and another
        one state, group after group, each group in the order its articles were read."""
        self.db.commit()
        self.db.execute("CREATE INDEX IF NOT EXISTS by_entity ON facts (code, entity, attribute)")
        rows = self.db.execute(
            """
            SELECT f.fact FROM facts f
            JOIN (SELECT code, entity, attribute FROM facts GROUP BY code, entity, attribute
                  HAVING MAX(own) = 1 AND MIN(own) = 0) g
              ON f.code = g.code AND f.entity = g.entity AND f.attribute = g.attribute
            ORDER BY f.code, f.entity, f.attribute, f.seq
            """
        )
        for (data,) in rows:
            yield Fact.from_row(json.loads(data))

    def groups(self) -> Iterator[Group]:
        """:meth:`candidates` as ``(rule, own facts, the other articles' facts)`` groups."""
        current: tuple[str, str, str] | None = None
        own: list[Fact] = []
        said: list[Fact] = []
        for f in self.candidates():
            if (f.code, f.entity, f.attribute) != current:
                if current is not None:
                    yield current[0], own, said
                current, own, said = (f.code, f.entity, f.attribute), [], []
            (own if f.own else said).append(f)
        if current is not None:
            yield current[0], own, said

    def size(self) -> int:
        return self.path.stat().st_size if self.path.exists() else 0

    def close(self, keep: bool = True) -> None:
        """Close; move the finished index into place (or drop it, with no target or on failure)."""
        self.db.commit()
        self.db.close()
        if keep and self.target is not None:
            os.replace(self.path, self.target)
        else:
            self.path.unlink(missing_ok=True)
        if self._tmpdir is not None:
            self._tmpdir.cleanup()
