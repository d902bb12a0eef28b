"""KD112 act-outside-life: a person acts in a clause dated before their birth or after their death."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

from klint import lazyre
from klint.claims import DateClaim, Frame
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.dates._actor import told_of_another
from klint.rules.dates._common import (
    line,
    narrative_region,
    region_of,
    sentence,
    show,
    sound,
)
from klint.rules.dates.kd110_attribute_date_conflict import Dated, agreed, dated
from klint.text.words import alternation, words_re

#: attributes that are the life's own ends, or that date what a person made, not an act
_NOT_ACTS = frozenset({"born", "died", "lifespan", "founded", "opened", "released", "published"})
#: a verb with an auxiliary before it is passive or past perfect ("was buried", "had moved"):
#: what is done to a person after their death, or told out of order
_AUX_BEFORE = lazyre.compile(
    r"\b(?:was|were|is|are|be|been|being|had|has|have|would|will)\s+(?:\w+ly\s+)?$", re.I
)
_WAS_BEFORE = lazyre.compile(r"\b(?:was|were)[ \t]+$", re.I)
#: the past perfect of the clause's own verb ("had moved", not "had been buried")
_HAD_BEFORE = lazyre.compile(r"\bhad[ \t]+(?:\w+ly[ \t]+)?$", re.I)
#: how many years before a person's birth a namesake of an elder generation may act
_NAMESAKE_YEARS = 30
#: the longest life a person with no death date may be given
_LIFE_YEARS = 100
#: the years after its founding an organisation's acts are looked for
_FOUNDED_YEARS = 200
#: words that make a clause posthumous, reported or not the person's own act
POSTHUMOUS = lazyre.compile(
    r"posthum|memorial|in memory|remains|grave|tomb|statue|portrayed|legacy|estate|"
    r"honou?red|tribute|biograph|centenary|centennial|anniversar|as\s+a\s+character|depict|"
    r"fictionali[sz]|"
    # an induction into a hall of fame ("In 2016, Ebert was inducted into the … Hall of Fame")
    r"inducted|hall\s+of\s+fame|"
    # a likeness on a stamp, a coin or a banknote ("appeared on a postage stamp in 1983")
    r"postage|\bstamps?\b|banknote|\bcoins?\b",
    re.I,
)


Life = tuple[DateClaim, date, date]


def life_of(facts: Dated, subject: str) -> tuple[Life | None, Life | None]:
    """The birth and death (each ``(claim, earliest, latest)`` or None) of a subject, a
    name alone read as the full name it is part of (see lived). A bracketed span of years
    in the body after the article's own name ("Cape Town (1961–1990)") is a period, not its
    life: the lead or infobox gives the subject's life span. One that gives the days ("Anne
    (6 February 1665 – 1 August 1714)") is a life."""
    own = {
        (subject, attribute): [
            item
            for item in lived(facts, subject, attribute)
            if not (
                item[1].attribute == "lifespan"
                and item[1].origin == "body"
                and item[1].how == "title"
                and item[0].precision != "day"
            )
        ]
        for attribute in ("born", "died")
    }
    return agreed(own, subject, "born"), agreed(own, subject, "died")


#: where the article states its own subject's life: a name written there is the subject's
_OWN_PLACES = frozenset({"infobox", "front matter", "lead"})
#: the words that make a name a thing's ("Selected Poetry of James Clerk Maxwell")
_NOT_A_PERSON = frozenset({"of", "the", "and", "for", "in", "on", "at"})


def lived(facts: Dated, subject: str, attribute: str) -> list[tuple[DateClaim, Frame, date, date]]:
    """What the article says of a subject's birth or death (``attribute``): its own
    statements, else, for a single name that is the last word of one person's name whose
    life the infobox, front matter or lead gives (or the title's name, by the day), that
    person's ("Willbond" in the article on Ben Willbond, "Maxwell" in the one on James
    Clerk Maxwell), under all the names that person goes by with or without a middle
    name or with its first name as an initial ("M. Faraday"). A single name that opens
    the article's own subject's name, when no other life
    in the article shares it, is the subject ("Zhao" in the article on Zhao Dan, "Francis"
    in the one on Francis II, Holy Roman Emperor). Any other first name ("young Charles", a
    son named after his father) or a word of a state's name ("German" beside the German
    Empire) stays unresolved, and so does a surname the article gives two people's
    lives."""
    own = facts.get((subject, attribute), [])
    if own or " " in subject or not subject.isalpha():
        return own
    names = {
        name: any(
            f.origin in _OWN_PLACES or (f.how == "title" and c.precision == "day")
            for c, f, _, _ in items
        )
        for (name, what), items in facts.items()
        if what in ("born", "died")
        and name != subject
        and name.split()[-1] == subject
        and not _NOT_A_PERSON.intersection(name.split())
    }
    if not names:
        names = dict.fromkeys(_first_named(facts, subject), True)
    # one person under names that differ by a middle name ("Darya Dugina", "Darya
    # Aleksandrovna Dugina") or give the first name as its initial ("M. Faraday"); two first
    # names are two people
    if len(_first_names(names)) != 1 or not any(names.values()):
        return []  # no such person, or two: "his father, Jack Harlow (1940–2001)"
    return [item for name in sorted(names) for item in facts.get((name, attribute), [])]


def _first_names(names: Iterable[str]) -> set[str]:
    """The first names of ``names``, an initial ("m.") left out when a first name it stands
    for is there ("michael")."""
    firsts = {name.split()[0] for name in names}
    return {
        f
        for f in firsts
        if not (len(f) == 2 and f[1] == "." and any(g[0] == f[0] and g != f for g in firsts))
    }


def _first_named(facts: Dated, subject: str) -> set[str]:
    """The article's own subject's names that open with a single name no other life in the
    article has a word of: a name given family name first ("Zhao" for Zhao Dan), a monarch's
    ("Francis" for Francis II, Holy Roman Emperor); not "Charles" beside the lives of
    Charles FitzRoy or Charles Lennox, his namesakes."""
    own: set[str] = set()
    for (name, what), items in facts.items():
        words = name.split()
        if what not in ("born", "died") or name == subject or subject not in words:
            continue
        if _NOT_A_PERSON.intersection(words) or words[0] != subject:
            return set()  # another life with the name: a namesake
        if any(f.how == "title" and f.origin in _OWN_PLACES for _, f, _, _ in items):
            own.add(name)
        else:
            return set()
    # one person, under names that differ by a middle name at most
    return own if len({name.split()[-1] for name in own}) == 1 else set()


class ActOutsideLife(Rule):
    """## What it does
    Reads each date's frame — whose act it dates — and reports a person acting
    in a clause dated before the birth or after the death the article gives
    them (infobox, front matter, a life span "(1790–1836)", "born in …",
    "died in …"). The act must be the person's own: the clause's subject is the
    person by name or by "he/she" resolved to them, and the verb is active (not
    "was buried", "was awarded", nor the past perfect "had moved") or a passive
    the person takes part in alive ("was appointed", "was elected", "were
    married": the dates pack's ``living_passives``) or a past perfect the date
    opens with "by" ("By 1988 he had moved": he lived there in 1988); a verb
    whose past is irregular ("began", "wrote", "won") is an act of the article's own
    subject only (a surname alone elsewhere may be a namesake's); a clause
    that speaks of a memorial, a grave, a statue, a portrayal ("featured as a
    character in a novel", "depicted"), a stamp, a coin, an induction into a hall of
    fame or anything posthumous is left alone, and so is a person whose birth or death the
    article dates two ways (KD110 reports that). A surname alone is the person
    whose life the infobox, front matter or lead gives under a name ending with it,
    when no other person's life in the article shares it; so is a single name that opens
    the article's own subject's name when no other life in the article has that word
    ("Zhao" for Zhao Dan, "Francis" for Francis II; not "Charles" in an article that gives
    the life of Charles FitzRoy). An organisation with no life
    but a founding in its infobox, front matter or lead ("founded in 1961")
    acting before it is reported when two neighbouring digits swapped put the
    act after the founding ("announced its exit in April 1896": 1986).
    An act more than 30 years before the birth is a namesake's of an elder
    generation, unless two neighbouring digits swapped put it inside the life
    ("married on February 11, 1899" for a man born in 1932: 1989 mistyped).
    A name the article's subject shares with a namesake is left alone: a part of
    the title's name with a birth or death of its own ("When Cunard died in 1865"
    in the article on the Cunard Line: the firm acts on, not the man; "Her
    daughter, also named Victoria, was born …"), or the title with a founding a
    person made ("In 1962 he established his own Brabham marque" beside the
    driver's own racing). A thing is not born and does not die: "Hearst died in
    1951" in the article on the Hearst Corporation is the founder's death. A span in
    a list of names with spans, one a line ("Duke of Cumberland (1782–1790)",
    "George, Prince of Wales (1792–1813)"), is a term of office, not a life.
    Nor is a clause someone else acts in the person's: a sentence that opens with a
    link to another article and names the person only after a preposition or as a
    title ("[[Emilia Blake]] wrote a poem about Ayres, which she recited in June 1885"),
    or a clause of its own after "and the <noun>" ("The Dowager died in 1908 and the
    dynasty imploded in 1911").

    ## Why is this bad?
    Nobody acts before being born or after dying: the event's year, or the
    birth or death date, is wrong — a typo, or an edit that moved one date.

    ## Example
        Mary Rowe (2 May 1790 – 12 June 1836) was an English painter.
        In 1840, Mary Rowe returned to Bath.

    ## Use instead
        Mary Rowe (2 May 1790 – 12 June 1836) was an English painter.
        In 1830, Mary Rowe returned to Bath.
    """

    code = "KD112"
    name = "act-outside-life"
    severity = Severity.WARNING
    default_enabled = False
    summary = "a person acts in a clause dated before their birth or after their death (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        # loaded with the frames, on first use
        from klint.extract.frames import PAST_ACTS, subject_key

        facts = dated(ctx)
        view = ctx.doc.view
        titles = _titles(ctx)
        # a reporting verb is an act too ("she wrote to Keel in 1840"); other cues are not
        reports = frozenset(ctx.packs.date_words.get("report_cues", ()))
        for c in ctx.claims.dates:
            if not sound(c) or c.is_range or c.year_inferred:
                continue
            if c.cue is not None and c.cue not in reports:
                continue
            f = ctx.claims.frames.get(c)
            if not _act(f, PAST_ACTS):
                continue
            assert f is not None and f.subject is not None
            if f.attribute in PAST_ACTS and subject_key(f.subject) not in titles:
                continue  # "Annenberg bought …": an irregular verb, the article's subject's only
            region = narrative_region(ctx, c.start)
            if region is None:
                continue
            subject = subject_key(f.subject)
            if told_of_another(ctx, c, f.subject):
                continue  # "[[Emilia Blake]] wrote a poem, which she recited in 1885": Blake's act
            if _namesake(ctx, facts, subject, titles):
                continue  # the thing named after a person, or the person: which one acts is unsure
            born, died = life_of(facts, subject)
            founded = _founding(facts, subject) if born is None and died is None else None
            if born is None and died is None and founded is None:
                continue
            s, e = sentence(ctx, c, region)
            if POSTHUMOUS.search(view, s, e) or self._passive(ctx, c, f, s, founded is None):
                continue
            if founded is not None:
                # an organisation acting before its founding: only a typing slip tells it
                # from its forerunners' history ("exit from Taiwan in April 2002" for 2020)
                if c.latest < founded[1] and _slipped(c, founded, None, _FOUNDED_YEARS):
                    yield self.diagnostic(
                        c.start,
                        c.end,
                        f"{f.subject} {f.attribute} {c.preposition or 'in'} {show(c)}, before "
                        f"the founding the article gives it ({show(founded[0])}, line "
                        f"{line(ctx, founded[0].start)})",
                        related=[
                            (founded[0].start, founded[0].end, f"the founding: {show(founded[0])}")
                        ],
                    )
                continue
            if born is not None and c.latest < born[1]:
                if born[1].year - c.latest.year > _NAMESAKE_YEARS and not _slipped(c, born, died):
                    continue  # a namesake of an elder generation ("his great-uncle, Marco Polo")
                end, which = born, "birth"
            elif died is not None and c.earliest > died[2]:
                end, which = died, "death"
            else:
                continue
            claim = end[0]
            if _listed(ctx, claim):
                continue  # "Duke of Cumberland (1782–1790)" in a list: a term of office, not a life
            yield self.diagnostic(
                c.start,
                c.end,
                f"{f.subject} {f.attribute} {c.preposition or 'in'} {show(c)}, "
                f"{'before' if which == 'birth' else 'after'} the {which} the article gives them "
                f"({show(claim)}, line {line(ctx, claim.start)})",
                related=[(claim.start, claim.end, f"the {which}: {show(claim)}")],
            )

    @staticmethod
    def _passive(ctx: Context, c: DateClaim, f: Frame, s: int, person: bool = True) -> bool:
        """Whether the clause's verb is passive or past perfect ("was buried", "had moved"), or
        (for a ``person``) its subject a thing ("it appeared in 1795")."""
        view = ctx.doc.view
        verb = f.attribute or ""
        at = view.rfind(verb, s, c.start) if verb else -1
        if at < 0:
            at = view.find(verb, c.end, c.end + 60) if verb else -1
        if at < 0:
            return True  # the verb is not where the frame read it: leave it alone
        if _AUX_BEFORE.search(view, max(s, at - 30), at):
            if c.preposition == "by" and c.end <= at and _HAD_BEFORE.search(view, s, at):
                return False  # "By 1988 Speer had moved": the state the year is the limit of
            # "was appointed", "were married": the person takes part alive (the dates pack's
            # living_passives); "was buried", "had moved" are done to them or told back
            living = ctx.packs.date_words.get("living_passives", ())
            return not (verb in living and _WAS_BEFORE.search(view, max(s, at - 8), at))
        if not person:
            return False  # an organisation is a thing: "it closed its office in 2007"
        # a clause's own subject that is not a person: "He mentioned a History, and it appeared
        # in 1795" (the dates pack's act_clause_starts and thing_subjects)
        words = ctx.packs.date_words
        clause = view[max(s, at - 60) : at]
        clause = _clause_start_re(tuple(words.get("act_clause_starts", ()))).split(clause)[-1]
        return bool(words_re(tuple(words.get("thing_subjects", ()))).search(clause))


@lru_cache(maxsize=8)
def _clause_start_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """A punctuation mark or one of ``words`` (as written, whole words) that starts a clause."""
    return re.compile(rf"[,;:]|\b(?:{alternation(words)})\b")


#: a line that is a name and a bracketed year or span of years, nothing else
_ENTRY_RE = lazyre.compile(r"[^()\n]{1,80}\(\s*\d{3,4}(?:\s*[–-]\s*\d{2,4})?\s*\)")


def _listed(ctx: Context, c: DateClaim) -> bool:
    """Whether a span is an entry of a list of names with spans — the line holds the name and
    its bracket alone, and so does the line before or after it ("Duke of Cumberland
    (1782–1790)", "George, Prince of Wales (1792–1813)", "Duke of Sussex (1813)"): the
    holders of an office and their terms, not lives."""
    region = region_of(ctx, c.start)
    if region is None or not _ENTRY_RE.fullmatch(ctx.doc.view[region.start : region.end].strip()):
        return False
    for near in (region_of(ctx, max(0, region.start - 2)), region_of(ctx, region.end + 1)):
        if near is not None and near is not region:
            if _ENTRY_RE.fullmatch(ctx.doc.view[near.start : near.end].strip()):
                return True
    return False


def _titles(ctx: Context) -> set[str]:
    """The names (as keys) the article's own subject goes by: its title as the frames read it,
    and its file's name ("Cunard_Line.html": "cunard line")."""
    from klint.extract.frames import subject_key  # loaded with the frames, on first use

    stem = Path(ctx.doc.path).stem.replace("_", " ").replace("-", " ")
    return {subject_key(stem)} | {
        subject_key(f.subject) for f in ctx.claims.frames.values() if f.how == "title" and f.subject
    }


#: a person as the subject of a making verb: "In 1962 he established his own Brabham marque"
_PERSON_MAKES_RE = lazyre.compile(r"\b(?:he|she)\b", re.I)


def _namesake(ctx: Context, facts: Dated, subject: str, titles: set[str]) -> bool:
    """Whether a name is shared by the article's subject and a namesake, so that its acts cannot
    be told apart from the namesake's life: a part of the title's name with a birth or death of
    its own when the title has none and the part is not its last word, a person's surname
    ("When Cunard died in 1865" in the article on the Cunard
    Line, "Her daughter, also named Victoria, was born …" in a copy of the one on Queen
    Victoria that gives the queen's life nowhere; not "Maxwell died in 1879" beside James
    Clerk Maxwell's own life), or the title (or a part of it) with a founding a person made
    ("In 1962 he established his own Brabham marque" in the article on Jack Brabham): the
    firm, the marque, the daughter bear the person's name."""
    words = set(subject.split())
    part = any(words < set(t.split()) for t in titles)
    # the title's last word alone is a person's surname ("Rawls" in the article on John
    # Rawls): the subject; a firm or a ship puts its namesake first ("Cunard Line")
    surname = any(words == {t.split()[-1]} for t in titles)
    if (
        part
        and not surname
        and not any((t, a) in facts for t in titles for a in ("born", "died"))
        and any(
            item[1].origin == "body"
            for a in ("born", "died")
            for item in facts.get((subject, a), [])
        )
    ):
        return True
    if not part and subject not in titles:
        return False
    view = ctx.doc.view
    for c, f, _, _ in facts.get((subject, "founded"), []):
        region = narrative_region(ctx, c.start)
        s, e = sentence(ctx, c, region) if region is not None else (c.start, c.end)
        if f.origin != "body" and _PERSON_MAKES_RE.search(view, s, min(e, c.end + 30)):
            return True
    return False


def _founding(facts: Dated, subject: str) -> Life | None:
    """The founding the infobox, front matter or lead gives a subject (a founding read in the
    body may be another thing's: "its first publication in book form was in May 1981")."""
    own = {
        (subject, "founded"): [
            item for item in facts.get((subject, "founded"), []) if item[1].origin != "body"
        ]
    }
    return agreed(own, subject, "founded")


def _slipped(c: DateClaim, born: Life, died: Life | None, years: int = _LIFE_YEARS) -> bool:
    """Whether two neighbouring digits swapped turn the year of ``c`` into a year of the life:
    "married on February 11, 1899" in the life of a man born in 1932 is 1989 mistyped, not a
    namesake's act. (One digit changed would reach nearly any life: not a sign.)"""
    last = died[2].year if died is not None else born[1].year + years
    digits = str(c.earliest.year)
    swaps = (
        int(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :])
        for i in range(len(digits) - 1)
    )
    return any(born[1].year < y <= last for y in swaps)


def _act(f: Frame | None, past: frozenset[str]) -> bool:
    """A frame that dates a named person's own act: a verb in the past ("moved", or one of
    ``past``: "began"), its subject a person by name or pronoun."""
    return (
        f is not None
        and f.subject is not None
        and f.how in ("title", "name", "link", "pronoun", "agent")
        and f.origin in ("lead", "body")
        and f.attribute is not None
        and (f.how == "agent" or f.attribute not in _NOT_ACTS)
        and (f.attribute.endswith("ed") or f.attribute in past)
    )
