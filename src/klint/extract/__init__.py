"""Claim extraction: a Document in, typed Claims out.

Each extractor is a function ``(doc, packs) -> list[Claim]`` over the document's
content regions; they do not depend on one another.
"""

from __future__ import annotations

from klint.claims import Claims
from klint.document import Document
from klint.packs import Packs


def extract(doc: Document, packs: Packs) -> Claims:
    """Run every extractor over ``doc``."""
    from klint.extract import dates, names, quantities

    return Claims(
        dates=dates.extract_dates(doc, packs),
        quantities=quantities.extract_quantities(doc, packs),
        mentions=names.extract_mentions(doc, packs),
        acronyms=names.extract_acronyms(doc, packs),
        references=names.extract_references(doc, packs),
    )
