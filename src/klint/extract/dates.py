"""Date extraction."""

from __future__ import annotations

from klint.claims import DateClaim
from klint.document import Document
from klint.packs import Packs


def extract_dates(doc: Document, packs: Packs) -> list[DateClaim]:
    return []
