"""Source readers: turn a file's bytes into a :class:`~klint.document.Document`.

The reader is chosen by file extension (or forced with ``--format``). Each reader
keeps every region's offsets in the original text, so positions point into the
file the user edits.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from klint import lazyre
from klint.document import Document

#: format name -> (module, extensions)
READERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "text": ("klint.sources.text", (".txt", ".text")),
    "markdown": ("klint.sources.markdown", (".md", ".markdown", ".mdown")),
    "wikitext": ("klint.sources.wikitext", (".wiki", ".wikitext", ".mediawiki")),
    "html": ("klint.sources.html", (".html", ".htm")),
}

MAX_BYTES = 20 * 1024 * 1024


class SourceError(Exception):
    """A file that cannot be read as an article; the message says why."""


def format_for(path: str | Path) -> str | None:
    suffix = Path(str(path)).suffix.lower()
    for name, (_, exts) in READERS.items():
        if suffix in exts:
            return name
    return None


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    Raises SourceError for binary or undecodable input, naming the byte offset.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(f"undecodable UTF-16 at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise SourceError("binary file (contains NUL bytes); skipped")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            f"not valid UTF-8 at line {line} (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "save the file as UTF-8"
        ) from None


def read_text(text: str, path: str = "<text>", fmt: str | None = None) -> Document:
    """Parse ``text`` with the reader for ``fmt`` (or the one the path's extension picks)."""
    fmt = fmt or format_for(path) or "text"
    if fmt not in READERS:
        raise SourceError(f"unknown format {fmt!r}; choose one of {', '.join(READERS)}")
    unclosed = _unclosed_markup(text, fmt)
    if unclosed:  # the format's parser is quadratic on such input: read the layout only
        from klint.sources import text as plain

        doc = plain.read(text, path)
        doc.format = fmt
        doc.reader_warning = f"{unclosed}; read as plain text"
        return doc
    module = import_module(READERS[fmt][0])
    read: Callable[[str, str], Document] = module.read
    return read(text, path)


#: Markup openers with their closers, per format, and how many may stay unclosed.
_PAIRS = {
    "wikitext": (("{{", "}}"), ("[[", "]]"), ("<ref", "</ref"), ("<!--", "-->")),
    "html": (("<!--", "-->"),),
}
UNCLOSED_LIMIT = 200
_OPEN_TAG_RE = lazyre.compile(r"<[A-Za-z]")
_SELF_CLOSED_REF = lazyre.compile(r"<ref\b[^<>]*/>")
_BR_RE = lazyre.compile(r"<[bB][rR]")  # "<br" in any case
#: each marker counted, as a pattern: its search for a literal skips through a text of
#: characters wider than a byte faster than ``str.count`` does
_MARKERS = {
    s: re.compile(re.escape(s))
    for s in {"</", "/>", *(s for pairs in _PAIRS.values() for pair in pairs for s in pair)}
}


def _count(marker: str, text: str) -> int:
    """``text.count(marker)``."""
    return text.count(marker) if text.isascii() else len(_MARKERS[marker].findall(text))


def _unclosed_markup(text: str, fmt: str) -> str | None:
    """Describe markup left open so often that a parser would take quadratic time, else None."""
    for opener, closer in _PAIRS.get(fmt, ()):
        excess = _count(opener, text)
        if excess <= UNCLOSED_LIMIT:
            continue  # too few opened to leave that many open: the closers need no count
        excess -= _count(closer, text)
        if opener == "<ref" and excess > UNCLOSED_LIMIT:  # "<ref name=x />" closes itself
            excess -= len(_SELF_CLOSED_REF.findall(text))
        if excess > UNCLOSED_LIMIT:
            return f"{excess:,} unclosed {opener!r}"
    if fmt == "wikitext":
        excess = len(_OPEN_TAG_RE.findall(text))
        if excess <= 2 * UNCLOSED_LIMIT:
            return None
        excess -= _count("</", text) + _count("/>", text) + len(_BR_RE.findall(text))
        if excess > 2 * UNCLOSED_LIMIT:
            return f"{excess:,} unclosed tags"
    return None


def read_path(path: str | Path, fmt: str | None = None) -> Document:
    """Read and parse a file. Raises SourceError with a one-line reason."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise SourceError("not a regular file; skipped")
        if size > MAX_BYTES:
            raise SourceError(
                f"file is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit; skipped"
            )
        data = p.read_bytes()
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None
    return read_text(decode(data), str(path), fmt)
