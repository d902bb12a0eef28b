"""The claims file: models, the safe located loader, anchors, constraint evaluation, bootstrap."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from klint.claimsfile import anchor, load_for
from klint.claimsfile.bootstrap import starter
from klint.claimsfile.dates import bounds, parse_partial
from klint.claimsfile.evaluate import Evaluator
from klint.claimsfile.loader import parse
from klint.claimsfile.models import ClaimsFile
from klint.config import Config
from klint.document import Document
from klint.engine import lint_file
from klint.packs import load_packs
from klint.sources import read_path, read_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "nagorno-karabakh-war.txt"
SEED_CLAIMS = ROOT / "seeds" / "nagorno-karabakh-war.klint.yaml"


def problems(text: str) -> list[tuple[int, int, str]]:
    sc = parse(text, "x.klint.yaml")
    assert sc is not None
    return [(p.line, p.column, p.message) for p in sc.problems]


# -- the acceptance cases: each a located problem, never an exception ---------

BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi")
)

INVALID = [
    # (name, text, line, column, words in the message)
    (
        "wrong type",
        "facts:\n  - id: a\n    value: many\n    quote: q\n",
        3,
        12,
        ["facts[0].value", "valid number", "many"],
    ),
    (
        "unknown key",
        "facts:\n  - id: a\n    vaule: 3\n",
        3,
        5,
        ["unknown key 'vaule'", "did you mean 'value'"],
    ),
    (
        "unknown top key",
        "subject: {type: person}\nfact: []\n",
        2,
        1,
        ["unknown key 'fact'", "'facts'"],
    ),
    (
        "bad month",
        "events:\n  - id: e\n    date: 1994-13-01\n",
        3,
        11,
        ["events[0].date", "month 13"],
    ),
    ("bad day", "events:\n  - id: e\n    date: '1993-02-29'\n", 3, 11, ["day 29", "February 1993"]),
    (
        "duplicate ids",
        "entities:\n  - {id: a, name: A}\nfacts:\n  - {id: a, value: 1}\n",
        4,
        10,
        ["duplicate id 'a'", "line 2"],
    ),
    ("reserved id", "events:\n  - {id: subject, date: 1990}\n", 2, 10, ["duplicate id 'subject'"]),
    ("syntax error", "facts: [\n  {id: a\n", 3, 1, ["invalid YAML"]),
    ("unclosed quote", 'subject:\n  name: "Nagorno\n', 3, 1, ["invalid YAML"]),
    ("tab indent", "facts:\n\t- id: a\n", 2, 1, ["tab"]),
    ("alias bomb", BOMB, 2, 8, ["aliases", "100,000"]),
    ("recursive alias", "facts: &x [*x]\n", 1, 12, ["recursive alias"]),
    (
        "python tag",
        "subject: !!python/object/apply:os.system ['true']\n",
        1,
        10,
        ["unsupported YAML tag"],
    ),
    ("duplicate key", "subject:\n  name: A\n  name: B\n", 3, 3, ["duplicate key 'name'", "line 2"]),
    ("merge key", "base: &b {value: 1}\nfacts:\n  - <<: *b\n    id: a\n", 3, 5, ["merge keys"]),
    ("not a mapping", "- a\n- b\n", 1, 1, ["must be a mapping"]),
    ("missing key", "entities:\n  - id: a\n", 2, 5, ["missing required key 'name'"]),
    (
        "bad constraint kind",
        "constraints:\n  - {kind: bfore, first: a, then: b}\n",
        2,
        5,
        ["bfore", "before"],
    ),
    (
        "value and range",
        "facts:\n  - {id: a, value: 1, range: [1, 2]}\n",
        2,
        5,
        ["exactly one of value or range"],
    ),
    (
        "died before born",
        "entities:\n  - {id: p, name: P, born: 1950, died: 1940}\n",
        2,
        5,
        ["born 1950 is after died 1940"],
    ),
]


@pytest.mark.parametrize("name,text,line,column,words", INVALID, ids=[c[0] for c in INVALID])
def test_invalid_claims_file_is_located(
    name: str, text: str, line: int, column: int, words: list[str]
) -> None:
    found = problems(text)
    assert found, name
    first = found[0]
    assert (first[0], first[1]) == (line, column), found
    for w in words:
        assert w in first[2], found


def test_size_limit() -> None:
    text = "subject:\n  name: " + "x" * (1024 * 1024 + 10) + "\n"
    (found,) = problems(text)
    assert "larger than" in found[2]


def test_nothing_is_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"subject: !!python/object/apply:os.system ['touch {marker}']\n"
    assert problems(text)
    assert not marker.exists()


@pytest.mark.parametrize("name,text,line,column,words", INVALID, ids=[c[0] for c in INVALID])
def test_invalid_claims_file_gives_ks001_in_the_claims_file(
    tmp_path: Path, name: str, text: str, line: int, column: int, words: list[str]
) -> None:
    article = tmp_path / "war.txt"
    article.write_text("The war began in 1990.\n", encoding="utf-8")
    (tmp_path / "war.klint.yaml").write_text(text, encoding="utf-8")
    result = lint_file(str(article), Config(select=("KS",)))
    ks001 = [d for d in result.diagnostics if d.code == "KS001"]
    assert ks001, result.diagnostics
    assert not [d for d in result.diagnostics if d.code.startswith("KI")]
    d = ks001[0]
    assert d.path == str(tmp_path / "war.klint.yaml")
    assert (d.line, d.column) == (line, column)


def test_cli_reports_ks001_with_file_line_column(tmp_path: Path, klint_cli) -> None:
    (tmp_path / "war.txt").write_text("The war began in 1990.\n", encoding="utf-8")
    (tmp_path / "war.klint.yaml").write_text(
        "events:\n  - id: e\n    date: 1994-13-01\n", encoding="utf-8"
    )
    proc = klint_cli(
        "check", "war.txt", "--select", "KS", "--output-format", "concise", cwd=tmp_path
    )
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stderr
    assert "war.klint.yaml:3:11: KS001" in proc.stdout


def test_unreadable_claims_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "a.klint.yaml").write_bytes(b"subject:\n  name: \xff\xfe\n")
    result = lint_file(str(tmp_path / "a.txt"), Config(select=("KS001",)))
    assert [(d.code, d.line) for d in result.diagnostics] == [("KS001", 2)]


# -- the models --------------------------------------------------------------


def test_seed_claims_file_is_valid() -> None:
    sc = load_for(read_path(SEED))
    assert sc is not None and sc.problems == [] and sc.model is not None
    assert sc.model.subject.type == "military-conflict"
    assert len(sc.model.facts) >= 10 and len(sc.model.events) >= 10


def test_partial_dates() -> None:
    assert parse_partial(1994) == "1994"
    assert parse_partial("1994-5") == "1994-05"
    assert parse_partial("1992-02-29") == "1992-02-29"
    assert bounds("1994-05") == (bounds("1994-05-01")[0], bounds("1994-05-31")[1])
    for bad in ("1994-13", "1993-02-29", "May 1994", True, 1.5, "0000"):
        with pytest.raises(ValueError):
            parse_partial(bad)


def test_model_rejects_duplicate_ids_without_the_loader() -> None:
    with pytest.raises(ValueError, match="duplicate id"):
        ClaimsFile.model_validate(
            {"facts": [{"id": "a", "value": 1}], "events": [{"id": "a", "date": 1990}]}
        )


def test_front_matter_claims_are_located_in_the_article() -> None:
    text = "---\ntitle: A war\nfacts:\n  - {id: a, vaule: 1}\n---\n# A war\n\nText.\n"
    doc = Document(
        text,
        "war.md",
        "markdown",
        front_matter={"title": "A war", "facts": [{"id": "a", "vaule": 1}]},
    )
    sc = load_for(doc)
    assert sc is not None and sc.path == "war.md"
    assert [(p.line, p.column) for p in sc.problems] == [(4, 13)]


def test_front_matter_under_a_klint_key() -> None:
    text = "---\ntitle: T\nklint:\n  facts:\n    - {id: a, value: 1, quote: one}\n---\nText one.\n"
    sc = load_for(Document(text, "t.md", "markdown", front_matter={}))
    assert sc is not None and sc.problems == [] and sc.model.facts[0].id == "a"


def test_front_matter_without_claims_is_not_a_claims_file() -> None:
    assert (
        load_for(
            Document("---\ntitle: T\n---\nText.\n", "t.md", "markdown", front_matter={"title": "T"})
        )
        is None
    )


def test_sidecar_beside_markdown_and_wikitext_copies(tmp_path: Path) -> None:
    for suffix in (".md", ".wiki", ".txt"):
        article = tmp_path / f"war{suffix}"
        article.write_text("Text.\n", encoding="utf-8")
    (tmp_path / "war.klint.yaml").write_text("subject: {name: War}\n", encoding="utf-8")
    for suffix in (".md", ".wiki", ".txt"):
        sc = load_for(Document("Text.\n", str(tmp_path / f"war{suffix}")))
        assert sc is not None and sc.model is not None and sc.model.subject.name == "War"


# -- anchors -----------------------------------------------------------------


def test_anchor_exact_and_masked() -> None:
    doc = read_text(
        "Refugees displaced from the fighting\naccount to nearly two million people.\n", "a.txt"
    )
    quote = "Refugees displaced from the fighting account to nearly one million people"
    a = anchor.find(doc, quote, packs=load_packs())
    assert a is not None and not a.exact
    assert anchor.find(doc, quote.replace("one", "two"), packs=load_packs()).exact
    assert anchor.find(doc, "Refugees fled the fighting", packs=load_packs()) is None


def test_numbers_and_dates_in_text() -> None:
    nums = [
        v
        for v, _, _ in anchor.numbers_in(
            "nearly one million, 400,000 and 1.3 million", load_packs()
        )
    ]
    assert nums == [1_000_000, 400_000, 1_300_000]
    dates = [
        p
        for p, _, _ in anchor.dates_in(
            "on February 20, 1988, 8 May 1992, May of 1994, On May 8, in 1991"
        )
    ]
    assert dates == [(1988, 2, 20), (1992, 5, 8), (1994, 5, None), (None, 5, 8), (1991, None, None)]
    assert anchor.date_agrees((None, 5, 8), "1992-05-08")
    assert not anchor.date_agrees((1992, 5, 9), "1992-05-08")


# -- constraint evaluation ---------------------------------------------------


def _violations(data: dict) -> list[str]:
    ev = Evaluator(ClaimsFile.model_validate(data), load_packs())
    return [v.message for v in ev.declared()]


def test_sum_uses_qualifier_intervals() -> None:
    facts = [
        {"id": "total", "value": 1_000_000, "qualifier": "nearly"},
        {"id": "p1", "value": 400_000, "qualifier": "about"},
        {"id": "p2", "value": 800_000, "qualifier": "about"},
        {"id": "u1", "value": 400_000, "qualifier": "as-many-as"},
        {"id": "u2", "value": 800_000, "qualifier": "as-many-as"},
    ]
    bad = _violations(
        {"facts": facts, "constraints": [{"kind": "sum", "total": "total", "parts": ["p1", "p2"]}]}
    )
    assert len(bad) == 1 and "less than the sum" in bad[0] and "1,200,000" in bad[0]
    assert (
        _violations(
            {
                "facts": facts,
                "constraints": [{"kind": "sum", "total": "total", "parts": ["u1", "u2"]}],
            }
        )
        == []
    )
    ok = [{"id": "t", "value": 100}, {"id": "a", "value": 60}, {"id": "b", "value": 45}]
    assert (
        _violations(
            {
                "facts": ok,
                "constraints": [
                    {"kind": "sum", "total": "t", "parts": ["a", "b"], "tolerance": 0.05}
                ],
            }
        )
        == []
    )
    assert _violations(
        {"facts": ok, "constraints": [{"kind": "sum", "total": "t", "parts": ["a", "b"]}]}
    )


def test_date_constraints() -> None:
    events = [
        {"id": "a", "date": "1992-05-08"},
        {"id": "b", "date": "1992-05-18"},
        {"id": "c", "date": 1991},
    ]
    assert (
        _violations(
            {"events": events, "constraints": [{"kind": "before", "first": "a", "then": "b"}]}
        )
        == []
    )
    assert _violations(
        {"events": events, "constraints": [{"kind": "before", "first": "b", "then": "a"}]}
    )
    assert (
        _violations(
            {"events": events, "constraints": [{"kind": "after", "first": "a", "then": "c"}]}
        )
        == []
    )
    assert _violations(
        {
            "events": events,
            "constraints": [
                {"kind": "before", "first": "a", "then": "b", "gap": {"max": "1 week"}}
            ],
        }
    )
    assert (
        _violations(
            {
                "events": events,
                "constraints": [
                    {
                        "kind": "before",
                        "first": "a",
                        "then": "b",
                        "gap": {"min": "1 week", "max": "2 weeks"},
                    }
                ],
            }
        )
        == []
    )
    # year precision: 1991 vs 1991-06 is not certainly out of order
    assert (
        _violations(
            {
                "events": [{"id": "x", "date": 1991}, {"id": "y", "date": "1991-06"}],
                "constraints": [{"kind": "before", "first": "y", "then": "x"}],
            }
        )
        == []
    )


def test_range_difference_contemporary_equal_single_value() -> None:
    data = {
        "subject": {"span": {"start": "1988-02", "end": "1994-05"}},
        "entities": [
            {"id": "p", "name": "P", "born": 1957, "died": "1993-06-12"},
            {"id": "q", "name": "Q", "born": 1900, "died": 1950},
        ],
        "facts": [
            {"id": "dead", "value": 6000, "counted": "dead"},
            {"id": "troops", "value": 5000, "counted": "troops"},
            {"id": "t2", "value": 5100, "counted": "troops"},
        ],
        "events": [{"id": "e", "date": 1998}],
    }

    def run(c: dict) -> list[str]:
        return _violations({**data, "constraints": [c]})

    assert run({"kind": "range", "of": "e", "within": "subject"})
    assert run({"kind": "range", "of": "dead", "max": 5000})
    assert run({"kind": "range", "of": "dead", "min": 0, "max": 10000}) == []
    assert run({"kind": "difference-within-range", "a": "dead", "b": "troops", "min": 0})
    assert run({"kind": "contemporary", "ids": ["p", "subject"]}) == []
    assert run({"kind": "contemporary", "ids": ["q", "subject"]})
    assert run({"kind": "equal", "ids": ["troops", "t2"]})
    assert run({"kind": "equal", "ids": ["troops", "t2"], "tolerance": 0.05}) == []
    assert run({"kind": "single-value", "counted": "troops"})


# -- bootstrap ---------------------------------------------------------------


def test_starter_claims_file_is_valid_and_quiet(tmp_path: Path) -> None:
    article = tmp_path / "war.txt"
    shutil.copy(SEED, article)
    from klint.extract import extract

    doc = read_path(article)
    text = starter(doc, extract(doc, load_packs()), "claims.schema.json")
    assert text.startswith("# yaml-language-server: $schema=claims.schema.json\n")
    sc = parse(text, "war.klint.yaml")
    assert sc is not None and sc.problems == [], sc.problems[:3]
    (tmp_path / "war.klint.yaml").write_text(text, encoding="utf-8")
    result = lint_file(str(article), Config(select=("KS001", "KS002", "KS003", "KS006")))
    assert result.diagnostics == []


def test_extract_sidecar_never_overwrites_without_force(tmp_path: Path, klint_cli) -> None:
    shutil.copy(SEED, tmp_path / "war.txt")
    first = klint_cli("extract", "war.txt", "--sidecar", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    target = tmp_path / "war.klint.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    again = klint_cli("extract", "war.txt", "--sidecar", cwd=tmp_path)
    assert again.returncode == 2 and "--force" in again.stderr
    assert target.read_text(encoding="utf-8") == "# mine\n"
    forced = klint_cli("extract", "war.txt", "--sidecar", "--force", cwd=tmp_path)
    assert forced.returncode == 0 and target.read_text(encoding="utf-8").startswith(
        "# yaml-language-server"
    )


def test_markdown_front_matter_end_to_end(tmp_path: Path) -> None:
    pytest.importorskip("klint.sources.markdown")
    article = tmp_path / "flood.md"
    body = (
        "---\n"
        "title: The Ashford flood\n"
        "facts:\n"
        '  - {id: displaced, value: 10000, qualifier: nearly, quote: "displaced nearly 10,000 people"}\n'
        '  - {id: town, value: 7000, quote: "7,000 came from the town"}\n'
        '  - {id: villages, value: 5000, quote: "5,000 from the villages"}\n'
        "constraints:\n"
        "  - {id: add-up, kind: sum, total: displaced, parts: [town, villages]}\n"
        "---\n"
        "# The Ashford flood\n\n"
        "The flood displaced nearly **10,000** people. Some 7,000 came from the town and 5,000 from the villages.\n"
    )
    article.write_text(body, encoding="utf-8")
    (d,) = lint_file(str(article), Config(select=("KS",))).diagnostics
    assert (d.code, d.path, d.line) == ("KS004", str(article), 12)
    article.write_text(
        body.replace("{id: town, value: 7000", "{id: town, vaule: 7000"), encoding="utf-8"
    )
    (d,) = lint_file(str(article), Config(select=("KS",))).diagnostics
    assert (d.code, d.path, d.line, d.column) == ("KS001", str(article), 5, 16)


def test_markdown_front_matter_of_other_tools_is_ignored(tmp_path: Path) -> None:
    pytest.importorskip("klint.sources.markdown")
    article = tmp_path / "post.md"
    article.write_text("---\ntitle: [unclosed\n---\n# Post\n\nText.\n", encoding="utf-8")
    assert list(lint_file(str(article), Config(select=("KS",))).diagnostics) == []


def test_a_bare_number_quote_is_not_found_anywhere_else() -> None:
    doc = read_text("The town had 5,000 people.\n", "a.txt")
    assert anchor.find(doc, "6,000", packs=load_packs()) is None
    assert (
        anchor.find(doc, "had 6,000 people", packs=load_packs()) is None
    )  # too little text of its own
    assert anchor.find(doc, "The town had 6,000 people", packs=load_packs()) is not None


def test_parse_never_raises_on_arbitrary_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(
        list("abcdefz019-:,[]{}&*!|>'\"#%@`\t\n ") + ["facts", "id", "value", "- ", "date"]
    )

    @settings(max_examples=300, deadline=None)
    @given(st.lists(alphabet, max_size=60).map("".join))
    def run(text: str) -> None:
        sc = parse(text, "x.klint.yaml")
        assert sc is not None
        for p in sc.problems:
            assert p.line >= 1 and p.column >= 1 and p.message

    run()


def test_seed_claims_agree_with_the_independent_inventory() -> None:
    """Every curated date and number matches the gold inventory's reading of the same words."""
    import yaml

    inventory = yaml.safe_load(
        (ROOT / "tests" / "data" / "seed_claims_inventory.yaml").read_text(encoding="utf-8")
    )
    model = load_for(read_path(SEED)).model
    for item in [*model.events, *model.facts]:
        hits = [
            c for c in inventory["claims"] if c["quote"] in item.quote or item.quote in c["quote"]
        ]
        if not hits:
            continue
        if hasattr(item, "date"):
            want = item.date or item.start
            assert any(str(c.get("normalized")) == want for c in hits), (item.id, hits)
        else:
            assert any(c.get("value") == item.value or c.get("low") == item.value for c in hits), (
                item.id,
                hits,
            )


def test_pydantic_loads_only_for_an_article_with_a_claims_file(tmp_path: Path) -> None:
    """An article without a claims file is checked without the claims-file models or pydantic."""
    import subprocess
    import sys

    (tmp_path / "plain.txt").write_text("The war began in 1990. It ended in 1994.\n")
    (tmp_path / "kept.txt").write_text("The war began in 1990. It ended in 1994.\n")
    (tmp_path / "kept.klint.yaml").write_text(
        "version: 1\nfacts:\n  - id: start\n    value: 1990\n    quote: The war began in 1990\n"
    )
    code = (
        "import sys\n"
        "from klint.cli import main\n"
        "for name in sys.argv[1:]:\n"
        "    try:\n"
        "        main(['check', name, '--no-cache', '--exit-zero', '-q'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "    print('LOADED', name, 'pydantic' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "plain.txt", "kept.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("LOADED")]
    assert lines == ["LOADED plain.txt False", "LOADED kept.txt True"]


def test_a_facts_qualifiers_are_the_quantity_qualifiers_less_range_and_vague() -> None:
    from typing import get_args

    from klint.claims import QuantityQualifier
    from klint.claimsfile.models import Qualifier

    quantity = [q for q in get_args(QuantityQualifier) if q not in ("range", "vague")]
    assert list(get_args(Qualifier)) == quantity


def test_has_sidecar_finds_the_file_sidecar_path_names() -> None:
    """Whatever the article's name (a dot first or last, several dots, a folder, a trailing
    slash, "." and ".."), the file is found exactly when the one ``sidecar_path`` names exists;
    a file of another stem beside it is a near-miss."""
    import os
    import tempfile

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from klint.claimsfile import has_sidecar, sidecar_path

    part = st.sampled_from(["a", "b.c", ".d", "e.", "..", ".", "f.g.h", "i. ", "j..k", ""])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(part, min_size=1, max_size=4).map("/".join))
    def run(relative: str) -> None:
        with tempfile.TemporaryDirectory() as root:
            article = root + "/x/" + relative
            side = sidecar_path(article)
            assert side is not None
            assert not has_sidecar(article)
            if not os.path.realpath(side).startswith(os.path.realpath(root) + os.sep):
                return  # ".." past the folder: nothing is written outside it
            try:
                side.parent.mkdir(parents=True, exist_ok=True)
                (side.parent / ("other" + side.name)).write_text("")
                assert not has_sidecar(article)  # another stem's claims file
                side.write_text("")
            except OSError:
                return  # a name the file system refuses ("..": a folder already)
            assert has_sidecar(article)

    run()
    assert not has_sidecar("<stdin>") and not has_sidecar("")
