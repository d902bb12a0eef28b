"""Mentions, acronyms and references: what the name extractors read, with exact spans."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klint.claims import Mention
from klint.document import Document, Region
from klint.extract import names, references
from klint.extract._names_text import edit_distance1, name_key, skeleton
from klint.packs import load_packs
from klint.sources import read_text
from klint.text.sentences import sentence_starts
from klint.text.words import plural_forms

SEED = Path(__file__).resolve().parents[1] / "seeds" / "nagorno-karabakh-war.txt"


@pytest.fixture(scope="module")
def packs():
    return load_packs()


def _doc(text: str):
    return read_text(text, "<test>", "text")


def _mentions(text: str, packs) -> list[str]:
    return [m.name for m in names.extract_mentions(_doc(text), packs)]


# --------------------------------------------------------------------------- helpers


def test_name_key_folds_case_and_diacritics():
    assert name_key("İsgandar") == "isgandar"
    assert name_key("Tansu Çiller") == "tansu ciller"
    assert name_key("Kelbajar's") == "kelbajar"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZs '’\t\nıİéÇ\u0301K")), max_size=12))
def test_name_key_of_every_text_is_the_one_folding(text: str) -> None:
    """One key for ASCII and other text alike: stripped, a closing possessive dropped,
    case-folded, marks taken off, dotless i as i, blanks one space."""
    import re
    import unicodedata

    bare = re.sub(r"['’]s?$", "", text.strip())
    decomposed = unicodedata.normalize("NFKD", bare.casefold())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")
    assert name_key.__wrapped__(text) == " ".join(folded.split())


def test_name_key_drops_a_closing_possessive_in_each_spelling():
    assert [name_key(w) for w in ("Hughes'", "Hughes’", "Smith's", "Smith’s ")] == [
        "hughes",
        "hughes",
        "smith",
        "smith",
    ]
    assert name_key("O'Brien") == "o'brien"  # an apostrophe inside a name stays
    assert name_key("Ross's's") == "ross's"  # one possessive, the last


def test_edit_distance1_says_what_differs():
    assert edit_distance1("kelbajar", "kelbjar") == ("", "a")
    assert edit_distance1("mardakert", "martakert") == ("d", "t")
    assert edit_distance1("marneuli", "marnueli") == ("eu", "ue")
    assert edit_distance1("ganja", "ganja") is None
    assert edit_distance1("aliev", "heidar") is None


def test_skeleton_applies_transliteration_rules(packs):
    rules = tuple((a, b) for a, b, *_ in packs.transliterations)
    assert skeleton("aliyev", rules) == skeleton("aliev", rules)
    assert skeleton("khelbajar", rules) == skeleton("kelbajar", rules)
    assert skeleton("heydar", rules) == skeleton("heidar", rules)
    assert skeleton("ilham", rules) != skeleton("heidar", rules)


def test_sentence_starts_skip_initials_and_abbreviations():
    text = "Boris Yeltsin and George H. W. Bush called for a truce. At 2:45 P.M. on April 2 the attack began."
    starts = sentence_starts(text, 0, len(text))
    assert starts == [0, text.index("At 2:45")]


def test_plural_forms():
    assert plural_forms("treaty") == ("treaty", "treaties")
    assert plural_forms("resolutions") == ("resolution", "resolutions")


# --------------------------------------------------------------------------- mentions


def test_multi_word_names_and_particles(packs):
    text = "Title\n\nThe war pitted the Republic of Armenia against the Republic of Azerbaijan in 1992.\n"
    assert _mentions(text, packs) == ["Republic of Armenia", "Republic of Azerbaijan"]


def test_sentence_initial_capitals_are_not_names(packs):
    text = "Title\n\nHowever, the war went on. Several men fled to Baku. Baku fell later.\n"
    assert _mentions(text, packs) == ["Baku", "Baku"]


def test_sentence_initial_word_is_a_name_when_capitalized_elsewhere(packs):
    text = "Title\n\nShusha fell in May. The loss of Shusha was a blow.\n"
    assert _mentions(text, packs) == ["Shusha", "Shusha"]


def test_possessive_is_dropped_from_the_name(packs):
    ms = names.extract_mentions(
        _doc("Title\n\nThe capture of Kelbajar's airfield followed.\n"), packs
    )
    assert [(m.name, m.key, m.words) for m in ms] == [("Kelbajar", "kelbajar", ("Kelbajar",))]


def test_infobox_people_and_places(packs):
    doc = read_text(SEED.read_text(encoding="utf-8"), str(SEED), "text")
    ms = names.extract_mentions(doc, packs)
    commanders = [m for m in ms if m.field and m.field.startswith("Commanders")]
    assert [m.name for m in commanders][:2] == ["Samvel Babayan", "Monte Melkonian"]
    assert len(commanders) == 10
    hamidov = next(m for m in commanders if m.name.endswith("Hamidov"))
    assert (
        hamidov.key == "isgandar hamidov"
        and hamidov.field == "Commanders 2"
        and hamidov.source == "infobox"
    )
    places = [m.name for m in ms if m.field == "Location"]
    assert places == ["Nagorno-Karabakh", "Armenia", "Azerbaijan"]


def test_quoted_names_are_marked(packs):
    ms = names.extract_mentions(
        _doc('Title\n\nHe wrote that "the march on Kelbadjar was the turning point".\n'), packs
    )
    assert [(m.name, m.in_quote) for m in ms] == [("Kelbadjar", True)]


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        ("We saw Anna Berg meet Carl Dahl-Ek at noon.\n", "Carl Dahl-Ek", "Carl"),
        ("We saw Anna Berg meet Carl Dahl's men at noon.\n", "Carl Dahl", "Carl"),
        ("We saw Anna Berg meet Carl Dahl- at noon.\n", "Carl Dahl", "Carl Dahl"),  # a hyphen
    ],
)
def test_a_region_takes_the_words_that_end_inside_it(packs, text, outer, inner):
    """A region inside another ends after "Carl Dahl": a word it cuts is part of a longer one,
    not a name of its own (a trailing hyphen aside); the outer region reads the whole word."""
    regions = [Region("paragraph", 0, len(text) - 1), Region("paragraph", 22, 31)]
    ms = names.extract_mentions(Document(text=text, regions=regions), packs)
    assert [(m.name, m.start) for m in ms] == [("Anna Berg", 7), (outer, 22), (inner, 22)]


def test_every_field_of_a_mention_is_set(packs):
    doc = read_text(SEED.read_text(encoding="utf-8"), str(SEED), "text")
    ms = names.extract_mentions(doc, packs)
    fields = [f.name for f in dataclasses.fields(Mention)]
    assert ms and all(hasattr(m, f) for m in ms for f in fields)
    assert ms[0] == Mention(**{f: getattr(ms[0], f) for f in fields})


# --------------------------------------------------------------------------- acronyms


def _acronyms(text: str, packs):
    return [(a.acronym, a.expansion) for a in names.extract_acronyms(_doc(text), packs)]


@pytest.mark.parametrize(
    ("text", "acronym", "expansion"),
    [
        (
            "the Nagorno-Karabakh Autonomous Oblast (NKAO) within",
            "NKAO",
            "Nagorno-Karabakh Autonomous Oblast",
        ),
        (
            "consolidated as the Commonwealth of Independent States (CIS).",
            "CIS",
            "Commonwealth of Independent States",
        ),
        ("sell tanks and armored personnel carriers (APCs).", "APC", "armored personnel carriers"),
        (
            "the NKAO (Nagorno-Karabakh Autonomous Oblast) within",
            "NKAO",
            "Nagorno-Karabakh Autonomous Oblast",
        ),
        (
            "proclaimed the Republic of Nagorno-Karabakh (NKR) in 1991.",
            "NKR",
            "Republic of Nagorno-Karabakh",
        ),
    ],
)
def test_acronym_definitions_in_either_order(packs, text, acronym, expansion):
    assert (acronym, expansion) in _acronyms(f"Title\n\n{text}\n", packs)


def test_acronym_uses_without_definition(packs):
    got = _acronyms("Title\n\nGorbachev sent MVD troops, and the CSCE sent observers.\n", packs)
    assert got == [("MVD", None), ("CSCE", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The Azərbaycan “ASALA” cell and the “NKAO” soviet — both named in AT&T’s report.",
        "Ünder the UN, the Δ-group, NATO and R&D; “CIS (Commonwealth of Independent States)”.",
        "A run of capitals, XABCDEFGHIJKLM, then the Organization of Petroleum (OPEC) and OPECs.",
    ],
)
def test_acronyms_are_found_where_a_scan_of_every_offset_finds_them(packs, text, monkeypatch):
    """Acronyms are looked for only where a capital stands before a capital or "&", offsets
    kept past characters beyond ASCII: the same acronyms as trying every offset."""
    doc = _doc(f"Title\n\n{text}\n")
    got = names.extract_acronyms(doc, packs)
    monkeypatch.setattr(names, "ascii_marks", lambda text, *_: list(range(len(text))))
    assert got == names.extract_acronyms(doc, packs)
    assert len(got) >= 2


def test_no_acronym_is_looked_for_where_no_two_capitals_stand(packs):
    assert _acronyms("Title\n\nA single Capital & a sign: a&b, Ab&Cd and Ab & Cd.\n", packs) == []


def test_a_parenthesis_that_is_not_an_expansion(packs):
    got = _acronyms("Title\n\nHe is a four-time WWE (World Heavyweight) Champion.\n", packs)
    assert got == [("WWE", None)]


def test_designations_are_not_acronyms(packs):
    text = (
        "Title\n\nA T-72 tank, two Su-25 jets, MEGA OIL, "
        "at 2:45 P.M., in World War II and Super Bowl XLVIII, the MDCCCCVIII edition.\n"
    )
    assert _acronyms(text, packs) == []


def test_a_pack_names_the_capitalized_words_that_are_not_acronyms(tmp_path):
    text = "Title\n\nGRAD rocket launchers and an NSV machine gun.\n"
    assert _acronyms(text, load_packs()) == [("GRAD", None), ("NSV", None)]
    pack = tmp_path / "vocabulary.yaml"
    pack.write_text("not_acronyms: [GRAD, NSV]\n", encoding="utf-8")
    assert _acronyms(text, load_packs((str(pack),))) == []


# --------------------------------------------------------------------------- references


def _refs(text: str, packs):
    return references.extract_references(_doc(f"Title\n\n{text}\n"), packs)


def test_count_back_takes_its_noun_from_the_sentence(packs):
    refs = _refs(
        "Two subsequent UNSC resolutions were passed, (874 and 884), although reemphasizing the "
        "same points as the previous two, they named the enclave a party.",
        packs,
    )
    kinds = [(r.ref_type, r.text, r.target, r.count, r.ident) for r in refs]
    assert kinds == [
        ("identifier", "874", "resolution", None, "874"),
        ("identifier", "884", "resolution", None, "884"),
        ("count-back", "the previous two", "resolution", 2, None),
    ]


def test_count_back_of_an_unrelated_noun(packs):
    (ref,) = _refs("Three resolutions passed over the last two years.", packs)
    assert (ref.text, ref.target, ref.count) == ("the last two", "year", 2)


def test_both_and_aforementioned(packs):
    refs = _refs("Both resolutions were ignored, and the aforementioned treaty lapsed.", packs)
    assert [(r.ref_type, r.target, r.count) for r in refs] == [
        ("count-back", "resolution", 2),
        ("anaphor", "treaty", None),
    ]


def test_pointers(packs):
    refs = _refs(
        "The losses are discussed below (see the section on foreign volunteers), as mentioned above.",
        packs,
    )
    got = [(r.text, r.direction, r.target) for r in refs]
    assert got == [
        ("discussed below", "forward", None),
        ("see the section on foreign volunteers", "none", "foreign volunteers"),
        ("mentioned above", "back", None),
    ]


def test_numbered_identifiers(packs):
    refs = _refs(
        "Under Article 78 and Section 907, the council passed Resolution 822 on April 30.", packs
    )
    assert [(r.text, r.target, r.ident) for r in refs] == [
        ("Article 78", "article", "78"),
        ("Section 907", "section", "907"),
        ("Resolution 822", "resolution", "822"),
    ]


# --------------------------------------------------------------------------- robustness and speed


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("AaBZ İ-'’ .,()\"\n0123456789sofeSEEbelow"), max_size=400))
def test_extractors_never_raise(text):
    doc = _doc(text)
    p = load_packs()
    for claim in (
        *names.extract_mentions(doc, p),
        *names.extract_acronyms(doc, p),
        *references.extract_references(doc, p),
    ):
        assert doc.text[claim.start : claim.end] == claim.text


@pytest.mark.parametrize(
    "text", ["A" * 200_000, "Aa " * 60_000, "(" * 100_000 + "NATO", "see " * 50_000]
)
def test_adversarial_inputs_finish_fast(packs, text):
    doc = _doc("Title\n\n" + text + "\n")
    started = time.perf_counter()
    names.extract_mentions(doc, packs)
    names.extract_acronyms(doc, packs)
    references.extract_references(doc, packs)
    assert time.perf_counter() - started < 3.0


def test_seed_extraction_is_fast(packs):
    doc = read_text(SEED.read_text(encoding="utf-8"), str(SEED), "text")
    best = float("inf")
    for _ in range(5):
        doc._text_index = None  # the sentences are found again, as in a fresh run
        started = time.perf_counter()
        names.extract_mentions(doc, packs)
        names.extract_acronyms(doc, packs)
        references.extract_references(doc, packs)
        best = min(best, time.perf_counter() - started)
    assert best < 0.1


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
    | st.text("aZz é\n-", max_size=40)
)
def test_lower_words_are_the_runs_of_lower_case_ascii_letters(text: str) -> None:
    import re

    from klint.text.words import lower_words

    assert lower_words(text) == frozenset(re.findall(r"[a-z]+", text))


@pytest.mark.parametrize(
    ("slip", "kept"),
    [
        ("Johhnston", True),  # a letter added
        ("Jonston", True),  # a letter dropped
        ("Johnstin", True),  # a letter changed
        ("Jhonston", True),  # two letters swapped
        ("Jahnstan", False),  # two letters changed
        ("Jackson", False),  # a different word
    ],
)
def test_a_sentence_initial_slip_of_a_name_is_kept(packs, slip: str, kept: bool) -> None:
    text = (
        "The army of General Johnston held the ridge, and Johnston waited.\n\n"
        f"Later the line broke. {slip} was killed in the retreat.\n"
    )
    assert (slip in _mentions(text, packs)) is kept


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from('Aa Zb. "“(\n{|}-!?S=*'), max_size=200))
def test_a_regions_first_sentence_starts_at_its_start(text: str) -> None:
    # extract_mentions takes a word at a region's start as sentence-initial without asking
    doc = read_text(text, "<test>.wiki", "wikitext")
    idx = doc.text_index
    for region in idx.regions:
        assert idx.sentences(region)[0] == region.start


@pytest.mark.parametrize(
    ("cell", "found"),
    [
        ("Ronda", []),  # a row's first word: sentence-initial
        ("the Ronda", ["Ronda"]),  # not the row's first word
        ('"Ronda"', []),  # after an opening quote at the row's start
        ("It ended. Ronda", []),  # the first word of the row's second sentence
        ("ok, Ronda", ["Ronda"]),  # inside the row's sentence
        ("Ronda Kell", ["Ronda Kell"]),  # a run of two names at the row's start
    ],
)
def test_a_table_rows_first_word_is_sentence_initial(packs, cell: str, found: list[str]) -> None:
    text = f'Title\n\n{{| class="wikitable"\n|-\n| {cell}\n| Other text\n|}}\n'
    doc = read_text(text, "<test>.wiki", "wikitext")
    got = [m.name for m in names.extract_mentions(doc, packs) if "Ronda" in m.name]
    assert got == found
