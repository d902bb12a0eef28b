"""Real articles, mutated: the seed in every format it exists in, cut, spliced and rewritten.

Mutations: delete a span, duplicate a span, insert an article-like fragment,
rewrite every number in a span, swap two paragraphs, change line endings.
Allowed outcome: diagnostics, never KI001 and never an exception.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klint.config import Config
from klint.engine import lint_text

from ._fuzz import available_formats, internal_errors, scaled
from .test_fuzz_pipeline import FRAGMENTS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
FORMAT_OF = {".txt": "text", ".md": "markdown", ".wiki": "wikitext", ".html": "html"}
ALL = Config(select=("ALL",))


def _seed_files() -> list[Path]:
    return sorted(p for p in SEEDS.iterdir() if p.suffix in FORMAT_OF)


@st.composite
def mutation(draw, text: str) -> str:
    for _ in range(draw(st.integers(1, 5))):
        n = len(text)
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, min(n, a + 3000)))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "numbers", "swap", "endings"]))
        if op == "delete":
            text = text[:a] + text[b:]
        elif op == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        elif op == "insert":
            text = (
                text[:a]
                + " ".join(draw(st.lists(st.sampled_from(FRAGMENTS), max_size=8)))
                + text[a:]
            )
        elif op == "numbers":
            k = draw(st.integers(0, 10**6))
            text = (
                text[:a]
                + re.sub(
                    r"\d+",
                    lambda m, k=k: str((int(m.group()) * 7 + k) % 10 ** len(m.group())),
                    text[a:b],
                )
                + text[b:]
            )
        elif op == "swap":
            paras = text.split("\n\n")
            if len(paras) > 2:
                i, j = draw(st.integers(0, len(paras) - 1)), draw(st.integers(0, len(paras) - 1))
                paras[i], paras[j] = paras[j], paras[i]
                text = "\n\n".join(paras)
        else:
            text = (
                text[:a]
                + text[a:b].replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n", " "])))
                + text[b:]
            )
    return text


@pytest.mark.parametrize("path", _seed_files(), ids=lambda p: p.suffix)
@scaled(12)
@given(data=st.data())
def test_mutated_seed_never_crashes_a_rule(path: Path, data: st.DataObject) -> None:
    fmt = FORMAT_OF[path.suffix]
    if fmt not in available_formats():
        pytest.skip(f"the {fmt} reader has not landed")
    text = data.draw(mutation(path.read_text(encoding="utf-8")))
    # a path without the seed's name: its claims file must not be picked up for a mutated text
    assert not internal_errors(lint_text(text, "mutated" + path.suffix, ALL, fmt))
