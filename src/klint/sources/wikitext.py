"""MediaWiki wikitext reader (mwparserfromhell).

Offsets: mwparserfromhell round-trips its input exactly, so walking the parse
tree and adding up ``len(str(node))`` gives every node's offset in the file.
Tables, lines of plain prose, headings, lines of category links and infoboxes with
plain values found by :mod:`klint.sources._wikiscan` are read without the tree (the
parser reads stubs in their place) and shown the same way.
``Document.text`` is the file unchanged; the visible text goes into
``Document.masked`` (see ``_markup.View``): ``[[Target|label]]`` shows only
``label``, ``'''bold'''`` and HTML tags lose their markers, ``<ref>``,
comments, categories, magic words and templates that are not content are
blanked. Templates whose text carries a quantity or a date are written over
their own span: ``{{convert|25|km|mi}}`` reads ``25 kilometres``,
``{{circa|1920}}`` ``c. 1920``, ``{{start date|1988|2|20}}`` ``February 20,
1988``, ``{{N/A}}`` ``N/A``, ``{{formatnum:1234}}`` ``1,234``; ``{{nowrap}}``,
``{{lang}}``, ``{{sort}}`` and list templates show their text, and
``{{quote|…}}`` is a ``quote`` region.

Regions: an ``{{Infobox …}}`` gives ``infobox_field`` regions labelled like
the plain-text reader (``commander1`` → "Commanders 1"), one per item when a
value lists several (``<br>``, new lines, list templates); its ``conflict`` or
``name`` is the title and its ``caption`` a caption. ``== Heading ==`` →
``heading`` (label = level); ``{| … |}`` → ``table``/``table_row`` (label:
first cell, ``header`` for a row of ``!`` cells)/``table_cell`` (label: column
header, first column excepted); ``[[File:…|alt=…|caption]]`` → a caption for
the alt text and one for the caption; other lines, split at blank lines, are
paragraphs, and ``*``/``#`` lines list items. Malformed input never raises.
"""

from __future__ import annotations

import bisect
import html.entities
import itertools
import re
from collections.abc import Callable
from typing import Any, ClassVar

import mwparserfromhell.nodes as n
from mwparserfromhell.definitions import is_single
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.wikicode import Wikicode

from klint.document import Document, Region, RegionKind, with_sections
from klint.sources import _wikiscan, _wikitree
from klint.sources._markup import (
    CAPTION_KEYS,
    INFOBOX_SKIP,
    TITLE_KEYS,
    View,
    blank,
    infobox_label,
    tight,
)
from klint.text.calendar import MONTH_NAMES

Span = tuple[int, int]
#: an instance before its fields are set (see :meth:`_Reader.row`)
_bare = object.__new__

_FILE_NS = ("file:", "image:", "media:", "datei:", "fichier:", "imagen:", "bild:")
_SKIP_LINK_RE = re.compile(
    r"^\s*+:?\s*+(?:category|kategorie|catégorie|[a-z]{2,3}(?:-[a-z]{2,8})?)\s*:", re.IGNORECASE
)
_FILE_ALT_RE = re.compile(r"\s*alt\s*=")
#: what a line may start with that the parser reads as markup there: a list item, a
#: definition, a heading, a rule, a table's marks
_LINE_START_MARKS = frozenset("*#:;=-|!{")
_FILE_OPTION_RE = re.compile(
    r"^\s*+(?:thumb|thumbnail|frame|framed|frameless|border|left|right|center|centre|none|baseline|sub|super"
    r"|top|text-top|middle|bottom|text-bottom|upright(?:\s*=?\s*[\d.]*)?|\d*(?:x\d+)?\s*px"
    r"|(?:link|page|class|lang|upright|thumbtime|start|end|loop|muted)\s*=.*)\s*$",
    re.IGNORECASE | re.DOTALL,
)
_SKIP_TAGS = frozenset(
    {
        "ref",
        "references",
        "gallery",
        "math",
        "chem",
        "code",
        "pre",
        "syntaxhighlight",
        "source",
        "score",
        "timeline",
        "templatedata",
        "graph",
        "mapframe",
        "maplink",
        "nowiki",
        "br",
        "hr",
        "li",
        "dt",
        "dd",
        "noinclude",
        "includeonly",
        "onlyinclude",
        "style",
        "script",
        "imagemap",
        "categorytree",
    }
)
#: contents with no markup but plain links, paired quotes, <br>, blanked references and
#: flat templates
_SIMPLE_RE = re.compile(r"(?:" + _wikiscan.PLAIN_PIECE + "|" + _wikiscan.FLAT_TEMPLATE + r")*+\n?")
#: the markup simple() reads; each branch opens with a literal character ("''" rather than
#: "'{2,5}"), so that a search skips in C to the next character that may open a match
_SIMPLE_MARKUP_RE = re.compile(
    r"''(?:'{0,3})|"
    + _wikiscan.BR
    + "|"
    + _wikiscan.STRAY_BR
    + "|"
    + _wikiscan._BLANKED_TAG
    + r"|\[\[([^|\]]+)(?:\|([^\]]*))?\]\]|\[[^\[\] ]+(?: ([^\]]*))?\]"
    r"|\{\{[^{}]*\}\}|<!--.*?-->|</?(?:small|sub|sup)>|" + _wikiscan.ENTITY
)
_FLAT_NAME_RE = re.compile(r"\{\{([^{}|]*)")
#: a table cell that is one plain link between spaces (its last line ending its own), whose
#: title and label hold no colon, quote, entity, "/" or "_" (no magic word): what
#: :meth:`_Reader.simple` reads as a link alone, showing its label (group 1)
_LINK_CELL_RE = re.compile(r"[ ]*\[\[(?:[^\[\]{}<>|\n:'&/_]+\|)?([^\[\]{}<>|\n:'&/_]+)\]\][ ]*\n?")
#: a link the parser reads as one whose title has a colon, where a word and a space come
#: before the first (``[[Ella in Berlin: Live|Ella]]``; never a picture, a category or
#: another wiki's page: those have one word there), with no quote, entity or colon in its label
_COLON_LINK = (
    r"\[\[[^\[\]{}<>|\n:'&]*\S\s+\S[^\[\]{}<>|\n:'&]*:[^\[\]{}<>|\n'&]*"
    r"(?:\|[^\[\]{}<>|\n:'&]*)?\]\]"
)
#: an infobox parameter's value that :meth:`_Reader.simple` reads: plain pieces, flat
#: templates, links with a colon and external links, then blanks and line endings
_BOX_VALUE_RE = re.compile(
    r"(?:"
    + "|".join(
        (_wikiscan.PLAIN_PIECE, _wikiscan.FLAT_TEMPLATE, _COLON_LINK, _wikiscan.EXTERNAL_LINK)
    )
    + r")*+\s*"
)
#: a value that is a bare URL, which shows nothing, between spaces and line endings (which
#: show as they are blanked): no punctuation at its end, which the parser would read as text
_BOX_URL_RE = re.compile(r"[ \r\n]*(?:https?|ftp)://[\w/.~%?=#+:-]*[A-Za-z0-9/][ \r\n]*", re.ASCII)
#: a value that is one media file's name ("Flag of Alaska.svg", "File:Seal.png"), between spaces
#: and line endings: the infobox shows the file, not its name. No markup, entity or "''" in it
#: (the name is read as written), and it opens with a letter or digit (not ".png, .gif")
_MEDIA_VALUE_RE = re.compile(
    r"[ \r\n]*(?:(?:file|image):)?(?!\s)(?!.*'')\w[^\n|{}\[\]<>=&]*"
    r"\.(?:jpe?g|png|svg|gif|tiff?|webp|xcf|pdf|djvu|ogg|oga|ogv|webm|mp3|flac|wav|midi?)[ \r\n]*",
    re.IGNORECASE,
)
#: an infobox parameter's name (up to its "="), after line endings if a word follows them
_BOX_KEY_RE = re.compile(r"(?:\s*\n[^\S\n]*(?=\w))?[^=|{}\[\]<>&'\n]*=")
#: what splits an infobox's parameters, and the links and templates that hold a "|"
_BOX_SPLIT_RE = re.compile(r"\{\{|\}\}|\[\[|\]\]|\|")
#: an infobox parameter's value that opens with a template's name, which the parser reads as
#: one (as ``_wikiscan.FLAT_TEMPLATE`` takes it, then blanks; group 1), then a "|" or "}}"
_HIDDEN_VALUE_RE = re.compile(
    r"[ \n]*\{\{(\s*[^\s{}\[\]<>|:'=&](?:[^{}\[\]<>|\n:'=&]*[^\s{}\[\]<>|:'=&])?\s*)(?=\||\}\})"
)
_BRACES_RE = re.compile(r"\{\{|\}\}")
#: in an infobox's value parsed alone: what the parser reads otherwise in a template (a
#: heading's line is text there), what may hold a "|" the parser does not split at (a table,
#: a template's argument, a tag whose contents are text, a comment left open), and what
#: must close inside the value (comments, tags, links and brackets, templates)
_ALONE_UNSURE_RE = re.compile(r"\n=|\{\||\{\{\{|\[\[\[|\]\]\]")
_ALONE_NESTING_RE = re.compile(
    r"<!--[\s\S]*?-->|<!--|<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>|\[\[|\]\]|\[|\]|\{\{"
)
_ENTITY_RE = re.compile(_wikiscan.ENTITY)
_BRACKETS_RE = re.compile(r"[\[\]{}\s]")
_MAGIC_RE = re.compile(r"__[A-Z]{2,20}__")
#: what makes a formatnum's number one a template or a tag works out
_MARKUP_CHARS_RE = re.compile(r"[{}\[\]<>|]")
_LIST_LINE_RE = re.compile(r"[ \t]*[*#]")
#: a character that is no blank (as ``str.strip`` tells): a search skips blanks in C
_NOT_BLANK_RE = re.compile(r"\S")
_LINE_ENDINGS = ("\n", "\r", "\r\n")

_DATE_TEMPLATES = frozenset(
    {
        "start date",
        "end date",
        "start date and age",
        "end date and age",
        "birth date",
        "death date",
        "birth date and age",
        "death date and age",
        "dts",
        "date",
        "start-date",
        "birth-date",
    }
)
_CIRCA = frozenset({"circa", "c.", "ca.", "c", "ca"})
_CONVERT = frozenset({"convert", "cvt"})
_RANGE_WORDS = {
    "-": "–",
    "–": "–",
    "to": "to",
    "and": "and",
    "or": "or",
    "to(-)": "to",
    "by": "by",
    "x": "×",
}
#: unit code -> (singular, plural) for {{convert}}'s spelled-out input unit
_UNITS = {
    "km": ("kilometre", "kilometres"),
    "m": ("metre", "metres"),
    "cm": ("centimetre", "centimetres"),
    "mi": ("mile", "miles"),
    "ft": ("foot", "feet"),
    "yd": ("yard", "yards"),
    "in": ("inch", "inches"),
    "km2": ("square kilometre", "square kilometres"),
    "sqmi": ("square mile", "square miles"),
    "ha": ("hectare", "hectares"),
    "acre": ("acre", "acres"),
    "kg": ("kilogram", "kilograms"),
    "t": ("tonne", "tonnes"),
    "lb": ("pound", "pounds"),
    "l": ("litre", "litres"),
    "km/h": ("kilometre per hour", "kilometres per hour"),
    "mph": ("mile per hour", "miles per hour"),
}
_LIST_TEMPLATES = frozenset(
    {
        "ubl",
        "unbulleted list",
        "plainlist",
        "plain list",
        "flatlist",
        "hlist",
        "bulleted list",
        "ublist",
        "nowrap",
        "nobr",
        "small",
        "big",
        "resize",
        "center",
        "centre",
        "plural",
    }
)

#: templates that show one of their positional parameters: name -> index (-1: the last)
_PICK = {
    "lang": -1,
    "transl": -1,
    "transliteration": -1,
    "ill": 0,
    "interlanguage link": 0,
    "flag": 0,
    "flagcountry": 0,
    "abbr": 0,
    "sic": 0,
    "sort": 1,
    "nts": 0,
    "ntsh": 0,
    "nobold": 0,
    "noitalic": 0,
}
_NA = frozenset({"n/a", "na", "n.a.", "not applicable"})
#: templates written over with a rendering of their parameters' text
_RENDERED = _CONVERT | _CIRCA | _DATE_TEMPLATES
_QUOTES = frozenset({"quote", "blockquote", "cquote", "quotation", "quote box", "rquote"})
#: templates the reader shows (or reads regions from); the others show nothing
_SHOWN = _RENDERED | _LIST_TEMPLATES | _QUOTES | _NA | frozenset(_PICK)


#: shown templates whose text is the text of their parameters (or "N/A")
_TEXT_SHOWN = _LIST_TEMPLATES | frozenset(_PICK) | _NA
#: what makes a flat template's parameter more than a text node: an entity, a URL
_NOT_TEXT_RE = re.compile(r"[&:]")


_TEXT = n.Text
#: what shows a piece of text (``raw`` at ``pos``, up to ``end``) and returns its visible spans
_Plain = Callable[[str, int, int], list[tuple[int, int]]]


def _hidden_template(name: str) -> bool:
    """Whether a template, by its name as written, shows nothing (see ``_Reader.template``)."""
    name = " ".join(name.replace("_", " ").split()).lower()
    return not (name in _SHOWN or name.startswith(("infobox", "formatnum:")))


def _tname(node: Any) -> str:
    return " ".join(str(node.name).replace("_", " ").split()).lower()


class _Lengths:
    """``len(str(node))`` of parse-tree nodes, each computed once from its parts.

    ``str()`` of a node writes out its whole subtree, and the reader needs the length of
    every node at every level of nesting (a table cell's link sits five levels deep), so
    measuring by ``str()`` costs the text's size times its depth. Here a node's length
    is the sum of its markup and its children's lengths, by the same layout as each
    node's ``__str__``; other nodes (entities, comments, external links, attributes)
    are measured by ``str()``, which is cheap for them. :func:`read` checks the total
    against the text and measures by ``str()`` alone if they ever disagree.
    """

    _of: ClassVar[dict[type, Any]]  # node type -> its measure (set below the class)

    def __init__(self) -> None:
        self._memo: dict[int, int] = {}  # id -> length
        self._kept: list[Any] = []  # the nodes measured, kept alive so that no id is reused

    def __call__(self, node: Any) -> int:
        if type(node) is _TEXT:  # the commonest node, and the cheapest to measure
            return len(node.value)
        found = self._memo.get(id(node))
        if found is None:
            measure = self._of.get(type(node))
            found = self._memo[id(node)] = measure(self, node) if measure else len(str(node))
            self._kept.append(node)
        return found

    def _code(self, code: Any) -> int:
        size = 0
        for node in code.nodes:  # text nodes measured here, not by a call each
            size += len(node.value) if type(node) is _TEXT else self(node)
        return size

    def _tag(self, t: Any) -> int:
        if t.self_closing:
            return self.opening(t) + (0 if t.wiki_markup else (1 if t.implicit else 2))
        if t.wiki_markup:
            return self.opening(t) + self(t.contents) + len(t.closing_wiki_markup or "")
        return self.opening(t) + self(t.contents) + 3 + self(t.closing_tag)

    def opening(self, t: Any) -> int:
        """The length of a tag before its contents (or before ``/>`` when it closes itself)."""
        attributes = t.attributes
        attrs = sum(len(str(a)) for a in attributes) if attributes else 0
        if t.wiki_markup:
            return (
                len(t.wiki_markup)
                + attrs
                + len(t.padding or "")
                + len(t.wiki_style_separator or "")
            )
        return (
            (2 if t.invalid else 1)
            + self(t.tag)
            + attrs
            + len(t.padding)
            + (0 if t.self_closing else 1)
        )


_Lengths._of = {  # functions of (self, node): no reference cycle through self
    Wikicode: _Lengths._code,
    n.Text: lambda m, t: len(t.value),
    n.Wikilink: lambda m, w: 4 + m(w.title) + (0 if w.text is None else 1 + m(w.text)),
    n.Template: lambda m, t: 4 + m(t.name) + sum(1 + m(p) for p in t.params),
    Parameter: lambda m, p: (m(p.name) + 1 if p.showkey else 0) + m(p.value),
    n.Heading: lambda m, h: 2 * h.level + m(h.title),
    n.Tag: _Lengths._tag,
}


def _str_length(node: Any) -> int:
    return len(str(node))


class _Reader:
    def __init__(
        self, text: str, parsed: str | None = None, ahead: _wikiscan.Layout | None = None
    ) -> None:
        self.text = text
        self.parsed = text if parsed is None else parsed  # what the parser read: _quiet_tags(text)
        ahead = ahead or _wikiscan.Layout([], [])
        #: tables and plain lines read without the parser (stubs in what it read)
        self.tables = {t.start: t for t in ahead.tables}
        self.lines = ahead.lines
        self.line_starts = [line.start for line in ahead.lines]
        self.view = View(text)
        self.regions: list[Region] = []
        self.claimed: list[Span] = []
        self.has_title = False
        self.length: Any = _str_length  # read() installs _Lengths once it agrees with the text
        #: infoboxes read without the parser's tree of them: ``{{`` -> (``}}``, each
        #: parameter's name, its value's span and what simple() shows in it, or the value's
        #: tree parsed alone)
        self.boxes: dict[int, tuple[int, list[tuple[str, int, int, Any]]]] = {}

    def add(self, kind: RegionKind, spans: list[Span], label: str | None = None) -> None:
        """A region from the first to the last visible character of ``spans``."""
        spans = [s for s in spans if s[1] > s[0]]
        if spans:
            self.regions.append(Region(kind, spans[0][0], spans[-1][1], label))

    # -- visible text ----------------------------------------------------------------------------
    def walk(self, code: Any, pos: int) -> list[Span]:
        """Show the visible content of wikicode starting at ``pos``; return its visible spans."""
        spans: list[Span] = []
        length, show = self.length, self.node
        for node in code.nodes:
            end = pos + (len(node.value) if type(node) is _TEXT else length(node))
            spans += show(node, pos, end)
            pos = end
        return spans

    def walk_document(self, code: Any) -> None:
        """Show the document's visible content. Nothing asks for the spans of its own text
        (its paragraphs are read from the view), so the plain lines in it show theirs
        without measuring them."""
        length, show, pos = self.length, self.node, 0
        for node in code.nodes:
            if type(node) is _TEXT:
                end = pos + len(node.value)
                if self.lines:
                    self.text_with_lines(pos, end, self.unmeasured)
                else:
                    show(node, pos, end)
            else:
                end = pos + length(node)
                show(node, pos, end)
            pos = end

    def show(self, start: int, end: int) -> list[Span]:
        """Show ``text[start:end]``; return its span without surrounding blanks (for regions).

        Spaces and line endings alone are not shown: the view has them already where they
        are blanked, and the gap they would part is no markup inside a token (see
        :meth:`View.build`), so the view is the same."""
        piece = self.text[start:end]  # as tight(), inlined: the commonest call of the walk
        body = piece.strip()
        if not body:
            if piece.strip(" \n"):  # a tab or another blank: the view blanks it to a space
                self.view.show(start, end)
            return []
        self.view.show(start, end)
        start += piece.find(body[0])  # the first character that is no blank
        return [(start, start + len(body))]

    def write(self, start: int, end: int, rendering: str) -> list[Span]:
        if len(rendering) > end - start or not rendering.strip():
            return []
        self.view.write(start, end, rendering)
        return [(start, start + len(rendering.rstrip()))]

    def node(self, node: Any, pos: int, end: int) -> list[Span]:
        """Show a node spanning ``text[pos:end]``; return its visible spans."""

        if type(node) is _TEXT:
            if self.lines:
                return self.text_with_lines(pos, end)
            return self.plain(node.value, pos, end)
        if isinstance(node, n.Wikilink):
            return self.wikilink(node, pos, end)
        if isinstance(node, n.ExternalLink):
            if node.title is None or not node.brackets:
                return []
            if isinstance(self.length, _Lengths):  # laid out by the lengths: it lines up
                return self.walk(node.title, end - 1 - self.length(node.title))
            title = str(node.title) + "]"
            ends_with_title = end - pos >= len(title) and self.parsed.startswith(
                title, end - len(title)
            )
            return self.walk(node.title, end - len(title)) if ends_with_title else []
        if isinstance(node, n.Template):
            return self.template(node, pos, end)
        if isinstance(node, n.HTMLEntity):
            try:
                return self.write(pos, end, node.normalize())
            except (ValueError, OverflowError):
                return []
        if isinstance(node, n.Heading):
            self.heading(node.level, self.walk(node.title, pos + node.level), pos, end)
            return []
        if isinstance(node, n.Tag):
            return self.tag(node, pos, end)
        return []  # comments, arguments ({{{1}}}), anything else: not content

    def heading(self, level: int, spans: list[Span], pos: int, end: int) -> None:
        """A heading of ``level`` at ``text[pos:end]`` whose title shows ``spans``: the
        title (the first of level 1) or a heading."""
        self.claimed.append((pos, end))
        if level == 1 and not self.has_title:
            self.has_title = True
            self.add("title", spans)
        else:
            self.add("heading", spans, str(level))

    def plain(self, raw: str, pos: int, end: int) -> list[Span]:
        """Show text (``raw``, at ``pos``) less its magic words (``__NOTOC__``)."""
        if "__" in raw:
            out: list[Span] = []
            last = pos
            for m in _MAGIC_RE.finditer(raw):
                out += self.show(last, pos + m.start())
                last = pos + m.end()
            return out + self.show(last, end)
        return self.show(pos, end)

    def unmeasured(self, raw: str, pos: int, end: int) -> list[Span]:
        """Show text as :meth:`plain` does, its spans left unmeasured (none returned)."""
        if "__" in raw:
            self.plain(raw, pos, end)
        else:
            self.view.show(pos, end)
        return []

    def text_with_lines(self, pos: int, end: int, plain: _Plain | None = None) -> list[Span]:
        """Show a text node at ``pos``, reading the lines stubbed in it (its text shown by
        ``plain``, :meth:`plain` if None)."""
        lines, parsed = self.lines, self.parsed
        plain = plain or self.plain
        k = bisect.bisect_left(self.line_starts, pos)
        out: list[Span] = []
        while k < len(lines) and lines[k].start < end:
            line = lines[k]
            if line.start > pos:
                out += plain(parsed[pos : line.start], pos, line.start)
            out += self.read_line(line, plain)
            pos = line.end
            k += 1
        return out + plain(parsed[pos:end], pos, end) if end > pos else out

    def read_line(self, line: _wikiscan.Line, plain: _Plain) -> list[Span]:
        """Show a line read ahead (its text by ``plain``) as the parser's nodes show; its
        visible spans. One with an "&" that starts no entity is parsed alone."""
        if line.kind == "heading":
            level = line.body - line.start
            title = self.simple(line.body, line.end - level, checked=True)
            if title is None:
                return self.parse_walk(line.start, line.end, line=True)
            self.heading(level, title, line.start, line.end)
            return []
        if line.kind == "hidden":
            return []  # links to categories and other wikis
        simple = self.simple(line.body, line.end, checked=True, plain=plain)
        if simple is None:
            return self.parse_walk(line.start, line.end, line=True)
        if line.shown:  # quotes that are apostrophes, not markup
            for at in line.shown:
                self.view.show(at, at + 1)
            simple = sorted(simple + [(at, at + 1) for at in line.shown])
        return simple

    def contents_at(self, node: Any, pos: int, end: int) -> int | None:
        """Offset of a tag's contents, or None when they cannot be located exactly."""
        if node.contents is None or node.self_closing:
            return None
        size: int = self.length(node.contents)
        text = self.parsed
        if node.wiki_markup:
            close = getattr(node, "closing_wiki_markup", None) or ""
            ends = close and end - pos >= len(close) and text.startswith(close, end - len(close))
            stop = end - (len(close) if ends else 0)
        elif node.closing_tag is not None and not node.implicit:
            stop = text.rfind("</", pos, end)
            stop = stop if stop >= 0 else pos - 1
        else:
            stop = end
        start = stop - size
        if start < pos:
            return None
        if isinstance(self.length, _Lengths) and start == pos + self.length.opening(node):
            return start  # where the tag's own layout puts its contents
        return start if text[start:stop] == str(node.contents) else None

    def tag(self, node: Any, pos: int, end: int) -> list[Span]:
        name = str(node.tag).strip().lower()
        if name == "table":
            fast = self.tables.get(pos)
            if fast is not None and fast.end == end:
                self.fast_table(fast)
            else:
                self.table(node, pos, end)
            return []
        if name in _SKIP_TAGS:
            return []
        at = self.contents_at(node, pos, end)
        return self.walk(node.contents, at) if at is not None else []

    def wikilink(self, node: Any, pos: int, end: int) -> list[Span]:
        title = str(node.title)
        low = title.strip().lower()
        if low.startswith(_FILE_NS):
            self.file(node, pos, end)
            return []
        if _SKIP_LINK_RE.match(title) and not low.startswith(":"):
            return []
        if node.text is not None:
            return self.walk(node.text, pos + 2 + len(title) + 1)
        return self.walk(node.title, pos + 2)

    def file(self, node: Any, pos: int, end: int) -> None:
        """``[[File:x.jpg|thumb|alt=…|Caption]]``: the alt text and the caption are captions."""

        self.claimed.append((pos, end))
        if node.text is None:
            return
        base = pos + 2 + self.length(node.title) + 1
        # each segment parsed again alone (a reference's contents blanked: a "|" or bracket
        # in one neither splits the picture's options nor reads on past it)
        caption: tuple[int, str] | None = None
        for off, seg in _split_top(self.parsed[base : end - 2]):
            m = _FILE_ALT_RE.match(seg)
            if m:
                self.add("caption", self.segment(seg[m.end() :], base + off + m.end()))
            elif not _FILE_OPTION_RE.match(seg):
                caption = (off, seg)
        if caption is not None:
            self.add("caption", self.segment(caption[1], base + caption[0]))

    def segment(self, seg: str, at: int) -> list[Span]:
        """Show ``seg``, a picture's alt text or caption at ``at``, as parsed alone; its
        visible spans. One that :meth:`simple` reads, with its quotes paired and nothing a
        line may start with (a list mark, a heading…), is read without the parser."""
        if seg[:1] not in _LINE_START_MARKS and _wikiscan._paired(seg):
            simple = self.simple(at, at + len(seg))
            if simple is not None:
                return simple
        return self.walk(_wikitree.parse(seg), at)

    # -- templates -----------------------------------------------------------------------------
    def params(self, node: Any, pos: int) -> list[tuple[Any, int]]:
        """Each parameter with the offset of its value (parameters that do not line up are dropped)."""
        out = []
        at = pos + 2 + self.length(node.name)
        for p in node.params:
            at += 1
            value_at = at + (self.length(p.name) + 1 if p.showkey else 0)
            if isinstance(self.length, _Lengths):  # laid out by the lengths: lines up
                out.append((p, value_at))
            else:
                value = str(p.value)
                if self.parsed[value_at : value_at + len(value)] == value:
                    out.append((p, value_at))
            at += self.length(p)
        return out

    def template(self, node: Any, pos: int, end: int) -> list[Span]:
        name = _tname(node)
        if name in _RENDERED and self.parsed[pos:end] != self.text[pos:end]:
            node = self.as_written(node, pos, end)  # a reference inside: render what is written
        if name.startswith("infobox"):
            self.infobox(node, pos, end)
            return []
        if name in _CONVERT:
            return self.write(pos, end, _render_convert(node))
        if name in _CIRCA:
            first = _args(node).get("1", "")
            return self.write(pos, end, "c. " + first if first else "c.")
        if name in _DATE_TEMPLATES:
            return self.write(pos, end, _render_date(node) + _death_age(name, node))
        if name in _LIST_TEMPLATES:
            return [
                s
                for p, at in self.params(node, pos)
                if not p.showkey
                for s in self.walk(p.value, at)
            ]
        if name in _NA:
            return self.write(pos, end, "N/A")
        if name.startswith("formatnum:"):
            digits = str(node.name).split(":", 1)[1].strip()
            if _MARKUP_CHARS_RE.search(digits):
                return []  # a number worked out by a template ({{Inflation|…}}): not known
            return self.write(
                pos, end, f"{int(digits):,}" if digits.isdigit() and len(digits) < 16 else digits
            )
        if name in _QUOTES:
            params = self.params(node, pos)
            text = [
                (p, at)
                for p, at in params
                if not p.showkey or str(p.name).strip() in ("text", "quote")
            ]
            if text:
                self.claimed.append((pos, end))
                self.add("quote", self.walk(text[0][0].value, text[0][1]))
            return []
        pick = _PICK.get(name)
        if pick is not None:
            positional = [(p, at) for p, at in self.params(node, pos) if not p.showkey]
            if positional:
                p, at = positional[pick if pick < len(positional) else -1]
                return self.walk(p.value, at)
        return []

    def read_box(self, start: int, at: int, end: int) -> Span | None:
        """Plan an infobox found ahead (``{{`` at ``start``, its parameters from ``at`` to its
        ``}}`` at ``end``) to be read without the parser's tree of the infobox, when each
        parameter is named (or blank) and its value is one :meth:`simple` reads (external
        links and links with a colon included), a bare URL, or one that reads alone as it
        reads in the template (see :func:`_reads_alone`), which is parsed by itself: the
        span of its parameters, to blank for the parser (which then reads a template with
        its name alone), or None."""
        parsed = self.parsed
        cuts = []  # each "|" that starts a parameter (not inside a link or template)
        depth = 0
        for m in _BOX_SPLIT_RE.finditer(parsed, at, end):
            tok = m.group()
            if tok == "|":
                if not depth:
                    cuts.append(m.start())
            elif tok in ("{{", "[["):
                depth += 1
            else:
                depth -= 1
        if depth or parsed[at : cuts[0] if cuts else end].strip():
            return None
        # each parameter's name and value, all checked by their patterns before any is
        # planned (which parses the templates it shows); True: one simple() may read
        values: list[tuple[str, int, int, bool]] = []
        for a, b in itertools.pairwise([*cuts, end]):
            key = _BOX_KEY_RE.match(parsed, a + 1, b)
            if key is None:
                if parsed[a + 1 : b].strip():
                    return None
                values.append(("", a + 1, b, True))  # a blank value without a name: no region
                continue
            name = parsed[a + 1 : key.end() - 1].strip()
            if _BOX_URL_RE.fullmatch(parsed, key.end(), b) or _media_value(parsed, key.end(), b):
                values.append((name, key.end(), key.end(), True))  # nothing shown
            elif _BOX_VALUE_RE.fullmatch(parsed, key.end(), b) and _wikiscan._paired(
                parsed[key.end() : b]
            ):
                values.append((name, key.end(), b, True))
            elif _reads_alone(value := parsed[key.end() : b]):
                if _hidden_value(value):  # shows nothing, as a bare URL
                    values.append((name, key.end(), key.end(), True))
                else:
                    values.append((name, key.end(), b, False))
            else:
                return None
        params: list[tuple[str, int, int, Any]] = []
        for name, a, b, simple in values:
            shown = self.simple_plan(a, b, None) if simple else None
            if shown is None:
                if simple and not _reads_alone(parsed[a:b]):
                    return None
                shown = self.parse_alone(a, b)  # its tree
                if shown is None:
                    return None
            params.append((name, a, b, shown))
        self.boxes[start] = (end + 2, params)
        return at, end

    def fast_box(self, pos: int, end: int) -> bool:
        """Read the infobox at ``pos`` planned by :meth:`read_box`, as :meth:`infobox` reads
        the parser's; whether there was one."""
        box = self.boxes.get(pos)
        if box is None or box[0] != end:
            return False
        self.claimed.append((pos, end))
        for key, a, b, shown in box[1]:
            if isinstance(shown, dict):
                spans = self.show_simple(a, b, shown)
            else:
                spans = self.walk_alone(shown, a)
            self.box_field(key, spans)
        return True

    def as_written(self, node: Any, pos: int, end: int) -> Any:
        """A template parsed again from the text as written (its references not blanked)."""

        nodes = _wikitree.parse(self.text[pos:end]).nodes
        return nodes[0] if len(nodes) == 1 and isinstance(nodes[0], n.Template) else node

    def infobox(self, node: Any, pos: int, end: int) -> None:
        if self.fast_box(pos, end):
            return
        self.claimed.append((pos, end))
        for p, at in self.params(node, pos):
            value = str(p.value)
            shown = [] if _media_value(value, 0, len(value)) else self.walk(p.value, at)
            self.box_field(str(p.name).strip(), shown)

    def box_field(self, key: str, spans: list[Span]) -> None:
        """The regions of an infobox parameter named ``key`` (as written: "AdmittanceDate"
        is two words) whose value shows ``spans``."""
        low = key.lower()
        if low in CAPTION_KEYS:
            self.add("caption", spans)
        elif low in TITLE_KEYS:
            if not self.has_title:
                self.has_title = True
                self.add("title", spans)
        elif low not in INFOBOX_SKIP:
            label = infobox_label(key)
            for item in _items(self.text, spans):
                self.add("infobox_field", item, label)

    # -- tables --------------------------------------------------------------------------------
    def table(self, node: Any, pos: int, end: int) -> None:

        self.claimed.append((pos, end))
        self.regions.append(Region("table", pos, end))
        at = self.contents_at(node, pos, end)
        if at is None:
            return
        rows: list[list[tuple[Any, int, int]]] = [[]]
        for child in node.contents.nodes:
            child_end = at + self.length(child)
            if isinstance(child, n.Tag) and str(child.tag).lower() == "tr":
                rows.append([])
                inner = self.contents_at(child, at, child_end)
                if inner is not None:
                    for cell in child.contents.nodes:
                        cell_end = inner + self.length(cell)
                        rows[-1].append((cell, inner, cell_end))
                        inner = cell_end
            else:
                rows[-1].append((child, at, child_end))
            at = child_end
        headers: list[str] = []
        for row in rows:
            cells = []
            header = True
            for cell, cell_at, cell_end in row:
                tag = str(cell.tag).lower() if isinstance(cell, n.Tag) else ""
                if tag in ("td", "th"):
                    inner = self.contents_at(cell, cell_at, cell_end)
                    cells.append(self.walk(cell.contents, inner) if inner is not None else [])
                    header = header and tag == "th"
                elif tag == "caption":
                    self.add("caption", self.tag(cell, cell_at, cell_end))
                else:
                    self.node(cell, cell_at, cell_end)
            headers = self.row(cells, header, headers)

    def row(self, cells: list[list[Span]], header: bool, headers: list[str]) -> list[str]:
        """Add the regions of a table row whose cells show ``cells`` (``header``: ``!`` cells
        alone); the column headers after it."""
        if not cells:
            return headers
        text, regions = self.text, self.regions
        start = end = -1  # of the row's visible text (a span is never empty)
        for spans in cells:
            if spans:
                if start < 0:
                    start = spans[0][0]
                end = spans[-1][1]
        if start >= 0:  # fields set one by one, as for the cells below
            row = _bare(Region)
            row.kind, row.start, row.end = "table_row", start, end
            row.label, row.section = "header" if header else _words(text, cells[0]), 0
            regions.append(row)
        if header:
            return [_words(text, spans) for spans in cells]
        for c in range(1, len(cells)):
            spans = cells[c]
            if spans:
                # a table has hundreds of cells: fields set one by one cost a third less
                cell = _bare(Region)
                cell.kind, cell.start, cell.end = "table_cell", spans[0][0], spans[-1][1]
                cell.label, cell.section = headers[c] if c < len(headers) else "", 0
                regions.append(cell)
        return headers

    def fast_table(self, table: _wikiscan.Table) -> None:
        """A table read line by line (see :mod:`klint.sources._wikiscan`), as :meth:`table`
        reads the parser's."""
        self.claimed.append((table.start, table.end))
        self.regions.append(Region("table", table.start, table.end))
        parsed, plain, simple, show = self.parsed, self.plain, self.simple, self.show
        headers: list[str] = []
        for items in table.rows:
            cells = []
            header = True
            for item in items:
                a, b = item.start, item.end
                if item.plain:
                    raw = parsed[a:b]  # plain(), written out for the commonest cell
                    spans = show(a, b) if "__" not in raw else plain(raw, a, b)
                elif link := _LINK_CELL_RE.fullmatch(parsed, a, b):
                    spans = show(*link.span(1))  # as simple() shows it, read at once
                else:
                    found = simple(a, b)
                    spans = self.parse_walk(a, b) if found is None else found
                if item.tag:
                    cells.append(spans)
                    header = header and item.tag == "th"
            headers = self.row(cells, header, headers)

    def simple(
        self, start: int, end: int, checked: bool = False, plain: _Plain | None = None
    ) -> list[Span] | None:
        """Show ``parsed[start:end]`` when it holds no markup but plain links (``[[a]]``,
        ``[[a|b]]``, ``[[a|''b'']]``), bold and italic quotes, ``<br>``, blanked references
        and templates with no markup in them (``{{flagicon|ITA}}``, ``{{convert|25|km}}``),
        as the parser's nodes would show; its visible spans. None for anything else.

        The quotes pair up, those in a link's label inside it (the scan ahead saw to it),
        so they are markup, never text; a link whose title has a colon after letters alone
        (a picture, a category, another wiki) is left to the parser, one with a blank or a
        digit before it ("Alien 2: On Earth") is a plain link. A template the reader never
        shows shows nothing; one it shows is parsed alone, which builds the node the parser
        builds for it in the line. ``checked``: a plain line's body read ahead, which holds
        nothing else but external links with a plain label, whose label shows (its pattern
        matched it), or a heading's title; ``plain``: what shows its text (:meth:`plain` if
        None).
        """
        shown = self.simple_plan(start, end, None if checked else _SIMPLE_RE)
        return None if shown is None else self.show_simple(start, end, shown, plain)

    def simple_plan(
        self, start: int, end: int, pattern: re.Pattern[str] | None = _SIMPLE_RE
    ) -> dict[int, Any] | None:
        """What :meth:`simple` shows of ``parsed[start:end]`` (the shown templates by
        offset: the name of one read as text, else its node), or None if it cannot
        (``pattern``: what it must match, None if it is known to)."""
        parsed = self.parsed
        if pattern is not None and not pattern.fullmatch(parsed, start, end):
            return None
        shown: dict[int, Any] = {}  # offset -> the node of a template the reader shows
        if parsed.find("&", start, end) >= 0 and not all(
            _entity(m.group()) for m in _ENTITY_RE.finditer(parsed, start, end)
        ):
            return None  # "&" and what follows are text: left to the parser
        if parsed.find("{", start, end) >= 0:
            for m in _FLAT_NAME_RE.finditer(parsed, start, end):
                if not _hidden_template(m.group(1)):
                    close = parsed.index("}}", m.start()) + 2
                    name = " ".join(m.group(1).replace("_", " ").split()).lower()
                    if name in _TEXT_SHOWN and not _NOT_TEXT_RE.search(parsed, m.end(), close):
                        shown[m.start()] = name  # each parameter a text node: read as such
                        continue
                    node = _flat_template(parsed, m.start(), close)
                    if node is None:
                        return None
                    shown[m.start()] = node
        return shown

    def show_simple(
        self, start: int, end: int, shown: dict[int, Any], plain: _Plain | None = None
    ) -> list[Span]:
        """Show ``parsed[start:end]`` as planned by :meth:`simple_plan` (its text by
        ``plain``, :meth:`plain` if None); its visible spans."""
        parsed = self.parsed
        plain = plain or self.plain
        out: list[Span] = []
        pos = start
        for m in _SIMPLE_MARKUP_RE.finditer(parsed, start, end):
            at, stop = m.span()
            if at > pos:
                out += plain(parsed[pos:at], pos, at)  # a text node
            pos = stop
            group = m.lastindex  # 1 or 2: a link, its title or label; 3: an external link's label
            if group is not None:
                label, close = m.start(group), stop - (1 if group == 3 else 2)
                if group == 2 and parsed.find("''", label, close) >= 0:
                    out += self.styled(label, close, plain)
                else:
                    out += plain(parsed[label:close], label, close)
            elif parsed[at] == "&":
                out += self.write(at, stop, _entity(m.group()))
            elif at in shown:
                node = shown[at]
                if isinstance(node, str):
                    out += self.text_template(node, at, stop)
                else:
                    out += self.template(node, at, stop)
            # else quotes, <br> or a template never shown: nothing to show
        if end > pos:
            out += plain(parsed[pos:end], pos, end)
        return out

    def styled(self, start: int, end: int, plain: _Plain) -> list[Span]:
        """Show a link's label ``parsed[start:end]`` whose bold and italic quotes pair up in
        it (the scan ahead saw to it): the text between them (by ``plain``), as the nodes
        of their styles show; its visible spans."""
        parsed = self.parsed
        out: list[Span] = []
        pos = start
        for m in _QUOTE_RUN_RE.finditer(parsed, start, end):
            if m.start() > pos:
                out += plain(parsed[pos : m.start()], pos, m.start())
            pos = m.end()
        return out + plain(parsed[pos:end], pos, end) if end > pos else out

    def text_template(self, name: str, start: int, end: int) -> list[Span]:
        """Show the flat template ``parsed[start:end]`` named ``name`` (one of
        ``_TEXT_SHOWN``) whose parameters hold no entity and no colon, so that each is a
        text node, as :meth:`template` shows the parser's node; its visible spans."""
        if name in _NA:
            return self.write(start, end, "N/A")
        parsed = self.parsed
        positional: list[Span] = []  # the parameters with no "=": values without keys
        at = parsed.find("|", start, end)
        while at >= 0:
            stop = parsed.find("|", at + 1, end)
            stop = end - 2 if stop < 0 else stop
            if parsed.find("=", at + 1, stop) < 0:
                positional.append((at + 1, stop))
            at = parsed.find("|", stop, end) if stop < end - 2 else -1
        if name in _LIST_TEMPLATES:
            return [s for a, b in positional for s in self.plain(parsed[a:b], a, b)]
        if not positional:
            return []
        pick = _PICK[name]
        a, b = positional[pick if pick < len(positional) else -1]
        return self.plain(parsed[a:b], a, b)

    def parse_walk(self, start: int, end: int, line: bool = False) -> list[Span]:
        """Parse ``parsed[start:end]`` and show it; its visible spans.

        The character before is parsed with it (see :meth:`parse_alone`); ``line``:
        ``start`` starts a line (a line read ahead), read as the start of one.
        """
        code: Any = (
            _wikitree.parse(self.parsed[start:end]) if line else self.parse_alone(start, end)
        )
        if code is None:
            return []  # never: the character before a cell is plain text
        return self.walk_alone(code, start)

    def parse_alone(self, start: int, end: int) -> Any | None:
        """``parsed[start:end]`` parsed with the character before it (then dropped), so
        that its first character is read where it stands, not at the start of a line;
        None if the one before does not read as text there (it starts a heading)."""
        code = _wikitree.parse(self.parsed[start - 1 : end])
        first = code.nodes[0] if code.nodes else None
        if not isinstance(first, n.Text) or not first.value:
            return None
        first.value = first.value[1:]
        return code

    def walk_alone(self, code: Any, start: int) -> list[Span]:
        """Show the tree of ``parsed`` from ``start`` parsed alone; its visible spans."""
        lines, self.lines = self.lines, []  # the text parsed here is no line read ahead
        try:
            return self.walk(code, start)
        finally:
            self.lines = lines

    # -- paragraphs ----------------------------------------------------------------------------
    def paragraphs(self, view: str) -> None:
        """Lines outside headings, tables, infoboxes and pictures, split at blank lines.

        Only the lines with something unclaimed on them are visited: a line between two of
        them parts their paragraphs."""
        text = self.text
        free_view = _unclaimed(view, self.claimed)
        search, find, rfind = _NOT_BLANK_RE.search, text.find, text.rfind
        cr, size = "\r" in text, len(text)
        block: Span | None = None
        pos = 0
        for start, stop in _unclaimed_spans(self.claimed, size):
            # each line with a character that is no blank in this span: its first such
            # character, then the line's start and end
            while (m := search(text, pos if pos > start else start, stop)) is not None:
                at = m.start()
                a = rfind("\n", 0, at)
                if cr and (r := rfind("\r", 0, at)) > a:
                    a = r
                a += 1
                b = find("\n", at)
                if cr:
                    r = find("\r", at)
                    b = r if 0 <= r and (b < 0 or r < b) else b
                b = size if b < 0 else b
                is_list = _LIST_LINE_RE.match(text, a) is not None
                if block and (is_list or text[block[1] : a] not in _LINE_ENDINGS):
                    self._paragraph(free_view, *block, "paragraph")
                    block = None
                if is_list:
                    self._paragraph(free_view, a, b, "list_item")
                else:
                    block = (block[0], b) if block else (a, b)
                pos = b
        if block:
            self._paragraph(free_view, *block, "paragraph")

    def _paragraph(self, free_view: str, a: int, b: int, kind: RegionKind) -> None:
        span = tight(free_view, a, b)
        if span:
            self.regions.append(Region(kind, span[0], span[1]))


def _words(text: str, spans: list[Span]) -> str:
    """The words of ``text`` in ``spans``, one space between each two."""
    if len(spans) == 1:
        return " ".join(text[spans[0][0] : spans[0][1]].split())
    return " ".join(" ".join([text[a:b] for a, b in spans]).split())


def _entity(entity: str) -> str:
    """The character of an entity as the parser reads one (``&mdash;``, ``&#91;``,
    ``&#x5B;``), or "" when it reads the text as no entity."""
    body = entity[1:-1]
    if body[0] != "#":
        code = html.entities.name2codepoint.get(body)
        return "" if code is None else chr(code)
    code = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
    return chr(code) if 1 <= code <= 0x10FFFF else ""


def _flat_template(parsed: str, at: int, end: int) -> Any:
    """The node of the flat template ``parsed[at:end]`` (see ``_wikiscan.FLAT_TEMPLATE``),
    parsed alone; None if the parser would not read it as one template."""
    nodes = _wikitree.parse(parsed[at:end]).nodes
    return nodes[0] if len(nodes) == 1 and isinstance(nodes[0], n.Template) else None


def _unclaimed_spans(claimed: list[Span], size: int) -> list[Span]:
    """The spans of a text of ``size`` characters outside the claimed ones, in order."""
    out: list[Span] = []
    pos = 0
    for a, b in sorted(claimed):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if size > pos:
        out.append((pos, size))
    return out


def _unclaimed(s: str, claimed: list[Span]) -> str:
    """``s`` with the claimed spans blanked."""
    parts: list[str] = []
    pos = 0
    for a, b in sorted(claimed):
        a = max(a, pos)
        if b > a:
            parts += [s[pos:a], blank(s[a:b])]
            pos = b
    parts.append(s[pos:])
    return "".join(parts)


def _split_top(s: str) -> list[tuple[int, str]]:
    """Split at ``|`` outside nested ``[[…]]`` and ``{{…}}``: (offset, segment) pairs (a
    closing pair closes whichever is open; one with none open is text)."""
    out = []
    depth = 0
    start = 0
    for m in _BOX_SPLIT_RE.finditer(s):
        tok = m.group()
        if tok == "|":
            if not depth:
                out.append((start, s[start : m.start()]))
                start = m.end()
        elif tok in ("[[", "{{"):
            depth += 1
        elif depth:
            depth -= 1
    out.append((start, s[start:]))
    return out


def _items(text: str, spans: list[Span]) -> list[list[Span]]:
    """Group an infobox value's visible spans into items split at new lines, ``<br>`` and ``|``."""
    items: list[list[Span]] = []
    for span in spans:
        if items:
            gap = text[items[-1][-1][1] : span[0]]
            if (
                "\n" not in gap
                and "\r" not in gap
                and "<br" not in gap.lower()
                and _BRACKETS_RE.sub("", gap) != "|"
            ):
                items[-1].append(span)
                continue
        items.append([span])
    return items


def _args(node: Any) -> dict[str, str]:
    """A template's parameters by name (a positional one's is its number), each value
    stripped; of a name given twice the last, as ``Template.get`` finds it."""
    return {str(p.name).strip(): str(p.value).strip() for p in node.params}


def _render_convert(node: Any) -> str:
    """``{{convert|25|km|mi}}`` → ``25 kilometres``; ``{{convert|2|to|5|km}}`` → ``2 to 5 kilometres``."""
    args = _args(node)
    value, unit = args.get("1", ""), args.get("2", "")
    if unit.lower() in _RANGE_WORDS:
        value = f"{value} {_RANGE_WORDS[unit.lower()]} {args.get('3', '')}".replace(" – ", "–")
        unit = args.get("4", "")
    if not value:
        return ""
    names = _UNITS.get(unit)
    if names is None or args.get("abbr", "").lower() in ("on", "in", "values"):
        return f"{value} {unit}".strip()
    name = names[0] if value == "1" else names[1]
    if args.get("sp", "").lower() == "us":
        name = name.replace("metre", "meter").replace("litre", "liter")
    return f"{value} {name}"


#: a date written out as a date template's first parameter: "December 21, 1968", "21 December 1968"
_WRITTEN_DATE_RE = re.compile(
    r"(?:\d{1,2}\s+)?(?:" + "|".join(MONTH_NAMES) + r")(?:\s+\d{1,2},)?\s+\d{4}\b"
)


def _render_date(node: Any) -> str:
    """``{{start date|1988|2|20}}`` → ``February 20, 1988`` (``df=y``: ``20 February 1988``);
    ``{{start-date|December 21, 1968, 12:51:00}}``, a date written out, → ``December 21,
    1968`` (its time left out)."""
    args = _args(node)
    year, month, day = (args.get(k, "") for k in "123")
    if not year.isdigit():
        written = _WRITTEN_DATE_RE.match(year)
        return written.group() if written else ""
    if not (month.isdigit() and 1 <= int(month) <= 12):
        return year
    name = MONTH_NAMES[int(month) - 1]
    if not (day.isdigit() and 1 <= int(day) <= 31):
        return f"{name} {year}"
    if args.get("df", "").lower() in ("y", "yes"):
        return f"{int(day)} {name} {year}"
    return f"{name} {int(day)}, {year}"


def _death_age(name: str, node: Any) -> str:
    """``(aged 80)`` after ``{{death date and age|2001|9|25|1920|12|2}}``, as it renders."""
    if name != "death date and age":
        return ""
    args = _args(node)
    parts = [args.get(str(k), "") for k in range(1, 7)]
    if not all(p.isdigit() for p in parts):
        return ""
    dy, dm, dd, by, bm, bd = map(int, parts)
    age = dy - by - ((dm, dd) < (bm, bd))
    return f" (aged {age})" if 0 <= age < 130 else ""


#: what the preprocessor takes whole, left to right: a comment (to its end, or the text's);
#: a reference and its contents (group 1), comments and tags in them but no other reference
#: and no tag whose contents are text (a "</ref>" in one is no reference's end); a formula and
#: its contents (group 2), no reference's tag and no other formula's in them
_TAKEN_WHOLE_RE = re.compile(
    r"<(?:!--(?:[^-]++|-(?!->))*+(?:-->|\Z)"
    r"|ref(?:\s[^<>]*?)?(?<!/)>"
    r"((?:[^<]++|<!--(?:[^-]++|-(?!->))*+-->|<(?!/?(?:ref|nowiki|pre|math)\b|!--)[^<>]*+>)*+)"
    r"</ref\s*>"
    r"|math(?:\s[^<>]*)?(?<!/)>((?:[^<]++|<(?!/?(?:math|ref)\b))*+)</math\s*>)",
    re.IGNORECASE,
)


_QUOTE_RUN_RE = re.compile(r"''+")


def _reads_alone(value: str) -> bool:
    """Whether an infobox parameter's value (between the "|" that the split of
    :meth:`_Reader.read_box` cuts at) reads alone as the parser reads it in the template,
    so that it may be parsed by itself: the parser ends it at the same "|" (every comment,
    tag, link, bracket and bold or italic run it opens closes inside it, its links and
    templates have names the parser reads as such, and it holds no table, template argument
    or tag whose contents are text), and no line of it after the first reads otherwise
    outside a template (a heading; :meth:`_Reader.parse_alone` sees to the first)."""
    if _ALONE_UNSURE_RE.search(value) or not _wikiscan._paired(value):
        return False
    open_: list[str] = []  # open tags by name, "[[" and "["
    for m in _ALONE_NESTING_RE.finditer(value):
        tok = m.group()
        if tok[0] == "<":
            if tok == "<!--":
                return False  # a comment left open
            name = m.group(2)
            if name is None:
                continue  # a comment
            name = name.lower()
            if name in _wikiscan._UNPARSED:
                return False
            if m.group(1):
                if open_ and open_[-1] == name:
                    open_.pop()
                elif not is_single(name):
                    return False
            elif not (m.group(3).endswith("/") or is_single(name)):
                open_.append(name)
        elif tok == "{{":
            if not _wikiscan._TEMPLATE_NAME_RE.match(value, m.end()):
                return False
        elif tok[0] == "[":
            if tok == "[[" and not _wikiscan._LINK_TITLE_RE.match(value, m.end()):
                return False
            open_.append(tok)
        elif not open_ or open_.pop() != "[" * len(tok):
            return False
    return not open_


#: the characters after a media file name's dot: its extension and the blanks after it
_MEDIA_TAIL = 12


def _media_value(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, an infobox parameter's value, is one media file's name
    (see ``_MEDIA_VALUE_RE``), tried only where a dot stands near its end (most values have
    none)."""
    dot = text.rfind(".", start, end)
    return (
        end - dot <= _MEDIA_TAIL
        and dot > start
        and bool(_MEDIA_VALUE_RE.fullmatch(text, start, end))
    )


def _hidden_value(value: str) -> bool:
    """Whether an infobox parameter's value that reads alone (see :func:`_reads_alone`) is one
    template the reader never shows, between spaces and line endings, whose parameters hold
    nothing the parser may read on past them (as a hidden template's at the top level, see
    ``_wikiscan``): it shows nothing, so it is not parsed."""
    m = _HIDDEN_VALUE_RE.match(value)
    if m is None or not _hidden_template(m.group(1)):
        return False
    end = len(value.rstrip(" \n"))
    depth = 0
    for t in _BRACES_RE.finditer(value, m.start(1) - 2, end):
        depth += 1 if t.group() == "{{" else -1
        if not depth and t.end() < end:
            return False  # text or another template after it
    return not depth and not _wikiscan._UNSURE_PARAMETERS_RE.search(value, m.end(1), end - 2)


def _quiet_tags(text: str) -> str:
    """``text`` with the contents of each ``<ref>…</ref>`` and ``<math>…</math>`` blanked, for
    the parser.

    References are never content (``ref`` is a skipped tag) and hold a third of an
    article's bytes, mostly citation templates that the parser would build node by node.
    A reference's contents are read apart from the text around it, as MediaWiki reads them
    (its preprocessor takes each ``<ref>…</ref>`` whole before any other markup): a bold or
    italic run left open in a citation, or a bracket that does not close there, ends with
    it. The parser would read such a run on past ``</ref>`` to the next quotes in the
    article, showing the citation and the reference's tags as text. Its line endings are
    blanked too: a citation written over several lines leaves its sentence on one line,
    which the scan ahead of the parser reads whole. A reference that holds another, a tag
    whose contents are text (``nowiki``, ``pre``, ``math``: a ``</ref>`` in one ends
    nothing) or a "<" that opens no tag is left to the parser.

    A formula's contents are text to MediaWiki and to the parser (``math`` is a skipped tag,
    its TeX never content), taken whole before any line is read: blanked, line endings too,
    its line reads as a line with nothing there. One that holds a reference's tag or another
    formula's is left as it is. Comments are taken in the same pass, as the preprocessor
    takes them: a reference or formula opened in a comment is none.
    """
    return _TAKEN_WHOLE_RE.sub(_quiet, text)


def _quiet(m: re.Match[str]) -> str:
    """A reference or formula with its contents blanked; a comment as it is."""
    body = 1 if m.start(1) >= 0 else 2
    start, end = m.span(body)
    if start < 0:
        return m.group()
    text = m.string
    return text[m.start() : start] + " " * (end - start) + text[end : m.end()]


def read(text: str, path: str = "<text>") -> Document:
    """Parse wikitext into a Document (never raises on malformed input)."""

    parsed = _quiet_tags(text)
    ahead = _wikiscan.read_ahead(parsed, _hidden_template)
    reader = _Reader(text, parsed, ahead)
    boxes = [span for box in ahead.boxes if (span := reader.read_box(*box)) is not None]
    if boxes:
        ahead = _wikiscan.Layout(ahead.tables, ahead.lines, ahead.templates + boxes)
    try:
        code = _wikitree.parse(_wikiscan.stub(parsed, ahead))
        lengths = _Lengths()
        if lengths(code) == len(parsed):  # else a parser whose layout differs: measure by str()
            reader.length = lengths
        reader.walk_document(code)
    except (RecursionError, ValueError, TypeError, AttributeError, IndexError):
        reader = _Reader(text)  # the parser gave up: read the file as plain lines
        reader.view.show(0, len(text))
    view = reader.view.build()
    reader.paragraphs(view)
    return Document(
        text=text, path=path, format="wikitext", regions=with_sections(reader.regions), masked=view
    )
