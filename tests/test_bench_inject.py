"""The error-injection harness (bench/inject.py): its edits are what they claim, and its catch criterion is right.

These tests check the instrument, never klint's recall.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import inject
from inject import Article, Candidate, Edit, Injection

from klint.diagnostics import Diagnostic, Related, Severity

ARTICLE = """Anna Berg

Anna Berg (12 March 1901 – 4 June 1970) was a Swedish engineer who worked for the Northern Railway Company (NRC) in Uppsala for most of her life.

In 1920 Berg moved to Uppsala. In 1925 she joined the NRC as a draughtswoman. In 1931 she married Karl Lund. In 1938 the couple moved to Malmo.

At the age of 36 she designed the Lund bridge, which is 120 metres (394 ft) long. The bridge carried 4,500 passengers a day, of whom 3,000 travelled to Malmo and 1,500 to Lund. The span was built between 1936 and 1939.

Berg had three children: Erik, Maja and Olof. In the 1950 census the town of Lund had 4,500 passengers on the line, and 60 % of them were workers and 40 % students. Berg retired from the NRC in 1966 and wrote a memoir about Karl Lund.

Berg died in Malmo in 1970. Karl Lund wrote that Berg had been the finest engineer in Malmo, and the railway named a locomotive after Berg in 1972.
"""

FRONT_MATTER = """---
title: Northern Railway Company
founded: 1903
employees: 4,500
---

# Northern Railway Company

The Northern Railway Company was founded in 1903 in Uppsala. By 1950 it had 4,500 employees on its lines.
"""

INFOBOX = """{{Infobox company
| name = Northern Railway Company
| founded = 1903
| num_employees = 4,500
}}
The '''Northern Railway Company''' was founded in 1903 in [[Uppsala]]. By 1950 it had 4,500 employees on its lines.
"""

NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"


def _n(s: str) -> int:
    return int(s.replace(",", ""))


def _injections(kind: str, text: str = ARTICLE, name: str = "article.txt", seeds=range(8)):
    art = Article.parse(text, name)
    out = [inject.inject(kind, art, random.Random(seed)) for seed in seeds]
    assert all(out), f"{kind} found no place in the test article"
    return out


def _changed_lines(inj: Injection) -> set[int]:
    old, new = inj.original.split("\n"), inj.text.split("\n")
    assert len(old) == len(new), "an injection never adds or removes a line"
    return {k + 1 for k, (a, b) in enumerate(zip(old, new)) if a != b}


def _line(text: str, n: int) -> str:
    return text.split("\n")[n - 1]


def _edited_line(inj: Injection) -> tuple[str, str]:
    (n,) = _changed_lines(inj)
    assert n in inj.lines
    return _line(inj.original, n), _line(inj.text, n)


def _inserted(inj: Injection) -> str:
    (e,) = inj.edits
    assert e.start == e.end and e.new.startswith(" ")
    return e.new.strip()


def test_every_kind_changes_only_the_lines_it_names():
    for kind in inject.KINDS:
        text, name = (INFOBOX, "a.wiki") if kind == "infobox-value" else (ARTICLE, "a.txt")
        for inj in _injections(kind, text, name):
            changed = _changed_lines(inj)
            assert len(changed) == 1 and changed <= inj.lines, (kind, inj.describe())
            # outside the edits the text is untouched
            (e,) = inj.edits
            assert inj.text[: e.start] == inj.original[: e.start]
            tail = len(inj.original) - e.end
            assert inj.text[len(inj.text) - tail :] == inj.original[e.end :]


def test_year_typo_breaks_the_order_of_its_paragraph():
    for inj in _injections("year-typo"):
        before, after = _edited_line(inj)
        old = [int(y) for y in re.findall(r"\b1\d{3}\b", before)]
        new = [int(y) for y in re.findall(r"\b1\d{3}\b", after)]
        assert old == sorted(old) and new != sorted(new)
        assert sum(a != b for a, b in zip(old, new)) == 1
        (changed,) = [(a, b) for a, b in zip(old, new) if a != b]
        assert sorted(str(changed[0])) == sorted(str(changed[1])) or (
            str(changed[0])[:2] + str(changed[0])[3] == str(changed[1])[:2] + str(changed[1])[3]
        )


def test_twin_figure_changes_one_of_two_equal_figures():
    for inj in _injections("twin-figure"):
        assert inj.original.count("4,500 passengers") == 2
        assert inj.text.count("4,500 passengers") == 1
        assert len(inj.lines) == 2  # the changed figure and its twin


def test_count_list_count_word_no_longer_matches_its_list():
    words = inject.WORD_VALUE
    for inj in _injections("count-list", seeds=range(12)):
        if inj.phrasing.startswith("existing"):
            before, after = _edited_line(inj)
            assert "three children: Erik, Maja and Olof" in before
            m = re.search(r"(\w+) children: Erik, Maja and Olof", after)
            assert m and words[m.group(1)] != 3
        else:
            sentence = _inserted(inj)
            said = re.search(rf"\b({'|'.join(words)}|Both)\b", sentence, re.I).group(1).lower()
            items = re.findall(r"Karl Lund|Anna Berg", sentence)
            assert (items and words.get(said, 2) != len(items)) or said == "both"


def test_total_parts_do_not_add_up():
    for inj in _injections("total-parts", seeds=range(12)):
        if inj.phrasing.startswith("existing"):
            _before, after = _edited_line(inj)
            sentence = re.search(r"The bridge carried [^.]*\.", after).group()
            total, *parts = [_n(x) for x in re.findall(NUMBER, sentence)]
            assert sum(parts) != total
        else:
            numbers = [_n(x) for x in re.findall(NUMBER, _inserted(inj))]
            if inj.phrasing == "inserted/total-after":  # "…, a total of 4,500."
                numbers = numbers[-1:] + numbers[:-1]
            total, *parts = numbers
            assert total == 4500 and parts and sum(parts) != total
            if inj.phrasing.split("/")[-1] in inject._SUBSET_PHRASINGS:
                assert sum(parts) > total  # some of the whole: only a sum above it is wrong


def test_shares_exceed_the_whole():
    for inj in _injections("shares", seeds=range(12)):
        if inj.phrasing.startswith("existing"):
            _, after = _edited_line(inj)
            shares = [int(x) for x in re.findall(r"(\d+) %", after)]
        else:
            shares = [int(x) for x in re.findall(r"(\d+)(?:%| %| per ?cent)", _inserted(inj))]
        assert len(shares) >= 2 and sum(shares) > 100


def test_name_typo_misspells_one_occurrence_of_a_repeated_name():
    for inj in _injections("name-typo"):
        (e,) = inj.edits
        word = inj.original[e.start : e.end]
        assert (
            inj.original.count(word) >= 3 and inj.text.count(word) == inj.original.count(word) - 1
        )
        assert e.new != word and e.new[0] == word[0] and abs(len(e.new) - len(word)) <= 1


def test_reversed_range_puts_the_end_first():
    (inj,) = _injections("reversed-range", seeds=[0])
    _, after = _edited_line(inj)
    assert "between 1939 and 1936" in after


def test_acronym_definition_is_gone_and_the_later_use_is_an_error_place():
    for inj in _injections("acronym-definition"):
        assert "(NRC)" in inj.original and "(NRC)" not in inj.text
        assert inj.text.count("NRC") == inj.original.count("NRC") - (
            1 if inj.phrasing == "parenthesis-deleted" else 0
        )
        later = inj.text.split("\n").index(
            next(line for line in inj.text.split("\n") if "joined the NRC" in line)
        )
        assert later + 1 in inj.lines


def test_date_order_moves_a_date_across_birth_or_death():
    for inj in _injections("date-order", seeds=range(12)):
        _, after = _edited_line(inj)
        if inj.phrasing == "existing/birth-after-event":
            birth = int(re.search(r"March (\d{4})", after).group(1))
            assert birth > 1920 and "1920" in inj.text
        elif inj.phrasing == "existing/death-before-event":
            death = int(re.search(r"June (\d{4})", after).group(1))
            assert death < 1966
        else:  # an act after the death in 1970
            text = _inserted(inj) if inj.phrasing.startswith("inserted") else after
            years = [int(y) for y in re.findall(r"\b(19\d\d)\b", text)]
            assert any(y > 1970 for y in years) and "Berg" in text


@pytest.mark.parametrize("text,name", [(FRONT_MATTER, "a.md"), (INFOBOX, "a.wiki")])
def test_infobox_value_changes_the_field_and_not_the_body(text, name):
    for inj in _injections("infobox-value", text, name):
        before, after = _edited_line(inj)
        assert re.search(r"founded|employees", before)
        body = inj.text[inj.text.index("was founded") :]
        assert "1903" in body and "4,500 employees" in body
        assert after != before


BORN_MD = """---
title: Anna Berg
born: 12 May 1790
---

# Anna Berg

Anna Berg was born in Uppsala on 12 May 1790 and founded the Northern Railway Company with her brother.
"""

BORN_WIKI = """{{Infobox person
| name = Anna Berg
| birth_date = {{birth date|1790|5|12}}
}}
'''Anna Berg''' (born May 12, 1790) was a Swedish engineer who founded the Northern Railway Company.
"""


@pytest.mark.parametrize("text,name", [(BORN_MD, "a.md"), (BORN_WIKI, "a.wiki")])
def test_infobox_date_changes_the_day_or_the_year_of_the_field_only(text, name):
    phrasings = set()
    body = text[text.rindex("Anna Berg") :]
    for inj in _injections("infobox-value", text, name, seeds=range(12)):
        before, after = _edited_line(inj)
        assert "born" in before or "birth" in before
        phrasings.add(inj.phrasing)
        old = [int(x) for x in re.findall(r"\d+", before)]
        new = [int(x) for x in re.findall(r"\d+", after)]
        assert sum(a != b for a, b in zip(old, new)) == 1
        if inj.phrasing == "day":
            assert 12 in old and 12 not in new and 1790 in new
        else:
            assert inj.phrasing == "year" and 1790 in old and 1790 not in new
        assert inj.text.endswith(body)
    assert phrasings == {"day", "year"}


def test_age_contradicts_birth_and_event_year():
    for inj in _injections("age", seeds=range(12)):
        sentence = _inserted(inj)
        age = int(re.search(r"(?:age of |Aged |was |the )(\d+)", sentence).group(1))
        year = int(re.search(r"\b(19\d\d)\b", sentence).group(1))
        assert abs((year - 1901) - age) >= 3


def test_conversion_is_wrong_by_more_than_rounding():
    factors = {("metres", "ft"): 3.2808, ("miles", "km"): 1.6093, ("km", "mi"): 0.6214}
    factors |= {("acres", "ha"): 0.4047, ("feet", "m"): 0.3048, ("square miles", "km2"): 2.59}
    for inj in _injections("conversion", seeds=range(12)):
        _, after = _edited_line(inj)
        pairs = re.findall(
            r"([\d,]+) (metres|miles|km|acres|feet|square miles) \(([\d,]+) (ft|km|mi|ha|m|km2)\)",
            after,
        )
        wrong = [
            (a, u, b, v)
            for a, u, b, v in pairs
            if abs(_n(a) * factors[(u, v)] - _n(b)) > 0.15 * _n(b)
        ]
        assert wrong, inj.describe()


def test_apply_reports_lines_of_the_edited_text():
    text = "one\ntwo 1920\nthree\nfour 1930\n"
    cand = Candidate("x", (Edit(8, 12, "1990"),), also=(text.index("1930"),))
    new, lines = inject.apply(text, cand)
    assert new == "one\ntwo 1990\nthree\nfour 1930\n" and lines == {2, 4}
    with pytest.raises(ValueError):
        inject.apply(text, Candidate("x", (Edit(0, 3, "a\nb"),)))


def _diag(code: str, line: int, related: tuple[int, ...] = ()) -> Diagnostic:
    d = Diagnostic(code, "r", Severity.ERROR, "m", 0, 0, path="a.txt", line=line, end_line=line)
    d.related = [Related(0, 0, "r", line=n, end_line=n) for n in related]
    return d


def test_catch_criterion_counts_only_new_findings_at_the_error_lines():
    before = [_diag("KD104", 5)]
    # a finding on an unchanged line does not count
    assert inject.new_findings_at(before, [_diag("KN201", 9)], {5}) == []
    # nor one the unedited article already had
    assert inject.new_findings_at(before, [_diag("KD104", 5)], {5}) == []
    # nor an internal error
    assert inject.new_findings_at([], [_diag("KI001", 5)], {5}) == []
    # a new finding at the line counts, and so does one whose related place is there
    assert len(inject.new_findings_at(before, [_diag("KD102", 5)], {5})) == 1
    assert len(inject.new_findings_at(before, [_diag("KN201", 9, (5,))], {5})) == 1


def test_judge_lints_both_versions_and_ignores_old_findings_elsewhere():
    text = "Title\n\nThe works ran from 1998 to 1994 on the old line.\n\nThe hall was finished in 1901 and opened a year later.\n"
    art = Article.parse(text, "a.txt")
    linter = inject.Linter(("KD102",))  # reversed date ranges, opt-in
    assert any(
        d.line == 3 for d in linter.lint(text, art.path, art.fmt)
    )  # a finding before the edit
    start = text.index("1901")
    harmless = Injection(
        "x",
        "x",
        art.path,
        text,
        text.replace("1901", "1902"),
        (Edit(start, start + 4, "1902"),),
        {5},
    )
    linter.judge(harmless, art.fmt)
    assert not harmless.caught  # the old finding on line 3 is not a catch of an edit on line 5
    new = text.replace("finished in 1901", "finished in 1901–1895")
    planted = Injection("x", "x", art.path, text, new, (Edit(start, start + 4, "1901–1895"),), {5})
    linter.judge(planted, art.fmt)
    assert planted.caught_by == ["KD102"]


def test_contradiction_counts_only_a_finding_that_touches_both_passages():
    import contradictions

    spans = [(0, 40), (41, 80)]
    both = Diagnostic("KD108", "r", Severity.ERROR, "m", 10, 14, [Related(60, 64, "other")])
    one = Diagnostic("KD108", "r", Severity.ERROR, "m", 10, 14, [Related(20, 24, "other")])
    assert contradictions.touches(both, spans)
    assert not contradictions.touches(one, spans)
    assert contradictions.touches(one, [(0, 40)])


ACRONYMS = """Anna Berg

Anna Berg worked for the United Nations (UN) in Geneva and later for the Northern Railway Company (NRC) in Uppsala, where the NRC trained her.

In 1925 she joined the Northern Railway Company (NRC) as a draughtswoman. The UN sent her to Oslo, and the NRC sent her to Malmo.
"""


def test_acronym_definition_spares_common_acronyms_and_second_definitions():
    art = Article.parse(ACRONYMS, "a.txt")
    cands = inject.acronym_definition(art, random.Random(0))
    edited = {ACRONYMS[e.start : e.end] for c in cands for e in c.edits}
    assert cands and all("(NRC)" in t for t in edited)  # never "(UN)": it needs no definition
    first = ACRONYMS.index("(NRC)")
    assert all(e.start < first for c in cands for e in c.edits)  # never the second "(NRC)"


TOLD_AGAIN = """Anna Berg

Anna Berg worked for the Northern Railway Company (NRC) in Uppsala and for the Malmo Tramway Board (MTB) in Malmo, and she wrote for the Railway Engineers Review (RER) for twenty years.

In 1931 she left the Northern Railway Company (NRC) for a post abroad, and the NRC never took her back.

In 1940 the MTB made her its chief engineer, a post she held for the rest of the decade.

See also

* The Railway Engineers Review (RER) in the national library
"""


def test_acronym_definition_needs_a_later_use_in_prose_that_does_not_define_it_again():
    art = Article.parse(TOLD_AGAIN, "a.txt")
    cands = inject.acronym_definition(art, random.Random(0))
    deleted = {TOLD_AGAIN[e.start : e.end] for c in cands for e in c.edits}
    # the MTB is met undefined in prose; the NRC is defined again where it is met next, and
    # the RER only in a "See also" list
    assert cands and all("MTB" in t for t in deleted)


OTHERS_ACT = """Anna Berg

Anna Berg (12 March 1901 – 4 June 1970) was a Swedish engineer who worked in Uppsala for most of her life.

In 1925 Berg joined the railway as a draughtswoman. Karl Lund wrote in 1931 that Berg was the finest engineer in Malmo. In 1938, she moved to Malmo.
"""


def test_date_order_moves_only_the_subjects_own_acts():
    art = Article.parse(OTHERS_ACT, "a.txt")
    who = inject.life(art)
    assert who is not None
    years = {y for *_, y in inject._events(art, who)}
    assert years == {1925, 1938}  # not 1931: Lund's act may fall after Berg's death


FAMILY_NAME_FIRST = """Du Fu

Du Fu (712 – 770) was a Chinese poet and politician of the Tang dynasty, read as one of its greatest.

In 735 Du sat the imperial examination and failed. In 744 Du met Li Bai in Luoyang. Many of Du's poems were lost.
"""


def test_date_order_names_the_subject_as_the_article_does():
    who = inject.life(Article.parse(FAMILY_NAME_FIRST, "a.txt"))
    assert who is not None and who.surname == "Du"  # not "Fu": the family name comes first
    assert inject.life(Article.parse(ARTICLE, "b.txt")).surname == "Berg"


def test_figures_no_change_fits_are_skipped_and_decimals_are_exact():
    # "90": the changed digit this seed draws is one "90" rounds to, and 9 cannot be raised
    assert inject._figure_variants("90", random.Random(1)) == []
    # a decimal is written to its last digit: "0.45" is not what "0.40" rounds
    assert not inject._rounds_to("0.40", "0.45")
    assert inject._rounds_to("8,000", "8,020") and not inject._rounds_to("8,000", "8,700")
    text = "The fleet had 90 ships: 30 frigates, 30 sloops and 30 brigs.\n\nIt sailed 3.40 miles (5.47 km) that day.\n"
    art = Article.parse(text, "fleet.txt")
    for seed in range(6):  # neither kind stops on them
        inject.total_parts(art, random.Random(seed))
        inject.conversion(art, random.Random(seed))


def test_twin_figure_skips_a_change_a_bound_of_one_of_the_two_still_allows():
    text = (
        "Harbour Comics\n\nThe series has over 550 million copies in circulation. It ran for "
        "ten years in the weekly magazine of the Harbour group.\n\nSales\n\nBy April 2021 it had "
        "550 million copies in circulation, more than any other series of its kind.\n"
    )
    art = Article.parse(text, "comics.txt")
    ms = [m for m in art.matches(inject._FIGURE) if m.group(1) == "550"]
    over, plain = ms
    # "over 500" against "550", and "590" against "over 550": both still true
    assert inject._still_true(art, over, "500", plain)
    assert inject._still_true(art, plain, "590", over)
    # "over 650" against "550", and "450" against "over 550": an error each
    assert not inject._still_true(art, over, "650", plain)
    assert not inject._still_true(art, plain, "450", over)
    cands = [c for seed in range(8) for c in inject.twin_figure(art, random.Random(seed))]
    assert cands  # the kind still plants errors here, only not those a bound allows
    for cand in cands:
        (edit,) = cand.edits
        changed = next(m for m in ms if m.start(1) == edit.start)
        twin = next(m for m in ms if m is not changed)
        assert not inject._still_true(art, changed, edit.new, twin)


ORGANISATION = """Acme Trading Company

The Acme Trading Company (ATC) was a chartered company of Dutch merchants. Among its founders was Willem Usselincx (1567–1647), who wrote its charter.

In 1621 the company was granted a monopoly. In 1647 it lost its charter to a rival.
"""


def test_life_is_the_leads_subjects_only():
    """A lifespan after the lead's verb dates someone the lead names, not its subject: an
    organisation is given no life (and no age), a person's bracket before the verb still is."""
    assert inject.life(Article.parse(ORGANISATION, "a.txt")) is None
    who = inject.life(Article.parse(ARTICLE, "b.txt"))
    assert who is not None and (who.birth, who.death) == (1901, 1970)


def test_no_sentence_is_planted_after_a_title_abbreviation():
    text = (
        "Title\n\nThe army waited for Brig. Gen. Buell at the river for three days and then "
        "crossed. Lt. Col. Smith and Capt. Jones held the ford until dark. The rest followed.\n"
    )
    art = Article.parse(text, "a.txt")
    points = art.insertion_points()
    assert [text[p - 8 : p] for p in points] == ["crossed.", "il dark.", "ollowed."]


def test_category_lines_are_no_prose():
    text = (
        "Title\n\nAnn Lee painted in Leeds for many years and taught in Leeds until she retired. "
        "Lee moved to York.\n\nCategory:1993 births Category:Living people Category:English "
        "painters Category:People from Leeds\n"
    )
    art = Article.parse(text, "a.md")
    assert [text[s : s + 8] for s, _ in art.paragraphs] == ["Ann Lee "]
