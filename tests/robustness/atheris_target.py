"""Coverage-guided fuzzing of the whole pipeline with atheris (optional, not run by pytest).

Every input picks a format from its first byte, is decoded as UTF-8 (bad bytes
replaced) and linted with every rule; a KI001 or any exception is a crash that
atheris saves as ``crash-*``. Install atheris outside the project and run, e.g.::

    pip install --target /tmp/atheris atheris
    PYTHONPATH=/tmp/atheris python tests/robustness/atheris_target.py -max_total_time=120 -max_len=4096 \\
        /tmp/klint-fuzz-corpus seeds

Turn every crash found into a regression test in this folder.
"""

from __future__ import annotations

import importlib
import sys

import atheris

LAZY = (
    "klint.extract.dates",
    "klint.extract.names",
    "klint.extract.quantities",
    "klint.sources.html",
    "klint.sources.markdown",
    "klint.sources.text",
    "klint.sources.wikitext",
)

with atheris.instrument_imports(include=["klint"]):  # everything lint_text imports lazily, too
    for name in LAZY:
        importlib.import_module(name)
    from klint.config import Config
    from klint.engine import lint_text
    from klint.rules import all_rules

    all_rules()

FORMATS = (("text", "a.txt"), ("markdown", "a.md"), ("wikitext", "a.wiki"), ("html", "a.html"))
ALL = Config(select=("ALL",))


def one_input(data: bytes) -> None:
    if not data:
        return
    fmt, path = FORMATS[data[0] % len(FORMATS)]
    text = data[1:].decode("utf-8", "replace")
    crashed = [d.message for d in lint_text(text, path, ALL, fmt) if d.code == "KI001"]
    if crashed:
        raise RuntimeError(f"{fmt}: {crashed[0]}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
