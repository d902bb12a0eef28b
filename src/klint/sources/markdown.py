"""Markdown reader: CommonMark plus GFM tables and strikethrough (markdown-it-py), YAML front matter.

Offsets: ``Document.text`` is the file unchanged. markdown-it gives block
tokens line ranges but no inline offsets, so each inline token is aligned with
the source by a cursor (text is searched for, delimiters skipped). The reader
records the visible runs in ``Document.masked`` (see ``_markup.View``):
emphasis markers, link brackets and destinations, URLs, inline code, code
blocks, HTML and comments, table pipes and list/quote markers become spaces;
``&amp;`` and ``\\*`` are written as ``&`` and ``*``. Regions span the visible
part of each block, so a finding inside ``**20,000** troops`` points at ``2``.

Blocks: the first ``#`` heading is the title, other headings are ``heading``
regions (label = level); paragraphs; list items; block quotes (``quote``);
tables, GFM pipe tables and Pandoc grid tables alike (``table``; ``table_row`` labelled
by its first cell, ``header`` for the head row; ``table_cell`` labelled by its column
header, first column excepted; a grid cell written over several lines is no cell region);
a paragraph that starts with an image is a caption (the alt text, and any text
after the image, each a ``caption``). Front matter (``---`` … ``---`` YAML, or
``+++`` … ``+++`` TOML as Hugo and Zola write it) is read into ``front_matter``;
its ``infobox:`` mapping (TOML: ``[infobox]`` table) gives
``infobox_field`` regions labelled like the plain-text reader ("Date",
"Commanders 1", …) over the values inside the front matter; so does each top-level
key whose value holds a digit (``born: 2 May 1790``, ``members: 8,000 (1950)``),
other than the site generator's own keys (``date``, ``weight``, ``tags`` …). A front matter that
does not parse leaves ``front_matter`` None and says why in
``front_matter_error``; nothing here raises on malformed input.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from klint.document import Document, Region, RegionKind, with_sections
from klint.sources._markup import CAPTION_KEYS, INFOBOX_SKIP, View, blank, infobox_label, tight

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
_FENCE_RE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_TOML_FENCE_RE = re.compile(r"\+\+\+[ \t]*")
#: one TOML line ``key = value`` (a bare or quoted key; the value up to a comment), or a
#: ``[table]`` header
_TOML_LINE_RE = re.compile(
    r"""^[ \t]*(?:\[([^\]\n]*)\]|([A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')[ \t]*=[ \t]*"""
    r"""("[^"\n]*"|'[^'\n]*'|[^#\s"'\[{][^#\n]*))""",
    re.MULTILINE,
)
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
#: a grid table's rule line: ``+----+----+``, ``+====+====+`` under its head row
_GRID_RULE_RE = re.compile(r"\+(?:[-=:]+\+)+[ \t]*(?:\r\n|\r|\n)?")
_OPEN_MARKUP = {"strong_open", "strong_close", "em_open", "em_close", "s_open", "s_close"}


def _line_starts(text: str) -> list[int]:
    """Where each line starts, and the text's length last (its end)."""
    if "\r" in text:
        starts = [m.start() for m in _LINE_RE.finditer(text)]
    else:  # each line is its length and a newline past the one before
        starts = list(
            itertools.accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0)
        )
    if not starts or starts[-1] != len(text):
        starts.append(len(text))
    return starts


def _split_front_matter(text: str, starts: list[int]) -> tuple[int, int, int, bool] | None:
    """(body start, body end, end of closing fence line, whether TOML) of a leading
    ``---`` (YAML) or ``+++`` (TOML) block."""
    m = re.match(r"(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)", text)
    if m is None:
        return None
    toml = m.group(1) == "+++"
    for k in range(1, len(starts) - 1):
        line = text[starts[k] : starts[k + 1]].rstrip("\r\n")
        if (_TOML_FENCE_RE if toml else _FENCE_RE).fullmatch(line):
            return starts[1], starts[k], starts[k + 1], toml
    return None


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.view = View(text)
        self.regions: list[Region] = []
        self.starts = _line_starts(text)
        self.has_title = False

    # -- helpers -------------------------------------------------------------------------------
    def span_of_lines(self, line_map: list[int] | None) -> tuple[int, int]:
        if not line_map:
            return 0, 0
        last = len(self.starts) - 1
        return self.starts[min(line_map[0], last)], self.starts[min(line_map[1], last)]

    def add(self, kind: RegionKind, spans: list[tuple[int, int]], label: str | None = None) -> None:
        """A region from the first to the last visible character of ``spans``."""
        spans = [span for span in spans if not self.text[span[0] : span[1]].isspace()]
        if spans:
            span = tight(self.text, spans[0][0], spans[-1][1])
            if span:
                self.regions.append(Region(kind, span[0], span[1], label))

    def inline(
        self,
        children: list[Any],
        lo: int,
        hi: int,
        images: list[list[tuple[int, int]]] | None = None,
    ) -> list[tuple[int, int]]:
        """Align inline tokens with ``text[lo:hi]``; show and return the visible spans.

        The spans of each image's alt text are also appended to ``images``.
        """
        src = self.text
        spans: list[tuple[int, int]] = []
        cursor = lo
        skip_link = False

        def show(a: int, b: int, rendering: str | None = None) -> None:
            if rendering is None:
                self.view.show(a, b)
            else:
                self.view.write(a, b, rendering)
            if b > a:
                spans.append((a, b))

        for tok in children:
            t = tok.type
            if skip_link and t != "link_close":
                continue
            if t == "text":
                if not tok.content:
                    continue
                j = src.find(tok.content, cursor, hi)
                if j < 0:
                    break
                show(j, j + len(tok.content))
                cursor = j + len(tok.content)
            elif t == "text_special":
                j = src.find(tok.markup, cursor, hi)
                if j < 0:
                    break
                show(j, j + len(tok.markup), tok.content)
                cursor = j + len(tok.markup)
            elif t in _OPEN_MARKUP:
                j = src.find(tok.markup, cursor, hi)
                if j < 0:
                    break
                cursor = j + len(tok.markup)
            elif t == "link_open":
                if tok.markup == "autolink":
                    skip_link = True
                    continue
                j = src.find("[", cursor, hi)
                if j < 0:
                    break
                cursor = j + 1
            elif t == "link_close":
                if skip_link:
                    skip_link = False
                    j = src.find(">", cursor, hi)
                    if j < 0:
                        break
                    cursor = j + 1
                    continue
                j = src.find("]", cursor, hi)
                if j < 0:
                    break
                cursor = _skip_destination(src, j + 1, hi)
            elif t == "image":
                j = src.find("![", cursor, hi)
                if j < 0:
                    break
                alt = self.inline(tok.children or [], j + 2, hi)
                spans.extend(alt)
                if images is not None:
                    images.append(alt)
                k = src.find("]", alt[-1][1] if alt else j + 2, hi)
                if k < 0:
                    break
                cursor = _skip_destination(src, k + 1, hi)
            elif t == "code_inline":
                m = re.compile(rf"(?<!`){re.escape(tok.markup)}(?!`)").search(src, cursor, hi)
                if m is None:
                    break
                close = re.compile(rf"(?<!`){re.escape(tok.markup)}(?!`)").search(src, m.end(), hi)
                if close is None:
                    break
                cursor = close.end()
            elif t == "html_inline":
                j = src.find(tok.content, cursor, hi)
                if j < 0:
                    break
                cursor = j + len(tok.content)
            elif t in ("softbreak", "hardbreak"):
                m = _NEWLINE_RE.search(src, cursor, hi)
                if m is None:
                    break
                cursor = m.end()
        else:
            return spans
        # alignment lost (should not happen): show the rest as it is rather than drop it
        if cursor < hi:
            rest = tight(src, cursor, hi)
            if rest:
                show(*rest)
        return spans

    # -- blocks --------------------------------------------------------------------------------
    def blocks(self, tokens: list[Any]) -> None:
        context: list[RegionKind] = []
        i = 0
        n = len(tokens)
        while i < n:
            tok = tokens[i]
            t = tok.type
            if t in ("bullet_list_open", "ordered_list_open"):
                pass
            elif t == "list_item_open":
                context.append("list_item")
            elif t == "blockquote_open":
                context.append("quote")
            elif t in ("list_item_close", "blockquote_close") and context:
                context.pop()
            elif t == "heading_open" and i + 1 < n:
                lo, hi = self.span_of_lines(tok.map)
                spans = self.inline(tokens[i + 1].children or [], lo, hi)
                level = (
                    len(tok.markup)
                    if tok.markup.startswith("#")
                    else (1 if tok.markup == "=" else 2)
                )
                if level == 1 and not self.has_title:
                    self.has_title = True
                    self.add("title", spans)
                else:
                    self.add("heading", spans, str(level))
                i += 3
                continue
            elif t == "paragraph_open" and i + 1 < n:
                lo, hi = self.span_of_lines(tok.map)
                if self.grid_table(lo, hi):
                    i += 3
                    continue
                self.paragraph(
                    tokens[i + 1].children or [], lo, hi, context[-1] if context else "paragraph"
                )
                i += 3
                continue
            elif t == "table_open":
                i = self.table(tokens, i)
                continue
            i += 1

    def paragraph(self, children: list[Any], lo: int, hi: int, kind: RegionKind) -> None:
        images: list[list[tuple[int, int]]] = []
        spans = self.inline(children, lo, hi, images)
        if not (children and children[0].type == "image"):
            self.add(kind, spans)
            return
        # a picture with its caption: the alt text, and the text after the image(s)
        alt = {span for image in images for span in image}
        for image in images:
            self.add("caption", image)
        self.add("caption", [span for span in spans if span not in alt])

    def table(self, tokens: list[Any], i: int) -> int:
        lo, hi = self.span_of_lines(tokens[i].map)
        self.regions.append(Region("table", lo, hi))
        headers: list[str] = []
        n = len(tokens)
        i += 1
        in_head = False
        while i < n and tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type == "thead_open":
                in_head = True
            elif tok.type == "thead_close":
                in_head = False
            elif tok.type == "tr_open":
                row_lo, row_hi = self.span_of_lines(tok.map)
                cells = _cell_spans(self.text, row_lo, row_hi)
                inlines = []
                j = i + 1
                while j < n and tokens[j].type != "tr_close":
                    if tokens[j].type == "inline":
                        inlines.append(tokens[j])
                    j += 1
                row_spans: list[tuple[int, int]] = []
                texts: list[str] = []
                cell_regions: list[Region] = []
                for c, inl in enumerate(inlines):
                    c_lo, c_hi = cells[c] if c < len(cells) else (row_hi, row_hi)
                    spans = self.inline(inl.children or [], c_lo, c_hi)
                    row_spans.extend(spans)
                    texts.append(" ".join("".join(self.text[a:b] for a, b in spans).split()))
                    if spans and not in_head and c > 0:
                        label = headers[c] if c < len(headers) else ""
                        cell_regions.append(Region("table_cell", spans[0][0], spans[-1][1], label))
                if in_head:
                    headers = texts
                    self.add("table_row", row_spans, "header")
                else:
                    self.add("table_row", row_spans, texts[0] if texts else "")
                    self.regions.extend(cell_regions)
                i = j
            i += 1
        return i + 1

    def grid_table(self, lo: int, hi: int) -> bool:
        """Read ``text[lo:hi]`` as a Pandoc grid table if it is one (rule lines first and last,
        every other line a row of cells between ``|``); return whether it was."""
        if not self.text.startswith("+", lo):  # its first line is a rule line
            return False
        lines = [m.span() for m in _LINE_RE.finditer(self.text, lo, hi) if m.end() > m.start()]
        text = self.text
        if (
            len(lines) < 3
            or not _GRID_RULE_RE.fullmatch(text, *lines[0])
            or not _GRID_RULE_RE.fullmatch(text, *lines[-1])
            or any(text[a] not in "+|" for a, _ in lines)
        ):
            return False
        first = text[lines[0][0] : lines[0][1]]
        cuts = [k for k, ch in enumerate(first) if ch == "+"]
        rows: list[tuple[list[tuple[int, int]], bool]] = []  # (lines, whether the head row)
        row: list[tuple[int, int]] = []
        for a, b in lines[1:]:
            if _GRID_RULE_RE.fullmatch(text, a, b):
                if row:
                    rows.append((row, "=" in text[a:b]))
                row = []
            elif text[a] == "|":
                row.append((a, b))
            else:
                return False
        self.regions.append(Region("table", lo, hi))
        headers: list[str] = []
        for row, is_head in rows:
            row_spans: list[tuple[int, int]] = []
            texts: list[str] = []
            cell_regions: list[Region] = []
            for c, (x, y) in enumerate(itertools.pairwise(cuts)):
                spans: list[tuple[int, int]] = []
                pieces = 0
                for a, b in row:
                    piece = _grid_piece(text, a + x + 1, min(a + y, b))
                    if piece:
                        children = _parser().parseInline(text[piece[0] : piece[1]])[0].children
                        spans += self.inline(children or [], *piece)
                        pieces += 1
                row_spans += spans
                texts.append(" ".join(" ".join(text[a:b] for a, b in spans).split()))
                if pieces == 1 and not is_head and c > 0:
                    label = headers[c] if c < len(headers) else ""
                    cell_regions.append(Region("table_cell", spans[0][0], spans[-1][1], label))
            row_spans.sort()  # a row of several lines is read line by line
            if is_head:
                headers = texts
                self.add("table_row", row_spans, "header")
            else:
                self.add("table_row", row_spans, texts[0] if texts else "")
                self.regions.extend(cell_regions)
        return True


def _grid_piece(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The content of one line of a grid cell, ``text[a:b]`` without its padding, nor the
    attributes and bar a converted wiki table leaves before it (``style="…"| 3,806``)."""
    bar = text.rfind("|", a, b)
    if bar >= 0 and (not text[a:bar].strip() or "=" in text[a:bar]):
        a = bar + 1
    return tight(text, a, b)


def _skip_destination(src: str, p: int, hi: int) -> int:
    """After a link's ``]``: skip ``(destination "title")`` or ``[label]``; return the next offset."""
    if p < hi and src[p] == "(":
        depth = 0
        k = p
        while k < hi:
            ch = src[k]
            if ch == "\\":
                k += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return k + 1
            k += 1
        return p
    if p < hi and src[p] == "[":
        k = src.find("]", p, hi)
        return k + 1 if k >= 0 else p
    return p


def _cell_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Split a GFM table row into cell spans at unescaped pipes (outer pipes dropped)."""
    line = text[lo:hi].rstrip("\r\n")
    cuts = [k for k, ch in enumerate(line) if ch == "|" and (k == 0 or line[k - 1] != "\\")]
    bounds = [-1] + cuts + [len(line)]
    spans = [(lo + a + 1, lo + b) for a, b in itertools.pairwise(bounds)]
    if cuts and not line[: cuts[0]].strip():
        spans = spans[1:]
    if cuts and not line[cuts[-1] + 1 :].strip():
        spans = spans[:-1]
    return spans


def _front_matter(reader: _Reader, lo: int, hi: int) -> tuple[dict[str, Any] | None, str | None]:
    """Parse the front matter body ``text[lo:hi]``; add infobox regions; return (data, error)."""
    import yaml

    src = reader.text[lo:hi]
    first_line = 2  # the body starts on the line after the opening ``---``
    try:
        try:
            root, data = _compose(getattr(yaml, "CSafeLoader", yaml.SafeLoader), src)
        except yaml.YAMLError:  # libyaml's messages differ: PyYAML's own parser words the error
            root, data = _compose(yaml.SafeLoader, src)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f" at line {first_line + mark.line}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, f"front matter is not valid YAML{where}: {problem}"
    except (RecursionError, ValueError, TypeError) as exc:
        return None, f"front matter could not be read: {type(exc).__name__}"
    if data is None:
        return {}, None
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        return None, f"front matter at line {first_line} is a {type(data).__name__}, not a mapping"
    facts = []
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if key.value == "infobox" and isinstance(value, yaml.MappingNode):
            _infobox(reader, value, lo)
        elif (
            isinstance(value, yaml.ScalarNode)
            and str(key.value).strip().lower() not in _NOT_FACTS
            and any(ch.isdigit() for ch in str(value.value))
        ):
            facts.append((key, value))
    if facts:  # top-level facts as static-site generators write them ("born: 2 May 1790")
        _infobox(reader, yaml.MappingNode("tag:yaml.org,2002:map", facts), lo)
    return data, None


#: top-level front matter keys that are not facts about the subject: the site generator's
#: own (Hugo, Jekyll, Eleventy, Docusaurus …), the claims file's, and the infobox map
_NOT_FACTS = frozenset(
    """title date lastmod publishdate pubdate expirydate updated modified created published
    layout permalink slug url weight draft tags categories aliases author authors description
    summary image images cover thumbnail keywords toc type sitemap menu nav_order
    sidebar_position sidebar_label id lang language redirect_from excerpt series order
    version subject entities facts events constraints klint infobox""".split()
)


def _compose(loader_class: Any, src: str) -> tuple[Any, Any]:
    """The YAML node tree (it keeps positions) and the data built from it."""
    loader = loader_class(src)
    try:
        root = loader.get_single_node()
        return root, loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()


def _infobox(reader: _Reader, box: Any, base: int) -> None:
    import yaml

    for key, value in box.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        items = value.value if isinstance(value, yaml.SequenceNode) else [value]
        for item in items:
            if isinstance(item, yaml.ScalarNode) and str(item.value).strip():
                start, end = base + item.start_mark.index, base + item.end_mark.index
                if item.style in ('"', "'"):
                    start, end = start + 1, end - 1
                elif item.style in ("|", ">"):
                    m = _NEWLINE_RE.search(reader.text, start, end)
                    start = m.end() if m else end
                _field(reader, str(key.value), start, end)


def _field(reader: _Reader, key: str, start: int, end: int) -> None:
    """An infobox field (or a caption) over the value ``text[start:end]`` of ``key``."""
    name = key.strip().lower()
    kind: RegionKind
    label: str | None
    if name in CAPTION_KEYS:
        kind, label = "caption", None
    elif name in INFOBOX_SKIP:
        return
    else:
        kind, label = "infobox_field", infobox_label(name)
    span = tight(reader.text, start, end)
    if span:
        reader.view.show(*span)
        reader.regions.append(Region(kind, span[0], span[1], label))


def _toml_front_matter(
    reader: _Reader, lo: int, hi: int
) -> tuple[dict[str, Any] | None, str | None]:
    """Parse a TOML front matter body ``text[lo:hi]``; add infobox regions for the
    ``[infobox]`` table's one-line values and the top-level facts; return (data, error)."""
    import tomllib

    try:
        data = tomllib.loads(reader.text[lo:hi])
    except tomllib.TOMLDecodeError as exc:
        # "… (at line 3, column 7)" counts the body's lines, "… (at end of document)" ends
        # on the closing fence: the file's lines are one on
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(m.group(1)) + 1 if m else reader.text.count("\n", 0, hi) + 1
        problem = str(exc).split(" (at ")[0]
        return None, f"front matter is not valid TOML at line {line}: {problem}"
    except (RecursionError, ValueError) as exc:
        return None, f"front matter could not be read: {type(exc).__name__}"
    table = ""
    for m in _TOML_LINE_RE.finditer(reader.text, lo, hi):
        if m.group(1) is not None:
            table = m.group(1).strip().strip("\"'").lower()
            continue
        key, value = m.group(2).strip("\"'"), m.group(3)
        start, end = m.span(3)
        if value[:1] in "\"'":
            start, end = start + 1, end - 1
        else:
            end = start + len(value.rstrip())
        if table == "infobox" or (
            not table and key.lower() not in _NOT_FACTS and any(ch.isdigit() for ch in value)
        ):
            _field(reader, key, start, end)
    return data, None


_PARSER: Any = None


def _parser() -> Any:
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")
    return _PARSER


def read(text: str, path: str = "<text>") -> Document:
    """Parse Markdown ``text`` into a Document (never raises on malformed input)."""
    reader = _Reader(text)
    front_matter: dict[str, Any] | None = None
    error: str | None = None
    source = text
    fm = _split_front_matter(text, reader.starts)
    if fm is not None:
        read_front_matter = _toml_front_matter if fm[3] else _front_matter
        front_matter, error = read_front_matter(reader, fm[0], fm[1])
        source = blank(text[: fm[2]]) + text[fm[2] :]
    reader.blocks(_parser().parse(source))
    return Document(
        text=text,
        path=path,
        format="markdown",
        regions=with_sections(reader.regions),
        front_matter=front_matter,
        masked=reader.view.build(),
        front_matter_error=error,
    )
