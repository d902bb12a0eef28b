"""Claim extraction: a Document in, typed Claims out.

Each extractor is a function ``(doc, packs) -> list[Claim]`` over the document's
content regions; they do not depend on one another.
"""

from __future__ import annotations

from klint.claims import Claims
from klint.document import Document
from klint.packs import Packs


def extract(doc: Document, packs: Packs) -> Claims:
    """Run every extractor over ``doc``.

    Extractors read ``doc.text``; for a marked-up source they get the reader's
    masked view instead (same length, markup blanked), so spans stay offsets
    into the file and markup, code and URLs yield no claims.
    """
    from dataclasses import replace

    from klint.extract import dates, names, quantities

    if doc.masked is not None:
        doc = replace(doc, text=doc.masked, masked=None)

    return Claims(
        dates=dates.extract_dates(doc, packs),
        quantities=quantities.extract_quantities(doc, packs),
        mentions=names.extract_mentions(doc, packs),
        acronyms=names.extract_acronyms(doc, packs),
        references=names.extract_references(doc, packs),
    )
