"""The wikitext reader's parse tree: mwparserfromhell's own, built with less overhead.

``_wikitree.parse`` builds the tree from the library's tokens, setting the fields of the
commonest nodes directly; every node and field must be the ones the library's builder
gives, on real articles and on markup that makes every kind of node.
"""

from __future__ import annotations

from pathlib import Path

import mwparserfromhell
import pytest

from klint.sources import _wikitree

CORPUS = Path(__file__).resolve().parents[1] / "eval" / "corpus" / "wikitext"
ARTICLES = sorted(CORPUS.glob("*.wiki"))[::9]

MARKUP = [
    _wikitree._SAMPLE,
    "{{a|b=c=d|=e|{{f|g}}|[[h|i]]}}",
    "{{a\n| b = ''c''\n| d = <small>e</small><!-- f -->\n}}",
    "<ref name=x/> <ref>{{cite web|url=http://x.com|title=T}}</ref> <br> <br/>",
    "''a '''b''''' c '''d''' ''e\nf''",
    '{| class="wikitable"\n|+ c\n|- style="x"\n! a !! b\n|-\n| {{c|d}} || [[e]]\n|}',
    "<div class=a>x</div> <span>y <i>z</i></span> <p>q",
    "[[File:x.jpg|thumb|alt=A|B [[c]]]] [http://x.com ''t''] http://y.com/a",
    "&nbsp; &#91; &#x5B; &foo; {{{1|d}}} {{#if:a|b|c}} __NOTOC__",
    "<table><tr><td>a</td></tr></table> <li>x <hr> <nowiki>[[a]]</nowiki>",
    "===== A [[b|c]] {{d}} =====\n= e =\n== f\n=g=h=\n",
    "[http://x.com] [http://x.com  two  words] [//y.org z] [http://x.org''t''] x http://a.org/b.",
    "[http://x.org<span>t</span>] [[a|[http://b.org c]]] [http://q.org [[r]] &amp; {{s}}]",
    "<ref name=\"a b\">x</ref> <ref name=a b>y</ref> <ref name = 'c' group=n/>",
    '<div class=a  id = "b" hidden>y</div> <span style={{t|a}}x title="[[l]]">q</span>',
    '<a b="c"d>e</a> <font color=red size="2" >f</font> <td rowspan=2 {{x}}>',
]


def _built(text: str) -> mwparserfromhell.wikicode.Wikicode:
    """The tree :class:`_wikitree._Builder` builds, never the library's fallback."""
    tokens = mwparserfromhell.parser.Parser()._tokenizer.tokenize(text, 0, False)
    return _wikitree._Builder().build(tokens)


def test_the_installed_library_passes_the_check() -> None:
    assert _wikitree._check()


@pytest.mark.parametrize("text", MARKUP)
def test_every_kind_of_node_as_the_library_builds_it(text: str) -> None:
    ours = _built(text)
    assert str(ours) == text
    assert _wikitree._dump(ours) == _wikitree._dump(
        mwparserfromhell.parse(text, skip_style_tags=False)
    )


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_articles_as_the_library_builds_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _wikitree._dump(_built(text)) == _wikitree._dump(
        mwparserfromhell.parse(text, skip_style_tags=False)
    )


def test_the_library_builds_the_tree_when_the_check_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_wikitree, "_checked", [False])
    built: list[str] = []
    monkeypatch.setattr(_wikitree, "_Builder", lambda: built.append("ours"))
    assert str(_wikitree.parse("[[a|b]] {{c|d}}")) == "[[a|b]] {{c|d}}"
    assert built == []
