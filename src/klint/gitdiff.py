"""What changed since a git ref: files and line numbers, for ``klint check --diff REF``.

The comparison is ``git diff REF`` against the working tree (committed, staged
and unstaged edits alike), plus untracked files that git does not ignore: a new
article counts as changed everywhere. Renames are followed, so a moved file
with no edits has no changed lines. A pure deletion marks the lines on both
sides of the cut, because removing text can break what is left around it.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from klint.diagnostics import Diagnostic

if TYPE_CHECKING:
    from pathlib import Path

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL = -1  # a line number meaning "every line" (untracked files)


class GitError(Exception):
    """git failed or is missing; the message is git's own."""


@dataclass
class Changes:
    """Changed lines per file, by absolute real path."""

    root: str
    lines: dict[str, set[int]] = field(default_factory=dict)

    def touched(self, path: str) -> set[int] | None:
        return self.lines.get(os.path.realpath(path))

    def includes(self, path: str) -> bool:
        """True when the file, or the claims file beside it, changed."""
        from klint.cache import claims_files

        paths: list[str | Path] = [path, *claims_files(path)]
        return any(os.path.realpath(p) in self.lines for p in paths)

    def _hits(self, path: str, first: int, last: int) -> bool:
        lines = self.touched(path)
        if not lines:
            return False
        return ALL in lines or any(n in lines for n in range(first, max(first, last) + 1))

    def keeps(self, d: Diagnostic) -> bool:
        """True when the finding's primary or a related location touches a changed line."""
        if self._hits(d.path, d.line, d.end_line):
            return True
        return any(self._hits(r.path or d.path, r.line, r.end_line) for r in d.related)


def _git(args: list[str], cwd: str) -> str:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from None
    if proc.returncode != 0:
        msg = proc.stderr.strip().splitlines()
        raise GitError(msg[-1] if msg else f"git {' '.join(args)} failed")
    return proc.stdout


def _unquote(path: str) -> str:
    """Undo git's C-style quoting of unusual file names."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    raw = path[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1", "surrogateescape").decode("utf-8", "surrogateescape")


def parse_diff(diff: str) -> dict[str, set[int]]:
    """Map each new-side path of a ``--unified=0`` diff to its added or edited line numbers."""
    out: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = _unquote(line[4:].rstrip("\t"))
            current = None if name == "/dev/null" else out.setdefault(name[2:], set())
            continue
        m = HUNK.match(line)
        if m and current is not None:
            start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
            if count == 0:  # lines removed after line `start`
                current.update((start, start + 1))
            else:
                current.update(range(start, start + count))
    return out


def changes_since(ref: str, cwd: str = ".") -> Changes:
    """The lines changed between ``ref`` and the working tree of the repository around ``cwd``."""
    root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root)
    except GitError:
        if ref != "HEAD":
            raise GitError(f"{ref!r} is not a commit in the git repository at {root}") from None
        # the first commit of a repository (pre-commit's --diff HEAD): everything is new
        ref = _empty_tree(root)
    diff = _git(
        [
            "diff",
            "--unified=0",
            "--no-color",
            "--no-ext-diff",
            "--find-renames",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            ref,
            "--",
        ],
        root,
    )
    changes = Changes(root)
    for rel, lines in parse_diff(diff).items():
        changes.lines[os.path.realpath(os.path.join(root, rel))] = lines
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    for rel in filter(None, untracked.split("\0")):
        changes.lines[os.path.realpath(os.path.join(root, rel))] = {ALL}
    return changes


def _empty_tree(root: str) -> str:
    """The id of the empty tree in this repository's hash (SHA-1 or SHA-256)."""
    proc = subprocess.run(
        ["git", "hash-object", "-t", "tree", "--stdin"],
        cwd=root,
        input="",
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.stdout.strip()


def gitignored(paths: list[str], cwd: str) -> set[str]:
    """The ``paths`` (relative to ``cwd``) that git ignores; none outside a git work tree.

    Tracked files are never ignored (git's own rule), so an article committed despite a
    pattern is still linted.
    """
    if not paths:
        return set()
    try:
        proc = subprocess.run(
            ["git", "check-ignore", "--stdin", "-z"],
            cwd=cwd,
            input="\0".join(paths) + "\0",
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except OSError:  # no git: nothing to honour
        return set()
    if proc.returncode not in (0, 1):  # 128: not a work tree
        return set()
    return set(filter(None, proc.stdout.split("\0")))
