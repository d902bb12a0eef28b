"""KX306 duplicate-text: a paragraph or caption repeated verbatim."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from klint import lazyre
from klint.diagnostics import Diagnostic, Severity
from klint.document import Region
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import excerpt, in_references


class DuplicateText(Rule):
    """## What it does
    Reports a paragraph or caption that repeats an earlier one verbatim
    (ignoring differences in whitespace). Not reported: entries of a reference
    list (two footnotes may cite one source), list items (a note under each
    table, a resource named in each section's list), a paragraph that opens
    as a note ("Note: …", under each table it explains), the captions of two
    infoboxes (each describes its own image), a line of verse (ending in a
    comma), a line of plain text among short lines without a sentence end
    (a table's cell printed one a line, which two rows may share; a list of
    titles), an image's alt text repeated on another image of the same
    figure (a location map's marker) or by a gallery's caption (which
    MediaWiki copies into the alt text of the gallery's image), the caption
    of one image file shown twice (in the infobox and again in a table). An
    alt text the editor wrote the same as the caption is reported.

    ## Why is this bad?
    A repeated block is usually a copy-and-paste slip or an image caption
    printed twice when a page was flattened; readers see the same text twice.

    ## Example
        A bronze statue of the founder stands in the market square.
        A bronze statue of the founder stands in the market square.

    ## Use instead
        A bronze statue of the founder stands in the market square.
    """

    code = "KX306"
    name = "duplicate-text"
    severity = Severity.WARNING
    summary = "a paragraph or caption repeated verbatim"

    MIN_WORDS = 5  # captions
    MIN_PARAGRAPH_WORDS = 8  # shorter repeated lines are list entries ("Feud of the Year (2003)")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        blocks = [
            (region, ctx.doc.view[region.start : region.end])  # markup makes no two copies differ
            for region in ctx.doc.regions_of("paragraph", "caption", "quote")
        ]
        if len(blocks) < 2:
            return  # nothing to repeat
        endings = [_ending(raw) for _, raw in blocks]
        # two copies end alike: a block whose ending no other block shares neither repeats nor
        # is repeated, so the checks below (each deciding for one block alone) can skip it
        shared = {e for e, n in Counter(endings).items() if n > 1}
        seen: dict[str, tuple[int, int]] = {}
        for (region, raw), ending in zip(blocks, endings):
            if ending not in shared or not self._candidate(ctx, region, raw):
                continue
            key = _key(raw)
            if key in seen:
                first = seen[key]
                if _infobox_caption(ctx, region) and _infobox_caption(
                    ctx, Region("caption", *first)
                ):
                    continue  # two books' infoboxes, each "Cover of the first edition."
                if _alt(ctx, region.start) and _alt(ctx, first[0]):
                    if not ctx.doc.view[first[1] : region.start].strip():
                        continue  # a location map's alt text on its marker too: never shown twice
                if _in_gallery(ctx, first[0]) and _alt(ctx, first[0]):
                    if not ctx.doc.view[first[1] : region.start].strip():
                        continue  # a gallery's caption, copied into its image's alt by MediaWiki
                image, shown = _image(ctx, region.start), _image(ctx, first[0])
                if image and shown and image[0] == shown[0] and image[1] != shown[1]:
                    continue  # one image shown twice (infobox and table), labelled alike
                line, _ = ctx.doc.position(first[0])
                kind = "caption" if region.kind == "caption" else "paragraph"
                yield self.diagnostic(
                    region.start,
                    region.end,
                    f"{kind} repeats line {line} verbatim: \u201c{excerpt(raw)}\u201d",
                    related=[(first[0], first[1], "first occurrence")],
                )
            else:
                seen[key] = (region.start, region.end)

    def _candidate(self, ctx: Context, region: Region, raw: str) -> bool:
        """Whether a block (its text ``raw``) is one whose repetition is reported: not in a
        reference list, not a line of verse, a short line, a note or a table's cell."""
        if in_references(ctx, region):
            return False
        if raw.rstrip()[-1:] in ",;":
            return False  # a line of verse or of a list, not a caption
        parts = raw.split()  # str.split and the regex \s agree on what whitespace is
        words = len(parts)
        if words < self.MIN_WORDS or (
            region.kind != "caption"
            and (words < self.MIN_PARAGRAPH_WORDS or raw.rstrip()[-1:] not in '.!?"”')
        ):
            return False
        if region.kind == "paragraph" and _NOTE_RE.match(raw):
            return False  # "Note: Flags indicate national team…" under each squad table
        if region.kind == "caption" and _figures(parts):
            return False  # "67.2 m (220 ft 6 in)" twice: two table cells side by side
        # a flattened table's cell, one line of a row: a note two rows share
        return not (
            region.kind == "paragraph" and ctx.doc.format == "text" and _in_cell_run(ctx, region)
        )


def _key(raw: str) -> str:
    """What two copies of a block share: its text without white space, case-folded."""
    return "".join(raw.split()).casefold()


_ENDING = 32  # the characters of a block's key that :func:`_ending` keeps


def _ending(raw: str) -> str:
    """The last characters of the block's key, read off its tail when that is long enough
    (the key drops white space and case-folds one character at a time, so a tail's key
    ends the whole key): what tells most blocks apart for a fraction of the key's cost."""
    tail = _key(raw[-2 * _ENDING :])
    return tail[-_ENDING:] if len(tail) >= _ENDING else _key(raw)[-_ENDING:]


def _figures(parts: list[str]) -> bool:
    """Whether a line is figures more than words ("8,500 nmi (15,700 km; 9,800 mi)"): a table
    cell's value, which two columns may share, not a caption."""
    figures = words = 0
    for p in parts:
        if p.isalpha():  # letters only: no figure, a word if three of them
            words += len(p) >= 3
            continue
        figures += any(map(str.isdigit, p))  # map: no generator a word
        words += _WORD_RE.search(p) is not None
    return figures >= words


_WORD_RE = re.compile(r"[^\W\d_]{3}")
_NOTE_RE = lazyre.compile(r"\s*(?:Notes?|N\.\s?B\.?)\s*[:.]\s")
_FIELD_RE = re.compile(r"\|\s*\w*caption\w*\s*=\s*$", re.I)


def _infobox_caption(ctx: Context, region: Region) -> bool:
    """Whether the caption is an infobox's field as the markup writes it (``| caption = …``)."""
    text = ctx.doc.text
    line_start = text.rfind("\n", 0, region.start) + 1
    return bool(_FIELD_RE.search(text, line_start, region.start))


_ALT_RE = re.compile(r"\balt\s*=\s*[\"']?\Z", re.I)
#: an HTML gallery's item, whose image MediaWiki gives the caption as alt text
_GALLERY_RE = lazyre.compile(r"<li\b[^<>]*\bclass\s*=\s*[\"'][^\"']*\bgallerybox\b")


def _in_gallery(ctx: Context, start: int) -> bool:
    """Whether a caption stands in an HTML gallery's item (its ``<li class="gallerybox">``
    opened within the last 1,000 characters and not closed)."""
    text = ctx.doc.text
    opened = text.rfind("<li", max(0, start - 1000), start)
    return opened >= 0 and _GALLERY_RE.match(text, opened) is not None


#: the file link a wikitext caption stands in: "[[File:Pi pie.jpg|thumb|Pi Pie at …"
_IMAGE_RE = re.compile(r"\[\[\s*(?:File|Image)\s*:\s*([^|\[\]]+?)\s*\|[^\[\]]*\Z", re.I)


def _alt(ctx: Context, start: int) -> bool:
    """Whether a caption is an image's ``alt`` text (HTML)."""
    return bool(_ALT_RE.search(ctx.doc.text, max(0, start - 12), start))


def _image(ctx: Context, start: int) -> tuple[str, int] | None:
    """The file a wikitext caption labels and where its link opens, or None: the same image
    shown twice may carry the same words both times."""
    m = _IMAGE_RE.search(ctx.doc.text, max(0, start - 300), start)
    return (m.group(1).replace("_", " ").casefold(), m.start()) if m else None


#: a table cell on a line of its own: short, no sentence end ("air-launched rocket plane")
_CELL_RE = lazyre.compile(r"[^\n]{1,60}(?<![.!?:;,])")
_CELL_RUN = 2  # cells on adjacent lines that make a block a flattened table row or a list


def _in_cell_run(ctx: Context, region: Region) -> bool:
    """Whether a one-line paragraph of plain text stands among lines that are table cells or
    list entries (a flattened table: "1953", "August 21", …, "Unofficial record. Powered by
    …"; a list of song titles), with no blank line between: a cell's value, which two rows
    may share. (The other formats mark their tables up.)"""
    text = ctx.doc.text
    lo = text.rfind("\n", 0, region.start) + 1
    hi = text.find("\n", region.end)
    hi = len(text) if hi < 0 else hi
    if "\n" in text[lo:hi]:
        return False
    headings = ctx.cache.get("kx306.headings")
    if headings is None:
        headings = ctx.cache["kx306.headings"] = {
            text.rfind("\n", 0, r.start) + 1 for r in ctx.doc.regions_of("heading")
        }
    cells = 0
    for step in (-1, 1):
        at = lo
        while cells < _CELL_RUN:
            if step < 0:
                if at == 0:
                    break
                end = at - 1
                at = text.rfind("\n", 0, end) + 1
            else:
                nl = text.find("\n", at)
                if nl < 0:
                    break
                at = nl + 1
                end = text.find("\n", at)
                end = len(text) if end < 0 else end
            line = text[at:end].strip()
            if not line or at in headings or not _CELL_RE.fullmatch(line):
                break
            cells += 1
    return cells >= _CELL_RUN
