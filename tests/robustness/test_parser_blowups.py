"""Flat runs of unclosed markup through every reader must cost time linear in their length.

Each case is timed (CPU time) at n and 4n repetitions; quadrupling the input may
at most about quadruple the time (ratio < 8, where a quadratic reader takes 16, or
the larger run under 0.2 s): a busy machine's noise, which can make one run of two
twice as slow, stays inside that margin. Cases
found quadratic in a reader owned elsewhere are xfail with the numbers
measured when they were found, until the reader guards against them.
"""

from __future__ import annotations

import time

import pytest

from klint.sources import read_text

from ._fuzz import available_formats

EXT = {"text": "a.txt", "markdown": "a.md", "wikitext": "a.wiki", "html": "a.html"}

CASES = [
    ("markdown", "| 1,000 | 1990 |\n", 4000),
    ("markdown", "*a **b ", 4000),
    ("markdown", "[a](", 4000),
    ("markdown", "`", 8000),
    ("markdown", "<!--", 4000),
    ("markdown", "> - ", 2000),
    ("html", "<div>", 4000),
    ("html", "<table><tr><td>1990", 2000),
    ("text", "1 ", 20000),
    ("text", "<!--", 8000),
    ("wikitext", "{{x", 4000),
    ("wikitext", "'''x", 4000),
]
# quadratic in mwparserfromhell's tokenizer (upstream: earwig/mwparserfromhell#364, open):
# 8,000 repetitions of "{{a|" (32 KB) took 20 s, of "[[a|" 2.2 s, "<ref>" 2.5 s, "<!--" 0.8 s, "<b>" 1.7 s
# and in the standard library's html.parser, which rescans for "-->" at every "<!--":
# 16,000 repetitions (64 KB) took 1.7 s, 4x the time of 8,000
KNOWN_QUADRATIC = [
    ("html", "<!--", 4000),
    ("wikitext", "{{a|", 500),
    ("wikitext", "[[a|", 2000),
    ("wikitext", "<ref>", 2000),
    ("wikitext", "<!--", 4000),
    ("wikitext", "<b>", 2000),
]


def _cpu(fmt: str, text: str) -> float:
    started = time.process_time()
    read_text(text, EXT[fmt], fmt)
    return time.process_time() - started


def _check(fmt: str, unit: str, n: int) -> None:
    if fmt not in available_formats():
        pytest.skip(f"the {fmt} reader has not landed")
    small_text, large_text = "Began in 1990. " + unit * n, "Began in 1990. " + unit * (4 * n)
    small, large = _cpu(fmt, small_text), _cpu(fmt, large_text)
    for _ in range(2):  # a busy machine: the best of three before calling it superlinear
        if large < 0.2 or large < 8 * max(small, 0.01):
            break
        small, large = min(small, _cpu(fmt, small_text)), min(large, _cpu(fmt, large_text))
    assert large < 0.2 or large < 8 * max(small, 0.01), (
        f"{unit!r}: {small:.2f}s at {n}, {large:.2f}s at {4 * n}"
    )


@pytest.mark.parametrize(("fmt", "unit", "n"), CASES)
def test_unclosed_markup_is_linear(fmt: str, unit: str, n: int) -> None:
    _check(fmt, unit, n)


# parsers that are quadratic on these runs are bypassed: sources._unclosed_markup
@pytest.mark.parametrize(("fmt", "unit", "n"), KNOWN_QUADRATIC)
def test_known_quadratic_unclosed_markup(fmt: str, unit: str, n: int) -> None:
    _check(fmt, unit, n)
