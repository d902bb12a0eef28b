"""Patterns a run does not need are not compiled: a cold check pays for the rules it runs.

Compiling a pattern runs ``re``'s parser and compiler in Python; an opt-in rule's patterns
are declared with :func:`klint.lazyre.compile` and compiled when the rule first uses them.
Each check runs in a fresh interpreter, where no other test has compiled them yet.
"""

from __future__ import annotations

import subprocess
import sys

OPT_IN_PATTERNS = """
import re, sys
from klint.config import Config
from klint.engine import enabled_rules, lint_text
from klint.lazyre import LazyPattern
from klint.rules import all_rules

on = {r.code for r in enabled_rules(Config(), "a.txt")}
modules = {sys.modules[r.__module__] for r in all_rules() if r.code not in on}
patterns = {
    (m.__name__, k): v for m in modules for k, v in vars(m).items()
    if isinstance(v, (re.Pattern, LazyPattern))
}
eager = sorted(key for key, v in patterns.items() if isinstance(v, re.Pattern))
assert not eager, f"compiled at import: {eager}"
compiled = lambda: sorted(key for key, v in patterns.items() if len(vars(v)) > 1)
text = (
    "Ann Lee (born 2 May 1790) was a painter. Lee died in 1850, aged 60. The NKAO (Nagorno-"
    "Karabakh Autonomous Oblast) held 1,200 men, 30% of them volunteers, in 1988-1990.\\n"
)
lint_text(text, "a.txt")
assert not compiled(), f"compiled by the default rules: {compiled()}"
lint_text(text, "a.txt", Config(extend_select=["KD104", "KD113", "KX302"]))
print(len(patterns), len(compiled()))
"""


def test_a_default_check_compiles_no_pattern_of_an_opt_in_rule() -> None:
    """No opt-in rule's module compiles a pattern as it is imported, nor does a default check;
    selecting rules compiles theirs as they run."""
    done = subprocess.run([sys.executable, "-c", OPT_IN_PATTERNS], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    total, used = map(int, done.stdout.split())
    assert total > 100 and 0 < used < total
