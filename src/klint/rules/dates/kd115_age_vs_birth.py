"""KD115 age-vs-birth: an age that does not fit the birth the article gives the person named beside it."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import PurePath

from klint import lazyre
from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.dates._common import (
    line,
    narrative_region,
    number,
    prose_dates,
    severity_for,
    show,
    sound,
)
from klint.text import sentences
from klint.text.words import alternation, exact_words_re, find_all, finditer_from


class AgeVsBirth(Rule):
    """## What it does
    Reports an age ("at the age of 30", "at age 30", "aged thirty", "X (1935–2001), a
    22-year-old chemist") that does not
    fit the birth the article gives the one person named in that sentence ("X (born
    1950)", "X (1921–1989)", "Ibn ʿArabī (Arabic: …; 1165–1240)", "X was born on
    ..."; a name given with diacritics may be written again without them), at
    the date nearest the age in
    the sentence. "N-year-old" counts only in apposition right after the name ("Ida
    Lenz, a 22-year-old chemist"; not "Lenz hired a 22-year-old assistant"). An age
    said of someone else ("Anne's son died at the age of
    eleven", a relative clause about another person, "… and Otto Brenner, aged 83")
    is not checked against the named person's birth, and a sentence that names
    nobody born in the article, or two such people, is left alone. The surname
    alone names the person only when no one else in the article or its title bears
    it after another given name or title (not "Lewis" for "Albert James Lewis
    (1863–1929)" in an article on C. S. Lewis, nor "Malone" for his father "John W.
    Malone (1856–1930)" in one on Dumas Malone). A bracketed span after a one-word
    place of an office or title ("Bishop of Tournai (1690–1705)", "abbot of S.
    Martin, Bourgueil (1605–44)") is a term, not a life. Only the article's prose is read, not
    references or footnotes. KD111 (opt-in) checks ages through the claims'
    frames instead.

    ## Why is this bad?
    The age and the dates cannot both be right.

    ## Example
        Clara Weiss (born 1931) trained as a chemist in Zurich.

        In 1970, Clara Weiss founded her own laboratory at the age of 25.

        In early 1962, Tomas Brandt met Ida Lenz (1935–2001), a 22-year-old
        chemist from Graz.

    ## Use instead
        Clara Weiss (born 1931) trained as a chemist in Zurich.

        In 1970, Clara Weiss founded her own laboratory at the age of 39.

        In early 1962, Tomas Brandt met Ida Lenz (1935–2001), a 26-year-old
        chemist from Graz.
    """

    code = "KD115"
    name = "age-vs-birth"
    severity = Severity.WARNING  # no corpus evidence yet for error level (>= 97 % precise)
    summary = "an age that does not fit the birth the article gives the person named beside it"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if not ctx.claims.dates:
            return  # an age is checked against a date in its sentence
        view = ctx.doc.view
        phrases = tuple(ctx.packs.date_words.get("age_phrases", ()))
        ages = list(finditer_from(_age_re(phrases), view, _age_starts(view, phrases)))
        if not ages:
            return
        births = _births(ctx)
        if not births:
            return
        dated = [
            c
            for c in ctx.claims.dates
            if sound(c) and not c.is_range and c.cue not in ("quotation",)
        ]
        starts = [c.start for c in dated]
        relative = exact_words_re(tuple(ctx.packs.grammar.relative_pronouns))
        forms: dict[str, list[str]] = {}  # read only for a sentence with an age and a date
        for m in ages:
            n = _age_number(m.group("n") or m.group("n2"), ctx)
            region = narrative_region(ctx, m.start())
            if n is None or region is None:
                continue
            s = sentences.sentence_start(view, region.start, m.start())
            e_m = sentences.STOP_OR_END.search(view, m.end(), min(region.end, m.end() + 600))
            e = e_m.end() if e_m else min(region.end, m.end() + 600)
            i, j = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            in_sentence = [c for c in dated[i:j] if c.earliest.year >= 100]
            if not in_sentence:
                continue
            when = min(in_sentence, key=lambda c: abs(c.start - m.start()))
            named = [
                (pos, name)
                for name in births
                for form in forms.get(name) or forms.setdefault(name, _forms(ctx, name, births))
                if (pos := _find_word(view, form, s, m.start())) >= 0
                and _age_is_theirs(view, pos + len(form), m.start(), relative, form)
                and (m.group("n") or _APPOSITION.fullmatch(view, pos + len(form), m.start()))
            ]
            people = {name for _, name in named}
            if len(people) != 1:
                continue  # nobody named, or more than one person: no guess
            (name,) = people
            lo, hi, birth = births[name]
            youngest, oldest = _years_between(hi, when.earliest), _years_between(lo, when.latest)
            if when is birth or youngest <= n <= oldest:
                continue
            age = f"{youngest}" if youngest == oldest else f"{youngest}–{oldest}"
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"“{m.group()}” does not fit: {name} was born {show(birth)} (line {line(ctx, birth.start)}), "
                f"so at {show(when)} the age was {age}",
                related=[(birth.start, birth.end, f"birth of {name}: {show(birth)}")],
                severity=severity_for(when, birth, guess=True),  # the person is matched by name
            )


def _age_is_theirs(
    view: str, name_end: int, age_start: int, relative: re.Pattern[str], name: str
) -> bool:
    """Is an age after a name said of that person? Not in "Anne's child ... at the age of
    eleven", nor after another name it stands beside ("Lewis, aged 40, and Sigmund Freud,
    aged 83"), nor inside a relative clause about someone else ("X, the youngest since her
    predecessor, who had taken the title at age 29"); "Smith, who ..., died at 80" is Smith's."""
    between = view[name_end:age_start]
    if re.match(r"['\u2019]s\b", between):
        return False
    beside = _NAME_BESIDE.search(between, max(0, len(between) - _BESIDE_REACH))
    if beside and beside.group(1) not in name:
        return False
    for rel in relative.finditer(between):
        if re.fullmatch(r",?[ \t]*", between[: rel.start()]):
            continue  # the relative clause is about the named person
        if "," not in between[rel.end() :]:
            return False  # the age sits in a relative clause about someone else
    return True


@lru_cache(maxsize=8)
def _age_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """ "at the age of 30", "aged thirty": one of ``phrases`` and a number; or a number
    before "-year-old" ("a 22-year-old dancer", "the twenty-two-year-old Smith")."""
    number = r"\d{1,3}|[a-z]+(?:-[a-z]+)?"
    return re.compile(
        rf"\b(?:{alternation(phrases)})[ \t](?P<n>{number})\b"
        rf"|\b(?P<n2>{number})-year-old\b"
    )


def _age_starts(view: str, phrases: tuple[str, ...]) -> set[int]:
    """Every offset where :func:`_age_re` may match: where one of ``phrases`` starts, and each
    offset of the run of letters, digits and hyphens before a "-year-old" (the pattern tried
    only there, not at every word of the text)."""
    out = find_all(view, {" ".join(p.split()) for p in phrases} - {""})
    p = view.find("-year-old")
    while p >= 0:
        q = p
        while q > 0 and (view[q - 1].isalnum() or view[q - 1] == "-"):
            q -= 1
        out.update(range(q, p))
        p = view.find("-year-old", p + 1)
    return out


#: "N-year-old" is the named person's only in apposition right after the name ("Caitlin
#: Macnamara (1913–94), a 22-year-old dancer"), not in "Smith hired a 22-year-old clerk"
_APPOSITION = lazyre.compile(r"[ \t]*(?:\([^()]*\))?,[ \t]+(?:a|an)[ \t]+")
#: how far back a bracket may open before the life span that closes it
_BRACKET_REACH = 300
_BORN_PAREN = lazyre.compile(r"\((?:[^()]{0,40}?[;,][ \t])?born[ \t](?:on[ \t]|in[ \t])?$")
_WAS_BORN = lazyre.compile(r"[ \t](?:was|were)[ \t]born[ \t](?:on|in)[ \t]$")
#: the text before a one-word name that is a place of an office or title, where a bracketed
#: span is a term, not a life: "Bishop of Tournai (1690–1705)", "abbot of S. Martin de
#: Pontoise, Bourgueil (1605–44)"; its last name words are the place ("Catherine of Aragon")
_OF_LIST = lazyre.compile(r"\bof[ \t]+(?:[A-Z][^,;()\n]{0,40},[ \t]+)*$")
# a name ending the text, whole words from the start ("Charles FitzCharles", not its "Charles"),
# with its initials ("John W. Malone": the father, not "Malone" alone, who may be his son)
_NAME_END = lazyre.compile(
    r"(?<![\w'’])([A-Z][a-z]{1,30}(?:[ -](?:[A-Z]\.|[A-Z][a-z]{1,30})){0,3})(?<!\.)$"
)


def _life_span_bracket(view: str, c: DateClaim) -> int | None:
    """Where the bracket opens that a life span of years closes: "X (1921–1989)", or after
    the other names the bracket gives first, "Ibn ʿArabī (Arabic: …; 1165–1240)"."""
    if not (c.is_range and c.precision == "year" and view[c.end : c.end + 1] == ")"):
        return None
    opening = view.rfind("(", max(0, c.start - _BRACKET_REACH), c.start)
    if opening < 0:
        return None
    inside = view[opening + 1 : c.start].rstrip()
    return opening if ")" not in inside and (not inside or inside.endswith(";")) else None


def _plain(text: str) -> str:
    """``text`` without diacritics or the marks of ʿayn and hamza: "Ibn ʿArabī" → "Ibn Arabi",
    the way a name is often written again later in the article."""
    return "".join(
        ch
        for ch in unicodedata.normalize("NFKD", text)
        if not unicodedata.combining(ch) and unicodedata.category(ch) != "Lm"
    )


_BESIDE_REACH = 200  # how far before an age the name it stands beside is looked for
#: another name right before an age in apposition: "... and Sigmund Freud, aged 83"
_NAME_BESIDE = lazyre.compile(
    r"([A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+)+)[ \t]*(?:\([^()]*\))?,[ \t]*$"
)


def _forms(ctx: Context, name: str, births: dict[str, tuple[date, date, DateClaim]]) -> list[str]:
    """A person's name, and the surname alone when no one else in the article bears it: no
    one else born in it, and no other given name or title before it in the text or the
    article's title ("Clive Staples Lewis" or "C. S. Lewis" beside "Albert James Lewis (1863–1929)",
    "Guglielmo Marconi" beside "Giulio, 2nd Marchese Marconi (1910–1971)")."""
    words = name.split()
    surname = words[-1]
    if len(words) == 1 or sum(1 for other in births if other.split()[-1] == surname) > 1:
        return [name]
    view = ctx.doc.view
    titles = [view[r.start : r.end] for r in ctx.doc.regions_of("title")]
    titles.append(PurePath(ctx.doc.path).stem.replace("_", " "))
    openers = {w.lower() for w in ctx.packs.grammar.name_openers}
    own = set(words[:-1])
    before = re.compile(rf"((?:[A-Z][\w'\u2019.-]*[ \t]+){{1,3}}){re.escape(surname)}\b")
    runs = _runs_with(ctx, surname)
    for text in (view, *titles):
        matches = (
            before.finditer(text)
            if text is not view or runs is None
            else (m for lo, hi in runs for m in before.finditer(view, lo, hi))
        )
        for m in matches:
            given = [w for w in m.group(1).split() if w.lower() not in openers]
            if any(w not in own and w.rstrip(".") not in {g[0] for g in own} for w in given):
                return [name]  # someone else of that surname, or the subject by another name
    return [name, surname]


#: what no match of a name's words before its surname holds: the view is cut at these
_OUTSIDE_NAMES_RE = lazyre.compile(r"[^\w'\u2019.\- \t]+")


def _runs_with(ctx: Context, word: str) -> list[tuple[int, int]] | None:
    """The runs of the view between two characters no name's words hold (see
    ``_OUTSIDE_NAMES_RE``) that hold ``word``: where the pattern of given names before it can
    match (its matches in them are the view's), not the whole view read for each person. None
    if the word holds such a character."""
    if _OUTSIDE_NAMES_RE.search(word):
        return None
    view = ctx.doc.view
    cuts: tuple[list[int], list[int]] | None = ctx.cache.get("kd115.cuts")
    if cuts is None:
        spans = [m.span() for m in _OUTSIDE_NAMES_RE.finditer(view)]
        cuts = ctx.cache["kd115.cuts"] = ([a for a, _ in spans], [b for _, b in spans])
    starts, ends = cuts
    runs: list[tuple[int, int]] = []
    at = view.find(word)
    while at >= 0:
        i = bisect.bisect_right(starts, at)  # the cuts before the word
        lo = ends[i - 1] if i else 0
        hi = starts[i] if i < len(starts) else len(view)
        runs.append((lo, hi))
        at = view.find(word, hi)
    return runs


def _find_word(view: str, word: str, start: int, end: int) -> int:
    m = re.search(rf"\b{re.escape(word)}\b", view[start:end])
    return start + m.start() if m else -1


def _age_number(word: str, ctx: Context) -> int | None:
    parts = word.lower().split("-")
    values = [number(p, ctx) for p in parts]
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _years_between(a: date, b: date) -> int:
    return b.year - a.year - ((b.month, b.day) < (a.month, a.day))


def _births(ctx: Context) -> dict[str, tuple[date, date, DateClaim]]:
    """Each person's birth as (earliest, latest, claim), by name: "X (born 1950)", "X (1921–1989)",
    "X was born on ..."."""
    out: dict[str, tuple[date, date, DateClaim]]
    if "kd.births" in ctx.cache:
        out = ctx.cache["kd.births"]
        return out
    view = ctx.doc.view
    out = {}
    for c, _ in prose_dates(ctx):
        before = view[max(0, c.start - 60) : c.start]
        opening = _life_span_bracket(view, c)
        if opening is not None:
            if 15 <= c.latest.year - c.earliest.year <= 110 and c.range_start_latest:
                before_name = _plain(view[max(0, opening - 120) : opening]).rstrip()
                m = _NAME_END.search(before_name, max(0, len(before_name) - 60))
                if m and not (" " not in m.group(1) and _OF_LIST.search(before_name, 0, m.start())):
                    out.setdefault(m.group(1), (c.earliest, c.range_start_latest, c))
            continue
        if c.is_range or "born" not in before:
            continue  # both readings below end in "born" and a preposition
        paren = _BORN_PAREN.search(before)
        if paren:
            m = _NAME_END.search(_plain(before[: paren.start()]).rstrip())
        else:
            born = _WAS_BORN.search(before)
            m = _NAME_END.search(_plain(before[: born.start()])) if born else None
        if m:
            out.setdefault(m.group(1), (c.earliest, c.latest, c))
    ctx.cache["kd.births"] = out
    return out
