"""klint: a linter for facts in prose.

The library API is the command line's own engine::

    import klint
    for d in klint.lint_text(open("article.txt").read(), path="article.txt"):
        print(d.path, d.line, d.column, d.code, d.message)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: The name to ``pip install`` (``klint`` on the package index is an unrelated project).
DISTRIBUTION = "klint-facts"
#: The project's home: source, releases (tags ``vX.Y.Z``) and the rule documentation.
REPOSITORY = "https://github.com/klint-facts/klint-facts"


def rule_doc_url(code: str) -> str:
    """Where a rule's documentation (``docs/rules/CODE.md``) is published."""
    return f"{REPOSITORY}/blob/main/docs/rules/{code}.md"


if TYPE_CHECKING:
    from klint.engine import lint_paths, lint_text

__all__ = ["__version__", "lint_paths", "lint_text"]


def __getattr__(name: str) -> Any:  # lazy: `import klint` stays cheap
    if name in ("lint_text", "lint_paths"):
        from klint import engine

        return getattr(engine, name)
    raise AttributeError(name)
