"""KD107 after-death: a person acts in a sentence dated after the death the article gives them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import PurePath

from klint import lazyre
from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.extract.names import name_stopwords
from klint.rules.base import Context, Rule
from klint.rules.dates._common import (
    line,
    narrative_region,
    prose_dates,
    sentence,
    severity_for,
    show,
    sound,
)
from klint.text.words import alternation, find_all, finditer_from, words_re

_NAME = r"(?P<name>[A-Z][a-z]{1,30}(?:[ -](?:[A-Z][a-z]{1,30}|de|von|van|al|bin|ibn)\b){0,3})"
# the name before a death word: "X died", "X, who was killed", "the death of X, who was killed"
_NAME_BEFORE_DIED = lazyre.compile(_NAME + r",?[ \t](?:who[ \t])?(?:had[ \t])?$")
_NAME_BEFORE_KILLED = re.compile(_NAME + r",?[ \t](?:who[ \t])?(?:was|had[ \t]been)[ \t]$")
# "his death in 1989, X ..."
_NAME_AFTER_DEATH = re.compile(r"[ \t]in[ \t][^,.;]{1,30},[ \t]" + _NAME)
_NAME_BEFORE_LIFESPAN = lazyre.compile(_NAME + r"[ \t]\((?:c\.[ \t])?$")
# what may stand right before the subject of a clause
_CLAUSE_OPENING = lazyre.compile(
    r"(?:[,;:(\u2014\d]|\b(?:and|but|or|when|while|then|as|because|so|where|that|until"
    r"|although|though|whereupon|later|meanwhile))$"
)
_DEATH_OF = re.compile(r"\bdeath[ \t]of[ \t]" + _NAME + r",?[ \t]who[ \t]was[ \t]$")


class AfterDeath(Rule):
    """## What it does
    Collects the deaths the article states ("X died in 1989", "X was killed on
    June 12, 1993", "Prior to his death in 1989, X …", a life span "X
    (1921–1989)" of 15 to 110 years) and
    reports a later sentence, dated after that death, in which the same person
    acts as the subject of a clause. Possessives ("X's fighters"), objects ("a
    letter from X", "he called X"), the past perfect ("X had approved") and posthumous mentions ("his death was mourned",
    "a memorial to X", "the grave of X") are not actions. Deaths and actions are
    read from the article's prose only (not references, footnotes, headings or
    data captions); a pronoun ("He died") is not a name, in "Charles II of
    Spain died" the place is not the person, and a name that is part of the
    article's title or file name ("John Lewis" in "John Lewis Partnership") names the
    firm or the work, so it is not followed.

    ## Why is this bad?
    A dead person cannot act; the death date, the event date or the name is
    wrong.

    ## Example
        Ivan Petrov died in March 1990. In June 1991, Ivan Petrov signed the
        treaty.

    ## Use instead
        Ivan Petrov died in March 1992. In June 1991, Ivan Petrov signed the
        treaty.
    """

    code = "KD107"
    name = "after-death"
    severity = Severity.WARNING  # the person is matched by name: a guess
    summary = "a person acts in a sentence dated after the death the article gives them"

    @staticmethod
    def _acting(view: str, s: int, pos: int, name: str) -> bool:
        """Is the name at ``pos`` the subject of its clause, and the same person?

        A subject opens its clause: it follows the sentence start, a punctuation mark, a
        number (the end of a date) or a conjunction. After a preposition ("a letter from X",
        "shares in X") or a verb ("he called X") it is an object.
        """
        opening = view[max(s, pos - 200) : pos].rstrip()  # markup is blanked in the view
        if opening and not _CLAUSE_OPENING.search(opening):
            return False
        before = view[max(s, pos - 24) : pos]
        # a bare surname after another given name is someone else ("Anna Schmidt" after "Karl Schmidt")
        return " " in name or not re.search(r"\b[A-Z][a-z]+[ \t]$", before)

    def _deaths(self, ctx: Context) -> dict[str, DateClaim]:
        """Each person's death date, by the name the text gives them, from the article's prose."""
        if not ctx.claims.dates:
            return {}  # every death found is dated
        view = ctx.doc.view
        stop = name_stopwords(ctx.packs)

        def person(m: re.Match[str]) -> str | None:
            """The name matched, unless it is a pronoun or function word ("He died") or the
            place in a title ("Charles II of Spain died": Spain did not die)."""
            name = m.group("name")
            if name.split()[0] in stop or view[max(0, m.start() - 3) : m.start()] == "of ":
                return None
            return name

        claims = [c for c, _ in prose_dates(ctx)]
        starts = [c.start for c in claims]
        deaths: dict[str, DateClaim] = {}

        def first_date(lo: int, hi: int) -> DateClaim | None:
            i = bisect.bisect_left(starts, lo)
            return claims[i] if i < len(claims) and claims[i].start < hi else None

        for c in claims:  # life spans: "X (1921–1989)"
            lifetime = c.latest.year - c.earliest.year
            if (
                c.is_range
                and c.precision == "year"
                and view[c.end : c.end + 1] == ")"
                and 15 <= lifetime <= 110
            ):
                m = _NAME_BEFORE_LIFESPAN.search(view, max(0, c.start - 60), c.start)
                if m and (name := person(m)):
                    deaths.setdefault(name, c)
        death_words = tuple(ctx.packs.date_words.get("death_words", ()))
        for w in finditer_from(_death_word(death_words), view, find_all(view, death_words)):
            if w.start() and (view[w.start() - 1].isalnum() or view[w.start() - 1] == "_"):
                continue  # not a word start ("undied"); \w is exactly isalnum() or "_"
            if w.group() == "death":
                before = view[max(0, w.start() - 4) : w.start()]
                m = _NAME_AFTER_DEATH.match(view, w.end()) if before in ("his ", "her ") else None
                if m is not None:  # "his death in 1989, X"
                    date_ = first_date(w.end(), m.start("name"))
                    if date_ and (name := person(m)):
                        deaths.setdefault(name, date_)
                continue
            date_ = first_date(w.end(), min(len(view), w.end() + 60))
            if date_ is None or re.search(r"[.;]", view[w.end() : date_.start]):
                continue
            lo = max(0, w.start() - 80)
            named = _NAME_BEFORE_DIED if w.group() == "died" else _NAME_BEFORE_KILLED
            m = _DEATH_OF.search(view, lo, w.start()) or named.search(view, lo, w.start())
            if m and (name := person(m)):
                deaths.setdefault(name, date_)
        return deaths

    @staticmethod
    def _narrative(
        ctx: Context, c: DateClaim, posthumous: re.Pattern[str]
    ) -> tuple[int, int] | None:
        """The sentence of a date in narrative text, unless a posthumous cue explains it."""
        region = narrative_region(ctx, c.start)
        if region is None:
            return None
        s, e = sentence(ctx, c, region)
        return None if posthumous.search(ctx.doc.view, s, e) else (s, e)

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        deaths = self._deaths(ctx)
        if not deaths:
            return
        view = ctx.doc.view
        posthumous = words_re(tuple(ctx.packs.posthumous_cues))
        titles = [" ".join(view[r.start : r.end].split()) for r in ctx.doc.regions_of("title")]
        titles.append(PurePath(ctx.doc.path).stem.replace("_", " "))  # an export names its file so
        spans: dict[int, tuple[int, int] | None] = {}  # a date's sentence, if it can be dated
        for name, death in deaths.items():
            if any(name in t and name != t for t in titles):
                continue  # "John Lewis Partnership": the founder's name also names the firm
            who = re.compile(
                rf"\b{re.escape(name)}\b(?!['’]s|[ \t]\(|[ \t]was[ \t](?:killed|buried|mourned)|[ \t]had\b)"
            )
            for k, c in enumerate(ctx.claims.dates):
                if (
                    c.start <= death.start
                    or not sound(c)
                    or c.cue is not None
                    or c.earliest <= death.latest
                ):
                    continue
                if k not in spans:
                    spans[k] = self._narrative(ctx, c, posthumous)
                span = spans[k]
                if span is None:
                    continue
                s, e = span
                m = next(
                    (
                        m
                        for m in _name_matches(who, name, view, s, e)
                        if self._acting(view, s, m.start(), name)
                    ),
                    None,
                )
                if m is None:
                    continue
                yield self.diagnostic(
                    m.start(),
                    m.end(),
                    f"{name} acts in a sentence dated {show(c)} (line {line(ctx, c.start)}), after the death "
                    f"dated {show(death)} (line {line(ctx, death.start)})",
                    related=[(death.start, death.end, f"death of {name}: {show(death)}")],
                    severity=severity_for(c, death, guess=True),
                )
                break


def _name_matches(
    who: re.Pattern[str], name: str, view: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """``who.finditer(view, start, end)`` for ``who``, a pattern that opens with ``\\b`` and
    then ``name``: tried only where ``str.find`` sees the name (a pattern opening with
    ``\\b`` is otherwise tried at every offset); ``\\b`` still looks at the character before."""
    last = start
    p = view.find(name, start, end)
    while p >= 0:
        m = who.match(view, p, end) if p >= last else None  # leftmost, non-overlapping
        if m is not None:
            last = m.end()
            yield m
        p = view.find(name, p + 1, end)


@lru_cache(maxsize=8)
def _death_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """A death word: no leading ``\\b`` (it would make ``re`` try every offset), the caller
    checks the word start."""
    return re.compile("(?:" + alternation(words) + r")\b")
