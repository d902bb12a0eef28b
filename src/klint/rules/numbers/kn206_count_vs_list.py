"""KN206 count-vs-list.

A count word against the number of items listed, or a vote split against a body's size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import fmt, line_of, paragraphs, sentence_text, stated

_ITEM = r"(?:[A-Z][\w'’.-]*(?:\s+(?:of|de|du|la|le|the|and)\s+[A-Z][\w'’.-]*|\s+[A-Z][\w'’.-]*){0,3}|[0-9]+)"
_LIST_RE = re.compile(
    rf"(?P<of>\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}})?\s*(?P<open>[:,(])\s*"
    rf"(?P<items>{_ITEM}(?:\s*,\s*{_ITEM}){{0,12}}\s*,?\s+(?:and|&)\s+{_ITEM})(?P<close>\s*[.,;)]|\s*$)"
)


class CountVsList(Rule):
    """## What it does
    Reports a count word that disagrees with the items it introduces ("two resolutions
    (874, 884 and 885)"), and a vote split larger than the body that voted ("a
    seven-member committee ... voted 5-3").

    ## Why is this bad?
    The count and the list cannot both be right; an item was added or dropped.

    ## Example
        Two ships (Alba, Brenna and Corra) were lost in the storm.

    ## Use instead
        Three ships (Alba, Brenna and Corra) were lost in the storm.
    """

    code = "KN206"
    name = "count-vs-list"
    severity = Severity.ERROR
    summary = (
        "a count word against the number of items listed, or a vote split against a body's size"
    )

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        num = ctx.packs.numbers
        list_nouns = set(num.list_nouns)
        view = ctx.doc.view
        for para in paragraphs(ctx):
            for i, q in enumerate(para):
                if q.low is None or q.qualifier != "exact" or q.unit != "count" or not q.counted:
                    continue
                if q.counted == "members" and q.subject:
                    yield from self._split(ctx, q, para[i + 1 :])
                    continue
                head = q.counted.split()[-1]
                if (
                    head not in list_nouns
                    or not (2 <= q.low <= 12)
                    or not float(q.low).is_integer()
                ):
                    continue
                m = _LIST_RE.match(view, q.end, min(len(view), q.end + 300))
                if not m or (m.group("open") == "(") != (m.group("close").strip() == ")"):
                    continue
                items = [
                    x
                    for x in re.split(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", m.group("items"))
                    if x
                ]
                if m.group("of") and m.group("open") == "," and len(items) + 1 == int(q.low):
                    continue  # "the three kingdoms of England, Scotland and Ireland"
                if len(items) != int(q.low):
                    yield self.diagnostic(
                        q.start,
                        m.end("items"),
                        f"{stated(q)} introduces {len(items)} items: {', '.join(items)}",
                        related=[(m.start("items"), m.end("items"), f"{len(items)} items listed")],
                    )

    def _split(
        self, ctx: Context, body: QuantityClaim, after: list[QuantityClaim]
    ) -> Iterator[Diagnostic]:
        sentences = {body.sentence_start}
        for q in after:
            if q.sentence_start not in sentences:
                if len(sentences) >= 3:
                    return
                sentences.add(q.sentence_start)
            said = sentence_text(ctx, q).lower()
            if not (
                body.subject.lower() in said
                or re.search(r"\b(?:it|they)\s+(?:then\s+)?voted\b", said)
            ):
                continue  # another body's vote
            if q.split and sum(q.split) > body.low:
                yield self.diagnostic(
                    q.start,
                    q.end,
                    f"vote {stated(q)} counts {sum(q.split)} votes, but the {body.subject} has "
                    f"{fmt(body.low)} members (line {line_of(ctx, body.start)})",
                    related=[(body.start, body.end, f"the {body.subject}'s size")],
                )
                return
