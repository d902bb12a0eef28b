"""klint's sentence splitters against the hand-checked boundaries of eval/gold/sentences.yaml.

The passages are corpus text; references are blanked as klint's wikitext and HTML readers
blank them, so "…islands.[89] Many" reads as "…islands.     Many". bench/libraries.py
reports the same measure for pysbd and syntok.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from klint.text.sentences import number_sentence_starts, sentence_starts

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "eval" / "gold" / "sentences.yaml"
_CITATION = re.compile(r"\[\d+\]")
_LEAD = re.compile(r"(?:\s|\[\d+\])*")


def _passages() -> list[dict]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["passages"]


def _gold() -> list[tuple[str, set[int]]]:
    out = []
    for p in _passages():
        text = _CITATION.sub(lambda m: " " * len(m[0]), " ".join(p["sentences"]))
        starts, at = set(), 0
        for s in p["sentences"][:-1]:
            at += len(s) + 1
            starts.add(at)
        out.append((text, starts))
    return out


def test_gold_passages_are_corpus_text() -> None:
    passages = _passages()
    assert len(passages) >= 50
    assert sum(len(p["sentences"]) - 1 for p in passages) >= 300
    for p in passages:
        article = REPO / "eval" / "corpus" / p["article"]
        text = " ".join(article.read_text(encoding="utf-8").split())
        assert " ".join(p["sentences"]) in text, p["sentences"][0]


@pytest.mark.parametrize(
    ("split", "min_precision", "min_recall"),
    [(number_sentence_starts, 0.95, 0.97), (sentence_starts, 0.9, 0.97)],
)
def test_splitter_meets_the_gold_boundaries(split, min_precision, min_recall) -> None:
    tp = fp = fn = 0
    for text, want in _gold():
        got = {_LEAD.match(text, s).end() for s in split(text, 0, len(text))}
        got = {s for s in got if 0 < s < len(text)}
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
    assert tp / (tp + fp) >= min_precision
    assert tp / (tp + fn) >= min_recall
