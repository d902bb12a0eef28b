"""Golden test: the KX rules on the seed article against ``tests/data/seed_gold_findings.yaml``.

A finding matches a gold entry when the family is ``xref`` and its line and a
related line equal the gold ``{line, related_line}`` pair in either order; a gold
entry without a related line (or a one-place kind such as undefined-acronym) is
matched on its line; a name variant may be reported at either spelling.
Every KX rule runs here, the opt-in ones (KX302, KX303) included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from klint.config import Config, discover
from klint.engine import lint_text
from klint.rules import get_rule

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "nagorno-karabakh-war.txt"
GOLD = yaml.safe_load(
    (ROOT / "tests" / "data" / "seed_gold_findings.yaml").read_text(encoding="utf-8")
)
#: The seed folder's own vocabulary (seeds/vocabulary.yaml, loaded by seeds/.klint.yaml).
PACKS = discover(str(SEED.parent)).rule_packs
ONE_PLACE = {"undefined-acronym", "infobox-entity-unmentioned", "typo-entity"}

#: Every KX finding on the seed, as (code, line): the gold entry it answers, and why.
EXPECTED: dict[tuple[str, int], str] = {
    (
        "KX301",
        223,
    ): "G023 certain: 'the previous two' resolutions, only Resolution 822 (line 201) before",
    ("KX309", 233): "G025 certain: CSCE here, OSCE on line 48, renaming never stated",
    ("KX302", 233): "G026 certain: CSCE never expanded",
    ("KX302", 48): "G027 likely: OSCE never expanded",
    ("KX302", 82): "G028 certain: MVD never expanded",
    ("KX302", 113): "G029 certain: OMON never expanded",
    (
        "KX302",
        115,
    ): "G030 certain: NKR never defined; 'Republic of Nagorno-Karabakh' (line 46) offered",
    ("KX302", 59): "G031 likely: SFSR never expanded",
    ("KX302", 186): "G032 likely: ECUs never expanded",
    (
        "KX305",
        254,
    ): "G035 likely: Aliyev vs Aliev; G052 certain: Azerbaian vs Azerbaijan (same line)",
    (
        "KX305",
        199,
    ): "G036 certain: Kelbjar; G038 certain: Ganje; G040 certain: Mardakert vs Martakert",
    ("KX305", 227): "G037 certain: Khelbajar vs Kelbajar",
    ("KX305", 206): "G039 certain: Ganje vs Ganja (line 169)",
    ("KX305", 225): "G041 certain: Mardakert vs Martakert (line 210)",
    ("KX305", 210): "G044 likely: 'Nagorno Karabakh' unhyphenated",
    ("KX305", 220): "G045 likely: 'Nagorno Karabakh Autonomous Oblast' (caption)",
    ("KX305", 221): "G046 likely: the same in the repeated caption",
    ("KX305", 250): "G047 likely: 'Nagorno Karabakh' unhyphenated",
    ("KX307", 23): "G053 certain: Samvel Babayan never mentioned in the body",
    ("KX307", 25): "G054 certain: Hemayag Haroyan never mentioned",
    ("KX307", 26): "G055 certain: Vazgen Sargsyan never mentioned",
    ("KX307", 27): "G056 certain: Arkady Ter-Tatevosyan never mentioned",
    # G061-G072: captions repeated verbatim (KX306)
    **{
        ("KX306", line): "G061-G072 certain: caption repeated"
        for line in (40, 109, 136, 151, 153, 155, 174, 204, 221, 240, 242, 244)
    },
}


@pytest.fixture(scope="module")
def findings():
    return lint_text(
        SEED.read_text(encoding="utf-8"),
        path=str(SEED),
        config=Config(select=("KX",), rule_packs=PACKS),
    )


def _matches(d, g: dict) -> bool:
    related = [r.line for r in d.related]
    if "related_line" not in g or g["kind"] in ONE_PLACE:
        return d.line == g["line"]
    pair = {g["line"], g["related_line"]}
    if g["kind"] == "name-variant":  # one finding a pair of spellings, every place related
        return pair <= {d.line, *related}
    return {d.line, *related[:1]} == pair or any({d.line, r} == pair for r in related)


def _gold(confidence: str) -> list[dict]:
    return [g for g in GOLD["findings"] if g["family"] == "xref" and g["confidence"] == confidence]


@pytest.mark.parametrize("gold", _gold("certain"), ids=lambda g: g["id"])
def test_every_certain_xref_finding_is_found(findings, gold):
    assert any(_matches(d, gold) for d in findings), (
        f"{gold['id']} {gold['kind']} line {gold['line']}: {gold['quote']}"
    )


@pytest.mark.parametrize("gid", ["G027", "G031", "G032", "G035", "G044", "G045", "G046", "G047"])
def test_likely_findings_reported_precisely(findings, gid):
    gold = next(g for g in GOLD["findings"] if g["id"] == gid)
    assert any(_matches(d, gold) for d in findings), gid


def test_nothing_else_is_reported(findings):
    unexpected = [
        f"{d.line}:{d.column} {d.code} {d.message}"
        for d in findings
        if (d.code, d.line) not in EXPECTED
    ]
    assert not unexpected, "\n".join(unexpected)
    missing = sorted(set(EXPECTED) - _reported(findings))
    assert not missing, missing


def _reported(findings) -> set[tuple[str, int]]:
    """Each finding's line, and the lines of the same slip it lists as related ("again here")."""
    out = {(d.code, d.line) for d in findings}
    out |= {(d.code, r.line) for d in findings for r in d.related if "again here" in r.message}
    return out


def stated_as_one(d) -> list[set[int]]:
    """The pairs of places a finding links: its own place with each related one, except that a
    grouped KX305 finding's further place ("again here") is linked with the places after it."""
    anchor, out = d.line, []
    for r in d.related:
        if "again here" in r.message:
            anchor = r.line
        else:
            out.append({anchor, r.line})
    return out


def test_default_rules_report_only_the_expected(findings):
    default = lint_text(
        SEED.read_text(encoding="utf-8"), path=str(SEED), config=Config(rule_packs=PACKS)
    )
    kx = {k for k in _reported(default) if k[0].startswith("KX")}
    assert kx == {k for k in EXPECTED if get_rule(k[0]).default_enabled}


@pytest.mark.parametrize(
    "control",
    [g for g in GOLD["negative_controls"] if g["family"] == "xref"],
    ids=lambda g: g["id"],
)
def test_negative_controls_are_quiet(findings, control):
    on_line = [
        d for d in findings if d.line == control["line"] and (d.code, d.line) not in EXPECTED
    ]
    assert not on_line, [d.message for d in on_line]
    if "related_line" in control:  # never the two places of a control linked in one finding
        for d in findings:
            pair = {control["line"], control["related_line"]}
            assert pair not in stated_as_one(d) or len(pair) == 1, d.message


def test_different_people_are_not_merged(findings):
    """N025/N026: Ilham and Heidar Aliev, Monte and Markar Melkonian are different people."""
    for d in findings:
        assert not ("Ilham" in d.message and "Heidar" in d.message)
        assert "Markar" not in d.message and "Monte" not in d.message


def test_demonyms_and_designations_are_not_findings(findings):
    """N029, N034: GRAD, MEGA OIL, NSV, T-72, Su-25, P.M.; Azeri and Azerbaijani."""
    text = " ".join(d.message for d in findings if d.code != "KX306")  # KX306 quotes whole captions
    for word in ("GRAD", "MEGA", "NSV", "T-72", "Su-25", "P.M.", "Azeri\u201d", "NATO", "SSR "):
        assert word not in text


def test_reverse_infobox_check_on_the_seed():
    """G057, G058 (debatable, opt-in): leaders named in the body but missing from the infobox."""
    config = Config(select=("KX307",), rule_options={"KX307": {"reverse": True}}, rule_packs=PACKS)
    found = lint_text(SEED.read_text(encoding="utf-8"), path=str(SEED), config=config)
    reverse = {(d.line, d.related[0].line) for d in found if d.related}
    assert reverse == {(178, 23), (146, 32)}


def test_every_format_of_the_seed_gets_the_same_kx_findings():
    """The seed as Markdown, wikitext and HTML: the same findings on the same words."""
    from collections import Counter

    def found(path: Path) -> Counter:
        text = path.read_text(encoding="utf-8")
        diags = lint_text(
            text, path=str(path), config=Config(select=("KX",), ignore=("KX306",), rule_packs=PACKS)
        )
        places = [(d.code, d.start, d.end) for d in diags]
        places += [
            (d.code, r.start, r.end) for d in diags for r in d.related if "again here" in r.message
        ]
        return Counter((code, " ".join(text[s:e].split())) for code, s, e in places)

    expected = found(SEED)
    assert sum(expected.values()) == 25
    for suffix in (".md", ".wiki", ".html"):
        other = SEED.with_suffix(suffix)
        if other.exists():
            assert found(other) == expected, suffix
