"""The image of klint's own YAML data (``src/klint/builtin.json``): current, exact, and
used only for a file it holds as that file is."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from klint import builtin, packs
from klint.articletypes import schema_dir
from klint.packs import builtin_dir, safe_load

ROOT = Path(__file__).resolve().parents[1]


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same type all the way down (``1 == 1.0 == True`` would pass ``==``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.parametrize(("kind", "folder"), [("packs", builtin_dir()), ("schemas", schema_dir())])
def test_the_image_holds_every_built_in_file_as_its_yaml_reads(kind: str, folder: Path) -> None:
    """Run ``python scripts/builtin_image.py`` after editing a pack or a schema."""
    entries = builtin.image(kind)  # type: ignore[arg-type]
    paths = sorted(folder.glob("*.yaml"))
    assert sorted(entries) == [p.name for p in paths]
    for path in paths:
        found, data = builtin.imaged(entries, path.name, path.read_bytes())
        assert found, f"{path.name} changed since the image was written"
        assert _same(data, safe_load(path.read_text(encoding="utf-8"))), path.name


def test_the_image_script_finds_it_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "builtin_image.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_pack_edited_since_the_image_is_read_from_its_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = packs.load_packs()  # before the patch: load_packs keeps what it returns
    folder = tmp_path / "packs"
    shutil.copytree(builtin_dir(), folder)
    grammar = folder / "grammar.yaml"
    grammar.write_text(grammar.read_text("utf-8") + "\nposthumous_cues: [in memoriam]\n", "utf-8")
    monkeypatch.setattr(packs, "builtin_dir", lambda: folder)
    edited = packs.load_packs.__wrapped__()
    assert "in memoriam" in edited.posthumous_cues
    assert "in memoriam" not in shipped.posthumous_cues
    assert edited.common_acronyms == shipped.common_acronyms  # an unchanged file: the image's


def test_a_broken_image_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unreadable or foreign image is no image: every file is parsed from its YAML."""
    shipped = packs.load_packs()
    foreign = ["packs"], {"packs": ["numbers.yaml"]}, {"packs": {"numbers.yaml": "?"}}
    for content in ("{not json", *map(json.dumps, foreign)):
        image = tmp_path / "builtin.json"
        image.write_text(content, encoding="utf-8")
        monkeypatch.setattr(builtin, "IMAGE", image)
        assert not builtin.imaged(builtin.image("packs"), "numbers.yaml", b"")[0]
        assert packs.load_packs.__wrapped__() == shipped


NO_YAML = """
import sys
from klint.engine import lint_text
lint_text("The NKAO held 1,200 men in 1988. It was founded on 7 July 1923.\\n", "a.txt")
assert "yaml" not in sys.modules, "a check of an article without a YAML file imported PyYAML"
from klint.config import Config
lint_text("The 2 men.\\n", "a.txt", Config(extend_select=["KS001", "KS005"]))
assert "yaml" not in sys.modules, "the article-type schemas were read from their YAML"
"""


def test_a_check_reads_no_yaml_when_the_article_has_no_yaml_file() -> None:
    done = subprocess.run([sys.executable, "-c", NO_YAML], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
