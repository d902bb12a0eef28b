"""Error injection: plant editing errors in clean articles and count how many klint catches.

Each *kind* of error (a year typo, a figure changed in one place only, a count
word against its list, ...) comes in several *phrasings*: an edit of the
article's own text where it has a fitting place, or a new sentence built from
the article's own names and numbers. Every injection changes one article at a
seeded random place and never adds or removes a line break, so line numbers
stay comparable.

An injection is *caught* when klint, on the edited article, gives a finding that
touches one of the error's lines (its own place or one of its related places)
and that it did not give on the unedited article. The error's lines are the
edited line, and also the line of the twin of a changed figure and the first
later use of an acronym whose definition was deleted. Findings are compared by
code, line and related lines; ``KI`` findings (internal errors) never count.
The *family* column counts the catches made by the rules the kind is meant
for (``FAMILIES``); a catch by another rule (a name variant noticed in an
inserted sentence) still counts as caught, and shows in the codes.

    python bench/inject.py                         # 25 injections per kind, seed 1
    python bench/inject.py --kinds year-typo,twin-figure --n 50 --seed 7
    python bench/inject.py --json inject.json --verbose --phrasings
    python bench/inject.py --corpus DIR [DIR ...] --extend-select KX302

The corpus is ``eval/corpus/`` in the repository when present, else the clean
and wikitext articles of ``../shared/eval`` and the seeds.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO.parent / "shared" / "eval"
# measures of what klint finds must not hang on the machine's load: no time budget
NO_BUDGET = 1e9
SUFFIXES = (".txt", ".md", ".wiki", ".html")
NOT_ARTICLES = frozenset({"README.md", "SOURCES.md", "LICENSE.md", "NOTICE.md"})

MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH_ALT = "|".join(MONTHS)
NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve".split()
WORD_VALUE = {w: i + 2 for i, w in enumerate(NUMBER_WORDS)}

# a year: four digits, not part of a range, a number or a code
_YEAR = re.compile(r"(?<![\w.,/$£€–—−-])(1[0-9]{3}|20[0-4][0-9])(?![\w/–—−-]|[.,]\d)")
# what stands right before a year that dates a sentence
_YEAR_CUE = re.compile(
    r"(?:\b(?:in|In|of|by|By|since|Since|until|Until|from|From|during|During|after|After|"
    rf"before|Before|early|late|spring|summer|autumn|fall|winter)|\b(?:{_MONTH_ALT})|\b\d{{1,2}},?)"
    r"\s+$"
)
# a figure: digits with thousands separators or at least two digits
_FIGURE = re.compile(r"(?<![\w.,/$£€–—−-])(\d{1,3}(?:,\d{3})+|\d{2,})(?![\w/–—−-]|[.,]\d)")
_NAMED_OR_RATE = re.compile(r"(?:\b[A-Z][\w&]*|&|\bper|\bNo\.?)\s?$")
_NEXT_WORD = re.compile(r"\s?(%|[a-z]{3,})\b")
_FUNCTION_WORDS = frozenset(
    "and the of in to for was were with by on at from or per as had has that which are is "
    "who when while but than into over after before".split()
)
_TIME_UNITS = frozenset("seconds minutes hours days weeks months years".split())
_UNIT_NOUNS = frozenset(
    "years months days hours minutes seconds weeks decades centuries miles kilometres kilometers "
    "metres meters feet inches yards acres hectares tons tonnes pounds dollars times points "
    "percent episodes pages issues".split()
)
_STOP_NAMES = frozenset(
    MONTHS
    + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That These Those There "
    "However After Before During Since Until While When Where Which Although Because Following "
    "His Her Their Its In On At By For From With Of And But Also Other Some Many Most Several "
    "Both According Between Under Over".split()
)
_ABBREVIATION_END = re.compile(
    r"(?:(?<![A-Za-z])[A-Z]|\b(?:St|Mr|Mrs|Ms|Dr|Jr|Sr|Co|Inc|Ltd|No|vs|etc|c|ca|approx|Gen|Brig"
    r"|Col|Lt|Capt|Maj|Sgt|Adm|Gov|Sen|Rep|Rev|Prof|Hon|Fr|Mt|Ft|Bros|Corp|Gens)|\.\.)\.$"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“'(\[]?[A-Z0-9])")


# ---------------------------------------------------------------------------
# the corpus and an article's editable places


def default_roots() -> list[Path]:
    """eval/corpus in the repository when present, else the shared clean and wikitext articles and the seeds."""
    local = REPO / "eval" / "corpus"
    if local.is_dir():
        return [local]
    return [SHARED_EVAL / "clean", SHARED_EVAL / "wikitext", REPO / "seeds"]


def corpus_files(roots: Iterable[Path]) -> list[Path]:
    """The article files under ``roots`` (folders or files), in a stable order."""
    files: list[Path] = []
    for root in roots:
        if root.is_file():
            files.append(root)
        elif root.is_dir():
            files += sorted(
                p
                for p in root.rglob("*")
                if p.is_file() and p.suffix in SUFFIXES and p.name not in NOT_ARTICLES
            )
    return files


@dataclass
class Article:
    """An article's text with the places an edit may touch (from klint's own reader)."""

    path: str
    text: str
    fmt: str
    view: str  # markup masked to spaces, same offsets as text
    paragraphs: list[tuple[int, int]]
    infobox: list[tuple[int, int, str]]  # (start, end, label)
    table_rows: list[list[tuple[int, int]]] = field(default_factory=list)  # cells, row by row

    @classmethod
    def parse(cls, text: str, path: str, fmt: str | None = None) -> Article:
        from klint.sources import read_text

        doc = read_text(text, path, fmt)
        regions = doc.regions
        paragraphs = [
            (r.start, r.end)
            for r in regions
            if r.kind == "paragraph"
            and r.end - r.start >= 80
            and not _FOOTNOTE.match(text, r.start)
            and not _CATEGORIES.match(text, r.start)
            and not (
                r.section
                and _BACK_MATTER.search(text[regions[r.section].start : regions[r.section].end])
            )
        ]
        infobox = [
            (r.start, r.end, r.label or "") for r in doc.regions if r.kind == "infobox_field"
        ]
        rows: list[list[tuple[int, int]]] = []
        for r in regions:
            if r.kind == "table_row":
                rows.append([])
            elif r.kind == "table_cell" and rows:
                rows[-1].append((r.start, r.end))
        return cls(
            path, text, doc.format, doc.view, paragraphs, infobox + _front_matter(text), rows
        )

    def clean(self, start: int, end: int) -> bool:
        """True if ``text[start:end]`` is plain prose (no markup, no line break)."""
        chunk = self.text[start:end]
        return self.view[start:end] == chunk and "\n" not in chunk and "\r" not in chunk

    def sentences(self) -> Iterable[tuple[int, int]]:
        for ps, pe in self.paragraphs:
            start = ps
            for m in _SENTENCE_END.finditer(self.view, ps, pe):
                yield start, m.end()
                start = m.end() + 1
            yield start, pe

    def matches(self, pattern: re.Pattern[str], start: int = 0, end: int | None = None):
        """Matches in paragraph prose between start and end whose text is free of markup."""
        end = len(self.text) if end is None else end
        for ps, pe in self.paragraphs:
            ps, pe = max(ps, start), min(pe, end)
            if ps < pe:
                for m in pattern.finditer(self.view, ps, pe):
                    if self.clean(m.start(), m.end()):
                        yield m

    def insertion_points(self, skip_lead: bool = False) -> list[int]:
        """Offsets just after a sentence's full stop where a new sentence can go.

        Not after an abbreviation, not inside quotation marks or parentheses, not
        in markup; the next sentence (if any) starts with a space and a capital.
        """
        out = []
        for k, (ps, pe) in enumerate(self.paragraphs):
            if skip_lead and k == 0:
                continue
            for i in range(ps + 1, pe + 1):
                ch = self.text[i - 1]
                if ch not in ".!?" or self.view[i - 1] != ch:
                    continue
                if _ABBREVIATION_END.search(self.view[max(ps, i - 6) : i]) or not re.match(
                    r"[a-z0-9)\]”\"'’]", self.view[i - 2]
                ):
                    continue
                before = self.view[ps:i]
                if (
                    before.count('"') % 2
                    or before.count("“") != before.count("”")
                    or before.count("(") != before.count(")")
                ):
                    continue
                rest = self.text[i:pe]
                if not rest.strip() or (self.clean(i, i + 2) and re.match(r" [\"“(A-Z]", rest[:2])):
                    out.append(i)
        return out

    def dated_years(self, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
        """(start, end, year) of years that date a sentence ("in 1920", "3 May 1920")."""
        out = []
        for m in self.matches(_YEAR, start, end):
            if _YEAR_CUE.search(self.view[max(0, m.start() - 30) : m.start()]):
                out.append((m.start(), m.end(), int(m.group())))
        return out

    def names(self) -> Counter[str]:
        """Proper names written mid-sentence (one to three capitalised words), with counts."""
        counts: Counter[str] = Counter()
        for m in self.matches(_PROPER):
            name = m.group(1)
            if name.split()[0] not in _STOP_NAMES and not any(w in MONTHS for w in name.split()):
                counts[name] += 1
        return counts

    def places(self) -> list[str]:
        """Names written after "in", "at", "near" or "from", most frequent first."""
        counts: Counter[str] = Counter()
        for m in self.matches(_PLACE):
            name = m.group(1)
            words = name.split()
            if (
                words[0] not in _STOP_NAMES
                and not any(w in MONTHS or w.lower() in WORD_VALUE for w in words)
                and not re.search(r"(?:ese|ish|ans|ian)$", name)
            ):
                counts[name] += 1
        surnames = {n.split()[-1] for n in self.names() if " " in n}
        return [n for n, _ in counts.most_common(40) if n not in surnames][:30]

    def people(self) -> list[str]:
        """Names of two or three words whose last word also stands alone (a surname)."""
        names = self.names()
        places = {w for p in self.places() for w in p.split()}
        out: list[str] = []
        for n, _ in names.most_common():
            words = n.split()
            if (
                len(words) > 1
                and names[words[-1]] > 0
                and not any(w in _NOT_PERSON or w in places or _DEMONYM.search(w) for w in words)
                and not any(n in o or o in n for o in out)
            ):
                out.append(n)
        return out[:30]

    def counted_nouns(self) -> list[tuple[int, str]]:
        """(value, noun) of the article's own counts ("4,000 men")."""
        out = []
        for m in self.matches(_COUNTED):
            digits, noun = m.group(1), m.group(2)
            value = int(digits.replace(",", ""))
            if (
                noun in _UNIT_NOUNS
                or ("," not in digits and 1000 <= value <= 2099)
                or _NAMED_OR_RATE.search(self.view[max(0, m.start() - 12) : m.start()])
            ):
                continue
            out.append((value, noun))
        return out


# a footnote or reference line written as a paragraph ("^ Smith (2001). Retrieved 3 May
# 2014."): its dates are a citation's, not the article's chronology
_FOOTNOTE = re.compile(r"\s*(?:\^|\[\d{1,3}\]\s)")
# a page's category links flattened into a line ("Category:1993 births Category:Living
# people"): markup, no prose to plant in or misspell
_CATEGORIES = re.compile(r"\s*Categor(?:y|ies):")
# sections of references and links, whose "paragraphs" are not article prose
_BACK_MATTER = re.compile(
    r"reference|notes|sources|bibliography|external links|further reading|see also|citation|"
    r"footnote|literature|works cited",
    re.I,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*$", re.S | re.M)
_FRONT_KEY = re.compile(r"^[ \t]*([A-Za-z_][\w -]*):[ \t]*(\S.*)$", re.M)


def _front_matter(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of the values of a Markdown front matter (nested maps too)."""
    block = _FRONT_MATTER.match(text)
    if not block:
        return []
    return [(m.start(2), m.end(2), m.group(1)) for m in _FRONT_KEY.finditer(text, *block.span(1))]


_DEMONYM = re.compile(r"(?:ese|ish|ian|ean|ern|ic)$")
_PROPER = re.compile(r"(?<=[a-z,;:])\s+([A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){0,2})\b")
_PLACE = re.compile(r"\b(?:in|at|near|from) ([A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?)\b(?! [A-Z(\d])")
# last words that make a name an organisation, a work, a place or an event rather than a person
_NOT_PERSON = frozenset(
    "Party War Cross Memorial Church Street Road River University College Award Awards Council "
    "Army Union Republic Stadium Park Chart Records Producer Times Reich Corporation Company "
    "Museum Association Commission Committee Society Institute Court Department Ministry Office "
    "League Series Bridge Station Hall House Square Island Islands Mountains Lake Bay Ocean Sea "
    "County State States City Kingdom Empire Province District Region Agreement Treaty Act "
    "Battle Revolution Campaign Operation Division Regiment Corps Brigade Battalion Force Forces "
    "Navy Guard Police Constabulary Front Movement Group Club Team Cup Championship Games Prize "
    "Medal Order Festival Theatre Gallery Library School Academy Hospital Center Centre Airport "
    "Highway Route Avenue Tower Building Castle Palace Cathedral Temple Abbey Communications "
    "Report Assembly Parliament Congress Senate Government Administration Programs Affairs".split()
)
_COUNTED = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d{3,})\s([a-z]{3,}s)\b")


# ---------------------------------------------------------------------------
# edits and injections


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` of the original by ``new`` (never a line break)."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class Candidate:
    """One way to plant one error: the edits, and other original offsets the error lives at."""

    phrasing: str
    edits: tuple[Edit, ...]
    also: tuple[int, ...] = ()


@dataclass
class Injection:
    kind: str
    phrasing: str
    path: str
    original: str
    text: str
    edits: tuple[Edit, ...]
    lines: set[int]  # 1-based lines of the edited text where the error is
    caught_by: list[str] = field(default_factory=list)

    @property
    def caught(self) -> bool:
        return bool(self.caught_by)

    def describe(self) -> str:
        parts = []
        for e in self.edits:
            before = self.original[e.start : e.end]
            ctx_l = self.original[max(0, e.start - 30) : e.start].split("\n")[-1]
            ctx_r = self.original[e.end : e.end + 30].split("\n")[0]
            parts.append(f"…{ctx_l}[{before} → {e.new}]{ctx_r}…")
        return " | ".join(parts)


def apply(text: str, cand: Candidate) -> tuple[str, set[int]]:
    """The edited text and the 1-based lines (of the edited text) the error sits on."""
    edits = sorted(cand.edits, key=lambda e: e.start)
    pieces, pos, shift = [], 0, 0
    new_spans: list[tuple[int, int]] = []
    for e in edits:
        if e.start < pos or "\n" in e.new or "\r" in e.new or "\n" in text[e.start : e.end]:
            raise ValueError(f"edits overlap or cross a line: {e}")
        pieces += [text[pos : e.start], e.new]
        new_spans.append((e.start + shift, e.start + shift + len(e.new)))
        shift += len(e.new) - (e.end - e.start)
        pos = e.end
    pieces.append(text[pos:])
    new = "".join(pieces)

    def moved(offset: int) -> int:
        return offset + sum(len(e.new) - (e.end - e.start) for e in edits if e.end <= offset)

    lines = set()
    for s, t in new_spans:
        lines |= set(range(_line(new, s), _line(new, max(s, t - 1)) + 1))
    lines |= {_line(new, moved(o)) for o in cand.also}
    return new, lines


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# ---------------------------------------------------------------------------
# small helpers for the injectors


def _fmt(value: int) -> str:
    return f"{value:,}" if value >= 1000 else str(value)


def _swap(s: str, i: int) -> str:
    return s[:i] + s[i + 1] + s[i] + s[i + 2 :]


def _rounds_to(digits: str, new: str) -> bool:
    """Whether ``new`` rounds to the round figure ``digits`` at the precision it is written to
    ("8,000" and "8,020"; not "8,000" and "8,700"): the two can both be right."""
    if "." in digits:  # "0.40" is written to its last digit
        return False
    a, b = int(digits.replace(",", "")), int(new.replace(",", ""))
    zeros = len(str(a)) - len(str(a).rstrip("0"))
    step = 10**zeros
    return zeros > 0 and abs(b - a) * 2 < step


def _figure_variants(digits: str, rng: random.Random) -> list[tuple[str, str]]:
    """(phrasing, new digits) for a figure written with or without separators."""
    pos = [i for i, c in enumerate(digits) if c.isdigit()]
    out = []
    if len(pos) >= 2:
        i = rng.choice(pos[1:])
        d = rng.choice([c for c in "0123456789" if c != digits[i]])
        new = digits[:i] + d + digits[i + 1 :]
        if not _rounds_to(digits, new):  # "8,020 students" is what "8,000 students" rounds
            out.append(("digit-changed", new))
        pairs = [
            (a, b) for a, b in itertools.pairwise(pos) if digits[a] != digits[b] and b == a + 1
        ]
        pairs = [(a, b) for a, b in pairs if not (a == pos[0] and digits[b] == "0")]
        if pairs:
            a, _ = rng.choice(pairs)
            out.append(("transposed", _swap(digits, a)))
    first = digits[pos[0]]
    if first != "9":
        out.append(("leading-digit", digits[: pos[0]] + str(int(first) + 1) + digits[pos[0] + 1 :]))
    return out


def _count_word(n: int, capital: bool = False) -> str:
    word = NUMBER_WORDS[n - 2]
    return word.capitalize() if capital else word


def _join(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1]


def _pick(pool: list[str], k: int, rng: random.Random) -> list[str]:
    """k distinct names of ``pool`` (empty when it has fewer)."""
    return rng.sample(pool, k) if len(pool) >= k else []


def _insert(art: Article, sentence: str, rng: random.Random, phrasing: str, skip_lead=False):
    points = art.insertion_points(skip_lead)
    if not points:
        return None
    at = rng.choice(points)
    return Candidate(phrasing, (Edit(at, at, " " + sentence),))


# ---------------------------------------------------------------------------
# the kinds of error; each returns the candidates one article offers


def year_typo(art: Article, rng: random.Random) -> list[Candidate]:
    """(a) one year of a paragraph's dated sequence mistyped so that the order breaks."""
    out = []
    for ps, pe in art.paragraphs:
        years = art.dated_years(ps, pe)
        values = [y for _, _, y in years]
        if len(years) < 3 or values != sorted(values):
            continue
        for i, (s, e, y) in enumerate(years):
            prev = values[i - 1] if i else None
            nxt = values[i + 1] if i + 1 < len(values) else None
            t = str(y)
            typos = []
            if t[2] != t[3]:
                typos.append(("last-digits-swapped", _swap(t, 2)))
            if t[1] != t[2]:
                typos.append(("inner-digits-swapped", _swap(t, 1)))
            for k in (-2, -1, 1, 2):
                if 0 <= int(t[2]) + k <= 9:
                    typos.append(("decade-slip", t[:2] + str(int(t[2]) + k) + t[3]))
            for phrasing, new in typos:
                v = int(new)
                breaks = (prev is not None and v < prev) or (nxt is not None and v > nxt)
                if breaks and 1000 <= v <= 2030:
                    out.append(Candidate(phrasing, (Edit(s, e, new),)))
    return out


#: figures stated twice that are two facts, or no count: changing one plants no error
NOT_TWINS = REPO / "bench" / "inject_not_twins.yaml"


def _not_twins() -> set[tuple[str, str, str]]:
    """(article, figure, word) of the figures the twin-figure kind leaves alone."""
    import yaml

    if not NOT_TWINS.is_file():
        return set()
    entries = yaml.safe_load(NOT_TWINS.read_text(encoding="utf-8")) or []
    return {(e["article"], str(e["figure"]), e["word"]) for e in entries}


def twin_figure(art: Article, rng: random.Random) -> list[Candidate]:
    """(b) a figure stated twice (same number, same word after it) changed in one place, unless
    the two state two facts (``bench/inject_not_twins.yaml``)."""
    skip = {(f, w) for a, f, w in _NOT_TWINS if art.path.endswith("/" + a) or art.path == a}
    groups: dict[tuple[str, str], list[re.Match[str]]] = {}
    for m in art.matches(_FIGURE):
        digits = m.group(1)
        value = int(digits.replace(",", ""))
        if _TABLE_LINE.match(art.text, art.text.rfind("\n", 0, m.start()) + 1):
            continue  # a row of a table written as text: each row tells its own fact
        if (
            value < 50
            or value in (100, 1000)
            or ("," not in digits and 1000 <= value <= 2099)
            or _NAMED_OR_RATE.search(art.view[max(0, m.start() - 12) : m.start()])
        ):
            continue
        nxt = _NEXT_WORD.match(art.view, m.end())
        if not nxt or nxt.group(1) in _FUNCTION_WORDS or nxt.group(1) in _TIME_UNITS:
            continue
        if (digits, nxt.group(1)) in skip:
            continue
        groups.setdefault((digits, nxt.group(1)), []).append(m)
    out = []
    for (_, noun), ms in groups.items():
        if len(ms) < 2:
            continue
        for m in ms:
            twin = next(o for o in ms if o is not m)
            for phrasing, new in _figure_variants(m.group(1), rng):
                if _still_true(art, m, new, twin):
                    continue
                out.append(
                    Candidate(
                        f"{'percent' if noun == '%' else 'count'}/{phrasing}",
                        (Edit(m.start(1), m.end(1), new),),
                        (twin.start(1),),
                    )
                )
    return out


#: a bound before a figure: "over 55 million", "fewer than 300"
_AT_LEAST = re.compile(r"\b(?:over|more than|at least|in excess of|upwards of)\s+$", re.I)
_AT_MOST = re.compile(r"\b(?:under|less than|fewer than|up to|at most|nearly|almost)\s+$", re.I)


def _bound(art: Article, m: re.Match[str]) -> str | None:
    before = art.view[max(0, m.start(1) - 20) : m.start(1)]
    return "min" if _AT_LEAST.search(before) else "max" if _AT_MOST.search(before) else None


def _still_true(art: Article, m: re.Match[str], new: str, twin: re.Match[str]) -> bool:
    """Whether a figure changed to ``new`` still agrees with its twin through a bound only
    one of them carries: "over 50 million copies" against "55 million copies", "59 million"
    against "over 55 million". Such a change plants no error (two bounds alike are read as
    one figure, and stay)."""
    mine, theirs = _bound(art, m), _bound(art, twin)
    if mine == theirs:
        return False
    v, t = int(new.replace(",", "")), int(twin.group(1).replace(",", ""))
    return (
        (mine == "min" and t > v)
        or (mine == "max" and t < v)
        or (theirs == "min" and v > t)
        or (theirs == "max" and v < t)
    )


_NOT_TWINS = _not_twins()
#: a line of a pipe or grid table that a reader may read as a paragraph ("| Lost by 65 points |")
_TABLE_LINE = re.compile(r"[ \t]*[|+]")

_ITEM = r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|van|von|der|al|bin|la|le|du))*"
_COUNT_LIST = re.compile(
    rf"\b({'|'.join(NUMBER_WORDS)}|{'|'.join(w.capitalize() for w in NUMBER_WORDS)})"
    rf"((?: [a-z]+){{1,3}})\s?[:,]\s({_ITEM}(?:, {_ITEM})*,? and {_ITEM})"
)
_COUNT_LIST_TEMPLATES = (
    ("the-n-nouns-appositive", "The {cw} people named in the report, {items}, all gave evidence."),
    ("n-nouns-colon", "{Cw} witnesses were called: {items}."),
    ("list-dash-the-n", "{items} – the {cw} original partners – signed the agreement."),
    ("had-n-members-namely", "The committee had {cw} members, namely {items}."),
    ("both", "Both {items} attended the meeting."),
    ("the-n-nouns-comma", "The {cw} generals, {items}, led the attack."),
    ("had-n-nouns-colon", "The family had {cw} daughters: {items}."),
    ("were-the-n", "{items} were the {cw} founders of the society."),
    ("colon-no-and", "The valley contains {cw} small towns: {commas}."),
)


def count_list(art: Article, rng: random.Random) -> list[Candidate]:
    """(c) a count word that no longer matches its list."""
    out = []
    for m in art.matches(_COUNT_LIST):
        items = re.split(r",? and |, ", m.group(3))
        word = m.group(1)
        if WORD_VALUE[word.lower()] != len(items):
            continue
        n = len(items)
        for new_n in (n - 1, n + 1):
            if 2 <= new_n <= 12:
                new = _count_word(new_n, word[0].isupper())
                out.append(Candidate("existing/count-changed", (Edit(m.start(1), m.end(1), new),)))
    for phrasing, template in _COUNT_LIST_TEMPLATES:
        n = 3 if phrasing == "both" else rng.choice((3, 4))
        names = _pick(art.people(), n, rng)
        if not names:
            continue
        said = 2 if phrasing == "both" else n + rng.choice((-1, 1))
        sentence = template.format(
            cw=_count_word(said),
            Cw=_count_word(said, True),
            items=_join(names),
            commas=", ".join(names),
        )
        cand = _insert(art, sentence, rng, f"inserted/{phrasing}")
        if cand:
            out.append(cand)
    return out


_TOTAL_TEMPLATES = (
    (
        "in-all-colon",
        "There were {T} {noun} in all: {a} from {X}, {b} from {Y} and {c} from {Z}.",
        3,
    ),
    ("of-the-T", "Of the {T} {noun}, {a} came from {X}, {b} from {Y} and {c} from {Z}.", 3),
    ("comprised", "The {T} {noun} comprised {a} from {X}, {b} from {Y} and {c} from {Z}.", 3),
    ("made-up-of", "A total of {T} {noun} took part, made up of {a} from {X} and {b} from {Y}.", 2),
    ("split-between", "The {T} {noun} were split between {X} ({a}) and {Y} ({b}).", 2),
    ("including", "Some {T} {noun} were counted, including {a} from {X} and {b} from {Y}.", 2),
    (
        "in-total-colon",
        "The force numbered {T} {noun} in total: {a} from {X}, {b} from {Y} and {c} from {Z}.",
        3,
    ),
    ("of-whom", "There were {T} {noun}, of whom {a} came from {X} and {b} from {Y}.", 2),
    (
        "comprising",
        "A body of {T} {noun} was formed, comprising {a} from {X}, {b} from {Y} and {c} from {Z}.",
        3,
    ),
    ("consisting-of", "The {T} {noun} consisted of {a} from {X} and {b} from {Y}.", 2),
    ("total-after", "In the end {a} {noun} came from {X} and {b} from {Y}, a total of {T}.", 2),
    (
        "groups-across-sentences",
        "The {T} {noun} came in three groups. The group from {X} had {a} {noun}, the group "
        "from {Y} {b} and the group from {Z} {c}.",
        3,
    ),
    (
        "items-semicolons",
        "In all {T} {noun} were recorded in three places. {X}: {a} {noun}; {Y}: {b} {noun}; "
        "{Z}: {c} {noun}.",
        3,
    ),
)
# phrasings that give only some of the whole: a sum below it is no error
_SUBSET_PHRASINGS = frozenset({"including", "of-whom", "of-the-T"})


def _parts(total: int, k: int, over: bool, rng: random.Random) -> list[int]:
    """k round parts of ``total`` whose sum misses it by 6-20 % (above it when ``over``)."""
    unit = 100 if total >= 2000 else 10 if total >= 200 else 1
    delta = max(unit, round(total * rng.uniform(0.06, 0.2) / unit) * unit)
    target = total + delta if over else total - delta
    cuts = sorted(rng.sample(range(1, target // unit), k - 1))
    bounds = [0, *cuts, target // unit]
    parts = [(b - a) * unit for a, b in itertools.pairwise(bounds)]
    parts[-1] += target - sum(parts)
    return parts


def total_parts(art: Article, rng: random.Random) -> list[Candidate]:
    """(d) a total whose parts no longer add up."""
    out = []
    for s, e in art.sentences():
        figures = [
            m
            for m in art.matches(_FIGURE, s, e)
            if not (1000 <= int(m.group(1).replace(",", "")) <= 2099 and "," not in m.group(1))
        ]
        values = [int(m.group(1).replace(",", "")) for m in figures]
        for i, total in enumerate(values):
            for j in range(i + 3, len(values) + 1):
                if total >= 10 and sum(values[i + 1 : j]) == total:
                    part = figures[rng.randrange(i + 1, j)]
                    for where, m in (
                        ("existing/part-changed", part),
                        ("existing/total-changed", figures[i]),
                    ):
                        variants = _figure_variants(m.group(1), rng)
                        if not variants:  # "90": only changes it rounds to, no leading 9 raised
                            continue
                        lead = [v for p, v in variants if p == "leading-digit"] or [variants[0][1]]
                        out.append(Candidate(where, (Edit(m.start(1), m.end(1), lead[0]),)))
    out.extend(_table_totals(art, rng))
    counted = [(v, n) for v, n in art.counted_nouns() if v >= 100] or [
        (rng.choice((800, 2400, 12000)), "people")
    ]
    for phrasing, template, k in _TOTAL_TEMPLATES:
        names = _pick(art.places(), k, rng)
        if not names:
            continue
        total, noun = rng.choice(counted)
        over = phrasing in _SUBSET_PHRASINGS or rng.random() < 0.5
        parts = [_fmt(p) for p in _parts(total, k, over, rng)]
        fields = dict(zip("abc", parts)) | dict(zip("XYZ", names))
        sentence = template.format(T=_fmt(total), noun=noun, **fields)
        cand = _insert(art, sentence, rng, f"inserted/{phrasing}")
        if cand:
            out.append(cand)
    return out


_CELL_NUMBER = re.compile(r"\s*(\d{1,3}(?:,\d{3})+|\d+)\s*")


def _table_totals(art: Article, rng: random.Random) -> list[Candidate]:
    """A table's total row whose cell is the sum of the column above it, changed."""
    out = []
    block: list[list[tuple[int, int]]] = []
    for row in [*art.table_rows, []]:
        label = art.view[row[0][0] : row[0][1]].lower() if row else ""
        if not re.fullmatch(r"[\W_]*(?:grand\s+)?(?:totals?|sum)[\W_]*", label):
            block = [] if not row else [*block, row]
            continue
        for col in range(1, len(row)):
            s, e = row[col]
            m = _CELL_NUMBER.fullmatch(art.text, s, e)
            column = [
                _CELL_NUMBER.fullmatch(art.text, *r[col]) for r in block if len(r) == len(row)
            ]
            if m is None or len(column) < 2 or not all(column):
                continue
            total = int(m.group(1).replace(",", ""))
            if total >= 10 and sum(int(c.group(1).replace(",", "")) for c in column) == total:
                variants = _figure_variants(m.group(1), rng)
                if variants:
                    new = variants[0][1]
                    out.append(
                        Candidate("existing/table-total-row", (Edit(m.start(1), m.end(1), new),))
                    )
        block = []
    return out


_PERCENT = re.compile(r"(?<![\w.,])(\d{1,2}(?:\.\d)?)(\s?%| percent| per cent)")
_SHARE_TEMPLATES = (
    ("accounted-for", "{X} accounted for {p}{pc} of the total and {Y} for {q}{pc}.", 2),
    ("came-from", "{p}{pc} of the {noun} came from {X} and {q}{pc} from {Y}.", 2),
    (
        "of-the-whole",
        "Of the {noun}, {p}{pc} were from {X}, {q}{pc} from {Y} and {r}{pc} from {Z}.",
        3,
    ),
    ("took-the-vote", "{X} took {p}{pc} of the vote, {Y} {q}{pc} and {Z} {r}{pc}.", 3),
    ("made-up-sales", "Sales in {X} made up {p}{pc} of the revenue and sales in {Y} {q}{pc}.", 2),
    ("gapped-whole", "Sales in {X} made up {p}{pc} of the total and the home market {q}{pc}.", 2),
    ("share-of-market", "{X} held a {p}{pc} share of the market and {Y} a {q}{pc} share.", 2),
    ("won-with", "{X} won with {p}{pc} of the vote, ahead of {Y} with {q}{pc}.", 2),
    ("split-for", "The vote split {p}{pc} for {X} and {q}{pc} for {Y}.", 2),
)


def shares(art: Article, rng: random.Random) -> list[Candidate]:
    """(e) shares of one whole that add up past 100 %."""
    out = []
    for s, e in art.sentences():
        ms = list(art.matches(_PERCENT, s, e))
        values = [float(m.group(1)) for m in ms]
        if len(ms) >= 2 and 99 <= sum(values) <= 100.5:
            m = rng.choice(ms)
            new = int(float(m.group(1))) + rng.randint(12, 30)
            if new < 100:
                out.append(
                    Candidate("existing/share-raised", (Edit(m.start(1), m.end(1), str(new)),))
                )
    nouns = [n for _, n in art.counted_nouns()] or ["people"]
    for phrasing, template, k in _SHARE_TEMPLATES:
        pool = art.people() if phrasing in ("took-the-vote", "won-with") else art.places()
        names = _pick(pool, k, rng)
        if not names:
            continue
        whole = rng.randint(105, 130)
        values = [90]
        while max(values) > 85 or min(values) < 5:
            cuts = sorted(rng.sample(range(5, whole - 4), k - 1))
            values = [b - a for a, b in zip([0, *cuts], [*cuts, whole])]
        sentence = template.format(
            pc=rng.choice(("%", " %", " percent", " per cent")),
            noun=rng.choice(nouns),
            **dict(zip("pqr", map(str, values))),
            **dict(zip("XYZ", names)),
        )
        cand = _insert(art, sentence, rng, f"inserted/{phrasing}")
        if cand:
            out.append(cand)
    return out


_NAME_WORD = re.compile(r"\b[A-Z][a-z]{4,}\b")


def _misspellings(word: str, rng: random.Random) -> list[tuple[str, str]]:
    inner = range(1, len(word) - 2)
    out = []
    swaps = [i for i in inner if word[i] != word[i + 1]]
    if swaps:
        out.append(("letters-swapped", _swap(word, rng.choice(swaps))))
    i = rng.choice(range(1, len(word) - 1))
    out.append(("letter-dropped", word[:i] + word[i + 1 :]))
    consonants = [
        i for i in range(1, len(word) - 1) if word[i] not in "aeiouy" and word[i] != word[i - 1]
    ]
    if consonants:
        i = rng.choice(consonants)
        out.append(("letter-doubled", word[: i + 1] + word[i:]))
    vowels = [i for i in range(1, len(word)) if word[i] in "aeiou"]
    if vowels:
        i = rng.choice(vowels)
        out.append(
            (
                "vowel-changed",
                word[:i] + rng.choice([v for v in "aeiou" if v != word[i]]) + word[i + 1 :],
            )
        )
    return out


def name_typo(art: Article, rng: random.Random) -> list[Candidate]:
    """(f) one occurrence of a name that occurs several times misspelt."""
    spots: dict[str, list[tuple[int, int, bool]]] = {}
    for m in art.matches(_NAME_WORD):
        before = art.view[max(0, m.start() - 3) : m.start()]
        at_start = m.start() in {ps for ps, _ in art.paragraphs} or bool(
            re.search(r"[.!?]\s+$", before)
        )
        spots.setdefault(m.group(), []).append((m.start(), m.end(), at_start))
    words = set(re.findall(r"[A-Za-z]+", art.view))
    lower = {w for w in words if w.islower()}
    out = []
    for word, where in spots.items():
        if (
            len(where) < 3
            or word in _STOP_NAMES
            or word.lower() in lower
            or sum(not start for _, _, start in where) < 2
        ):
            continue
        for s, e, at_start in where:
            for phrasing, new in _misspellings(word, rng):
                if new not in words:
                    place = "sentence-start" if at_start else "mid-sentence"
                    out.append(Candidate(f"{place}/{phrasing}", (Edit(s, e, new),)))
    return out


_YEAR_RANGE = re.compile(
    r"(?<![\w.,–-])(1\d{3}|20[0-4]\d)(\s?[–—-]\s?)(1\d{3}|20[0-4]\d)(?![\w–-])"
)
_NUMBER_RANGE = re.compile(
    r"(?<![\w.,–-])(\d{1,3}(?:,\d{3})*)(\s?[–—-]\s?)(\d{1,3}(?:,\d{3})*)\s([a-z%]+)"
)
_FROM_TO_YEARS = re.compile(
    r"\b(?:from|From) (1\d{3}|20[0-4]\d)( (?:to|until|till) )(1\d{3}|20[0-4]\d)\b"
)
_BETWEEN = re.compile(
    r"\b(?:between|Between) (1\d{3}|20[0-4]\d|\d{1,3}(?:,\d{3})*)( and )(1\d{3}|20[0-4]\d|\d{1,3}(?:,\d{3})*)"
    r"(?![\w.,]\d)"
)
_RANGING = re.compile(
    r"\b(?:rang\w*|vary\w*|varie\w*) from (\d{1,3}(?:,\d{3})*)( to )(\d{1,3}(?:,\d{3})*)(?![\w.,]\d)"
)
_SCORE_WORDS = frozenset(
    "victory win loss defeat lead margin record in at against over with and to the on".split()
)


def reversed_range(art: Article, rng: random.Random) -> list[Candidate]:
    """(g) a range written end first ("1994–1988", "ranging from 30 to 12")."""
    out = []
    for phrasing, pattern in (
        ("year-dash", _YEAR_RANGE),
        ("number-dash", _NUMBER_RANGE),
        ("from-to-years", _FROM_TO_YEARS),
        ("between-and", _BETWEEN),
        ("ranging-from-to", _RANGING),
    ):
        for m in art.matches(pattern):
            low, high = m.group(1), m.group(3)
            a, b = int(low.replace(",", "")), int(high.replace(",", ""))
            if not a < b:
                continue
            if phrasing == "number-dash" and (
                m.group(4) in _SCORE_WORDS or (1000 <= a <= 2099 and "," not in low)
            ):
                continue
            edit = Edit(m.start(1), m.end(3), high + m.group(2) + low)
            out.append(Candidate(phrasing, (edit,)))
    return out


_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w’'-]*\s+(?:(?:of|the|and|for|on|in|de|du|des|la|le|&)\s+)*){1,8}[A-Z][\w’'-]*)"
    r" \(([A-Z][A-Z&]{1,6}s?)\)"
)


def _initials_fit(long: str, acronym: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", long))
    letters = acronym.replace("&", "").rstrip("s")
    return initials.endswith(letters) or initials.upper().endswith(letters)


@functools.lru_cache(maxsize=1)
def _common_acronyms() -> frozenset[str]:
    """Acronyms the project's own pack lets an article use unexpanded (UN, EU, IMF…): deleting
    their definition leaves nothing an editor would fix."""
    from klint.packs import load_packs

    return frozenset(load_packs().common_acronyms)


def _defined_before(art: Article, acronym: str, start: int) -> bool:
    """Whether the text defines ``acronym`` before ``start`` too ("… (IBM)", "IBM (…"):
    deleting a second definition leaves the reader told already."""
    a = re.escape(acronym)
    return bool(re.search(rf"\({a}[),;]|\b{a} \([A-Z]", art.view[:start]))


def _met_undefined(art: Article, acronym: str, start: int) -> bool:
    """Whether a reader meets ``acronym`` after ``start`` in the article's prose without being
    told again there: its first later use in a paragraph (not a footnote, a reference list or
    a "See also" list) is no definition of its own ("… Association of America (RIAA)",
    "World Conservation Union (IUCN)", "IUCN (International …")."""
    use = re.compile(rf"\b{re.escape(acronym)}\b")
    for ps, pe in art.paragraphs:
        m = use.search(art.view, max(ps, start), pe) if pe > start else None
        if m:
            return not (
                re.search(r"\(\s*$", art.view[max(0, m.start() - 4) : m.start()])
                and re.match(r"\s*[),;]", art.view[m.end() :])
            ) and not re.match(r" \(\s*[A-Z]", art.view[m.end() :])
    return False


def acronym_definition(art: Article, rng: random.Random) -> list[Candidate]:
    """(h) the definition of an acronym that is used later deleted (the only definition the
    reader has met so far, of an acronym that needs one, met again in prose before it is
    defined again)."""
    out = []
    common = _common_acronyms()
    for m in art.matches(_ACRONYM_DEF):
        acronym = m.group(2)
        if (
            not _initials_fit(m.group(1), acronym)
            or acronym.rstrip("s") in common
            or acronym in common
            or _defined_before(art, acronym, m.start())
        ):
            continue
        later = re.compile(rf"\b{re.escape(acronym)}\b").search(art.view, m.end())
        if not later or not _met_undefined(art, acronym, m.end()):
            continue
        words = m.group(1).split()
        k = len(acronym.replace("&", "").rstrip("s"))
        caps = [i for i, w in enumerate(words) if w[0].isupper()]
        long_start = m.start(1) + len(" ".join(words[: caps[-k]])) + (1 if caps[-k] else 0)
        out.append(
            Candidate("parenthesis-deleted", (Edit(m.end(1), m.end(), ""),), (later.start(),))
        )
        out.append(
            Candidate("long-form-replaced", (Edit(long_start, m.end(), acronym),), (later.start(),))
        )
    return out


@dataclass
class Life:
    """The article's subject as a person: name, birth and death years and where they stand."""

    surname: str
    birth: int
    birth_at: tuple[int, int]
    death: int | None = None
    death_at: tuple[int, int] | None = None


_LIFE_SPAN = re.compile(
    r"\([^()]{0,60}?\b(\d{3,4})\b[^()\d]{0,30}?(?:–|—|-| to )[^()]{0,40}?\b(\d{3,4})\b[^()\d]{0,12}\)"
)
_BORN = re.compile(r"\(\s*(?:born|b\.)[^()]{0,40}?\b(1[5-9]\d\d|20[0-2]\d)\b")
_LEAD_VERB = re.compile(r"\b(?:is|was|are|were)\b")
_LEAD_NAME = re.compile(r"^\W*((?:[A-Z][\w.’'-]+ ){0,4}[A-Z][\w’'-]+)\s*(?:\(|,)")


def _short_name(art: Article, words: list[str]) -> str:
    """The word of the subject's full name that the article uses most on its own: the surname
    ("Berg"), or the family name that comes first ("Du" of "Du Fu"); the last word on a tie."""
    words = [w.capitalize() if w.isupper() else w for w in words]  # a lead in capitals

    def uses(w: str) -> int:
        return len(re.findall(rf"\b{re.escape(w)}\b", art.view))

    return max(reversed(words), key=uses) if words else ""


def life(art: Article) -> Life | None:
    if not art.paragraphs:
        return None
    ps, pe = art.paragraphs[0]
    name = _LEAD_NAME.match(art.view[ps:pe])
    if not name:
        return None
    surname = _short_name(art, name.group(1).split())
    # the subject's own dates stand before the lead's verb ("X (1567–1647) was"); a bracket
    # after it dates someone else ("The company … Among its founders was Willem Usselincx
    # (1567–1647)": an organisation has no age)
    verb = _LEAD_VERB.search(art.view, ps, pe)
    pe = verb.start() if verb else pe
    m = _LIFE_SPAN.search(art.view, ps, pe)
    if m and art.clean(m.start(1), m.end(1)) and art.clean(m.start(2), m.end(2)):
        birth, death = int(m.group(1)), int(m.group(2))
        if 15 <= death - birth <= 110:
            return Life(surname, birth, m.span(1), death, m.span(2))
    m = _BORN.search(art.view, ps, pe)
    if m and art.clean(m.start(1), m.end(1)):
        return Life(surname, int(m.group(1)), m.span(1))
    return None


def _events(art: Article, who: Life) -> list[tuple[int, int, int]]:
    """Dated years after the lead in sentences whose subject is the article's subject: by
    surname or he/she, at the start or after an opening date ("In 1920, Berg moved"). A
    sentence that only names them ("Lowell wrote in 1958 of Thomas") dates someone else's act,
    which may well fall after the death."""
    lead_end = art.paragraphs[0][1]
    subject = re.compile(
        r"\s*(?:(?:In|On|By|From|During|After|Before|Early|Late|Later|Around)\b[^,.;:]{0,40}?,?\s+)?"
        rf"(?:(?:[Hh]e|[Ss]he)\b|(?:[A-Z][\w.’'-]*\s+){{0,3}}{re.escape(who.surname)}\b(?!['’]s))"
    )
    out = []
    for s, e in art.sentences():
        if s < lead_end:
            continue
        if subject.match(art.view, s, e):
            for ys, ye, y in art.dated_years(s, e):
                if who.birth < y and (who.death is None or y < who.death):
                    out.append((ys, ye, y))
    return out


_AFTER_DEATH_TEMPLATES = (
    ("in-year-returned", "In {y}, {S} returned to {P}."),
    ("published-in-year", "{S} published a further collection of work in {y}."),
    ("by-year-had-moved", "By {y} {S} had moved to {P}."),
    ("was-appointed-on", "On 3 May {y} {S} was appointed to the board of {P}."),
)


def date_order(art: Article, rng: random.Random) -> list[Candidate]:
    """(i) a date moved across another: an act after the death, a birth after a later event."""
    who = life(art)
    if who is None:
        return []
    events = _events(art, who)
    out = []
    if who.death is not None:
        death, death_at = who.death, who.death_at
        assert death_at is not None
        for s, e, _ in events:
            new = death + rng.randint(2, 8)
            out.append(Candidate("existing/event-after-death", (Edit(s, e, str(new)),)))
        if events:
            last = max(y for *_, y in events)
            new = last - rng.randint(1, 4)
            if new - who.birth >= 12 and new < death:
                out.append(Candidate("existing/death-before-event", (Edit(*death_at, str(new)),)))
        names = _pick(art.places(), 1, rng) or ["the capital"]
        for phrasing, template in _AFTER_DEATH_TEMPLATES:
            sentence = template.format(y=death + rng.randint(2, 8), S=who.surname, P=names[0])
            cand = _insert(art, sentence, rng, f"inserted/{phrasing}", skip_lead=True)
            if cand:
                out.append(cand)
    if events:
        first = min(y for *_, y in events)
        new = first + rng.randint(1, 4)
        if who.death is None or new < who.death:
            out.append(Candidate("existing/birth-after-event", (Edit(*who.birth_at, str(new)),)))
    return out


_DATE_FIELD = re.compile(
    r"born|birth|died|death|found|establish|open|releas|date|formed|built|complet|start|end|"
    r"began|incorporat|elected|term",
    re.I,
)


_INFOBOX_DATE = re.compile(
    rf"\b(?P<d1>\d{{1,2}}) (?P<m1>{_MONTH_ALT}) (?P<y1>\d{{4}})\b"
    rf"|\b(?P<m2>{_MONTH_ALT}) (?P<d2>\d{{1,2}}), (?P<y2>\d{{4}})\b"
    r"|\{\{(?:birth|death|start|end)[ _]date[^|}]*\|(?:[a-z]+=[a-z]+\|)*"
    r"(?P<y3>\d{4})\|(?P<m3>\d{1,2})\|(?P<d3>\d{1,2})\b",
    re.I,
)


def _day_month_year(m: re.Match[str]) -> tuple[int, str | None, int]:
    """(day, month name, year) of an _INFOBOX_DATE match."""
    if m.group("d3"):
        month = int(m.group("m3"))
        name = MONTHS[month - 1] if 1 <= month <= 12 else None
        return int(m.group("d3")), name, int(m.group("y3"))
    k = "1" if m.group("d1") else "2"
    return int(m.group("d" + k)), m.group("m" + k).capitalize(), int(m.group("y" + k))


#: what a reader of an infobox never sees as its value: a citation, a link's target (and in
#: HTML whatever stands inside a tag)
_UNSEEN = re.compile(r"<ref[^>]*?(?<!/)>.*?</ref\s*>|\[\[[^\[\]|]*\|", re.IGNORECASE)


def infobox_value(art: Article, rng: random.Random) -> list[Candidate]:
    """(j) an infobox or front-matter value changed where the body states it too (not in a
    citation's dates, a link's target or an HTML tag, which the reader does not see as the
    value)."""
    body_years = {y for *_, y in art.dated_years()}
    body_figures = {m.group(1).replace(",", "") for m in art.matches(_FIGURE)}
    body = " ".join(art.view[ps:pe] for ps, pe in art.paragraphs)
    out = []
    lines = set()
    for start, _, label in art.infobox:
        line_start = art.text.rfind("\n", 0, start) + 1
        if line_start in lines:
            continue
        lines.add(line_start)
        line_end = art.text.find("\n", start)
        line_end = len(art.text) if line_end < 0 else line_end
        unseen = [u.span() for u in _UNSEEN.finditer(art.text, line_start, line_end)]

        def seen(m: re.Match[str], unseen: list[tuple[int, int]] = unseen) -> bool:
            if art.fmt == "html" and art.view[m.start() : m.end()] != m.group():
                return False  # inside a tag: an address or an attribute, not shown
            return not any(a <= m.start() < b for a, b in unseen)

        for m in filter(seen, _INFOBOX_DATE.finditer(art.text, line_start, line_end)):
            day, month, year = _day_month_year(m)
            if month and re.search(rf"\b(?:{day} {month},? {year}|{month} {day}, {year})\b", body):
                span = next(k for k in ("d1", "d2", "d3") if m.group(k))
                new = str(day + rng.choice((-1, 1)) * rng.randint(1, 9))
                if 1 <= int(new) <= 28:
                    out.append(Candidate("day", (Edit(m.start(span), m.end(span), new),)))
        for m in filter(seen, _FIGURE.finditer(art.text, line_start, line_end)):
            digits = m.group(1)
            plain = digits.replace(",", "")
            value = int(plain)
            if "," not in digits and 1000 <= value <= 2099:
                if value in body_years and _DATE_FIELD.search(label):
                    new = str(value + rng.choice((-3, -2, -1, 1, 2, 3)))
                    out.append(Candidate("year", (Edit(m.start(1), m.end(1), new),)))
            elif (
                value >= 100
                and plain in body_figures
                and not _NAMED_OR_RATE.search(art.text[max(line_start, m.start() - 12) : m.start()])
            ):
                for phrasing, new in _figure_variants(digits, rng):
                    out.append(Candidate(f"figure/{phrasing}", (Edit(m.start(1), m.end(1), new),)))
    return out


_AGE = re.compile(r"\b(?:at the age of|aged|at age) (\d{1,3})\b|\b(\d{1,3})-year-old\b")
_AGE_TEMPLATES = (
    ("at-the-age-of", "In {y}, at the age of {A}, {S} moved to {P}."),
    ("was-n-when", "{S} was {A} when the family settled in {P} in {y}."),
    ("aged-n", "Aged {A}, {S} travelled to {P} in {y}."),
    ("n-year-old", "In {y} the {A}-year-old {S} visited {P}."),
)


def age(art: Article, rng: random.Random) -> list[Candidate]:
    """(k) an age that contradicts the birth year and the year of the event."""
    who = life(art)
    if who is None:
        return []
    out = []
    for s, e in art.sentences():
        years = art.dated_years(s, e)
        for m in art.matches(_AGE, s, e):
            said = int(m.group(1) or m.group(2))
            if any(abs(said - (y - who.birth)) <= 1 for *_, y in years):
                g = 1 if m.group(1) else 2
                new = said + rng.choice((-1, 1)) * rng.randint(4, 9)
                out.append(
                    Candidate("existing/age-changed", (Edit(m.start(g), m.end(g), str(new)),))
                )
    events = [y for *_, y in _events(art, who) if y - who.birth >= 12]
    names = _pick(art.places(), 1, rng) or ["the capital"]
    for phrasing, template in _AGE_TEMPLATES:
        if not events:
            break
        y = rng.choice(events)
        wrong = y - who.birth + rng.choice((-1, 1)) * rng.randint(3, 8)
        sentence = template.format(y=y, A=wrong, S=who.surname, P=names[0])
        cand = _insert(art, sentence, rng, f"inserted/{phrasing}", skip_lead=True)
        if cand:
            out.append(cand)
    if who.death is not None:
        wrong = who.death - who.birth + rng.choice((-1, 1)) * rng.randint(3, 8)
        sentence = f"{who.surname} died in {who.death} at the age of {wrong}."
        cand = _insert(art, sentence, rng, "inserted/died-at-the-age-of", skip_lead=True)
        if cand:
            out.append(cand)
    return out


_FACTORS = {
    ("mi", "km"): 1.609344,
    ("km", "mi"): 1 / 1.609344,
    ("ft", "m"): 0.3048,
    ("m", "ft"): 1 / 0.3048,
    ("acre", "ha"): 0.404686,
    ("ha", "acre"): 1 / 0.404686,
    ("sqmi", "km2"): 2.589988,
    ("km2", "sqmi"): 1 / 2.589988,
    ("lb", "kg"): 0.453592,
    ("kg", "lb"): 1 / 0.453592,
    ("in", "cm"): 2.54,
    ("cm", "in"): 1 / 2.54,
}
_UNIT_NAMES = {
    "mi": r"miles?|mi",
    "km": r"kilometres?|kilometers?|km",
    "ft": r"feet|foot|ft",
    "m": r"metres?|meters?|m",
    "acre": r"acres?",
    "ha": r"hectares?|ha",
    "sqmi": r"square miles?|sq mi",
    "km2": r"square kilometres?|square kilometers?|km2|km²",
    "lb": r"pounds?|lb",
    "kg": r"kilograms?|kg",
    "in": r"inches|inch|in",
    "cm": r"centimetres?|centimeters?|cm",
}
_QTY = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_CONVERSION = re.compile(
    rf"{_QTY}[\s-]?(?P<u1>{'|'.join(_UNIT_NAMES.values())})\s?\((?:about |approximately |c\. |~)?"
    rf"{_QTY}\s?(?P<u2>{'|'.join(_UNIT_NAMES.values())})\)"
)
_CONVERSION_TEMPLATES = (
    ("miles-km", "{X} lies about {N} miles ({M} km) from {Y}.", ("mi", "km"), (35, 60, 140, 250)),
    ("km-mi", "The road between {X} and {Y} is {N} km ({M} mi) long.", ("km", "mi"), (40, 85, 120)),
    ("acres-ha", "The grounds at {X} cover {N} acres ({M} ha).", ("acre", "ha"), (40, 120, 300)),
    ("feet-m", "The tower at {X} rises {N} feet ({M} m).", ("ft", "m"), (120, 240, 450)),
    (
        "sqmi-km2",
        "The district around {X} covers {N} square miles ({M} km2).",
        ("sqmi", "km2"),
        (35, 140, 400),
    ),
)


def _unit_key(word: str) -> str | None:
    for key, alt in _UNIT_NAMES.items():
        if re.fullmatch(alt, word):
            return key
    return None


def conversion(art: Article, rng: random.Random) -> list[Candidate]:
    """(l) a unit conversion made wrong ("100 miles (260 km)")."""
    out = []
    for m in art.matches(_CONVERSION):
        pair = (_unit_key(m.group("u1")), _unit_key(m.group("u2")))
        if pair not in _FACTORS:
            continue
        a, b = float(m.group(1).replace(",", "")), float(m.group(3).replace(",", ""))
        if a <= 0 or abs(a * _FACTORS[pair] - b) > 0.05 * b + 0.5:
            continue  # not a right conversion to begin with
        for phrasing, new in _figure_variants(m.group(3), rng):
            if "." in new or abs(float(new.replace(",", "")) - b) > 0.15 * b:
                out.append(Candidate(f"existing/{phrasing}", (Edit(m.start(3), m.end(3), new),)))
    for phrasing, template, pair, sizes in _CONVERSION_TEMPLATES:
        names = _pick(art.places(), 2, rng)
        if not names:
            continue
        n = rng.choice(sizes)
        wrong = round(n * _FACTORS[pair] * rng.choice((0.6, 0.7, 1.35, 1.6)))
        sentence = template.format(X=names[0], Y=names[1], N=n, M=_fmt(wrong))
        cand = _insert(art, sentence, rng, f"inserted/{phrasing}")
        if cand:
            out.append(cand)
    return out


#: the rule families a catch of each kind is expected from (others are counted, and shown apart)
FAMILIES: dict[str, tuple[str, ...]] = {
    "year-typo": ("KD",),
    "twin-figure": ("KN", "KS"),
    "count-list": ("KN", "KX301"),
    "total-parts": ("KN",),
    "shares": ("KN",),
    "name-typo": ("KX305",),
    "reversed-range": ("KD", "KN"),
    "acronym-definition": ("KX30", "KX310"),
    "date-order": ("KD",),
    "infobox-value": ("KD", "KN", "KX"),
    "age": ("KD", "KN"),
    "conversion": ("KN",),
}

KINDS: dict[str, Callable[[Article, random.Random], list[Candidate]]] = {
    "year-typo": year_typo,
    "twin-figure": twin_figure,
    "count-list": count_list,
    "total-parts": total_parts,
    "shares": shares,
    "name-typo": name_typo,
    "reversed-range": reversed_range,
    "acronym-definition": acronym_definition,
    "date-order": date_order,
    "infobox-value": infobox_value,
    "age": age,
    "conversion": conversion,
}


def choose(cands: list[Candidate], rng: random.Random) -> Candidate | None:
    """A phrasing first (so that every phrasing gets its share), then a place."""
    if not cands:
        return None
    phrasing = rng.choice(sorted({c.phrasing for c in cands}))
    return rng.choice([c for c in cands if c.phrasing == phrasing])


def inject(kind: str, art: Article, rng: random.Random) -> Injection | None:
    cand = choose(KINDS[kind](art, rng), rng)
    if cand is None:
        return None
    text, lines = apply(art.text, cand)
    return Injection(kind, cand.phrasing, art.path, art.text, text, cand.edits, lines)


# ---------------------------------------------------------------------------
# the catch criterion


def _places(d) -> set[int]:
    lines = set(range(d.line, max(d.line, d.end_line) + 1))
    for r in d.related:
        if r.path is None or r.path == d.path:
            lines |= set(range(r.line, max(r.line, r.end_line) + 1))
    return lines


def _key(d) -> tuple:
    return (d.code, d.line, tuple(sorted(r.line for r in d.related)))


def new_findings_at(before: list, after: list, lines: set[int]) -> list:
    """Findings of ``after`` that touch ``lines`` and that ``before`` did not give."""
    old = {_key(d) for d in before}
    return [
        d
        for d in after
        if not d.code.startswith("KI") and _key(d) not in old and _places(d) & lines
    ]


class Linter:
    """klint's library API with one configuration; the unedited articles' findings cached."""

    def __init__(self, extend_select: tuple[str, ...] = ()) -> None:
        from klint.config import Config

        self.config = Config(extend_select=extend_select, time_budget=NO_BUDGET)
        self._before: dict[str, list] = {}

    def lint(self, text: str, path: str, fmt: str) -> list:
        from klint.engine import lint_text

        # a path under a folder that does not exist: no claims file beside it is read
        return lint_text(text, path=f"injected/{path}", config=self.config, fmt=fmt)

    def judge(self, inj: Injection, fmt: str) -> None:
        if inj.path not in self._before:
            self._before[inj.path] = self.lint(inj.original, inj.path, fmt)
        after = self.lint(inj.text, inj.path, fmt)
        inj.caught_by = sorted(
            {d.code for d in new_findings_at(self._before[inj.path], after, inj.lines)}
        )


# ---------------------------------------------------------------------------
# the run


def run(
    files: list[Path],
    kinds: list[str],
    n: int,
    seed: int,
    linter: Linter,
    root_of: Callable[[Path], str],
) -> list[Injection]:
    articles: list[Article] = []
    for p in files:
        try:
            articles.append(Article.parse(p.read_text(encoding="utf-8"), root_of(p)))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            print(f"skipped {root_of(p)}: {exc}", file=sys.stderr)
    injections: list[Injection] = []
    for kind in kinds:
        rng = random.Random(f"{seed}:{kind}")
        order = articles[:]
        rng.shuffle(order)
        seen: set[tuple] = set()
        misses, k = 0, 0
        while len([i for i in injections if i.kind == kind]) < n and misses < 3 * len(order):
            art = order[k % len(order)]
            k += 1
            inj = inject(kind, art, rng)
            sig = inj and (inj.path, inj.edits)
            if inj is None or sig in seen:
                misses += 1
                continue
            seen.add(sig)
            linter.judge(inj, art.fmt)
            injections.append(inj)
    return injections


def summary(injections: list[Injection], kinds: list[str], by_phrasing: bool) -> dict:
    out: dict = {"kinds": {}, "overall": {}}
    for kind in kinds:
        mine = [i for i in injections if i.kind == kind]
        caught = [i for i in mine if i.caught]
        codes = Counter(c for i in caught for c in i.caught_by)
        right = [i for i in caught if any(c.startswith(FAMILIES[kind]) for c in i.caught_by)]
        row = {
            "injected": len(mine),
            "caught": len(caught),
            "right_family": len(right),
            "percent": round(100 * len(caught) / len(mine), 1) if mine else None,
            "codes": dict(codes.most_common()),
        }
        if by_phrasing:
            row["phrasings"] = {
                p: [
                    sum(1 for i in mine if i.phrasing == p and i.caught),
                    sum(1 for i in mine if i.phrasing == p),
                ]
                for p in sorted({i.phrasing for i in mine})
            }
        out["kinds"][kind] = row
    total = len(injections)
    caught = sum(1 for i in injections if i.caught)
    out["overall"] = {
        "injected": total,
        "caught": caught,
        "percent": round(100 * caught / total, 1) if total else None,
    }
    return out


def print_table(result: dict) -> None:
    print(f"{'kind':<20} {'injected':>8} {'caught':>7} {'%':>6} {'family':>7}  codes")
    for kind, row in result["kinds"].items():
        pct = "-" if row["percent"] is None else f"{row['percent']:.0f}"
        codes = " ".join(f"{c}×{k}" for c, k in row["codes"].items())
        print(
            f"{kind:<20} {row['injected']:>8} {row['caught']:>7} {pct:>6} "
            f"{row['right_family']:>7}  {codes}"
        )
        for phrasing, (c, t) in row.get("phrasings", {}).items():
            print(f"    {phrasing:<40} {c}/{t}")
    o = result["overall"]
    pct = "-" if o["percent"] is None else f"{o['percent']:.0f}"
    print(f"{'overall':<20} {o['injected']:>8} {o['caught']:>7} {pct:>6}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--corpus",
        nargs="*",
        type=Path,
        default=[],
        help="folders or files (default: eval/corpus, else ../shared/eval)",
    )
    ap.add_argument(
        "--kinds", default=",".join(KINDS), help="comma-separated kinds: " + ", ".join(KINDS)
    )
    ap.add_argument("--n", type=int, default=25, help="injections per kind (default 25)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--extend-select", default="", help="extra rule codes to enable (e.g. KX302)")
    ap.add_argument("--json", type=Path, help="write the summary and every injection here")
    ap.add_argument("--phrasings", action="store_true", help="break each kind down by phrasing")
    ap.add_argument("--verbose", action="store_true", help="list every injection")
    args = ap.parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        ap.error(f"unknown kind(s) {', '.join(unknown)}; choose from {', '.join(KINDS)}")
    roots = args.corpus or default_roots()
    files = corpus_files(roots)
    if not files:
        print("no articles found", file=sys.stderr)
        return 2
    parents = [r.resolve().parent for r in roots]

    def root_of(p: Path) -> str:  # shown as <root folder>/<path inside it>
        p = p.resolve()
        for r in parents:
            if p.is_relative_to(r):
                return str(p.relative_to(r))
        return p.name

    started = time.monotonic()
    linter = Linter(tuple(c for c in args.extend_select.split(",") if c))
    injections = run(files, kinds, args.n, args.seed, linter, root_of)
    result = summary(injections, kinds, args.phrasings)
    if args.verbose:
        for i in injections:
            verdict = ",".join(i.caught_by) if i.caught else "missed"
            print(f"[{verdict}] {i.kind}/{i.phrasing} {i.path}:{min(i.lines)}: {i.describe()}")
    print_table(result)
    print(f"{len(files)} articles, seed {args.seed}, {time.monotonic() - started:.1f} s")
    if args.json:
        result |= {
            "seed": args.seed,
            "n": args.n,
            "articles": len(files),
            "injections": [
                {
                    "kind": i.kind,
                    "phrasing": i.phrasing,
                    "path": i.path,
                    "lines": sorted(i.lines),
                    "edit": i.describe(),
                    "caught_by": i.caught_by,
                }
                for i in injections
            ],
        }
        args.json.write_text(
            json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
