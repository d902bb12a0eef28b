"""Claim frames: who or what each date and number is about, what it gives, and when.

Read after extraction from the claims and the text around them; claims are never
changed. A frame's parts:

- **subject**: an infobox field or front matter key is about the article's subject
  (the title, the infobox ``name``, the first bold name of a wikitext lead). In prose,
  the subject is the clause's: a link (its target: ``[[Target|label]]``, the last
  path part of a Markdown link), a name, "he/she/it/its" back to the article's
  subject when it fits (a person for he/she, anything else for it), or "the union",
  "the company" when that noun names the article's subject (a word of the title, or
  the noun of the lead's "X is a … company"). An active "X founded the Y" dates Y.
- **attribute**: from an infobox field or front matter key (``birth_date`` → born,
  ``floor_count`` → floors), else the word that governs the claim — the counted
  noun ("9,500 members"), the verb or noun before a date ("born … on 12 May 1790",
  "his death in 1826"), "a 1932 British comedy film" (released). Words are reduced
  by a light lemmatiser (suffix rules and a few irregular forms) and mapped to a
  canonical name where several words say one thing (storey, story, floor → floors);
  any other word is kept as written, so the vocabulary stays open.
- **when** and **where**: a year in the same clause ("in 1950", "by 1930"), "at its
  peak", a bracketed year after an infobox value ("8,000 (1950)"), and "in <Place>".
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

from klint.claims import Claim, Claims, DateClaim, Frame, QuantityClaim
from klint.document import Document, Region
from klint.text.calendar import MONTH_NAMES
from klint.text.sentences import (
    MAIN_CLAUSE_BREAK,
    STOP_BEFORE_CAPITAL_OR_DIGIT,
    number_sentence_starts,
)
from klint.text.words import GrammarWords

# ---------------------------------------------------------------- a light lemmatiser

_IRREGULAR = {
    "born": "born",
    "founded": "founded",  # not "found", the past of "find"
    "died": "die",
    "dies": "die",
    "dying": "die",
    "built": "build",
    "began": "begin",
    "begun": "begin",
    "won": "win",
    "held": "hold",
    "grew": "grow",
    "grown": "grow",
    "sold": "sell",
    "led": "lead",
    "made": "make",
    "became": "become",
    "fought": "fight",
    "wed": "marry",
    "news": "news",  # not the plural of "new"
    "people": "people",
    "men": "man",
    "women": "woman",
    "children": "child",
    "staff": "staff",
    "series": "series",
    "species": "species",
}
_KEEP_S = ("ss", "us", "is", "ous", "ics")
#: simple pasts (never participles) of verbs a person acts by: a date's verb as "-ed" ones are
#: ("In mid-1922, Speer began courting", "he wrote to Spender in 1952")
PAST_ACTS = frozenset(
    "began wrote won took met went gave sang spoke taught fought flew drew rode ran "
    "bought sold brought swore made".split()
)


@lru_cache(maxsize=4096)
def lemma(word: str) -> str:
    """A word's base form by suffix rules: storeys → storey, founded → found, casualties →
    casualty, died → die. Inflections of one word meet at one form; it need not be a dictionary word."""
    w = word.lower().strip("'’")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(_KEEP_S):
        return w[:-1]
    for suffix in ("ed", "ing"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)]
            if stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]  # planned → plan, killed → kill
            return stem
    return w


@lru_cache(maxsize=1024)
def subject_key(subject: str) -> str:
    """A subject for matching: case, "the" and spacing ignored ("The Union" → "union")."""
    s = " ".join(subject.casefold().replace("_", " ").split())
    return s[4:] if s.startswith("the ") else s


def key(word: str) -> str:
    """The lemma without a final "e", so that "release" and "released" meet."""
    s = lemma(word)
    return s[:-1] if s.endswith("e") and len(s) > 3 else s


def _table(groups: dict[str, str]) -> dict[str, str]:
    return {key(w): name for name, words in groups.items() for w in words.split()}


#: words that give one attribute of a date (canonical name: its words)
_DATE_WORDS = _table(
    {
        "born": "born birth birthdate",
        "died": "died death deceased",
        "founded": "founded foundation established establishment formed formation "
        "inception created creation",
        # a legal act after the founding: a town founded in 1828 is incorporated in 1836
        "incorporated": "incorporated incorporation",
        "opened": "opened opening inaugurated inauguration",
        "released": "released release",
        "premiered": "premiered premiere",
        "published": "published publication",
        "completed": "completed completion",
        "built": "built constructed construction",
        "married": "married marriage",
        "launched": "launched launch",
        "dissolved": "dissolved dissolution disbanded defunct disestablished disestablishment "
        "abolished abolition",
        "renamed": "renamed rebranded retitled",
    }
)
#: words that give one attribute of a number
_COUNT_WORDS = _table(
    {
        "floors": "floor storey story",
        "height": "height tall tallest high",
        "length": "length long longest",
        "area": "area",
        "elevation": "elevation altitude",
        "population": "population inhabitant resident populace",
        "members": "member membership",
        "employees": "employee employ staff workforce",
        "killed": "killed dead death fatality",
        "wounded": "wounded injured injury",
        "casualties": "casualty",
        "strength": "strength troop soldier force",
        "votes": "vote",
        "seats": "seat",
        "age": "age aged",
        "capacity": "capacity",
    }
)
#: a year before one of these nouns ("a 1932 British comedy film") is its release or publication
_WORK_NOUNS = _table(
    {
        "released": "film movie album single song ep documentary videogame game record mixtape",
        "published": "novel book novella poem comic",
    }
)
#: counted nouns too general to give the attribute: the verb before them does ("employed 4,000 people")
_GENERIC = frozenset(map(key, "people person man woman individual worker".split()))
#: verbs whose object, not their subject, is what they date ("Smith founded the union in 1921")
_MAKING = frozenset(
    {"founded", "opened", "released", "premiered", "published", "completed", "built", "launched"}
)
#: attributes measured in units of length or area, and those units
_MEASURES = frozenset({"height", "length", "area", "elevation", "distance"})
_MEASURE_UNITS = frozenset({"km", "mi", "m", "yd", "in", "ft"})
_AREA_UNITS = frozenset({"hectares"})
#: "… km north of Berlin", "… miles (69 km) from the coast": a distance from a named place
_DISTANCE_RE = re.compile(
    r"\)?[ \t]{0,3}(?:\([^()]{0,30}\)[ \t]{0,3})?(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)"
    r"[ \t]{1,3}of|from)[ \t]{1,3}((?:the[ \t])?[A-Z][\w-]+(?:[ \t][A-Z][\w-]+){0,2})"
)
#: attributes of a work, whose title may hold short lowercase words ("A Life on Film")
_WORKS = frozenset({"published", "released"})
_WORK_TITLE_RE = re.compile(
    r"[A-Z][\w'’-]*(?:(?:\s+(?:a|an|the|of|on|in|and|for|to|at|with|from))*\s+[A-Z][\w'’-]*"
    r"|\s+\d+\b)*"
)
_TITLE_OPENER_RE = re.compile(r"\b(?:A|An|The)\s+$")
#: ", A Life on Film," after a passive making verb: the work's title in apposition
_NAMED_AFTER_RE = re.compile(r",\s+((?:(?:A|An|The)\s+)?[A-Z][^,;.()]{1,80}?)\s*(?:,|\.|;|$)")
#: a common noun phrase as a passive verb's subject: "a second book was", "the novel was"
_COMMON_NP_RE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)(?:\s+[a-z]+){1,3}\s+(?:was|were)\s+$"
)
#: an activity (a noun in -ion, -ing, -ment, -ure) of a thing, and its start: "production of the
#: A80 Supra began in", "construction started on"; "Production of the A80 Supra: <range>"
_NOMINAL_RE = re.compile(r"(?!beginning|commencement)[a-z]{3,}(?:ion|ing|ment|ure)")
_ACTIVITY = (
    r"\b(?!(?:[Bb]eginning|[Cc]ommencement)\b)([A-Za-z][a-z]{2,}(?:ion|ing|ment|ure))"
    r"(?:\s+(?:on|of)\s+(?:the\s+)?([^,;.:]{2,80}?))?"
)
_BEGAN_RE = re.compile(
    _ACTIVITY + r"\s+(?:began|begun|started|commenced|was\s+started)\s+(?:in|on|from|during)?\s*$"
)
#: "Toyota began production of the A80 in April 1993" (the thing after "of" is what it dates)
_BEGAN_FIRST_RE = re.compile(
    r"\b(?:began|begun|started|commenced)\s+" + _ACTIVITY + r"\s+(?:in|on|from|during)\s*$"
)
_SPAN_HEAD_RE = re.compile(_ACTIVITY + r"\s*(?::|\s(?:ran|lasted|continued)\s+from)\s*$")
#: attributes a thing has once: two values of one are a conflict whatever the time
ONCE = frozenset(
    {
        "born",
        "died",
        "founded",
        "opened",
        "released",
        "premiered",
        "published",
        "completed",
        "name given",
    }
)
#: a field of a series' first showing ("first_aired", "first broadcast"): its premiere
_FIRST_SHOWN = frozenset({"aired", "broadcast", "shown", "screened"})
#: a field named by nothing but its time and "end" ("year_end", "end_date") dates the end of
#: its subject (not "term_end", the end of a term)
_WHEN_WORDS = frozenset({"end", "year", "date"})
_FIRST_BEFORE_RE = re.compile(r"\bfirst\s+$")
_PASSIVE_BEFORE_RE = re.compile(
    r"(?:\b(?:was|were|been|being|is|are|be)|,(?:\s+and)?)\s+(?:(?:later|then|again|officially|formally)\s+)?$"
)
_DATE_JUST_AFTER_RE = re.compile(r",?\s*+(?:in|on|by)?\s*+")  # possessive: linear on blanks
#: a founding told by a verb the attribute words miss: the infinitive "found" (the past of
#: "find" otherwise: "to found", "helped found"), "co-founded", and "set up"
_FOUNDING_RE = re.compile(
    r"\b(?:(?:to|help|helps|helped|helping)\s+(found)|co-?found(?:ed)?|(?:set|sets|setting)\s+up)$",
    re.IGNORECASE,
)
#: the name a renaming gives: "renamed the Arland D. Williams, Jr. Memorial Bridge in 1983"
_NEW_NAME_RE = re.compile(
    r"\s+(?:(?:as|to)\s+)?(?:the\s+)?[\"“]?([A-Z][\w'’.-]*(?:,?\s+(?:Jr|Sr)\b\.?"
    r"|\s+(?:(?:of|de|the|and|on|for)\s+)*[A-Z][\w'’.-]*)*)[\"”]?"
)

# ---------------------------------------------------------------- patterns

#: a word: Latin letters, accented ones too ("Piëch", "Núñez"), with inner apostrophes or hyphens
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_WORD_RE = re.compile(rf"[{_LETTER}][{_LETTER}'’-]*")
#: a death told by another verb, in the passive: "was killed", "were executed", "was slain"
_DEATH_VERBS = frozenset(
    "killed executed assassinated murdered slain hanged beheaded martyred".split()
)
_WAS_BEFORE_RE = re.compile(r"\b(?:was|were)\s+(?:(?:later|then|eventually|finally)\s+)?$")
#: "While tending a soldier, she was struck by a bullet, killing her": a pronoun's death told
#: while what the sentence before dates went on (a clause of "while" or "as" first)
_WHILE_DEATH_RE = re.compile(
    r"\s*(?:While|As)\s[^.;:]{1,120}?,\s+(?P<who>he|she)\s+(?:was|were)\s[^.;:]{0,100}?"
    r"(?:,\s+killing\s+(?P<obj>him|her)\b|\b(?:was|were)?\s*(?:"
    + "|".join(sorted(_DEATH_VERBS))
    + r")\b)"
)
#: the legal form a company's full name carries and its short name leaves out
_LEGAL_FORMS = frozenset(
    "plc inc incorporated ltd limited llc llp corp corporation holdings gmbh spa".split()
)
#: a nickname in quotes inside a name: 'Altimont "Freddie" Butler', "William Maxwell 'Max' Aitken"
_NICKNAME_RE = re.compile(r"\s[\"“'‘]([^\W\d_][\w.-]*(?:\s[^\W\d_][\w.-]*)?)[\"”'’](?=\s)")
_PRONOUN_RE = re.compile(r"\b(he|she|his|her|it|its|they|their)\b", re.IGNORECASE)
_THE_NOUN_RE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+([a-z][a-z-]+)(?:'s|’s)?\b")
_NAME_RE = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|de|da|van|von|der|le|la|du)\s+)?[A-Z][\w'’.-]*)*"
)
_PEAK_RE = re.compile(r"\bat\s+(?:its|their|his|her|the)\s+(?:peak|height|zenith|maximum)\b", re.I)
_POSSESSIVE_END_RE = re.compile(r"['’]s?$")
_NAME_BEFORE_PAREN_RE = re.compile(
    r"([A-Z][\w'’.-]*(?:\s+(?:(?:of|de|da|van|von|der)\s+)?[\"“]?[A-Z][\w'’.-]*[\"”]?){0,5})[\s'\"]*$"
)
_RELATIVE_RE = re.compile(r"\b(?:which|who|whom|whose|that)\b")
_ANNIVERSARY_RE = re.compile(r"anniversar|centenar|centennial|jubilee|commemorat", re.IGNORECASE)
_NEXT_WORD_RE = re.compile(r"\s+(?:(?:total|estimated|own|entire|first|current|peak)\s+)?([a-z]+)")
_OF_RE = re.compile(r"\s+of\s+")
#: a sentence end, also before reference marks written out ("until his death.[23][24] In 1931")
_GENERATION_RE = re.compile(r"\b(?:jr|sr|ii|iii|iv)\b\.?", re.IGNORECASE)
#: a verb right before a number that makes it a change ("hired 50", "cutting 367 jobs"), unless
#: it states what there is ("had 9,500", "employed 4,000")
_CHANGE_BEFORE_RE = re.compile(
    r"\b([a-z]{3,}(?:ed|ing))\s+(?:(?:about|some|nearly|over|almost|around|another|a further|"
    r"an additional|more than|up to)\s+)?$"
)
_PERFECT_RE = re.compile(r"\b(?:has|have)\s+(?:now\s+|so\s+far\s+|since\s+)?$")
_HAVING = frozenset(
    "employed employing numbered numbering counted counting totalled totaled totalling "
    "totaling reached reaching housed housing included including contained containing "
    "estimated recorded listed".split()
)
_COMMON_OWNER_RE = re.compile(r"\b[a-z][\w-]*['’]s\s+$")
_COPULA_WORD_RE = re.compile(r"\s(?:is|was|are|were)\s")
_VERB_FORM_RE = re.compile(r"[a-z]+ed|born|wed|built")
#: a phrase before a sentence's subject, up to its comma: "After winning the role, "
_OPENING_PHRASE_RE = re.compile(
    r"\s*(?:(?:In|By|On|At|After|Before|During|Later|When|While|Since|Following)\b[^,;.]{1,60},\s+)?"
)
#: what may open a clause before its subject: "In 1193, ", "By March 1820 "
_CLAUSE_OPENING_RE = re.compile(r"\s*(?:(?:In|By|On|After|Later)\s[^,;]{1,30}?,?\s+)?")
#: an age in apposition to the name right before it: "Ann Hale, aged 19", "Tom (age 12)"
_APPOSITION_RE = re.compile(r"[,(]\s*(?:aged?|at the age of|at age)\s*$")
_DIED_AT_RE = re.compile(r"\b(?:died|dies|death)\s+at\s+$")
_LEAD_NAME_RE = re.compile(
    r"\s*([A-Z][\w'’.-]*(?:\s+(?:(?:of|de|van|von)\s+)?[A-Z][\w'’.-]*){0,5})\s*(?:\(|,|\s(?:is|was)\s)"
)
_YEAR_OLD_RE = re.compile(r"[-\s]years?[-\s]old\b")
_WAS_RE = re.compile(r"\b(?:was|is|were)\s+$")
_WHEN_RE = re.compile(r"\s+when\b")
_NOT_A_NAME_RE = re.compile(r"[a-z]+(?:ed|ing|ly)|aged?")
_PARTICIPLE_RE = re.compile(r",\s*(?:and\s+|later\s+|first\s+)?$")
_RELATIVE_END_RE = re.compile(r",\s+(?:which|who)\s*$")
_NAME_END_RE = re.compile(r"[A-Z][\w'’.-]*$")
_COPULA_RE = re.compile(r"\b(?:is|was)\s+(?:an?|the)\b")
_NAME_BREAK_RE = re.compile(r"(?<=\w\w)\.\s|[\r\n]")
_BOX_NAME_RE = re.compile(r"\|\s*name\s*=\s*([^|\n{}<]{2,80})")
_COUNTED_OF_RE = re.compile(r"\s+of\s+(?=(?:the\s+)?[A-Z\[])")
_MODIFIER_RE = re.compile(
    r"\b(average|mean|median|highest|lowest|maximum|minimum|total|peak|combined)\s+$", re.I
)
_NOUN_AUX_RE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+[a-z]+\s+(?:was|were|is|are|had\s+been|has\s+been)\s+$"
)
_FIELD_MODIFIERS = frozenset(
    "density rank ranking growth rate change percent percentage ratio per note ref footnote "
    "land water urban metro rural".split()
)
#: a field name's words: "area_total_km2", "2010pop" (a year run into a word), "pop 2010"
_FIELD_SPLIT_RE = re.compile(r"[\s_]+|(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d{4}\b)")
#: short forms of field names ("2010Pop"), read in field names only
_FIELD_SHORT = {"pop": "population", "elev": "elevation", "emp": "employees", "pub": "publication"}
_AGED_END_RE = re.compile(r"\baged?\s*$")
_REF_STOP_RE = re.compile(r"[.!?](?:\[\d{1,3}\]){1,9}\s+(?=[\"“(\[]?[A-Z0-9])")
_AS_OF_RE = re.compile(r"\{\{\s*as of\s*\|\s*(\d{4})", re.IGNORECASE)
_LEADING_COMMA_RE = re.compile(r"\s*,\s*")
_WORDS_AFTER_RE = re.compile(r"(?:\s+[A-Za-z-]+){1,5}")
_PLACE_RE = re.compile(r"\bin\s+((?:the\s+)?[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,3})")
_BRACKET_YEAR_RE = re.compile(r"\(\s*(?:c\.\s*|est\.\s*|as of\s+)?(\d{4})\b[^)]{0,30}\)")
_DEFINITION_RE = re.compile(r"\b(?:is|was|are|were)\s+(?:an?|the)\s+([^.,;:()]{1,80})")
_DEFINITION_STOP_RE = re.compile(
    r"\s(?:in|of|from|for|that|which|who|based|located|founded|directed|written|created|"
    r"produced|developed|owned|operated|by|with|and)\s"
)
_BOLD_RE = re.compile(r"'''([^'\n]{2,80}?)'''")
_WIKILINK_RE = re.compile(r"\[\[([^\[\]|#\n]{1,200})(?:#[^\[\]|\n]*)?(?:\|([^\[\]\n]{0,200}))?\]\]")
_MDLINK_RE = re.compile(r"\[([^\[\]\n]{1,200})\]\(\s*<?([^()\s<>]{1,500})>?(?:\s+\"[^\"]*\")?\s*\)")
_INFOBOX_NAME_RE = re.compile(r"\{\{\s*infobox[ _]+([^|}\n]{1,60})", re.IGNORECASE)
_PERSON_BOX_RE = re.compile(
    r"person|officeholder|biography|artist|actor|writer|scientist|player|athlete|musician|"
    r"royalty|monarch|military person|sportsperson|clergy|saint|philosopher|engineer|architect",
    re.IGNORECASE,
)
_FRONT_SKIP = frozenset({"title", "infobox", "klint"})
_LIFESPAN_RE = re.compile(r"\(\s*(?:born\s+)?[^()]{0,60}\)")


# ---------------------------------------------------------------- the article


class _Article:
    """What every frame of one document shares: its subject, links, regions and sentences."""

    def __init__(self, doc: Document, grammar: GrammarWords) -> None:
        self.doc = doc
        self.view = doc.view
        self.grammar = grammar
        self.regions = sorted(
            (r for r in doc.regions if r.kind not in ("infobox", "table", "boilerplate")),
            key=lambda r: (r.start, -(r.end - r.start)),
        )
        self.starts = [r.start for r in self.regions]
        self.links = links(doc)
        self.link_starts = [a for a, _, _ in self.links]
        self.front_end = _front_matter_end(doc)
        self.template = ""
        m = _INFOBOX_NAME_RE.search(doc.text) if doc.format == "wikitext" else None
        if m:
            self.template = " ".join(m.group(1).split()).lower()
        self.subject = self._title()
        self.words = {w.lower() for w in _WORD_RE.findall(self.subject) if len(w) > 2}
        self.generation = {g.lower().rstrip(".") for g in _GENERATION_RE.findall(self.subject)}
        self._shared: set[str] | None = None
        self._namesakes: bool | None = None
        self._named: bool | None = None
        own = [w.lower() for w in _WORD_RE.findall(self.subject) if len(w) > 2]
        self.ends = (own[0], own[-1]) if own else None
        self.boxes = _boxes(doc) if doc.format == "wikitext" else []
        self.type_noun = self._type_noun()
        # the noun an infobox's template names the subject by in the lead ("Infobox company":
        # "the company")
        self.box_noun = key(self.template.split()[-1]) if self.template else None
        self.person = self._is_person()
        self.pronoun = self._pronoun() if self.person else None
        self.sentences: dict[int, list[int]] = {}
        lead = [r for r in doc.regions if r.kind == "paragraph" and r.section == 0][:4]
        self.lead_end = lead[-1].end if lead else 0  # the lead: at most four paragraphs
        self.lead_start = lead[0].start if lead else -1
        # the other names the lead gives its subject in bold ("or simply Samsung", in bold)
        self.aliases = frozenset(
            " ".join(m.group(1).replace("[[", "").replace("]]", "").split()).casefold()
            for m in (
                _BOLD_RE.finditer(doc.text, max(0, lead[0].start - 3), lead[0].end) if lead else ()
            )
            if doc.format == "wikitext"
        )
        self.memo: dict[tuple[int, int], list[tuple[int, str, str]]] = {}
        # a pattern's scan of a region, or how many long windows of it were scanned apart
        self.scans: dict[tuple[re.Pattern[str], int, int], _Scan | int] = {}
        self.places: dict[tuple[int, int], list[re.Match[str]]] = {}
        self.peaks: dict[tuple[int, int], re.Match[str] | None] = {}
        self.dated: dict[tuple[int, int], tuple[list[DateClaim], list[int]]] = {}

    def _title(self) -> str:
        fm = self.doc.front_matter or {}
        title_field = fm.get("title")
        if isinstance(title_field, str) and title_field.strip():
            return title_field.strip()
        title = next(self.doc.regions_of("title"), None)
        if title is not None:
            return " ".join(self.view[title.start : title.end].split())
        if self.doc.format == "wikitext":
            m = _BOLD_RE.search(self.doc.text)
            if m:
                return " ".join(m.group(1).replace("[[", "").replace("]]", "").split())
        m = _LEAD_NAME_RE.match(self.lead())
        if m:  # "Mary Rowe (born 2 May 1790) was …"
            return " ".join(m.group(1).split())
        return Path(self.doc.path).stem.replace("_", " ")

    def lead(self) -> str:
        para = next(self.doc.regions_of("paragraph"), None)
        return self.view[para.start : para.end] if para is not None else ""

    def _type_noun(self) -> str | None:
        """The noun of the lead's definition: "Deliveroo is a British … delivery company"."""
        m = _DEFINITION_RE.search(self.lead()[:600])
        if not m:
            return None
        phrase = _DEFINITION_STOP_RE.split(" " + m.group(1) + " ")[0]
        words = _WORD_RE.findall(phrase)
        return key(words[-1]) if words else None

    def _is_person(self) -> bool:
        if self.template:
            return bool(_PERSON_BOX_RE.search(self.template))
        fm = self.doc.front_matter or {}
        if any(k in fm for k in ("born", "birth_date", "died", "death_date")):
            return True
        lead = self.lead()[:800]
        first = STOP_BEFORE_CAPITAL_OR_DIGIT.split(lead, 1)[0]
        if re.search(
            r"\(\s*(?:born|b\.)\s|\(\s*[^()]{0,30}\d{4}\s*[–-]\s*[^()]{0,30}\d{4}\s*\)", first
        ):
            return True
        he = len(re.findall(r"\b(?:he|she|his|her)\b", lead, re.I))
        it = len(re.findall(r"\b(?:it|its)\b", lead, re.I))
        return he > 0 and it == 0

    def _shared_words(self) -> set[str]:
        """Words of the subject's name that another named person shares ("Keller Breland" in
        the article on Marian Breland Bailey): alone, they do not name the subject."""
        out: set[str] = set()
        for m in _NAME_RE.finditer(self.view):
            for piece in _NAME_BREAK_RE.split(m.group()):  # "Paris. Keel": two names
                words = {w.lower() for w in _WORD_RE.findall(piece) if len(w) > 2}
                if (
                    len(words) >= 2
                    and not words <= self.words
                    and not words >= self.words  # "Grandmaster Gregory Serper": the subject
                    and words & self.words
                ):
                    out |= words & self.words
        return out

    def _namesake(self) -> bool:
        """Whether the subject's surname goes with a generation in the text ("Clint
        Murchison Jr." beside Sr.): then the surname alone may be either of them."""
        if self._namesakes is None:
            surname = re.escape(self.ends[1]) if self.ends else None
            self._namesakes = bool(
                self.generation
                or (
                    surname
                    and re.search(rf"\b{surname},?\s+(?:jr|sr|ii|iii|iv)\b", self.view, re.I)
                )
            )
        return self._namesakes

    def _pronoun(self) -> str | None:
        """ "he" or "she": the pronoun the lead uses most (None: neither), its first paragraph
        first, else its first four ("Anne Brontë (1820–1849) was an English novelist." alone)."""
        lead = self.lead()[:1500].lower()
        if not re.search(r"\b(?:he|she|his|her|him|hers)\b", lead):
            paragraphs = [r for r in self.doc.regions if r.kind == "paragraph" and r.section == 0]
            lead = " ".join(self.view[r.start : r.end] for r in paragraphs[:4])[:3000].lower()
        he = len(re.findall(r"\b(?:he|his|him)\b", lead))
        she = len(re.findall(r"\b(?:she|her|hers)\b", lead))
        return "he" if he > she else "she" if she > he else None

    # -- lookups
    def region(self, offset: int) -> Region | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        best = None
        while i >= 0 and self.starts[i] > offset - 100_000:
            r = self.regions[i]
            if r.start <= offset < r.end and (
                best is None or r.end - r.start < best.end - best.start
            ):
                best = r
                if r.kind == "infobox_field":
                    break
            i -= 1
            if best is not None and r.end <= offset:
                break
        return best

    def sentence(self, region: Region, offset: int) -> tuple[int, int]:
        starts = self.sentences.get(region.start)
        if starts is None:
            starts = number_sentence_starts(
                self.view, region.start, region.end, any_single_character=True
            )
            # a stop before reference marks written out: "until his death.[23][24] In 1931"
            refs = [m.end() for m in _REF_STOP_RE.finditer(self.view, region.start, region.end)]
            if refs:
                starts = sorted({*starts, *refs})
            self.sentences[region.start] = starts
        i = bisect.bisect_right(starts, offset) - 1
        end = starts[i + 1] if i + 1 < len(starts) else region.end
        return starts[max(i, 0)], end

    def previous_sentence_start(self, offset: int) -> int:
        """Where the sentence before the one at ``offset`` starts (the region's start at most)."""
        region = self.region(offset)
        if region is None:
            return offset
        s, _ = self.sentence(region, offset)
        return self.sentence(region, s - 1)[0] if s > region.start else s

    def link_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The links whose visible text starts in ``[start, end)`` (``[[`` may stand before)."""
        i = bisect.bisect_left(self.link_starts, start - 4)
        out = []
        while i < len(self.links) and self.links[i][0] < end:
            if self.links[i][1] > start:
                out.append(self.links[i])
            i += 1
        return out

    def box_subject(self, offset: int) -> str | None:
        """Whom the infobox at ``offset`` is about: the article's subject for the first box,
        its own ``name`` for a later one (a spouse's box), None when it has none."""
        boxes = self.boxes
        i = bisect.bisect_right([a for a, _, _ in boxes], offset) - 1
        if i <= 0 or not (boxes[i][0] <= offset < boxes[i][1]):
            return self.subject
        return boxes[i][2]

    def subject_named(self) -> bool:
        """Whether the text names its subject anywhere (an excerpt may never do)."""
        if self._named is None:
            self._named = (
                not self.words  # "Du Fu": words too short to tell
                or self.subject in self.view
                or any(
                    self.is_subject(piece)
                    for m in _NAME_RE.finditer(self.view)
                    for piece in _NAME_BREAK_RE.split(m.group())
                    if piece.strip()
                )
            )
        return self._named

    def is_subject(self, name: str, loose: bool = False, middle: bool = True) -> bool:
        """Whether a name or noun names the article's subject ("Smith", "the union"); with
        ``loose``, also a word of the name that another person shares ("Murchison"); with
        ``middle``, also the name with a middle name added ("Marina Augusta Baker")."""
        if self.aliases and " ".join(name.split()).casefold() in self.aliases:
            return True  # a name the lead gives in bold
        nick = _NICKNAME_RE.search(name) if any(q in name for q in "\"“'‘") else None
        if nick:  # "Margaret Mary "Maggie" Dixon": also "Margaret Mary Dixon" and "Maggie Dixon"
            plain = f"{name[: nick.start()]} {name[nick.end() :]}"
            called = f"{nick.group(1)} {name[nick.end() :]}"
            return self.is_subject(plain, loose, middle) or self.is_subject(called, loose, middle)
        names = [w.lower() for w in _WORD_RE.findall(name) if len(w) > 2]
        words = set(names)
        generation = {g.lower().rstrip(".") for g in _GENERATION_RE.findall(name)}
        if generation != self.generation:
            return False  # "Clint Murchison Jr." in the article on Clint Murchison Sr.
        if middle and words > self.words and self.ends == (names[0], names[-1]):
            return True  # a middle name: "Marina Augusta Baker" in the article on Marina Baker
        if not words or not self.words or not words <= self.words:
            return False  # "Christopher Douglas Adams" is not Douglas Adams
        # a word that another person's name shares ("Breland" beside "Keller Breland") names
        # the subject only with the subject's own generation ("Murchison Sr.")
        if loose or words == self.words or generation:
            return True
        if not self.person and words == self.words - _LEGAL_FORMS:
            return True  # "Deliveroo" in the article on Deliveroo Holdings plc
        surname = [self.ends[1]] if self.ends else []
        if self.person and (len(words) >= 2 or names == surname) and not self._namesake():
            return True  # a biography names its subject by surname ("Huxley"), others in full
        if self._shared is None:
            self._shared = self._shared_words()
        return not (words & self._shared)


def links(doc: Document) -> list[tuple[int, int, str]]:
    """``(start, end, target)`` of each link in the file, in order."""
    if doc.format == "wikitext":
        return [
            (m.start(), m.end(), " ".join(m.group(1).replace("_", " ").split()))
            for m in _WIKILINK_RE.finditer(doc.text)
            if ":" not in m.group(1)
        ]
    if doc.format == "markdown":
        out = []
        for m in _MDLINK_RE.finditer(doc.text):
            target = m.group(2).rstrip("/").rsplit("/", 1)[-1].split("#")[0]
            target = re.sub(r"\.(?:md|html?)$", "", target).replace("_", " ").replace("-", " ")
            out.append((m.start(), m.end(), target or m.group(1)))
        return out
    return []


def _boxes(doc: Document) -> list[tuple[int, int, str | None]]:
    """``(start, end, name)`` of each ``{{Infobox …}}`` of a wikitext file, in order."""
    text = doc.text
    out = []
    for m in _INFOBOX_NAME_RE.finditer(text):
        depth, i = 0, m.start()
        while i < len(text) - 1:
            pair = text[i : i + 2]
            if pair == "{{":
                depth, i = depth + 1, i + 2
            elif pair == "}}":
                depth, i = depth - 1, i + 2
                if depth == 0:
                    break
            else:
                i += 1
        name = _BOX_NAME_RE.search(text, m.start(), i)
        out.append((m.start(), i, " ".join(name.group(1).split()) if name else None))
    return out


def _front_matter_end(doc: Document) -> int:
    if doc.format != "markdown" or not doc.text.startswith("---"):
        return 0
    m = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M).search(doc.text, 3)
    return m.end() if m else 0


# ---------------------------------------------------------------- frames


def frame_claims(doc: Document, claims: Claims, grammar: GrammarWords) -> dict[Claim, Frame]:
    """The frame of every date and quantity claim of ``doc``, read with the packs' ``grammar``."""
    if not claims.dates and not claims.quantities:
        return {}
    art = _Article(doc, grammar)
    items: list[DateClaim | QuantityClaim] = sorted(
        [*claims.dates, *claims.quantities], key=lambda c: c.start
    )
    dates = sorted((c for c in claims.dates if not c.is_range), key=lambda c: c.start)
    date_starts = [c.start for c in dates]
    out: dict[Claim, Frame] = {}
    for c in items:
        region = art.region(c.start)
        if region is None:
            continue
        if region.kind == "infobox_field":
            out[c] = _field_frame(art, c, region, claims)
        elif region.kind in ("paragraph", "list_item", "caption", "quote"):
            out[c] = _prose_frame(art, c, region, dates, date_starts)
    return out


def _field_frame(art: _Article, c: Claim, region: Region, claims: Claims) -> Frame:
    """A claim in an infobox field or front matter key: the field gives the attribute."""
    label = region.label or ""
    origin = "front matter" if c.start < art.front_end else "infobox"
    parts = _FIELD_SPLIT_RE.split(label.lower())  # "2010pop": "2010", "pop"
    words = [_FIELD_SHORT.get(w, w) for w in parts if w and not w.isdigit()]
    label_year = next((int(w) for w in parts if w.isdigit() and 1800 <= int(w) <= 2100), None)
    if _FIELD_MODIFIERS & set(words):
        words = ["_".join(words)]  # "population_density_km2", "area_rank": their own attribute
    # "Casualties 2" is a side's; "Established date 2" a stage of the subject's own
    side = None if _DATE_FIELD_RE.fullmatch(label) else re.search(r"\s(\d{1,2})$", label)
    owner = art.box_subject(region.start)
    subject = f"{owner} (side {side.group(1)})" if side and owner else owner
    value = art.view[region.start : region.end]
    if isinstance(c, DateClaim):
        words = _titled(art, label, region.start) or words
        attribute = next((_DATE_WORDS[key(w)] for w in words if key(w) in _DATE_WORDS), None)
        if (
            attribute is None
            and len(words) == 2
            and words[0] == "first"
            and words[1] in _FIRST_SHOWN
        ):
            attribute = "premiered"
        if attribute is None and "end" in words and set(words) <= _WHEN_WORDS:
            attribute = "dissolved"  # "year_end", "end_date": when the subject itself ended
        in_brackets = value.rfind("(", 0, c.start - region.start) > value.rfind(
            ")", 0, c.start - region.start
        )
        if (
            attribute is None
            and c.is_range
            and not in_brackets
            and len(words) == 1
            and _NOMINAL_RE.fullmatch(words[0])
        ):
            attribute = f"{words[0]} start"  # "Production: May 1993 – August 2002"
        if (
            attribute is None
            and not in_brackets
            and not any(region.start <= q.start < region.end for q in claims.quantities)
        ):
            attribute = " ".join(words) or None  # a date field of its own ("Air date")
        return Frame(
            subject=subject, how="infobox", attribute=attribute, origin=origin, field=label
        )
    attribute = next((_COUNT_WORDS[key(w)] for w in words if key(w) in _COUNT_WORDS), None)
    if isinstance(c, QuantityClaim) and (
        c.counted == "age" or _AGED_END_RE.search(value, 0, c.start - region.start)
    ):
        attribute = "age"  # "September 25, 2001 (aged 80)"
    m = (
        _BRACKET_YEAR_RE.search(value, c.end - region.start)
        or _AS_OF_RE.search(art.doc.text, region.start, region.end + 40)
        or (words and _sibling_year(art, words, region.start))
    )
    year = int(m.group(1)) if m else label_year  # "(2015 est)", else "pop_2010"
    return Frame(
        subject=subject,
        how="infobox",
        attribute=attribute or " ".join(words) or None,
        when=m.group(0) if m else (str(label_year) if label_year else None),
        year=year,
        origin=origin,
        field=label,
    )


def _titled(art: _Article, label: str, at: int) -> list[str]:
    """The words of the field that names what a numbered date field dates: "Established
    title 2 = Incorporated" for "Established date 2" (a settlement's founding, then its
    incorporation); none for other fields."""
    m = _DATE_FIELD_RE.fullmatch(label)
    if m is None:
        return []
    title = f"{m.group(1)} title{m.group(2)}"
    found = [
        r
        for r in art.doc.regions
        if r.kind == "infobox_field" and r.label == title and r.start < at and at - r.start < 2000
    ]
    return _WORD_RE.findall(art.view[found[-1].start : found[-1].end].lower()) if found else []


_DATE_FIELD_RE = re.compile(r"(\w+) date((?: \d{1,2})?)")


def _sibling_year(art: _Article, words: list[str], at: int) -> re.Match[str] | None:
    """The year a sibling field gives a figure (``population_as_of = 2019``), in its box: the
    sibling of the field's whole name first (``population_census_year`` for
    ``population_census``, not ``population_estimate_year``)."""
    box = next(((a, b) for a, b, _ in art.boxes if a <= at < b), None)
    if box is None or not words[0].isalpha():
        return None
    if len(words) > 1 and all(w.isalpha() for w in words):
        whole = re.compile(
            r"\|\s*" + "[_ ]".join(map(re.escape, words)) + r"[_ ](?:as[_ ]of|date|year)\s*="
            r"[^|\n]*?(\d{4})",
            re.IGNORECASE,
        ).search(art.doc.text, *box)
        if whole:
            return whole
    return re.compile(
        rf"\|\s*{re.escape(words[0])}\w*?[_ ](?:as[_ ]of|date|year|census)\s*=[^|\n]*?(\d{{4}})",
        re.IGNORECASE,
    ).search(art.doc.text, *box)


@lru_cache(maxsize=256)
def _breaks(view: str, s: int, e: int) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in MAIN_CLAUSE_BREAK.finditer(view, s, e))


def _clause(view: str, s: int, e: int, at: int) -> tuple[int, int]:
    """The clause of ``view[s:e]`` around offset ``at``."""
    start, end = s, e
    for a, b in _breaks(view, s, e):
        if b <= at:
            start = b
        elif a >= at:
            end = a
            break
    return start, end


def _prose_frame(
    art: _Article,
    c: DateClaim | QuantityClaim,
    region: Region,
    dates: list[DateClaim],
    date_starts: list[int],
) -> Frame:
    view = art.view
    if isinstance(c, QuantityClaim) and c.sentence_start is not None and c.sentence_end is not None:
        s, e = c.sentence_start, c.sentence_end
    else:
        s, e = art.sentence(region, c.start)
    cs, ce = _clause(view, s, e, c.start)
    origin = "lead" if region.kind == "paragraph" and region.start < art.lead_end else "body"
    if isinstance(c, DateClaim):
        attribute, verb_at, verb_end = _date_attribute(art, c, cs, ce)
    else:
        attribute, verb_at, verb_end = _count_attribute(art, c, cs)
    subject, how = _subject(art, c, s, cs, ce, verb_at, verb_end, attribute)
    if isinstance(c, DateClaim):
        start = _activity_start(art, c, s, cs)
        if start is not None:
            (subject, how), attribute = start
        elif attribute == "renamed":
            # "renamed the Rochambeau Bridge in 1958", "In 1958 it was renamed the Rochambeau
            # Bridge": when that name was given (the date right after the name, or before the verb)
            named = _NEW_NAME_RE.match(view, verb_end, c.start if verb_at < c.start else ce)
            # passive ("was renamed X") or a participle after a comma (", and renamed X"): X is
            # the new name; an active verb's object is the old one ("the council renamed X")
            passive = _PASSIVE_BEFORE_RE.search(view, max(s, verb_at - 20), verb_at)
            if (
                named
                and passive
                and (verb_at > c.start or _DATE_JUST_AFTER_RE.fullmatch(view, named.end(), c.start))
            ):
                subject = named.group(1).replace(",", "").rstrip(".")
                how, attribute = "name", "name given"
    bracketed = _bracketed(art, c, s)
    if bracketed is not None:  # "Joseph Henry (1797–1878)", "a daughter, Mya (born 2002)"
        (subject, how), bare = bracketed
        if (
            isinstance(c, DateClaim)
            and c.is_range
            and bare
            and 10 <= c.latest.year - c.earliest.year <= 110
        ):
            attribute = "lifespan"
        elif isinstance(c, DateClaim) and bare and subject is not None:
            attribute = _life_end(view, c, s, dates, date_starts) or attribute
    if isinstance(c, DateClaim) and attribute not in ONCE:
        died = _death_while(art, c, region, s, e, date_starts)
        if died is not None:
            (subject, how), attribute = died, "died"
    when = year = None
    if isinstance(c, QuantityClaim):
        when, year = _when(art, c, cs, ce, dates, date_starts)
    places = art.places.get((cs, ce))
    if places is None:  # one scan a clause, whatever its claims; most name no place
        places = art.places[(cs, ce)] = (
            list(_PLACE_RE.finditer(view, cs, ce)) if view.find("in ", cs, ce) >= 0 else []
        )
    where = next(
        (
            " ".join(m.group(1).rstrip(".").split())
            for m in places
            if not (m.start() < c.end and m.end() > c.start) and not _MONTH.match(m.group(1))
        ),
        None,
    )
    return Frame(
        subject=subject,
        how=how,
        attribute=attribute,
        when=when,
        year=year,
        where=where,
        origin=origin,
    )


def _death_while(
    art: _Article, c: DateClaim, region: Region, s: int, e: int, date_starts: list[int]
) -> tuple[str, str] | None:
    """The person whose death the next sentence tells, undated, while what this sentence dates
    went on: "During the battle in 1846, Ann Hale nursed the wounded. While tending a soldier,
    she was struck by a bullet, killing her." — the date (the only one of its sentence) is Ann
    Hale's death; the person is the one named first after the sentence's opening phrase."""
    view = art.view
    if e >= region.end or (view.find("While", e, e + 12) < 0 and view.find("As", e, e + 8) < 0):
        return None
    i = bisect.bisect_left(date_starts, s)
    if any(d != c.start for d in date_starts[i : bisect.bisect_left(date_starts, e)]):
        return None  # another date in the sentence: which one the episode holds is unclear
    ns, ne = art.sentence(region, e)
    m = _WHILE_DEATH_RE.match(view, ns, ne)
    if m is None or (m.group("obj") and (m.group("obj") == "him") != (m.group("who") == "he")):
        return None
    if bisect.bisect_left(date_starts, ns) != bisect.bisect_left(date_starts, ne):
        return None  # the death sentence gives its own date
    opening = _OPENING_PHRASE_RE.match(view, s)
    start = opening.end() if opening else s
    found = _name_in(art, start, min(e, start + 80), skip_prepositions=False)
    if found is None or found[1] not in ("name", "link", "title"):
        return None
    if found[1] != "title" and len(found[0].split()) < 2:
        return None  # a single capitalised word: a place or a thing as often as a person
    return found


def _activity_start(
    art: _Article, c: DateClaim, s: int, cs: int
) -> tuple[tuple[str | None, str | None], str] | None:
    """When an activity of a thing began: "production of the Supra began in April 1993" (a
    date) or "Production of the Supra: May 1993 – August 2002" (a range, its start), as
    "<activity> start" of the thing after "of"; "Production began in 1995" names no one."""
    view = art.view
    began = _BEGAN_RE.search(view, max(cs, c.start - 160), c.start)
    if began is None:  # "began production of the A80 in …": only with the thing named
        began = _BEGAN_FIRST_RE.search(view, max(cs, c.start - 160), c.start)
        if began is not None and not began.group(2):
            return None
    # a range's head may stand before a colon, where a clause ends: the sentence's
    m = began or (
        _SPAN_HEAD_RE.search(view, max(s, c.start - 160), c.start) if c.is_range else None
    )
    if m is None:
        return None
    attribute = f"{m.group(1).lower()} start"
    if m.group(2):
        thing = " ".join(m.group(2).split())
        return ((art.subject, "title") if art.is_subject(thing) else (thing, "name")), attribute
    return None if began is None else ((None, None), attribute)


def _bracketed(
    art: _Article, c: Claim, s: int
) -> tuple[tuple[str | None, str | None], bool] | None:
    """The name a bracket holding the claim follows — ``((subject, how), the claim opens the
    bracket)`` — or None when the claim is not in brackets right after a name."""
    view = art.view
    opening = view.rfind("(", s, c.start)
    if opening < 0 or ")" in view[opening : c.start]:
        return None
    # what a semicolon ends before the dates is a pronunciation or another spelling, and a
    # citation mark is no word: "(DEW-mah; January 10, 1892 – …)", "(;[1] ; April 28, …"; a
    # part that opens on a small word is a role ("(head of drawing; 1890–1920)")
    aside, _, head = view[opening + 1 : c.start].rpartition(";")
    head = _MARK_RE.sub("", head).strip(" ,")
    if _ROLE_RE.search(aside):
        head = view[opening + 1 : c.start].strip()
    first = _candidates(art, s, opening)[:1] if s == art.lead_start else []
    if (
        first
        and first[0][2] in ("name", "link")
        and (art.is_subject(first[0][1]) or art.is_subject(_nicknamed(view, first[0])))
        and "(" not in view[s:opening]
        and not _COPULA_WORD_RE.search(view, s, opening)
    ):
        # the lead's first bracket after the subject's name is the subject's, after any
        # post-nominals, other spellings or a native name: "Asafa Powell, CD (born …)",
        # "Ibn Arabi (Arabic: …; 1165–1240)"
        close = view.find(")", c.end, c.end + 200)
        bare = art.person and (not head or (close >= 0 and not view[c.end : close].strip()))
        return (art.subject, "title"), bare
    m = _NAME_BEFORE_PAREN_RE.search(view, max(s, opening - 80), opening)
    if m is None or not m.group(1) or m.group(1).split()[0].lower() in art.grammar.name_openers:
        return None
    name = " ".join(m.group(1).split())
    if any(ch.islower() for ch in name):  # not a name set in capitals ("HORST BITTNER")
        name = _without_honours(name)  # "Sir Leslie Stephen KCB"
    target = next(
        (t for ls, le, t in art.link_in(m.start(1) - 250, m.end(1)) if ls <= m.start(1) < le), None
    )
    bare = not head
    # a lone given name is a relative's as often as the subject's: "the only child of Rune
    # (1932–2008)" in the article on Björn Rune Borg; the surname alone is the subject's
    lone = not target and " " not in name and art.person and name.lower() != (art.ends or ("",))[-1]
    if art.is_subject(target or name) and not lone:
        return (art.subject, "title"), bare
    if target or len(name.split()) >= 2:
        return (target or name, "link" if target else "name"), bare
    return (None, None), bare


def _without_honours(name: str) -> str:
    """A name without the letters after it that are honours, not words of it ("Sir Leslie
    Stephen KCB", "Michael Faraday FRS"); a regnal number stays ("George III")."""
    words = name.split()
    while (
        len(words) > 1
        and 2 <= len(words[-1]) <= 5
        and words[-1].isalpha()
        and words[-1].isupper()
        and not set(words[-1]) <= set("IVXL")
    ):
        words.pop()
    return " ".join(words)


def _nicknamed(view: str, candidate: tuple[int, str, str]) -> str:
    """A name with the nickname and surname after it: 'William Maxwell "Max" Aitken', which
    the candidates split at the quotes (the name itself when none follows)."""
    at, name, _ = candidate
    m = _NICKNAMED_RE.match(view, at + len(name))
    return name + m.group() if m else name


_NICKNAMED_RE = re.compile(r"\s[\"“'‘][^\W\d_][\w.-]*[\"”'’](?:\s[A-Z][\w'’-]*)+")
_LIFE_ABBREVIATION_RE = re.compile(r"[bd]\.\s*(?=\d|[A-Z][a-z]+\.?\s+\d)")
_DASH_RE = re.compile(r"\s*[–—-]\s*")
#: a citation mark: "[1]", "[a]"
_MARK_RE = re.compile(r"\[\w{1,3}\]")
#: a part of a bracket that opens on a small word: a role or a note, not a spelling
_ROLE_RE = re.compile(r"(?:^|;)\s*[a-z]")
_YEAR_DASH_RE = re.compile(r"\s*\d{3,4}\s*[–—-]\s*")
_DASH_YEAR_RE = re.compile(r"\s*[–—-]\s*\d{3,4}\s*")


def _life_end(
    view: str, c: DateClaim, s: int, dates: list[DateClaim], date_starts: list[int]
) -> str | None:
    """ "born" or "died" for one of two dates a dash joins in a bracket after a name, written
    as two dates rather than one range ("(; March 19, 1905 – September 1, 1981)"), or for a
    date a dash joins to a bare year ("([[1895]] – June 8, 1982)")."""
    opening = view.rfind("(", s, c.start)
    close = view.find(")", c.end, c.end + 80)
    if opening < 0 or close < 0:
        return None
    inside = [d for d in dates[bisect.bisect_left(date_starts, opening) :] if d.start < close]
    before = [d for d in inside if d.end <= c.start]
    after = [d for d in inside if d.start >= c.end]
    if len(inside) == 1:  # the other end a bare year: "([[1895]] – June 8, 1982)"
        if _YEAR_DASH_RE.fullmatch(view, opening + 1, c.start):
            return "died"
        if _DASH_YEAR_RE.fullmatch(view, c.end, close):
            return "born"
    if len(inside) != 2 or (before and after):
        return None
    if after and _DASH_RE.fullmatch(view, c.end, after[0].start):
        return "born"
    if before and _DASH_RE.fullmatch(view, before[0].end, c.start):
        return "died"
    return None


def _date_attribute(art: _Article, c: DateClaim, cs: int, ce: int) -> tuple[str | None, int, int]:
    """The attribute of a date: the nearest attribute word before it in its clause, a
    "-ed" verb standing before it, or a work noun it dates ("a 1932 … film")."""
    view = art.view
    if _matches(art, _ANNIVERSARY_RE, cs, c.start):
        return None, c.start, c.start  # "the 405th anniversary of its foundation on June 24, 1976"
    if re.search(r"\b(?:is|was)\s+an?\s+$", view[max(cs, c.start - 10) : c.start]):
        words_after = _WORDS_AFTER_RE.match(view, c.end, _chars_ahead(view, c.end, len(view), 60))
        for w in words_after.group().split() if words_after else ():
            if key(w) in _WORK_NOUNS:  # "a 1932 British comedy film"
                return _WORK_NOUNS[key(w)], c.start, c.start  # the clause's subject's
    # "born … on 12 May 1790", "his death in 1826"; else "In 1820 she married …"; never a word
    # of another bracket ("married Ann Lee (born 1929) since 1975")
    lo = max(cs, _chars_back(view, cs, c.start, 90), view.rfind(")", cs, c.start) + 1)
    hi = view.find("(", c.end, min(ce, c.end + 50))
    before = list(_WORD_RE.finditer(view, lo, c.start))[-10:]
    after = list(_WORD_RE.finditer(view, c.end, hi if hi >= 0 else min(ce, c.end + 50)))[:6]
    for m in [*reversed(before), *after]:
        w = m.group()
        k = key(w)
        if w[0].isupper() and m.start() > cs:
            continue  # "the 2019 Birthday Honours": a name
        if m.start() > c.start and not (
            w.endswith("ed") or w in ("born", "wed", "built") or w in PAST_ACTS or w.lower() == "up"
        ):
            continue  # after the date only a verb ("In 1820 she married"), not "before his death"
        if m.start() > c.start and _LATER_RE.match(view, m.end()):
            continue  # "left Parliament in 1975 and died seven years later": not 1975's act
        if k in _DATE_WORDS:
            return _DATE_WORDS[k], m.start(), m.end()
        if w in _FIRST_SHOWN and _FIRST_BEFORE_RE.search(view, max(cs, m.start() - 12), m.start()):
            return "premiered", m.start(), m.end()  # "first broadcast on RTL on 28 November 1994"
        founding = (
            _FOUNDING_RE.search(view, max(cs, m.start() - 12), m.end())
            if k in ("found", "up", "co-found", "cofound")
            else None
        )
        if founding:  # "went on to found", "set up", "co-founded": the verb's start
            return "founded", founding.start(1) if founding.group(1) else founding.start(), m.end()
        if w in _DEATH_VERBS and _WAS_BEFORE_RE.search(view, max(cs, m.start() - 24), m.start()):
            return "died", m.start(), m.end()  # "she was killed in 1846", "were executed on …"
        if k == "away" and view.startswith("passed", max(0, m.start() - 7)):
            return "died", m.start(), m.end()  # "she passed away on 12 June 1836"
        if w in ("b", "d") and _LIFE_ABBREVIATION_RE.match(view, m.start()):
            return ("born" if w == "b" else "died"), m.start(), m.end()  # "(b. 12 May 1790)"
        if w in PAST_ACTS or (
            w.islower() and w.endswith("ed") and len(w) > 4 and w not in ("indeed", "need")
        ):
            return w, m.start(), m.end()
    return None, c.start, c.start


#: after a verb: a time counted from the date before it ("and died seven years later", "and
#: moved there the following year", "and married shortly afterwards")
_LATER_RE = re.compile(
    r"(?:\s+(?:there|again|home|abroad))?\s+(?:(?:[\w-]+\s+){1,2}(?:later|afterwards?)\b"
    r"|(?:the|a)\s+(?:following|next)\s+(?:day|week|month|season|year)\b)",
    re.IGNORECASE,
)
_BLANKS_RE = re.compile(r"\s{2,}")


def _chars_back(view: str, floor: int, at: int, n: int) -> int:
    """Where the ``n`` characters of text before ``at`` start, a run of blanks counting as one:
    in a page's view the markup is blanked ("born in <a …>Bramstedt</a>, … on May 24, 1852")."""
    lo = max(floor, at - n)
    if view.find("  ", lo, at) < 0:
        return lo  # no run of blanks: most prose
    while lo > floor:
        blanks = sum(len(m.group()) - 1 for m in _BLANKS_RE.finditer(view, lo, at))
        if not blanks:
            return lo
        wider = max(floor, at - n - blanks)
        if wider == lo:
            return lo
        lo = wider
    return lo


def _chars_ahead(view: str, at: int, ceiling: int, n: int) -> int:
    """Where the ``n`` characters of text after ``at`` end, a run of blanks counting as one."""
    hi = min(ceiling, at + n)
    if view.find("  ", at, hi) < 0:
        return hi
    while hi < ceiling:
        blanks = sum(len(m.group()) - 1 for m in _BLANKS_RE.finditer(view, at, hi))
        wider = min(ceiling, at + n + blanks)
        if wider == hi:
            return hi
        hi = wider
    return hi


def _count_attribute(art: _Article, c: QuantityClaim, cs: int) -> tuple[str | None, int, int]:
    """The attribute of a number: its counted noun, else the noun or verb before it."""
    view = art.view
    counted = c.counted
    change = _CHANGE_BEFORE_RE.search(view, max(cs, c.start - 40), c.start)
    if (
        change
        and counted
        and _PERFECT_RE.search(view, max(cs, change.start() - 12), change.start())
    ):
        change = None  # "has released four studio albums": what there is so far, not a change
    if change and change.group(1).lower() not in _HAVING:
        return change.group(1).lower(), change.start(1), change.end(1)  # "hired 50", "cutting 367"
    if (
        _DIED_AT_RE.search(view, max(cs, c.start - 20), c.start)
        or _YEAR_OLD_RE.match(view, c.start + len(c.text.split("-")[0]))
        or (_WAS_RE.search(view, max(cs, c.start - 8), c.start) and _WHEN_RE.match(view, c.end))
    ):
        return "age", c.start, c.start  # "died at 78", "the 45-year-old Keel", "was 45 when"
    if counted and counted.split()[0] in ("new", "more", "additional", "extra", "further"):
        return None, c.start, c.start  # "50 new staff": a change, not the whole
    if counted and c.unit == "count":
        head = counted.split()[-1]
        k = key(head)
        if k in _COUNT_WORDS and k not in _GENERIC:
            return _COUNT_WORDS[k], c.start, c.start
        if k not in _GENERIC:
            return counted, c.start, c.start
    measure = c.unit in _MEASURE_UNITS
    if c.unit in _AREA_UNITS:
        return "area", c.start, c.start  # "covered 1.6 hectares"
    if measure:  # "1,480 metres high", "1,480 m above sea level", "80 km north of Berlin"
        d = _DISTANCE_RE.match(view, c.end, min(len(view), c.end + 80))
        if d:
            return f"distance from {' '.join(d.group(1).split())}", c.start, c.start
        m = re.match(r"\s+(?:above\s+sea\s+level|([a-z]+))", view[c.end : c.end + 30])
        if m and m.group(1) is None:
            return "elevation", c.start, c.start
        if m and _COUNT_WORDS.get(key(m.group(1))) in _MEASURES:
            return _COUNT_WORDS[key(m.group(1))], c.start, c.start
    elif c.unit != "count":
        return None, c.start, c.start  # money, time, percentages: their own frames later
    words = list(_WORD_RE.finditer(view, max(cs, c.start - 70), c.start))
    for m in reversed(words[-6:]):
        if m.group().endswith("ing"):
            continue  # "an ageing agent 007"
        attribute = _COUNT_WORDS.get(key(m.group()))
        if attribute is not None and (attribute in _MEASURES) == measure:
            modifier = _MODIFIER_RE.search(view, max(cs, m.start() - 12), m.start())
            if modifier:  # "the average elevation", "the highest point": another attribute
                attribute = f"{modifier.group(1).lower()} {attribute}"
            return attribute, m.start(), m.end()
    if counted and c.unit == "count":
        return counted, c.start, c.start
    return None, c.start, c.start


def _subject(
    art: _Article,
    c: Claim,
    s: int,
    cs: int,
    ce: int,
    verb_at: int,
    verb_end: int,
    attribute: str | None,
) -> tuple[str | None, str | None]:
    """The entity a claim is about; a person is never what a making verb dates (a person's
    "released" or "founded" dates an album or a firm)."""
    if attribute == "age" and _YEAR_OLD_RE.match(art.view, c.start + len(c.text.split("-")[0])):
        after = _candidates(art, c.start, min(ce, c.end + 40))  # "the 45-year-old Keel"
        if after and after[0][2] in ("name", "link"):
            return _name_in(art, after[0][0], ce, skip_prepositions=False) or (None, None)
    if attribute == "age":  # the person nearest before: "the death of his brother Philip … at 21"
        near = [
            x
            for x in _candidates(art, cs, c.start)
            if x[2] != "noun" and not _after_preposition(art, cs, x[0])
        ]
        if near:
            # the clause's subject ("Ibn Arabi left Andalusia … at age 36"), unless the age
            # stands right after another name ("Keel met Ann Hale, aged 19") or a relative of
            # someone stands between ("the death of his younger brother Philip … at age 21")
            first = near[0]
            kin = any(
                how == "owner" or (how == "pronoun" and name in art.grammar.possessives)
                for at, name, how in _candidates(art, cs, c.start)
                if first[0] < at < near[-1][0]
            )
            bearer = (
                first
                if first[2] in ("name", "link", "pronoun")
                and first[1] not in art.grammar.possessives
                and not kin
                and _CLAUSE_OPENING_RE.fullmatch(art.view, cs, first[0])
                and not _apposition(art.view, cs, c.start)
                else near[-1]
            )
            return _name_in(art, bearer[0], c.start, skip_prepositions=False) or (None, None)
    if isinstance(c, QuantityClaim) and c.counted:
        of = _COUNTED_OF_RE.match(art.view, c.end)
        if of:  # "the 32 teams of the NFL": the NFL's
            return _name_in(art, of.end(), min(ce, of.end() + 80), skip_prepositions=False) or (
                None,
                None,
            )
    found = _clause_subject(art, c, s, cs, ce, verb_at, verb_end, attribute)
    if (
        attribute in ("born", "died")
        and art.words & _LEGAL_FORMS
        and found == (art.subject, "title")
    ):
        return None, None  # a firm is not born and does not die: its namesake ("Hearst died")
    if attribute in _WORKS and found[1] == "name" and found[0]:
        found = _work_title(art, cs, max(c.end, ce), found[0]) or found
    if attribute in _MAKING and art.person and found[0] in (None, art.subject):
        # the person made something ("Vail published a further collection in 1861"): the
        # date is the work's, the act the person's ("agent": never a once-only attribute)
        before = art.view[max(cs, verb_at - 12) : verb_at].split()
        agent = (
            _name_in(art, cs, verb_at, skip_prepositions=True)
            if verb_at != c.start and not (before and before[-1].lower() in art.grammar.auxiliaries)
            else None
        )
        return (art.subject, "agent") if agent and agent[0] == art.subject else (None, None)
    return found


def _clause_subject(
    art: _Article,
    c: Claim,
    s: int,
    cs: int,
    ce: int,
    verb_at: int,
    verb_end: int,
    attribute: str | None,
) -> tuple[str | None, str | None]:
    """The entity a claim is about: the clause's subject, or the object of a making verb."""
    view = art.view
    if verb_at != c.start and _COMMON_OWNER_RE.search(view, max(cs, verb_at - 30), verb_at):
        return None, None  # "her husband's death in 1708": someone the text does not name here
    if attribute in _MAKING and verb_at != c.start:
        before = view[max(cs, verb_at - 12) : verb_at].split()
        named = _NAMED_AFTER_RE.match(view, verb_end) if attribute in _WORKS else None
        if named and before and before[-1].lower() in art.grammar.auxiliaries:
            # "a second book was published, A Life on Film, in which …": the title after
            title = _work_title(art, named.start(1), named.end(1))
            if title and _COMMON_NP_RE.search(view, max(cs, verb_at - 60), verb_at):
                return title
        following = _NEXT_WORD_RE.match(view, verb_end)
        if following and following.group(1).endswith("ly"):
            # "published anonymously by Swift": the word after the adverb
            following = _NEXT_WORD_RE.match(view, following.end())
        if not (before and before[-1].lower() in art.grammar.auxiliaries) and not (
            following and following.group(1) in art.grammar.prepositions
        ):  # active with an object: "Smith founded the Union", "he released his third album"
            found = _name_in(
                art, verb_end, c.start if verb_end < c.start else ce, skip_prepositions=False
            )
            return found or (None, None)
    noun = verb_at != c.start and not _VERB_FORM_RE.fullmatch(view, verb_at, verb_end)
    of = _OF_RE.match(view, verb_end) if noun else None  # not "died of heart failure"
    if of and of.end() < c.start:  # "the death of his brother Philip in 1867"
        return _name_in(art, of.end(), c.start, skip_prepositions=False) or (None, None)
    participle = (
        _PARTICIPLE_RE.search(view, max(s, verb_at - 8), verb_at)
        if verb_at != c.start and attribute != "age"
        else None
    )
    if participle:
        if "and" in participle.group():
            # "He retired in December 1969, and died in 1894": a second verb of the
            # sentence's subject
            found = _name_in(art, s, participle.start(), skip_prepositions=True)
            if found:
                return found
        return _last_named(art, s, verb_at)  # "the EEC, established in 1957": the EEC's
    np = _NOUN_AUX_RE.search(view, max(cs, verb_at - 40), verb_at) if verb_at != c.start else None
    if np:  # "Lincoln asserted the nation was born in 1776": the nation's
        return _name_in(art, np.start(), np.end(), skip_prepositions=False) or (None, None)
    if _RELATIVE_END_RE.search(view, max(s, cs - 12), cs):
        return _last_named(art, s, cs, relative=True)  # "[[Ken Rosewall]], who won … at 35"
    if _matches(art, _RELATIVE_RE, cs, verb_at if verb_at != c.start else c.start):
        return None, None  # "the store which was established in 1972": the store's, not known
    found = _name_in(art, cs, verb_at if verb_at != c.start else c.start, skip_prepositions=True)
    if found:
        return found
    if verb_at != c.start and not view[cs:verb_at].strip():
        # "Born in Bath on 12 May 1790, Rowe grew up …": the name after the opening phrase
        m = _LEADING_COMMA_RE.match(view, c.end, min(len(view), c.end + 3))
        end = min(len(view), (m.end() if m else c.end) + 40)
        if (
            m
            and _candidates(art, m.end(), end)[:1]
            and _candidates(art, m.end(), end)[0][0] == m.end()
        ):
            return _name_in(art, m.end(), end, skip_prepositions=False) or (None, None)
    m = _LEADING_COMMA_RE.match(view, c.end, ce)
    if m and (verb_at == c.start or attribute == "age"):  # "In 1820, aged 25, she married"
        found = _name_in(art, m.end(), min(ce, m.end() + 40), skip_prepositions=True)
        if found and _candidates(art, m.end(), min(ce, m.end() + 40))[0][0] == m.end():
            return found
    if cs > s:  # "He was born in 1790 and died in 1826": the sentence's subject
        found = _name_in(art, s, cs, skip_prepositions=True)
        if found:
            return found
    return None, None


def _work_title(art: _Article, a: int, b: int, name: str | None = None) -> tuple[str, str] | None:
    """The whole title of a work whose name ``name`` ("Life"; else the first name) stands in
    ``view[a:b]``: capitalised words and the short words between them ("A Life on Film")."""
    view = art.view
    for at, n, how in _candidates(art, a, b):
        if how != "name" or (name is not None and n != name):
            continue
        opener = _TITLE_OPENER_RE.search(view, max(0, at - 5), at)
        m = _WORK_TITLE_RE.match(view, opener.start() if opener else at)
        if m is None:
            return None
        title = m.group()
        return (art.subject, "title") if art.is_subject(title) else (title, "name")
    return None


def _last_named(
    art: _Article, s: int, b: int, relative: bool = False
) -> tuple[str | None, str | None]:
    """What a phrase after a comma at ``b`` belongs to: the name standing right before the
    comma ("the [[EEC]], established in 1957"), the subject of "X is a … union, founded in
    1921", or nothing."""
    view = art.view
    comma = view.rfind(",", s, b)
    tail = view[s:comma].rstrip(" ]'\"")
    found = _candidates(art, s, comma) if comma > s else []
    if len(found) >= 3 and found[-1][2] == "name":
        # 'His brother Warren Hamilton "Warnie" Lewis, who died …': the whole name, not "Lewis"
        whole = _nicknamed(view, found[-3])
        if found[-3][0] + len(whole) == found[-1][0] + len(found[-1][1]):
            found = [*found[:-3], (found[-3][0], whole, "name")]
    if (
        found
        and found[-1][2] in ("name", "link")
        and _NAME_END_RE.search(tail)
        and (relative or not _after_preposition(art, s, found[-1][0]))  # "of Samsung, founded"
    ):
        name, how = found[-1][1], found[-1][2]
        return (art.subject, how) if art.is_subject(name) else (name, how)
    copula = _COPULA_RE.search(view, s, comma) if comma > s else None
    if copula:  # "X is a British trade union, founded …"
        return _name_in(art, s, copula.start(), skip_prepositions=True) or (None, None)
    return None, None


def _candidates(art: _Article, a: int, b: int) -> list[tuple[int, str, str]]:
    """``(offset, name, how)`` of every link, name, pronoun and "the <noun>" in ``view[a:b]``."""
    found = art.memo.get((a, b))
    if found is None:
        found = art.memo[(a, b)] = _find_candidates(art, a, b)
    return found


def _find_candidates(art: _Article, a: int, b: int) -> list[tuple[int, str, str]]:
    view = art.view
    links = art.link_in(a, b)
    out = [
        (ls, target, "owner" if view.startswith(("'s", "’s"), le) else "link")
        for ls, le, target in links
    ]
    for pattern in (_NAME_RE, _PRONOUN_RE, _THE_NOUN_RE):
        scan, i, k, tail = _window(art, pattern, a, b)
        if scan is not None:
            out += filter(None, scan.candidates(art, i, k))
        out += filter(None, (_CANDIDATE[pattern](art, m) for m in tail))
    out.sort()
    return out


def _named(art: _Article, m: re.Match[str]) -> tuple[int, str, str] | None:
    """The candidate a match of ``_NAME_RE`` gives, None when it names no one."""
    words = _NAME_BREAK_RE.split(m.group())[0].split()  # "Seoul. It": "Seoul"
    while words and words[0].lower() in art.grammar.name_openers:
        words = words[1:]
    if not words or _MONTH.match(words[0]):
        return None
    if (
        len(words) == 1
        and _NOT_A_NAME_RE.fullmatch(words[0].lower())
        and not art.is_subject(words[0])  # "Fanning", "Lovering" in the articles on them
    ):
        return None  # "Aged 45, Keel …": a capitalised word, not a name
    if any(ls <= m.start() < le for ls, le, _ in art.link_in(m.start() - 250, m.end())):
        return None
    name = " ".join(words).rstrip(".,")
    owner = _POSSESSIVE_END_RE.search(name) or art.view.startswith(("'s", "’s"), m.end())
    at = m.start() + m.group().find(words[0])
    return at, _POSSESSIVE_END_RE.sub("", name), "owner" if owner else "name"


def _pronoun(art: _Article, m: re.Match[str]) -> tuple[int, str, str]:
    return m.start(), m.group(1).lower(), "pronoun"


def _noun(art: _Article, m: re.Match[str]) -> tuple[int, str, str]:
    return m.start(), m.group(1).lower(), "noun"


#: the candidate each pattern's match gives
_CANDIDATE = {_NAME_RE: _named, _PRONOUN_RE: _pronoun, _THE_NOUN_RE: _noun}


class _Scan:
    """One pattern's matches over a region, scanned once, and where the matches of a window
    of it must be scanned again: the characters the pattern can never consume."""

    def __init__(self, view: str, pattern: re.Pattern[str], start: int, end: int) -> None:
        self.found = list(pattern.finditer(view, start, end))
        self.starts = [m.start() for m in self.found]
        self.pattern = pattern
        self.items: list[tuple[int, str, str] | None] = []  # candidates of found[lo:hi]
        self.lo = self.hi = 0
        stop = _STOPS.get(pattern)
        self.stops = [m.start() for m in stop.finditer(view, start, end)] if stop else []

    def candidates(self, art: _Article, i: int, k: int) -> list[tuple[int, str, str] | None]:
        """The candidates of ``found[i:k]`` (None for a match that names no one), each read
        once: those asked for so far make one run of the matches."""
        if not self.items:
            self.items, self.lo, self.hi = [None] * len(self.found), i, i
        read = _CANDIDATE[self.pattern]
        for x in (*range(i, self.lo), *range(self.hi, k)):
            self.items[x] = read(art, self.found[x])
        self.lo, self.hi = min(self.lo, i), max(self.hi, k)
        return self.items[i:k]


#: what a pattern can never consume (a match, and every try at one, ends before it)
_STOPS = {_THE_NOUN_RE: re.compile(r"[^a-zT\s'’-]")}
#: the shortest window read off its region's scan, and how many are scanned apart first
_SCANNED = 200
_APART = 3
#: how far past its start a try at a match of a pattern of short words reads at most
_REACH = {_PRONOUN_RE: 5, _RELATIVE_RE: 5, _ANNIVERSARY_RE: 9}


def _matches(art: _Article, pattern: re.Pattern[str], a: int, b: int) -> list[re.Match[str]]:
    """``pattern.finditer(view, a, b)``, read off one scan of the region around it."""
    scan, i, k, tail = _window(art, pattern, a, b)
    return scan.found[i:k] + tail if scan is not None else tail


def _window(
    art: _Article, pattern: re.Pattern[str], a: int, b: int
) -> tuple[_Scan | None, int, int, list[re.Match[str]]]:
    """The matches of ``pattern`` in ``view[a:b]``: the region's scan, those of its matches
    (``found[i:k]``) that are the window's, and the matches of the window's scanned tail.

    The region's matches that start in ``[a, t)`` are the window's own, where ``t`` is a
    point no try at a match before it reads past ``b - 1``: the window's end (where a word
    boundary holds and a longer name is cut) cannot change them. From ``t`` on the window is
    scanned as it is; a window a region's match runs into is scanned whole, and so is a
    short one, and the first long ones of a region (cheaper than scanning it whole).
    """
    region = art.region(a) if b - a >= _SCANNED else None
    if region is None or b > region.end:
        return None, 0, 0, list(pattern.finditer(art.view, a, b))
    held = art.scans.get((pattern, region.start, region.end), 0)
    if isinstance(held, int):
        if held < _APART:
            art.scans[(pattern, region.start, region.end)] = held + 1
            return None, 0, 0, list(pattern.finditer(art.view, a, b))
        held = art.scans[(pattern, region.start, region.end)] = _Scan(
            art.view, pattern, region.start, region.end
        )
    scan = held
    found, starts = scan.found, scan.starts
    i = bisect.bisect_left(starts, a)
    if i and found[i - 1].end() > a:  # a match runs across the window's start
        return None, 0, 0, list(pattern.finditer(art.view, a, b))
    if pattern is _NAME_RE:  # no assertions: a match that ends by b is the window's
        j = bisect.bisect_left(starts, b) - 1
        t = starts[j] if j >= i and found[j].end() > b else b
    elif pattern in _REACH:  # a try at one of its words reads so many characters on at most
        t = max(a, b - _REACH[pattern])
    else:  # a try stops at a character it cannot consume
        k = bisect.bisect_left(scan.stops, b) - 1
        t = scan.stops[k] if k >= 0 and scan.stops[k] >= a else a
    k = bisect.bisect_left(starts, t, i)
    if k > i:
        t = max(t, found[k - 1].end())
    return scan, i, k, list(pattern.finditer(art.view, t, b)) if t < b else []


def _last_person(art: _Article, region: Region, at: int) -> tuple[str, str] | None:
    """The person (a name of two words or more) the sentences of ``region`` before ``at``
    last open with, through sentences that open with "he" or "she"; else None."""
    s = art.sentence(region, at)[0]
    for _ in range(6):
        if s <= region.start:
            return None
        s = art.sentence(region, s - 1)[0]
        opening = _OPENING_PHRASE_RE.match(art.view, s)  # "In 2007, ", "After the war, "
        first = opening.end() if opening else s
        found = [x for x in _candidates(art, s, min(at, s + 200)) if x[0] == first]
        if not found:
            return None
        _, name, how = found[0]
        if how == "pronoun" and name in ("he", "she"):
            continue  # the sentence before tells who
        return (name, "pronoun") if how in ("name", "link") and len(name.split()) >= 2 else None
    return None


def _apposition(view: str, cs: int, at: int) -> bool:
    """Whether the age at ``at`` stands right after a name ("Ann Hale, aged 19")."""
    m = _APPOSITION_RE.search(view, max(cs, at - 40), at)
    words = view[max(cs, at - 80) : m.start()].split() if m else []
    return bool(words) and words[-1].lstrip("[")[:1].isupper()


def _after_preposition(art: _Article, a: int, at: int) -> bool:
    prev = art.view[max(a, at - 12) : at].split()
    return bool(prev) and prev[-1].lower() in art.grammar.prepositions


def _sentence_subject(art: _Article, s: int, limit: int, thing: bool = False) -> bool:
    """Whether the sentence at ``s`` opens with a person (with ``thing``, anything named)
    other than the article's subject."""
    found = _candidates(art, s, min(limit, s + 200))
    for at, name, how in found:
        if at >= limit:
            return False
        if _after_preposition(art, s, at):
            continue
        if how == "pronoun" and name in art.grammar.possessives:
            continue
        return (
            how in ("name", "link")
            and (thing or len(name.split()) >= 2)
            and not art.is_subject(name, loose=True)
        )
    return False


def _name_in(art: _Article, a: int, b: int, skip_prepositions: bool) -> tuple[str, str] | None:
    """The first entity named in ``view[a:b]``: a link, a name, a pronoun or "the <noun>"."""
    if b <= a:
        return None
    view = art.view
    candidates = _candidates(art, a, b)
    related = kin = False
    for i, (at, name, how) in enumerate(candidates):
        if how == "owner" or (how == "pronoun" and name in art.grammar.possessives):
            if how == "pronoun" and any(h in ("link", "name") for _, _, h in candidates[i + 1 :]):
                related = True  # "Their son, Andrei Andreyevich Tarkovsky": not the subject's
                # "Her daughter, also named Victoria", the subject's own pronoun: a relative of
                # the subject, never the subject
                kin = (
                    art.person and art.pronoun is not None and name == _OWN_POSSESSIVE[art.pronoun]
                )
                continue  # "Its leader John Smith": the name that follows
            noun = _NEXT_WORD_RE.match(
                view, view.find(" ", at) if how == "owner" else at + len(name)
            )
            if noun is None or (
                key(noun.group(1)) not in _DATE_WORDS and key(noun.group(1)) not in _COUNT_WORDS
            ):
                return None  # "his daughter", "Thomas's widow": someone else
            if how == "owner":  # "Smith's death", "the union's membership"
                return (art.subject, "title") if art.is_subject(name) else (name, "name")
        if skip_prepositions and _after_preposition(art, a, at):
            continue
        if how == "pronoun":
            if name in ("he", "she", "his", "her") and art.person:
                if art.pronoun and (name in ("he", "his")) != (art.pronoun == "he"):
                    return None  # "he" in an article about a woman: someone else
                # the article's subject, unless the sentence before (or this one) is about
                # another named person ("Her cousin Tom Keel died in 1840. She …")
                back = art.previous_sentence_start(at)
                region = art.region(at)
                if region is not None and any(
                    _sentence_subject(art, *art.sentence(region, p)[:1], at) for p in {back, at}
                ):
                    return None
                if region is not None and not art.subject_named():
                    # a text that never names its title's person: "he" is the person its
                    # sentences last had as their subject ("In 2007, Tayler Mane played …")
                    return _last_person(art, region, at)
                return art.subject, "pronoun"
            if name in ("it", "its") and not art.person:
                back = art.previous_sentence_start(at)
                region = art.region(at)
                if region is not None and any(
                    _sentence_subject(art, *art.sentence(region, p)[:1], at, thing=True)
                    for p in {back, at}
                ):
                    return None  # "[[Samsung Engineering]] is a … company. It was founded …"
                return art.subject, "pronoun"
            return None
        if how == "noun":
            k = key(name)
            if (
                art.is_subject(name)
                or (art.type_noun is not None and k == art.type_noun)
                or (k == art.box_noun and at < art.lead_end)  # the body tells of other firms
            ):
                return art.subject, "noun"
            return None  # "The daughter of …", "the store": not the article's subject
        if not kin and art.is_subject(name, middle=not related):
            return art.subject, "title" if how == "name" else "link"
        return name, how  # another entity ("Troost died …")
    return None


_OWN_POSSESSIVE = {"he": "his", "she": "her"}
_MONTH = re.compile(rf"(?:{'|'.join(MONTH_NAMES)})\b")


def _when(
    art: _Article,
    q: QuantityClaim,
    cs: int,
    ce: int,
    dates: list[DateClaim],
    date_starts: list[int],
) -> tuple[str | None, int | None]:
    """The time a number holds at: a year in its clause ("In 1950 the union had …")."""
    view = art.view
    m = _BRACKET_YEAR_RE.match(view, q.end, q.end + 40) or _BRACKET_YEAR_RE.match(
        view, q.end + 1, q.end + 40
    )
    if m:
        return m.group(0), int(m.group(1))
    near = art.dated.get((cs, ce))
    if near is None:  # the clause's dates, gathered once whatever its numbers
        i = bisect.bisect_left(date_starts, cs)
        found = [
            d
            for d in dates[i : bisect.bisect_left(date_starts, ce, i)]
            if d.precision in ("day", "month", "season", "year")
        ]
        near = art.dated[(cs, ce)] = (found, [d.start for d in found])
    found, starts = near
    # the nearest date, the first of those as near: the last before the number (the first
    # at its offset), else the first at or after it
    j = bisect.bisect_left(starts, q.start)
    best = found[bisect.bisect_left(starts, starts[j - 1])] if j else None
    if j < len(found) and (best is None or starts[j] - q.start < q.start - best.start):
        best = found[j]
    if best is not None:
        word = best.preposition or ""
        return (f"{word} {best.text}".strip(), best.earliest.year)
    if (cs, ce) not in art.peaks:  # one scan a clause, whatever its numbers
        art.peaks[(cs, ce)] = _PEAK_RE.search(view, cs, ce)
    pm = art.peaks[(cs, ce)]
    if pm:
        return pm.group(), None
    return None, None


def activity_start(attribute: str) -> bool:
    """Whether an attribute is when an activity began ("production start", from "production
    of the A80 began in April 1993" or a field "Production: May 1993 – August 2002")."""
    head, _, last = attribute.rpartition(" ")
    return last == "start" and _NOMINAL_RE.fullmatch(head) is not None


#: suffixes that make a noun of a verb ("admittance", "abandonment", "dedication", "closure")
_NOUN_SUFFIX_RE = re.compile(r"(?:ance|ence|ment|ion|ure)$")
#: words of a field's name that say it holds a time, not what happened then
_TIME_WORDS = frozenset({"date", "year", "day", "time"})


@lru_cache(maxsize=1024)
def event_key(attribute: str) -> str:
    """What an attribute says happened, whatever the part of speech: a field's "admittance
    date" and the prose's "admitted" both give "admit"; "dedication date" and "dedicated"
    give "dedicat"."""
    words = [w for w in attribute.split() if w not in _TIME_WORDS] or attribute.split()
    if len(words) != 1:
        return attribute
    w = lemma(words[0])
    stem = _NOUN_SUFFIX_RE.sub("", w) if len(w) > 6 else w
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        stem = stem[:-1]  # "admitt" → "admit"
    return stem[:-1] if stem.endswith("e") and len(stem) > 4 else stem


def count_attribute(word: str) -> str:
    """The attribute a noun counts ("inhabitants": population), else its key."""
    k = key(word)
    return _COUNT_WORDS.get(k, k)


__all__ = [
    "ONCE",
    "PAST_ACTS",
    "activity_start",
    "count_attribute",
    "event_key",
    "frame_claims",
    "key",
    "lemma",
    "subject_key",
]
