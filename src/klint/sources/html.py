"""HTML reader (the standard library's ``html.parser``), for article pages saved from a site.

Offsets: ``html.parser`` reports the line and column of every event; they are
turned into offsets of the file, so ``Document.text`` is the page unchanged and
the visible text goes into ``Document.masked`` (see ``_markup.View``): tags
become spaces, ``&ndash;`` is written as ``–``.

Only the main content is read: the page title (``#firstHeading``) and the
element with id ``mw-content-text``, else ``<main>`` or ``<article>``, else ``<body>``; ``<nav>``, ``<script>``,
``<style>``, edit links, reference markers, reference lists, navigation boxes
and the table of contents are skipped. Regions: the first ``<h1>`` is the
title, ``<h2>``–``<h6>`` are headings (label = level); ``<p>`` paragraphs
(``list_item`` inside ``<li>``, ``quote`` inside ``<blockquote>``); text
directly in a ``<div>`` is a paragraph too; a table whose class contains
``infobox`` gives ``infobox_field`` regions labelled like the plain-text reader
("Date", and for two-column rows under a "Commanders and leaders" header,
"Commanders 1"/"Commanders 2"), one per item when ``<br>`` or ``<li>``
separate several; other tables give ``table``/``table_row``/``table_cell``
regions; ``<figcaption>``, ``.thumbcaption`` and an image's ``alt`` inside a
figure are captions. Malformed HTML (unclosed or stray tags) never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from klint.document import CONTENT_KINDS, Document, Region, RegionKind, with_sections
from klint.sources._markup import View, tight

Span = tuple[int, int]
_BREAK: Span = (-1, -1)  # an item separator inside a cell (<br>, <li>)

_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "nav",
        "noscript",
        "template",
        "head",
        "form",
        "button",
        "svg",
        "math",
        "select",
        "textarea",
        "iframe",
        "object",
        "footer",
    }
)
_SKIP_CLASSES = frozenset(
    {
        "navbox",
        "vertical-navbox",
        "mw-editsection",
        "reference",
        "reflist",
        "references",
        "toc",
        "mw-jump-link",
        "noprint",
        "metadata",
        "catlinks",
        "printfooter",
        "mw-cite-backlink",
        "sistersitebox",
        "hatnote",
        "navigation-not-searchable",
        "mw-empty-elt",
        "sr-only",
        "visually-hidden",
        "portal",
        "ambox",
        "sortkey",  # a sortable table's hidden sort key: "<span class=sortkey>00380</span>380"
    }
)
_NOTE_MARK = re.compile(r"\s*\[?[a-z]\]?\s*")  # a superscript note letter: "b", "[a]"
_SKIP_IDS = frozenset(
    {
        "toc",
        "catlinks",
        "sitesub",
        "jump-to-nav",
        "mw-navigation",
        "footer",
        "contentsub",
        "siteSub",
        "mw-head",
        "mw-panel",
    }
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "body",
        "blockquote",
        "li",
        "ul",
        "ol",
        "dl",
        "dd",
        "dt",
        "td",
        "th",
        "tr",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "figure",
        "figcaption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "center",
        "pre",
        "html",
    }
)
_CLOSES_P = _BLOCKS - {
    "li",
    "td",
    "th",
    "tr",
    "dd",
    "dt",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "body",
    "html",
}
#: infobox group headers -> the label base the plain-text reader uses (", 1" / ", 2" for the sides)
_CHARREF_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MAIN_RE = re.compile(r"""<(?:main|article)\b|\bid\s*=\s*["']?mw-content-text\b""", re.IGNORECASE)
_GROUPS = {
    "commanders and leaders": "Commanders",
    "belligerents": "Belligerents",
    "strength": "Strength",
    "casualties and losses": "Casualties",
    "units involved": "Units",
    "commanders": "Commanders",
}


@dataclass
class _El:
    tag: str
    start: int
    classes: frozenset[str]
    skip: bool
    main: bool = False  # opens the main content (``id="mw-content-text"``, ``<main>``, ...)
    spans: list[Span] = field(
        default_factory=list
    )  # visible spans directly in this block (not in child blocks)
    blocks: int = 0  # child blocks seen
    cells: list[tuple[str, list[Span]]] = field(default_factory=list)  # a table row's cells
    rows: list[list[tuple[str, list[Span]]]] = field(default_factory=list)  # a table's rows


def _line_offsets(text: str) -> list[int]:
    starts = [0]
    find = text.find
    k = find("\n")
    while k >= 0:
        starts.append(k + 1)
        k = find("\n", k + 1)
    return starts


class _Reader(HTMLParser):
    def __init__(self, text: str, main_mode: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.starts = _line_offsets(text)
        self.view = View(text)
        self.regions: list[Region] = []
        self.stack: list[_El] = []
        self.has_title = False
        self.main_mode = main_mode
        self.main_depth = 0
        self.skip_depth = 0

    # -- positions and state ---------------------------------------------------------------------
    def here(self) -> int:
        line, col = self.getpos()
        return self.starts[min(line, len(self.starts)) - 1] + col

    @property
    def active(self) -> bool:
        return self.skip_depth == 0 and (self.main_depth > 0 if self.main_mode else True)

    def block(self) -> _El | None:
        for el in reversed(self.stack):
            if el.tag in _BLOCKS:
                return el
        return None

    def inside(self, *tags: str, cls: str | None = None) -> _El | None:
        for el in reversed(self.stack):
            if el.tag in tags or (cls is not None and cls in el.classes):
                return el
        return None

    def emit(self, start: int, end: int, rendering: str | None = None) -> None:
        if not self.active or end <= start:
            return
        if rendering is None:
            self.view.show(start, end)
        else:
            self.view.write(start, end, rendering)
            end = start + len(rendering)
        el = self.block()
        if el is not None:
            el.spans.append((start, end))

    def add(self, kind: RegionKind, spans: list[Span], label: str | None = None) -> None:
        spans = [
            s for s in spans if s != _BREAK and s[1] > s[0] and not self.text[s[0] : s[1]].isspace()
        ]
        if not spans:
            return
        span = tight(self.text, spans[0][0], spans[-1][1])
        if span:
            self.regions.append(Region(kind, span[0], span[1], label))

    def text_of(self, spans: list[Span]) -> str:
        return " ".join(
            "".join(self.text[a:b] if (a, b) != _BREAK else " " for a, b in spans).split()
        )

    # -- events ----------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pos = self.here()
        raw = self.get_starttag_text() or ""
        a = {k.lower(): (v or "") for k, v in attrs}
        classes = frozenset(a.get("class", "").split())
        if tag in _CLOSES_P and self.stack and self.stack[-1].tag == "p":
            self.close_at(len(self.stack) - 1, pos)
        elif tag == "li":
            self.close_implied(("li",), ("ul", "ol"), pos)
        elif tag in ("td", "th"):
            self.close_implied(("td", "th"), ("tr", "table"), pos)
        elif tag == "tr":
            self.close_implied(("td", "th", "tr"), ("table", "thead", "tbody", "tfoot"), pos)
        if tag in ("br", "li", "p") and self.stack:
            cell = self.inside("td", "th")
            if cell is not None and cell.spans and cell.spans[-1] != _BREAK:
                cell.spans.append(_BREAK)
        if (
            tag == "img"
            and self.active
            and a.get("alt", "").strip()
            and (self.inside("figure", cls="thumb") or self.inside("figure", cls="thumbinner"))
        ):
            self.alt_caption(pos, raw)
        if tag in _VOID:
            return
        skip = (
            tag in _SKIP_TAGS
            or bool(classes & _SKIP_CLASSES)
            or a.get("id", "") in _SKIP_IDS
            or a.get("role", "") == "navigation"
            or "display:none" in a.get("style", "").replace(" ", "")
        )
        is_main = self.main_mode and (
            a.get("id") in ("mw-content-text", "firstHeading") or tag in ("main", "article")
        )
        el = _El(tag, pos + len(raw), classes, skip)
        el.main = is_main
        if tag in _BLOCKS and self.active:
            parent = self.block()
            if parent is not None:
                parent.blocks += 1
        self.stack.append(el)
        self.skip_depth += skip
        self.main_depth += is_main

    def close_implied(self, tags: tuple[str, ...], until: tuple[str, ...], pos: int) -> None:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].tag in until:
                return
            if self.stack[k].tag in tags:
                self.close_at(k, pos)
                return

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1].tag == tag:
            self.close_at(len(self.stack) - 1, self.here())

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].tag == tag:
                self.close_at(k, self.here())
                return
        # a stray end tag: ignore it

    def handle_data(self, data: str) -> None:
        pos = self.here()
        if _NOTE_MARK.fullmatch(data) and self.stack and self.stack[-1].tag == "sup":
            return  # "4<sup>b</sup>": a note's letter, not part of the figure
        self.emit(pos, pos + len(data))

    def handle_entityref(self, name: str) -> None:
        pos = self.here()
        raw = "&" + name + (";" if self.text.startswith(";", pos + 1 + len(name)) else "")
        self.emit(pos, pos + len(raw), unescape(raw))

    def handle_charref(self, name: str) -> None:
        pos = self.here()
        raw = "&#" + name + (";" if self.text.startswith(";", pos + 2 + len(name)) else "")
        self.emit(pos, pos + len(raw), unescape(raw))

    def alt_caption(self, pos: int, raw: str) -> None:
        m = re.search(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", raw, re.IGNORECASE)
        if m:
            g = 1 if m.group(1) is not None else 2
            start, end = pos + m.start(g), pos + m.end(g)
            at = start
            for ref in _CHARREF_RE.finditer(
                self.text, start, end
            ):  # &quot; in an attribute reads "
                self.view.show(at, ref.start())
                self.view.write(ref.start(), ref.end(), unescape(ref.group()))
                at = ref.end()
            self.view.show(at, end)
            self.add("caption", [(start, end)])

    # -- closing elements ------------------------------------------------------------------------
    def close_at(self, k: int, pos: int) -> None:
        """Close ``stack[k]`` and everything opened inside it."""
        while len(self.stack) > k:
            el = self.stack.pop()
            self.finish(el)
            self.skip_depth -= el.skip
            self.main_depth -= el.main

    def finish(self, el: _El) -> None:
        tag = el.tag
        if el.skip or not (self.active or el.main):
            return
        if tag in ("td", "th"):
            row = self.inside("tr") or self.inside("table")
            if row is not None:
                row.cells.append((tag, el.spans))
            return
        if tag == "tr":
            table = self.inside("table")
            if table is not None and el.cells:
                table.rows.append(el.cells)
            return
        if tag == "table":
            self.table(el)
            return
        if not el.spans:
            return
        cell = self.inside("td", "th")
        if (
            cell is not None and tag in _BLOCKS
        ):  # a list or paragraph inside a table cell: items of the cell
            cell.spans.extend([_BREAK, *el.spans, _BREAK] if cell.spans else [*el.spans, _BREAK])
            return
        if tag == "h1" and not self.has_title:
            self.has_title = True
            self.add("title", el.spans)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.add("heading", el.spans, tag[1])
        elif tag in ("figcaption", "caption") or el.classes & {"thumbcaption", "gallerytext"}:
            self.add("caption", el.spans)
        elif tag in _BLOCKS and tag not in ("ul", "ol", "dl", "thead", "tbody", "tfoot", "html"):
            kind: RegionKind
            if self.inside("figure", cls="thumb"):
                kind = "caption"
            elif tag == "li" or self.inside("li"):
                kind = "list_item"
            elif tag == "blockquote" or self.inside("blockquote"):
                kind = "quote"
            else:
                kind = "paragraph"
            self.add(kind, el.spans)

    def table(self, el: _El) -> None:
        if el.cells:  # cells outside any <tr>
            el.rows.insert(0, el.cells)
        if any("infobox" in c for c in el.classes):
            self.infobox(el)
            return
        self.regions.append(Region("table", el.start, self.here()))
        headers: list[str] = []
        for cells in el.rows:
            spans = [s for _, cs in cells for s in cs]
            texts = [self.text_of(cs) for _, cs in cells]
            if all(tag == "th" for tag, _ in cells):
                headers = texts
                self.add("table_row", spans, "header")
                continue
            self.add("table_row", spans, texts[0] if texts else "")
            for c, (_, cs) in enumerate(cells[1:], start=1):
                self.add("table_cell", cs, headers[c] if c < len(headers) else "")

    def infobox(self, el: _El) -> None:
        self.regions.append(Region("infobox", el.start, self.here()))
        group: str | None = None
        for r, cells in enumerate(el.rows):
            tags = [tag for tag, _ in cells]
            if tags == ["th"]:
                name = self.text_of(cells[0][1])
                group = _GROUPS.get(name.lower(), name) if r else None
                continue
            if len(cells) == 2 and tags[0] == "th":
                label = self.text_of(cells[0][1])
                for item in _items(cells[1][1]):
                    self.add("infobox_field", item, label)
            elif group and all(tag == "td" for tag in tags) and len(cells) >= 2:
                for side, (_, spans) in enumerate(cells, start=1):
                    for item in _items(spans):
                        self.add("infobox_field", item, f"{group} {side}")
            elif tags == ["td"]:
                if group:
                    for item in _items(cells[0][1]):
                        self.add("infobox_field", item, group)
                else:
                    self.add("caption", cells[0][1])


def _items(spans: list[Span]) -> list[list[Span]]:
    out: list[list[Span]] = [[]]
    for s in spans:
        if s == _BREAK:
            out.append([])
        else:
            out[-1].append(s)
    return [item for item in out if item]


def _parse(text: str, main_mode: bool) -> _Reader:
    reader = _Reader(text, main_mode)
    try:
        reader.feed(text)
        reader.close()
    except (AssertionError, ValueError, IndexError):  # html.parser gives up on some broken markup
        pass
    if reader.stack:
        reader.close_at(0, len(text))
    return reader


def read(text: str, path: str = "<text>") -> Document:
    """Parse an HTML page into a Document (never raises on malformed input)."""
    main_mode = bool(_MAIN_RE.search(text))
    reader = _parse(text, main_mode)
    if main_mode and not any(r.kind in CONTENT_KINDS for r in reader.regions):
        reader = _parse(text, False)  # the main-content marker was not an element after all
    return Document(
        text=text,
        path=path,
        format="html",
        regions=with_sections(reader.regions),
        masked=reader.view.build(),
    )
