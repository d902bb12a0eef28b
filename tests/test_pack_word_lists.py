"""Word lists the rules and extractors read come from the rule packs, a user pack included."""

from __future__ import annotations

from pathlib import Path

from klint.config import Config
from klint.engine import lint_text
from klint.extract import extract
from klint.packs import load_packs
from klint.sources import read_text


def _codes(text: str, code: str, packs: tuple[str, ...] = ()) -> list[str]:
    config = Config(select=(code,), rule_packs=packs)
    return [
        d.message for d in lint_text("Title\n\n" + text + "\n", config=config) if d.code == code
    ]


def test_a_duration_in_any_number_word_of_the_pack_is_read() -> None:
    assert _codes("The dynasty ruled for seventy years (1900–1930) before it fell.", "KD106")
    assert not _codes("The dynasty ruled for seventy years (1900–1970) before it fell.", "KD106")


def test_a_count_back_takes_its_count_from_the_pack() -> None:
    doc = read_text("Title\n\nThe previous eleven resolutions were ignored.\n", "a.txt")
    (ref,) = extract(doc, load_packs()).references
    assert (ref.text, ref.count) == ("The previous eleven resolutions", 11)


def test_a_user_pack_adds_number_words_and_begin_words(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "number_words: {a score: 20, threescore: 60}\ndate_words: {begin_words: [was founded]}\n",
        encoding="utf-8",
    )
    text = "The order held the castle for threescore years (1200–1230)."
    assert not _codes(text, "KD106")
    assert _codes(text, "KD106", (str(pack),))
    text = "The abbey was founded in 1250 and closed in 1240."
    assert not _codes(text, "KD102")  # "founded" begins nothing in the built-in packs
    assert _codes(text, "KD102", (str(pack),))


def test_kn211_reads_every_subpart_cue_of_the_pack() -> None:
    text = "The attack killed {} civilians, among whom 80 women and 60 children."
    assert _codes(text.format(100), "KN211") == [
        "“100 civilians” is less than its listed parts: 80 + 60 = 140"
    ]
    assert not _codes(text.format(200), "KN211")


def test_the_frame_reader_takes_its_function_words_from_the_pack(tmp_path: Path) -> None:
    from klint.text.words import grammar_words

    builtin = grammar_words(load_packs())
    assert {"in", "on", "of"} <= builtin.prepositions and "was" in builtin.auxiliaries
    assert "after" in builtin.name_openers and "their" in builtin.possessives
    assert "beside" not in builtin.prepositions
    pack = tmp_path / "pack.yaml"
    pack.write_text("grammar: {prepositions: [beside]}\n", encoding="utf-8")
    user = grammar_words(load_packs((str(pack),)))
    # a list of a section (as in ``numbers:``) replaces the built-in one; the others stay
    assert user.prepositions == {"beside"} and user.auxiliaries == builtin.auxiliaries
    assert grammar_words(load_packs()) is builtin  # compiled once per pack set


def test_a_date_keeps_the_preposition_the_pack_names(tmp_path: Path) -> None:
    doc = read_text("Title\n\nThe mill has stood since 1850 and burned in 1921.\n", "a.txt")
    dates = extract(doc, load_packs()).dates
    assert [d.preposition for d in dates] == ["since", "in"]
    pack = tmp_path / "pack.yaml"
    pack.write_text("date_words: {prepositions: [in]}\n", encoding="utf-8")
    dates = extract(doc, load_packs((str(pack),))).dates
    assert [d.preposition for d in dates] == [None, "in"]  # "since" is not one of the pack's


def test_an_acronym_skips_the_minor_words_the_pack_names(tmp_path: Path) -> None:
    doc = read_text("Title\n\nThe Amt für den Schutz (AS) opened in 1950.\n", "a.txt")
    assert [a.expansion for a in extract(doc, load_packs()).acronyms] == [None]
    pack = tmp_path / "pack.yaml"
    pack.write_text("acronym_minor_words: [für, den]\n", encoding="utf-8")
    found = extract(doc, load_packs((str(pack),))).acronyms
    assert [a.expansion for a in found] == ["Amt für den Schutz"]


def test_a_bare_number_is_a_year_after_the_words_the_pack_names(tmp_path: Path) -> None:
    doc = read_text(
        "Title\n\nThe mill has stood since 1850; at the end of 1921 it burned.\n", "a.txt"
    )
    assert [d.text for d in extract(doc, load_packs()).dates] == ["1850", "1921"]
    pack = tmp_path / "pack.yaml"
    pack.write_text("date_words: {year_prepositions: [in], year_period_nouns: [end]}\n", "utf-8")
    # "since" no longer makes 1850 a year; "the end of" still makes 1921 one
    assert [d.text for d in extract(doc, load_packs((str(pack),))).dates] == ["1921"]


def test_a_compound_duration_and_a_kind_head_come_from_the_numbers_pack(tmp_path: Path) -> None:
    doc = read_text(
        "Title\n\nThe town held out in a six-day siege with 40 transport helicopters.\n", "a.txt"
    )
    siege, planes = extract(doc, load_packs()).quantities
    assert (siege.unit, siege.counted) == ("days", "siege")
    assert planes.counted == "transport helicopters"  # another kind of helicopter
    pack = tmp_path / "pack.yaml"
    pack.write_text("numbers: {time_units: {week: weeks}, kind_heads: [tanks]}\n", "utf-8")
    siege, planes = extract(doc, load_packs((str(pack),))).quantities
    assert (siege.unit, siege.counted) == ("count", "day")
    assert planes.counted == "helicopters"


def test_the_counted_noun_ends_at_a_stop_word_of_the_numbers_pack(tmp_path: Path) -> None:
    doc = read_text("Title\n\nThe garrison had 300 defenders but no guns.\n", "a.txt")
    assert [q.counted for q in extract(doc, load_packs()).quantities] == ["defenders"]
    pack = tmp_path / "pack.yaml"
    pack.write_text("numbers: {noun_stop_words: [with]}\n", "utf-8")
    assert [q.counted for q in extract(doc, load_packs((str(pack),))).quantities] == [
        "defenders but no guns"
    ]


def test_a_duration_and_a_range_apart_by_a_break_word_of_the_pack(tmp_path: Path) -> None:
    text = "He served five years in office (1992–1994)."
    assert _codes(text, "KD106")
    pack = tmp_path / "pack.yaml"
    pack.write_text("date_words: {duration_breaks: [in]}\n", "utf-8")
    assert not _codes(text, "KD106", (str(pack),))  # "in" now puts them in two statements


def test_an_age_is_read_after_the_phrases_of_the_pack(tmp_path: Path) -> None:
    text = (
        "Clara Weiss (born 1931) trained as a chemist.\n\n"
        "In 1970, Clara Weiss founded a laboratory at the age of 25."
    )
    assert _codes(text, "KD115")
    pack = tmp_path / "pack.yaml"
    pack.write_text("date_words: {age_phrases: [aged]}\n", "utf-8")
    assert not _codes(text, "KD115", (str(pack),))
    # a relative clause about someone else: its age is not the named person's
    other = text.replace("founded a laboratory", "joined a partner, who opened a laboratory")
    assert not _codes(other, "KD115")
    grammar = tmp_path / "grammar.yaml"
    grammar.write_text("grammar: {relative_pronouns: [which]}\n", "utf-8")
    assert _codes(other, "KD115", (str(grammar),))


def test_an_order_word_after_a_clause_opener_of_the_pack_is_not_read(tmp_path: Path) -> None:
    text = "The bridge was closed on 4 June 1961 only after the flood of 9 June 1961 hit it."
    assert _codes(text, "KD114")
    pack = tmp_path / "pack.yaml"
    pack.write_text("date_words: {order_clause_openers: [only]}\n", "utf-8")
    assert not _codes(text, "KD114", (str(pack),))


def test_a_clause_whose_subject_is_a_thing_of_the_pack_is_no_act(tmp_path: Path) -> None:
    text = (
        "Mary Rowe (2 May 1790 – 12 June 1836) was an English painter.\n\n"
        "In 1830, Mary Rowe returned to Bath, and she painted in 1841."
    )
    assert _codes(text, "KD112")
    pack = tmp_path / "pack.yaml"
    pack.write_text("date_words: {thing_subjects: [she]}\n", "utf-8")
    assert not _codes(text, "KD112", (str(pack),))


def test_a_date_after_an_endpoint_preposition_of_the_pack_anchors_nothing(tmp_path: Path) -> None:
    text = "The siege lasted until 3 May 1990. Two months later, on 1 March 1990, the town fell."
    assert not _codes(text, "KD105")  # "until 3 May 1990" ends a period
    pack = tmp_path / "pack.yaml"
    pack.write_text("date_words: {endpoint_prepositions: [from]}\n", "utf-8")
    assert _codes(text, "KD105", (str(pack),))


def test_a_number_after_a_capitalised_word_is_part_of_a_name_unless_the_pack_says(
    tmp_path: Path,
) -> None:
    doc = read_text("Title\n\nThe plan, Nearly 40 towns and the Helsinki Initiative 92.\n", "a.txt")
    assert [q.text for q in extract(doc, load_packs()).quantities] == ["Nearly 40 towns"]
    pack = tmp_path / "pack.yaml"
    pack.write_text("numbers: {not_name_words: [About]}\n", "utf-8")
    assert extract(doc, load_packs((str(pack),))).quantities == []  # "Nearly 40" is a name now
