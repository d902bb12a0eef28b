"""Quantity extraction."""

from __future__ import annotations

from klint.claims import QuantityClaim
from klint.document import Document
from klint.packs import Packs


def extract_quantities(doc: Document, packs: Packs) -> list[QuantityClaim]:
    return []
