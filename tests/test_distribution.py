"""The distribution's name: every install line, link and snippet names ``klint-facts``.

``klint`` on the package index is an unrelated project that also installs a ``klint``
command, so ``pip install klint`` must appear nowhere.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import tomllib

from conftest import ROOT, run_klint

import klint

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_installed_distribution_provides_the_klint_command():
    dist = importlib.metadata.distribution(klint.DISTRIBUTION)
    assert dist.metadata["Name"] == "klint-facts"
    assert [e.value for e in dist.entry_points if e.name == "klint"] == ["klint.cli:main"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["name"] == klint.DISTRIBUTION
    assert all(klint.REPOSITORY in url for url in project["urls"].values())


def test_no_install_line_names_the_other_project():
    texts = {
        "README.md": README,
        ".pre-commit-hooks.yaml": (ROOT / ".pre-commit-hooks.yaml").read_text(),
        "pyproject.toml": (ROOT / "pyproject.toml").read_text(),
    }
    for name, text in texts.items():
        # `pip install klint` (the other project), `klint[...]` extras, placeholder owners
        assert not re.search(r"pip install (-q )?[\"']?klint(?![-\w])", text), name
        assert "klint[" not in text and "<owner>" not in text, name
        assert "pypi.org/project/klint/" not in text, name
    installs = re.findall(r"pip install (?:-q )?(\S+)", README)
    assert "klint-facts" in installs
    assert any(klint.REPOSITORY in i for i in installs)


def test_sarif_and_init_point_at_the_project(tmp_path):
    (tmp_path / "a.txt").write_text("Fort\n\nThe garrison held out.\n")
    sarif = json.loads(run_klint("check", "a.txt", "--output-format", "sarif", cwd=tmp_path).stdout)
    assert sarif["runs"][0]["tool"]["driver"]["informationUri"] == klint.REPOSITORY
    assert run_klint("init", cwd=tmp_path).returncode == 0
    starter = (tmp_path / ".klint.yaml").read_text()
    assert "pypi.org" not in starter and klint.REPOSITORY in starter


def test_version_tag_and_snippets_agree():
    """The release step tags v<version>; the README's snippets pin that tag and that version."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["version"] == klint.__version__
    tag = f"v{klint.__version__}"
    assert f"rev: {tag}\n" in README
    assert f'"{klint.DISTRIBUTION}=={klint.__version__}"' in README
    assert f"{klint.REPOSITORY}@{tag}" in README
