"""Claim extraction: a Document in, typed Claims out.

Each extractor is a function ``(doc, packs) -> list[Claim]`` over the document's
content regions; they do not depend on one another. Frames (:mod:`klint.extract.frames`)
are read last, from the claims and the file, when first asked for.
"""

from __future__ import annotations

from klint.claims import Claims
from klint.document import Document
from klint.packs import Packs


def extract(doc: Document, packs: Packs, languages: tuple[str, ...] = ()) -> Claims:
    """Run every extractor over ``doc``; ``languages`` adds dates in those languages.

    Extractors read ``doc.text``; for a marked-up source (Markdown, wikitext,
    HTML) they read the reader's view instead, markup removed (code, URLs and
    comments yield no claims), and the claims' offsets are moved back onto the
    file, so positions point at what the user wrote.
    """
    from klint.extract import dates, frames, names, quantities, references

    original = doc
    compacted = None
    if doc.masked is not None:
        from klint.extract._compact import Compacted

        compacted = Compacted(doc)
        doc = compacted.doc
    claims = Claims(
        dates=dates.extract_dates(doc, packs, languages),
        quantities=quantities.extract_quantities(doc, packs),
        mentions=names.extract_mentions(doc, packs),
        acronyms=names.extract_acronyms(doc, packs),
        references=references.extract_references(doc, packs),
    )
    if compacted is not None:
        claims = compacted.restore(claims)
    claims.frames = frames.Frames(original, claims)
    return claims
