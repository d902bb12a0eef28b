"""KD rules: documentation contract, options, severities and messages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klint.config import Config
from klint.diagnostics import Severity
from klint.engine import lint_text
from klint.rules.dates import RULES

SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")


def run(text: str, code: str, **options: object) -> list:
    config = Config(select=(code,), rule_options={code: dict(options)} if options else {})
    return [d for d in lint_text("Title\n\n" + text + "\n", config=config) if d.code == code]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docstring_contract(rule: type) -> None:
    doc = rule.doc()
    for section in SECTIONS:
        assert section in doc, (rule.code, section)
    assert rule.summary and rule.name and rule.code.startswith("KD")


NARRATIVE = (
    "The council met on March 1, 1971. It called a strike on March 20, 1971. "
    "The owners answered on April 2, 1971. The port closed on April 25, 1971. "
    "The army arrived on April 4, 1971."
)


def test_kd104_threshold_option() -> None:
    assert run(NARRATIVE, "KD104") == []  # 21 days back: under the default month
    found = run(NARRATIVE, "KD104", **{"threshold-days": 10})
    assert len(found) == 1
    assert "April 4, 1971" in found[0].message and "April 25, 1971" in found[0].message


def test_kd104_names_both_places_and_values() -> None:
    text = (
        "In January 1989, the council met.\n\nIn June 1989, it called a strike.\n\n"
        "In January 1990, the strike spread.\n\nRiots broke out in the port in December 1988."
    )
    (d,) = run(text, "KD104")
    assert d.line == 9 and d.related[0].line == 7
    assert "December 1988" in d.message and "January 1990" in d.message and "line 7" in d.message
    assert d.severity == Severity.WARNING


def test_kd104_inferred_year_is_a_warning() -> None:
    text = (
        "On May 2, 1971, the council met. On May 20, the strike began. On June 9, the port closed. "
        "On July 1, the army arrived. On May 28, the strikers marched on the town hall."
    )
    (d,) = run(text, "KD104")
    assert d.severity == Severity.WARNING and "year inferred" in d.message


@pytest.mark.parametrize(
    "text",
    [
        # flashback cues
        "In May 1971 the council met. In June 1971 it voted. In July 1971 it struck. It had met first in March 1970.",
        "In May 1971 the council met. In June 1971 it voted. In July 1971 it struck. Earlier, in March 1970, it formed.",
        "In May 1971 the council met. In June 1971 it voted. In July 1971 it struck. Since March 1970 it had grown.",
        # report date, background statistic, quotation, parenthesis
        "In May 1971 the council met. In June 1971 it voted. In July 1971 it struck, as reported in March 1975.",
        "In May 1971 the council met. In June 1971 it voted. In July 1971 it struck. In 1965 the port was busier.",
        'In May 1971 the council met. In June 1971 it voted. In July 1971 it struck. "In March 1970 we began," he said.',
        "In May 1971 the council met. In June 1971 it voted. In July 1971 it struck (its founders met in March 1970).",
    ],
)
def test_kd104_quiet_on_flashbacks(text: str) -> None:
    assert run(text, "KD104") == []


def test_kd105_tolerance_of_round_phrases() -> None:
    base = "The republic ceased to exist on December 31, 1991. One month prior, on {}, the assembly voted."
    assert run(base.format("November 21"), "KD105") == []  # 40 days: "one month" is approximate
    assert run(base.format("September 2"), "KD105")  # 120 days is not one month
    assert run(base.format("January 5, 1992"), "KD105")  # after, not prior


def test_kd106_leap_year_and_distant_durations() -> None:
    assert (
        run("They rioted in three days of violence, from February 27 to March 1, 1988.", "KD106")
        == []
    )
    assert run("They rioted for three days, from February 27 to March 6, 1989.", "KD106")
    assert (
        run(
            "The war lasted from 1988 to 1994. After six years of fighting, both sides signed.",
            "KD106",
        )
        == []
    )


def test_kd107_posthumous_mentions_are_not_actions() -> None:
    text = (
        "Ivan Petrov died in March 1990. In June 1991, a memorial to Ivan Petrov was unveiled. "
        "In 1992, Ivan Petrov's son took his seat."
    )
    assert run(text, "KD107") == []
    assert run(
        "Ivan Petrov died in March 1990. In June 1991, Ivan Petrov signed the treaty.", "KD107"
    )


def test_kd108_contained_dates_agree() -> None:
    text = "The fortress of Dornfeld fell in April 1993. Rebel forces captured Dornfeld on April 3, 1993."
    assert run(text, "KD108") == []
    (d,) = run(
        "Rebels captured Dornfeld on April 3, 1993. Later, rebels captured Dornfeld on April 5, 1993.",
        "KD108",
    )
    assert (
        d.severity == Severity.WARNING
        and "April 3, 1993" in d.message
        and "April 5, 1993" in d.message
    )


def test_kd108_finds_events_after_letters_that_lower_to_two() -> None:
    """ "İ" lowers to two characters; the event words must still be found at their own offsets."""
    text = (
        "İsgandar İbrahimov and İlham İsmayilov led the İzmir and İmishli units. "
        "Rebels captured Dornfeld on April 3, 1993. Later, rebels captured Dornfeld on April 5, 1993."
    )
    (d,) = run(text, "KD108")
    assert "the capture of Dornfeld" in d.message and "April 5, 1993" in d.message


def test_kd109_weekday() -> None:
    (d,) = run("The strike began on Monday, February 20, 1988.", "KD109")
    assert "Saturday" in d.message and "Monday" in d.message
    assert run("The strike began on Saturday, February 20, 1988.", "KD109") == []


def test_kd101_and_kd102_messages() -> None:
    (d,) = run("The harbour opened on February 30, 1992.", "KD101")
    assert "29 days" in d.message
    (d,) = run("The rebellion began in 1990 and ended in 1985.", "KD102")
    assert "1985" in d.message and "1990" in d.message and d.related


def test_kd107_other_people_and_non_lifespans() -> None:
    text = (
        "Rebels mourned the death of Petrov, who was killed on June 12, 1993. "
        "In 1995, Oleg Petrov wrote his memoirs."
    )
    assert run(text, "KD107") == []  # a different Petrov
    stint = "Derek Lowe (2005–2007) pitched for the club. In 2010, Derek Lowe signed elsewhere."
    assert run(stint, "KD107") == []  # two years is a tenure, not a life
    (d,) = run(
        "Rebels mourned the death of Petrov, who was killed on June 12, 1993. In 1995, Petrov signed.",
        "KD107",
    )
    assert d.severity == Severity.WARNING and "June 12, 1993" in d.message and "1995" in d.message


@settings(max_examples=60, deadline=5000)
@given(
    st.lists(
        st.sampled_from(
            [
                "In March 1990",
                "On May 3, 1991,",
                "two months later",
                "Ivan Petrov died in 1989.",
                "(1921–1889)",
                "Monday, February 20, 1988",
                "captured Orsk on April 3, 1993",
                "five years (1992–1994)",
                "had",
                "earlier",
                "the war began in 1990",
                "February 30, 1992",
                "\n\n",
                ". ",
                ", ",
                "Petrov",
                "in 1965",
                "Date 1988–1994\n",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_rules_never_crash(text: str) -> None:
    diags = lint_text("Title\n\n" + text, config=Config(select=("KD",)))
    assert not [d for d in diags if d.code.startswith("KI")]


def test_kd115_age_by_surname() -> None:
    text = (
        "Marta Kovac (born 12 March 1950) is a rower. On 24 August 1969, Kovac won the European title "
        "at the age of 25."
    )
    (d,) = run(text, "KD115")
    assert "19" in d.message and "12 March 1950" in d.message
    assert run(text.replace("age of 25", "age of 19"), "KD115") == []


def test_kd103_span_from_the_claims_file(tmp_path) -> None:
    from klint.engine import lint_paths

    article = tmp_path / "war.txt"
    article.write_text(
        "Valley War\n\nThe Valley War was fought in the upper Tarn valley.\n\n"
        "The final battles of the war took place in March 1986 near the ford.\n",
        encoding="utf-8",
    )
    (tmp_path / "war.klint.yaml").write_text(
        "version: 1\nsubject:\n  name: Valley War\n  span: {start: 1978-03, end: 1983-06}\n",
        encoding="utf-8",
    )
    (d,) = [d for d in lint_paths([str(article)], Config(select=("KD103",))) if d.code == "KD103"]
    assert d.line == 5 and "1978-03..1983-06" in d.message and "March 1986" in d.message


def test_kd104_bad_threshold_is_reported_clearly() -> None:
    config = Config(select=("KD104",), rule_options={"KD104": {"threshold-days": "a month"}})
    (d,) = lint_text("Title\n\nIn May 1990 it rained.\n", config=config)
    assert d.code == "KI001" and "threshold-days: expected a number, got 'a month'" in d.message


def test_prose_dates_are_the_sound_dates_of_prose_regions_in_order() -> None:
    """The dates the KD rules walk: those of paragraphs and list items, none of a table's
    cells or of a heading, and none reversed or impossible."""
    from klint.extract import extract
    from klint.packs import load_packs
    from klint.rules import Context
    from klint.rules.dates._common import narrative_region, prose_dates
    from klint.sources import read_text

    text = (
        "== Career in 1990 ==\n"
        "She joined the firm in 1991. It closed on 31 February 1995.\n\n"
        '{| class="wikitable"\n! Name !! Years\n|-\n| Smith || 1994–2001\n|}\n\n'
        "* The office moved in 1996, from 2001 to 1999 by some accounts.\n"
    )
    doc = read_text(text, "a.wiki")
    packs = load_packs()
    ctx = Context(doc=doc, claims=extract(doc, packs), packs=packs, config=Config(), sidecar=None)
    assert [c.text for c in ctx.claims.dates] == [
        "1990",
        "1991",
        "31 February 1995",
        "1994–2001",
        "1996",
        "2001 to 1999",
    ]
    found = prose_dates(ctx)
    assert [c.text for c, _ in found] == ["1991", "1996"]
    assert all(region is narrative_region(ctx, c.start) for c, region in found)
    assert prose_dates(ctx) is found  # read once per document
