"""What rules build once per rule pack, and the checks they skip when a document lacks the
claims they read: the findings are those of a rule that builds and reads everything."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest

from klint.config import Config
from klint.engine import lint_text

HOUSE_PACK = """\
qualifiers:
  well-nigh: {kind: nearly, below: 0.1}
date_words:
  event_words: {razed: razing}
"""


def found(text: str, config: Config) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in lint_text(text, "a.txt", config)]


@pytest.mark.parametrize(
    ("text", "code", "plain", "house"),
    [
        ("Of the 600 members, 150 (well-nigh 40%) voted for the motion.\n", "KN208", False, True),
        ("Of the 600 members, 150 (about 40%) voted for the motion.\n", "KN208", True, True),
        (
            "Rebel forces razed Millbrook on April 3, 1993.\n\n"
            "After rebel forces razed Millbrook on April 5, 1993, the council met.\n",
            "KD108",
            False,
            True,
        ),
        (
            "Rebel forces captured Millbrook on April 3, 1993.\n\n"
            "After rebel forces captured Millbrook on April 5, 1993, the council met.\n",
            "KD108",
            True,
            False,  # the pack's event words stand for the built-in ones
        ),
    ],
)
def test_each_pack_has_its_own_words(
    tmp_path: Path, text: str, code: str, plain: bool, house: bool
) -> None:
    """A word lexicon built once per pack: a pack's own words count in its runs only, before
    and after a run with another pack."""
    pack = tmp_path / "house.yaml"
    pack.write_text(HOUSE_PACK, encoding="utf-8")
    builtin, own = Config(select=(code,)), Config(select=(code,), rule_packs=(str(pack),))
    before = found(text, builtin)
    assert [c for c, _ in found(text, own)] == ([code] if house else [])
    assert found(text, builtin) == before
    assert [c for c, _ in before] == ([code] if plain else [])


@pytest.mark.parametrize(
    "text",
    [
        "The garden wall was rebuilt in stone by the masons of the town.\n\n"
        "The garden wall was rebuilt in stone by the masons of the town.\n",
        "<!-- a note -->\n"
        "The garden wall was rebuilt in stone by the masons of the town.\n\n"
        "The garden wall was rebuilt in stone by the masons of the town.\n",
    ],
)
def test_two_blocks_are_enough_to_repeat(text: str) -> None:
    assert [c for c, _ in found(text, Config(select=("KX306",)))] == ["KX306"]
    one = text[: text.index("\n\n") + 1]
    assert found(one, Config(select=("KX306",))) == []


@pytest.mark.parametrize(
    ("date", "flagged"),
    [
        ("on April 5, 1993", True),
        ("in April 1993", False),  # contains April 3
        ("between April 5 and 9, 1993", False),  # a range is never compared
    ],
)
def test_kd108_reads_only_the_dates_it_compares(date: str, flagged: bool) -> None:
    text = (
        "Rebel forces captured Millbrook on April 3, 1993.\n\n"
        f"After rebel forces captured Millbrook {date}, the council met.\n"
    )
    assert bool(found(text, Config(select=("KD108",)))) == flagged


@pytest.mark.parametrize(
    ("intro", "flagged"),
    [
        ("The firm has the following three offices:", True),
        ("The firm has the following 3 offices:", True),
        ("The firm had two offices in 1990 and now has the following three offices:", True),
        ("The firm has three offices.\n\nThey are the following:", False),  # another paragraph's
        ("The firm has the following thirty-one offices:", False),  # too many to count
    ],
)
def test_kn206_reads_a_list_after_the_count_that_opens_it(intro: str, flagged: bool) -> None:
    text = f"# The Firm\n\n{intro}\n\n- Milan\n- Turin\n- Genoa\n- Naples\n"
    found = lint_text(text, "a.md", Config(select=("KN206",)))
    assert [d.message.split(" introduces")[1] for d in found] == (
        [" a list of 4 items"] if flagged else []
    )


PER_FILE = (("docs/*.wiki", ("KX306",)), ("*.md", ("KN", "KD108")), ("b.txt", ("KN211",)))


@pytest.mark.parametrize("path", ["docs/a.wiki", "a.wiki", "docs/a.md", "a.md", "b.txt", "c.txt"])
@pytest.mark.parametrize(
    "selectors",
    [
        {},
        {"select": ("KN", "KX")},
        {"extend_select": ("KD110", "KN2")},
        {"ignore": ("KX30",), "extend_select": ("KI003",)},
    ],
    ids=["default", "select", "extend", "ignore"],
)
def test_per_file_ignores_choose_rules_as_a_per_pattern_reading_does(
    tmp_path: Path, path: str, selectors: dict[str, tuple[str, ...]]
) -> None:
    """The rules for a file: those the selectors enable, less each code a per-file-ignores
    pattern that matches the file (by its path under the root or its name) names."""
    from klint.engine import enabled_rules
    from klint.rules import all_rules
    from klint.rules.redirects import covers

    config = Config(per_file_ignores=PER_FILE, root=str(tmp_path), **selectors)
    plain = Config(root=str(tmp_path), **selectors)
    file = str(tmp_path / path)

    def ignored(code: str) -> bool:
        return any(
            (fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern))
            and any(covers(c, code) for c in codes)
            for pattern, codes in PER_FILE
        )

    want = [
        r.code
        for r in all_rules()
        if plain.is_enabled(r.code, r.default_enabled) and not ignored(r.code)
    ]
    assert [r.code for r in enabled_rules(config, file)] == want
    assert [
        r.code for r in all_rules() if config.is_enabled(r.code, r.default_enabled, file)
    ] == want
