"""``klint extract FILE --sidecar``: a starter claims file from what the extractor found.

Every fact and event gets an id, a value and a verbatim quote; the editor keeps
the ones that matter, renames ids, fills in ``side`` and adds constraints.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import yaml

from klint import REPOSITORY, __version__
from klint.articletypes import detect
from klint.claims import QuantityQualifier

if TYPE_CHECKING:
    from klint.claims import Claims, DateClaim, QuantityClaim
    from klint.document import Document

_QUALIFIERS = set(get_args(QuantityQualifier)) - {"range", "vague"}
MAX_ITEMS = 200


def _quote(doc: Document, start: int, end: int, width: int = 90) -> str:
    """A single-line window of whole words around ``[start, end)`` inside its region.

    Taken from the view, where markup (``**``, ``[label](url)``, ``''``, tags) is blanked, so the
    quote reads as the article does and is found again on the next run.
    """
    region = doc.region_at(
        start, "paragraph", "infobox_field", "list_item", "caption", "table_row", "quote"
    )
    lo, hi = (
        (region.start, region.end)
        if region
        else (max(0, start - width), min(len(doc.view), end + width))
    )
    line_lo = doc.view.rfind("\n", lo, start) + 1 or lo
    line_hi = doc.view.find("\n", end, hi)
    lo, hi = max(lo, line_lo), (hi if line_hi < 0 else line_hi)
    # stay inside the sentence: cut at ". X" boundaries around the claim
    cuts = [
        m.end() for m in re.finditer(r"[.!?][\"”’)]?\s+(?=[A-Z\"“(])", doc.view[lo : start + 1])
    ]
    lo = lo + cuts[-1] if cuts else lo
    m = re.search(r"[.!?][\"”’)]?\s+(?=[A-Z\"“(])", doc.view[end:hi])
    hi = end + m.start() if m else hi
    left = max(lo, start - width // 2)
    right = min(hi, end + width // 2)
    if left > lo:
        m = re.search(r"\s", doc.view[left:start])
        left = left + m.end() if m else start
    if right < hi:
        m = re.search(r"\s\S*$", doc.view[end:right])
        right = end + m.start() if m else end
    return " ".join(doc.view[left:right].split()).strip(" ,;")


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]
    return slug if slug[:1].isalpha() else f"n-{slug}".rstrip("-")


def _iso(d: DateClaim) -> str | None:
    if d.precision == "day":
        return d.earliest.isoformat()
    if d.precision in ("month", "season"):
        return d.earliest.strftime("%Y-%m")
    if d.precision == "year":
        return str(d.earliest.year)
    return None


def _unique(base: str, used: set[str]) -> str:
    ident, n = base, 2
    while ident in used:
        ident, n = f"{base}-{n}", n + 1
    used.add(ident)
    return ident


def _fact(doc: Document, q: QuantityClaim, used: set[str]) -> dict[str, Any] | None:
    if q.low is None or q.high is None or q.unit not in ("count", "people"):
        return None
    region = doc.region_at(q.start, "infobox_field")
    out: dict[str, Any] = {"id": _unique(_slug(q.counted or "number"), used)}
    if q.low == q.high:
        out["value"] = int(q.low) if q.low == int(q.low) else q.low
    else:
        out["range"] = [int(x) if x == int(x) else x for x in (q.low, q.high)]
    if q.qualifier in _QUALIFIERS and q.qualifier != "exact":
        out["qualifier"] = q.qualifier
    if q.counted:
        out["counted"] = q.counted
    if region is not None and region.label:
        out["quote"] = " ".join(q.text.split())
        out["field"] = region.label
    else:
        out["quote"] = _quote(doc, q.start, q.end)
    return out


def starter(doc: Document, claims: Claims, schema_ref: str) -> str:
    """The text of a starter claims file for ``doc``."""
    used: set[str] = {"subject"}
    subject: dict[str, Any] = {}
    labels = [r.label for r in doc.regions_of("infobox_field") if r.label]
    found = detect(labels)
    if found:
        subject["type"] = found[0].name
    title = next(doc.regions_of("title"), None)
    if title is not None:
        subject["name"] = " ".join(doc.text[title.start : title.end].split())
    for d in claims.dates:
        region = doc.region_at(d.start, "infobox_field")
        if d.is_range and region is not None and (region.label or "").lower() == "date":
            subject["span"] = {"start": _iso_part(d, start=True), "end": _iso_part(d, start=False)}
            subject["quote"] = " ".join(doc.view[d.start : d.end].split())
            subject["field"] = region.label
            break
    facts = [f for f in (_fact(doc, q, used) for q in claims.quantities) if f][:MAX_ITEMS]
    events = []
    for d in claims.dates:
        if (
            d.precision != "day"
            or d.is_range
            or not d.valid
            or doc.region_at(d.start, "paragraph") is None
        ):
            continue
        iso = _iso(d)
        events.append(
            {"id": _unique(f"event-{iso}", used), "date": iso, "quote": _quote(doc, d.start, d.end)}
        )
        if len(events) >= MAX_ITEMS:
            break
    data: dict[str, Any] = {"version": 1}
    if subject:
        data["subject"] = subject
    data["entities"] = []
    data["facts"] = facts
    data["events"] = events
    data["constraints"] = []
    body = yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=110, default_flow_style=None
    )
    head = (
        f"# yaml-language-server: $schema={schema_ref}\n"
        f"# Starter claims file for {Path(doc.path).name}, written by `klint extract --sidecar`.\n"
        "# Keep the facts and events that matter, give them meaningful ids, set `side` (an entity id),\n"
        "# and add constraints, e.g.\n"
        "#   - {id: parts-add-up, kind: sum, total: refugees, parts: [refugees-2, refugees-3]}\n"
    )
    return head + body


def _iso_part(d: DateClaim, start: bool) -> str:
    day = d.earliest if start else d.latest
    if start and d.range_start_latest is not None:
        same = (d.range_start_latest.year, d.range_start_latest.month) == (day.year, day.month)
        return day.strftime("%Y-%m") if same and d.precision != "year" else str(day.year)
    if not start and d.range_end_earliest is not None:
        same = (d.range_end_earliest.year, d.range_end_earliest.month) == (day.year, day.month)
        return day.strftime("%Y-%m") if same and d.precision != "year" else str(day.year)
    return str(day.year) if d.precision == "year" else day.strftime("%Y-%m")


def schema_ref(target: Path) -> str:
    """The modeline's schema: the project's checked-in schema if one is above ``target``, else the
    schema published with this release (``klint schema`` prints the same)."""
    for folder in target.resolve().parents:
        candidate = folder / "schema" / "claims.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, target.resolve().parent)).as_posix()
    return f"{REPOSITORY}/raw/v{__version__}/schema/claims.schema.json"
