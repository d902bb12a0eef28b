"""Check that reading wikitext ahead of the parser changes no Document.

The wikitext reader shows the tables and lines that ``klint.sources._wikiscan``
finds without mwparserfromhell's tree. This reads every wikitext article at hand twice,
with the read-ahead and with the parser alone, and reports any article whose regions or
masked view differ, and how much of the text the read-ahead covered. A text with a plain
line that leaves a bold or italic run open is counted apart: the read-ahead closes the run
at the line's end, as MediaWiki does, where the parser reads it on. ``--random N``
adds N random tables and documents built from tricky pieces of markup (headings, lines of
category links, external links, separators in tags, open italic runs, templates across
lines, shown and hidden templates in cells, nested tables, italic runs over cells and
lines, prose lines with flat templates, infoboxes with plain and other values, values
parsed alone, inline tags around italic runs)::

    python bench/wikiscan.py                 # the development and shared wikitext, fixtures
    python bench/wikiscan.py --random 3000   # ... and 3,000 random texts
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from klint.sources import _wikiscan
from klint.sources import wikitext as reader

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [
    ROOT / "eval" / "corpus" / "wikitext",
    ROOT / ".." / "shared" / "eval" / "wikitext",
    ROOT / "tests" / "fixtures",
    ROOT / "seeds",
]
PIECES = [
    "a", "text 1990", " ", "[[A]]", "[[A|b]]", "[[A|''b'']]", "''", "'''", "'", "''''", "'''''",
    "{{small|x}}", "{{convert|5|km}}", "{{a|b||c}}", "<br />", "<small>s</small>", "<small>",
    "</small>", "<ref>r</ref>", "<ref name=x/>", "<!-- c -->", "<!--", "-->", "||", "|", "!!",
    "!", "\n", "\n|", "\n!", "\n|-\n", "\n|+ cap", "\n|}", "\n{|\n", "&amp;", "http://x.com",
    "[http://x.com t]", ":", "[[File:x.jpg|thumb|cap]]", 'style="a"', "colspan=2", "{{", "}}",
    "[[", "]]", "\n*", "\n==h==\n", "__NOTOC__", "<nowiki>|</nowiki>", "<math>{{</math>", "\n ",
    "\n |", "{|", "|}", "<span>x|y</span>", "=", "'s", "\n;t:d", "{{{1}}}", "[[a|b|c]]",
    "{{flagicon|ITA}}", "{{Lbs|x=1|y}}", "{{flag|It}}", "{{ |x}}", "{{formatnum:12}}", "{{n/a}}",
    "[[magnet]]", "[[news:x]]", "[[ftp]]", "{{t\n<!--\n c\n-->\n|x}}", "{{t\n<!-- c -->\nx|y}}",
    '<p class="x">', "<div>", "</div>", "<li>", "</p>", "{{a|<span>b}}", "[[a|<i>b]]",
    "{{a|''b}}", "<!---->-->",
    "{{a\n | b\n |- c\n ! d\n}}", "{{a|\n |} b\n !! c\n}}",
    '|style="{{c|1}}"|', ' x="{{c|y=1}} z"', 'style="{{c|\'\'}}"', "http://x.com/a|", "{{a|http://x.com}}|",
]  # fmt: skip


#: plain cells and prose with italic runs that may cross lines, cells and rows (every other
#: random text is made of these alone)
RUNS = [
    "''", "''", "'''", "'''''", "a", " b ", "\n| ", "\n|", "\n! ", "||", "!!", "\n|-\n", "\n", "[[A]]",
    "[[A|b]]", "{{flag|It}}", "{{Lbs|x}}", "<br>", "<small>s</small>", "\n* ", "\n=h=",
    "\n{|\n| c\n|}", "{{a|''b''}}", "{{a|\n''b''}}", "\n|}\n{|\n", "\nText [[a]].\n", "|",
    'style="x"|', "Note: a", "news:x", "a:b", "[news:x a|b]", "mailto:a@b.c",
]  # fmt: skip


#: prose lines with flat templates, shown and never shown, and near misses (every third
#: random text is made of these alone, with no table)
PROSE = [
    "a", "text 1990", " ", "[[A]]", "[[A|b]]", "''", ", ''", "'s", "\n", "\n\n", "\n*",
    "\n#", "\n==h==\n", "\n:", "<br />", "<ref>r</ref>", "<ref name=x/>", "&amp;", ": ", "x:y",
    "{{convert|25|km|mi}}", "{{cvt|2|to|5|km}}", "{{convert|1|m|abbr=on}}", "{{lang|fr|mot}}",
    "{{lang|fr|a&amp;b}}", "{{nowrap|5 km}}", "{{small|x|y}}", "{{circa|1920}}", "{{c.}}",
    "{{start date|1988|2|20|df=y}}", "{{death date and age|2001|9|25|1920|12|2}}", "{{n/a}}",
    "{{quote|A said.}}", "{{quote|text=A said.|author=B}}", "{{Infobox x|name=A|born=1990}}",
    "{{ill|A|fr}}", "{{sort|a|b}}", "{{flag|It}}", "{{transl|ru|Da}}", "{{sfn|A|2001|p=3}}",
    "{{citation needed|date=May 2020}}", "{{efn|a note}}", "{{a|http://x.com}}", "{{a|b=c=d}}",
    "{{a|=b}}", "{{lang|1=fr|2=mot}}", "{{nowrap|a|b=c}}", "{{ }}", "{{a|}}", "{{a}}}", "{{{a}}}",
    "{{#if:a|b}}", "{{formatnum:1234}}", "{{lang|fr|''x''}}", "{{a\n|b}}", "{{nowrap|__NOTOC__}}",
    "{{sort|a}}", "{{nowrap| a }}", "{{ Nowrap |x}}", "{{nowrap|&nbsp;}}", "{{", "}}", "{|",
    "&mdash;", "&nbsp;", "&#91;", "&#x5B;", "&#X5b;", "&foo;", "&#0;", "&#x110000;", "&amp",
    "&#;", "&#x;", "& b", "[[A|b]]&ndash;[[C]]", "{{lang|x|a&mdash;b}}", "&AMP;", "&Amp;",
    "[[A's]]", "[[A|b's]]", "[[A|b']]", "[[A'|b]]''", "'[[A]]'", "[[A|'b]]''c''", "[[A|b'']]",
    "2:21", "one:", "''x'':y", "[[A]]:b", "x_y:z", "é:a", "mailto:x", "Ftp:x", "news:", "irc3:x",
    "<small>s</small>", "<small>(1990 [[A|b]])</small>", "<small>''x''</small>", "<small>",
    "</small>", "<!-- c -->", "<!-- it's -->", "<!-- [[a]] -->", "<!--", "-->", "<small>{{c|d}}</small>",
    "\n== A ==\n", "\n===A &ndash; b=== \n", "\n=A=\n", "\n==A=\n", "\n== A == x\n", "\n== ==\n",
    "\n== [[A]] ==\n", "\n== {{a}} ==\n", "\n==A's: b==\n", "\n== A &foo; ==", "\n=======A=======\n",
    "\n==A==<!-- c -->\n", "\n==A=B==\n", "\n== A ''b'' ==\n", "\n==http://x.com==\n", "==",
    "\n[[Category:A b]]\n", "\n[[Category:A|b]]", "[[Category:A]] ", "\n[[de:A]]\n", "\n[[:Category:A]]",
    "\n[[Category:A|{{b}}]]\n", "[[tel:1]]", "\n[[Category:x:y]]", "\n[[Category:http://x]]",
    "[http://x.com a]", "\n*[http://x.com/ b c]", "[http://x.com]", "[ftp://x.com a: b]", "[//x.com a]",
    "[http://x.com a&amp;b]", "[http://x.com ''a'']", "[http://x.com a http://y]", "[http://x.com a|b]",
    "[http://x.com a", "[http://x.com/a&b c]", "[mailto:a@b.c d]",
]  # fmt: skip


#: infobox parameters: names, and pieces of their values (every sixth random text is an
#: infobox made of these, then a line of prose)
BOX_KEYS = ["name", "date", "commander1", "caption", "image", "birth place", "", "200px"]
BOX_VALUES = [
    "a", " b ", "[[A]]", "[[A|b]]", "''i''", "'''b'''", "''", "<br>", "<br />", "&amp;", "&foo;",
    "{{coord|1|2}}", "{{convert|5|km}}", "{{start date|1988|2|20}}", "{{lang|fr|x}}", "{{n/a}}",
    "{{nowrap|a|b=c}}", "<ref>r</ref>", "<ref name=x/>", "<small>s</small>", "<!-- c -->", "\n",
    "\n*", "=", ":", "x:y", "http://x.com", "[http://x.com t]", "{{", "}}", "|", "1:38",
    "[[File:x.jpg|thumb|c]]", "{{{1}}}", "{{a|\nb}}", "[[A's]]", "'s", "one:", "''total:''",
    "news:x", "é:a", "<span>a</span>", "<span>", "</span>", "<center>", "{{a|b}}", "\n* [[A]]",
    "{{nowrap|{{lang|en|x}}}}", "\n== h ==\n", "<!--", "-->", "[http://x.com a", "]", "[", "''a",
    "<nowiki>|</nowiki>", "{{#invoke:x|y}}", "[[a<b]]", "{{a\nb|c}}", "\n{|\n| c\n|}",
    "<math>{{</math>", "<hr>", "\n----", "</br>", "<small>", "</small>", "[[a|''b]]''", " =",
    "= a =", "\n:x",
]  # fmt: skip


#: prose with inline tags whose closing tags may stand in italic runs they open, and stray
#: closing tags (every twelfth random text is made of these alone, with no table)
INLINE = [
    "a", " b ", "''", "''", "'''", "'", "\n", "\n\n", "\n*", "<sub>", "</sub>", "<sub>i</sub>",
    "''R<sub>i''</sub>", "<sub>''i''</sub>", "<sup>", "</sup>", "<small>", "</small>", "</sub >",
    "<SUB>", "</Sub>", "<sub >", "</span>", "<span>", "</div>", "[[A]]", "[[A|b]]", "[[A|''b]]",
    "{{c|d}}", "{{c|''}}", "{{a|</sub>}}", "[[a|</sub>]]", "&nbsp;", "<br>", "<ref>r</ref>",
    "<!-- c -->", "<!-- </sub> -->", "x:y", "http://x.com", "[http://x.com a]", "[1]", "<", "< 5",
    "<sub>a<br>b</sub>", "<sub>[[A|b]]</sub>", "\n==h==\n", "{{", "}}", "[[", "]]", "\n{|\n| c\n|}\n",
    '<ref name="x>', "<ref name='x'>r</ref>", "<p \n", "<nowiki></sub></nowiki>",
]  # fmt: skip


def articles() -> Iterator[tuple[str, str]]:
    for folder in FOLDERS:
        for path in sorted(folder.rglob("*.wiki")) if folder.is_dir() else []:
            yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


def randoms(n: int, seed: int) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed)
    for k in range(n):
        if k % 6 == 5:
            params = "".join(
                f"\n| {rng.choice(BOX_KEYS)} = "
                + "".join(rng.choice(BOX_VALUES) for _ in range(rng.randint(0, 4)))
                for _ in range(rng.randint(0, 6))
            )
            yield f"random {k}", f"{{{{Infobox x{params}\n}}}}\nProse [[a|b]] 1999.\n"
            continue
        if k % 12 == 1:
            body = "".join(rng.choice(INLINE) for _ in range(rng.randint(1, 40)))
            yield f"random {k}", f"Intro [[a|b]].\n{body}\nTail 1999.\n"
            continue
        if k % 3 == 2:
            body = "".join(rng.choice(PROSE) for _ in range(rng.randint(1, 40)))
            yield f"random {k}", f"Intro [[a|b]].\n{body}\nTail 1999.\n"
            continue
        pieces = RUNS if k % 2 else PIECES
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        head = rng.choice(["", "Intro [[a|b]].\n", "{{t|\n", "<div>\n", "'''b\n", "* ''x''\n"])
        tail = rng.choice(["", "\nafter", "}}", "\n</div>", "|}"])
        yield f"random {k}", f"{head}{{|\n{body}\n|}}{tail}\nTail 1999.\n"


def by_parser(text: str) -> tuple[object, object]:
    ahead = _wikiscan.read_ahead
    _wikiscan.read_ahead = lambda *args: _wikiscan.Layout([], [])
    try:
        doc = reader.read(text, "a.wiki")
    finally:
        _wikiscan.read_ahead = ahead
    return doc.regions, doc.masked


def left_open(text: str, layout: _wikiscan.Layout) -> bool:
    """Whether a plain line read ahead leaves a bold or italic run open: it is read as
    MediaWiki reads it (closed at the line's end), where the parser reads the run on."""
    return any(
        line.kind == "plain" and not _wikiscan._paired(text[line.start : line.end])
        for line in layout.lines
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--random", type=int, default=0, help="random texts to add")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    texts = list(articles()) + list(randoms(args.random, args.seed))
    differ = mediawiki = covered = total = 0
    for name, text in texts:
        quiet = reader._quiet_tags(text)
        layout = _wikiscan.read_ahead(quiet, reader._hidden_template)
        covered += sum(t.end - t.start for t in layout.tables)
        covered += sum(line.end - line.start for line in layout.lines)
        covered += sum(b - a for a, b in layout.templates)
        total += len(text)
        if left_open(quiet, layout):
            mediawiki += 1  # read as MediaWiki reads it, not as the parser does
            continue
        doc = reader.read(text, "a.wiki")
        if (doc.regions, doc.masked) != by_parser(text):
            differ += 1
            print(f"differs: {name}")
    print(
        f"{len(texts)} texts, {differ} differ, {mediawiki} with a run left open on a plain "
        f"line (read as MediaWiki reads it, not compared); read ahead of the parser: "
        f"{covered / max(total, 1):.0%} of the characters"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
