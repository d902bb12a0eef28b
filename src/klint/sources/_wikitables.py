"""Wikitext tables (``{| … |}``) read line by line, without a parse tree for their markup.

Building mwparserfromhell's tree for a dense table (a tag per row and per cell, with
their attributes) costs several times what the same bytes of prose cost. :func:`find`
reads a table's layout in one scan instead: rows (``|-``), cells (``|`` and ``!`` at the
start of a line, ``||`` on any cell's line, ``!!`` on a header cell's line), attributes
before a single ``|``, and the lines between rows that are no cell. It follows the
tokenizer's rules, so the cells are the ones the parser would build (``|+`` is a cell
whose text starts with ``+``, as the parser reads it); the reader still parses each
cell's contents that hold markup. The scan keeps track of nested templates, links,
tags, comments and bold or italic runs, inside which a ``|`` separates nothing; when it
meets what it cannot be sure of (a separator inside a tag or an unclosed run, a nested
table, a line that starts with a space and then a table mark, attributes with markup)
it gives the table up, and the reader leaves it to the parser.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from mwparserfromhell.definitions import URI_SCHEMES

from klint.sources._markup import blank

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Item:
    """A cell (``tag`` ``td`` or ``th``) or other content between rows (``tag`` empty).

    ``start``/``end`` bound its contents (after its markup and attributes; a cell's
    last line ending is its own). ``plain``: no markup in them, so they read as text.
    """

    tag: str
    start: int
    end: int
    plain: bool


@dataclass(frozen=True, slots=True)
class Table:
    """A table from ``{|`` to ``|}``; ``rows[0]`` holds what comes before the first ``|-``."""

    start: int
    end: int
    rows: list[list[Item]]


class _GiveUp(Exception):
    """The scan cannot be sure to read the table as the parser would."""


_START_RE = re.compile(r"^\{\|", re.MULTILINE)
_INDENTED_MARK_RE = re.compile(r"[^\S\n]+[|!{]")
_TOKEN_RE = re.compile(
    r"\n|\|\||!!|\||\{\{|\}\}|\[\[|\]\]|<!--|'{2,}"
    r"|<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>"
    r"|\[(?=(?:[A-Za-z][A-Za-z0-9+.-]*:)?//|mailto:)"
    r"|(?:https?|ftp)://[^\s\[\]<>\"|]*\|"
)
#: a template's name up to its first "|" or its end (no markup, no line break inside)
_TEMPLATE_NAME_RE = re.compile(r"\s*[^\s{}\[\]<>|](?:[^{}\[\]<>|\n]*[^\s{}\[\]<>|])?\s*(?:\||\}\})")
#: a link's title up to its "|" or its end
_LINK_TITLE_RE = re.compile(r"([^\n{}\[\]<>|]+)(?:\||\]\])")
#: attributes the parser reads up to the next ``|`` or line end: no markup, quotes only after ``=``
_ATTRS_RE = re.compile(r"""(?:[^\[\]{}<>|'"\n]|="[^"\n|\[\]{}<>]*"|='[^'\n|\[\]{}<>]*')*""")
#: contents without markup: nothing the parser would make a node of
_PLAIN_RE = re.compile(r"[^{}\[\]<>&':\n]*\n?")
_SINGLE_ONLY = frozenset({"br", "wbr", "hr", "meta", "link", "img"})
#: tags whose contents the parser keeps as text
_UNPARSED = frozenset(
    {
        "categorytree",
        "ce",
        "chem",
        "gallery",
        "graph",
        "hiero",
        "imagemap",
        "inputbox",
        "math",
        "nowiki",
        "pre",
        "score",
        "section",
        "source",
        "syntaxhighlight",
        "templatedata",
        "timeline",
    }
)

_HIDDEN_RE = re.compile(
    r"<!--.*?(?:-->|\Z)|<(" + "|".join(sorted(_UNPARSED)) + r")\b[^>]*>.*?(?:</\1\s*>|\Z)",
    re.DOTALL | re.IGNORECASE,
)


def find(text: str) -> list[Table]:
    """The tables of ``text`` that start a line and that the scan reads for sure, in order.

    A table the scan gives up on is skipped whole, tables inside it included.
    """
    if "{|" not in text or "\r" in text:
        return []
    hidden = [m.span() for m in _HIDDEN_RE.finditer(text)]
    tables: list[Table] = []
    pos = 0
    while True:
        m = _START_RE.search(text, pos)
        if m is None:
            return tables
        k = bisect.bisect_right(hidden, (m.start(), len(text)))
        if k and hidden[k - 1][1] > m.start():  # in a comment or a tag kept as text
            pos = m.end()
            continue
        try:
            table = _Scan(text, m.start()).table()
        except _GiveUp:
            table = None
        if table is None:
            # where the parser ends this table, and so how it reads what follows, is unsure
            return tables
        tables.append(table)
        pos = table.end


def stub_tables(text: str, tables: list[Table]) -> str:
    """``text`` with each table's markup between ``{|`` and ``|}`` blanked (line endings
    kept), for the parser: it still reads a table there, so what stands around the table
    reads as before, but it builds nothing inside."""
    parts: list[str] = []
    pos = 0
    for t in tables:
        parts += [text[pos : t.start + 2], blank(text[t.start + 2 : t.end - 2])]
        pos = t.end - 2
    parts.append(text[pos:])
    return "".join(parts)


class _Scan:
    """One table's scan from its ``{|``: rows of items, or :class:`_GiveUp`."""

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start
        self.rows: list[list[Item]] = [[]]
        self.tag: str | None = None  # the open item: "td", "th", "" (other content), None
        self.at = 0  # where the open item's contents start
        self.nested: list[str] = []  # open "{{", "[[" and tag names
        self.ticks: list[int] = []  # open bold/italic runs (2, 3 or 5 quotes)

    def table(self) -> Table | None:
        """The table, or None when the parser would not read one (no ``|}``)."""
        text = self.text
        eol = text.find("\n", self.start)
        if eol < 0:
            return None
        self.attributes(self.start + 2, eol)
        pos = eol + 1
        while True:
            end = self.line(pos)
            if end is None:
                return None
            if text.startswith("|}", end):
                self.close(end)
                return Table(self.start, end + 2, self.rows)
            pos = end

    def attributes(self, start: int, end: int) -> None:
        if not _ATTRS_RE.fullmatch(self.text, start, end):
            raise _GiveUp

    def close(self, end: int) -> None:
        """End the open item at ``end``."""
        if self.tag is None:
            return
        if self.nested or self.ticks:
            raise _GiveUp  # the parser would read on past the item's end
        plain = _PLAIN_RE.fullmatch(self.text, self.at, end) is not None
        self.rows[-1].append(Item(self.tag, self.at, end, plain))
        self.tag = None

    def line(self, pos: int) -> int | None:
        """Read the line at ``pos`` (and those a template or tag carries on to): the offset
        of the next line to read, or of the ``|}`` that closes the table; None at the end."""
        text = self.text
        head = text[pos : pos + 2]
        if head == "|}":
            return pos
        if head == "|-":
            self.close(pos)
            self.rows.append([])
            eol = text.find("\n", pos)
            if eol < 0:
                return None
            self.attributes(pos + 2, eol)
            return eol + 1
        if head == "{|":
            if self.tag is None:
                self.tag, self.at = "", pos
            return self.nested_table(pos)
        if _INDENTED_MARK_RE.match(text, pos):
            raise _GiveUp  # a mark after spaces: the tokenizer may take it as one
        if head[:1] in ("|", "!"):
            self.close(pos)
            self.tag, self.at = "td" if head[0] == "|" else "th", pos + 1
            return self.rest_of_line(pos + 1, self.tag, True)
        if self.tag is None:
            self.tag, self.at = "", pos
        return self.rest_of_line(pos)

    def rest_of_line(self, pos: int, cell: str = "", style: bool = False) -> int | None:
        """Scan on from ``pos`` to the end of the line (see :meth:`line`); ``cell``: on a
        cell's line, ``style``: before its attributes separator."""
        text = self.text
        while True:
            m = _TOKEN_RE.search(text, pos)
            if m is None:
                return None
            tok = m.group()
            pos = m.end()
            if tok == "\n":
                if not self.nested:
                    return pos
                if text.startswith("{|", pos) or (
                    text[pos : pos + 1].isspace() and text.startswith("{|", pos + 1)
                ):
                    raise _GiveUp  # a table inside a template or tag
            elif tok in ("||", "!!", "|"):
                if self.nested:
                    if self.nested[-1] not in ("{{", "[[") and (cell or style):
                        raise _GiveUp  # inside a tag: the parser may not have read the tag
                    continue
                if not cell or (tok == "!!" and cell != "th"):
                    continue  # text
                if tok == "|" and not style:
                    continue
                if self.ticks:
                    raise _GiveUp  # a bold or italic run that goes on past the separator
                if tok == "|":
                    self.attributes(self.at, m.start())
                    self.at, style = pos, False
                else:
                    self.close(m.start())
                    self.tag, self.at, style = cell, pos, True
            elif tok in ("{{", "[["):
                self.opening(tok, pos)
                self.nested.append(tok)
            elif tok in ("}}", "]]"):
                if self.nested and self.nested[-1] == ("{{" if tok == "}}" else "[["):
                    self.nested.pop()
                elif self.nested:
                    raise _GiveUp  # crossed brackets
            elif tok == "<!--":
                close = text.find("-->", pos)
                if close < 0:
                    raise _GiveUp
                pos = close + 3
            elif tok[0] == "'":
                n = min(len(tok), 5)
                n = 3 if n == 4 else n
                if self.ticks and self.ticks[-1] == n:
                    self.ticks.pop()
                else:
                    self.ticks.append(n)
            elif tok[0] == "<":
                pos = self.html_tag(m, pos)
            elif tok == "[":
                close = text.find("]", pos)
                newline = text.find("\n", pos)
                if close >= 0 and (newline < 0 or close < newline):
                    inner = text[pos:close]
                    if "|" in inner or "!!" in inner:
                        raise _GiveUp  # an external link's text: no separator there
            else:
                raise _GiveUp  # a bare URL that runs into a "|"

    def nested_table(self, pos: int) -> int | None:
        """Read a table nested in the open item, which holds it; where the scan goes on
        (the rest of its last line is the item's)."""
        inner = _Scan(self.text, pos).table()
        if inner is None:
            raise _GiveUp
        return self.rest_of_line(inner.end)

    def opening(self, tok: str, pos: int) -> None:
        """Give up unless the template or link opened at ``pos`` has a name the parser
        takes (else its brackets are text, and a ``|`` after them a separator)."""
        if tok == "{{":
            if not _TEMPLATE_NAME_RE.match(self.text, pos):
                raise _GiveUp
            return
        m = _LINK_TITLE_RE.match(self.text, pos)
        if m is None:
            raise _GiveUp
        title = m.group(1).strip().lower()
        if title.startswith("//") or title.partition(":")[0] in URI_SCHEMES:
            raise _GiveUp  # [[http://…]] is an external link

    def html_tag(self, m: re.Match[str], pos: int) -> int:
        """Track an HTML tag; the offset to scan on from."""
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if not self.nested or self.nested[-1] != name:
                raise _GiveUp
            self.nested.pop()
            return pos
        if rest.endswith("/") or name in _SINGLE_ONLY:
            return pos
        if name in _UNPARSED:
            close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(self.text, pos)
            if close is None:
                raise _GiveUp
            return close.end()
        self.nested.append(name)
        return pos
