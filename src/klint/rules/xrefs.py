"""KX rules: references, acronyms, names and repeated text checked across the article."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule


def _excerpt(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class DuplicateText(Rule):
    """## What it does
    Reports a paragraph or caption that repeats an earlier one verbatim
    (ignoring differences in whitespace).

    ## Why is this bad?
    A repeated block is usually a copy-and-paste slip or an image caption
    printed twice when a page was flattened; readers see the same text twice.

    ## Example
        A T-72 tank memorial near the town of Askeran.
        A T-72 tank memorial near the town of Askeran.

    ## Use instead
        A T-72 tank memorial near the town of Askeran.
    """

    code = "KX306"
    name = "duplicate-text"
    severity = Severity.WARNING
    summary = "a paragraph or caption repeated verbatim"

    MIN_WORDS = 5  # captions
    MIN_PARAGRAPH_WORDS = 8  # shorter repeated lines are list entries ("Feud of the Year (2003)")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        seen: dict[str, tuple[int, int]] = {}
        for region in ctx.doc.regions_of("paragraph", "caption", "list_item", "quote"):
            raw = ctx.doc.view[region.start : region.end]  # markup does not make two copies differ
            parts = raw.split()  # str.split and the regex \s agree on what whitespace is
            words = len(parts)
            if words < self.MIN_WORDS or (
                region.kind != "caption"
                and (words < self.MIN_PARAGRAPH_WORDS or raw.rstrip()[-1:] not in '.!?"”')
            ):
                continue
            key = "".join(parts).casefold()
            if key in seen:
                first = seen[key]
                line, _ = ctx.doc.position(first[0])
                kind = "caption" if region.kind == "caption" else "paragraph"
                yield self.diagnostic(
                    region.start,
                    region.end,
                    f"{kind} repeats line {line} verbatim: \u201c{_excerpt(raw)}\u201d",
                    related=[(first[0], first[1], "first occurrence")],
                )
            else:
                seen[key] = (region.start, region.end)


def _line(ctx: Context, offset: int) -> int:
    return ctx.doc.position(offset)[0]


def _q(text: str) -> str:
    return f"\u201c{_excerpt(text, 60)}\u201d"


_BODY_KINDS = ("paragraph", "caption", "list_item", "quote", "table_row", "heading")


class PhantomReference(Rule):
    """## What it does
    Reports a phrase that counts or names earlier material that is not there:
    "the previous two" resolutions when only one numbered resolution comes
    before it, or "the aforementioned treaty" when no treaty was mentioned.
    Counting phrases are checked against numbered identifiers ("Resolution 822")
    of the same kind; "aforementioned X" against any earlier mention of X.

    ## Why is this bad?
    The reader is sent back to something the article never said: a step was
    deleted, or the sentence was copied from a longer text.

    ## Example
        On April 30 the council passed Resolution 822.
        Resolutions 874 and 884 repeated the points of the previous two.

    ## Use instead
        On April 30 the council passed Resolution 822.
        Resolutions 874 and 884 repeated the points of Resolution 822.
    """

    code = "KX301"
    name = "phantom-reference"
    severity = Severity.ERROR
    summary = "a counting or naming phrase points back at material the text does not contain"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        refs = ctx.claims.references
        idents = [r for r in refs if r.ref_type == "identifier" and r.ident]
        for ref in refs:
            if ref.ref_type == "count-back" and ref.count and ref.target:
                yield from self._count_back(ctx, ref, [r for r in idents if r.target == ref.target])
            elif ref.ref_type == "anaphor" and ref.target:
                yield from self._anaphor(ctx, ref)

    def _count_back(self, ctx: Context, ref, same: list) -> Iterator[Diagnostic]:
        if not same:
            return  # only numbered items can be counted with confidence
        scope = ref.scope_start if ref.scope_start is not None else ref.start
        before: dict[str, object] = {}
        for r in same:
            if r.start < scope:
                before.setdefault(r.ident, r)
        if len(before) >= ref.count:
            return
        noun = ref.target + ("s" if ref.count != 1 else "")
        if before:
            listed = ", ".join(f"{r.text} (line {_line(ctx, r.start)})" for r in before.values())
            message = (
                f"{_q(ref.text)} points back at {ref.count} {noun}, but only {len(before)} "
                f"comes before it: {listed}"
            )
            related = [(r.start, r.end, f"the only earlier {ref.target}") for r in before.values()]
        else:
            first = same[0]
            message = (
                f"{_q(ref.text)} points back at {ref.count} {noun}, but none comes before it; "
                f"the first is {first.text} on line {_line(ctx, first.start)}"
            )
            related = [(first.start, first.end, f"first {ref.target}")]
        yield self.diagnostic(ref.start, ref.end, message, related=related)

    def _anaphor(self, ctx: Context, ref) -> Iterator[Diagnostic]:
        from klint.extract._names_text import plural_forms

        text = ctx.doc.view
        forms = "|".join(re.escape(f) for f in plural_forms(ref.target))
        pattern = re.compile(rf"\b(?:{forms})\b", re.IGNORECASE)
        for region in ctx.doc.content_regions():
            if region.start >= ref.start:
                break
            if pattern.search(text, region.start, min(region.end, ref.start)):
                return
        yield self.diagnostic(  # the earlier text may use a synonym: a guess, so a warning
            ref.start,
            ref.end,
            f"{_q(ref.text)} refers to an earlier {ref.target}, but no {ref.target} is mentioned "
            f"before line {_line(ctx, ref.start)}",
            severity=Severity.WARNING,
        )


def _defined(ctx: Context) -> dict[str, list]:
    out: dict[str, list] = {}
    for a in ctx.claims.acronyms:
        if a.expansion:
            out.setdefault(a.acronym, []).append(a)
    return out


def _candidate_expansion(ctx: Context, acronym: str):
    """A capitalized name whose initials are the acronym's letters ("Republic of Nagorno-Karabakh": NKR)."""
    letters = sorted(acronym.upper())
    for m in ctx.claims.mentions:
        if len(m.words) < 2:
            continue
        initials = sorted(
            p[0].upper() for w in m.words for p in w.split("-") if p and p[0].isupper()
        )
        if initials == letters:
            return m
    return None


def _spelled_out(ctx: Context) -> set[str]:
    """Initials of the capitalized names of the text ("Soviet Socialist Republic of Armenia": SSRA)."""
    out = set()
    for m in ctx.claims.mentions:
        if len(m.words) >= 2:
            out.add(
                "".join(p[0].upper() for w in m.words for p in w.split("-") if p and p[0].isupper())
            )
    return out


def _alias_place(ctx: Context, aliases: list[str]) -> tuple[int, int] | None:
    """The first place where one of an acronym's other names (pack ``known_acronyms``) is used."""
    if not aliases:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in aliases) + r")\b", re.IGNORECASE)
    text = ctx.doc.view
    for region in ctx.doc.regions_of(*_BODY_KINDS):
        m = pattern.search(text, region.start, region.end)
        if m:
            return m.start(), m.end()
    return None


class UndefinedAcronym(Rule):
    """## What it does
    Reports an acronym that the article uses but never expands, unless a rule
    pack lists it as common (`common_acronyms`: UN, NATO, USA…). A definition
    anywhere counts, either order: "Commonwealth of Independent States (CIS)"
    or "CIS (Commonwealth of Independent States)", in the body or the infobox.
    So does a name in the text whose initials spell it ("Azerbaijan SSR" after
    "Soviet Socialist Republic of Armenia"). Quotations, designations (T-72,
    Su-25), roman numerals, dotted abbreviations (P.M.), runs of capitals
    (MEGA OIL) and `not_acronyms` are not checked.
    Opt-in: real articles use many acronyms without expanding them.

    ## Why is this bad?
    A reader who does not know the acronym cannot find out what it stands for.

    ## Example
        Azerbaijan relied on the CSCE to broker a cease-fire.

    ## Use instead
        Azerbaijan relied on the Conference on Security and Co-operation in Europe (CSCE).
    """

    code = "KX302"
    name = "undefined-acronym"
    severity = Severity.WARNING
    default_enabled = False
    summary = "an acronym used but never expanded (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        common = set(ctx.packs.common_acronyms)
        defined = _defined(ctx)
        uses: dict[str, list] = {}
        for a in ctx.claims.acronyms:
            if not a.in_quote:
                uses.setdefault(a.acronym, []).append(a)
        spelled = _spelled_out(ctx)
        for acronym, found in uses.items():
            if (
                acronym in common
                or acronym in defined
                or any(i.startswith(acronym) for i in spelled)
            ):
                continue
            first = found[0]
            lines = sorted({_line(ctx, a.start) for a in found})
            where = (
                f"line {lines[0]}" if len(lines) == 1 else "lines " + ", ".join(map(str, lines[:6]))
            )
            related = [(a.start, a.end, f"{acronym} used again") for a in found[1:2]]
            message = f"{acronym} is used ({where}) but never expanded"
            known = ctx.packs.known_acronyms.get(acronym, [])
            if known:
                message += f" (usually: {known[0]})"
            candidate = _candidate_expansion(ctx, acronym)
            alias = _alias_place(ctx, known[1:]) if candidate is None else None
            if candidate is not None:
                message += (
                    f"; {_q(candidate.text)} on line {_line(ctx, candidate.start)} may be its "
                    f"full name: write \u201c{candidate.text} ({acronym})\u201d there"
                )
                related = [
                    (
                        candidate.start,
                        candidate.end,
                        "possible full name, not linked to the acronym",
                    )
                ]
            elif alias is not None:
                s, e = alias
                message += (
                    f"; {_q(ctx.doc.view[s:e])} on line {_line(ctx, s)} may name the same body "
                    "without saying so"
                )
                related = [(s, e, f"possibly the same body as {acronym}")]
            yield self.diagnostic(first.start, first.end, message, related=related)


class AcronymBeforeDefinition(Rule):
    """## What it does
    Reports an acronym used in the body before the place that defines it.
    Uses in the title, headings and infobox (which summarise the article) and
    in quotations are not checked. Opt-in: many articles use an acronym in the
    lead and expand it in the body.

    ## Why is this bad?
    The reader meets the acronym before learning what it stands for.

    ## Example
        The CIS forces moved in.
        The former Soviet states formed the Commonwealth of Independent States (CIS).

    ## Use instead
        The former Soviet states formed the Commonwealth of Independent States (CIS).
        The CIS forces moved in.
    """

    code = "KX303"
    name = "acronym-before-definition"
    severity = Severity.WARNING
    default_enabled = False
    summary = "an acronym used before the place that expands it (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        defined = _defined(ctx)
        reported: set[str] = set()
        for a in ctx.claims.acronyms:
            d = defined.get(a.acronym)
            if not d or a.expansion or a.in_quote or a.acronym in reported or a.start >= d[0].start:
                continue
            region = ctx.doc.region_at(a.start, *_BODY_KINDS)
            if region is None or region.kind == "heading":
                continue
            reported.add(a.acronym)
            yield self.diagnostic(
                a.start,
                a.end,
                f"{a.acronym} is used on line {_line(ctx, a.start)} before it is defined as "
                f"\u201c{d[0].expansion}\u201d on line {_line(ctx, d[0].start)}",
                related=[(d[0].start, d[0].end, "definition")],
            )


def _norm_expansion(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.casefold().replace("-", ""))
    return " ".join(w[:4] for w in words if w not in ("the", "of", "and", "for", "plus", "per"))


def _same_expansion(a: str, b: str) -> bool:
    """Two spellings of one expansion: most words shared ("walks plus hits per inning pitched" /
    "Walks and hits per innings pitched average"), or one inside the other ("... Fertiliser Sdn Bhd")."""
    wa, wb = set(_norm_expansion(a).split()), set(_norm_expansion(b).split())
    return bool(wa and wb) and len(wa & wb) * 3 >= 2 * min(len(wa), len(wb))


class AcronymConflict(Rule):
    """## What it does
    Reports one acronym defined with two different expansions, two acronyms
    defined for one expansion, and an organisation that appears under its old
    and its new acronym (pack `renamed_acronyms`: CSCE → OSCE) with no sentence
    that names both, which is how a text says that one became the other.

    ## Why is this bad?
    The reader takes the two names for two organisations, or one name for two.

    ## Example
        Mediation by Europe's OSCE failed.
        Azerbaijan relied on a cease-fire put forth by the CSCE.

    ## Use instead
        Mediation by the CSCE (renamed the OSCE in 1995) failed.
        Azerbaijan relied on a cease-fire put forth by the CSCE.
    """

    code = "KX304"
    name = "acronym-conflict"
    severity = Severity.ERROR
    summary = "one acronym with two expansions, or one organisation under two acronyms"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        defined = _defined(ctx)
        by_expansion: dict[str, object] = {}
        for acronym, defs in defined.items():
            first = defs[0]
            for d in defs[1:]:
                if not _same_expansion(d.expansion, first.expansion):
                    yield self.diagnostic(
                        d.start,
                        d.end,
                        f"{acronym} is defined as \u201c{d.expansion}\u201d here but as "
                        f"\u201c{first.expansion}\u201d on line {_line(ctx, first.start)}",
                        related=[(first.start, first.end, "first definition")],
                    )
                    break
        for d in sorted((x[0] for x in defined.values()), key=lambda a: a.start):
            key = _norm_expansion(d.expansion)
            other = by_expansion.setdefault(key, d)
            if other is not d:
                yield self.diagnostic(
                    d.start,
                    d.end,
                    f"\u201c{d.expansion}\u201d is abbreviated {d.acronym} here but {other.acronym} "
                    f"on line {_line(ctx, other.start)}",
                    related=[(other.start, other.end, f"defined as {other.acronym}")],
                )
        yield from self._renamed(ctx)

    def _renamed(self, ctx: Context) -> Iterator[Diagnostic]:
        first: dict[str, object] = {}
        for a in ctx.claims.acronyms:
            if not a.in_quote:
                first.setdefault(a.acronym, a)
        for pair in ctx.packs.renamed_acronyms:
            if len(pair) < 2 or pair[0] not in first or pair[1] not in first:
                continue
            old, new = first[pair[0]], first[pair[1]]
            if self._linked(ctx, pair[0], pair[1]):
                continue
            later, earlier = (old, new) if old.start > new.start else (new, old)
            yield self.diagnostic(
                later.start,
                later.end,
                f"{later.acronym} here and {earlier.acronym} on line {_line(ctx, earlier.start)} name one "
                f"organisation ({pair[0]} was renamed {pair[1]}), but the text never links them",
                related=[(earlier.start, earlier.end, f"{earlier.acronym} used here")],
            )

    @staticmethod
    def _linked(ctx: Context, a: str, b: str) -> bool:
        """Whether a sentence names both acronyms (or one with the other's expansion)."""
        places: dict[str, list[int]] = {a: [], b: []}
        for acr in ctx.claims.acronyms:
            if acr.acronym in places:
                places[acr.acronym].append(acr.start)
        text = ctx.doc.view
        others = places[b]  # in text order
        for s in places[a]:
            i = bisect.bisect_left(others, s - 300)
            while i < len(others) and others[i] < s + 300:
                lo, hi = min(s, others[i]), max(s, others[i])
                if not re.search(r"[.!?]\s+[A-Z]|\n", text[lo:hi]):
                    return True
                i += 1
        return False


class NameVariant(Rule):
    """## What it does
    Reports a person or place spelled two ways in one article: transliteration
    variants (Aliev/Aliyev, Kelbajar/Khelbajar), one-letter slips inside a name
    (Kelbajar/Kelbjar, Azerbaijan/Azerbaian), confusable letters
    (Mardakert/Martakert, Ganja/Ganje) and a hyphenated name written with a space
    (Nagorno-Karabakh/Nagorno Karabakh). Each less frequent spelling is reported
    against the more frequent one. Never reported: different people who share a
    surname or have similar given names (given names are compared only when the
    surnames agree), inflections (Armenia/Armenian), pairs listed in the pack's
    `allowed_variants` (Azeri/Azerbaijani), renamings and aliases the text states
    ("Leninakan (now Gyumri)"), and spellings inside quotations.

    ## Why is this bad?
    Readers and search engines take two spellings for two places or people.

    ## Example
        Armenian forces captured Kelbajar. The Azeri offensive aimed at the Khelbajar district.

    ## Use instead
        Armenian forces captured Kelbajar. The Azeri offensive aimed at the Kelbajar district.
    """

    code = "KX305"
    name = "name-variant"
    severity = Severity.WARNING
    summary = "one person or place spelled two ways (transliteration or typo)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        from klint.extract._names_match import find_variants, hyphen_variants
        from klint.extract._names_text import lower_words

        text = ctx.doc.view
        mentions = ctx.claims.mentions
        lower = lower_words(text)
        paragraphs = [(r.start, r.end) for r in ctx.doc.regions_of("paragraph")]
        for v in find_variants(mentions, ctx.packs, text, lower):
            where = _Places(text, paragraphs, v.major.places)
            for s, e in v.minor.places:
                related = where.related(s, e)
                rs, re_ = related[0]
                yield self.diagnostic(
                    s,
                    e,
                    f"\u201c{text[s:e]}\u201d is spelled \u201c{text[rs:re_]}\u201d on line {_line(ctx, rs)} "
                    f"({_times(len(v.major.places))} in the text; {v.how}): one name, two spellings",
                    related=[(a, b, f"spelled \u201c{text[a:b]}\u201d here") for a, b in related],
                )
        for minor, minor_places, major, major_places in hyphen_variants(mentions, ctx.packs, lower):
            where = _Places(text, paragraphs, major_places)
            for s, e in minor_places:
                related = where.related(s, e)
                rs = related[0][0]
                yield self.diagnostic(
                    s,
                    e,
                    f"\u201c{minor}\u201d is written \u201c{major}\u201d on line {_line(ctx, rs)} "
                    f"({_times(len(major_places))} in the text): one name, two spellings",
                    related=[(a, b, f"written \u201c{major}\u201d here") for a, b in related],
                )


_WORD_RE = re.compile(r"\w+")


class _Places:
    """The places of one spelling, to point at from a variant: in the same longer name if it
    stands in one ("… Autonomous Oblast"), the last place before the variant, its first in a paragraph."""

    def __init__(
        self, text: str, paragraphs: list[tuple[int, int]], places: list[tuple[int, int]]
    ) -> None:
        self.text, self.places = text, places
        self.starts = [p[0] for p in places]
        self.by_next: dict[tuple[str, ...], tuple[int, int]] = {}
        for p in places:
            self.by_next.setdefault(self._following(p[1]), p)
        par_starts = [p[0] for p in paragraphs]
        self.in_paragraph = None
        for p in places:
            i = bisect.bisect_right(par_starts, p[0]) - 1
            if i >= 0 and p[0] < paragraphs[i][1]:
                self.in_paragraph = p
                break

    def _following(self, offset: int) -> tuple[str, ...]:
        return tuple(_WORD_RE.findall(self.text, offset, offset + 40)[:2])

    def related(self, start: int, end: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        after = self._following(end)
        if after and after[0][:1].isupper() and after in self.by_next:
            out.append(self.by_next[after])
        i = bisect.bisect_left(self.starts, start) - 1
        out.append(self.places[i] if i >= 0 else self.places[0])
        if self.in_paragraph is not None:
            out.append(self.in_paragraph)
        return list(dict.fromkeys(out))


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


class InfoboxEntityUnmentioned(Rule):
    """## What it does
    Reports a commander listed in the infobox that the body never mentions,
    by full name or by surname; a surname spelled by another transliteration
    (Aliev/Aliyev) counts as a mention. Option `fields` picks the infobox
    fields checked by the start of their label (default: commander and leader
    fields; add "location" for places, which an article often names only
    through a wider or narrower place). The reverse check is opt-in (option
    `reverse = true`): a person the body names as leading a side ("chaired by
    Robert Kocharyan", pack `leader_cues`) who is not among the infobox
    commanders.

    ## Why is this bad?
    The infobox summarises the article: a commander the text never mentions
    is either missing from the narrative or wrongly listed.

    ## Example
        Commanders 1 Samvel Babayan, Monte Melkonian
        ...
        Melkonian's fighters captured Kelbajar.

    ## Use instead
        Commanders 1 Samvel Babayan, Monte Melkonian
        ...
        Babayan and Melkonian's fighters captured Kelbajar.
    """

    code = "KX307"
    name = "infobox-entity-unmentioned"
    severity = Severity.WARNING
    summary = "an infobox commander the body never mentions"

    FIELDS = ("commander", "leader")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        from klint.extract._names_text import name_key, skeletonizer

        options = ctx.options(self.code)
        fields = tuple(f.casefold() for f in options.get("fields", self.FIELDS))
        rules = tuple((a.casefold(), b.casefold()) for a, b, *_ in ctx.packs.transliterations)
        skel = skeletonizer(rules)
        if options.get("reverse"):
            yield from self._reverse(ctx, rules)
        body_keys: set[str] = set()
        body_parts: set[str] = set()  # each word and hyphen part, normalized once below
        for m in ctx.claims.mentions:
            if m.source == "infobox":
                continue
            body_keys.add(m.key)
            for w in m.words:
                body_parts.add(w)
                if "-" in w:
                    body_parts.update(w.split("-"))
        body_names = {skel(k) for k in body_keys}
        body_words = {skel(name_key(part)) for part in body_parts}
        for m in ctx.claims.mentions:
            if m.source != "infobox" or not m.field or not m.field.casefold().startswith(fields):
                continue
            surname = m.words[-1] if m.words else m.name
            if skel(m.key) in body_names or skel(name_key(surname)) in body_words:
                continue
            label = m.field
            yield self.diagnostic(
                m.start,
                m.end,
                f"infobox {label} entry \u201c{m.name}\u201d is never mentioned in the body, "
                f"by full name or as \u201c{surname}\u201d",
            )

    def _reverse(self, ctx: Context, rules: tuple[tuple[str, str], ...]) -> Iterator[Diagnostic]:
        """Body names that lead a side ("chaired by Robert Kocharyan") but are not infobox commanders."""
        from klint.extract._names_text import name_key, skeleton

        listed = [
            m
            for m in ctx.claims.mentions
            if m.source == "infobox" and (m.field or "").startswith("Commander")
        ]
        if not listed or not ctx.packs.leader_cues:
            return
        cue = re.compile(r"\b(?:" + "|".join(map(re.escape, ctx.packs.leader_cues)) + r")\s+$")
        text = ctx.doc.view
        people = [
            m
            for m in ctx.claims.mentions
            if m.source != "infobox" and len(m.words) >= 2 and " of " not in m.name
        ]
        by_surname = {skeleton(name_key(m.words[-1]), rules): m for m in listed if m.words}
        led: dict[int, object] = {}  # start of a leading name -> its infobox entry (or None)
        for i, m in enumerate(people):
            before = text[max(0, m.start - 40) : m.start]
            prev = people[i - 1] if i else None
            joined = (
                prev is not None
                and prev.start in led
                and re.fullmatch(r",?\s+and\s+", text[prev.end : m.start])
            )
            if not (cue.search(before) or joined):
                continue
            entry = by_surname.get(skeleton(name_key(m.words[-1]), rules))
            led[m.start] = entry
            if entry is not None:
                continue
            other = (led.get(prev.start) if joined and prev is not None else None) or listed[0]
            yield self.diagnostic(
                m.start,
                m.end,
                f"\u201c{m.name}\u201d leads a side here but is not among the infobox commanders "
                f"(\u201c{other.name}\u201d, line {_line(ctx, other.start)})",
                related=[(other.start, other.end, "listed in the infobox")],
            )


class DanglingPointer(Rule):
    """## What it does
    Reports a pointer with nothing to point at: "(see the section on X)" or
    "see the X section" when no heading matches X, "see below" or "discussed
    below" in the article's last block, "as mentioned above" in its first.

    ## Why is this bad?
    The reader looks for text that is not there, usually after a section was
    removed or renamed.

    ## Example
        Armenia denied involvement (see the section on foreign fighters).

    ## Use instead
        Armenia denied involvement (see Foreign fighters, below).
    """

    code = "KX308"
    name = "dangling-pointer"
    severity = Severity.WARNING
    summary = "\u201csee below\u201d, \u201c(see the section on X)\u201d with nothing to point at"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        doc = ctx.doc
        headings = [_norm_heading(doc.view[r.start : r.end]) for r in doc.regions_of("heading")]
        stems: dict[str, set[int]] = {}  # word stem -> the headings that have it
        for k, h in enumerate(headings):
            for w in h.split():
                stems.setdefault(w[:5], set()).add(k)
        blocks = [
            r
            for r in doc.content_regions()
            if r.kind in ("paragraph", "list_item", "table_row", "quote")
        ]
        found: dict[str, bool] = {}
        for ref in ctx.claims.references:
            if ref.ref_type != "pointer":
                continue
            if ref.direction == "none" and ref.target:
                want = _norm_heading(ref.target)
                if want and want not in found:
                    found[want] = _heading_exists(want, headings, stems)
                if want and not found[want]:
                    yield self.diagnostic(
                        ref.start,
                        ref.end,
                        f"{_q(ref.text)} points at a section \u201c{ref.target}\u201d, but no heading "
                        f"matches it ({len(headings)} headings)",
                    )
            elif blocks and ref.direction == "forward" and ref.start >= blocks[-1].start:
                yield self.diagnostic(
                    ref.start,
                    ref.end,
                    f"{_q(ref.text)} points forward, but nothing follows: this is the last block",
                )
            elif (
                blocks and ref.direction == "back" and blocks[0].start <= ref.start < blocks[0].end
            ):
                yield self.diagnostic(
                    ref.start,
                    ref.end,
                    f"{_q(ref.text)} points back, but nothing comes before: this is the first block",
                )


def _norm_heading(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return " ".join(w for w in words if w not in ("the", "a", "an", "of", "on"))


def _heading_exists(want: str, headings: list[str], stems: dict[str, set[int]]) -> bool:
    """A heading contains the wanted words, or shares the stems of half of them ("volunteer units")."""
    wanted = {w[:5] for w in want.split()}
    hits: dict[int, int] = {}
    for w in wanted:
        for k in stems.get(w, ()):
            hits[k] = hits.get(k, 0) + 1
    for k, n in hits.items():
        h = headings[k]
        if want in h or h in want or n * 2 >= len(wanted):
            return True
    return False


RULES: tuple[type[Rule], ...] = (
    PhantomReference,
    UndefinedAcronym,
    AcronymBeforeDefinition,
    AcronymConflict,
    NameVariant,
    DuplicateText,
    InfoboxEntityUnmentioned,
    DanglingPointer,
)
