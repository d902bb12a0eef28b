"""MediaWiki XML dumps: the articles of a wiki, streamed one page at a time.

``klint check enwiki-…-pages-articles.xml.bz2`` reads the dump with ``mwxml`` (the
dump schema), compressed or not, without ever holding the whole file: main-namespace
pages only, redirects skipped, the newest revision's wikitext of each. A page is
checked as the wikitext file ``DUMP#Title`` would be, so a finding's line is the line
inside the page's wikitext.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, cast

from klint import lazyre

#: what names a dump on the command line
SUFFIXES = (".xml", ".xml.bz2", ".xml.gz")
#: between a dump's path and a page title in a finding's path
SEPARATOR = "#"


class DumpError(Exception):
    """A dump that cannot be read on (broken XML, a bad archive); says where."""


@dataclass(slots=True, frozen=True)
class Page:
    """One article of a dump: its title and wikitext."""

    title: str
    text: str


def is_dump(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def page_path(dump: str, title: str) -> str:
    """The path a page's findings carry: ``DUMP#Title``."""
    return f"{dump}{SEPARATOR}{title}"


def _open(path: str) -> IO[bytes]:
    lower = path.lower()
    if lower.endswith(".bz2"):
        import bz2  # each imported only for its kind of dump

        return bz2.open(path, "rb")
    if lower.endswith(".gz"):
        import gzip

        return cast("IO[bytes]", gzip.open(path, "rb"))
    return open(path, "rb")


#: a redirect's wikitext, for exports that leave out the ``<redirect>`` element
_REDIRECT = lazyre.compile(r"\s*#REDIRECT\s*\[\[", re.IGNORECASE)


def iter_pages(path: str) -> Iterator[Page]:
    """The dump's main-namespace articles in file order (redirects and empty pages skipped).

    Raises :class:`DumpError` where the dump stops being readable; the pages before it
    have been yielded by then.
    """
    import xml.etree.ElementTree as ET

    import mwxml

    try:
        with _open(path) as fh:
            for page in mwxml.Dump.from_file(fh):
                text = None
                for revision in page:  # pages-articles holds one; a history dump, the newest last
                    text = revision.text
                if page.namespace != 0 or page.redirect or not text or _REDIRECT.match(text):
                    continue
                yield Page(page.title, text)
    except ET.ParseError as exc:
        line, column = _position(exc)
        raise DumpError(f"broken XML at line {line}, column {column + 1}: {_reason(exc)}") from None
    except (OSError, EOFError, ValueError) as exc:
        raise DumpError(f"cannot read the dump: {exc}") from None
    except Exception as exc:  # mwxml's own errors (MalformedXML, a missing element)
        why = str(exc).strip() or "its elements are not the MediaWiki export schema"
        raise DumpError(f"not a MediaWiki XML dump: {why}") from None


def _position(exc: Exception) -> tuple[int, int]:
    """(line, 0-based column) of a parse error; mwxml re-raises some without ``position``."""
    position = getattr(exc, "position", None)
    if position is not None:
        return position[0], position[1]
    m = re.search(r"line (\d+), column (\d+)", str(exc))
    return (int(m.group(1)), int(m.group(2))) if m else (1, 0)


def _reason(exc: Exception) -> str:
    """The parser's words without its position: "mismatched tag", "no element found"."""
    return str(exc).split(":")[0]
