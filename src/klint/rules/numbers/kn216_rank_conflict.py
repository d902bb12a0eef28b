"""KN216 rank-conflict: one subject given two ranks on one measure ("eleventh largest", "5th largest")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from klint import lazyre
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import line_of

_ORDINAL_WORDS = (
    "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ORDINAL_VALUE = {w: i + 2 for i, w in enumerate(_ORDINAL_WORDS)}
#: "the eleventh largest city", "5th-busiest airport", "the third most populous state"
_RANK_RE = lazyre.compile(
    rf"\b(?P<ord>\d{{1,3}}(?:st|nd|rd|th)|{'|'.join(_ORDINAL_WORDS)})[ \t-]+"
    r"(?P<sup>(?:most|least)[ \t]+[a-z]+|[a-z]{2,}est)\b"
    r"(?:[ \t]+(?P<noun>[a-z]{3,}))?",
    re.IGNORECASE,
)
#: the measure a rank is on: "by area", "in terms of population"
_MEASURE_RE = lazyre.compile(r"\b(?:by|in terms of)[ \t]+(?:its[ \t]+)?([a-z]{3,})", re.IGNORECASE)
#: the whole a rank is within: "in Germany", "in the whole of Germany", "of the United States"
_SCOPE_RE = lazyre.compile(
    r"(?:[ \t]+[a-z]+){0,2}?[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?(?:whole[ \t]+of[ \t]+)?"
    r"(world|(?:(?:north|south|east|west|central)[a-z-]*[ \t]+)?[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+)*)"
)
_NAME_RE = lazyre.compile(r"(?<=\s)[A-Z][\w-]+")
_PRONOUNS = frozenset("It Its He His She Her They Their This That These Those".split())
#: capitalised words that open a sentence without naming anything
_NOT_NAMES = frozenset(
    "It Its He His She Her They Their The This That These Those A An In On At By As For "
    "From With Today Now Since After Before During When While".split()
)
#: "Juneau, Alaska's third-largest city": the possessive is the rank's whole, the name
#: before it the ranked thing
_OWNER_RE = lazyre.compile(r"([A-Z][\w-]+),?[ \t]+([A-Z][\w-]+)['’]s[ \t]+$")
_FIRST_WORD_RE = lazyre.compile(r"\s*([A-Z][\w-]+)")
_YEAR_RE = lazyre.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_SENTENCE_END_RE = lazyre.compile(r"[.!?](?=\s+[A-Z\"“(])|\n")
#: words after "most"/"-est" that are no measure of a rank ("the second oldest", "at least")
_NOT_SUPERLATIVE = frozenset({"interest", "honest", "forest", "west", "rest", "test", "best"})


@dataclass(frozen=True, slots=True)
class _Rank:
    value: int
    start: int
    end: int
    subject: str
    superlative: str
    noun: str | None
    measure: str | None
    scope: str | None
    years: frozenset[str]


def _subject(view: str, sentence: str) -> str:
    """The name that opens a sentence: its first capitalised word that is no function word,
    the sentence's own first word only when the text writes it capitalised inside a
    sentence too ("Ashby is …", not "Today Bremen is …")."""
    first = _FIRST_WORD_RE.match(sentence)
    if first and first.group(1) in _PRONOUNS:
        return ""  # "It is the fifth largest stadium": whose, the sentence before says
    if (
        first
        and first.group(1) not in _NOT_NAMES
        and re.search(rf"[a-z,;] {re.escape(first.group(1))}\b", view)
    ):
        return first.group(1)
    names = [n for n in _NAME_RE.findall(sentence) if n not in _NOT_NAMES]
    return names[0] if names else ""


def _value(word: str) -> int:
    w = word.lower()
    return _ORDINAL_VALUE[w] if w in _ORDINAL_VALUE else int(re.sub(r"\D", "", w))


def _ranks(view: str, start: int, end: int) -> Iterator[_Rank]:
    """The ranks of one paragraph, each with the name that opens its sentence."""
    s = start
    for stop in [m.end() for m in _SENTENCE_END_RE.finditer(view, start, end)] + [end]:
        sentence = view[s:stop]
        opening = _subject(view, sentence)
        years = frozenset(_YEAR_RE.findall(sentence))
        whole = None  # a rank's whole holds for the next ones of its sentence
        for m in _RANK_RE.finditer(sentence):
            sup = " ".join(m.group("sup").lower().split())
            if sup in _NOT_SUPERLATIVE:
                continue
            owner = _OWNER_RE.search(sentence, max(0, m.start() - 60), m.start())
            # the ranked thing is named before its rank, never after it
            subject = opening if opening and sentence.find(opening) < m.start() else ""
            ranked = owner.group(1) if owner else subject
            after = sentence[m.end() : m.end() + 60]
            scope = _SCOPE_RE.match(after)
            tail = after[scope.end() :] if scope else after
            whole = " ".join(scope.group(1).split()) if scope else whole
            if owner:
                whole = owner.group(2)
            measure = _MEASURE_RE.match(tail.lstrip(" \t"))
            if measure is None:  # "In terms of area, Bremen is the eleventh largest city"
                before = list(_MEASURE_RE.finditer(sentence, 0, m.start()))
                measure = before[-1] if before else None
            yield _Rank(
                _value(m.group("ord")),
                s + m.start(),
                s + m.end(),
                ranked,
                sup,
                (m.group("noun") or "").lower() or None,
                measure.group(1).lower() if measure else None,
                whole,
                years,
            )
        s = stop


class RankConflict(Rule):
    """## What it does
    Reads ordinal ranks ("the eleventh largest city", "its 5th largest city by area",
    "the third most populous state in the United States") with the name that opens
    their sentence, the measure they are on ("by area", "in terms of population",
    from the rank on or from the sentence's opening) and the whole they are within
    ("in Germany", or the whole an earlier rank of the sentence named: "the 11th
    largest city in Germany and 5th largest city by area"), and reports one subject
    ranked twice with two ranks on one measure within one whole. A rank written in
    words and one in digits are one rank ("eleventh" and "11th"); a rank with no
    measure is compared only with another without one. Ranks of two times (a year in
    one sentence and not the other, or two years) are not compared.

    ## Why is this bad?
    A city is the eleventh largest by area or the fifth, not both: one of the two
    ranks is out of date or mistyped.

    ## Example
        In terms of area, Bremen is the eleventh largest city in Germany.
        ...
        Bremen is the 11th largest city in Germany and the 5th largest city by area.

    ## Use instead
        In terms of area, Bremen is the eleventh largest city in Germany.
        ...
        Bremen is the 11th largest city in Germany and the 11th largest city by area.
    """

    code = "KN216"
    name = "rank-conflict"
    severity = Severity.WARNING
    default_enabled = False
    summary = "one subject given two ranks on one measure (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        groups: dict[tuple[str, str, str | None, str | None], list[_Rank]] = defaultdict(list)
        for region in ctx.doc.regions_of("paragraph", "list_item", "caption"):
            if not _RANK_RE.search(view, region.start, region.end):
                continue
            for r in _ranks(view, region.start, region.end):
                if r.subject:
                    groups[(r.subject, r.superlative, r.noun, r.measure)].append(r)
        for (_, sup, noun, measure), ranks in groups.items():
            reported: set[int] = set()
            for i, a in enumerate(ranks):
                for b in ranks[i + 1 :]:
                    if a.value == b.value or b.start in reported or a.years != b.years:
                        continue  # "the third … in 1900", "now the second …": two times
                    if a.scope != b.scope:
                        continue  # "the third largest city in Texas", "the 20th … in the US"
                    reported.add(b.start)
                    what = " ".join(w for w in (sup, noun) if w)
                    by = f" by {measure}" if measure else ""
                    yield self.diagnostic(
                        b.start,
                        b.end,
                        f"{b.subject} is ranked {_ordinal(b.value)} {what}{by} here but "
                        f"{_ordinal(a.value)} at line {line_of(ctx, a.start)}",
                        related=[(a.start, a.end, f"ranked {_ordinal(a.value)}")],
                    )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
