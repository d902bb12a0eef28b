"""Claim frames: subject, attribute and time of every date and number, from prose and fields."""

from __future__ import annotations

import pytest

from klint.claims import Frame
from klint.extract import extract
from klint.extract.frames import event_key, key, lemma
from klint.packs import load_packs
from klint.sources import read_text


def _frames(text: str, path: str) -> list[tuple[str, Frame]]:
    doc = read_text(text, path)
    claims = extract(doc, load_packs())
    return [
        (" ".join(c.text.split()), claims.frames[c]) for c in claims.all() if c in claims.frames
    ]


def _frame(text: str, path: str, claim: str) -> Frame:
    found = [f for t, f in _frames(text, path) if t == claim]
    assert found, f"no claim {claim!r} in {[t for t, _ in _frames(text, path)]}"
    return found[0]


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("storeys", "storey"),
        ("stories", "story"),
        ("casualties", "casualty"),
        ("died", "die"),
        ("killed", "kill"),
        ("planned", "plan"),
        ("members", "member"),
        ("founded", "founded"),
        ("species", "species"),
        ("campus", "campus"),
    ],
)
def test_lemma(word: str, base: str) -> None:
    assert lemma(word) == base


def test_inflections_meet_at_one_key() -> None:
    assert key("released") == key("release") == key("releases")
    assert key("employed") == key("employ")


TOWER = """{{Infobox building
| name = Crane Tower
| floor_count = 58
| height = {{convert|240|m|ft}}
| opened = 1931
}}
'''Crane Tower''' is a 60-storey office tower in [[Chicago]], 240 m tall. It opened in 1932.
"""


def test_infobox_fields_give_subject_and_attribute() -> None:
    f = _frame(TOWER, "t.wiki", "58")
    assert (f.subject, f.attribute, f.origin, f.how) == (
        "Crane Tower",
        "floors",
        "infobox",
        "infobox",
    )
    assert _frame(TOWER, "t.wiki", "240 metres").attribute == "height"
    assert _frame(TOWER, "t.wiki", "1931").attribute == "opened"


def test_prose_frames_follow_the_words_around_the_claim() -> None:
    f = _frame(TOWER, "t.wiki", "60-storey")
    assert (f.subject, f.attribute, f.origin) == ("Crane Tower", "floors", "lead")
    assert _frame(TOWER, "t.wiki", "240 m").attribute == "height"
    f = _frame(TOWER, "t.wiki", "1932")  # "It opened in 1932": it → the tower
    assert (f.subject, f.how, f.attribute) == ("Crane Tower", "pronoun", "opened")


FILM = """{{Infobox film
| name = Night Ferry
| released = 1932
}}
'''Night Ferry''' is a 1932 British comedy film directed by [[Ann Lee]]. The film was released in 1952 in the [[United States]].
"""


def test_a_year_before_a_work_noun_is_its_release_and_the_film_is_the_subject() -> None:
    f = _frame(FILM, "f.wiki", "1932")
    assert f.origin == "infobox"
    lead = next(f for t, f in _frames(FILM, "f.wiki") if t == "1932" and f.origin == "lead")
    assert (lead.subject, lead.attribute) == ("Night Ferry", "released")
    f = _frame(FILM, "f.wiki", "1952")
    assert (f.subject, f.how, f.attribute, f.where) == (
        "Night Ferry",
        "noun",
        "released",
        "the United States",
    )


UNION = """---
title: Union of Weavers
founded: 1921
members: 8,000 (1950)
date: 2020-01-01
weight: 3
---
# Union of Weavers

The Union of Weavers is a British trade union. It was founded in 1921 by [Jane Roe](/people/jane-roe).
In 1950 the union had 9,500 members. At its peak it had 12,000 members.

[Jane Roe](/people/jane-roe) founded the [Guild of Dyers](/wiki/Guild_of_Dyers) in 1930.
Its first leader John Smith was born in London on 12 May 1790. He died in 1826.
"""


def test_front_matter_top_level_keys_are_fields_and_site_keys_are_not() -> None:
    fields = [(t, f) for t, f in _frames(UNION, "u.md") if f.origin == "front matter"]
    assert [(t, f.attribute, f.year) for t, f in fields] == [
        ("1921", "founded", None),
        ("8,000", "members", 1950),
    ]


def test_when_and_the_union_as_subject() -> None:
    f = _frame(UNION, "u.md", "9,500 members")
    assert (f.subject, f.attribute, f.year, f.when) == (
        "Union of Weavers",
        "members",
        1950,
        "in 1950",
    )
    assert _frame(UNION, "u.md", "12,000 members").when == "At its peak"


def test_an_active_making_verb_dates_its_object_by_link_target() -> None:
    f = _frame(UNION, "u.md", "1930")
    assert (f.subject, f.how, f.attribute) == ("Guild of Dyers", "link", "founded")


def test_a_named_person_is_the_subject_and_he_stays_unresolved_in_an_organisation_article() -> None:
    f = _frame(UNION, "u.md", "12 May 1790")
    assert (f.subject, f.attribute, f.where) == ("John Smith", "born", "London")
    f = _frame(UNION, "u.md", "1826")
    assert (f.subject, f.attribute) == (None, "died")


BIO = """'''Mary Rowe''' (2 May 1790 – 12 June 1826) was an English painter.
She was born in [[Bath, Somerset|Bath]]. In 1820 she married the painter [[John Keel]].
She died in 1826, aged 36. Her cousin Tom Keel died in 1840, aged 50.

She sold the mill to [[John Keel]]. He died in 1830, aged 45.

Tom Keel ran the mill. She sold it in 1825, aged 35.
"""


def test_biography_lifespan_and_pronouns() -> None:
    f = _frame(BIO, "b.wiki", "2 May 1790 – 12 June 1826")
    assert (f.subject, f.attribute) == ("Mary Rowe", "lifespan")
    f = _frame(BIO, "b.wiki", "1820")
    assert (f.subject, f.how, f.attribute) == ("Mary Rowe", "pronoun", "married")
    f = _frame(BIO, "b.wiki", "36")
    assert (f.subject, f.attribute, f.year) == ("Mary Rowe", "age", 1826)


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("She moved to Bath in 1820, and died in 1850.", "Mary Rowe"),
        ("Rowe married the painter Tom Keel in 1820, and died in 1850.", "Mary Rowe"),
        ("She left the [[Royal Academy]], and died in 1850.", "Mary Rowe"),
        ("In 1820 she settled at [[Bath Abbey]], and was buried there in 1850.", "Mary Rowe"),
        # near misses: another person is the sentence's subject; a participle after a name
        # without "and" is that name's
        ("Her cousin Tom Keel moved to Bath in 1820, and died in 1850.", "Tom Keel"),
        ("She painted the [[Royal Crescent]], completed in 1850.", "Royal Crescent"),
    ],
)
def test_a_second_verb_after_comma_and_is_the_sentence_subjects(
    sentence: str, subject: str
) -> None:
    text = "'''Mary Rowe''' (2 May 1790 – 12 June 1826) was an English painter.\n\n" + sentence
    assert _frame(text + "\n", "r.wiki", "1850").subject == subject


def test_ages_belong_to_the_person_in_their_clause() -> None:
    f = _frame(BIO, "b.wiki", "50")
    assert (f.subject, f.attribute, f.year) == ("Tom Keel", "age", 1840)
    # "he" in an article about a woman; another person named in the sentence before
    assert _frame(BIO, "b.wiki", "45").subject is None
    assert _frame(BIO, "b.wiki", "35").subject is None


def test_extract_json_shows_frames(tmp_path, capsys) -> None:
    import json

    from klint.cli import main

    path = tmp_path / "t.wiki"
    path.write_text(TOWER, encoding="utf-8")
    main(["extract", str(path), "--format", "json"])
    claims = json.loads(capsys.readouterr().out)["claims"]
    storey = next(c for c in claims if c["text"] == "60-storey")
    assert storey["frame"]["attribute"] == "floors" and storey["frame"]["subject"] == "Crane Tower"


@pytest.mark.parametrize(
    ("text", "claim", "subject"),
    [
        # possessives and relations: someone else
        ("'''Dylan Thomas''' was a Welsh poet. His widow died in 1994.", "1994", None),
        (
            "'''Dylan Thomas''' was a Welsh poet. Thomas's widow, Caitlin, died in 1994.",
            "1994",
            "Caitlin",
        ),
        (
            "'''Andrei Tarkovsky''' was a film director. Their son, Andrei Andreyevich "
            "Tarkovsky, was born in 1970.",
            "1970",
            "Andrei Andreyevich Tarkovsky",
        ),
        # "it" after a sentence about another named thing
        (
            "'''Samsung Group''' is a conglomerate.\n\n[[Samsung SDS]] is an IT company. "
            "It was founded in March 1985.",
            "March 1985",
            None,
        ),
        # the noun right before "was born", a participle after a name, a relative clause
        (
            "'''Abraham Lincoln''' was a president. He said the nation was born in 1776.",
            "1776",
            None,
        ),
        (
            "'''Belgium''' is a country. It joined the [[European Economic Community]], "
            "established in 1957.",
            "1957",
            "European Economic Community",
        ),
        (
            "'''Andre Agassi''' is a tennis player. He lost to [[Ken Rosewall]], who won the "
            "title in 1970 at age 35.",
            "35",
            "Ken Rosewall",
        ),
        # a longer name that is another person; a middle name that is not
        (
            "'''Douglas Adams''' was a writer, son of Christopher Douglas Adams (1927–1985).",
            "1927–1985",
            "Christopher Douglas Adams",
        ),
        (
            "'''Marina Baker''' is a writer. Marina Augusta Baker was born on 12 August 1967.",
            "12 August 1967",
            "Marina Baker",
        ),
        # a generational suffix tells father from son
        (
            "'''Clint Murchison Sr.''' was an oilman. [[Clint Murchison Jr.]] (1923–1987) ran "
            "the team. Murchison Sr. died on June 20, 1969.",
            "1923–1987",
            "Clint Murchison Jr.",
        ),
        # a biography names its subject by surname, its other people in full
        (
            "'''Aldous Huxley''' (1894–1963) was a writer. His brother [[Julian Huxley]] was a "
            "biologist. In 1937 Huxley moved to Hollywood.",
            "1937",
            "Aldous Huxley",
        ),
        (
            "'''Clint Murchison Sr.''' was an oilman. Clint Murchison Jr. ran the team. "
            "Murchison moved to Dallas in 1950.",
            "1950",
            "Murchison",
        ),
        # someone's death the clause's subject mourns is not the subject's
        (
            "'''Anne''' (1665–1714) was a queen. Anne was devastated by her husband's death in "
            "October 1708.",
            "October 1708",
            None,
        ),
        # the lead's first bracket after post-nominals or another spelling is the subject's
        (
            "'''Asafa Powell''', [[Order of Distinction|CD]] (born 23 November 1982) is a sprinter.",
            "23 November 1982",
            "Asafa Powell",
        ),
        (
            "'''Karl Weyprecht''', also spelt Carl Weyprecht, (8 September 1838 – 2 March 1881) "
            "was an explorer.",
            "8 September 1838 – 2 March 1881",
            "Karl Weyprecht",
        ),
        # an age belongs to the clause's subject, or to a name it stands right after
        (
            "'''Ibn Arabi''' was a scholar. Ibn Arabi left Andalusia at age 36 and arrived at "
            "Tunis in 1193.",
            "36",
            "Ibn Arabi",
        ),
        (
            "'''John Keel''' was an engraver. In 1820 Keel met [[Ann Hale]], aged 19.",
            "19",
            "Ann Hale",
        ),
        (
            "'''William Crookes''' was a chemist. In this he was influenced by the death of his "
            "younger brother Philip in 1867 at age 21.",
            "21",
            "Philip",
        ),
        # "died of" names a cause, not whose death it is
        (
            "'''Ayn Rand''' was a writer. Rand died of [[heart failure]] on March 6, 1982.",
            "March 6, 1982",
            "Ayn Rand",
        ),
        (
            "'''Ayn Rand''' was a writer. Rand died on March 6, 1982.",
            "March 6, 1982",
            "Ayn Rand",
        ),
        # a firm is not born and does not die: a death told by its short name is its namesake's
        (
            "'''Kessler Corporation''' is a media company. Kessler died in 1951.",
            "1951",
            None,
        ),
        # the subject's own possessive names a relative, even one named after the subject
        (
            "'''Queen Adela''' (1819–1901) was a queen. She married in 1840. Her daughter, also named "
            "Adela, was born on 21 November 1840.",
            "21 November 1840",
            "Adela",
        ),
        (
            "'''Queen Adela''' (1819–1901) was a queen. She married in 1840. Adela was crowned on "
            "28 June 1838.",
            "28 June 1838",
            "Queen Adela",
        ),
        # a lone given name before a bracket is a relative's; the surname is the subject's
        (
            "'''Sven Rune Berg''' (born 1956) is a player. He was the only child of Rune "
            "(1932–2008). Berg (born 6 June 1956) won at 13.",
            "1932–2008",
            None,
        ),
        (
            "'''Sven Rune Berg''' (born 1956) is a player. He was the only child of Rune "
            "(1932–2008). Berg (born 6 June 1956) won at 13.",
            "6 June 1956",
            "Sven Rune Berg",
        ),
        # a nicknamed relative's whole name, not its surname alone
        (
            "'''Clive Lewis''' (1898–1963) was a writer. He lived in Oxford. His brother Warren "
            'Hamilton "Warnie" Lewis, who died on 9 April 1973, was buried beside him.',
            "9 April 1973",
            'Warren Hamilton "Warnie" Lewis',
        ),
    ],
)
def test_subjects_on_real_article_shapes(text: str, claim: str, subject: str | None) -> None:
    assert _frame(text + "\n", "a.wiki", claim).subject == subject


def test_a_stop_before_written_reference_marks_ends_the_sentence() -> None:
    text = (
        "# Dylan Thomas\n\nDylan Thomas was a Welsh poet. He kept the photograph until his "
        "death.[23][24] In 1931, when he was 16, Thomas left school.\n"
    )
    assert _frame(text, "d.md", "1931").attribute != "died"


LAZY_FRAMES = """
import sys
from klint.config import Config
from klint.engine import lint_text
text = "Ann Lee (born 2 May 1790) was a painter. Lee died in 1850, aged 60."
lint_text(text, "a.txt")
assert "klint.extract.frames" not in sys.modules, "the default rules loaded the frames"
found = lint_text(text, "a.txt", Config(extend_select=["KD111"]))
assert "klint.extract.frames" in sys.modules
"""


def test_frames_are_loaded_only_by_a_rule_that_reads_them():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", LAZY_FRAMES], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("text", "how"),
    [
        ("'''Alfred Vail''' (1807–1859) was a machinist. Vail published a book in 1845.", "agent"),
        ("'''Alfred Vail''' (1807–1859) was a machinist. In 1845 he published a book.", "agent"),
        ("'''Alfred Vail''' (1807–1859) was a machinist. A book was published in 1845.", None),
    ],
)
def test_what_a_person_made_dates_the_persons_act(text: str, how: str | None) -> None:
    """A person's making verb dates the work; the frame keeps the person as its agent."""
    assert _frame(text + "\n", "a.wiki", "1845").how == how


@pytest.mark.parametrize(
    ("claim", "attribute"),
    [("March 19, 1905", "born"), ("September 1, 1981", "died"), ("1931", "joined")],
)
def test_two_dates_a_dash_joins_after_the_name_are_birth_and_death(
    claim: str, attribute: str | None
) -> None:
    text = (
        "ALBERT SPEER (; ; March 19, 1905\u00a0– September 1, 1981) was an architect. "
        "He joined the party in 1931 (April 1931 – May 1945 in office).\n"
    )
    assert _frame(text, "Albert_Speer.md", claim).attribute == attribute


@pytest.mark.parametrize(
    ("text", "claim", "subject", "attribute"),
    [
        (
            "Mass production of the Hale Comet began in April 1993.",
            "April 1993",
            "Hale Comet",
            "production start",
        ),
        (
            "Production of the Hale Comet: May 1993 – August 2002, at Tahara.",
            "May 1993 – August 2002",
            "Hale Comet",
            "production start",
        ),
        (
            "Construction of the Hale Bridge ran from 1929 to 1933.",
            "1929 to 1933",
            "Hale Bridge",
            "construction start",
        ),
        (
            "Construction of the Hale Bridge started in 1931.",
            "1931",
            "Hale Bridge",
            "construction start",
        ),
        (
            "In 1971, a second book was published, A Life on Film, in which she wrote.",
            "1971",
            "A Life on Film",
            "published",
        ),
        ("A Life on Film was published in 1967.", "1967", "A Life on Film", "published"),
        (
            "Hale Motor Works began production of the Hale Comet in April 1993.",
            "April 1993",
            "Hale Comet",
            "production start",
        ),
        (
            "The Lord of the Rings was published in 1954.",
            "1954",
            "The Lord of the Rings",
            "published",
        ),
    ],
)
def test_activity_starts_and_whole_work_titles(
    text: str, claim: str, subject: str | None, attribute: str | None
) -> None:
    f = _frame(f"Mary Vale\n\nMary Vale was a writer.\n\n{text}\n", "a.txt", claim)
    assert (f.subject, f.attribute) == (subject, attribute)


def test_a_span_with_another_verb_or_a_word_for_beginning_is_no_activity_start() -> None:
    for text, claim in [
        ("Work on the Hale Bridge was finished from 1929 to 1933.", "1929 to 1933"),
        ("Beginning of the war: 1337–1360", "1337–1360"),
        ("His telescoping of Russian history from 1917 to 1943 was noted.", "1917 to 1943"),
    ]:
        f = _frame(f"Mary Vale\n\nMary Vale was a writer.\n\n{text}.\n", "a.txt", claim)
        assert not (f.attribute or "").endswith(" start"), text


def test_what_a_band_has_released_is_a_count_of_the_kind_not_a_change() -> None:
    text = (
        "Doe Band\n\nDoe Band has released four studio albums. In 2001 it released two singles.\n"
    )
    assert _frame(text, "a.txt", "four studio albums").attribute == "studio albums"
    assert _frame(text, "a.txt", "two singles").attribute == "released"


def test_he_in_a_text_that_never_names_its_title_is_the_person_last_opening_a_sentence() -> None:
    text = (
        "In 2007, Sam Vale played the giant in the remake of the film about the sea. After "
        "winning the role, he watched the old films again. He is the tallest actor (6' 8\") "
        "to play the giant.\n"
    )
    assert _frame(text, "Tom_Hale.txt", "6' 8\"").subject == "Sam Vale"
    named = "Tom Hale\n\nTom Hale is an actor. " + text
    assert _frame(named, "Tom_Hale.txt", "6' 8\"").subject == "Tom Hale"


def _kd110(text: str, path: str) -> list:
    from klint.config import Config
    from klint.engine import lint_text

    return list(lint_text(text, path=path, config=Config(select=("KD110",))))


# front matter, not wikitext: a lead's bold name is an alias of the subject by itself
_FRONT = "---\ntitle: %s\nborn: %s April 1937\n---\n\n"


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        # a name with letters beyond ASCII, with a middle name in the lead
        (
            "Ferdinand Piëch",
            "Ferdinand Karl Piëch (17 April 1937 – 25 August 2019) was an engineer.",
        ),
        ("José Núñez", "José Núñez (born 17 April 1937) is a painter."),
        # a nickname in quotes, the title naming the person by it or by the given name
        ("Freddie Butler", "Altimont “Freddie” Butler (born 17 April 1937) is a striker."),
        (
            "Maggie Dixon",
            'Margaret Mary "Maggie" Dixon (17 April 1937 – 6 April 2006) was a coach.',
        ),
        ("Altimont Butler", "Altimont 'Freddie' Butler (born 17 April 1937) is a striker."),
    ],
)
def test_the_leads_name_is_the_subject_across_letters_and_nicknames(title: str, lead: str) -> None:
    text = _FRONT % (title, 17) + lead + "\n"
    lead_date = [f for t, f in _frames(text, "p.md") if "1937" in t][-1]
    assert (lead_date.origin, lead_date.subject) == ("lead", title)
    assert _kd110(text, "p.md") == []
    # the front matter's day changed: the lead's date and the front matter disagree
    assert len(_kd110(_FRONT % (title, 21) + lead + "\n", "p.md")) == 1


@pytest.mark.parametrize(
    ("title", "other"),
    [
        # another person: the nickname's bearer has another surname, or the name other words
        ("Freddie Butler", "Altimont “Freddie” Smith"),
        ("Ferdinand Piëch", "Ferdinand Karl Porsche"),
        ("José Núñez", "José Ramón Pérez"),
    ],
)
def test_near_miss_another_persons_name_is_not_the_subject(title: str, other: str) -> None:
    text = (
        _FRONT % (title, 17) + f"{title} is a player.\n\nHis rival, {other} (born 21 April 1937), "
        "was a coach.\n"
    )
    other_date = [f for t, f in _frames(text, "p.md") if "1937" in t][-1]
    assert other_date.subject != title
    assert _kd110(text, "p.md") == []


_LIFE = "Ann Hale (born 1808) was a nurse. Ann Hale would die in 1860 at the age of 52.\n\n"


@pytest.mark.parametrize(
    "text",
    [
        # a death told by a passive verb, dated in its sentence
        "In 1846 she was killed by a stray bullet at Monterrey.",
        "She was executed on 3 May 1846 in the square of the town.",
        "Hale was later assassinated in 1846 by a rival.",
        # a death told while what the sentence before dates went on
        "During the siege of the town in 1846, Ann Hale brought water to the troops. While "
        "tending a wounded soldier, she was struck by a bullet, killing her.",
        "During the uprising in 1846, Ann Hale hid the wounded in her house. As the soldiers "
        "searched the street, she was found and shot, and was killed at the door.",
    ],
)
def test_a_death_told_by_another_verb_is_a_death(text: str) -> None:
    found = _kd110("Ann Hale\n\n" + _LIFE + text + "\n", "a.txt")
    assert [d.code for d in found] == ["KD110"]
    assert "died" in found[0].message and "1846" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "In 1846 she killed a bear near Monterrey.",  # active: she killed something
        "Her brother was killed in 1846 at Monterrey.",  # a relative's death
        # the death is not told while the dated episode went on
        "In 1846 Ann Hale joined the nurses of the army. She was killed at Monterrey.",
        "During the siege of the town in 1846, Ann Hale brought water to the troops. While "
        "tending a wounded soldier, she was struck by a bullet, killing him.",
        "During the siege of the town in 1846, Ann Hale brought water to the troops. While "
        "tending a wounded soldier, she was struck by a bullet and wounded.",
        "During the siege of the town in 1846 and in 1847, Ann Hale brought water to the troops. "
        "While tending a wounded soldier, she was struck by a bullet, killing her.",
    ],
)
def test_near_miss_no_death_of_the_person_at_that_date(text: str) -> None:
    assert _kd110("Ann Hale\n\n" + _LIFE + text + "\n", "a.txt") == []


_PAGE = (
    "<html><head><title>Carl Looff</title></head><body><h1>Carl Looff</h1>"
    "<p>Carl Looff (May 24, 1852 – July 1, 1918) was a carver.</p>"
    '<p>Carl Looff was {verb} <a href="/wiki/Bad_Bramstedt" class="extiw" '
    'title="de:Bad Bramstedt">Bramstedt</a>, <a href="/wiki/Duchy_of_Holstein" '
    'title="Duchy of Holstein">Duchy of Holstein</a>, <a href="/wiki/Denmark" '
    'title="Denmark">Denmark</a> on May {day}, 1852.</p></body></html>\n'
)


# near miss: "baptised" stands more than ten words before the date, too far to be its verb
@pytest.mark.parametrize("verb", ["born in", "baptised in the parish of"])
def test_the_words_before_a_date_are_counted_without_the_markup_a_page_blanks(verb: str) -> None:
    f = [f for t, f in _frames(_PAGE.format(verb=verb, day=24), "p.html") if t.startswith("May 24")]
    assert f[-1].attribute == ("born" if verb == "born in" else None)
    found = _kd110(_PAGE.format(verb=verb, day=22), "p.html")
    assert len(found) == (1 if verb == "born in" else 0)


_FIRM = "---\ntitle: %s\nfounded: 2010\n---\n\n"


@pytest.mark.parametrize(
    ("firm", "lead"),
    [
        # another name shares the short name's word ("Deliveroo Editions"): the short name
        # alone is the firm only as its full name without the legal form
        ("Deliveroo Holdings plc", "Deliveroo, founded in 2013, runs Deliveroo Editions."),
        ("Acme Widgets, Inc.", "Acme Widgets was founded in 2013. Acme Tools is its rival."),
        ("Nordhaven Holdings Ltd", "Nordhaven Line sails. Nordhaven was established in 2013."),
    ],
)
def test_a_companys_short_name_leaves_out_its_legal_form(firm: str, lead: str) -> None:
    found = _kd110(_FIRM % firm + lead + "\n", "f.md")
    assert [d.code for d in found] == ["KD110"]


@pytest.mark.parametrize(
    ("firm", "lead"),
    [
        # another word than a legal form: another firm ("Deliveroo Ventures"), or the group's
        # bank, not the group
        ("Deliveroo Holdings plc", "Deliveroo Ventures is a fund founded in 2013."),
        ("Barclays Bank plc", "Barclays Group is a bank holding company founded in 2013."),
    ],
)
def test_near_miss_another_word_is_another_firm(firm: str, lead: str) -> None:
    assert _kd110(_FIRM % firm + lead + "\n", "f.md") == []


def test_the_bold_name_opening_the_lead_is_an_alias() -> None:
    box = "{{Infobox company\n| name = Nordhaven Shipping Group\n| foundation = %s\n}}\n"
    lead = "'''Nordhaven''' is a shipping line founded in 2013; it owns Nordhaven Ferries.\n"
    assert [d.code for d in _kd110(box % "2010" + lead, "n.wiki")] == ["KD110"]
    assert _kd110(box % "2013" + lead, "n.wiki") == []  # near miss: the same year


@pytest.mark.parametrize(
    ("noun", "attribute"), [("comedy film", "released"), ("comedy troupe", None)]
)
def test_the_words_after_a_year_are_counted_without_the_markup_a_page_blanks(
    noun: str, attribute: str | None
) -> None:
    page = (
        "<html><head><title>Bulworth</title></head><body><h1>Bulworth</h1><p><b>Bulworth</b> "
        'is a 1998 <a href="/wiki/Cinema_of_the_United_States" title="Cinema of the '
        f'United States">American</a> <a href="/wiki/Comedy" title="Comedy">{noun}</a> '
        "by Warren Beatty.</p></body></html>\n"
    )
    # near miss: the noun after the year is no work that is released or published
    assert next(f for t, f in _frames(page, "b.html") if t == "1998").attribute == attribute


@pytest.mark.parametrize(
    ("title", "found"),
    [
        ("Max Aitken", 1),  # the nickname and the surname name the subject
        ("William Maxwell Aitken", 1),  # so do the given names and the surname
        ("Max Weber", 0),  # near miss: another person
    ],
)
def test_the_leads_name_split_by_a_nickname_in_quotes(title: str, found: int) -> None:
    text = (
        f"---\ntitle: {title}\nborn: 23 May 1879\n---\n\n"
        'William Maxwell "Max" Aitken, 1st Baron Beaverbrook, PC, (25 May 1879 – 9 June 1964) '
        "was a tycoon.\n"
    )
    assert len(_kd110(text, "m.md")) == found


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("She went on to found Harbour Mediation Dublin in 1988.", "Harbour Mediation Dublin"),
        ("She helped found Harbour Mediation Dublin in 1988.", "Harbour Mediation Dublin"),
        ("She co-founded Harbour Mediation Dublin in 1988.", "Harbour Mediation Dublin"),
        ("She set up Harbour Mediation Dublin in 1988.", "Harbour Mediation Dublin"),
        ("In 1988 she set up Harbour Mediation Dublin.", "Harbour Mediation Dublin"),
    ],
)
def test_founding_verbs_the_attribute_words_miss(sentence: str, subject: str) -> None:
    """ "to found", "helped found", "co-founded" and "set up" date the founding of their object."""
    f = _frame(f"'''Ann Keel''' (born 1950) is an Irish mediator. {sentence}\n", "a.wiki", "1988")
    assert (f.subject, f.attribute) == (subject, "founded")


@pytest.mark.parametrize(
    "sentence",
    [
        "She found the minutes of Harbour Mediation Dublin in 1988.",
        "In 1988 she found the minutes of Harbour Mediation Dublin.",
        "She set the record of Harbour Mediation Dublin in 1988.",
    ],
)
def test_near_miss_found_as_the_past_of_find_is_no_founding(sentence: str) -> None:
    f = _frame(f"'''Ann Keel''' (born 1950) is an Irish mediator. {sentence}\n", "a.wiki", "1988")
    assert f.attribute != "founded"


@pytest.mark.parametrize(
    ("field", "prose"),
    [
        ("admittance date", "admitted"),
        ("dedication date", "dedicated"),
        ("closure", "closed"),
        ("departure date", "departed"),
        ("launch", "launched"),
        ("abandonment", "abandoned"),
    ],
)
def test_a_fields_noun_and_the_proses_verb_give_one_event(field: str, prose: str) -> None:
    assert event_key(field) == event_key(prose)


@pytest.mark.parametrize(
    ("field", "prose"),
    [("admittance date", "admired"), ("term end", "ended"), ("launch", "lunched")],
)
def test_near_miss_other_events_stay_apart(field: str, prose: str) -> None:
    assert event_key(field) != event_key(prose)


@pytest.mark.parametrize(
    ("box", "attribute"),
    [
        ("| AdmittanceDate = January 3, 1959", "admittance date"),
        ("| admittance_date = January 3, 1959", "admittance date"),
        ("| year_end = 1748", "dissolved"),
        ("| end_date = 3 May 1902", "dissolved"),
        ("| launch_date = {{start-date|December 21, 1968, 12:51:00|timezone=yes}}", "launched"),
        ("| pub_date = 1729", "published"),
        ("| built = 1912", "built"),
    ],
)
def test_field_names_in_any_spelling_give_the_attribute(box: str, attribute: str) -> None:
    text = "{{Infobox place\n| name = Lira\n" + box + "\n}}\n'''Lira''' is a place.\n"
    dates = [f for t, f in _frames(text, "lira.wiki") if f.origin == "infobox"]
    assert [f.attribute for f in dates] == [attribute]


def test_near_miss_a_terms_end_is_no_dissolution() -> None:
    text = "{{Infobox officeholder\n| name = Tom Marsh\n| term_end = 3 May 1902\n}}\n"
    (frame,) = [f for _, f in _frames(text, "marsh.wiki") if f.origin == "infobox"]
    assert frame.attribute == "term end"


@pytest.mark.parametrize(
    ("sentence", "attribute"),
    [
        ("He left Parliament in 1975 and died seven years later.", None),
        ("Hale stood down in 1975 and died two years afterwards.", None),
        ("He went home in 1975 and died there a year later.", "went"),
        ("He retired to Leeds in 1975 and died the following year.", "retired"),
        # near misses: the date is the verb's own, or its offset counts from another event
        ("He left Parliament and died in 1975.", "died"),
        ("In 1975 he died, seven years after leaving Parliament.", "died"),
        ("He was exiled and died in 1975, seven years later.", "died"),
    ],
)
def test_a_verb_counted_later_from_the_date_is_not_the_dates(
    sentence: str, attribute: str | None
) -> None:
    text = "'''Tom Hale''' (2 May 1909 – 12 June 1982) was an English politician.\n\n" + sentence
    assert _frame(text + "\n", "h.wiki", "1975").attribute == attribute


@pytest.mark.parametrize(
    "text",
    [
        "In 1990 the year1990 hers John Smith of Xyz their2 the foo-bar2 the union's it's its\n",
        "That hot-dog’s theirs The  company  grew,he1990 Mary van Der Berg's the people' s\n",
        "the it which whom whose1 who9 thatt that whoever This thisis THE the-end the x2 she\n",
        "That   old-style hers. Van Halen O'Neil it its 40th anniversary centennial commemorated\n",
    ],
)
def test_a_window_reads_the_matches_a_scan_of_it_alone_finds(text: str, monkeypatch) -> None:
    """Every window of a region, its edges cutting names, words and "the <noun>" anywhere:
    the matches read off the region's one scan are those of scanning the window."""
    from klint.extract import frames
    from klint.text.words import grammar_words

    monkeypatch.setattr(frames, "_SCANNED", 0)  # every window read off the scan
    monkeypatch.setattr(frames, "_APART", 0)
    art = frames._Article(read_text(text, "t.txt"), grammar_words(load_packs()))
    patterns = [
        frames._NAME_RE,
        frames._PRONOUN_RE,
        frames._THE_NOUN_RE,
        frames._RELATIVE_RE,
        frames._ANNIVERSARY_RE,
    ]
    for region in art.regions:
        for a in range(region.start, region.end + 1):
            for b in range(a, region.end + 1):
                for pattern in patterns:
                    got = [(m.span(), m.groups()) for m in frames._matches(art, pattern, a, b)]
                    want = [(m.span(), m.groups()) for m in pattern.finditer(art.view, a, b)]
                    assert got == want, (pattern.pattern, a, b, art.view[a:b])


@pytest.mark.parametrize(
    ("body", "whens"),
    [
        (
            "Membership rose from 500 in 1950 to 900 in 1960 and to 1,200 in 1970.",
            {"500": "in 1950", "1,200": "in 1970"},
        ),
        (
            "In 1950, 1960 and 1970 the union had 500, 900 and 1,200 members.",
            {"500": "and 1970", "900": "and 1970", "1,200 members": "and 1970"},
        ),
    ],
)
def test_a_number_holds_at_the_nearest_date_of_its_clause(body: str, whens: dict) -> None:
    found = _frames(f"The Union\n\n{body}\n", "u.txt")
    assert {t: f.when for t, f in found if f.when} == whens
