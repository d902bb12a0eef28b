"""The claims file (``<article>.klint.yaml`` or Markdown front matter) and article-type schemas."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from klint.claimsfile.loader import (
    Problem,
    Sidecar,
    front_matter_text,
    load_file,
    parse,
    sidecar_path,
)
from klint.claimsfile.models import ClaimsFile

if TYPE_CHECKING:
    from klint.document import Document


_CLAIM_KEY_RE = re.compile(
    r"^(?:klint|subject|entities|facts|events|constraints)[ \t]*:", re.MULTILINE
)


def load_for(doc: Document) -> Sidecar | None:
    """The claims file that serves ``doc``: the file beside it, else its front matter; None if neither."""
    path = sidecar_path(doc.path)
    try:
        exists = path is not None and path.is_file()
    except OSError:
        exists = False
    if exists:
        return load_file(path)  # type: ignore[arg-type]
    fm = (
        front_matter_text(doc.text)
        if doc.front_matter is not None or doc.format == "markdown"
        else None
    )
    if fm is not None and _CLAIM_KEY_RE.search(
        fm[0]
    ):  # front matter without claims belongs to other tools
        return parse(fm[0], doc.path, fm[1], front_matter=True)
    return None


def json_schema() -> dict:
    """The JSON Schema of the claims file, as checked in at ``schema/claims.schema.json``."""
    schema = ClaimsFile.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


__all__ = [
    "ClaimsFile",
    "Problem",
    "Sidecar",
    "json_schema",
    "load_file",
    "load_for",
    "parse",
    "sidecar_path",
]
