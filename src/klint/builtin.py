"""klint's own YAML data (the built-in rule packs, the article-type schemas), read through
``builtin.json``, an image of the same data that ``scripts/builtin_image.py`` writes.

Every run reads these files. Through PyYAML they cost a cold run a tenth of its time:
importing it compiles a large pattern, and its constructor is Python even over libyaml;
``json`` reads the whole image in under a millisecond. A file's image is used only while it
records the SHA-256 of the file's bytes as they are, so a file edited since is parsed from
its YAML (and ``tests/test_builtin_image.py`` fails until the image is written again).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Literal

IMAGE = Path(__file__).with_name("builtin.json")

Kind = Literal["packs", "schemas"]


def image(kind: Kind) -> dict[str, dict[str, Any]]:
    """The image's entries of one kind, by file name: ``{"sha256": …, "data": …}`` (parsed
    afresh each call: callers may keep and change what they are given)."""
    try:
        found = json.loads(IMAGE.read_bytes())
    except (OSError, ValueError):
        return {}
    entries = found.get(kind) if isinstance(found, dict) else None
    return entries if isinstance(entries, dict) else {}


def entry(raw: bytes, data: Any) -> dict[str, Any]:
    """The image of one file: its bytes' SHA-256 and its data."""
    return {"sha256": hashlib.sha256(raw).hexdigest(), "data": data}


def imaged(entries: dict[str, dict[str, Any]], name: str, raw: bytes) -> tuple[bool, Any]:
    """``(True, data)`` when ``entries`` hold the file ``name`` with exactly these bytes,
    else ``(False, None)``."""
    found = entries.get(name)
    if isinstance(found, dict) and found.get("sha256") == hashlib.sha256(raw).hexdigest():
        return True, found.get("data")
    return False, None
