"""Readings made linear on long runs (of blanks, capitalised words, hyphenated parts,
percentages, a long line's words) find what the readings they replace found: each old reading is kept here as the
oracle, and real phrasings are checked beside the random ones."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from klint.claims import Claims
from klint.config import Config
from klint.document import Document
from klint.extract import extract
from klint.extract._names_match import _compounds, _name_keys
from klint.extract._names_text import name_key
from klint.packs import load_packs
from klint.rules.base import Context
from klint.rules.dates import _common as dates_common
from klint.rules.dates import kd102_reversed_date_range as kd102
from klint.rules.dates import kd115_age_vs_birth as kd115
from klint.rules.numbers import _breakdown
from klint.rules.numbers import kn206_count_vs_list as kn206
from klint.rules.numbers._common import paragraphs
from klint.rules.xrefs import _marks as marks
from klint.rules.xrefs import kx310_acronym_name_untied as kx310
from klint.sources import read_text

PACKS = load_packs()

OLD_TO_FIGURE = re.compile(r"\s*,?\s+to\s+[$£€]?\d[\d.,]*\s*(?:%|\w+)?\s+(?:in|on)\s+(?:\w+\s+)?")
OLD_DAY_MONTH = re.compile(
    r"(?:\s*,?\s*(?:and\s+)?\d{1,2})?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
)
OLD_TOTAL_BEFORE = re.compile(
    r"(?:[,;(—–-]|\b(?:for|making|giving|bringing|to\s+make|with))?\s*(?:a|an)?\s*"
    r"(?:combined\s+|grand\s+|overall\s+)?total\s+of\s*$",
    re.IGNORECASE,
)
OLD_CODE_THEN_WORDS = re.compile(r"(?:[ -][\w./-]*\d[\w./-]*)?\s*\(\s*['\"‘“]?([^()]{3,80})\)")
OLD_EDIT_LINK = re.compile(r"\s*\[edit\]\s*$")
OLD_PLACE_COMMA_REGION = re.compile(r"\b([A-Z][\w'’.-]+), ([A-Z][a-z]+)\b")


def texts(*pieces: str, max_size: int = 14) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


FIGURE_TEXT = texts(
    " ", "  ", "\n", ",", "to", " to ", "5", "1.2", "%", "km", " in ", "on", "May", "x"
)


@settings(max_examples=1500)
@given(FIGURE_TEXT)
def test_to_figure_reads_as_before(s: str) -> None:
    assert bool(kd102._TO_FIGURE.fullmatch(s)) == bool(OLD_TO_FIGURE.fullmatch(s))


def test_to_figure_phrasings() -> None:
    for s in (" to 15.6% in ", ", to 11.7 million in ", " to $4 on ", " to 12 km in May "):
        assert kd102._TO_FIGURE.fullmatch(s), s
    for s in (" to in ", " to 15.6% ", "to 15% in "):  # no figure, no "in", no blank before
        assert not kd102._TO_FIGURE.fullmatch(s), s


DAY_TEXT = texts(" ", "\t", ",", "and ", "2", "17", "May", "June", "Mayor", " x", "\n")


@settings(max_examples=1500)
@given(DAY_TEXT)
def test_day_month_reads_as_before(s: str) -> None:
    new, old = _breakdown._DAY_MONTH.match(s), OLD_DAY_MONTH.match(s)
    assert (new and new.span()) == (old and old.span())


def test_day_month_phrasings() -> None:
    for s in (" May", ", and 7 May", " and 12 June", ",7 Sept"):
        assert _breakdown._DAY_MONTH.match(s), s
    for s in (" soldiers", ", and 7 men", "May"):
        assert not _breakdown._DAY_MONTH.match(s), s


TOTAL_TEXT = texts(
    " ", ",", "(", "for", "making", " a ", "an", "combined ", "grand ", "total ", "of", "x "
)


@settings(max_examples=1500)
@given(TOTAL_TEXT)
def test_total_before_reads_as_before(s: str) -> None:
    new, old = _breakdown._TOTAL_BEFORE.search(s), OLD_TOTAL_BEFORE.search(s)
    assert (new and new.span()) == (old and old.span())


def test_total_before_phrasings() -> None:
    for s in (", a total of ", " for a combined total of ", " making an overall total of"):
        assert _breakdown._TOTAL_BEFORE.search(s), s
    for s in (" in total ", " a total ", " totalled "):
        assert not _breakdown._TOTAL_BEFORE.search(s), s


CODE_TEXT = texts(" ", "-", "12", "7", "RHC", ".", "/", "(", ")", "Rocky Hill", "'", "x")


@settings(max_examples=1500)
@given(CODE_TEXT)
def test_code_then_words_reads_as_before(s: str) -> None:
    new, old = kx310._CODE_THEN_WORDS_RE.match(s), OLD_CODE_THEN_WORDS.match(s)
    assert (new and (new.span(), new.group(1))) == (old and (old.span(), old.group(1)))


def test_code_then_words_phrasings() -> None:
    m = kx310._CODE_THEN_WORDS_RE.match(" 12-7 (Rocky Hill Centre)")
    assert m and m.group(1) == "Rocky Hill Centre"
    m = kx310._CODE_THEN_WORDS_RE.match(" (Rocky Hill Centre)")
    assert m and m.group(1) == "Rocky Hill Centre"
    assert kx310._CODE_THEN_WORDS_RE.match(" RHC (Rocky Hill)") is None  # a word, no code


EDIT_TEXT = texts(" ", "\t", "History", "[edit]", "[edit", "x", "\n")


@settings(max_examples=1000)
@given(EDIT_TEXT)
def test_edit_link_strips_as_before(s: str) -> None:
    assert dates_common._EDIT_LINK.sub("", s).strip() == OLD_EDIT_LINK.sub("", s).strip()


PLACE_TEXT = texts(
    "A", "a", "B", "x", "'", "’", ".", "-", ", ", ",", " ", "1", "é", "_", "Ab", "Miss"
)


@settings(max_examples=3000)
@given(PLACE_TEXT)
def test_places_with_regions_find_as_the_pattern(s: str) -> None:
    assert kn206._places_with_regions(s) == OLD_PLACE_COMMA_REGION.findall(s)


def test_places_with_regions_phrasings() -> None:
    text = "born in Osyka, Mississippi and raised in d'Arc, Lorraine; St.-Denis, Paris-Aa, Bb"
    assert kn206._places_with_regions(text) == [
        ("Osyka", "Mississippi"),
        ("Arc", "Lorraine"),
        ("St.-Denis", "Paris"),
        ("Aa", "Bb"),
    ]
    assert kn206._places_with_regions("osyka, mississippi; Osyka,Mississippi") == []


def old_name_keys(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[frozenset[str], ...]]:
    keys = tuple(name_key(w) for w in words)
    return keys, tuple(frozenset(keys[:i] + keys[i + 1 :]) for i in range(len(keys)))


@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from(["Heidar", "Aliev", "Aliyev", "Ilham", "Dd", "Kelbajar"]),
        min_size=1,
        max_size=7,
    )
)
def test_name_keys_as_before(words: list[str]) -> None:
    assert _name_keys.__wrapped__(tuple(words)) == old_name_keys(tuple(words))


def old_compounds(words: tuple[str, ...], span: str) -> tuple[tuple, ...]:
    hyph = []
    pos = 0
    for w in words:
        at = span.find(w, pos)
        pos = at + len(w)
        if "-" in w:
            parts = w.split("-")
            modifier = parts[-1][:1].islower()
            for i in range(len(parts) - 1):
                if parts[i][:1].isupper() and parts[i + 1][:1].isupper() and not modifier:
                    k = at + sum(len(p) + 1 for p in parts[:i])
                    surface = f"{parts[i]}-{parts[i + 1]}"
                    hyph.append((name_key(surface), k, k + len(surface), surface))
    return tuple(hyph)


@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from(["Nagorno", "Karabakh", "Sloane", "Square", "based", "ab", "X"]),
        min_size=1,
        max_size=5,
    ).flatmap(
        lambda parts: st.tuples(
            st.just(parts),
            st.lists(st.sampled_from(["-", " "]), min_size=len(parts) - 1, max_size=len(parts) - 1),
        )
    )
)
def test_hyphen_compounds_as_before(case: tuple[list[str], list[str]]) -> None:
    parts, joins = case
    span = parts[0] + "".join(j + p for j, p in zip(joins, parts[1:], strict=True))
    words = tuple(span.split(" "))
    assert _compounds.__wrapped__(words, span)[0] == old_compounds(words, span)


def test_hyphen_compounds_phrasings() -> None:
    hyph, _ = _compounds.__wrapped__(("Nagorno-Karabakh-Shusha",), "Nagorno-Karabakh-Shusha")
    assert [(a, b, s) for _, a, b, s in hyph] == [
        (0, 16, "Nagorno-Karabakh"),
        (8, 23, "Karabakh-Shusha"),
    ]
    hyph, _ = _compounds.__wrapped__(("Sloane-Square-based",), "Sloane-Square-based")
    assert hyph == ()  # the hyphens of a modifier


def old_in_citation(text: str, fmt: str, start: int, end: int) -> bool:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    line = text[lo : hi if hi >= 0 else len(text)]
    s, e = start - lo, end - lo
    if fmt == "wikitext":
        return any(m.start() <= s and e <= m.end() for m in marks._WIKI_REF_RE.finditer(line))
    if fmt == "html":
        return (
            'id="cite_note' in line
            or 'class="reference-text"' in line
            or any(m.start() <= s and e <= m.end() for m in marks._HTML_CITE_RE.finditer(line))
        )
    return bool(marks._CITED_LINE_RE.search(line))


CITED_TEXT = texts(
    "NATO ",
    "\n",
    "<ref>",
    "</ref>",
    "{{cite web|x}}",
    "<cite>",
    "</cite>",
    "ISBN ",
    "^ ",
    "[12] ",
    'id="cite_note',
    "word ",
    "- ",
    max_size=18,
)


@settings(max_examples=1500)
@given(CITED_TEXT, st.sampled_from(["wikitext", "html", "markdown", "text"]), st.data())
def test_in_citation_as_the_line_read_alone(text: str, fmt: str, data: st.DataObject) -> None:
    ctx = Context(doc=Document(text, format=fmt), claims=Claims(), packs=PACKS, config=Config())
    for _ in range(4):  # several words of one text, the lines read once between them
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 6)))
        assert marks.in_citation(ctx, start, end) == old_in_citation(text, fmt, start, end)


def test_in_citation_phrasings() -> None:
    def cited(text: str, fmt: str, word: str) -> bool:
        ctx = Context(doc=Document(text, format=fmt), claims=Claims(), packs=PACKS, config=Config())
        at = text.index(word)
        return marks.in_citation(ctx, at, at + len(word))

    wiki = "The NATO summit.<ref>NATO report, 1999</ref> NATO met.\nNext line <ref>x</ref>"
    assert cited(wiki, "wikitext", "NATO report")
    assert not cited(wiki, "wikitext", "NATO summit")
    assert not cited(wiki, "wikitext", "NATO met")
    assert cited("Intro.\n^ Smith, NATO, ISBN 123\nMore NATO.", "text", "Smith")
    assert not cited("Intro.\n^ Smith, NATO, ISBN 123\nMore NATO.", "text", "More")


NAMES_TEXT = texts(
    "Lewis",
    "Albert ",
    "James ",
    "C. ",
    "S. ",
    "lewis ",
    " ",
    "\t",
    "\n",
    ", ",
    "(",
    "O'",
    "-",
    "Lewis-Smith",
    "é",
    max_size=16,
)


@settings(max_examples=2000)
@given(NAMES_TEXT, st.sampled_from(["Lewis", "Smith", "S."]))
def test_given_names_read_in_runs_as_in_the_view(text: str, surname: str) -> None:
    before = re.compile(rf"((?:[A-Z][\w'\u2019.-]*[ \t]+){{1,3}}){re.escape(surname)}\b")
    ctx = Context(doc=Document(text), claims=Claims(), packs=PACKS, config=Config())
    runs = kd115._runs_with(ctx, surname)
    assert runs is not None
    found = [m.span() for lo, hi in runs for m in before.finditer(text, lo, hi)]
    assert found == [m.span() for m in before.finditer(text)]


def test_given_names_runs_phrasings() -> None:
    text = "Albert James Lewis (1863–1929) met C. S. Lewis, and Lewis wrote."
    ctx = Context(doc=Document(text), claims=Claims(), packs=PACKS, config=Config())
    runs = kd115._runs_with(ctx, "Lewis")
    assert [text[lo:hi] for lo, hi in runs] == [
        "Albert James Lewis ",
        " met C. S. Lewis",
        " and Lewis wrote.",
    ]
    assert kd115._runs_with(ctx, "Lewis,") is None  # a comma: no run holds it


def old_breakdown_candidates(ctx: Context, para: list, whole) -> list:
    view = ctx.doc.view
    out = [
        p
        for q in para
        if q.start >= whole.end
        and q.sentence_start == whole.sentence_start
        and _breakdown._is_amount(ctx, q, whole.unit)
        and (p := _breakdown._part(ctx, q)) is not None
    ]
    if (
        whole.unit == "count"
        and whole.sentence_end is not None
        and view.find("(", whole.end, whole.sentence_end) >= 0
    ):
        taken = [(q.start, q.end) for q in para]
        for m in _breakdown._PAREN_NUM.finditer(view, whole.end, whole.sentence_end):
            if not any(a <= m.start(1) < b for a, b in taken):
                v = float(m.group(1).replace(",", ""))
                out.append(_breakdown.Part(m.start(1), m.end(1), m.group(1), v, v))
    return sorted(out, key=_breakdown._START)


BREAKDOWN_TEXTS = [
    "The army had 4,000 men in all: 2,500 infantry and 1,500 cavalry, while the navy had 900 "
    "sailors in all: 600 on ships and 200 ashore.",
    "The fleet had 40 ships in all: 25 frigates and 10 sloops, and 900 sailors: 600 on ships, "
    "200 ashore (45) and 12% sick, 3.5 km of quays and 7 km (2008).",
    "The 120 seats were split between Labour (45) and the Conservatives (75), 60% of 200 votes.",
    "In (5 − 6) × 7, 5 and 6 are 11 apart (2) and 7 is 3 more (4), and 8 (9) 10.",
]


def test_breakdown_candidates_read_once_a_sentence_as_for_each_whole() -> None:
    """Every whole of every sentence gets the candidates it got when each read its sentence."""
    shared = 0  # sentences where two wholes or more had parts after them
    for text in BREAKDOWN_TEXTS:
        doc = read_text(text, "a.txt")
        ctx = Context(doc=doc, claims=extract(doc, PACKS), packs=PACKS, config=Config())
        for para in paragraphs(ctx):
            for _, group in itertools.groupby(para, key=_breakdown._SENTENCE_START):
                sentence = list(group)
                wholes = 0
                for whole in sentence:
                    got = _breakdown._candidates(ctx, sentence, whole)
                    assert got == old_breakdown_candidates(ctx, sentence, whole), text
                    wholes += bool(got)
                shared += wholes >= 2
    assert shared >= 2
