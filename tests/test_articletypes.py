"""Article-type schemas: the shipped ones match the schema classes; a broken one is one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import TypeAdapter

from klint import articletypes
from klint.articletypes import ArticleType, SchemaError, TypeConstraint, article_types, detect
from klint.packs import safe_load


@pytest.mark.parametrize(
    "path", sorted(articletypes.schema_dir().glob("*.yaml")), ids=lambda p: p.name
)
def test_each_shipped_schema_matches_the_schema_classes(path: Path) -> None:
    t = TypeAdapter(ArticleType).validate_python(safe_load(path.read_text(encoding="utf-8")))
    assert t.name == path.stem


def test_the_four_types_load_with_nested_classes() -> None:
    types = article_types()
    assert set(types) == {"event", "military-conflict", "organization", "person"}
    conflict = types["military-conflict"]
    assert conflict.detect is not None and conflict.detect.min == 2
    assert all(isinstance(c, TypeConstraint) for c in conflict.constraints)
    assert all(c.a.__class__.__name__ == "Selector" for c in conflict.constraints)


def test_detection_needs_the_minimum_of_labels() -> None:
    found = detect(["Date", "Commanders 1", "Strength 2"])
    assert found is not None and found[0].name == "military-conflict"
    assert detect(["Date", "Commanders 1"]) is None  # one conflict label is not enough


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: broken\ndescription: x\nfeilds: []\n", "feilds"),
        ("name: Broken\ndescription: x\n", "lower-case"),
        ("name: broken\ndescription: x\ndetect: {infobox: [Born], min: 0}\n", "at least 1"),
        ("- just\n- a list\n", "mapping"),
        ("name: other\ndescription: x\n", "does not match the file name"),
    ],
)
def test_a_broken_schema_file_is_one_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    (tmp_path / "broken.yaml").write_text(text)
    monkeypatch.setattr(articletypes, "schema_dir", lambda: tmp_path)
    article_types.cache_clear()
    try:
        with pytest.raises(SchemaError, match=message) as info:
            article_types()
        assert str(info.value).startswith("broken.yaml: ")
    finally:
        article_types.cache_clear()
