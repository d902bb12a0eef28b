"""Claim extraction: a Document in, typed Claims out.

Each extractor is a function ``(doc, packs) -> list[Claim]`` over the document's
content regions; they do not depend on one another. Frames (:mod:`klint.extract.frames`)
are read last, from the claims and the file, when first asked for.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from klint.claims import Claim, Claims, Frame
from klint.document import Document
from klint.extract import dates, names, quantities, references
from klint.extract._compact import Compacted
from klint.packs import Packs
from klint.text.words import GrammarWords, grammar_words


def extract(doc: Document, packs: Packs, languages: tuple[str, ...] = ()) -> Claims:
    """Run every extractor over ``doc``; ``languages`` adds dates in those languages.

    Extractors read ``doc.text``; for a marked-up source (Markdown, wikitext,
    HTML) they read the reader's view instead, markup removed (code, URLs and
    comments yield no claims), and the claims' offsets are moved back onto the
    file, so positions point at what the user wrote.
    """
    original = doc
    compacted = None
    if doc.masked is not None and doc.format != "text":  # plain text has no markup gaps
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
    claims.frames = Frames(original, claims, grammar_words(packs))
    return claims


class Frames(Mapping[Claim, Frame]):
    """The frames of one document's claims, read on first use (a rule or ``klint extract``
    that asks); a run whose rules never ask pays nothing for them, not even the import of
    :mod:`klint.extract.frames` and its patterns."""

    __slots__ = ("_doc", "_claims", "_grammar", "_frames")

    def __init__(self, doc: Document, claims: Claims, grammar: GrammarWords) -> None:
        self._doc = doc
        self._claims = claims
        self._grammar = grammar  # the packs' function words the frame reader needs
        self._frames: dict[Claim, Frame] | None = None

    def _all(self) -> dict[Claim, Frame]:
        if self._frames is None:
            from klint.extract.frames import frame_claims

            self._frames = frame_claims(self._doc, self._claims, self._grammar)
        return self._frames

    def __getitem__(self, claim: Claim) -> Frame:
        return self._all()[claim]

    def __iter__(self) -> Iterator[Claim]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())
