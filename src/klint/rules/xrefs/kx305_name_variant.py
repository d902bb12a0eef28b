"""KX305 name-variant: one person or place spelled two ways (transliteration or typo)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from klint import lazyre
from klint.diagnostics import Diagnostic, Severity
from klint.document import Document
from klint.extract._names_text import name_key
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import line_of
from klint.rules.xrefs._marks import (
    in_address,
    in_bold,
    in_foreign_phrase,
    in_header_cell,
    in_inline_quote,
    in_name_field,
    link_target,
    set_apart,
    transliterated,
)

if TYPE_CHECKING:
    from klint.extract._names_match import Variant


class NameVariant(Rule):
    """## What it does
    Reports a person or place spelled two ways in one article: transliteration variants
    (Gorbachev/Gorbachov), one-letter slips inside a name (Kowalski/Kowalsky), confusable
    letters (pack `confusable_letters`: d/t, a/e) and a hyphenated name written with a space
    (Stratford-upon-Avon/Stratford upon Avon). A slip is found at the start of a sentence of
    prose too ("Carringon was killed" where the text writes Carrington; "Caraas' centre"),
    but not in a citation or a list line. A possessive parts the owner's name from what it
    owns ("Jpaan's Fisheries Agency" names Japan, not a name that shares no word with
    Japan's). A word of the article's title that the text uses three times or more is held
    to any one-off spelling one edit from it, a changed letter too ("Scheoder accepted" in
    an article on Roy Scheider), unless another initial, another ending (Achilles/Achillea,
    Popov/Popova) or another given name tells two names apart. So is any name a one-off
    spelling one edit from it shares a longer name with ("Terry Crowwe" where the text
    writes Terry Crowe three times or more; not two words side by side, "Los Angeles
    Angels"), and a name the text uses six times or more against a one-off spelling of six
    letters or more that stands alone ("Kubloi received the brothers" where the text writes
    Kublai; not "Lyndon B. Johnson" against London). A word both names share makes them one
    person whatever stands before it ("the CSU's Horst Sehofer" / "Horst Seehofer"). Each
    less frequent spelling is reported once, at its first place, against the more frequent
    one; its other places are listed as related. Never reported: different people who share
    a surname or have similar given names (given names are compared only when the surnames
    agree), inflections (Canada/Canadian), pairs listed in the pack's `allowed_variants`,
    renamings and aliases the text states ("Königsberg (now Kaliningrad)"), spellings inside
    quotations (an HTML `<q>` too), and what the markup or the words around tell apart:
    alternative names in bold or in an infobox field of names ("Other names", "Birth name",
    "Pseudonym"), the italic romanisation after a foreign-language template, a name inside a
    phrase of another language (a function word of the pack's `foreign_words` beside it:
    "Heil dir, Hannover"; a hyphened one too: "Sugod-Bahay sa Barangay"), a form given as
    such ("referred to as Poictiers", "often misspelled Poictiers") or right after its
    original in another script ("Δήλιος, Delios"), a name first given in bold as one of its
    own (an epithet), two people whose given names differ ("Clarence C. Buel" / "Don Carlos
    Buell") or whose full names of names only each
    hold a name the other lacks ("Patel Prahladbhai Ishvarbhai" / "Panchal Jagdish
    Ishwarbhai"), a cited author written surname first against another ("Johnsson, Julie" /
    "Johnson, Ted"), two one-off spellings listed in one sentence ("at Kilbagie … and
    Kilbegie"), an entry of a list line of plain text ("Air Europa"), a country and its
    adjective ("the Argentine Chamber" / "in Argentina"), a people and a place
    (Portuguese/Portuguesa), -town and -ton (Charlestown/Charleston), product codes
    ("ATmega"), a hyphenated part of a longer compound ("Seine-Saint-Denis" / "Saint Denis",
    "St-Germain-en-Laye" / "German"), a hyphenated and a spaced form heading two longer
    names ("Max-Planck Institute" / "Max Planck Society"), a word of links to longer titles
    the other spelling is no word of ("[[The Lamb, the Woman, the Wolf]]" / "the Wolff
    building"), and labels of links to two different articles (unless the two titles are one
    longer name differing only in this word, or the variant links to a title spelled the
    other way, or the two titles are one word apart by a doubled letter, or a label is no
    word of its title). Nor are forms set beside each other as neighbouring items of one
    list ("Shanxi, Inner Mongolia and Shaanxi", "Lohra/Lohar", "Ernst Vierkotter, also
    Vierkoetter", "French: Moscou; … Spanish: Moscú"), a form the words before give as such
    ("simply called it Graylock", "attested as Parision", "the name ''Aegaeus''") or that
    romanises a word of another script in brackets ("Ⲕⲁⲓⲣⲟⲛ [Kairon]"), a word of a web
    address or a file's name ("Kanal 5 logo Danmark.png"), a table's column label (a
    wikitext ``!`` cell, an HTML ``<th>``), one word in two spelling conventions (pack
    `spelling_conventions`: Centre/Center, Organisation/Organization; "Cetnre" is still a
    slip), a spelling that only ever begins a longer name sharing no word with the other
    spelling's names ("Gérard de Cortanze" / "Gerald Howard"; not "Davied Edward Clarke" /
    "David Clarke"), and a saint written with a space against the place named after him
    written with a hyphen ("Saint Denis" / "Saint-Denis").

    ## Why is this bad?
    Readers and search engines take two spellings for two places or people.

    ## Example
        Marta Kowalski founded the choir in 1950. In 1970 Marta Kowalsky led its first tour.

    ## Use instead
        Marta Kowalski founded the choir in 1950. In 1970 Marta Kowalski led its first tour.
    """

    code = "KX305"
    name = "name-variant"
    severity = Severity.WARNING
    default_enabled = False
    summary = "one person or place spelled two ways (transliteration or typo; opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        from klint.extract._names_match import find_variants, hyphen_variants, name_words
        from klint.rules.xrefs._slips import title_slips
        from klint.text.words import lower_words

        text = ctx.doc.view
        mentions = ctx.claims.mentions
        lower = lower_words(text)
        paragraphs = [(r.start, r.end) for r in ctx.doc.regions_of("paragraph")]
        words = name_words(mentions, text, lower)  # the spellings both searches compare
        variants = find_variants(words, ctx.packs, text)
        found = {v.minor.key for v in variants}
        variants += [
            v for v in title_slips(words, ctx.packs, ctx.doc, lower) if v.minor.key not in found
        ]
        for v in variants:
            if _told_apart(ctx, v, lower):
                continue
            where = _Places(text, paragraphs, v.major.places)
            (s, e), *more = v.minor.places
            related = where.related(s, e)
            rs, re_ = related[0]
            yield self.diagnostic(
                s,
                e,
                f"\u201c{text[s:e]}\u201d is spelled \u201c{text[rs:re_]}\u201d on line {line_of(ctx, rs)} "
                f"({_times(len(v.major.places))} in the text; {v.how}): one name, two spellings"
                + _also(len(more)),
                related=[(a, b, f"spelled \u201c{text[a:b]}\u201d here") for a, b in related]
                + _again(text, where, more, related),
            )
        for minor, minor_places, major, major_places in hyphen_variants(
            mentions, ctx.packs, text, lower
        ):
            foreign = frozenset(ctx.packs.foreign_words)
            if all(
                set_apart(ctx.doc, s, e) or in_foreign_phrase(ctx.doc.text, s, e, foreign)
                for s, e in minor_places
            ):
                continue  # a deliberate variant, a name inside a phrase of another language
            if _saint(text, minor, minor_places, major_places):
                continue  # "Saint Denis" the bishop, "Saint-Denis" the town named after him
            hyphened, spaced = (
                (minor_places, major_places) if "-" in minor else (major_places, minor_places)
            )
            if _other_compound(text, hyphened, spaced):
                continue  # parts of two longer names ("Saint Denis" / "Seine-Saint-Denis")
            if _other_heads(text, minor_places, major_places) or _own_name(
                text, minor_places, major_places
            ):
                continue  # "the Max-Planck Institute" / "the Max Planck Society"
            if _listed_beside(text, minor_places, major_places):
                continue  # "[[Lincoln Near-Earth Asteroid Research]] and [[Near Earth …]]"
            where = _Places(text, paragraphs, major_places)
            (s, e), *more = minor_places
            related = where.related(s, e)
            rs = related[0][0]
            yield self.diagnostic(
                s,
                e,
                f"\u201c{minor}\u201d is written \u201c{major}\u201d on line {line_of(ctx, rs)} "
                f"({_times(len(major_places))} in the text): one name, two spellings"
                + _also(len(more)),
                related=[(a, b, f"written \u201c{major}\u201d here") for a, b in related]
                + _again(text, where, more, related),
            )


def _told_apart(ctx: Context, v: Variant, lower: frozenset[str]) -> bool:
    """Whether the text or its markup says the two spellings are not one name spelled two ways."""
    doc, minor, major = ctx.doc, v.minor.places, v.major.places
    if all(
        set_apart(doc, s, e)
        or in_bold(doc, s, e)
        or in_inline_quote(doc, s, e)
        or in_name_field(doc, s)
        or in_address(doc, s, e)
        or in_header_cell(doc, s)
        for s, e in minor
    ):
        return True  # a deliberate variant, another name given as such, a quoted source, a
        # web address or a file's name, a table's column label
    if any(in_bold(doc, s, e) for s, e in minor) and not any(in_bold(doc, s, e) for s, e in major):
        return True  # a name the text gives in bold as one of its own (an epithet), everywhere
    if any(all(transliterated(doc, s, e) for s, e in p) for p in (minor, major)):
        return True  # the romanisation of a foreign-language form
    text = doc.view
    if all(_given_as_form(text, s) or _after_script(doc.text, s) for s, _ in minor):
        return True  # "referred to as Poictiers", "Натан Исаевич, transliterated: Natan Isayevich"
    foreign = frozenset(ctx.packs.foreign_words)
    if any(all(in_foreign_phrase(doc.text, s, e, foreign) for s, e in p) for p in (minor, major)):
        return True  # a name as another language spells it ("Heil dir, Hannover")
    if (
        v.how != "transliteration"
        # a word of both names is no other person's ("the CSU's Horst Sehofer")
        and not v.minor.partners & v.major.partners
        and two_people(doc.view, v)
    ):
        return True  # "Clarence C. Buel" / "Don Carlos Buell"
    if _other_people(doc.view, lower, v):
        return True  # "Patel Prahladbhai Ishvarbhai" / "Panchal Jagdish Ishwarbhai"
    if _adjective(doc.view, v):
        return True  # "Argentine president" / "Argentina"
    if not v.minor.partners & v.major.partners and any(
        all(_list_entry(doc, s) for s, _ in p) for p in (minor, major)
    ):
        return True  # "Air Europa", "Council of Vienne": an entry of a list, a name of its own
    if _listed_together(text, v) or _listed_beside(text, v.minor.places, v.major.places):
        return True  # "at Kilbagie in Clackmannanshire and Kilbegie in Argyllshire"
    if _own_name(text, minor, major):
        return True  # "Gérard de Cortanze" / "Gerald Howard": the first words of two names
    if _convention(v.minor.key, v.major.key, ctx.packs.spelling_conventions):
        return True  # "Centre" / "Center": one word, two spelling conventions
    if _code(v.minor.surface) or _code(v.major.surface):
        return True  # a product or model code ("ATmega", "ATxmega")
    return _linked_apart(doc, v)


def _other_people(text: str, lower: frozenset[str], v: Variant) -> bool:
    """Every place of the less frequent spelling stands in a full name, and each full name
    of the other spelling holds a name that one has not, and lacks one that it has: two
    people ("Patel Prahladbhai Ishvarbhai" / "Panchal Jagdish Ishwarbhai", "Dushyant
    Rajnikant Patel" / "Rajanikant Mohanlal Patel"; not "Marta Kowalski" / "Kowalsky")."""
    if not (v.minor.partners and v.major.partners):
        return False  # one of them never stands in a longer name
    minor = {_name_around(text, lower, s, e, v.minor.key) for s, e in v.minor.places}
    if not all(minor):
        return False
    # each name once: a spelling written a thousand times stands in a few names
    major = {o for s, e in v.major.places if (o := _name_around(text, lower, s, e, v.major.key))}
    return bool(major) and all(not (a <= b or b <= a) for a in minor for b in major)


def _name_around(
    text: str, lower: frozenset[str], start: int, end: int, key: str
) -> frozenset[str]:
    """The keys of the other capitalised words the word stands among (one space apart) if the
    text never writes one in lower case: given names, patronymics, surnames (none in "Ballarat
    Old Cemetery", "Cashew Research Centre": the name of a place or a body)."""
    left = _RUN_BEFORE_RE.search(text, max(0, start - _AROUND), start)
    right = _RUN_AFTER_RE.match(text, end, end + _AROUND)  # not a long run's whole rest
    after = right.group().split() if right else []
    if right and right.end() < len(text) and _WORD_GOES_ON_RE.match(text, right.end()):
        after.pop()  # the window's end cuts its last word
    words = (left.group().split() if left else []) + after
    keys = frozenset(name_key(w) for w in words) - {key}
    return frozenset() if keys & lower else keys


#: how far before and after a word the other words of its name are read
_AROUND = 80
_WORD_GOES_ON_RE = lazyre.compile(r"[\w'’-]")
#: capitalised words, one space apart, right before or after a word
_RUN_BEFORE_RE = lazyre.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]* )+$")
_RUN_AFTER_RE = lazyre.compile(r"(?: [A-Z][\w'’-]*(?![\w'’-]))+")


def _linked_apart(doc: Document, v: Variant) -> bool:
    """Whether the two spellings are labels of links to two different articles, or the less
    frequent one is only ever a word of links to longer titles the other spelling is no word
    of, in names that share no word with the other's ("[[The Lamb, the Woman, the Wolf]]" /
    "the Wolff building"; not "[[New Orlans, Louisiana]]" / "New Orleans"). Links that
    still name one thing do not count: the less frequent spelling linked to a title written
    the other way ("[[Hazaribagh district|Hazaribag]]"), or two titles of one longer name
    that differ only in this word ("[[Ibn Khaldoun]]" / "[[Ibn Khaldun]]": a redirect)."""
    to_minor = {t for s, e in v.minor.places if (t := link_target(doc, s, e))}
    to_major = {t for s, e in v.major.places if (t := link_target(doc, s, e))}
    if to_minor & to_major:
        return False  # one article
    a, b = v.minor.surface.casefold(), v.major.surface.casefold()
    if (
        to_minor
        and all(link_target(doc, s, e) for s, e in v.minor.places)
        and all(" " in t and _fold(b) not in _fold(t) for t in to_minor)
        and not v.minor.partners & v.major.partners  # not "[[New Orlans, Louisiana]]"
        and not any(t.replace(a, b) in to_major for t in to_minor)
    ):
        return True  # a word of other titles: another name
    # a label that is no word of its title ("[[2009 World Final|2009 Thessaloniki]]") names
    # the title's thing, not the word's: it tells nothing of what the word names
    to_minor = {t for t in to_minor if _fold(a) in _fold(t)}
    to_major = {t for t in to_major if _fold(b) in _fold(t)}
    if not (to_minor and to_major):
        return False
    if any(b in t.split() for t in to_minor):
        return False
    for t in to_minor:
        words = t.split()
        if a in words and t.replace(a, b) in to_major and (len(words) > 1 or _doubled(a, b)):
            return False
    return True


def _doubled(a: str, b: str) -> bool:
    """One word is the other with one letter doubled ("Massinissa" / "Masinissa"): two titles
    so written are one name and its redirect, not two places ("Jingmen" / "Jiangmen")."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return len(longer) == len(shorter) + 1 and any(
        longer[i] == longer[i + 1] and longer[:i] + longer[i + 1 :] == shorter
        for i in range(len(longer) - 1)
    )


#: words that give the spelling after them as a name's form, not as the text's own spelling
_GIVEN_AS_RE = lazyre.compile(
    r"\b(?:refer(?:s|red)? to(?: as)?|known as|call(?:s|ed|ing)?(?: (?:it|them|him|her))?|named|"
    r"(?:mis)?spel(?:led|t)(?: as)?|written|rendered(?: as)?|misspellings? (?:is|are)|"
    r"transliterated(?: as)?|romani[sz]ed(?: as)?|attested(?: as)?|recorded as|"
    r"the (?:names?|forms?|spellings?|words?))\s*:?\s*$",
    re.IGNORECASE,
)


def _given_as_form(text: str, start: int) -> bool:
    """Whether the word follows words that give it as a form of a name ("referred to as
    Poictiers", "the first to refer to Albanoi", "transliterated: Natan", "often misspelled
    Sullivan", "simply called it Graylock", "attested as Parision", "the name Aegaeus")."""
    return bool(_GIVEN_AS_RE.search(text, max(0, start - 40), start))


def _after_script(text: str, start: int) -> bool:
    """Whether the word right before this one (punctuation between) is written in another
    script (Greek, Cyrillic, Arabic…): this one is its romanisation ("Δήλιος, Delios")."""
    lo = max(0, start - 60)
    end = start
    while end > lo and text[end - 1] in _GAP:
        end -= 1
    begin = end
    while begin > lo and not text[begin - 1].isspace():
        begin -= 1
    return any(
        c.isalpha()
        and not c.isascii()
        and not _LATIN_OR_IPA_RE.search(unicodedata.name(c, "LATIN"))
        for c in text[begin:end]
    )


_GAP = frozenset(" \t,;:/()[]'\"")
_LATIN_OR_IPA_RE = lazyre.compile(r"LATIN|MODIFIER|IPA")


def _list_entry(doc: Document, start: int) -> bool:
    """Whether the word stands on a short line of plain text that is no sentence: an entry of
    a list or a navigation box ("Georgetown, Guyana", "Air Europa"). (A list item of markup
    is often a work cited, whose slips are slips.)"""
    if doc.format != "text":
        return False
    lo = doc.text.rfind("\n", 0, start) + 1
    hi = doc.text.find("\n", start)
    line = doc.text[lo : hi if hi >= 0 else len(doc.text)].strip()
    return len(line) <= 50 and not _SENTENCE_END_RE.search(line) and not line.endswith(".")


def _listed_together(text: str, v: Variant) -> bool:
    """Each spelling stands once, both in one sentence as two items of a list ("at Kilbagie in
    Clackmannanshire and Kilbegie in Argyllshire", "Jorge & Mateus and Matheus & Kauan"):
    two names side by side, not a slip (a slip's writer does not set it beside the right form)."""
    if len(v.minor.places) != 1 or len(v.major.places) != 1:
        return False
    (_, b), (c, _) = sorted((v.minor.places[0], v.major.places[0]))
    between = text[b:c]
    return (
        len(between) <= 120
        and "\n" not in between
        and not _SENTENCE_END_RE.search(between)
        and bool(_ITEMS_JOIN_RE.search(between))
    )


_SENTENCE_END_RE = lazyre.compile(r"[a-z][.!?]\s+[A-Z]")


def _listed_beside(text: str, minor: list[tuple[int, int]], major: list[tuple[int, int]]) -> bool:
    """Whether a place of the less frequent spelling stands beside one of the other as the
    next item of a list, the two a comma, a slash, "and", "or" or "also" apart, with at most
    a few other items of names between ("Shanxi, Inner Mongolia and Shaanxi", "Lohra/Lohar",
    "Ernst Vierkotter, also Vierkoetter", "French: Moscou; … Spanish: Moscú"): the text
    names two forms side by side, and a slip's writer does not set it beside the right one;
    the text knows both forms wherever else it uses them."""
    return any(_items_apart(text, p, q) for q in major for p in minor)


def _items_apart(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    (_, end), (start, _) = sorted((a, b))
    between = text[end:start]
    if "\n" in between or not 0 < len(" ".join(between.split())) <= _ITEMS_REACH:
        return False  # markup blanked to spaces counts as one
    return (
        _BETWEEN_ITEMS_RE.fullmatch(between) is not None
        and _ITEM_JOIN_RE.search(between) is not None
        and len(_CAPITAL_RE.findall(between)) <= 3
    )


#: how far apart two items of one list stand at most
_ITEMS_REACH = 40
#: what may stand between two items of a list: separators, "and", "or", "also", and other
#: items of capitalised words (a language's name before a colon too: "Spanish:")
_BETWEEN_ITEMS_RE = lazyre.compile(
    r"(?:[\s,;/&:()\[\]]|\b(?:and|or|also)\b|(?<![\w'’-])[A-Z][\w'’.-]*)*"
)
_ITEM_JOIN_RE = lazyre.compile(r"[,;/&]|\b(?:and|or|also)\b")
_CAPITAL_RE = lazyre.compile(r"(?<![\w'’-])[A-Z]")
_ITEMS_JOIN_RE = lazyre.compile(r",|\band\b|\bor\b|&|;")


def two_people(text: str, v: Variant) -> bool:
    """Both spellings follow given names, never the same one: two people ("Clarence C. Buel" /
    "Don Carlos Buell"). Given names are those of the names extracted, and those before an
    initial ("Clarence C.") that the extracted name left out."""
    minor = v.minor.givens | {g for s, _ in v.minor.places if (g := _given_before(text, s))}
    if not minor:
        return False
    major = v.major.givens | {g for s, _ in v.major.places if (g := _given_before(text, s))}
    return bool(major and not minor & major)


_INITIALED_RE = lazyre.compile(r"([A-Z][a-z]+)(?: [A-Z][a-z]+)*(?: [A-Z]\.)+ $")


def _given_before(text: str, start: int) -> str | None:
    """The first given name of a run that ends in an initial right before ``start``."""
    if text[start - 2 : start] != ". ":  # the run's end, looked at before the run
        return None
    m = _INITIALED_RE.search(text, max(0, start - 60), start)
    return m.group(1).casefold() if m else None


def _adjective(text: str, v: Variant) -> bool:
    """The two differ in a last a, e or o and one of them is an adjective of the other: it only
    ever comes before a lower-case word ("Argentine president" / "Argentina"), or it only ever
    comes before another word where the other spelling never does ("the Argentine Chamber",
    "the Argentine military" / "in Argentina, …"). (Not i/y: Kowalski and Kowalsky are one
    surname; not "Ulrika Eleonora" / "Ulrike Eleonora", both before a word.)"""
    a, b = v.minor.surface, v.major.surface
    if len(a) != len(b) or a[:-1] != b[:-1] or not {a[-1], b[-1]} <= _ENDINGS:
        return False
    sides = (v.minor, v.major)
    if any(all(_LOWER_NEXT_RE.match(text, e) for _, e in sp.places) for sp in sides):
        return True
    before_word = [[bool(_WORD_NEXT_RE.match(text, e)) for _, e in sp.places] for sp in sides]
    return any(all(x) and not any(y) for x, y in (before_word, before_word[::-1]))


_ENDINGS = frozenset("aeo")
_WORD_NEXT_RE = lazyre.compile(
    r" (?!(?:and|or|of|in|to|the|is|was|were|are|had|has|with|at|on|for|from|by|as|after|"
    r"before|that|which|who|where|when|but|into|until|also|then|later)\b)[A-Za-z]"
)
_LOWER_NEXT_RE = lazyre.compile(r" (?!(?:and|or|of|in|to|the|is|was|were|are|had|has)\b)[a-z]")


def _saint(
    text: str, minor: str, minor_places: list[tuple[int, int]], major: list[tuple[int, int]]
) -> bool:
    """Whether the two forms are a saint, written with a space and never before more of a
    name, and a place named after him, written with a hyphen ("by Saint Denis, the first
    Bishop" / "the commune of Saint-Denis"; not "the Saint Denis Basilica" /
    "Saint-Denis")."""
    if not _SAINT_RE.match(minor):
        return False
    spaced = major if "-" in minor else minor_places
    return not any(_HEAD_RE.match(text, e) for _, e in spaced)


#: the first word of a saint's name ("Saint Denis", "St-Germain")
_SAINT_RE = lazyre.compile(r"(?:Saint|Sainte|St|Ste)\.?[ -]")
_HYPHEN_BEFORE_RE = lazyre.compile(r"(?:[^\W\d_]+-)+$")
_HYPHEN_AFTER_RE = lazyre.compile(r"(?:-[^\W\d_]+)+")


def _other_compound(
    text: str, hyphened: list[tuple[int, int]], spaced: list[tuple[int, int]]
) -> bool:
    """Whether the hyphenated form only ever stands inside a longer compound whose other parts
    never stand beside the spaced form: two names ("Seine-Saint-Denis" / "Saint Denis
    Basilica"), not one spelled two ways ("Mont-Saint-Michel" / "Mont Saint-Michel")."""
    chains: set[tuple[str, str]] = set()
    for s, e in hyphened:
        left = _HYPHEN_BEFORE_RE.search(text, max(0, s - 60), s)
        right = _HYPHEN_AFTER_RE.match(text, e)
        if not (left or right):
            return False
        chains.add(
            (
                _fold(left.group()[:-1]) if left else "",
                _fold(right.group()[1:]) if right else "",
            )
        )
    for s, e in spaced:
        for before, after in chains:
            lead = _fold(text[max(0, s - len(before) - 1) : s])
            tail = _fold(text[e : e + len(after) + 1])
            if (not before or lead[:-1] == before) and (not after or tail[1:] == after):
                return False
    return True


def _other_heads(text: str, minor: list[tuple[int, int]], major: list[tuple[int, int]]) -> bool:
    """Whether each form only ever stands before a capitalised word and no such word follows
    both: the forms begin two longer names ("Max-Planck Institute" / "Max Planck Society")."""
    heads = []
    for places in (minor, major):
        words = [_HEAD_RE.match(text, e) for _, e in places]
        if not all(words):
            return False
        heads.append({m.group(1).casefold() for m in words if m})
    return not heads[0] & heads[1]


_HEAD_RE = lazyre.compile(r"[ \t]+([A-Z][\w'’]*)")


def _own_name(text: str, minor: list[tuple[int, int]], major: list[tuple[int, int]]) -> bool:
    """Whether the less frequent spelling only ever begins a longer name or goes on one, and
    the names it stands in share no other word with those of the other spelling: a word of a
    name of its own ("Ballaarat Old Cemetery" / "in Ballarat", "Gérard de Cortanze" /
    "Gerald Howard"), not a slip in one name ("Davied Edward Clarke" / "David Clarke", "Maria
    Cristina Bezzi-Scali" / "Maria Christina", "Kamer-Kollezhsky Rampart" /
    "Kamer-Kollezhskiy barrier")."""
    if not all(_REST_RE.match(text, e) for _, e in minor):
        return False
    words = set().union(*(_words_around(text, s, e) for s, e in minor))
    return not any(words & _words_around(text, s, e) for s, e in major)


def _words_around(text: str, start: int, end: int) -> set[str]:
    """The other words of the name a word stands in: the capitalised words one space before
    it, the parts of its hyphenated compound, and the rest of the name after it."""
    found: list[str] = []
    for rx, at in ((_RUN_BEFORE_RE, start), (_PARTS_BEFORE_RE, start)):
        m = rx.search(text, max(0, start - 80), at)
        if m:
            found += _CAPITALISED_WORD_RE.findall(m.group())
    for rx in (_PARTS_AFTER_RE, _REST_RE):
        m = rx.match(text, end)
        if m:
            found += _CAPITALISED_WORD_RE.findall(m.group())
    return {w.casefold() for w in found}


#: the rest of a name after its first word: capitalised words one space apart (markup
#: blanked between two words parts them), particles between them
_REST_RE = lazyre.compile(
    r"(?: (?:(?:of|de|da|di|du|del|der|den|van|von|ter|la|le) )?['‘\"“]?[A-Z][\w'’]*)+"
)
_CAPITALISED_WORD_RE = lazyre.compile(r"[A-Z][\w'’]*")
#: the other parts of a hyphenated compound, before and after a word
_PARTS_BEFORE_RE = lazyre.compile(r"(?:[^\W\d_][\w'’]*-)+$")
_PARTS_AFTER_RE = lazyre.compile(r"(?:-[^\W\d_][\w'’]*)+")


def _fold(text: str) -> str:
    """Casefolded, accents dropped, spaces read as hyphens."""
    folded = unicodedata.normalize("NFKD", text.replace(" ", "-").casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def _convention(a: str, b: str, pairs: list[list[str]]) -> bool:
    """Whether the two words are one word in two spelling conventions (pack
    ``spelling_conventions``: "Centre" / "Center", "Organisation" / "Organization")."""
    for x, y in pairs:
        for one, other in ((a, b), (b, a)):
            stem = one[: len(one) - len(x)]
            if len(stem) >= 3 and one.endswith(x) and other == stem + y:
                return True
    return False


def _code(word: str) -> bool:
    """A product or model code: two capitals before a lower-case letter ("ATmega")."""
    return len(word) > 2 and word[0].isupper() and word[1].isupper() and word[2:3].islower()


def _again(
    text: str, where: _Places, more: list[tuple[int, int]], shown: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """The other places of the less frequent spelling, each with the other spelling's place it is
    read against (in the same longer name, or the last before it)."""
    out: list[tuple[int, int, str]] = []
    seen = set(shown)
    for s, e in more:
        out.append((s, e, f"\u201c{text[s:e]}\u201d again here"))
        a, b = where.related(s, e)[0]
        if (a, b) not in seen:
            seen.add((a, b))
            out.append((a, b, f"\u201c{text[a:b]}\u201d here"))
    return out


def _also(n: int) -> str:
    """The other places of the less frequent spelling, reported with its first."""
    return "" if not n else f" (and {_times(n)} more, listed as related)"


_WORD_RE = lazyre.compile(r"\w+")


class _Places:
    """The places of one spelling, to point at from a variant: in the same longer name if it
    stands in one ("… Autonomous Oblast"), the last place before the variant, its first in a paragraph."""

    def __init__(
        self, text: str, paragraphs: list[tuple[int, int]], places: list[tuple[int, int]]
    ) -> None:
        self.text, self.places = text, places
        self.starts = [p[0] for p in places]
        self.after: list[tuple[str, ...] | None] = [None] * len(places)  # read on first use
        par_starts = [p[0] for p in paragraphs]
        self.in_paragraph = None
        for p in places:
            i = bisect.bisect_right(par_starts, p[0]) - 1
            if i >= 0 and p[0] < paragraphs[i][1]:
                self.in_paragraph = p
                break

    def _following(self, offset: int) -> tuple[str, ...]:
        return tuple(_WORD_RE.findall(self.text, offset, offset + 40)[:2])

    def _before(self, after: tuple[str, ...]) -> tuple[int, int] | None:
        """The first place followed by the words ``after``, else the first followed by its first."""
        first = None
        for i, p in enumerate(self.places):
            words = self.after[i]
            if words is None:
                words = self.after[i] = self._following(p[1])
            if words == after:
                return p
            if first is None and words and words[0] == after[0]:
                first = p
        return first

    def related(self, start: int, end: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        after = self._following(end)
        if after and after[0][:1].isupper():
            same = self._before(after)
            if same:
                out.append(same)
        i = bisect.bisect_left(self.starts, start) - 1
        out.append(self.places[i] if i >= 0 else self.places[0])
        if self.in_paragraph is not None:
            out.append(self.in_paragraph)
        return list(dict.fromkeys(out))


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"
