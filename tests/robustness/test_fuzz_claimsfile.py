"""Random YAML through the claims-file loader, and mutated claims files through the KS rules.

``klint.claimsfile.parse`` must never raise: every bad input becomes a Problem
(reported as KS001). Mutations of the seed's real claims file (values replaced
by random ones, items dropped or duplicated, wrong types) must give findings,
never KI001. An alias bomb beside an article is rejected with KS001, quickly.
"""

from __future__ import annotations

import copy
import importlib.util
import shutil
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("klint.claimsfile") is None,
    reason="the claims-file loader has not landed",
)

REPO = Path(__file__).resolve().parents[2]
SEED_CLAIMS = REPO / "seeds" / "nagorno-karabakh-war.klint.yaml"
SEED_ARTICLE = REPO / "seeds" / "nagorno-karabakh-war.txt"

from ._fuzz import internal_errors, scaled

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=True)
    | st.text(max_size=15)
    | st.sampled_from(
        [
            "1988-02",
            "1994-05-12",
            "2020-13-40",
            "armenian-side",
            "person",
            "state",
            "troops",
            "about",
            "nearly",
            "",
            "0000-00",
            "-5",
            "1e309",
            "İsgandar",
            "x" * 300,
        ]
    )
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
KEYS = st.sampled_from(
    ["version", "subject", "entities", "facts", "events", "constraints", "klint", "other"]
)
CLAIMS_LIKE = st.dictionaries(KEYS, VALUES, max_size=6)


def _parse(text: str):
    from klint.claimsfile.loader import parse

    sc = parse(text, "a.klint.yaml")
    if sc is not None:
        for p in sc.problems:
            assert p.message.strip()
            assert p.line >= 1 and p.column >= 1
    return sc


@scaled(120)
@given(
    text=st.text(max_size=300) | CLAIMS_LIKE.map(lambda d: yaml.safe_dump(d, allow_unicode=True))
)
@example(text="!!python/object/apply:os.system ['echo pwned']")
@example(text="version: 1\nfacts: [{id: a, value: .nan, quote: x}]\n")
@example(text="a: &a [*a]\n")
@example(text="[" * 5000)
@example(text="\ufeffversion: 1\n")
def test_parse_never_raises(text: str) -> None:
    _parse(text)


def _seed_claims() -> dict:
    return yaml.safe_load(SEED_CLAIMS.read_text(encoding="utf-8"))


@st.composite
def mutated(draw) -> dict:
    data = copy.deepcopy(_seed_claims())
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(["subject", "entities", "facts", "events", "constraints"]))
        node = data.get(section)
        if isinstance(node, list) and node:
            i = draw(st.integers(0, len(node) - 1))
            op = draw(st.sampled_from(["replace-field", "drop", "duplicate", "replace-item"]))
            if op == "drop":
                node.pop(i)
            elif op == "duplicate":
                node.append(copy.deepcopy(node[i]))
            elif op == "replace-item":
                node[i] = draw(VALUES)
            elif isinstance(node[i], dict) and node[i]:
                key = draw(st.sampled_from(sorted(node[i])))
                node[i][key] = draw(VALUES)
        elif isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            node[key] = draw(VALUES)
        else:
            data[section] = draw(VALUES)
    return data


@pytest.fixture(scope="module")
def article_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("claims")
    shutil.copyfile(SEED_ARTICLE, folder / "war.txt")
    return folder


@scaled(25)
@given(data=mutated())
def test_mutated_claims_files_never_crash_a_rule(article_dir: Path, data: dict) -> None:
    from klint.config import Config
    from klint.engine import lint_file

    (article_dir / "war.klint.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    result = lint_file(str(article_dir / "war.txt"), Config(select=("ALL",)))
    assert not internal_errors(result.diagnostics)


def test_alias_bomb_beside_an_article_is_ks001(tmp_path: Path) -> None:
    from klint.config import Config
    from klint.engine import lint_file

    lol = ", ".join(['"lol"'] * 9)
    bomb = (
        "version: 1\nx-a: &a ["
        + lol
        + "]\n"
        + "".join(
            f"x-{chr(98 + k)}: &{chr(98 + k)} [" + ", ".join([f"*{chr(97 + k)}"] * 9) + "]\n"
            for k in range(8)
        )
        + "facts: *i\n"
    )
    shutil.copyfile(SEED_ARTICLE, tmp_path / "war.txt")
    (tmp_path / "war.klint.yaml").write_text(bomb)
    started = time.monotonic()
    result = lint_file(str(tmp_path / "war.txt"), Config(select=("ALL",)))
    assert time.monotonic() - started < 10
    ks001 = [d for d in result.diagnostics if d.code == "KS001"]
    assert ks001 and "alias" in ks001[0].message
    assert not internal_errors(result.diagnostics)


def test_huge_claims_file_is_ks001(tmp_path: Path) -> None:
    from klint.config import Config
    from klint.engine import lint_file

    shutil.copyfile(SEED_ARTICLE, tmp_path / "war.txt")
    (tmp_path / "war.klint.yaml").write_text("version: 1\n" + "# pad\n" * 300_000)
    result = lint_file(str(tmp_path / "war.txt"), Config(select=("ALL",)))
    assert any(d.code == "KS001" and "larger than" in d.message for d in result.diagnostics)


@scaled(40)
@given(
    front=CLAIMS_LIKE.map(lambda d: yaml.safe_dump(d, allow_unicode=True)) | st.text(max_size=200)
)
@example(front="klint: &a [*a]\n")
@example(front="klint:\n  facts: [{id: x, value: 5, quote: war}]\n")
def test_random_front_matter_in_markdown(front: str) -> None:
    from klint.config import Config
    from klint.engine import lint_text

    from ._fuzz import available_formats

    if "markdown" not in available_formats():
        pytest.skip("the Markdown reader has not landed")
    text = (
        f"---\n{front}\n---\n\n# The war\n\nThe war began in 1988 and ended in 1994; 3,000 died.\n"
    )
    assert not internal_errors(lint_text(text, "a.md", Config(select=("ALL",)), "markdown"))
