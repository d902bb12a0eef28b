"""The rule contract: metadata, a ruff-style docstring, and ``check(ctx)``."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import klint.rules
from klint import lazyre
from klint.diagnostics import Diagnostic, Related, Severity
from klint.options import NoOptions, parse

if TYPE_CHECKING:
    from klint.claims import Claims
    from klint.claimsfile.loader import Sidecar
    from klint.config import Config
    from klint.document import Document
    from klint.packs import Packs

FAMILIES = {
    "KD": "dates",
    "KN": "numbers",
    "KX": "cross-references",
    "KS": "schema",
    "KC": "corpus",
    "KI": "internal",
}


_FENCED = lazyre.compile(
    r"^```(?P<lang>yaml|wikitext|markdown|html)\n(?P<body>.*?)^```$", re.M | re.S
)


@dataclass(frozen=True)
class Example:
    """A documented example: the article, its format, and the claims file beside it."""

    text: str
    fmt: str = "text"
    claims: str | None = None


@dataclass
class Context:
    """What a rule sees: the document, its claims, the rule packs and the run's options."""

    doc: Document
    claims: Claims
    packs: Packs
    config: Config
    sidecar: Sidecar | None = None  # the parsed claims file, when there is one
    cache: dict[str, Any] = field(default_factory=dict)  # per-document memo shared by rules

    def memo(self, key: str) -> dict[Any, Any]:
        """The dictionary kept in :attr:`cache` under ``key``, made on the first ask (not a new
        one on every call, as ``setdefault`` would)."""
        found: dict[Any, Any] | None = self.cache.get(key)
        if found is None:
            found = self.cache[key] = {}
        return found

    def options(self, code: str) -> Any:
        """Rule ``code``'s typed options (its ``Options`` dataclass): as configured, else defaults.

        A configuration file's options are validated when it loads; a plain mapping given
        to ``Config(rule_options=...)`` by library code is validated here.
        """
        found = self.config.rule_options.get(code)
        rule = klint.rules.get_rule(code)
        if rule is None:
            raise KeyError(f"no rule {code}")
        cls = rule.Options
        if found is None:
            return cls()
        if isinstance(found, dict):
            found, problem, _ = parse(code, cls, found)
            if problem:
                raise ValueError(problem)
        return found


class Rule:
    """Base class. Subclasses set the class attributes and implement :meth:`check`.

    The class docstring is the rule's documentation, in sections:
    ``What it does``, ``Why is this bad?``, ``Example``, ``Use instead``. The two
    examples are texts of our own (see :meth:`example`); a test checks that the first
    triggers the rule and the second does not.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    default_enabled: ClassVar[bool] = True
    summary: ClassVar[str] = ""
    Options: ClassVar[type] = NoOptions  # a frozen dataclass of the rule's options (klint.options)

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[:2], "other")

    @classmethod
    def doc(cls) -> str:
        """The docstring, then the *Options* section generated from ``Options``."""
        from klint.options import markdown

        options = markdown(cls.Options)
        doc = inspect.cleandoc(cls.__doc__ or "") + (f"\n\n{options}".rstrip() if options else "")
        return doc + cls._split_note()

    @classmethod
    def _split_note(cls) -> str:
        """The *Split codes* section: the codes this rule's checks moved to, or came from."""
        from klint.rules.redirects import SPLIT_FROM, split_into

        code = getattr(cls, "code", "")
        if code in SPLIT_FROM:
            old = SPLIT_FROM[code]
            return (
                f"\n\n## Split codes\nThis check ran under {old} before it had a code of its own."
                f" A configuration, `--select`, suppression comment or baseline that names {old}"
                " covers it too."
            )
        new = split_into(code)
        if not new:
            return ""
        return (
            f"\n\n## Split codes\nChecks that ran under {code} have codes of their own: "
            + ", ".join(new)
            + f". A configuration, `--select`, suppression comment or baseline that names {code}"
            " covers them too; name this code and ignore them to keep only this check."
        )

    @classmethod
    def example(cls, section: str) -> Example:
        """The article (and claims file) of ``section`` in the docstring ("Example", "Use instead").

        The article is the section's indented block, plain text, where a line ``...`` stands
        for text left out; or a block fenced as ```` ```wikitext ````, ```` ```markdown ```` or
        ```` ```html ````. A block fenced as ```` ```yaml ```` is the claims file beside it.
        Lines that are neither are notes for the reader.
        """
        m = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## |\Z)", cls.doc(), re.M | re.S)
        body = m.group(1) if m else ""
        text, fmt, claims = "", "text", None
        for fence in _FENCED.finditer(body):
            if fence["lang"] == "yaml":
                claims = fence["body"]
            else:
                text, fmt = fence["body"], fence["lang"]
        if fmt == "text":
            indented = _FENCED.sub("", body).split("\n")
            block = [line for line in indented if line.startswith("    ") or not line.strip()]
            text = inspect.cleandoc("\n".join(block))
            text = re.sub(r"^\.\.\.$", "", text, flags=re.M)
        return Example(text, fmt, claims)

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def diagnostic(
        self,
        start: int,
        end: int,
        message: str,
        related: list[tuple[int, int, str]] | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """Build a finding at ``[start, end)`` with related ``(start, end, message)`` places."""
        return Diagnostic(
            code=self.code,
            rule=self.name,
            severity=severity or self.severity,
            message=message,
            start=start,
            end=end,
            related=[Related(s, e, m) for s, e, m in (related or [])],
        )
