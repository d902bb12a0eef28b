"""Names, acronyms and references."""

from __future__ import annotations

from klint.claims import Acronym, Mention, Reference
from klint.document import Document
from klint.packs import Packs


def extract_mentions(doc: Document, packs: Packs) -> list[Mention]:
    return []


def extract_acronyms(doc: Document, packs: Packs) -> list[Acronym]:
    return []


def extract_references(doc: Document, packs: Packs) -> list[Reference]:
    return []
