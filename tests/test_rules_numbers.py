"""KN rules: documented examples, qualifier tolerances from the pack, and speed on long texts."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klint.config import Config
from klint.engine import lint_text
from klint.rules.numbers import RULES


def _codes(text: str, code: str, **config) -> list[str]:
    return [
        d.message
        for d in lint_text(text, config=Config(select=(code,), **config))
        if d.code == code
    ]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docstring_contract(rule) -> None:
    doc = rule.doc()
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert section in doc
    assert rule.summary and ("opt-in" in rule.summary) == (not rule.default_enabled)


@pytest.mark.parametrize(
    "a,b",
    [
        ("about 6,000", "5,900"),
        ("nearly 6,000", "5,900"),
        ("at least 400", "485"),
        ("as many as 5,000", "3,000"),
        ("6,000", "6,000"),
        ("5,000–7,000", "6,500"),
    ],
)
def test_qualified_values_agree(a: str, b: str) -> None:
    text = (
        f"Sample article\n\nArmenia's army lost {a} dead in the war, the ministry said.\n\n"
        f"In total, Armenia's army lost {b} dead in the war.\n"
    )
    assert _codes(text, "KN201") == []


@pytest.mark.parametrize(
    "a,b",
    [
        ("6,000", "5,900"),
        ("nearly 6,000", "6,100"),
        ("over 400", "300"),
        ("as many as 5,000", "6,000"),
    ],
)
def test_conflicting_values(a: str, b: str) -> None:
    text = (
        f"Sample article\n\nArmenia's army lost {a} dead in the war, the ministry said.\n\n"
        f"In total, Armenia's army lost {b} dead in the war.\n"
    )
    (msg,) = _codes(text, "KN201")
    assert a.split()[-1] in msg and b in msg and "line 3" in msg


def test_tolerances_come_from_the_rule_pack(tmp_path: Path) -> None:
    pack = tmp_path / "strict.yaml"
    pack.write_text(
        "qualifiers:\n  about: {kind: about, below: 0.0, above: 0.0}\n", encoding="utf-8"
    )
    text = (
        "Sample article\n\nArmenia's army lost about 6,000 dead in the war, the ministry said.\n\n"
        "In total, Armenia's army lost 5,900 dead in the war.\n"
    )
    assert _codes(text, "KN201") == []  # built-in: "about" allows 10 %
    assert _codes(text, "KN201", rule_packs=(str(pack),))  # the user's pack makes it strict


def test_different_sides_and_scopes_do_not_conflict() -> None:
    text = (
        "Sample article\n\nArmenia's army lost 6,000 dead in the war.\n\n"
        "Azerbaijan's army lost 11,000 dead in the war.\n\n"
        "In the winter offensives Azerbaijan's army lost as many as 5,000 dead.\n"
    )
    assert _codes(text, "KN201") == []


def test_restatements_stay_linear() -> None:
    """One sentence repeated in 2,000 paragraphs: KN209's restatement pairs are bounded."""
    text = (
        "Title\n\n"
        + (
            "In the survey of county boards the Board received a 63 percent approval rating.\n\n"
            "The union had 5,000 members in the county and 7,000 members in the city.\n\n"
        )
        * 1000
    )
    t = time.process_time()  # CPU time: a busy machine stretches the wall clock, not this
    lint_text(text, config=Config(select=("KN209",)))
    assert time.process_time() - t < 10


def test_long_article_is_fast() -> None:
    """Quantities are bucketed by what they count: no rule walks all pairs."""
    sentences = [
        f"Country{i}'s army lost {1000 + i:,} dead in the war, and {i + 5} tanks were destroyed."
        for i in range(3000)
    ]
    text = (
        "Sample article\n\n"
        + "\n\n".join(" ".join(sentences[k : k + 10]) for k in range(0, 3000, 10))
        + "\n"
    )
    t = time.process_time()  # CPU time: a busy machine stretches the wall clock, not this
    diags = lint_text(text, config=Config(select=("KN",)))
    assert time.process_time() - t < 10
    assert not [d for d in diags if d.code.startswith("KN")]


DATA = Path(__file__).parent / "data" / "numbers"


def test_realistic_near_misses_stay_quiet() -> None:
    """Scores, seasons, elections, demographics, growth, unit conversions: no KN finding."""
    text = (DATA / "near-misses.txt").read_text(encoding="utf-8")
    diags = [d for d in lint_text(text, config=Config(select=("KN",))) if d.code.startswith("KN")]
    assert not diags, "\n".join(f"{d.line} {d.code} {d.message}" for d in diags)


def test_realistic_triggers() -> None:
    text = (DATA / "triggers.txt").read_text(encoding="utf-8")
    expected = {
        (m.group(1), n)
        for n, line in enumerate(text.splitlines(), 1)
        for m in [re.search(r"expect: (KN\d+)", line)]
        if m
    }
    got = {
        (d.code, d.line)
        for d in lint_text(text, config=Config(select=("KN",)))
        if d.code.startswith("KN")
    }
    assert got == expected


_TOKENS = [
    "1,000",
    "20%",
    "120%",
    "–",
    "-",
    "of the",
    "of them",
    "in total",
    "voted",
    "4-3",
    "seven-member",
    "committee",
    "Armenia's",
    "army",
    "lost",
    "dead",
    "in the war",
    "about",
    "nearly",
    "as many as",
    "(",
    ")",
    ",",
    ".",
    " and ",
    "\n\n",
    "\n",
    "Total",
    "Entity Troops Tanks Guns",
    "three",
    "nations",
    "Armenia",
    "Azerbaijan",
    "Georgia",
    "refugees",
    "displaced",
    "a further",
    "0",
    "00",
    "9.5",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=80).map(" ".join))
def test_rules_never_crash(text: str) -> None:
    diags = lint_text("Sample article\n\n" + text, config=Config(select=("KN",)))
    assert not [d for d in diags if d.code == "KI001"], [
        d.message for d in diags if d.code == "KI001"
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The garrison numbered 4,000 men in all: 2,500 Genoese, 1,200 Catalans and 600 militia.",
            1,
        ),
        ("The garrison had 4,000 men: 2,500 Genoese, 1,200 Catalans and 600 militia.", 1),
        (
            "The garrison numbered 4,000 men in all: 2,500 Genoese, 1,200 Catalans and 600 Militia men.",
            1,
        ),
        # near misses: each number after a capitalized label, a part with decimals
        ("The army had 4,000 men in all: Genoese 2,500, Catalans 1,200 and Militia 600.", 0),
        (
            "The garrison numbered 4,000 men in all: 2,500 Genoese, 1,200 Catalans and 600.5 militia.",
            0,
        ),
    ],
)
def test_a_breakdown_s_parts_are_amounts_without_a_label_or_decimals(text: str, found: int) -> None:
    assert len(_codes(text, "KN202")) == found


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Stages", "stages", "x", " ", "  ", "\n", "\t", "É", "-", "2"]),
        max_size=10,
    ),
    st.integers(0, 40),
)
def test_a_label_before_a_number_is_searched_for_only_where_its_pattern_can_match(
    parts: list[str], lo: int
) -> None:
    """``_labelled`` answers as ``_LABEL_BEFORE``'s search does (its look-behind reading before
    the window too), searching only where the window ends in a blank after a capital's word."""
    from klint.rules.numbers._breakdown import _LABEL_BEFORE, _labelled

    view = "".join(parts)
    lo = min(lo, len(view))
    assert _labelled(view, lo, len(view)) == (_LABEL_BEFORE.search(view, lo, len(view)) is not None)
