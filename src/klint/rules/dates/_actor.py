"""Whose act a dated clause tells: the subject a frame gave it, or someone the clause names."""

from __future__ import annotations

import re
from pathlib import Path

from klint import lazyre
from klint.claims import DateClaim, QuantityClaim
from klint.rules.base import Context
from klint.rules.dates._common import region_of, sentence_start

#: words a name shares with another without naming the same one
_COMMON = frozenset(
    "the of and in on at for de von van la le da du der st saint king queen prince princess "
    "lord lady sir death funeral birth life house".split()
)
#: a link's words up to a dated verb of its own: "[[King Abdullah]] died on", "[[X]] was killed in"
_LINK_ACTS_RE = lazyre.compile(
    r"\s+(?:(?:had|has|was|were|is)\s+)?(?:\w+ly\s+)?"
    r"(?:[a-z]+ed|born|won|wrote|became|began|took|left|fell|gave|made)"
    r"(?:\s+(?:in|on|at|of|by|from|away))*\s+(?:[a-z]+\s+){0,2}$"
)
_PUNCTUATION_RE = lazyre.compile(r"[,;:()]")
#: a sentence's opening link that acts: "[[Emilia Aylmer Blake]] wrote", not "[[X]] was"
_LINK_OPENS_RE = lazyre.compile(r"\s+(?!(?:was|were|is|are|has|had|have)\b)[a-z]+\b")
#: where a clause of its own begins in a sentence: a semicolon, a bracket, or "and" before
#: "the <noun>" and its verb
_CLAUSE_BREAK_RE = lazyre.compile(r"[;(]|\s\band\s+(?=(?:the|a|an)\s+[a-z]+\s+[a-z]+ed\b)")
#: how far before a pronoun the names acting in its sentence are looked for
_ACTING_REACH = 600
#: a name that acts: a capitalised word (or "X's" with its noun) right before a verb
_ACTING_NAME_RE = lazyre.compile(
    r"(?<![\w'’])([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)*)(?:['’]s?\s+[a-z]+)?\s+"
    r"(?:(?:had|has|was|were|is|did|would)\b|(?:\w+ly\s+)?[a-z]{3,}ed\b)"
)
#: honours after a name, up to the bracket of its dates: "Sir Leslie Stephen KCB (28 November
#: 1832 – …)" is the man, no longer name (a regnal number, "George III", is part of one)
_HONOURS_RE = lazyre.compile(r"(?:,?\s+(?![IVXL]+\b)[A-Z]{2,5}\b)+\s*\($")
#: a pronoun that another acts on or owns: the person the sentence goes on with may be it
_OBJECT_RE = lazyre.compile(r"\b(?:him|her|his|hers|himself|herself)\b", re.I)
#: capitalised words that open a clause without naming anyone
_NOT_NAMES = frozenset("He She It They The This That These Those His Her Their In On At".split())
#: the pronoun nearest before a date that opens its clause's verb: "he was killed in"
_PRONOUN_RE = lazyre.compile(r"\b(?:he|she)\b(?![^;(]*\b(?:he|she)\b)", re.I)
#: "in 1841, his father died": a relative the clause goes on to name acts, after the date
_RELATIVE_AFTER_RE = lazyre.compile(
    r",?\s+(?:his|her|their)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:had\s+)?(?:died|was\s+born|"
    r"were\s+born|passed\s+away|(?:was|were)\s+(?:killed|executed|assassinated|murdered))\b"
)
#: "the dynasty imploded in": a clause of its own, opened by "and the <noun>" and its verb
_OWN_CLAUSE_RE = lazyre.compile(
    r"\band\s+the\s+[a-z]+\s+(?:\w+ly\s+)?[a-z]+ed\s+(?:[a-z]+\s+){0,2}$"
)


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", name.casefold()) if w not in _COMMON}


def _own(ctx: Context, subject: str) -> set[str]:
    """The words that name the subject: its frame's name and the article's file name."""
    return _words(subject) | _words(Path(ctx.doc.path).stem.replace("_", " "))


def _links(ctx: Context) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] | None = ctx.cache.get("kd.links")
    if out is None:
        from klint.extract.frames import links  # loaded with the frames, on first use

        out = ctx.cache["kd.links"] = links(ctx.doc)
    return out


def told_of_another(ctx: Context, c: DateClaim | QuantityClaim, subject: str) -> bool:
    """Whether the clause a date stands in tells of someone else than ``subject``, the one
    its frame gave it:

    - the date is in the text of a link to another article ("until [[Manjural Islam
      Rana|Manjural Rana in 2007]]", "[[Death and funeral of Prince Philip|his death in
      2021]]"), or such a link is what acts right before it ("after [[King Abdullah of
      Saudi Arabia]] died on 23 January 2015");
    - the sentence opens with a link to another article and never names the subject
      ("[[Emilia Aylmer Blake]] wrote a poem about Ayres, which she recited in June 1885"
      names Ayres only after a preposition);
    - "he" or "she" acts in the date's clause and the last name that acts before it in the
      sentence is another's ("Malcolm refrained from raiding the north; he was killed in
      1093", "Richards's account is shorter, … (he died in 1985, aged 91)");
    - the subject's name goes on as a longer name ("A sequel, Portal 2, was released in
      2011", "the Boston Redevelopment Authority established in 1957");
    - the clause opens anew with "and the <noun>" and its verb ("The Dowager died in 1908
      and the dynasty imploded in 1911"), or a relative is born or dies right after the
      date ("in 1841, his father died").
    """
    own = _own(ctx, subject)
    if not own:
        return False
    view = ctx.doc.view
    region = region_of(ctx, c.start)
    if region is None:
        return False
    s = sentence_start(ctx, region, c.start)
    for a, b, target in _links(ctx):
        if b <= s:
            continue
        if a > c.start:
            break
        other = not (_words(target) & own)
        if other and a <= c.start and c.end <= b:
            return True
        if (
            other
            and b <= c.start
            and _LINK_ACTS_RE.fullmatch(view, b, c.start)
            and not _PUNCTUATION_RE.search(ctx.doc.text, b, c.start)  # "[[Ann Lee]], released in"
        ):
            return True
        if (
            other
            and not view[s:a].strip()
            and _LINK_OPENS_RE.match(view, b)
            and not _names(view, b, c.start, own)
        ):
            return True
    if _OWN_CLAUSE_RE.search(view, max(s, c.start - 80), c.start) or _longer_name(
        view, s, c.start, subject
    ):
        return True
    if _RELATIVE_AFTER_RE.match(view, c.end):
        return True
    return _pronoun_of_another(view, s, c.start, own)


def _longer_name(view: str, s: int, at: int, subject: str) -> bool:
    """Whether the subject's name, the last time the sentence gives it before ``at``, goes on
    with a capitalised word or a number: a longer name of another thing ("A sequel, Portal
    2, was released in 2011"; "the Boston Redevelopment Authority, established in 1957"), not
    honours before its bracket ("Sir Leslie Stephen KCB (28 November 1832 – …)")."""
    if not subject.strip():
        return False
    found = list(re.finditer(r"(?<![\w'’])" + re.escape(subject) + r"\b", view[s:at]))
    if not found:
        return False
    rest = view[s + found[-1].end() : at]
    return re.match(r"\s+[A-Z0-9]", rest) is not None and not _HONOURS_RE.match(rest)


def _names(view: str, a: int, b: int, own: set[str]) -> bool:
    """Whether ``view[a:b]`` names the subject other than after a preposition or as a title."""
    for m in re.finditer(r"(\w+)\W+([A-Z][\w'’-]+)", view[a:b]):
        if m.group(2).casefold().rstrip("'’s") in own and m.group(1).casefold() not in _PREPS:
            return True
    return False


#: words after which a name is not the one who acts: a preposition's object, a title
_PREPS = frozenset(
    "about of on for to with by from at in into over under against titled entitled named "
    "called".split()
)


def _pronoun_of_another(view: str, s: int, at: int, own: set[str]) -> bool:
    """Whether "he" or "she" opens the date's clause and the last name acting before it in the
    sentence is another's, the subject named nowhere between, nor acted on ("Turner praised
    her work; she died in 1838" may be the subject's death)."""
    breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(view, s, at)]
    clause = breaks[-1] if breaks else s
    p = _PRONOUN_RE.search(view, clause, at)
    if p is None or clause == s:
        return False  # a sentence's own "he" is the one the sentences before name
    acting = [
        m
        for m in _ACTING_NAME_RE.finditer(view, max(s, p.start() - _ACTING_REACH), p.start())
        if (m.start() > s or view.startswith(("'s", "’s"), m.end(1)))  # not "Production was"
        and m.group(1).split()[0] not in _NOT_NAMES
        and not _words(m.group(1)) & own
    ]
    if not acting:
        return False
    between = view[acting[-1].end() : p.start()]
    if _OBJECT_RE.search(between):
        return False  # "Turner praised her work; she died in 1838": the one acted on
    after = re.findall(r"[A-Z][\w'’-]+", view[acting[-1].end() : at])
    return not any(w.casefold().rstrip("'’s") in own for w in after)
