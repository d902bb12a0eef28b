"""``klint report``: one self-contained HTML file a person reads.

Per article: a timeline of every dated claim (inline SVG; claims a finding
points at are marked), the numbers grouped by what they count and by side,
and every finding beside the highlighted text of both places. A corpus
summary opens the page. The page loads nothing and runs no script: a Jinja2
template with autoescaping writes every piece of article text, and a
Content-Security-Policy forbids scripts and fetches as a second line of defence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from klint.claims import Claims, DateClaim, QuantityClaim
from klint.diagnostics import Diagnostic
from klint.document import Document

CONTEXT = 140  # characters of text shown on each side of a highlighted span
PLOT_W, PLOT_H, MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 900, 260, 50, 20, 12, 28


@dataclass
class Article:
    """What the report shows for one file."""

    path: str
    doc: Document | None
    claims: Claims = field(default_factory=Claims)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    sides: dict[int, str] = field(default_factory=dict)  # infobox side number -> its name


def collect(files: list[tuple[str, Any]], fmt: str | None = None) -> list[Article]:
    """Read, extract and check each ``(path, config)``; unreadable files become an error entry."""
    from klint.engine import check_document, load_claims_file
    from klint.extract import extract
    from klint.packs import load_packs
    from klint.sources import SourceError, read_path
    from klint.sources.dump import DumpError, is_dump

    def article(doc: Document, cfg: Any) -> Article:
        packs = load_packs(cfg.rule_packs)
        return Article(
            doc.path,
            doc,
            extract(doc, packs, cfg.languages),
            check_document(doc, cfg, packs).diagnostics,
            sides=side_names(doc, load_claims_file(doc)),
        )

    out: list[Article] = []
    for path, cfg in files:
        try:
            if is_dump(path):  # a wiki dump: each page an article (DUMP#Title)
                out.extend(article(doc, cfg) for doc in _pages(path))
            else:
                out.append(article(read_path(path, fmt), cfg))
        except (SourceError, DumpError) as exc:
            out.append(Article(path, None, error=str(exc)))
        except Exception as exc:  # one broken file must not lose the whole report
            out.append(Article(path, None, error=f"internal error: {type(exc).__name__}: {exc}"))
    return out


def _pages(dump: str) -> Iterator[Document]:
    from klint.sources import read_text
    from klint.sources.dump import iter_pages, page_path

    for page in iter_pages(dump):
        yield read_text(page.text, page_path(dump, page.title), "wikitext")


_SIDE_FIELD = re.compile(
    r"^(Belligerents?|Combatants?|Sides?|Part(?:y|ies)|Commanders?)\s*([0-9])$", re.IGNORECASE
)


def side_names(doc: Document, sidecar: Any = None) -> dict[int, str]:
    """Names of the infobox's sides (``Strength 1`` belongs to side 1): its belligerents or
    combatants field; else the claims file's entity for a side's infobox figure; else the
    first commander ("led by …")."""
    fields: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in doc.regions_of("infobox_field"):
        m = _SIDE_FIELD.match((r.label or "").strip())
        if not m:
            continue
        text = " ".join(doc.view[r.start : r.end].split())
        text = text.removeprefix(r.label or "").strip(" ,;:")
        if text:
            kind = "lead" if m.group(1).lower().startswith("commander") else "side"
            fields[kind][int(m.group(2))].append(text)
    names = {n: _names(parts) for n, parts in fields["side"].items()}
    model = getattr(sidecar, "model", None)
    if model is not None:
        entities = {e.id: e.name for e in model.entities}
        for fact in model.facts:
            m = re.search(r"\s([0-9])$", fact.field or "")
            if m and fact.side in entities:
                names.setdefault(int(m.group(1)), entities[fact.side])
    for n, parts in fields["lead"].items():
        names.setdefault(n, f"side {n} (led by {parts[0]})")
    return names


def _names(parts: list[str], most: int = 3) -> str:
    return ", ".join(parts[:most]) + (" …" if len(parts) > most else "")


def _excerpt(doc: Document, start: int, end: int) -> dict[str, str]:
    """The text around ``[start, end)`` within its line(s), cut at word boundaries."""
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max(line_start, start - CONTEXT)
    right = min(line_end, max(end, start) + CONTEXT)
    if left > line_start:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < line_end:
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    return {
        "lead": ("… " if left > line_start else "") + text[left:start],
        "mark": text[start:end] or " ",
        "tail": text[end:right] + (" …" if right < line_end else ""),
    }


def _touches(claim_start: int, claim_end: int, d: Diagnostic) -> bool:
    spans = [(d.start, d.end)] + [(r.start, r.end) for r in d.related if r.path in (None, d.path)]
    return any(s < claim_end and claim_start < max(e, s + 1) for s, e in spans)


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    """Axis ticks for ``[lo, hi]`` at the scale of its span: days for a battle, months for a
    campaign, years (1, 2, 5, 10, …) for a war or a life; at most about a dozen."""
    days = (hi - lo).days
    if days <= 60:
        step = next(n for n in (1, 2, 5, 7, 14) if days / n <= 12)
        out: list[tuple[date, str]] = []
        day = lo
        while day <= hi:
            label = f"{day.day} {MONTHS[day.month - 1]}"
            out.append(
                (day, label + (f" {day.year}" if not out or day.month == 1 == day.day else ""))
            )
            day = date.fromordinal(day.toordinal() + step)
        return out
    if days <= 3 * 366:
        step = next(n for n in (1, 2, 3, 6) if days / 30.4 / n <= 12)
        out, (y, m) = [], (lo.year, lo.month + (lo.day > 1))
        while True:
            y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
            if date(y, m, 1) > hi:
                return out
            if (m - 1) % step == 0:
                label = MONTHS[m - 1] + (f" {y}" if not out or m == 1 else "")
                out.append((date(y, m, 1), label))
            m += 1
    span = max(1, hi.year - lo.year + 1)
    step = next((n for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if span / n <= 12), 1000)
    first = -(-lo.year // step) * step
    return [(date(y, 1, 1), str(y)) for y in range(first, hi.year + 1, step)]


def _focus(dates: list[DateClaim]) -> tuple[date, date]:
    """The plotted span: around the middle 90% of the claims, so one far-off date ("in 1813")
    does not squeeze the rest into a sliver; whole years for long spans, a little padding for
    short ones (a battle of three days is plotted over its days)."""
    mids = sorted(c.earliest + (c.latest - c.earliest) / 2 for c in dates)
    lo, hi = mids[len(mids) // 20], mids[-1 - len(mids) // 20]
    first, last = min(c.earliest for c in dates), max(c.latest for c in dates)
    if (hi - lo).days > 2 * 365:
        pad = max(1, (hi.year - lo.year) // 10)
        lo_year = max(first.year, lo.year - pad)
        hi_year = min(last.year, hi.year + pad)
        return date(max(1, lo_year), 1, 1), date(hi_year, 12, 31)
    lo, hi = max(first, min(lo, hi)), min(last, max(lo, hi))  # the claims' own extent
    pad = max(1, (hi - lo).days // 20)
    return (
        date.fromordinal(max(1, lo.toordinal() - pad)),
        date.fromordinal(hi.toordinal() + pad),
    )


def timeline(article: Article, anchors: dict[int, str]) -> dict[str, Any] | None:
    """Coordinates of the SVG timeline: x is the date, y the place in the article."""
    doc, dates = article.doc, list(article.claims.dates)
    if doc is None or not dates:
        return None
    lo, hi = _focus(dates)
    days = max(1, (hi - lo).days)
    inner_w, inner_h = PLOT_W - MARGIN_L - MARGIN_R, PLOT_H - MARGIN_T - MARGIN_B
    total = max(1, len(doc.text))

    def x(day: date) -> float:
        day = min(max(day, lo), hi)
        return round(MARGIN_L + inner_w * (day - lo).days / days, 1)

    marks, clipped = [], 0
    for c in dates:
        hits = [i for i, d in enumerate(article.diagnostics) if _touches(c.start, c.end, d)]
        line, _ = doc.position(c.start)
        outside = c.latest < lo or c.earliest > hi
        clipped += outside
        x1, x2 = x(c.earliest), x(c.latest)
        marks.append(
            {
                "x": x1 if c.latest >= lo else x1 - 3,
                "w": max(3.0, round(x2 - x1, 1)),
                "y": round(MARGIN_T + inner_h * c.start / total, 1),
                "flagged": bool(hits),
                "inferred": c.year_inferred,
                "outside": outside,
                "href": f"#{anchors[hits[0]] if hits else anchors[-1]}",
                "title": f"line {line}: {c.text} ({_when(c)})"
                + (f" — {len(hits)} finding(s)" if hits else ""),
            }
        )
    ticks = [{"x": x(day), "label": label} for day, label in _ticks(lo, hi) if lo <= day <= hi]
    return {
        "width": PLOT_W,
        "height": PLOT_H,
        "marks": marks,
        "ticks": ticks,
        "top": MARGIN_T,
        "bottom": PLOT_H - MARGIN_B,
        "left": MARGIN_L,
        "right": PLOT_W - MARGIN_R,
        "clipped": clipped,
        "span": f"{lo.isoformat()} – {hi.isoformat()}"
        if (hi - lo).days <= 2 * 366
        else f"{lo.year}–{hi.year}",
    }


def _when(c: DateClaim) -> str:
    if c.earliest == c.latest:
        return c.earliest.isoformat()
    return f"{c.earliest.isoformat()} – {c.latest.isoformat()}, {c.precision}"


def _value(q: QuantityClaim) -> str:
    def fmt(v: float | None) -> str:
        return "?" if v is None else (f"{v:,.0f}" if float(v).is_integer() else f"{v:,}")

    if q.low is None and q.high is None:
        return "vague"
    value = fmt(q.low) if q.low == q.high else f"{fmt(q.low)}–{fmt(q.high)}"
    value += {"percent": "%", "fraction": " (a fraction)"}.get(q.unit, "")
    return value if q.qualifier == "exact" else f"{q.qualifier} {value}"


def numbers(article: Article, anchors: dict[int, str]) -> list[dict[str, Any]]:
    """Quantities grouped by what they count, then by side or subject."""
    doc = article.doc
    if doc is None:
        return []
    groups: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for q in article.claims.quantities:
        hits = [i for i, d in enumerate(article.diagnostics) if _touches(q.start, q.end, d)]
        line, _ = doc.position(q.start)
        side = q.subject or "—"
        if q.side is not None and q.subject in (None, f"side {q.side}"):
            side = article.sides.get(q.side, f"side {q.side}")
        groups[q.counted or "(not classified)"][side].append(
            {
                "value": _value(q),
                "text": q.text,
                "line": line,
                "flagged": bool(hits),
                "href": f"#{anchors[hits[0]]}" if hits else None,
            }
        )
    return [
        {
            "counted": counted,
            "sides": [{"side": side, "entries": items} for side, items in sorted(sides.items())],
        }
        for counted, sides in sorted(groups.items(), key=lambda kv: (kv[0].startswith("("), kv[0]))
    ]


def _slug(n: int, path: str) -> str:
    """A unique HTML id for the n-th article (the number keeps "a-b.txt" and "a_b.txt" apart)."""
    return f"a{n}-" + "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in path).strip(
        "-"
    )


def findings(article: Article, anchors: dict[int, str]) -> list[dict[str, Any]]:
    from klint import rule_doc_url
    from klint.rules import get_rule

    doc = article.doc
    out = []
    for i, d in enumerate(article.diagnostics):
        rule = get_rule(d.code)
        item: dict[str, Any] = {
            "id": anchors[i],
            "code": d.code,
            "rule": d.rule,
            "explanation": rule.summary if rule else "",
            "why": _section(rule.doc(), "Why is this bad?") if rule else "",
            "url": rule_doc_url(d.code),
            "severity": d.severity.value,
            "message": d.message,
            "line": d.line,
            "column": d.column,
            "here": None,
            "related": [],
        }
        if doc is not None and d.end >= d.start and d.line > 0:
            item["here"] = _excerpt(doc, d.start, d.end)
        for r in d.related:
            same = r.path in (None, d.path)
            item["related"].append(
                {
                    "message": r.message,
                    "path": r.path or d.path,
                    "line": r.line,
                    "column": r.column,
                    "text": _excerpt(doc, r.start, r.end) if same and doc is not None else None,
                }
            )
        out.append(item)
    return out


def _section(doc: str, title: str) -> str:
    """The text of a ``## title`` section of a rule's documentation, as one paragraph."""
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", doc, re.M | re.S)
    return " ".join(m.group(1).split()) if m else ""


def context(articles: list[Article], title: str = "klint consistency report") -> dict[str, Any]:
    """Everything the template shows, as plain data."""
    from klint import __version__

    by_rule: Counter[tuple[str, str]] = Counter()
    views = []
    for n, a in enumerate(articles, start=1):
        by_rule.update((d.code, d.rule) for d in a.diagnostics)
        slug = _slug(n, a.path)
        anchors = {i: f"{slug}-f{i + 1}" for i in range(len(a.diagnostics))} | {-1: slug}
        views.append(
            {
                "path": a.path,
                "slug": slug,
                "error": a.error,
                "counts": {
                    "dates": len(a.claims.dates),
                    "quantities": len(a.claims.quantities),
                    "mentions": len(a.claims.mentions),
                    "references": len(a.claims.references),
                },
                "timeline": timeline(a, anchors),
                "numbers": numbers(a, anchors),
                "findings": findings(a, anchors),
                "severities": Counter(d.severity.value for d in a.diagnostics),
            }
        )
    return {
        "title": title,
        "version": __version__,
        "articles": views,
        "total": sum(len(a.diagnostics) for a in articles),
        "by_rule": [
            {"code": c, "rule": r, "count": n}
            for (c, r), n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "dated": sum(len(a.claims.dates) for a in articles),
        "quantities": sum(len(a.claims.quantities) for a in articles),
    }


def render(articles: list[Article], title: str = "klint consistency report") -> str:
    """The report as one HTML document."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(Path(__file__).with_name("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2").render(**context(articles, title))


def write(path: str | Path, text: str) -> None:
    """Write a report atomically (:func:`klint.fsutil.atomic_write`)."""
    from klint.fsutil import atomic_write

    atomic_write(path, text)
