"""Wikitext read ahead of the parser: tables line by line, and lines of plain prose.

Building mwparserfromhell's tree costs far more than the bytes it holds: a dense table
(``{| … |}``: a tag per row and per cell, with their attributes) costs several times what
the same bytes of prose cost, and a line of prose with a few links and italics a node
per piece. :func:`read_ahead` scans the text once, following the tokenizer's rules, and
finds what the reader can show without the tree:

- tables: rows (``|-``), cells (``|`` and ``!`` at the start of a line, ``||`` on any
  cell's line, ``!!`` on a header cell's line), attributes before a single ``|``, and
  the lines between rows that are no cell; the cells are the ones the parser would
  build (``|+`` is a cell whose text starts with ``+``, as the parser reads it), and
  the reader still parses each cell's contents that hold markup other than plain links,
  quotes, ``<br>``, blanked references and flat templates it never shows;
- plain lines: lines outside any template, tag or table that hold nothing but text,
  plain links (``[[a]]``, ``[[a|b]]``, ``[[a|''b'']]``), paired bold and italic quotes,
  ``<br>`` (``</br>`` too), entities, references whose contents were blanked, ``<small>``,
  ``<sub>`` and ``<sup>`` around the like (quotes in labels and tags paired inside: the
  parser reads them on a stack of their own) and flat templates (no markup, quotes or line
  break inside: ``{{convert|25|km}}``, ``{{sfn|Smith|2001}}``) and external links with a
  plain label (``[http://x.org Official site]``), after list marks (``*``, ``#``);
- headings whose title is text, entities and colons that start no URL;
- lines of links to categories and other wikis (``[[Category:X]]``, ``[[de:X]]``), which
  show nothing;
- templates at the top level that the reader never shows (citations, diagrams): the
  parser reads them with their parameters blanked;
- infoboxes at the top level: the reader reads those whose parameters are all named and
  plain (see ``wikitext._Reader.read_box``) without the parser, which then reads them
  with their parameters blanked.

The scan keeps track of nested templates, links, tags, comments and bold or italic
runs. A tag the parser never closes reads as text: no closing tag of its name after it,
or its closing tags on its line stand in italic runs it opens (``''R<sub>i''</sub>``) and
those further on close tags of their own. When it meets what it cannot be sure of (a
separator inside a tag or an unclosed run, markup in a table's attributes, a mark after
spaces, a bold or italic run left open) it stops: that table and everything after it are
left to the parser, whose reading of them may depend on what comes later: it reads a bold
or italic run on over blank lines and headings to its close, if any.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from mwparserfromhell.definitions import URI_SCHEMES, is_single

from klint.sources._markup import blank

Span = tuple[int, int]


@dataclass(slots=True)
class Item:
    """A cell (``tag`` ``td`` or ``th``) or other content between rows (``tag`` empty).

    ``start``/``end`` bound its contents (after its markup and attributes; a cell's
    last line ending is its own). ``plain``: no markup in them, so they read as text.
    A value, never changed (not declared frozen, which would cost a cell twice what it
    costs now; so too :class:`Table` and :class:`Line`). The scan sets the fields of each
    one by one, a quarter cheaper than the constructor: a table has hundreds of cells.
    """

    tag: str
    start: int
    end: int
    plain: bool


@dataclass(slots=True)
class Table:
    """A table from ``{|`` to ``|}``; ``rows[0]`` holds what comes before the first ``|-``."""

    start: int
    end: int
    rows: list[list[Item]]


_bare = object.__new__


class _GiveUp(Exception):
    """The scan cannot be sure to read the text as the parser would."""


_INDENTED_MARK_RE = re.compile(r"[^\S\n]+[|!{]")
_INDENTED_TABLE_RE = re.compile(r"[^\S\n]+\{\|")
#: what starts a table, a list item, a definition, a heading or a rule at the start of a line
_SWALLOW_STOP_RE = re.compile(r"[^\S\n]*\{\||[*#;:=]|-{4}")
#: what starts a list item, a definition, a heading or a rule at the start of a line
_LINE_MARK_RE = re.compile(r"[*#;:=]|-{4}")
#: what may be an HTML entity (``&mdash;``, ``&#91;``, ``&#x5B;``; the reader checks it is one)
ENTITY = r"&(?:[A-Za-z]+|#[0-9]+|#[xX][0-9A-Fa-f]+);"
#: a colon the tokenizer reads as text, never as the start of a URL: before a space, or after
#: a word (its letters, digits and "_" up to the colon) that is no URI scheme ("1:38", "Side
#: one:"; not "news:", "http:"); told by what is behind it, so that a run of text before it
#: is read whole (the colon first: most places have none)
_TEXT_COLON = (
    r":(?:(?= )|(?<!\w:)|"
    + "".join(
        rf"(?<!\b(?i:{'|'.join(sorted(s for s in URI_SCHEMES if len(s) == n))}):)"
        for n in sorted({len(s) for s in URI_SCHEMES})
    )  # a look-behind per length of scheme: its branches are all as wide
    + ")"
)
#: an "&" that starts no entity (no letter or "#" after it): text to the tokenizer
_BARE_AMPERSAND = r"&(?![A-Za-z#])"
#: a link's title or label: text, apostrophes (no quotes), "&" that starts no entity, colons
#: that start no URL
_LINK_TEXT = r"(?:[^\[\]{}<>|\n:'&]++|'(?!')|" + _BARE_AMPERSAND + "|" + _TEXT_COLON + ")"
#: bold and italic quotes (2, 3 or 5)
_QUOTES = r"'{2,3}(?!')|'{5}(?!')"


def _link(label: str) -> str:
    """A plain link whose label is made of ``label``: no "//" at its start (``[[//x.org]]``
    is an external link in brackets); a colon in its title only after a blank or a digit in
    it ("Alien 2: On Earth", "Armour of God II: Operation Condor"), where it starts no
    namespace nor another wiki's prefix (those the reader shows apart, pictures, categories,
    languages, are letters)."""
    return (
        r"\[\[(?!//)(?:(?=[^\s:][^:\[\]{}<>|\n]*?(?:\s[^\s:]|\d))"
        + _LINK_TEXT
        + r"+|(?:[^\[\]{}<>|\n:'&]++|'(?!')|"
        + _BARE_AMPERSAND
        + r")+)(?:\|(?:"
        + label
        + r")*)?\]\]"
    )


#: a plain link, no quotes in its label (the scans follow one whole: it holds nothing to follow)
_PLAIN_LINK = _link(_LINK_TEXT)
#: a plain link whose label may hold bold and italic quotes, which the parser reads on a stack
#: of their own: they must pair inside (see :func:`_paired`)
_STYLED_LINK = _link(_LINK_TEXT + "|" + _QUOTES)
#: a template with no markup, quotes or line break in its name (not blank) and parameters
FLAT_TEMPLATE = r"(?>\{\{(?=\s*[^\s|}])[^{}\[\]<>|\n:'=&]+(?:\|[^{}\[\]<>\n']*)?\}\})"
#: a comment on one line with no quotes, brackets, braces, tags or "|" in it
_PLAIN_COMMENT = r"<!--(?:[^-\n'<>{}\[\]|]|-(?!->))*-->"
#: a line break tag: blanks inside but no line ending (the parser reads ``<br\n>`` as text)
BR = r"<br[^\S\n]*/?>"
#: a line break tag written as a closing one (``</br>``), which the parser reads as a line
#: break tag outside a tag's contents
STRAY_BR = r"</br[^\S\n]*/?>"
#: a reference whose contents were blanked, or one with no contents (``<ref>`` in any case),
#: or a formula whose contents were blanked
_BLANKED_TAG = (
    r"<(?i:ref)(?:\s[^<>/]*)?>[ ]*</(?i:ref)\s*>|<(?i:ref)\s[^<>]*/>"
    r"|<(?i:math)(?:\s[^<>/]*)?>[ ]*</(?i:math)\s*>"
)
#: what ``<small>``, ``<sub>`` and ``<sup>`` hold in a plain piece: text, bold and italic
#: quotes (which must pair inside: see :func:`_paired`), plain links, <br>, entities and flat
#: templates
_PLAIN_INLINE = (
    r">(?:[^{}\[\]<>&':\n]|"
    + _TEXT_COLON
    + r"|'(?!')|"
    + _QUOTES
    + "|"
    + BR
    + "|"
    + ENTITY
    + "|"
    + _PLAIN_LINK
    + "|"
    + FLAT_TEMPLATE
    + r")*</"
)
#: ``<small>…</small>``, ``<sub>…</sub>`` and ``<sup>…</sup>`` around plain inline content
_PLAIN_SMALL = "|".join(f"<{tag}{_PLAIN_INLINE}{tag}>" for tag in ("small", "sub", "sup"))
#: a piece of text with no markup but plain links (quotes in their labels), bold and italic
#: quotes, <br> (and </br>: a plain piece is never directly in a tag's contents), blanked
#: references (``<ref>`` in any case) and formulas, entities and an "&" that starts none,
#: comments, ``<small>``, ``<sub>`` and ``<sup>``; a colon as text (never a URL's). Each piece
#: starts with a character of its own and ends where it must, so a run of pieces is read one
#: way only (``*+``: never given back)
PLAIN_PIECE = (
    r"(?:[^{}\[\]<>&':\n]++|"
    + _TEXT_COLON
    + r"|'(?!')|"
    + _QUOTES
    + "|"
    + BR
    + "|"
    + STRAY_BR
    + "|"
    + ENTITY
    + "|"
    + _BARE_AMPERSAND
    + "|"
    + _BLANKED_TAG
    + "|"
    + _STYLED_LINK
    + "|"
    + _PLAIN_COMMENT
    + "|"
    + _PLAIN_SMALL
    + ")"
)
#: an external link in brackets with a plain label (``[http://x.org Official site]``) or
#: none: no markup, quotes, entities or "|" in it, and no colon in its label that starts a URL
EXTERNAL_LINK = (
    r"\[(?:https?|ftp)://[^\s\[\]<>\"'{}|&]++(?: (?:[^\[\]<>{}|&'\n:]++|" + _TEXT_COLON + r")*+)?\]"
)
#: a plain line: list marks, then plain markup, flat templates and external links (not what
#: starts a heading, a rule, a table…)
_PLAIN_LINE_RE = re.compile(
    r"[*#]*+((?![=\-:;|!])(?:"
    + "|".join((PLAIN_PIECE, FLAT_TEMPLATE, EXTERNAL_LINK))
    + r")*+)(?=\n|\Z)"
)
#: a heading: 1 to 6 "=" on either side of a title of text, entities and colons that start no
#: URL (no "=", quotes or markup), then blanks up to the line's end
_HEADING_LINE_RE = re.compile(
    r"(={1,6})(?!=)((?:[^{}\[\]<>&'=:\n]++|'(?!')|"
    + ENTITY
    + "|"
    + _BARE_AMPERSAND
    + "|"
    + _TEXT_COLON
    + r")++)\1(?!=)[^\S\n]*+(?=\n|\Z)"
)
#: a link to a category or to another wiki's page, which shows nothing (``[[Category:X]]``,
#: ``[[Category:X|key]]``, ``[[de:X]]``; not ``[[:Category:X]]``, a link shown, nor
#: ``[[tel:1]]``, a URL in brackets): no markup or quotes in it, its colons after the first
#: starting no URL
_HIDDEN_LINK = (
    r"\[\[(?!(?i:"
    + "|".join(sorted(URI_SCHEMES, key=len, reverse=True))
    + r"):)(?i:category|kategorie|catégorie|[a-z]{2,3}(?:-[a-z]{2,8})?):"
    + r"(?:[^\[\]{}<>|\n:']++|'(?!')|"
    + _TEXT_COLON
    + r")++(?:\|"
    + _LINK_TEXT
    + r"*)?\]\]"
)
#: a line of such links, blanks between them
_HIDDEN_LINE_RE = re.compile(
    _HIDDEN_LINK + r"(?:[^\S\n]*+" + _HIDDEN_LINK + r")*+[^\S\n]*+(?=\n|\Z)"
)
#: in a template's parameters: a tag, an external link, a table (may take in its "}}")
_UNSURE_PARAMETERS_RE = re.compile(r"<|(?<!\[)\[(?!\[)|\{\|")
#: bold and italic quotes, and the inline tags and links of a plain piece, whose quotes pair
#: inside
_QUOTES_RE = re.compile(r"''+|</?(?:small|sub|sup)>|\[\[|\]\]")
#: what a closing tag of a tag that is never closed may hold after its name (``</br />``)
_STRAY_REST_RE = re.compile(r"[^\S\n]*/?")
#: what an HTML tag's opening must not hold to read as text where it is never closed
_MARKUP_IN_TAG_RE = re.compile(r"""[\[\]{}|!'\n]""")
#: in a tag's contents on its line, what the parser may read as more than text (see
#: :func:`_body_fails`): quotes, tags, a "<" that may start one, links, templates, colons
_BODY_TOKEN_RE = re.compile(r"''+|<(/?)([A-Za-z][A-Za-z0-9]*)([^<>\n]*)>|<|\[\[|\[|\{\{|:")
_TEXT_COLON_RE = re.compile(_TEXT_COLON)
#: what makes a "[" an external link's start
_URL_START_RE = re.compile(r"//|[A-Za-z][A-Za-z0-9+.-]*:")
#: a "<" that starts no tag nor comment
_TEXT_LT_RE = re.compile(r"<(?![/!A-Za-z]|\Z)")
_PLAIN_LINK_RE = re.compile(_PLAIN_LINK)
_FLAT_TEMPLATE_RE = re.compile(FLAT_TEMPLATE)
_PLAIN_COMMENT_RE = re.compile(_PLAIN_COMMENT)
#: a tag's opening up to its end or to what ends it otherwise
_TAG_START_RE = re.compile(r"<[A-Za-z][^<>]*")
#: a tag's opening whose attribute values are quoted in full, or not at all
_QUOTED_TAG_RE = re.compile(
    r"""<[A-Za-z][A-Za-z0-9]*(?:\s+[^\s"'=<>/]+(?:="[^"<>\\]*"|='[^'<>\\]*'|=[^\s"'<>]+)?)*\s*/?>"""
)
#: what the scans follow: line endings, templates, links (a plain link whole: it opens nothing
#: and holds nothing to follow), comments, bold and italic runs, tags (not one with a line
#: ending right after its name, ``<br\n>``: the parser reads it as text)
_NESTING = (
    r"\n|\{\{|\}\}|"
    + _PLAIN_LINK
    + r"|\[\[|\]\]|<!--|''+|<(/?)([A-Za-z][A-Za-z0-9]*+)(?!\n)([^<>]*)>"
)
#: what a table's scan follows: nesting, separators, external links (bracketed, or bare up to
#: a "|" or "!", which the parser takes into the URL outside templates)
_TOKEN_RE = re.compile(
    r"\|\||!!|\||" + _NESTING + r"|\[(?=//|[A-Za-z][A-Za-z0-9+.-]*:)"
    r"|(?<!\w)(?i:" + "|".join(sorted(URI_SCHEMES, key=len, reverse=True)) + r"):"
    r"[^\s\[\]<>\"|!]*[|!]"
)
#: what the document's scan follows outside tables: nesting alone
_NESTING_RE = re.compile(_NESTING)
#: lines inside a template or tag (in the document) holding nothing the scan follows but plain
#: links, flat templates, <br> and blanked references; up to a line that starts a table
_PLAIN_NESTED_RE = re.compile(
    r"(?:[^{}\[\]<>'\n]++|'(?!')|\n(?![^\S\n]*\{\|)|"
    + _PLAIN_LINK
    + "|"
    + FLAT_TEMPLATE
    + "|"
    + BR
    + "|"
    + _BLANKED_TAG
    + ")++"
)
#: a template's name up to its first "|" or its end (no markup, no line break inside; then
#: blanks and comments, which may span lines)
_TEMPLATE_NAME_RE = re.compile(
    r"(\s*[^\s{}\[\]<>|](?:[^{}\[\]<>|\n]*[^\s{}\[\]<>|])?\s*(?:(?><!--[\s\S]*?-->)\s*)*)"
    r"(?:\||\}\})"
)
#: a template's name that a parser function and one flat template make, up to its first "|"
#: or its end (``{{formatnum:{{Inflation|US|800|1861}}}}``, ``{{#if:{{{a}}}|…}}`` not)
_NESTED_NAME_RE = re.compile(r"[^\s{}\[\]<>|][^{}\[\]<>|\n]*:\{\{[^{}\[\]<>\n]*\}\}[ ]*(?:\||\}\})")
#: an infobox's name
_INFOBOX_RE = re.compile(r"\s*infobox", re.IGNORECASE)
#: a link's title up to its "|" or its end
_LINK_TITLE_RE = re.compile(r"((?:[^\n{}\[\]<>|]|(?><!--[^\n]*?-->))+)(?:\||\]\])")
#: a template with no markup, quotes or line break in an attribute's value
_ATTR_TEMPLATE = r"\{\{[^\"\n|\[\]{}<>']+(?:\|[^\"\n|\[\]{}<>']*)*\}\}"
#: attributes the parser reads up to the next ``|`` or line end: no markup, quotes only after
#: ``=``, templates only inside double quotes (``style="{{color|9.4}}"``)
_ATTRS_RE = re.compile(
    r"(?:[^\[\]{}<>|'\"\n]"
    r'|="(?:[^"\n|\[\]{}<>]|' + _ATTR_TEMPLATE + r')*"'
    r"|='[^'\n|\[\]{}<>]*')*"
)
#: contents without markup: nothing the parser would make a node of
_PLAIN_RE = re.compile(r"[^{}\[\]<>&':\n]*\n?")


def _cell_pattern(header: bool) -> re.Pattern[str]:
    """A cell read whole on a cell's line, up to the next separator or the line's end:
    attributes before a single "|" (text after it), or contents with no "|" at the top
    level; the contents open nothing that the scan must follow, but plain links, flat
    templates, ``<br>``, blanked references and ``<small>``, ``<sub>`` or ``<sup>`` around
    text, quotes, links and flat templates. In a header cell a "!" is text unless doubled."""
    bang = r"!(?!!)" if header else "!"
    chars = r"[^{}\[\]<>'|!\n:]++|" + _TEXT_COLON
    text = chars + "|" + bang
    value = r'="(?:[^"\n|\[\]{}<>\'!:]++|' + bang + "|" + _TEXT_COLON + r')*+"'
    attributes = rf"(?:[^\[\]{{}}<>|'\"\n!:=]++|=(?!\")|{bang}|{_TEXT_COLON}|{value})*+"
    quotes = r"'(?!')|" + _QUOTES
    inline = rf"(?:{chars}|!(?!!)|{quotes}|{BR}|{_PLAIN_LINK}|{FLAT_TEMPLATE})*+"
    small = "|".join(f"<{tag}>{inline}</{tag}>" for tag in ("small", "sub", "sup"))
    piece = (
        rf"(?:{text}|{quotes}|{BR}|{_BLANKED_TAG}"
        rf"|{_STYLED_LINK}|{FLAT_TEMPLATE}|{small})"
    )
    separator = r"\|\||!!" if header else r"\|\|"
    return re.compile(
        rf"(?:{attributes}\|(?!\|)((?:{piece}|\|(?!\|))*+)|{piece}*+)(?={separator}|\n)"
    )


_TD_CELL_RE = _cell_pattern(False)
_TH_CELL_RE = _cell_pattern(True)
#: a cell of text alone, no "|" in it (nor "!" in a header cell): what the cell's pattern
#: reads as contents, with no attributes (they end at a lone "|"), and :data:`_PLAIN_RE`
#: as plain; told apart at a fraction of the cost of the cell's pattern, which reads such
#: a cell twice (as attributes, then as contents)
_PLAIN_TD_CELL_RE = re.compile(r"[^{}\[\]<>&':\n|]*+(?=\|\||\n)")
_PLAIN_TH_CELL_RE = re.compile(r"[^{}\[\]<>&':\n|!]*+(?=\|\||!!|\n)")


_SINGLE_ONLY = frozenset({"br", "wbr", "hr", "meta", "link", "img"})
#: tags the parser reads with contents up to a closing tag, or alone where none closes them
_LEFT_OPEN = frozenset({"li", "dt", "dd", "th", "td", "tr"})
#: "</" that starts no closing tag made of a name alone
_UNSURE_CLOSING_RE = re.compile(r"</(?![A-Za-z][A-Za-z0-9]*\s*>)")
#: how many times the document's scan goes back to a tag left open (see ``_Scan.document``)
_RETRIES = 4
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


@dataclass(slots=True)
class Line:
    """A line read ahead: ``start`` of the line, ``body`` after its list marks, ``end`` before
    its line ending; a heading's (``kind`` "heading") after its opening and its closing "="
    (its title ends before as many as it opens with). A line that shows nothing (``kind``
    "hidden") holds links to categories and other wikis."""

    start: int
    body: int
    end: int
    kind: str = "plain"
    #: the quotes of a plain line that show as apostrophes (see :func:`_shown_quotes`)
    shown: tuple[int, ...] = ()


@dataclass(slots=True)
class Layout:
    """What :func:`read_ahead` found, each in the order of the text."""

    tables: list[Table]
    lines: list[Line]
    templates: list[Span] = field(default_factory=list)  # parameters to blank
    #: infoboxes at the top level: (``{{``, where its parameters start, ``}}``)
    boxes: list[tuple[int, int, int]] = field(default_factory=list)


def read_ahead(text: str, hidden: Callable[[str], bool] = lambda name: False) -> Layout:
    """The tables and lines (plain, headings, hidden) of ``text`` that the reader shows
    without the parser, and the parameters of the templates at the top level that it never
    shows (``hidden`` tells by the name as written)."""
    scan = _Scan(text, 0, hidden)
    if "\r" not in text:  # \r\n line endings: left to the parser
        try:
            scan.document()
        except _GiveUp:
            pass
    return Layout(scan.tables, scan.lines, scan.templates, scan.boxes)


def stub(text: str, layout: Layout) -> str:
    """``text`` for the parser: blanked (line endings kept) each table's markup between
    ``{|`` and ``|}``, each line read ahead and the parameters of each hidden template. The
    parser still reads a table or a template where one stands, so what surrounds it reads
    as before, but it builds nothing inside."""
    cuts = [(t.start + 2, t.end - 2) for t in layout.tables]
    cuts += [(line.start, line.end) for line in layout.lines] + layout.templates
    parts: list[str] = []
    pos = 0
    for a, b in sorted(cuts):
        parts += [text[pos:a], blank(text[a:b])]
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


class _Scan:
    """One table's scan from its ``{|`` (rows of items), or the document's (tables and
    plain lines); :class:`_GiveUp` where it cannot be sure."""

    def __init__(self, text: str, start: int, hidden: Callable[[str], bool] | None = None) -> None:
        self.text = text
        self.start = start
        document = hidden is not None
        self.hidden = hidden  # document: which templates (by name) the reader never shows
        self.in_table = not document
        self.tokens = _NESTING_RE if document else _TOKEN_RE
        self.tables: list[Table] = []
        self.lines: list[Line] = []
        self.templates: list[Span] = []
        self.outer: int | None = None  # where a hidden template's parameters start
        self.boxes: list[tuple[int, int, int]] = []
        self.box: tuple[int, int] | None = None  # an infobox open at the top level
        self.rows: list[list[Item]] = [[]]
        self.tag: str | None = None  # the open item: "td", "th", "" (other content), None
        self.at = 0  # where the open item's contents start
        self.plain_to = -1  # where the open item ends if its contents so far are plain
        self.nested: list[str] = []  # open "{{", "[[" and tag names
        self.ticks: list[tuple[int, int]] = []  # open bold/italic runs: (2, 3 or 5 quotes, depth)
        self.swallowing = False  # in an italic run past the end of its line
        self.line_at = 0  # where the document's line being read starts
        #: where each tag on ``nested`` opens, by its depth there
        self.tag_at: dict[int, int] = {}
        #: tags that may be left open (their "<" offsets) read as holding nothing
        self.alone: set[int] = set()
        #: where the line starts of a tag that may be left open, opened at the top level
        #: and still open
        self.retry: int | None = None

    def document(self) -> None:
        """Scan the whole text, line by line.

        A tag that may be left open (``li``, ``dd``…) and is still open at the text's end,
        with nothing else open, holds nothing, as the parser reads it: it looks for the
        closing tag to the end, then reads the tag alone and the text after it outside it.
        The scan goes back to the line of the first such tag and reads on so.
        """
        self.lines_from(0)
        for _ in range(_RETRIES):
            if self.retry is None or self.ticks or not _LEFT_OPEN.issuperset(self.nested):
                return
            opened = [self.tag_at[depth] for depth in range(len(self.nested))]
            if (
                min(opened) < 0
                # a closing tag the parser may not read as one ends the tag otherwise
                or _UNSURE_CLOSING_RE.search(self.text, opened[0])
            ):
                return
            self.lines_from(self.back(self.retry, opened))

    def back(self, at: int, opened: list[int]) -> int:
        """Go back to the line at ``at`` of a tag still open, each tag ``opened`` (the "<" of
        each still open, only tags that may be left open) read as holding nothing: where to
        read on from."""
        self.alone.update(opened)
        # what was found from its line on is found again
        self.lines = [line for line in self.lines if line.start < at]
        self.tables = [table for table in self.tables if table.start < at]
        self.templates = [span for span in self.templates if span[0] < at]
        self.boxes = [box for box in self.boxes if box[0] < at]
        self.nested, self.retry, self.outer, self.box = [], None, None, None
        return at

    def lines_from(self, pos: int) -> None:
        """Scan the text line by line from ``pos``, a line's start, to its end."""
        text = self.text
        size = len(text)
        while pos < size:
            self.line_at = pos
            if self.ticks:
                raise _GiveUp  # a bold or italic run left open: read on by the parser
            first = text[pos]  # the line's first character tells most lines from a table's
            if first == "{" and text.startswith("{|", pos):
                after = self.nested_table(pos)
            elif first.isspace() and _INDENTED_TABLE_RE.match(text, pos):
                raise _GiveUp  # the tokenizer may read a table there
            else:
                m = None if self.nested else _PLAIN_LINE_RE.match(text, pos)
                shown = None if m is None or m.end() == m.start(1) else _shown_quotes(m.group())
                if m is not None and shown is not None:
                    shown = tuple(pos + k for k in shown) if shown else ()
                    self.lines.append(Line(pos, m.start(1), m.end(), shown=shown))
                    after = m.end() + 1
                elif not self.nested and (m := _HEADING_LINE_RE.match(text, pos)):
                    self.lines.append(Line(pos, m.end(1), m.end(2) + len(m[1]), "heading"))
                    after = m.end() + 1
                elif not self.nested and (m := _HIDDEN_LINE_RE.match(text, pos)):
                    self.lines.append(Line(pos, pos, m.end(), "hidden"))
                    after = m.end() + 1
                else:
                    after = self.rest_of_line(pos)
            if after is None:
                return
            pos = after

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
            if end == pos:  # the "|}" that closes the table (any other line is read past)
                self.close(end)
                return Table(self.start, end + 2, self.rows)
            pos = end

    def attributes(self, start: int, end: int) -> None:
        if end > start and not _ATTRS_RE.fullmatch(self.text, start, end):
            raise _GiveUp

    def close(self, end: int) -> None:
        """End the open item at ``end``."""
        if self.tag is None:
            return
        if self.nested or self.ticks:
            raise _GiveUp  # the parser would read on past the item's end
        item = _bare(Item)  # see Item
        item.tag, item.start, item.end = self.tag, self.at, end
        item.plain = (
            end == self.plain_to or _PLAIN_RE.fullmatch(self.text, self.at, end) is not None
        )
        self.rows[-1].append(item)
        self.tag, self.plain_to = None, -1

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
        if head[:1].isspace() and _INDENTED_MARK_RE.match(text, pos):
            raise _GiveUp  # a mark after spaces: the tokenizer may take it as one
        if head in ("||", "!!"):
            raise _GiveUp  # after a line of cells the parser may read both as the mark
        if head[:1] in ("|", "!"):
            self.close(pos)
            self.tag = tag = "td" if head[0] == "|" else "th"
            return self.cells(tag, pos + 1)
        if self.tag is None:
            if _LINE_MARK_RE.match(text, pos):
                raise _GiveUp  # a list item, heading or rule between rows: the parser's to read
            self.tag, self.at = "", pos
        return self.rest_of_line(pos)

    def cells(self, tag: str, pos: int) -> int | None:
        """Read a cell's line on from ``pos`` (where the open cell, a ``tag``, starts before
        its attributes) as :meth:`rest_of_line` reads it: each cell whole while the pattern
        of its tag reads it and its bold and italic runs close inside it, the rest by
        :meth:`rest_of_line`."""
        text = self.text
        header = tag == "th"
        while True:  # each pattern called by its name: the regex-safety test reads the calls
            plain: bool | None = True
            m = _PLAIN_TH_CELL_RE.match(text, pos) if header else _PLAIN_TD_CELL_RE.match(text, pos)
            if m is not None:
                end, at = m.end(), pos
            else:
                m = _TH_CELL_RE.match(text, pos) if header else _TD_CELL_RE.match(text, pos)
                if m is None:  # see _cell_pattern
                    break
                end = m.end()
                if text.find("''", pos, end) >= 0 and not _paired(text[pos:end]):
                    break  # a run left open: read on by rest_of_line
                at = m.start(1)
                at = pos if at < 0 else at  # after the attributes
                plain = None  # told below, unless the cell goes on to the next line
            if text[end] == "\n":
                self.at = at
                if plain:
                    self.plain_to = end + 1  # unless a line goes on with the cell
                return end + 1
            if plain is None:
                plain = _PLAIN_RE.fullmatch(text, at, end) is not None
            item = _bare(Item)  # see Item
            item.tag, item.start, item.end, item.plain = tag, at, end, plain
            self.rows[-1].append(item)
            pos = end + 2
        self.at = pos
        return self.rest_of_line(pos, tag, True)

    def rest_of_line(self, pos: int, cell: str = "", style: bool = False) -> int | None:
        """Scan on from ``pos`` to the end of the line (see :meth:`line`); ``cell``: on a
        cell's line, ``style``: before its attributes separator."""
        text = self.text
        while True:
            m = self.tokens.search(text, pos)
            if m is None:
                return None
            tok = m.group()
            pos = m.end()
            if tok == "\n":
                if not self.nested:
                    if not self.ticks:
                        return pos
                    if not self.italic_reads_on(pos):
                        raise _GiveUp  # a bold or italic run left open: read on by the parser
                    self.swallowing = True
                    continue
                if self.swallowing and text.startswith("{|", pos):
                    raise _GiveUp
                # in a template a "|" after spaces only separates parameters
                in_template = self.nested[-1] == "{{"
                indented = (
                    _INDENTED_TABLE_RE if in_template or not self.in_table else _INDENTED_MARK_RE
                )
                if indented.match(text, pos):
                    raise _GiveUp
                if text.startswith("{|", pos):
                    if self.in_table:
                        raise _GiveUp  # a table inside a template or tag in a cell
                    after = self.nested_table(pos)  # a table in a template's parameter
                    if after is None:
                        return None
                    if not self.nested:
                        return after
                    pos = after
                elif not self.in_table and (run := _PLAIN_NESTED_RE.match(text, pos)):
                    pos = run.end()  # lines inside a template or tag that hold nothing to follow
            elif tok[-1] == "]" and tok[0] == "[" and len(tok) > 2:
                continue  # a plain link
            elif tok in ("||", "!!", "|"):
                if self.nested:
                    if self.nested[-1] not in ("{{", "[[") and (cell or style):
                        raise _GiveUp  # inside a tag: the parser may not have read the tag
                    continue
                if not cell or (tok == "!!" and cell != "th"):
                    continue  # text
                if (tok == "|" and not style) or self.swallowing:
                    continue  # (text inside an italic run: see italic_reads_on)
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
                    self.pop()
                    if not self.nested and self.outer is not None:
                        self.hidden_template(self.outer, m.start())
                    if not self.nested and self.box is not None:
                        if not self.ticks:
                            self.boxes.append((*self.box, m.start()))
                        self.box = None
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
                if self.swallowing and not self.nested and n != 2:
                    raise _GiveUp  # bold in an italic run over lines
                _run(self.ticks, n, len(self.nested))
                self.swallowing = self.swallowing and bool(self.ticks)
            elif tok[0] == "<":
                pos = self.html_tag(m, pos)
            elif tok == "[":
                close = text.find("]", pos)
                newline = text.find("\n", pos)
                if close >= 0 and (newline < 0 or close < newline):
                    inner = text[pos:close]
                    if "|" in inner or "!!" in inner:
                        raise _GiveUp  # an external link's text: no separator there
            elif self.nested and self.nested[-1] == "{{":
                pos = m.start() + tok.index(":") + 1  # in a template a "|" ends the URL: read on
            else:
                raise _GiveUp  # a bare URL that runs into a "|" or "!"

    def italic_reads_on(self, pos: int) -> bool:
        """Whether an italic run left open at the line ending before ``pos`` (and nothing
        else open) reads on over the lines after it, as the parser reads it: it closes at the
        next ``''`` and holds everything up to it as text (cell marks, separators, line
        endings), then the line it closes on goes on as the line it opened on. The scan
        follows it so unless a line in it starts what the parser may read otherwise (a
        table, a heading, a list item, a rule) or a bold run meets it; if it never closes,
        the scan reaches the end and stops there.
        """
        return self.ticks == [(2, 0)] and not _SWALLOW_STOP_RE.match(self.text, pos)

    def hidden_template(self, start: int, end: int) -> None:
        """A template at the top level that the reader never shows, its parameters at
        ``start:end``: blanked for the parser."""
        self.outer = None
        if self.ticks or _UNSURE_PARAMETERS_RE.search(self.text, start, end):
            return  # what may read on past its end: a bold or italic run, a tag, a link
        self.templates.append((start, end))

    def nested_table(self, pos: int) -> int | None:
        """Read a table at ``pos`` (in a table: one nested in the open item, which holds
        it); where the scan goes on (the rest of its last line)."""
        inner = _Scan(self.text, pos).table()
        if inner is None:
            raise _GiveUp
        if not self.in_table:
            self.tables.append(inner)
        return self.rest_of_line(inner.end)

    def opening(self, tok: str, pos: int) -> None:
        """Give up unless the template or link opened at ``pos`` has a name the parser
        takes (else its brackets are text, and a ``|`` after them a separator)."""
        if tok == "{{":
            m = _TEMPLATE_NAME_RE.match(self.text, pos)
            if m is None:
                if _NESTED_NAME_RE.match(self.text, pos) is None:
                    raise _GiveUp
                return  # a parser function of a template: that one's name is read at its "{{"
            if not self.nested and not self.ticks and self.hidden is not None:
                name = m.group(1)
                self.outer = m.end(1) if "<" not in name and self.hidden(name) else None
                if _INFOBOX_RE.match(name):
                    self.box = (pos - 2, m.end(1))
            return
        m = _LINK_TITLE_RE.match(self.text, pos)
        if m is None:
            raise _GiveUp
        title = m.group(1).strip().lower()
        scheme, colon, _ = title.partition(":")
        if title.startswith("//") or (colon and scheme in URI_SCHEMES):
            raise _GiveUp  # [[http://…]] is an external link ([[magnet]] is a wikilink)

    def html_tag(self, m: re.Match[str], pos: int) -> int:
        """Track an HTML tag; the offset to scan on from."""
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if self.stray_single(name, rest):
                return pos
            if self.nested and self.nested[-1] == name:
                self.pop()
                return pos
            if self.in_table or (self.nested and self.nested[-1] not in ("{{", "[[")):
                raise _GiveUp
            return pos  # outside a tag's contents the parser reads a closing tag as text
        if rest.endswith("/") or name in _SINGLE_ONLY:
            return pos
        if name in _UNPARSED:
            close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(self.text, pos)
            if close is None:
                raise _GiveUp
            return close.end()
        if (
            m.start() in self.alone
            or self.never_closed(name, rest, pos)
            or (not rest and self.fails(name, pos))
        ):
            return pos  # the parser looks for its closing tag to the end, then reads "<" as text
        plain = _plain_opening(rest)
        if name in _LEFT_OPEN and plain and not (self.nested or self.ticks or self.in_table):
            self.retry = self.line_at
        self.tag_at[len(self.nested)] = m.start() if plain else -1
        self.nested.append(name)
        return pos

    def stray_single(self, name: str, rest: str) -> bool:
        """Whether a closing tag (``name``, then ``rest`` up to its ``>``) reads as the tag
        of that name that is never closed (``</br>``, ``</hr />``), as the parser reads one
        anywhere but directly in a tag's contents (there it reads it as a closing tag that
        closes nothing, and the tag it is in as text)."""
        return (
            name in _SINGLE_ONLY
            and _STRAY_REST_RE.fullmatch(rest) is not None
            and (not self.nested or self.nested[-1] in ("{{", "[["))
        )

    def fails(self, name: str, body: int) -> bool:
        """Whether the tag ``name`` whose contents start at ``body`` (in the document, not
        in a table) reads as text, its closing tags on its line standing in italic runs it
        opens and those after it in tags of its name that close on their own (see
        :func:`_body_fails`). Asked only where an italic run opens in it before its first
        closing tag on the line: elsewhere the scan follows the tag as it is."""
        text = self.text
        eol = text.find("\n", body)
        eol = len(text) if eol < 0 else eol
        close = _closings(name)[0].search(text, body, eol)
        return (
            not self.in_table
            and not is_single(name)
            and text.find("''", body, eol if close is None else close.start()) >= 0
            and _body_fails(text, name, body, eol)
            and _closed_alone(text, name, eol)
            and _explored_alike(text, eol)
        )

    def pop(self) -> None:
        """Close the innermost template, link or tag."""
        self.nested.pop()
        if not self.nested:
            self.retry = None  # the tag it was set for is closed
        if self.ticks and self.ticks[-1][1] > len(self.nested):
            raise _GiveUp  # a bold or italic run opened inside: the parser reads on past its end

    def never_closed(self, name: str, rest: str, pos: int) -> bool:
        """Whether a tag opened before ``pos`` (its attributes ``rest``) holds nothing, with no
        closing tag anywhere after it and no markup in its opening: one that must be closed
        reads as text, one that may be left open (``li``, ``dd``…) as a tag with no contents
        (``#<li value="6"> For every…``), the text after it outside it either way; but not
        the second in a bold or italic run or in a table, where the parser reads it otherwise."""
        return (
            (not is_single(name) or not (self.ticks or self.in_table))
            and _plain_opening(rest)
            and re.compile(rf"</\s*{name}", re.IGNORECASE).search(self.text, pos) is None
        )


def _plain_opening(rest: str) -> bool:
    """Whether a tag's opening after its name (``rest``) holds no markup and no quote left
    open, so that it ends where the scan reads its end."""
    return not _MARKUP_IN_TAG_RE.search(rest) and rest.count('"') % 2 == 0


def _run(ticks: list[tuple[int, int]], n: int, depth: int) -> None:
    """Open or close a run of ``n`` quotes (2, 3 or 5) at ``depth`` on the stack of open
    runs (quotes and depth each).

    A run closes the innermost open one when it is the same (a run closes where it
    opened: in the same template…); five quotes that meet an open italic or bold run
    close it with two or three of them, as the parser does, and the rest is read as a
    run of its own: ``''a '''b'''''`` closes both.
    """
    if n == 5 and ticks and ticks[-1][0] != 5 and ticks[-1][1] == depth:
        n -= ticks.pop()[0]
    if ticks and ticks[-1] == (n, depth):
        ticks.pop()
    else:
        ticks.append((n, depth))


def _paired(line: str) -> bool:
    """Whether the bold and italic quotes of a line close in the order they open, those
    inside each ``<small>``, ``<sub>`` or ``<sup>`` and each link on their own and those
    outside on theirs: the parser reads a tag's contents and a link's label on a stack of
    their own, so that a run opened outside never closes inside (``''R<sub>i''</sub>``,
    ``''[[a|b'']]``), nor one opened inside outside."""
    if "''" not in line:
        return True  # most lines: no run, and no tag or link to follow for one
    ticks: list[tuple[int, int]] = []
    depth = 0
    for m in _QUOTES_RE.finditer(line):
        tok = m.group()
        if tok[0] == "'":
            _run(ticks, len(tok), depth)
        elif tok[1] in "/]":  # "</small>", "]]"…
            if ticks and ticks[-1][1] == depth:
                return False  # a run opened inside reads on past the end
            depth -= 1
        else:
            depth += 1
    return not ticks


def _shown_quotes(line: str) -> tuple[int, ...] | None:
    """Where a plain line's bold and italic quotes show as apostrophes (offsets in ``line``),
    as MediaWiki reads the line, or None where that reading is not followed here.

    Quotes that pair up (see :func:`_paired`) are all markup. Otherwise MediaWiki reads the
    line's runs (of 2, 3 or 5 quotes in a plain line) on their own: it closes what is left
    open at the line's end (the parser would read a run on over the lines after it, to the
    next quotes in the article: the line is read ahead, so the parser never sees it), and
    where an odd number of bold runs meets an odd number of italic ones, one bold run is an
    apostrophe and an italic run: the first after a one-letter word, else the first after a
    longer one, else the first after a space (``''Battle'''s stories``: "Battle's"). Quotes
    inside a link or tag are read on their own: where they pair up there they are all markup
    (``[[hexane|''n''-hexane]]``); a line where they do not, or where the line's runs call
    for an apostrophe, is left to the parser."""
    if _paired(line):
        return ()
    bolds: list[tuple[int, int]] = []  # three quotes: (where the text before starts, at)
    bold = italic = last = 0
    inner: list[list[tuple[int, int]]] = []  # the runs open inside each open link or tag
    inside = False  # quotes inside a link or tag
    for m in _QUOTES_RE.finditer(line):
        tok = m.group()
        if tok[0] != "'":
            if tok[1] not in "/]":  # "<small>", "[["…
                inner.append([])
            elif not inner or inner.pop():  # "</small>", "]]"… a run opened inside left open
                return None
            continue
        if inner:
            _run(inner[-1], len(tok), 0)
            inside = True
            continue
        if len(tok) == 3:
            bolds.append((last, m.start()))
        bold += len(tok) != 2  # five quotes are both
        italic += len(tok) != 3
        last = m.end()
    if not (bold % 2 and italic % 2):
        return ()
    if inside:
        return None
    space = multi = None
    for before, at in bolds:
        if line[at - 1 : at] == " " and at > before:
            space = at if space is None else space
        elif line[at - 2 : at - 1] == " " and at - 1 > before:
            return (at,)  # after a one-letter word
        elif multi is None:
            multi = at
    shown = multi if multi is not None else space
    return () if shown is None else (shown,)


_CLOSINGS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _closings(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What closes a tag ``name`` (``</name>``, blanks before its ``>``, in any case), and that
    tag around plain inline content (as ``<small>`` in a plain piece)."""
    if name not in _CLOSINGS:
        _CLOSINGS[name] = (
            re.compile(rf"</{name}\s*>", re.IGNORECASE),
            re.compile(f"<{name}{_PLAIN_INLINE}{name}>"),
        )
    return _CLOSINGS[name]


def _body_fails(text: str, name: str, body: int, eol: int) -> bool:
    """Whether the parser, reading the contents of a tag ``name`` from ``body`` on a stack of
    their own, meets no closing tag of it before the line's end at ``eol``: each stands in an
    italic run the contents open (where the parser reads it as text: ``<sub>i''</sub>…''``)
    and that closes on the line. The line holds nothing else but text, two quotes, plain
    links, flat templates, comments, ``<br>``, entities, colons that start no URL and tags
    that read as text by this rule (see :meth:`_Scan.fails`); its run left open at the
    line's end (the parser reads it on over what follows) holds no closing tag."""
    italic = closed_inside = False
    pos = body
    while (m := _BODY_TOKEN_RE.search(text, pos, eol)) is not None:
        tok, pos = m.group(), m.end()
        if tok[0] == "'":
            if len(tok) != 2:
                return False
            italic = not italic
            closed_inside = closed_inside and italic
        elif m.group(2):
            tag, rest = m.group(2).lower(), m.group(3)
            if m.group(1):
                if not italic:
                    return False  # a closing tag the contents read (theirs: the tag is closed)
                closed_inside = closed_inside or tag == name
            elif not (tag in _SINGLE_ONLY and _STRAY_REST_RE.fullmatch(rest)) and (
                rest
                or is_single(tag)
                or not _body_fails(text, tag, pos, eol)
                or not _closed_alone(text, tag, eol)
            ):
                return False
        else:
            atom = {"<": _PLAIN_COMMENT_RE, "[[": _PLAIN_LINK_RE, "{{": _FLAT_TEMPLATE_RE}.get(tok)
            if atom is not None and (n := atom.match(text, m.start())) is not None:
                pos = n.end()
            elif tok == "<":
                if not _TEXT_LT_RE.match(text, m.start()):
                    return False  # may start a tag or a comment
            elif tok == "[":
                if _URL_START_RE.match(text, pos):
                    return False  # an external link
            elif tok != ":" or not _TEXT_COLON_RE.match(text, m.start()):
                return False
    return not (italic and closed_inside)


def _explored_alike(text: str, start: int) -> bool:
    """Whether the parser reads the text from ``start`` on alike whether or not it read it
    before inside a tag it then reads as text. It remembers each route it found bad (where
    it started, and how) and fails it at once when it meets it again; two routes fare
    otherwise the second time: an italic run a bold run inside failed (its second pass, which
    the first time closes the italic run at that bold's quotes, is lost), and an attribute
    whose quote is never closed (its second reading, as a value without quotes, is lost). So
    none of these: no three quotes or more, and each tag's attribute values quoted in full
    (or not at all)."""
    if text.find("'''", start) >= 0:
        return False
    for m in _TAG_START_RE.finditer(text, start):
        chunk = m.group()
        if ('"' in chunk or "'" in chunk) and not _QUOTED_TAG_RE.match(text, m.start()):
            return False
    return True


def _closed_alone(text: str, name: str, start: int) -> bool:
    """Whether each closing tag of ``name`` from ``start`` on closes a tag of that name around
    plain inline content whose quotes pair inside it (``<sub>''i''</sub>``): read wherever it
    stands, that tag takes its closing tag, so none can close a tag opened before."""
    close, inline = _closings(name)
    for m in close.finditer(text, start):
        opening = text.rfind(f"<{name}>", start, m.start())
        if (
            opening < 0
            or not inline.fullmatch(text, opening, m.end())
            or not _paired(text[opening : m.end()])
        ):
            return False
    return True
