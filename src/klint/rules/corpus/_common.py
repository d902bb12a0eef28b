"""What the KC rules share: the facts an article states, and the rule contract across articles.

A corpus is checked in two passes, like a compiler's link step. Pass one is the ordinary
per-article lint; while an article's claims are at hand, each KC rule reads the facts it
compares from their frames (:meth:`CorpusRule.facts`): what the article says about itself
in its infobox and lead (``own``), and what it says about an entity it links to. Pass two
groups the facts of every article by (rule, entity, attribute) — the fact index,
:mod:`klint.corpus.index` — and asks the rule to compare each group
(:meth:`CorpusRule.compare`). An entity is a link target or an article's title, never a
name matched loosely.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import astuple, dataclass
from pathlib import Path

from klint import lazyre
from klint.claims import Claim, Frame
from klint.diagnostics import Diagnostic, Related, Severity
from klint.rules.base import Context, Rule

#: frames of the article itself: its infobox and its lead, about its title
OWN_ORIGINS = frozenset({"infobox", "front matter", "lead"})
OWN_HOW = frozenset({"infobox", "title", "pronoun"})
#: prose, where an article speaks about what it links to
PROSE_ORIGINS = frozenset({"lead", "body"})


@dataclass(slots=True)
class Fact:
    """One value an article gives for one attribute of one entity, and where.

    Plain values only, so a fact travels to workers, into the cache and into the index
    as a row. ``low``..``high`` is the interval the value allows: for a date the ordinal
    days, for a number its bounds after qualifiers and rounding.
    """

    code: str
    entity: str  # subject_key of the link target or of the article's title
    attribute: str
    own: bool  # stated by the entity's own article (infobox or lead)
    low: float
    high: float
    unit: str  # a number's unit; for a date, "" (or "year" when years are compared loosely)
    year: int | None  # the year a changing figure holds in ("in 1950"); None: not given
    shown: str  # the value as the reader sees it
    severity: str
    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    origin: str
    text: str  # the claim's text (for the fingerprint)
    line_text: str  # the source line it is on (for the reporters)
    name: str  # the entity as written (link target or title)

    def row(self) -> list[object]:
        return list(astuple(self))

    @classmethod
    def from_row(cls, row: list[object] | tuple[object, ...]) -> Fact:
        return cls(*row)


def own_keys(ctx: Context) -> set[str]:
    """The keys an article answers to: its page title (``DUMP#Title``) or file name, and the
    title its own lead or infobox names."""
    from klint.extract.frames import subject_key  # loaded with the frames, on first use
    from klint.sources.dump import SEPARATOR

    if "kc.own" in ctx.cache:
        cached: set[str] = ctx.cache["kc.own"]
        return cached
    path = ctx.doc.path
    if SEPARATOR in path:
        names = {path.rsplit(SEPARATOR, 1)[1]}
    else:
        names = {Path(path).stem.replace("_", " ").replace("-", " ")}
    names |= {f.subject for f in ctx.claims.frames.values() if f.how == "title" and f.subject}
    keys: set[str] = {subject_key(n) for n in names}
    ctx.cache["kc.own"] = keys
    return keys


def title_of(ctx: Context) -> str:
    """The name an article's own facts are filed under: the page title, else the file's title."""
    from klint.sources.dump import SEPARATOR

    path = ctx.doc.path
    if SEPARATOR in path:
        return path.rsplit(SEPARATOR, 1)[1]
    titled = [f.subject for f in ctx.claims.frames.values() if f.how == "title" and f.subject]
    return titled[0] if titled else Path(path).stem.replace("_", " ").replace("-", " ")


def is_own(ctx: Context, f: Frame) -> bool:
    """A frame of the article about itself: an infobox field or the lead, about its title."""
    from klint.extract.frames import subject_key  # loaded with the frames, on first use

    return (
        f.origin in OWN_ORIGINS
        and f.how in OWN_HOW
        and f.subject is not None
        and subject_key(f.subject) in own_keys(ctx)
    )


def is_linked(ctx: Context, f: Frame) -> bool:
    """A frame of prose about an entity the article links to (not the article itself)."""
    from klint.extract.frames import subject_key  # loaded with the frames, on first use

    return (
        f.how == "link"
        and f.origin in PROSE_ORIGINS
        and f.subject is not None
        and subject_key(f.subject) not in own_keys(ctx)
    )


_ARTICLE_RE = lazyre.compile(r"^```wikitext (?P<title>[^\n`]+)\n(?P<body>.*?)^```$", re.M | re.S)


class CorpusRule(Rule):
    """A rule across articles: it reads facts from each article and compares them by entity.

    Its documented examples are corpora: each article a block fenced as
    ```` ```wikitext Title ````, checked as the file ``Title.wiki``.
    """

    default_enabled = False

    @classmethod
    def articles(cls, section: str) -> dict[str, str]:
        """Title -> wikitext of each article of the docstring's ``section``."""
        m = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## |\Z)", cls.doc(), re.M | re.S)
        return {
            a["title"].strip(): a["body"] for a in _ARTICLE_RE.finditer(m.group(1) if m else "")
        }

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        yield from ()  # nothing to say about one article alone

    def facts(self, ctx: Context) -> Iterator[Fact]:
        raise NotImplementedError

    def compare(self, own: list[Fact], said: list[Fact]) -> Iterator[Diagnostic]:
        """Findings where ``said`` (other articles) contradicts ``own`` (the entity's article)."""
        raise NotImplementedError

    def fact(
        self,
        ctx: Context,
        claim: Claim,
        frame: Frame,
        attribute: str,
        own: bool,
        low: float,
        high: float,
        shown: str,
        unit: str = "",
    ) -> Fact:
        """A fact of ``claim`` at its place in the article."""
        from klint.extract.frames import subject_key  # loaded with the frames, on first use

        doc = ctx.doc
        line, column = doc.position(claim.start)
        end_line, end_column = doc.position(max(claim.start, claim.end))
        name = title_of(ctx) if own else (frame.subject or "")
        return Fact(
            self.code,
            subject_key(name),
            attribute,
            own,
            low,
            high,
            unit,
            frame.year,
            shown,
            ctx.config.severity_for(self.code, self.severity).value,
            doc.path,
            claim.start,
            claim.end,
            line,
            column,
            end_line,
            end_column,
            frame.origin,
            " ".join(doc.text[claim.start : claim.end].split()),
            doc.line_text(line)[: column + claim.end - claim.start + 160],  # the snippet's span
            name,
        )

    def finding(self, said: Fact, own: Fact, message: str, note: str) -> Diagnostic:
        """A finding at ``said``, with the entity's own article as the related place."""
        d = Diagnostic(
            self.code,
            self.name,
            Severity(said.severity),
            message,
            said.start,
            said.end,
            [
                Related(
                    own.start,
                    own.end,
                    note,
                    own.path,
                    own.line,
                    own.column,
                    own.end_line,
                    own.end_column,
                )
            ],
            said.path,
            said.line,
            said.column,
            said.end_line,
            said.end_column,
        )
        parts = [self.code, said.text, own.entity, own.text]
        d.fingerprint = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]
        return d


def corpus_rules(rules: list[Rule]) -> list[CorpusRule]:
    return [r for r in rules if isinstance(r, CorpusRule)]
