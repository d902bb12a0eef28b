"""The claims file (``<article>.klint.yaml`` or Markdown front matter).

This package module only finds a claims file; reading and validating one (and
with it pydantic) is imported when an article has one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from klint import lazyre

if TYPE_CHECKING:
    from klint.claimsfile.loader import Sidecar
    from klint.document import Document

SUFFIX = ".klint.yaml"

_CLAIM_KEY_RE = lazyre.compile(
    r"^(?:klint|subject|entities|facts|events|constraints)[ \t]*:", re.MULTILINE
)


def sidecar_path(article: str) -> Path | None:
    """``<dir>/<stem>.klint.yaml`` for an article path (None for stdin or text without a path)."""
    if not article or article.startswith("<"):
        return None
    p = Path(article)
    return p.with_name(p.stem + SUFFIX) if p.suffix else p.with_name(p.name + SUFFIX)


def has_sidecar(article: str) -> bool:
    """Whether the file :func:`sidecar_path` names exists. Every document asks, so ``os.path``
    answers (a tenth of pathlib's cost) unless the name needs pathlib's reading ("a/b/", "..")."""
    if not article or article.startswith("<"):
        return False
    head, name = os.path.split(article)
    if name in ("", ".", ".."):
        path = sidecar_path(article)
        try:
            return path is not None and path.is_file()
        except OSError:
            return False
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name
    return os.path.isfile(os.path.join(head, stem + SUFFIX))


def front_matter_text(text: str) -> tuple[str, int] | None:
    """The YAML between a leading ``---`` line and the closing ``---``/``...``, and its line offset."""
    if not text.startswith("---"):
        return None
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "".join(lines[1:i]), 1
    return None


def load_for(doc: Document) -> Sidecar | None:
    """The claims file that serves ``doc``: the file beside it, else its front matter; None if neither."""
    path = sidecar_path(doc.path) if has_sidecar(doc.path) else None
    if path is not None:
        from klint.claimsfile.loader import load_file

        return load_file(path)
    fm = (
        front_matter_text(doc.text)
        if doc.front_matter is not None or doc.format == "markdown"
        else None
    )
    if fm is not None and _CLAIM_KEY_RE.search(
        fm[0]
    ):  # front matter without claims belongs to other tools
        from klint.claimsfile.loader import parse

        return parse(fm[0], doc.path, fm[1], front_matter=True)
    return None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the claims file, as checked in at ``schema/claims.schema.json``."""
    from klint.claimsfile.models import ClaimsFile

    schema = ClaimsFile.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


__all__ = [
    "SUFFIX",
    "front_matter_text",
    "has_sidecar",
    "json_schema",
    "load_for",
    "sidecar_path",
]
