"""A small generator of adversarial inputs, built at test time (never committed).

Each entry is ``name -> (file name, bytes)``; the sizes are the ones the
hardening issue names (5 MB of digits and commas, a 1 MB line, 100,000 dashes,
nesting 500 deep, ...).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

MB = 1024 * 1024


def digits_and_commas(size: int = 5 * MB) -> str:
    unit = "1,234,567,890,12,3,45,6789,"
    return (unit * (size // len(unit) + 1))[:size]


def dashes(n: int = 100_000) -> str:
    return "The war lasted from 1988" + "–—-" * (n // 3) + "1994.\n"


def long_line(size: int = MB) -> str:
    unit = "In1994the12,000-strongArmy(AA)lost3,000men–1995"
    return (unit * (size // len(unit) + 1))[:size]


def nested_markdown(depth: int = 500) -> str:
    lists = "".join("  " * k + "- level " + str(k) + " in 1990\n" for k in range(depth))
    quotes = "".join(
        ">" * k + " quoted 1,000 men in " + str(1900 + k % 100) + "\n" for k in range(1, depth)
    )
    mixed = "".join(("> " if k % 2 else "- ") * 1 for k in range(depth)) + "deep text in 1991\n"
    return "# Nested\n\n" + lists + "\n" + quotes + "\n" + mixed


def nested_wikitext(depth: int = 500) -> str:
    return (
        "'''Battle''' began in 1990.\n"
        + "{{tmpl|a=1990|" * depth
        + "x"
        + "}}" * depth
        + "\nIt ended in 1994.\n"
    )


def one_sentence_run(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters inside one sentence: a run of names, figures or
    hyphenated parts that no sentence end breaks up."""
    return "The war began in 1990 when " + (unit * (size // len(unit) + 1))[:size] + " ended.\n"


def rtl_and_combining() -> str:
    rtl = "\u05de\u05dc\u05d7\u05de\u05ea \u05e7\u05e8\u05d1\u05d0\u05da \u0627\u0644\u062d\u0631\u0628 1994 "
    combining = "e\u0301\u0302\u0303\u0304" * 50 + " A\u0308\u030a 1,000 "
    marks = "\u200f\u200e\u202e\u2066\u2069\u061c"
    return ("The war (" + rtl + ") lasted " + combining + marks + " from 1988 to 1994.\n") * 200


def line_ending_mix() -> str:
    parts = [
        "Battle of X\r\n",
        "\r\n",
        "Date 1988–1994\r",
        "Location Karabakh\n",
        "\n\r",
        "The war began in 1988.\r\nIt ended in 1994.\rIt lasted six years.\n",
        "\r\r\n\n",
    ]
    return "".join(parts) * 300


def article_text() -> str:
    return (
        "Battle of Example\n\nBattle of Example\nDate 12 May 1990 – 3 June 1994\nLocation Example\n\n"
        "The battle began on 12 May 1990 and lasted three years. About 12,000 soldiers took part; "
        "3,000 were killed and 9,500 wounded, a total of 11,000 casualties.\n\n"
        "Aftermath\n\nThe North Atlantic Treaty Organization (NATO) met in 1995. NATO said 4,000 died.\n"
    )


#: name -> (file name, bytes); the texts are encoded as the name says.
CASES: dict[str, Callable[[], tuple[str, bytes]]] = {
    "digits-commas-5mb": lambda: ("digits.txt", digits_and_commas().encode()),
    "dashes-100k": lambda: ("dashes.txt", dashes().encode()),
    "line-1mb-no-spaces": lambda: ("line.txt", long_line().encode()),
    "nested-markdown": lambda: ("nested.md", nested_markdown().encode()),
    "nested-wikitext": lambda: ("nested.wiki", nested_wikitext().encode()),
    "rtl-combining": lambda: ("rtl.txt", rtl_and_combining().encode()),
    # one sentence of 100,000 capitalised words: one name of them all
    "capitalised-run": lambda: ("names.txt", one_sentence_run("Aa ", 300_000).encode()),
    # one word of 66,000 hyphenated capitalised parts
    "hyphen-run": lambda: ("hyphens.txt", one_sentence_run("Aa-", 200_000).encode()),
    # 75,000 percentages in one sentence
    "percent-run": lambda: ("percents.txt", one_sentence_run("10% ", 300_000).encode()),
    # one line of 10,000 acronyms, each defined (a citation's line read once, not for each)
    "acronym-line": lambda: (
        "acronyms.txt",
        one_sentence_run("NATO (North Atlantic Treaty Organization) ", 400_000).encode(),
    ),
    # three spellings of one name, 15,000 times each in one run of capitalised words
    "variant-run": lambda: (
        "variants.txt",
        one_sentence_run("Kelbajar Kelbjar Khelbajar ", 400_000).encode(),
    ),
    # 40,000 counts of one noun in one sentence
    "count-run": lambda: ("counts.txt", one_sentence_run("1,000 men ", 400_000).encode()),
    "nul-bytes": lambda: ("nul.txt", article_text().encode().replace(b" ", b"\x00", 5)),
    "nul-bytes-late": lambda: ("nullate.txt", article_text().encode() * 200 + b"\x00tail\n"),
    "utf16-bom": lambda: ("bom16.txt", article_text().encode("utf-16")),
    "utf16-le-no-bom": lambda: ("nobom16.txt", article_text().encode("utf-16-le")),
    "utf8-bom": lambda: ("bom8.txt", codecs.BOM_UTF8 + article_text().encode()),
    "latin1": lambda: (
        "latin1.txt",
        ("Caf\u00e9 Mu\u00f1oz, born 1990 in G\u00f6teborg.\n" * 20).encode("latin-1"),
    ),
    "line-ending-mix": lambda: ("endings.txt", line_ending_mix().encode()),
    "empty": lambda: ("empty.txt", b""),
    "only-newlines": lambda: ("newlines.txt", b"\r\n\r\r\n\n" * 1000),
}
