"""Restoring claims from the compact text: every offset field of every claim class moved as
:meth:`Compacted.outward` moves it, whatever the order of the claims."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from klint.claims import Acronym, Claims, DateClaim, Mention, QuantityClaim, Reference
from klint.document import Document, Region
from klint.extract._compact import Compacted
from klint.sources import read_text

OFFSET = st.integers(-3, 70)


def _claims(spans: list[tuple[int, int, int | None]]) -> Claims:
    """A claim of each class on each span, ``extra`` in its other offset fields (or unset)."""
    day = date(1990, 1, 1)
    out = Claims()
    for a, b, extra in spans:
        span = {"start": a, "end": b, "text": ""}
        out.dates.append(DateClaim(**span, earliest=day, latest=day, precision="day"))
        out.quantities.append(
            QuantityClaim(**span, low=1, high=1, number_start=extra, sentence_end=extra)
        )
        out.mentions.append(Mention(**span, name="A", key="a", words=("A",)))
        out.acronyms.append(Acronym(**span, acronym="A", expansion_end=extra))
        out.references.append(Reference(**span, ref_type="pointer", sentence_start=extra))
    return out


def _in_order(claims: Claims) -> list[object]:
    """Every claim, list by list (``Claims.all`` sorts by offsets, which the move changes)."""
    return [
        *claims.dates,
        *claims.quantities,
        *claims.mentions,
        *claims.acronyms,
        *claims.references,
    ]


def _fields(claim: object) -> list[tuple[str, bool]]:
    names = ["start", "end"] + [n for n in claim.__slots__ if n.endswith(("_start", "_end"))]
    return [(n, n == "end" or n.endswith("_end")) for n in names]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab 1\n\t[]'|=")), max_size=60),
    st.lists(st.tuples(OFFSET, OFFSET, OFFSET | st.none()), max_size=10),
)
def test_every_offset_field_moves_as_outward_moves_it(text: str, spans) -> None:
    compact = Compacted(read_text(text, "a.wiki"))
    claims = _claims(spans)
    expected = [
        [
            None if getattr(c, n) is None else compact.outward(getattr(c, n), end=is_end)
            for n, is_end in _fields(c)
        ]
        for c in _in_order(claims)
    ]
    compact.restore(claims)
    assert [[getattr(c, n) for n, _ in _fields(c)] for c in _in_order(claims)] == expected


def test_a_claim_across_gaps_points_at_what_was_written() -> None:
    text = "The [[Army]] lost '''3,000''' men in [[1990]].\n"
    compact = Compacted(read_text(text, "a.wiki"))
    view = compact.doc.text
    claims = Claims(
        mentions=[Mention(start=view.index("Army"), end=view.index("Army") + 4, text="Army",
                          name="Army", key="army", words=("Army",))],
        quantities=[QuantityClaim(start=view.index("3,000"), end=view.index(" men") + 4,
                                  text="", low=3000, high=3000, number_start=view.index("3,000"),
                                  number_end=view.index("3,000") + 5)],
    )  # fmt: skip
    compact.restore(claims)
    (army,), (men,) = claims.mentions, claims.quantities
    assert text[army.start : army.end] == "Army"
    assert text[men.number_start : men.number_end] == "3,000"
    assert text[men.start : men.end] == "3,000''' men"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["ab", "1", " ", "  ", "\t", " \t", "\n", "\r\n", "\r"]), max_size=14),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=10),
    st.booleans(),
)
def test_blanks_squeeze_to_one_space_and_regions_move_inward(
    pieces: list[str], spans: list[tuple[int, int]], by_start: bool
) -> None:
    """Each run of spaces and tabs is one space, none at a line's ends; tabs kept in a gap
    read as spaces; a region's offsets move as ``inward`` moves them, the regions in a
    document's order (by start) or in any."""
    text = "".join(pieces)
    spans = sorted(spans) if by_start else spans
    doc = Document(text=text, regions=[Region("paragraph", a, b, "L", 2) for a, b in spans])
    compact = Compacted(doc)
    lines = re.split(r"(\r\n|\r|\n)", text)
    want = "".join(re.sub(r"[ \t]+", " ", line).strip(" ") for line in lines)
    assert compact.doc.text == want
    assert compact.doc.regions == [
        Region("paragraph", compact.inward(a), compact.inward(b), "L", 2) for a, b in spans
    ]
