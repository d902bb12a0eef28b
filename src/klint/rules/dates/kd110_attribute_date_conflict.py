"""KD110 attribute-date-conflict: one subject's birth, death, founding or release dated twice."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from klint import lazyre
from klint.claims import DateClaim, Frame
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.dates._actor import told_of_another
from klint.rules.dates._common import line, region_of, sentence, show, sound

#: attributes whose year a text may round or give by another convention (a film's year is
#: its first showing; a festival premiere or a founding meeting can precede it by a year)
_YEAR_SLACK = frozenset({"founded", "opened", "released", "premiered", "published", "completed"})
_PLACES = ("infobox", "front matter", "lead")


#: (subject, attribute) -> its dates: ``(claim, frame, earliest, latest)``
Dated = dict[tuple[str, str], list[tuple[DateClaim, Frame, date, date]]]


def dated(ctx: Context) -> Dated:
    """Dates of once-only attributes by (subject, attribute): ``(claim, frame, earliest, latest)``.

    A lifespan "(2 May 1790 – 12 June 1826)" gives the birth (its start) and the death (its end);
    an infobox field or front matter key gives its first date only (and a bracketed copy of
    it: "(1955-10-28) October 28, 1955", "February 26, 1970; 47 years ago (1970-02-26)").
    """
    out: Dated
    if "frames.dated" in ctx.cache:
        out = ctx.cache["frames.dated"]
        return out
    # loaded with the frames, on first use
    from klint.extract.frames import ONCE, activity_start, event_key, subject_key

    out = defaultdict(list)
    fields: set[tuple[str, str | None]] = set()
    described: list[tuple[DateClaim, Frame, str]] = []
    boxed = _boxed(ctx)
    for c in ctx.claims.dates:
        if not sound(c) or c.year_inferred or c.precision not in ("day", "month", "year"):
            continue
        f = ctx.claims.frames.get(c)
        if f is not None and f.how == "agent" and f.attribute in ONCE and not c.is_range:
            # what a person made, not the person's own date: kept when a description names
            # it ("set up a mediation organisation in 1989"), to be tied to its name below
            m = _DESCRIPTION_RE.search(ctx.doc.view, max(0, c.start - 60), c.start)
            if m and c.cue != "quotation":
                described.append((c, f, m.group(1)))
            continue
        if (
            f is None
            or f.subject is None
            or f.attribute is None
            or c.cue == "quotation"
            or _relative_acts(ctx.doc.view, c.start)
            or (f.how == "noun" and f.origin == "body" and _demonstrative(ctx, c))
            or (f.attribute in ("born", "died") and _another_life(ctx.doc.view, c, f))
            or (f.origin in ("lead", "body") and told_of_another(ctx, c, f.subject))
        ):
            continue
        subject = subject_key(f.subject)
        if f.origin in ("infobox", "front matter"):
            copy = _iso_copy(ctx.doc.view, c) or _ago_copy(ctx.doc.view, c)
            if (subject, f.field) in fields and not copy:
                continue  # a field's first date is its value; later ones date other things
            if not copy:  # "(1955-10-28) October 28, 1955": both
                fields.add((subject, f.field))  # ("Net worth … (January 2018)" read into "Born")
        if f.attribute == "lifespan" and c.is_range:
            if c.range_start_latest and c.range_end_earliest:
                out[(subject, "born")].append((c, f, c.earliest, c.range_start_latest))
                out[(subject, "died")].append((c, f, c.range_end_earliest, c.latest))
        elif activity_start(f.attribute) and (c.range_start_latest or not c.is_range):
            # an activity's start: a date, or a range's first part ("May 1993 – August 2002")
            out[(subject, f.attribute)].append((c, f, c.earliest, c.range_start_latest or c.latest))
        elif not c.is_range and f.attribute in ONCE:
            # "fully operational by 1909": a bound, the event on or before it
            first = date.min if c.preposition == "by" else c.earliest
            out[(subject, f.attribute)].append((c, f, first, c.latest))
        elif not c.is_range and (subject, event_key(f.attribute)) in boxed and _own_date(c, f):
            out[(subject, event_key(f.attribute))].append((c, f, c.earliest, c.latest))
    for c, f, words in described:
        name = _named(ctx.doc.view, out, f.attribute or "", words)
        if name is not None:
            out[(subject_key(name), f.attribute or "")].append(
                (c, replace(f, subject=name, how="description"), c.earliest, c.latest)
            )
    ctx.cache["frames.dated"] = out
    return out


def _said(f: Frame, attribute: str) -> str:
    """How a finding names a date's attribute: a work's release or publication as the place
    says it, a once-only attribute by its name, any other as the field or the prose says it."""
    from klint.extract.frames import ONCE

    return f.attribute or attribute if f.attribute in _WORKS or attribute not in ONCE else attribute


def _own_date(c: DateClaim, f: Frame) -> bool:
    """Whether a date of a boxed attribute is that attribute's: a field's, or the prose's
    after "in" or "on" ("closed in 2010"; not "closed following the 2009 season")."""
    return f.origin in ("infobox", "front matter") or c.preposition in ("in", "on")


def _boxed(ctx: Context) -> set[tuple[str, str]]:
    """``(subject, event)`` of each date a field or front matter key gives as its one value
    (``launch_date``, ``built``, ``AdmittanceDate``: "launch", "build", "admit"): the box
    states that event once for its subject, so the prose's date of it ("was admitted as a
    state on …") is the same fact."""
    from klint.extract.frames import ONCE, event_key, subject_key

    out = set()
    for c in ctx.claims.dates:
        f = ctx.claims.frames.get(c)
        if (
            f is not None
            and f.origin in ("infobox", "front matter")
            and f.subject is not None
            and f.attribute is not None
            and f.attribute not in ONCE
            and not c.is_range
        ):
            out.add((subject_key(f.subject), event_key(f.attribute)))
    return out


#: a description right before a date: "set up a mediation organisation in 1989"
_DESCRIPTION_RE = lazyre.compile(
    r"\b(?:an?|the)\s+((?:[a-z][a-z-]+\s+){1,2}[a-z][a-z-]+)\s+(?:in|on|during)\s+$"
)


def _named(view: str, facts: Dated, attribute: str, description: str) -> str | None:
    """The one named thing with this attribute dated whose name holds every word of a
    description but its head noun, and which the article calls by that noun, in its name or
    after it ("Mediation Northern Ireland …, an organisation which …" for "a mediation
    organisation"); None when none or several fit."""
    *modifiers, head = description.split()
    fits = set()
    for (_, attr), items in facts.items():
        for _, f, _, _ in items:
            name = f.subject or ""
            words = {w.lower() for w in name.split()}
            if attr != attribute or f.how not in ("name", "link") or not set(modifiers) <= words:
                continue
            called = re.compile(
                re.escape(name) + r"[^.;:]{0,40}?(?:,|\s(?:is|was))\s+(?:an?|the)\s+"
                r"(?:[a-z-]+\s+){0,3}?" + re.escape(head) + r"\b"
            )
            if head in words or called.search(view):
                fits.add(name)
    return fits.pop() if len(fits) == 1 else None


#: "… where his father died in", "Her daughter, also named Victoria, was born on": the one
#: born or dead is the subject's relative, not the subject
_RELATIVE_RE = lazyre.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+[a-z]+(?:\s+[a-z]+)?(?:,[^,.;!?]{1,40},)?\s+(?:had\s+)?"
    r"(?:died|was\s+born|were\s+born|passed\s+away|(?:was|were)\s+(?:killed|executed|"
    r"assassinated|murdered|slain|hanged|beheaded|martyred))\b[^.;!?]*$"
)


def _relative_acts(text: str, start: int) -> bool:
    """Whether, in the sentence before a date, a possessive's noun is the one who was born or
    died ("his father died in 1904"): a pronoun's person owns the noun, the date is not theirs."""
    return bool(_RELATIVE_RE.search(text, max(0, start - 120), start))


#: "his death from a heart attack in": a possessive owns the birth or death before the date
_OWNED_LIFE_RE = lazyre.compile(r"\b(?:his|her|their)\s+(?:\w+\s+)?(?:birth|death)\b[^.;!?]*$")
#: "Amin was assassinated by Soviet forces in": the name a passive verb's clause opens with
_PASSIVE_NAME_RE = lazyre.compile(
    r"(?<![\w'’])((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)\s+(?:was|were)\s+(?:\w+ly\s+)?"
    r"[a-z]+ed\b[^.;!?,]*$"
)


def _another_life(view: str, c: DateClaim, f: Frame) -> bool:
    """Whether a birth or death before a date is told of someone the frame did not take for its
    subject: a possessive's ("Labour elected John Smith in 1992, but his death from a heart
    attack in 1994" is not Labour's), or the name a passive death opens with ("Distrusted by
    the Soviets, Amin was assassinated in December 1979" is not the Soviets')."""
    lo = max(0, c.start - 100)
    if f.how != "pronoun" and _OWNED_LIFE_RE.search(view, lo, c.start):
        return True
    if f.subject is None:
        return False
    own = {w.lower() for w in f.subject.split()}
    m = _PASSIVE_NAME_RE.search(view, lo, c.start)
    if m is not None:
        named = {w.lower() for w in m.group(1).split()}
        return not named <= _PERSONAL and not own & named  # "She was executed": the subject
    # "in 1683, some Whig leaders were executed": the death verb's own subject after the date
    after = _DEATH_AFTER_RE.match(view, c.end, c.end + 100)
    if after is None:
        return False
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", after.group(1))}
    return bool(words - _PERSONAL) and not own & words


#: a passive death after a date, and what stands before its verb: "…, some Whig leaders were
#: executed"
_DEATH_AFTER_RE = lazyre.compile(
    r"[^.;!?]{0,60}?[,\s]([^.;!?,]{1,40}?)\s(?:was|were)\s+(?:\w+ly\s+)?(?:killed|executed|"
    r"assassinated|murdered|slain|hanged|beheaded|martyred)\b"
)
_PERSONAL = frozenset({"he", "she", "they", "and", "then", "later", "eventually", "finally"})


#: a founding told again: "re-formed", "re-established", "refounded"
_REFOUNDED_RE = lazyre.compile(r"\bre-?(?:founded|established|constituted)\b|\bre-formed\b", re.I)
#: a sentence that opens with a demonstrative's noun: "This line reached Mercer by 1875"
_DEMONSTRATIVE_RE = lazyre.compile(r"(?:This|That|These|Those)\s+[a-z]")


def _demonstrative(ctx: Context, c: DateClaim) -> bool:
    """Whether the date's sentence opens with "this" or "that" and a noun: the noun points back
    to what the sentence before named (one section of a line, one branch of a firm), not to
    the article's subject as "the line" does."""
    region = region_of(ctx, c.start)
    if region is None:
        return False
    s, _ = sentence(ctx, c, region)
    return _DEMONSTRATIVE_RE.match(ctx.doc.view, s) is not None


_ISO_RE = lazyre.compile(r"\d{4}-\d{2}-\d{2}")
#: "1915; 102 years ago (" before a bracketed year: a copy of the date shown first
_AGO_RE = lazyre.compile(r"\d{4};?\s+\d{1,4}\s+years?\s+ago\s*\($")


def _iso_copy(view: str, c: DateClaim) -> bool:
    """Whether a date is the bracketed ISO copy a page gives before the date it shows:
    "(1955-10-28) October 28, 1955" — the shown date is the field's value too."""
    return (
        _ISO_RE.fullmatch(c.text) is not None
        and view[c.start - 1 : c.start] == "("
        and view[c.end : c.end + 1] == ")"
    )


def _ago_copy(view: str, c: DateClaim) -> bool:
    """Whether a date is the bracketed copy a page gives after the date it shows and its age:
    "Founded 1915; 102 years ago (1915)" — a copy of the field's value, as an ISO one is."""
    return (
        c.precision in ("day", "year")
        and view[c.end : c.end + 1] == ")"
        and _AGO_RE.search(view, max(0, c.start - 40), c.start) is not None
    )


def agreed(facts: Dated, subject: str, attribute: str) -> tuple[DateClaim, date, date] | None:
    """The date all of a subject's statements of an attribute allow — the finest claim and the
    span they share ("1836" and "12 June 1836": 12 June 1836) — or None when none is given or
    two of them disagree (KD110's finding)."""
    items = facts.get((subject, attribute), [])
    if not items:
        return None
    first = max(a for _, _, a, _ in items)
    last = min(b for _, _, _, b in items)
    if first > last:
        return None
    finest = min(items, key=lambda item: item[3] - item[2])
    return finest[0], first, last


class AttributeDateConflict(Rule):
    """## What it does
    Reads each date's frame — whose date it is and of what — and reports one
    subject's birth, death, founding, opening, release, premiere, publication or completion
    given two dates that cannot both be true: an infobox or front matter field, or
    the lead, against another place in the article. A coarser date containing the
    finer one is consistent ("1790" and "12 May 1790"). A prose year that may date
    another stage of the event may differ by one year from a field or a finer date: a
    work's year by its noun ("a 1932 British comedy film", perhaps a festival showing;
    not a recording's, "a 1960 album", which is not shown before its release)
    and a year the sentence says what it marks ("founded: 1990" against "founded in
    1991, when its statutes were signed"); a plain "founded in 1993", "created in 1998"
    or "released in 1958" against a field's 1994, February 28, 1997 or 1957 is
    reported, and so are two full dates ("14 August 1945" and "17 August 1945") and
    two years the prose gives a founding, opening or completion by ("helped found the
    Coast Rowing Society in 1995" against "in 1996 she co-founded the Coast Rowing
    Society"); a release or opening "in the United States" is not
    compared with another place's (nor a year "first published in England" with a
    field's date a year off); a birth
    or death told of a relative after a possessive ("where his father died in
    1904") is not the subject's. An incorporation is not a founding ("founded in 1828",
    "incorporated on November 3, 1836"), nor is a sentence that gives both dates ("was
    formed in 1923 … as an outgrowth of a business he had begun in 1906" against
    "founded = 1906": two events told apart), and a numbered date field dates what its title
    field names ("established_title2 = Incorporated"); an article that tells of a
    re-formation ("It was re-formed in 1941") gives several foundings, none compared; a
    date after "by" is a bound ("completed in 1908 and fully operational by 1909"); a
    sentence that opens with "This line" tells of what the sentence before named, not
    of the article's subject. A birth or death a possessive owns ("Labour elected John
    Smith in 1992, but his death in 1994") or a passive death verb tells of another name
    ("Distrusted by the Soviets, Amin was assassinated in December 1979"; "in 1683, some
    Whig leaders were executed") is not the subject's, nor is one the clause tells of
    someone else: a date in the text of a link to another article ("until [[Manjural Islam
    Rana|Manjural Rana in 2007]]"), after such a link and its verb ("after [[King Abdullah]]
    died on 23 January 2015"), after "he" or "she" going on with another name that acted
    before it in the sentence ("Malcolm refrained from raiding; he was killed in 1093"), or
    before a relative's death ("in 1841, his father died"), nor a date of a longer name
    the subject's name begins ("A sequel, Portal 2, was released in 2011"; "the Boston
    Redevelopment Authority established in 1957"); honours after a name are no part of it
    ("Sir Leslie Stephen KCB (28 November 1832 – …)" is the subject's life). A death may be
    told by another
    verb: "was killed in 1846", "were executed on 3 May 1846", or undated right after
    the sentence that
    dates the episode it ends ("During the siege in 1846, Ann Hale brought water to the
    troops. While tending a soldier, she was struck by a bullet, killing her.").

    The start of an activity of a thing is compared the same way: "production of the
    A80 Supra began in April 1993" against "Production: May 1993 – August 2002" (a
    range's first part), "construction of the tower started in 1931" against
    "construction … ran from 1929 to 1933". The noun of the infobox's template names the
    subject in the lead ("Infobox company": "the company was founded in 1952"). A
    premiere ("first_aired" field, "premiered on", "first broadcast on RTL on") is compared as a release is, infobox
    and lead only (the body tells of seasons' premieres), and never with a release (a
    film's festival premiere precedes it). A work is named by its whole title, short
    words included ("A Life on Film was published in 1967" against "in 1971 a second
    book was published, A Life on Film"). A name is given once: "was renamed the
    Rochambeau Bridge in 1958" against "… renamed the Rochambeau Bridge on 3 May 1959"
    (passive or after a comma; an active "the council renamed X" names the old name).
    What a person founded may be named by a description whose words the name holds,
    the head noun being one the article calls it by: "she went on to found Mediation
    Northern Ireland in 1988, an organisation which trained mediators" against "before
    setting up a mediation organisation in 1989" (not when two names fit). A work's
    release field and its publication in the prose are one date ("release_date = January
    21, 1983" against "The book was published … on January 12, 1983"), when the prose names
    the work by its title or its noun (not "based on the novel …, first published in 1990"
    in a film's lead). A thing's one-word name that is the first word of the one infobox
    subject it fits names that subject ("Plan was founded in 1937" in the article whose
    infobox is Plan International USA's; not a person's first name, nor a word two
    infoboxes begin with).
    A plain-text article copied from a web page
    keeps its infobox rows as "Born<TAB>27 August 1968"; those are fields too, and the
    bracketed copy a row gives of its date, before or after it ("(1970-02-26)", "1915; 102
    years ago (1915)"), is the field's value as well: "Founded February 26, 1968; 47 years
    ago (1970-02-26)" contradicts itself, with no year's slack between a value and its copy.

    Any other event a field dates once for its subject is compared with the prose's date
    of it after "in" or "on", the field's noun and the prose's verb meeting at one stem:
    ``built = 1913`` against "The Arroyo Bridge was designed and built in 1912";
    ``AdmittanceDate = January 9, 1959`` against "It was admitted as the 49th state on
    January 3, 1959"; ``launch_date = {{start-date|December 19, 1968}}`` against "was
    launched on December 21, 1968"; ``year_end = 1748`` against "It was disestablished in
    1746" (a field named by its time and "end" dates the subject's end, not ``term_end``);
    not "closed following the 2009 season" against ``closed = January 3, 2010``. A field's
    opening before the year the prose says the thing was built, or the other way round, is
    reported too: ``opening_date = 1929`` against "a hotel built in 1931". The body's own
    release, publication or premiere of the work it names is compared with the field when
    both give a day of one month ("The series premiered on August 11, 1991" against
    ``first_aired = August 17, 1991``); two dates a list joins ("released in 1947 and
    1948") are not one attribute's.

    A field's full date and a full date of the prose on the same day and month, at most
    three years apart, are one date with its year mistyped in one place, whatever verb the
    prose tells it by ("established_date = 28 April 1917" against "the Azerbaijan SSR was
    proclaimed on 28 April 1920"; a range's ends count: "Date: 24 May 1334 – 19 October
    1453" against "On 24 May 1337 it was agreed …") — unless the prose gives the field's
    day too, the fields give the prose's, or the sentence tells of an anniversary ("On 12
    November 1996, the first anniversary of the constitution").

    ## Why is this bad?
    A person is born once and a film first released once: one of the two dates is
    wrong, usually an edit that changed one place and not the other.

    ## Example
        Mary Rowe (born 2 May 1790) was an English painter.

        Mary Rowe was born in Bath on 12 May 1790.

    ## Use instead
        Mary Rowe (born 2 May 1790) was an English painter.

        Mary Rowe was born in Bath on 2 May 1790.
    """

    code = "KD110"
    name = "attribute-date-conflict"
    severity = Severity.WARNING
    default_enabled = False
    summary = "one subject's birth, death, founding or release given two dates (opt-in)"

    def _stages(
        self,
        ctx: Context,
        stages: list[tuple[DateClaim, Frame, date, date]],
        items: list[tuple[DateClaim, Frame, date, date]],
        reported: set[int],
    ) -> Iterator[Diagnostic]:
        """A subject's event the box gives in numbered stages (declared, recognised, …): a
        date of the lead or the body fits one of them (its year, for a year alone), or is
        reported against the first ("established_date1 = 4 October 1827" against "An
        independent Belgium was established in 1830")."""
        for b, fb, b0, b1 in items:
            if _stage(fb) or fb.origin in ("infobox", "front matter") or fb.how != "title":
                continue
            if any(
                _comparable(a, fa, b, fb) and not (a1.year < b0.year or b1.year < a0.year)
                for a, fa, a0, a1 in stages
            ):
                continue
            a, fa, _, _ = min(stages, key=lambda item: item[2])
            if not _comparable(a, fa, b, fb):
                continue
            reported.add(b.start)
            yield self.diagnostic(
                b.start,
                b.end,
                f"{fb.subject}: {fb.attribute} {show(b)} here but no stage of it the box gives "
                f"falls then: {fa.field} is {show(a)} at line {line(ctx, a.start)}",
                related=[(a.start, a.end, f"{fa.field} {show(a)}")],
            )

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        from klint.extract.frames import subject_key  # loaded with the frames, on first use

        facts = dated(ctx)
        boxes = {
            subject_key(f.subject or "")
            for items in facts.values()
            for _, f, _, _ in items
            if f.origin in ("infobox", "front matter")
        }
        groups: Dated = defaultdict(list)
        for (subject, attribute), items in facts.items():
            # a work's release and its publication are one: "release_date = 1983" of a book
            # infobox against "published by Del Rey Books on January 12, 1983"
            attribute = "released" if attribute == "published" else attribute
            if attribute in _THINGS:
                subject = _short_name(subject, boxes)
            groups[(subject, attribute)] += items
        found: set[tuple[int, int]] = set()
        # "It was re-formed in 1941": the article tells of several foundings, each its own date
        refounded = _REFOUNDED_RE.search(ctx.doc.view) is not None
        for (_, attribute), items in groups.items():
            if attribute == "founded" and refounded:
                continue
            reported: set[int] = set()
            stages = [item for item in items if _stage(item[1])]
            if len(stages) > 1:  # "established_date1 = …", "established_date2 = …"
                yield from self._stages(ctx, stages, items, reported)
            items = [item for item in items if not _stage(item[1])]  # one stage: of what?
            for i, (a, fa, a0, a1) in enumerate(items):
                for b, fb, b0, b1 in items[i + 1 :]:
                    if b.start in reported or not _comparable(a, fa, b, fb):
                        continue
                    if _LISTED_RE.fullmatch(ctx.doc.view, a.end, b.start):
                        continue  # "released in 1947 and 1948": several, one each
                    if fa.attribute != fb.attribute and not _release_published(ctx, a, fa, b, fb):
                        continue
                    # a year's slack for a year alone: two dates to the day are one event's,
                    # and two years the prose gives a founding, opening or completion by are
                    # one convention's (a field's or a work's year may be another stage's)
                    coarse = a.precision != "day" or b.precision != "day"
                    prose = _prose_years(attribute, a, fa, b, fb)
                    one_field = fa.field is not None and (fa.field, fa.subject) == (
                        fb.field,
                        fb.subject,
                    )  # a field's value and its copy: "1905; 112 years ago (1906)"
                    slack = (
                        1
                        if attribute in _YEAR_SLACK
                        and coarse
                        and not prose
                        and not one_field
                        and (_staged(ctx, a, fa) or _staged(ctx, b, fb))
                        else 0
                    )
                    if (
                        slack
                        and abs(a0.year - b0.year) <= slack
                        and abs(a1.year - b1.year) <= slack
                    ):
                        continue
                    if (a1 < b0 or b1 < a0) and not (
                        _told_apart(ctx, b, a, a0, a1) or _told_apart(ctx, a, b, b0, b1)
                    ):
                        reported.add(b.start)
                        found |= {(a.start, b.start), (b.start, a.start)}
                        said_a, said_b = _said(fa, attribute), _said(fb, attribute)
                        yield self.diagnostic(
                            b.start,
                            b.end,
                            f"{fb.subject}: {said_b} {show(b)} here but {show(a)} at line "
                            f"{line(ctx, a.start)} ({fa.origin})",
                            related=[(a.start, a.end, f"{said_a} {show(a)}")],
                        )
        for a, da, b, db in _same_day(ctx):
            if (a.start, b.start) in found:
                continue  # reported above as one attribute's two dates
            box = ctx.claims.frames.get(a)
            label = (box.field if box is not None else None) or "field"
            yield self.diagnostic(
                a.start,
                a.end,
                f"{label}: {show(a)} here but {show(b)} at line {line(ctx, b.start)}: the same "
                f"day, {da.day} {da.strftime('%B')}, in {da.year} and in {db.year}",
                related=[(b.start, b.end, f"the same day given as {show(b)}")],
            )
        for opened, built in _opened_before_built(ctx, facts):
            f = ctx.claims.frames[opened]
            g = ctx.claims.frames[built]
            yield self.diagnostic(
                opened.start,
                opened.end,
                f"{f.subject}: opened {show(opened)} here, before it was built in "
                f"{show(built)} at line {line(ctx, built.start)} ({g.origin})",
                related=[(built.start, built.end, f"built {show(built)}")],
            )


def _told_apart(ctx: Context, c: DateClaim, other: DateClaim, first: date, last: date) -> bool:
    """Whether the sentence of prose date ``c`` gives the value of ``other`` (``first``..
    ``last``) by a date of its own: two events the text tells apart ("was formed in 1923 …
    as an outgrowth of a business he had begun in 1906" against "Founded: 1906")."""
    region = region_of(ctx, c.start)
    if region is None or region.kind not in ("paragraph", "list_item"):
        return False
    s, e = sentence(ctx, c, region)
    return any(
        s <= d.start < e
        and d is not c
        and d is not other
        and (d.earliest, d.latest) == (first, last)
        for d in ctx.claims.dates
    )


def _stage(f: Frame) -> bool:
    """Whether a field is one of several numbered stages of one event ("Established date 2",
    the recognition after the declaration)."""
    return f.field is not None and _STAGE_RE.fullmatch(f.field) is not None


_STAGE_RE = lazyre.compile(r"\w+ date \d{1,2}")


def _opened_before_built(ctx: Context, facts: Dated) -> Iterator[tuple[DateClaim, DateClaim]]:
    """``(opening, building)`` of one subject whose opening a field or front matter key dates
    in a year before the year the prose says it was built, or the other way round
    (``opening_date = 1929`` against "a hotel built in 1931"): nothing opens before it is
    built. An opening or a building told of the subject under another name, or a date
    given as a bound ("by 1931"), is not compared."""
    from klint.extract.frames import subject_key

    built: dict[str, list[DateClaim]] = defaultdict(list)
    for c in ctx.claims.dates:
        f = ctx.claims.frames.get(c)
        if (
            f is not None
            and f.attribute == "built"
            and f.subject is not None
            and sound(c)
            and not c.is_range
            and not c.year_inferred
            and c.precision in ("day", "month", "year")
            and c.preposition != "by"
            and c.cue != "quotation"
        ):
            built[subject_key(f.subject)].append(c)
    for (subject, attribute), items in facts.items():
        if attribute != "opened" or subject not in built:
            continue
        for c, f, _, _ in items:
            for b in built[subject]:
                g = ctx.claims.frames[b]
                boxed = {f.origin, g.origin} & {"infobox", "front matter"}
                if len(boxed) == 1 and f.origin != g.origin and c.latest.year < b.earliest.year:
                    yield c, b
                    return


#: two years this far apart at most, on one day and month, read as one date with its year mistyped
_YEAR_TYPO = 3
#: a sentence that tells of an anniversary: the same day of another year on purpose
_ANNIVERSARY_RE = lazyre.compile(r"anniversar|centenar|centennial|jubilee|commemorat", re.I)


def _days(c: DateClaim) -> list[date]:
    """The days a date gives: itself, or a range's ends given to the day."""
    if c.precision != "day" or not sound(c) or c.year_inferred:
        return []
    if not c.is_range:
        return [c.earliest] if c.earliest == c.latest else []
    out = []
    if c.range_start_latest == c.earliest:
        out.append(c.earliest)
    if c.range_end_earliest == c.latest:
        out.append(c.latest)
    return out


def _same_day(ctx: Context) -> Iterator[tuple[DateClaim, date, DateClaim, date]]:
    """``(field date, its day, prose date, its day)`` for an infobox or front matter date and a
    date of the prose on the same day and month whose years differ by at most ``_YEAR_TYPO``,
    when the prose never gives the field's day nor the fields the prose's: one day, its year
    mistyped in one place ("Founded: 28 April 1917" against "on 28 April 1920")."""
    frames = ctx.claims.frames
    fields: list[tuple[DateClaim, date]] = []
    prose: list[tuple[DateClaim, date]] = []
    for c in ctx.claims.dates:
        f = frames.get(c)
        if f is None or c.cue == "quotation":
            continue
        for d in _days(c):
            (fields if f.origin in ("infobox", "front matter") else prose).append((c, d))
    field_days = {d for _, d in fields}
    prose_days = {d for _, d in prose}
    view = ctx.doc.view
    for a, da in fields:
        if da in prose_days:
            continue
        for b, db in prose:
            if (
                (da.month, da.day) != (db.month, db.day)
                or not 0 < abs(da.year - db.year) <= _YEAR_TYPO
                or db in field_days
            ):
                continue
            region = region_of(ctx, b.start)
            s, e = sentence(ctx, b, region) if region else (b.start, b.end)
            if _ANNIVERSARY_RE.search(view, s, e):
                continue  # "on 4 May 1911, the first anniversary of its founding"
            yield a, da, b, db
            break


#: attributes of a thing (not of a person, whose first name may be another's)
_THINGS = frozenset({"founded", "opened", "released", "premiered", "completed"})


def _short_name(subject: str, boxes: set[str]) -> str:
    """The infobox subject a one-word name is the first word of ("Plan was founded in 1937"
    in the article on Plan International USA; "Boeing" of "The Boeing Company"), else the
    name itself."""
    if " " in subject:
        return subject
    fits = [b for b in boxes if b.startswith(subject + " ")]
    return fits[0] if len(fits) == 1 else subject


def _release_published(ctx: Context, a: DateClaim, fa: Frame, b: DateClaim, fb: Frame) -> bool:
    """Whether a release and a publication are one: a field's release date against the
    prose's publication of the work the field is about, named by its title or its noun ("The
    book was published on …", "Wall Around a Star was published by Del Rey Books on …") or a
    pronoun the passive verb follows ("It was originally published in 1986"), not a
    pronoun's guess ("It is based on the novel …, first published in 1990" in a film's lead)."""
    if {fa.attribute, fb.attribute} != _WORKS:
        return True  # not a release against a publication (a lifespan's birth: one attribute)
    fields = [f for f in (fa, fb) if f.origin in ("infobox", "front matter")]
    prose = [(c, f) for c, f in ((a, fa), (b, fb)) if f.origin not in ("infobox", "front matter")]
    if len(fields) != 1:
        return False
    c, f = prose[0]
    if f.how in ("title", "noun", "name"):
        return True
    return (
        f.how == "pronoun"
        and _PRONOUN_PASSIVE_RE.search(ctx.doc.view, max(0, c.start - 80), c.start) is not None
    )


#: "It was originally published by … in": the pronoun is the passive verb's own subject
_PRONOUN_PASSIVE_RE = lazyre.compile(
    r"\b[Ii]t\s+(?:was|is|has\s+been)\s+(?:\w+ly\s+)?(?:first\s+)?published\b[^.;:,]*$"
)


#: what joins two dates of a list: "charged but released in 1947 and 1948"
_LISTED_RE = lazyre.compile(r"\s*(?:,|and|or|&)\s*(?:in\s+|on\s+)?")
#: a year that dates a work by its noun: "is a 1932 British comedy film" (its first showing)
_WORK_YEAR_RE = lazyre.compile(r"\b(?:is|was)\s+an?\s+$")
#: a recording dated by its noun ("is a 1960 album by …"): dated by its release, no showing
#: before it, so a year off the release field is a mistyped year
_RECORDING_RE = lazyre.compile(
    r"(?:\s+(?!(?:film|movie|documentary|musical|play|show|series|novel|book)\b)[A-Za-z-]+)"
    r"{0,3}?\s+(?:album|single|song|EP|mixtape|compilation)\b",
    re.I,
)
#: what a date marks, said after it: "founded in 1991, when its statutes were signed", "In
#: March 2002, the bank was formed when the group received its licence"
_STAGE_AFTER_RE = lazyre.compile(r"[^.;:!?]{0,60}?\bwhen\s")


def _staged(ctx: Context, c: DateClaim, f: Frame) -> bool:
    """Whether a prose year or month may date another stage of the event than a field's or
    a finer date's (and so be a year off it): a work's year by its noun ("a 1932 British
    comedy film": its first showing, perhaps at a festival), a date the sentence says what
    it marks ("founded in 1991, when its statutes were signed"), or a year of one place's
    ("first published in England in 1946"). A plain "founded in 1993" or "released in
    1958" states the field's own fact, and so does a recording's year by its noun ("is a
    1960 album by Ella Fitzgerald"): an album is not shown before its release."""
    if f.origin in ("infobox", "front matter") or c.precision == "day":
        return False
    view = ctx.doc.view
    return (
        f.where is not None  # "first published in England in 1946": one place's
        or (
            _WORK_YEAR_RE.search(view, max(0, c.start - 10), c.start) is not None
            and _RECORDING_RE.match(view, c.end, c.end + 60) is None
        )
        or _STAGE_AFTER_RE.match(view, c.end) is not None
    )


def _prose_years(attribute: str, a: DateClaim, fa: Frame, b: DateClaim, fb: Frame) -> bool:
    """Whether two years alone in prose date one founding, opening or completion ("she
    founded Mediation Northern Ireland in 1988" and "set up a mediation organisation in
    1989"): no field's or work's convention stands between them, so they must agree."""
    return (
        attribute not in _WORKS
        and a.precision == b.precision == "year"
        and fa.origin not in ("infobox", "front matter")
        and fb.origin not in ("infobox", "front matter")
    )


_WORKS = frozenset({"released", "published"})


def _comparable(a: DateClaim, fa: Frame, b: DateClaim, fb: Frame) -> bool:
    """Two places of one article that may state one fact: one of them an infobox field,
    front matter or the lead (both, for a release or publication, unless the body names the
    work and dates it to the day in the field's month); no different place named (nor any
    place, for a release)."""
    if a.start == b.start:
        return False
    if fa.origin not in _PLACES and fb.origin not in _PLACES:
        return False
    if {"released", "published", "premiered"} & {fa.attribute, fb.attribute}:
        if (fa.origin not in _PLACES or fb.origin not in _PLACES) and not _same_month(a, fa, b, fb):
            return False  # the body tells of other releases: abroad, on video, re-issues
    return not (fa.where and fb.where and fa.where != fb.where) and not (
        (fa.where or fb.where) and {"released", "premiered"} & {fa.attribute, fb.attribute}
    )


def _same_month(a: DateClaim, fa: Frame, b: DateClaim, fb: Frame) -> bool:
    """Whether a field and the body give a work's release, publication or premiere to the
    day in one month, the body naming the work ("The series premiered on August 11, 1991"
    against ``first_aired = August 17, 1991``): one event's day, mistyped in one place (a
    re-issue, a season or another country's release falls in another month)."""
    boxed = [f for f in (fa, fb) if f.origin in ("infobox", "front matter")]
    named = [f for f in (fa, fb) if f.origin == "body" and f.how in ("title", "noun", "name")]
    return (
        len(boxed) == 1
        and len(named) == 1
        and a.precision == b.precision == "day"
        and (a.earliest.year, a.earliest.month) == (b.earliest.year, b.earliest.month)
    )
