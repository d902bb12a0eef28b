"""KX307 infobox-entity-unmentioned: an infobox commander the body never mentions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from klint import lazyre
from klint.claims import Mention
from klint.diagnostics import Diagnostic, Severity
from klint.document import Document
from klint.extract._names_text import name_key, skeleton, skeletonizer
from klint.packcache import per_packs
from klint.packs import Packs
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import line_of


class InfoboxEntityUnmentioned(Rule):
    """## What it does
    Reports a commander listed in the infobox that the body never mentions,
    by full name or by surname; a surname spelled by another transliteration
    (Gorbachev/Gorbachov) counts as a mention. Only a military-conflict infobox
    (one with belligerents, strengths or casualties) has commanders: a country's,
    settlement's or legislature's leaders are office holders, and their titles
    ("State Senate") are not entities. Option `fields` picks the infobox fields
    checked by the start of their label (default: commander fields; add
    "location" for places, which an article often names only through a wider
    or narrower place). The reverse check is opt-in (option
    `reverse = true`): a person the body names as leading a side ("chaired by
    Anna Keller", pack `leader_cues`) who is not among the infobox
    commanders.

    ## Why is this bad?
    The infobox summarises the article: a commander the text never mentions
    is either missing from the narrative or wrongly listed.

    ## Example
    ```wikitext
    {{Infobox military conflict
    | conflict   = Siege of Northport
    | commander1 = Anna Keller
    | commander2 = Tomas Varga
    }}
    Anna Keller's militia held the harbour for six weeks in 1841.
    ```

    ## Use instead
    ```wikitext
    {{Infobox military conflict
    | conflict   = Siege of Northport
    | commander1 = Anna Keller
    | commander2 = Tomas Varga
    }}
    Anna Keller's militia held the harbour against Tomas Varga for six weeks in 1841.
    ```
    """

    code = "KX307"
    name = "infobox-entity-unmentioned"
    severity = Severity.WARNING
    summary = "an infobox commander the body never mentions"

    @dataclass(frozen=True)
    class Options:
        fields: tuple[str, ...] = field(
            default=("commander",),
            metadata={"doc": "infobox fields checked, by the start of their label"},
        )
        reverse: bool = field(
            default=False,
            metadata={"doc": "also report body names leading a side that the infobox omits"},
        )

    #: fields only a military-conflict infobox has
    CONFLICT_FIELDS = ("Belligerents", "Casualties", "Strength")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        options = ctx.options(self.code)
        if all(m.source != "infobox" for m in ctx.claims.mentions):
            return  # both checks start from an infobox's names
        fields = tuple(f.casefold() for f in options.fields)
        if not _conflict_infobox(ctx.doc, self.CONFLICT_FIELDS):
            return
        rules = _translit_rules(ctx.packs)
        skel = skeletonizer(rules)
        if options.reverse:
            yield from self._reverse(ctx, rules)
        body = [m for m in ctx.claims.mentions if m.source != "infobox"]
        body_keys = {m.key for m in body}
        words = {w for m in body for w in m.words}
        # each word and hyphen part, normalized once below
        body_parts = words.union(*(w.split("-") for w in words if "-" in w))
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
        led: dict[
            int, Mention | None
        ] = {}  # start of a leading name -> its infobox entry (or None)
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
                f"(\u201c{other.name}\u201d, line {line_of(ctx, other.start)})",
                related=[(other.start, other.end, "listed in the infobox")],
            )


@per_packs
def _translit_rules(packs: Packs) -> tuple[tuple[str, str], ...]:
    """The pack's transliteration rewrites, case-folded (what :func:`skeletonizer` takes)."""
    return tuple((a.casefold(), b.casefold()) for a, b, *_ in packs.transliterations)


_CONFLICT_TEMPLATE_RE = lazyre.compile(r"\{\{\s*infobox[ _]+military[ _]+conflict\b", re.IGNORECASE)


def _conflict_infobox(doc: Document, fields: tuple[str, ...]) -> bool:
    """Whether the article's infobox is a military conflict's: it has belligerents, strengths
    or casualties, or (wikitext) it is ``{{Infobox military conflict}}``."""
    if any((r.label or "").startswith(fields) for r in doc.regions_of("infobox_field")):
        return True
    return doc.format == "wikitext" and bool(_CONFLICT_TEMPLATE_RE.search(doc.text))
