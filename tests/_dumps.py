"""Write small MediaWiki XML dumps (the export schema) for the tests."""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HEAD = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
  <siteinfo>
    <sitename>Test</sitename>
    <dbname>testwiki</dbname>
    <base>https://example.org/wiki/Main_Page</base>
    <generator>MediaWiki 1.41</generator>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
    </namespaces>
  </siteinfo>
"""


def page_xml(n: int, title: str, text: str, ns: int = 0, redirect: str | None = None) -> str:
    red = f"    <redirect title={quoteattr(redirect)} />\n" if redirect else ""
    return (
        f"  <page>\n    <title>{escape(title)}</title>\n    <ns>{ns}</ns>\n    <id>{n}</id>\n{red}"
        f"    <revision>\n      <id>{1000 + n}</id>\n"
        "      <timestamp>2024-01-01T00:00:00Z</timestamp>\n"
        "      <contributor><username>Editor</username><id>1</id></contributor>\n"
        "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
        f'      <text bytes="{len(text.encode())}" xml:space="preserve">{escape(text)}</text>\n'
        "    </revision>\n  </page>\n"
    )


def write_dump(path: Path, pages: list[tuple[str, str]], extra: str = "") -> Path:
    """``pages`` as (title, wikitext); compressed by the path's suffix (.bz2, .gz)."""
    body = HEAD + "".join(page_xml(i + 1, t, x) for i, (t, x) in enumerate(pages)) + extra
    data = (body + "</mediawiki>\n").encode()
    if path.suffix == ".bz2":
        data = bz2.compress(data)
    elif path.suffix == ".gz":
        data = gzip.compress(data)
    path.write_bytes(data)
    return path
