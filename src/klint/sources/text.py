"""Plain-text reader for articles flattened from a web page.

Recognises, by layout alone: site boilerplate (navigation bars, "Retrieved from"),
the title, a flattened infobox ("Date 1988–1994", commander lists, strengths,
"Casualties and losses"), headings (short lines without final punctuation, or
``== Heading ==``), image captions (often printed twice), simple whitespace
tables, and paragraphs. Every region keeps offsets into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from klint import lazyre
from klint.document import Document, Region, with_sections

INFOBOX_LABELS = (
    "Date",
    "Location",
    "Result",
    "Territorial changes",
    "Status",
    "Belligerents",
    "Commanders and leaders",
    "Strength",
    "Casualties and losses",
    "Born",
    "Died",
    "Founded",
    "Dissolved",
    "Headquarters",
    "Population",
    "Area",
    "Type",
)
#: the other rows of a box as a page renders them, each label alone on its line: one ends the
#: field above it ("Died" / "November 24, 2002 (aged 81)" / "Lexington" / "Awards" / "… (1999)":
#: the prize's year is no death date)
_ROW_LABELS = frozenset(
    "Nationality|Citizenship|Occupation|Occupation(s)|Awards|Alma mater|Known for|Notable work|"
    "Notable works|Residence|Burial|Resting place|Spouse|Spouse(s)|Partner(s)|Children|Parent(s)|"
    "Parents|Relatives|Religion|Education|Pen name|Political party|Years active|Fields|"
    "Institutions|Doctoral advisor|Doctoral students|Era|School|Main interests|Notable ideas|"
    "Influences|Influenced|House|Father|Mother|Issue|Signature|Website|Height|Net worth|"
    "Cause of death|Other names|Genres|Instruments|Labels|Associated acts|Reign|Coronation|"
    "Predecessor|Successor|Allegiance|Service/branch|Years of service|Rank|Battles/wars|"
    "Employer|Title".split("|")
)
#: a value that ends with an abbreviation's full stop ("Baltimore, Maryland, U.S."), not a
#: sentence's
_ABBREVIATION_END_RE = lazyre.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Jr|Sr|Inc|Ltd|Co|Corp|St|Mt)\.$")
_CONTINUED_FIELDS = ("Result", "Territorial changes", "Status")
_LIST_FIELDS = ("Belligerents", "Commanders and leaders")  # a value a line, one list a side
_LABEL_RE = re.compile(r"(?:" + "|".join(re.escape(x) for x in INFOBOX_LABELS) + r")\b")
_NAV_RE = re.compile(r"^[^|\n]{1,60}(?:\s\|\s[^|\n]{1,60}){3,}$")
_BOILER_RE = re.compile(
    r"^(?:Retrieved from\b|Related subjects\b|Explore .{0,60}\bAlphabetically$|.{0,40} Home\s*$"
    r"|Jump to (?:navigation|search)|From Wikipedia, the free encyclopedia)"
)
_WIKI_HEADING_RE = re.compile(r"^\s*(={1,6})\s*(.*?)\s*\1\s*$")
_NUMERIC_CELL = r"(?:[-+]?\d[\d,.]*%?|N/?A|—|–|-)"
_CELL_RE = re.compile(_NUMERIC_CELL)
#: a label, a tab and its value: an infobox row copied from a rendered page (not a sentence,
#: not a row of tab-separated cells)
_TAB_FIELD_RE = lazyre.compile(
    r"[ \t]*([A-Za-z][^\t.!?:;,]{0,58}?):?\t+(?=\S)[^\t]{1,300}$"
    # or a label, a colon and a bare figure: "Number of aircraft built: 44"
    r"|[ \t]*([A-Z][^\t.!?:;]{2,78}):[ \t]+\d[\d,.]*[ \t]*$"
)


def _tab_field(line: str) -> re.Match[str] | None:
    """``_TAB_FIELD_RE`` matched at the line's start, tried only where it may match: on a line
    with a tab, or with a colon that ends in a figure (its lazy label is otherwise tried at
    each of 58 lengths, and its colon's at each of 78)."""
    if "\t" not in line and (
        ":" not in line or not line.rstrip(" \n").rstrip(",.")[-1:].isdecimal()
    ):
        return None
    return _TAB_FIELD_RE.match(line)


_SUPPRESS_RE = lazyre.compile(r"^\s*(?:<!--\s*klint:.*-->|\[klint:.*\])\s*$")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: a no-break space a copy turned into U+FFFD where it can only have been one: between a number
#: and its unit ("46\ufffdm", "30\ufffdyears"), inside a number ("6\ufffd1⁄2"), a date ("5\ufffdJune",
#: "June\ufffd5") or a span of dates ("July 4, 1872\ufffd– January 5, 1933")
_LOST_NBSP_RE = lazyre.compile(
    r"(?<=\d)\ufffd(?=\d|[–—]|(?:[kcmµn]?m[23²³]?|km/h|m/s|in|ft|yd|mi|nmi|kn|mph|kg|lb|t|ha|s|min|h"
    r"|kW|hp|°[CF]?)(?![^\W\d_])|(?:years?|months?|weeks?|days?|hours?|minutes?|feet|foot"
    r"|inch(?:es)?|miles?|met(?:re|er)s?|kilomet(?:re|er)s?|tons?|tonnes?|knots?|acres?"
    rf"|hectares?|pounds?|{_MONTHS})\b)"
    rf"|(?P<month>\b(?:{_MONTHS}))\ufffd(?=\d)"
)


def _restored(text: str) -> str | None:
    """The text with each lost no-break space (see ``_LOST_NBSP_RE``) given back; None when there
    is none. Offsets are kept: one character for one."""
    if "\ufffd" not in text:
        return None
    out = _LOST_NBSP_RE.sub(lambda m: (m["month"] or "") + "\u00a0", text)
    return out if out != text else None


@dataclass
class _Line:
    start: int
    end: int  # excluding the line ending
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    if "\r" not in text:  # the common case: lines end with "\n" alone
        start, n = 0, len(text)
        for body in text.split("\n"):
            if start == n and not body:
                break
            lines.append(_Line(start, start + len(body), body))
            start += len(body) + 1
        return lines
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if m.start() == len(text) and m.group() == "":
            break
        body = m.group().rstrip("\r\n")
        lines.append(_Line(m.start(), m.start() + len(body), body))
    return lines


def _row_tail(text: str) -> int | None:
    """Where the line's closing run of >= 3 blank-separated numeric cells starts (at the blanks
    before the first cell), else None. Walks back from the end: linear, unlike a regex search."""
    end = len(text.rstrip())
    cells = 0
    while end > 0:
        j = end
        while j > 0 and not text[j - 1].isspace():
            j -= 1
        if j == 0 or not _CELL_RE.fullmatch(text, j, end):
            break
        cells += 1
        end = j
        while end > 0 and text[end - 1].isspace():
            end -= 1
    return end if cells >= 3 else None


def _strip_trailing_comment(text: str) -> str:
    """``text`` without a closing ``<!-- ... -->`` comment and the blanks before it."""
    body = text.rstrip()
    if not body.endswith("-->"):
        return text
    p = body.find("<!--")
    if p < 0 or p + 4 > len(body) - 3:
        return text
    return text[:p].rstrip()


def _trimmed(line: _Line) -> tuple[int, int]:
    """The line's span without surrounding blanks or a trailing ``<!-- ... -->`` comment."""
    s = _strip_trailing_comment(line.text)
    lead = len(s) - len(s.lstrip())
    return line.start + lead, line.start + len(s.rstrip())


def _is_heading(lines: list[_Line], i: int) -> bool:
    s = _strip_trailing_comment(lines[i].text).strip()
    if not s or len(s) > 80 or s[-1] in ".!?:;,\"'”)" or s[0].islower():
        return False
    if _row_tail(s) is not None or re.fullmatch(r"[\d\W]+", s):
        return False
    prev_blank = i == 0 or lines[i - 1].blank
    next_blank = i + 1 >= len(lines) or lines[i + 1].blank
    return prev_blank and (next_blank or len(lines[i + 1].text) > 100)


def read(text: str, path: str = "<text>") -> Document:
    lines = _split_lines(text)
    regions: list[Region] = []
    kinds: list[str | None] = [None] * len(lines)

    # 1. boilerplate and suppression comments
    for i, ln in enumerate(lines):
        line = ln.text.strip()
        if line and (
            ("|" in line and _NAV_RE.match(line))
            or _BOILER_RE.match(line)
            or ("klint:" in line and _SUPPRESS_RE.match(line))
        ):
            kinds[i] = "boilerplate"

    # 2. title: the first line repeated shortly after (site title + infobox title), else first line
    content = [i for i, ln in enumerate(lines) if not ln.blank and kinds[i] is None]
    title_idx: int | None = None
    for i in content[:8]:
        m = _WIKI_HEADING_RE.match(lines[i].text)
        if m and len(m.group(1)) == 1:
            title_idx = i
            break
        repeats = [
            j for j in content if i < j <= i + 6 and lines[j].text.strip() == lines[i].text.strip()
        ]
        if repeats and len(lines[i].text.strip()) <= 100 and lines[i].text.strip()[-1] not in ".!?":
            title_idx = i
            for j in repeats:
                kinds[j] = "infobox_title"
            break
    if (
        title_idx is None
        and content
        and len(lines[content[0]].text) <= 100
        and lines[content[0]].text.strip()[-1] not in ".!?"
        and lines[content[0]].text.count("(") <= lines[content[0]].text.count(")")
        and not _tab_field(_strip_trailing_comment(lines[content[0]].text))
    ):  # "Ann Lee (born 21 August 1968": a sentence cut short; "Born<TAB>…": a field
        title_idx = content[0]
    if title_idx is not None:
        kinds[title_idx] = "title"

    # 3. infobox: from the first label line after the title to the end of its short-line run
    infobox = _find_infobox(lines, kinds, title_idx)

    # 4. duplicated lines are captions (an image caption printed twice)
    for i in range(len(lines) - 1):
        a, b = lines[i].text, lines[i + 1].text
        if a[:1] != b[:1] and not a[:1].isspace() and not b[:1].isspace():
            continue  # two first letters differ: so do the lines without their blanks
        a, b = "".join(a.split()), "".join(b.split())
        if a and a == b and kinds[i] is None and kinds[i + 1] is None and i not in infobox:
            kinds[i] = kinds[i + 1] = "caption"

    # 5. walk the remaining lines
    i = 0
    n = len(lines)
    if infobox:
        first, last = min(infobox), max(infobox)
        istart = lines[first].start
        iend = lines[last].end
        regions.append(Region("infobox", istart, iend))
    while i < n:
        ln = lines[i]
        kind = kinds[i]
        if ln.blank:
            i += 1
            continue
        s, e = _trimmed(ln)
        if kind == "boilerplate":
            regions.append(Region("boilerplate", s, e))
        elif kind == "title":
            m = _WIKI_HEADING_RE.match(ln.text)
            if m:
                s = ln.start + m.start(2)
                e = ln.start + m.end(2)
            regions.append(Region("title", s, e))
        elif kind == "infobox_title":
            regions.append(Region("boilerplate", s, e, label="infobox title"))
        elif i in infobox:
            regions.extend(infobox[i])
        elif kind == "caption":
            regions.append(Region("caption", s, e))
        elif (m := _WIKI_HEADING_RE.match(ln.text)) and len(m.group(1)) >= 2:
            regions.append(
                Region(
                    "heading",
                    ln.start + m.start(2),
                    ln.start + m.end(2),
                    label=str(len(m.group(1))),
                )
            )
        elif (table := _table_at(lines, i)) is not None:
            rows_end = table
            regions.extend(_table_regions(lines, i, rows_end))
            i = rows_end
            continue
        elif (field := _tab_field(_strip_trailing_comment(ln.text))) is not None:
            # a row of an infobox copied from a web page: "Born<TAB>27 August 1968"
            label = " ".join((field.group(1) or field.group(2)).split())
            regions.append(Region("infobox_field", s, e, label=label))
        elif _is_heading(lines, i):
            regions.append(Region("heading", s, e, label="2"))
        else:
            regions.append(Region("paragraph", s, e))
        i += 1
    return Document(
        text=text,
        path=path,
        format="text",
        regions=with_sections(regions),
        masked=_restored(text),
    )


def _find_infobox(
    lines: list[_Line], kinds: list[str | None], title_idx: int | None
) -> dict[int, list[Region]]:
    """Map each infobox line index to the regions it yields."""
    start = (title_idx or -1) + 1
    first = None
    for i in range(start, min(len(lines), start + 15)):
        if kinds[i] is None and _LABEL_RE.match(lines[i].text.strip()) and len(lines[i].text) < 200:
            first = i
            break
    if first is None:
        return {}
    out: dict[int, list[Region]] = {}
    # an image caption between the title and the first label belongs to the infobox (not
    # the lead before a box copied from a page, whose rows hold a tab: "Born<TAB>…")
    tabbed = _tab_field(_strip_trailing_comment(lines[first].text)) is not None
    for j in range(start, start if tabbed else first):
        if not lines[j].blank and kinds[j] is None:
            s, e = _trimmed(lines[j])
            out[j] = [Region("caption", s, e)]
    i = first
    label = None
    side = 1
    group_kind: str | None = None
    casualties = False
    bare = False  # the label stood alone on its line: its value is on the next
    n = len(lines)
    while i < n:
        ln = lines[i]
        text = _strip_trailing_comment(ln.text).strip()
        if ln.blank:
            i += 1
            continue
        if kinds[i] is not None:
            break
        m = _LABEL_RE.match(text)
        s, e = _trimmed(ln)
        if tabbed and (field := _tab_field(text)) is not None:
            label = " ".join((field.group(1) or field.group(2)).split())
            out[i] = [Region("infobox_field", s, e, label=label)]
            i += 1
            continue
        if m and len(text) < 200:
            label = m.group()
            value_start = ln.start + (len(ln.text) - len(ln.text.lstrip())) + m.end()
            while value_start < e and text[value_start - s] == " ":
                value_start += 1
            regs = [Region("infobox_field", s, e, label=label)]
            out[i] = regs
            bare = text == label
            if label == "Casualties and losses":
                casualties, side, group_kind = True, 1, "Casualties"
            i += 1
            continue
        if bare and " ".join(text.split()) in _ROW_LABELS:
            label = " ".join(text.split())  # "Alma mater": the field above has ended
            out[i] = [Region("infobox_field", s, e, label=label)]
            i += 1
            continue
        if len(text) > 60 and not casualties:
            # a long line continues a free-text field (a result explained); anything else is prose
            if label not in _CONTINUED_FIELDS or len(text) > 400:
                break
            out[i] = [Region("infobox_field", s, e, label=label)]
            i += 1
            continue
        if len(text) > 60 or (
            text.endswith((".", "!", "?"))
            and not casualties
            and not _ABBREVIATION_END_RE.search(text)
        ):
            break  # prose, not a list of names or figures
        # short lines: lists of names, strengths, casualties
        nums = list(re.finditer(r"\d[\d,.]*", text))
        if not casualties and nums and re.fullmatch(r"[\d,.\s]+", text):
            regs = []
            for k, num in enumerate(nums, start=1):
                regs.append(
                    Region(
                        "infobox_field",
                        ln.start + (len(ln.text) - len(ln.text.lstrip())) + num.start(),
                        ln.start + (len(ln.text) - len(ln.text.lstrip())) + num.end(),
                        label=f"Strength {k}",
                    )
                )
            out[i] = regs
            side = 1
            i += 1
            continue
        if _navbox_at(lines, i):
            break  # "v / t / e": a navigation box follows the infobox
        if bare and not casualties and label not in _LIST_FIELDS:
            out[i] = [Region("infobox_field", s, e, label=label)]  # "Location" / "France, …"
            i += 1
            continue
        kind = "Belligerents" if label == "Belligerents" and not casualties else "Commanders"
        if group_kind not in (kind, "Casualties"):
            group_kind, side = kind, 1
        out[i] = [Region("infobox_field", s, e, label=f"{group_kind} {side}")]
        if not text.endswith(","):
            side += 1
        i += 1
        if casualties and side > 2:
            break
    return out


def _navbox_at(lines: list[_Line], i: int) -> bool:
    """Whether lines ``i``… read "v", "t", "e" (a navigation box's view/talk/edit links)."""
    words = [ln.text.strip() for ln in lines[i : i + 8] if not ln.blank][:3]
    return words == ["v", "t", "e"]


def _table_at(lines: list[_Line], i: int) -> int | None:
    """If a header line at ``i`` is followed by >=2 numeric rows, return the index after the last row."""
    header = lines[i].text.strip()
    if not header or len(header) > 200 or re.search(r"\d", header) or len(header.split()) < 3:
        return None
    j = i + 1
    while (
        j < len(lines)
        and not lines[j].blank
        and _row_tail(_strip_trailing_comment(lines[j].text)) is not None
    ):
        j += 1
    return j if j - i - 1 >= 2 else None


def _split_header(header: str, ncols: int) -> list[str]:
    """Split a flattened header into ``ncols`` column names (a row-label header first).

    Column names start with a capital letter; adjacent one-word capitalised names
    are merged until the count fits ("Military Personnel").
    """
    parts: list[list[str]] = []
    for w in header.split():
        if w[:1].isupper() or not parts:
            parts.append([w])
        else:
            parts[-1].append(w)
    while len(parts) > ncols:
        for k in range(1, len(parts) - 1):
            if len(parts[k]) == 1 and len(parts[k + 1]) == 1:
                parts[k : k + 2] = [parts[k] + parts[k + 1]]
                break
        else:
            break
    names = [" ".join(p) for p in parts]
    if len(names) != ncols:
        return [""] * ncols
    return names


def _table_regions(lines: list[_Line], h: int, end: int) -> list[Region]:
    s, e = _trimmed(lines[h])
    regions = [Region("table", s, lines[end - 1].end)]
    bodies = {k: _strip_trailing_comment(lines[k].text) for k in range(h + 1, end)}
    ncells = max(
        len(_CELL_RE.findall(bodies[k], _row_tail(bodies[k]) or 0)) for k in range(h + 1, end)
    )
    headers = _split_header(lines[h].text.strip(), ncells + 1)
    regions.append(Region("table_row", s, e, label="header"))
    for k in range(h + 1, end):
        ln = lines[k]
        tail = _row_tail(bodies[k]) or 0
        rs, re_ = _trimmed(ln)
        row_label = ln.text[:tail].strip()
        regions.append(Region("table_row", rs, re_, label=row_label))
        cells = list(_CELL_RE.finditer(bodies[k], tail))
        offset = ncells - len(cells) + 1
        for c, cell in enumerate(cells):
            header = headers[c + offset] if c + offset < len(headers) else ""
            regions.append(
                Region("table_cell", ln.start + cell.start(), ln.start + cell.end(), label=header)
            )
    return regions
