"""Every rule's documented examples are true: the Example triggers it, Use instead does not.

The examples are what ``klint explain`` shows; they are read with ``Rule.example``
(an article, and for claims-file rules the claims file beside it) and checked as
files, like a user's article, with only the rule enabled.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from klint.config import Config
from klint.corpus.run import Engine, lint_corpus
from klint.engine import lint_file
from klint.rules import all_rules
from klint.rules.base import Example, Rule
from klint.rules.corpus._common import CorpusRule
from klint.sources import READERS

# The engine reports these on a crash, an unreadable file or a timeout, not on a text:
# their examples are the messages a user sees.
MESSAGES_ONLY = {"KI001", "KI002", "KI004"}
TITLE = "Example article\n\n"


def _corpus_findings(rule: type[CorpusRule], section: str, folder: Path) -> list[str]:
    """A cross-article rule's example is a corpus: every article a file of one folder."""
    folder.mkdir()
    for title, text in rule.articles(section).items():
        (folder / f"{title}.wiki").write_text(text)
    files = [(str(p), Config(select=(rule.code,))) for p in sorted(folder.iterdir())]
    results = lint_corpus(files, [], Engine())
    return [f"{d.line}: {d.message}" for r in results for d in r.diagnostics if d.code == rule.code]


def _findings(rule: type[Rule], example: Example, folder: Path) -> list[str]:
    if issubclass(rule, CorpusRule):
        return _corpus_findings(rule, "Use instead" if "use" in folder.name else "Example", folder)
    folder.mkdir()
    ext = READERS[example.fmt][1][0]
    article = folder / f"article{ext}"
    article.write_text((TITLE if example.fmt == "text" else "") + example.text + "\n")
    if example.claims is not None:
        (folder / "article.klint.yaml").write_text(example.claims)
    result = lint_file(str(article), Config(select=(rule.code,)))
    return [f"{d.line}: {d.message}" for d in result.diagnostics if d.code == rule.code]


@pytest.mark.parametrize(
    "rule", [r for r in all_rules() if r.code not in MESSAGES_ONLY], ids=lambda r: r.code
)
def test_example_triggers_the_rule_and_use_instead_does_not(
    rule: type[Rule], tmp_path: Path
) -> None:
    bad, good = rule.example("Example"), rule.example("Use instead")
    if issubclass(rule, CorpusRule):
        assert len(rule.articles("Example")) > 1 and len(rule.articles("Use instead")) > 1
        bad = good = Example("corpus")
    assert bad.text.strip() and good.text.strip(), "both sections hold an example text"
    assert _findings(rule, bad, tmp_path / "example"), "the Example does not trigger the rule"
    found = _findings(rule, good, tmp_path / "use-instead")
    assert not found, f"Use instead still triggers the rule: {found}"


def test_claims_file_rules_show_their_claims_file() -> None:
    for rule in all_rules():
        if rule.code.startswith("KS") and rule.code != "KS005":  # KS005 reads the infobox
            assert rule.example("Example").claims, rule.code


def test_example_reads_blocks_fences_and_gaps() -> None:
    class Doc(Rule):
        """## Example
            First paragraph,
            wrapped.
            ...
            Second paragraph.

        A note for the reader.

        ```yaml
        version: 1
        ```

        ## Use instead
        ```wikitext
        {{Infobox person | name = A}}
        ```
        """

    ex = Doc.example("Example")
    assert ex == Example("First paragraph,\nwrapped.\n\nSecond paragraph.", "text", "version: 1\n")
    assert Doc.example("Use instead") == Example("{{Infobox person | name = A}}\n", "wikitext")
