"""What the markup around a word says about it: the link it is the label of, and whether it
is set apart (italics, a foreign-language template, ``{{sic}}``).

Read from ``Document.text`` (the source as written) at the offsets every stage shares, on
the word's own line only; plain text has no such marks.
"""

from __future__ import annotations

import bisect
import re
from urllib.parse import unquote

from klint import lazyre
from klint.document import Document
from klint.rules.base import Context

_WIKI_LINK_RE = lazyre.compile(r"\[\[([^\[\]|]*)(?:\|[^\[\]]*)?\]\]")
_HTML_LINK_RE = lazyre.compile(r"<a\b[^>]*>(?:(?!</a>).)*</a>", re.IGNORECASE | re.DOTALL)
_HTML_TARGET_RE = lazyre.compile(r"""\btitle="([^"]*)"|\bhref="([^"]*)\"""", re.IGNORECASE)
_MD_LINK_RE = lazyre.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^()\s]*)")
_WIKI_LANG_RE = lazyre.compile(
    r"\{\{\s*(?:lang|transl|nihongo)\b[^{}]*?(?:\{\{[^{}]*\}\}[^{}]*?)*\}\}", re.I
)
_NEWLINE_RE = lazyre.compile(r"\n")
_SIC_RE = lazyre.compile(r"\s*(?:\{\{\s*sic\b|\[sic\]|\(sic\))", re.IGNORECASE)


def _line(text: str, start: int, end: int) -> tuple[int, str]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, text[lo : hi if hi >= 0 else len(text)]


def link_target(doc: Document, start: int, end: int) -> str | None:
    """The article a link whose label holds ``[start, end)`` points to, normalized; else None."""
    if doc.format == "text":
        return None
    lo, line = _line(doc.text, start, end)
    s, e = start - lo, end - lo
    if doc.format == "wikitext":
        for m in _WIKI_LINK_RE.finditer(line):
            if m.start() <= s and e <= m.end():
                return _norm(m.group(1))
    elif doc.format == "html":
        for m in _HTML_LINK_RE.finditer(line):
            if m.start() <= s and e <= m.end():
                t = _HTML_TARGET_RE.search(m.group())
                if t:
                    return _norm(t.group(1) or t.group(2).rsplit("/", 1)[-1])
    elif doc.format == "markdown":
        for m in _MD_LINK_RE.finditer(line):
            if line[m.start() - 1 : m.start()] == "!":
                continue  # an image's alt text, not a link's label
            if m.start() <= s and e <= m.start() + 1 + len(m.group(1)):
                return _norm(m.group(2).rsplit("/", 1)[-1])
    return None


def _norm(target: str) -> str | None:
    target = unquote(target).split("#", 1)[0].replace("_", " ").strip()
    return " ".join(target.split()).casefold() or None


def spells(words: list[str], letters: str, minor: frozenset[str]) -> bool:
    """Whether ``words``, from the first, have the ``letters`` as their initials in order, a
    small word of a name (``minor``: "of", "the") taken or skipped ("Food and Agriculture
    Organization": FAO)."""
    if not letters:
        return True
    if not words:
        return False
    w = words[0]
    if w[0].casefold() == letters[0] and spells(words[1:], letters[1:], minor):
        return True
    return w.casefold() in minor and spells(words[1:], letters, minor)


_TITLE_WORD_RE = lazyre.compile(r"[^\W\d_][\w'’]*")


def linked_to_full_name(
    doc: Document, start: int, end: int, acronym: str, minor: frozenset[str]
) -> bool:
    """Whether an acronym is the label of a link to an article whose title spells it out
    ("[[Food and Agriculture Organization|FAO]]", "[[2008–09 Premier Soccer League|PSL]]"):
    the full name is one step away, and names which body the acronym is."""
    target = link_target(doc, start, end)
    if not target:
        return False
    letters = "".join(c for c in acronym.casefold() if c.isalpha())
    words = _TITLE_WORD_RE.findall(target.replace("-", " "))
    return any(spells(words[i:], letters, minor) for i in range(len(words)))


_WIKI_ITALIC_RE = lazyre.compile(r"''(?!')(.+?)''")
_HTML_ITALIC_RE = lazyre.compile(r"<(i|em)\b[^>]*>(.*?)</\1>", re.IGNORECASE)
_WORD_RE = lazyre.compile(r"[^\W\d_]{4,}")


def set_apart(doc: Document, start: int, end: int) -> bool:
    """Whether the word is given as a form of a name, not as the article's own spelling: followed
    by ``{{sic}}``, inside a foreign-language template, or in italics beside another italic
    form of it ("spellings have included ''Alibamu'', ''Alabamo'', ''Albama''")."""
    text = doc.text
    if _SIC_RE.match(text, end):
        return True
    if doc.format not in ("wikitext", "html"):
        return False
    lo, line = _line(text, start, end)
    s, e = start - lo, end - lo
    if doc.format == "wikitext":
        if any(m.start() <= s and e <= m.end() for m in _WIKI_LANG_RE.finditer(line)):
            return True
        spans = [m.span(1) for m in _WIKI_ITALIC_RE.finditer(line.replace("'''", "   "))]
    else:
        spans = [m.span(2) for m in _HTML_ITALIC_RE.finditer(line)]
    if not any(a <= s and e <= b for a, b in spans):
        return False
    word = line[s:e].casefold()
    near = [line[a:b] for a, b in spans if abs(a - s) < 300 and not a <= s < b]
    return any(_close(word, w.casefold()) for n in near for w in _WORD_RE.findall(n))


def _close(a: str, b: str) -> bool:
    """Two different words at most two edits apart (forms in a list: Alibamu, Alabamo)."""
    if a == b or abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 4:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > 2:
            return False
        prev = cur
    return prev[-1] <= 2


_WIKI_BOLD_RE = lazyre.compile(r"'''(?!')(.+?)'''")
_HTML_BOLD_RE = lazyre.compile(r"<(b|strong)\b[^>]*>(.*?)</\1>", re.IGNORECASE)


def in_bold(doc: Document, start: int, end: int) -> bool:
    """Whether the word stands in bold: the way an article gives its subject's names, the
    alternative ones too ("'''Athena''' … or '''Athene'''")."""
    if doc.format not in ("wikitext", "html"):
        return False
    lo, line = _line(doc.text, start, end)
    s, e = start - lo, end - lo
    if doc.format == "wikitext":
        spans = [m.span(1) for m in _WIKI_BOLD_RE.finditer(line.replace("'''''", "'''  "))]
    else:
        spans = [m.span(2) for m in _HTML_BOLD_RE.finditer(line)]
    return any(a <= s and e <= b for a, b in spans)


_LANG_BEFORE_RE = lazyre.compile(r"\{\{\s*(?:lang|transl)\b[^{}]*\}\}[\s,;:]*$", re.IGNORECASE)


def transliterated(doc: Document, start: int, end: int) -> bool:
    """Whether the word is the italic romanisation right after a foreign-language template
    ("{{lang-grc|Ἀχιλλεύς}}, ''Akhilleus''"): a form of the name given as such."""
    if doc.format != "wikitext":
        return False
    lo, line = _line(doc.text, start, end)
    s, e = start - lo, end - lo
    for m in _WIKI_ITALIC_RE.finditer(line.replace("'''", "   ")):
        a, b = m.span(1)
        if a <= s and e <= b:
            return bool(_LANG_BEFORE_RE.search(line, 0, m.start()))
    return False


_HTML_Q_RE = lazyre.compile(r"<q\b[^>]*>.*?</q>", re.IGNORECASE | re.DOTALL)


def in_inline_quote(doc: Document, start: int, end: int) -> bool:
    """Whether the word stands inside an HTML ``<q>`` quotation (spelled as its source)."""
    if doc.format != "html":
        return False
    lo, line = _line(doc.text, start, end)
    s, e = start - lo, end - lo
    return any(m.start() <= s and e <= m.end() for m in _HTML_Q_RE.finditer(line))


_FOREIGN_WORD_RE = lazyre.compile(r"[^\W\d_]+")


def in_foreign_phrase(
    text: str, start: int, end: int, words: frozenset[str], reach: int = 3
) -> bool:
    """Whether one of ``reach`` words on either side, on the word's line, is a lower-case
    function word of another language (``words``): "Heil dir, Hannover", "Poids et Mesures"."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    before = _FOREIGN_WORD_RE.findall(text, max(lo, start - 80), start)[-reach:]
    after = _FOREIGN_WORD_RE.findall(text, end, min(hi, end + 80))[:reach]
    return any(w in words for w in before + after)


_WIKI_REF_RE = lazyre.compile(
    r"<ref\b[^>/]*>.*?</ref>|\{\{\s*(?:cite|citation|harvnb|sfn)\b(?:[^{}]|\{\{[^{}]*\}\})*\}\}",
    re.IGNORECASE | re.DOTALL,
)
_HTML_CITE_RE = lazyre.compile(r"<cite\b.*?</cite>", re.IGNORECASE | re.DOTALL)
#: what marks a line of a footnote or reference list in plain text and Markdown
_CITED_LINE_RE = lazyre.compile(
    r"^\s*(?:[-*]\s+)?(?:\^|\[\d+\])|\b(?:ISBN|ISSN|doi|OCLC|PMID|Retrieved|Archived from)\b",
    re.MULTILINE,
)


#: a text's line breaks, and the citations of each line read so far, by its span
_LineCitations = tuple[list[int], dict[tuple[int, int], bool | list[tuple[int, int]]]]


def in_citation(ctx: Context, start: int, end: int) -> bool:
    """Whether the word belongs to a citation, not to the article's prose: a ``<ref>`` or a
    citation template, an HTML ``<cite>`` or reference list item, or a footnote or reference
    line of plain text or Markdown ("^ …", "[12] …", a line with an ISBN, a DOI or "Retrieved").

    Each line is read once a lint (a long line holds many words asked about)."""
    text = ctx.doc.text
    memo: _LineCitations | None = ctx.cache.get("marks.citations")
    if memo is None:
        memo = ([m.start() for m in _NEWLINE_RE.finditer(text)], {})
        ctx.cache["marks.citations"] = memo
    breaks, lines = memo
    i = bisect.bisect_left(breaks, start)  # the line breaks before the word
    lo = breaks[i - 1] + 1 if i else 0
    j = bisect.bisect_left(breaks, end, i)
    hi = breaks[j] if j < len(breaks) else len(text)
    marks = lines.get((lo, hi))
    if marks is None:
        marks = lines[lo, hi] = _citations(ctx.doc.format, text[lo:hi])
    if isinstance(marks, bool):
        return marks
    s, e = start - lo, end - lo
    k = bisect.bisect_right(marks, (s, len(text))) - 1  # the last citation opening by the word
    return k >= 0 and e <= marks[k][1]


def _citations(fmt: str, line: str) -> bool | list[tuple[int, int]]:
    """A line's citations, in order (they do not overlap), or whether the whole line is one."""
    if fmt == "wikitext":
        return [m.span() for m in _WIKI_REF_RE.finditer(line)]
    if fmt == "html":
        if 'id="cite_note' in line or 'class="reference-text"' in line:
            return True
        return [m.span() for m in _HTML_CITE_RE.finditer(line)]
    return bool(_CITED_LINE_RE.search(line))


_NAME_FIELD_RE = lazyre.compile(r"name|alias|pseudonym|known as", re.IGNORECASE)
_HTML_NAME_ROW_RE = lazyre.compile(
    r'class="nickname"|<th\b[^>]*>(?:(?!</th>).)*?(?:name|alias|pseudonym|known\s+as)',
    re.IGNORECASE | re.DOTALL,
)


def in_name_field(doc: Document, start: int) -> bool:
    """Whether the word stands in an infobox field that lists names ("Other names", "Birth
    name", "Pseudonym", an HTML ``nickname`` cell): the subject's other names, given as such."""
    field = doc.region_at(start, "infobox_field")
    if field is not None and field.label and _NAME_FIELD_RE.search(field.label):
        return True
    if doc.format == "html":
        row = doc.text.rfind("<tr", max(0, start - 2000), start)
        return (
            row >= 0
            and "</tr>" not in doc.text[row:start]
            and bool(_HTML_NAME_ROW_RE.search(doc.text, row, start))
        )
    return False


#: a web address: a run of characters with no space that holds a scheme, "www." or a query
_ADDRESS_RE = lazyre.compile(r"://|\bwww\.|\?[\w.-]+=")
#: a file's name, spaces and all: what runs to its extension, and what runs from "File:"
_FILE_AFTER_RE = lazyre.compile(
    r"[^|\[\]{}\n<>]{0,80}?\.(?:png|jpe?g|svg|gif|tiff?|webp|pdf)\b", re.I
)
_FILE_BEFORE_RE = lazyre.compile(r"\b(?:File|Image):[^|\[\]{}\n<>]{0,80}$", re.IGNORECASE)


def in_address(doc: Document, start: int, end: int) -> bool:
    """Whether the word is part of a web address or of a file's name ("…?q=Graylock", "Kanal
    5 logo Danmark.png" in a logo's field, "[[File:Lake Danmark.jpg|…]]"), not of the prose."""
    text = doc.view  # the markup's own addresses blanked
    lo, hi = start, end
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return bool(
        _ADDRESS_RE.search(text, lo, hi)
        or _FILE_AFTER_RE.match(text, end)
        or _FILE_BEFORE_RE.search(text, max(0, start - 80), start)
    )


def in_header_cell(doc: Document, start: int) -> bool:
    """Whether the word stands in a column's header cell (a wikitext ``!`` cell, an HTML
    ``<th>``): a column's label, not a name of the prose. (A row's header, ``scope="row"``,
    often names a person or a place, and is not one.)"""
    if doc.format == "wikitext":
        line = _line(doc.text, start, start)[1]
        return line.lstrip().startswith("!") and not _ROW_SCOPE_RE.search(line)
    if doc.format == "html":
        cell = doc.text.rfind("<t", max(0, start - 400), start)
        if cell < 0 or not doc.text.startswith("<th", cell) or "</th>" in doc.text[cell:start]:
            return False
        return not _ROW_SCOPE_RE.search(doc.text, cell, doc.text.find(">", cell, start) + 1)
    return False


_ROW_SCOPE_RE = lazyre.compile(r"""scope\s*=\s*["']?row""", re.IGNORECASE)
