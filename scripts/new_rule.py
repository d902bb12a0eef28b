"""Start a new rule: its module, its fixture folder and its line in the family's ``RULES``.

Run from the repository::

    python scripts/new_rule.py KD110 future-date --family dates "a date after the article's date"

writes ``src/klint/rules/dates/kd110_future_date.py`` (the class, with the documentation
sections ``klint explain`` prints and ``check()`` to fill in), ``tests/fixtures/KD110/``
with a fixture that must trigger the rule and a near-miss that must not (schema rules get
a claims file beside each), and registers the class in ``src/klint/rules/dates/__init__.py``.
The new rule's fixture, example and documentation tests fail until ``check()`` finds what
they say, its snapshots are written and ``python scripts/rule_docs.py`` has made its page.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: code prefix -> family package under src/klint/rules/
PACKAGES = {
    "KD": "dates",
    "KN": "numbers",
    "KX": "xrefs",
    "KS": "schema",
    "KI": "meta",
    "KC": "corpus",
}

RULE = '''{docstring}

from __future__ import annotations

from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule


class {cls}(Rule):
    """## What it does
    Reports ... (what the rule finds, in the reader's words).

    ## Why is this bad?
    ... (why a reader is misled, and how such text comes about).

    ## Example
        ... (a short text of your own that triggers the rule)
{claims}
    ## Use instead
        ... (the same text, corrected, that does not trigger it)
{claims}    """

    code = "{code}"
    name = "{name}"
    severity = Severity.{severity}
    summary = "{summary}"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        # Walk ctx.claims (dates, quantities, mentions, acronyms, references) or ctx.doc and
        # yield self.diagnostic(start, end, message, related=[(start, end, note)]).
        yield from ()
'''

TRIGGER = """Title of the article

A sentence that must trigger {code}. <!-- expect: {code} -->
"""

NEAR_MISS = """Title of the article

A sentence close to the one in {name}.txt that {code} must leave alone.
"""

CLAIMS_FILE = """version: 1
facts: []
"""
#: the claims file of a schema rule's docstring examples (read by ``Rule.example``)
DOC_CLAIMS = """
    With its claims file, `<article>.klint.yaml`:

    ```yaml
    version: 1
    facts: []
    ```
"""


class Refused(Exception):
    """The rule cannot be added as asked (bad code or name, or it exists)."""


def module_name(code: str, name: str) -> str:
    """``KD101``, ``impossible-date`` -> ``kd101_impossible_date``."""
    return f"{code.lower()}_{name.replace('-', '_')}"


def class_name(name: str) -> str:
    """``impossible-date`` -> ``ImpossibleDate``."""
    return "".join(part.capitalize() for part in name.split("-"))


def _docstring(code: str, name: str, summary: str) -> str:
    one_line = f'"""{code} {name}: {summary}."""'
    if len(one_line) <= 100:
        return one_line
    return f'"""{code} {name}.\n\n{summary[0].upper()}{summary[1:]}.\n"""'


def _register(init: Path, family: str, module: str, cls: str) -> None:
    """Add the import and the ``RULES`` entry to the family's ``__init__.py``, keeping code order."""
    text = init.read_text(encoding="utf-8")
    imports = re.findall(rf"^from klint\.rules\.{family}\.(\w+) import (\w+)$", text, re.M)
    line = f"from klint.rules.{family}.{module} import {cls}"
    later = [m for m, _ in imports if m > module]
    if later:
        anchor = f"from klint.rules.{family}.{later[0]} import"
        text = text.replace(anchor, f"{line}\n{anchor}", 1)
    elif imports:
        last = "from klint.rules.{}.{} import {}".format(family, *imports[-1])
        text = text.replace(last, f"{last}\n{line}", 1)
    else:
        raise Refused(f"{init}: no rule imports to add {cls} beside")
    m = re.search(r"^RULES: tuple\[type\[Rule\], \.\.\.\] = \((.*?)\)$", text, re.M | re.S)
    if m is None:
        raise Refused(f"{init}: no RULES tuple")
    entries = [e.strip() for e in m.group(1).split(",") if e.strip()]
    by_module = {c: mod for mod, c in imports}
    at = next((i for i, e in enumerate(entries) if by_module.get(e, "") > module), len(entries))
    entries.insert(at, cls)
    body = "".join(f"    {e},\n" for e in entries)
    text = text[: m.start()] + f"RULES: tuple[type[Rule], ...] = (\n{body})" + text[m.end() :]
    init.write_text(text, encoding="utf-8")


def new_rule(
    root: Path, code: str, name: str, summary: str, family: str | None, severity: str
) -> list[Path]:
    """Write the rule's files under ``root`` (a repository); return what was written."""
    code = code.upper()
    if not re.fullmatch(r"K[A-Z]\d{3}", code) or code[:2] not in PACKAGES:
        raise Refused(f"{code}: a code is one of {', '.join(PACKAGES)} and three digits (KD110)")
    package = PACKAGES[code[:2]]
    if family is not None and family != package:
        raise Refused(f"{code} belongs to the {package} family, not {family}")
    if not re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)*", name):
        raise Refused(f"{name}: a rule name is lower-case words joined by hyphens")
    summary = summary.strip().rstrip(".")
    if not summary or '"' in summary or "\n" in summary:
        raise Refused("the summary is one line of text without double quotes")
    rules = root / "src" / "klint" / "rules" / package
    fixtures = root / "tests" / "fixtures" / code
    module = module_name(code, name)
    init = rules / "__init__.py"
    taken = re.search(rf'^\s*(?:code = "{code}"|name = "{name}")$', _all_rules_text(rules), re.M)
    if taken or fixtures.exists():
        raise Refused(f"{code} or {name} is already taken")
    written = [rules / f"{module}.py", fixtures / f"{name}.txt", fixtures / "near-miss.txt"]
    written[0].write_text(
        RULE.format(
            docstring=_docstring(code, name, summary),
            cls=class_name(name),
            code=code,
            name=name,
            severity=severity.upper(),
            summary=summary,
            claims=DOC_CLAIMS if package == "schema" else "",
        ),
        encoding="utf-8",
    )
    fixtures.mkdir(parents=True)
    written[1].write_text(TRIGGER.format(code=code), encoding="utf-8")
    written[2].write_text(NEAR_MISS.format(code=code, name=name), encoding="utf-8")
    if package == "schema":  # a claims-file rule needs the claims file beside each fixture
        for stem in (name, "near-miss"):
            written.append(fixtures / f"{stem}.klint.yaml")
            written[-1].write_text(CLAIMS_FILE, encoding="utf-8")
    _register(init, package, module, class_name(name))
    return [*written, init]


def _all_rules_text(rules: Path) -> str:
    """The source of every rule module in all families beside ``rules``."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(rules.parent.glob("*/k*.py")))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("code", help="the rule's code, e.g. KD110")
    ap.add_argument("name", help="the rule's name, lower-case words joined by hyphens")
    ap.add_argument("summary", help="one line for `klint rules`")
    ap.add_argument("--family", choices=sorted(PACKAGES.values()), help="checked against the code")
    ap.add_argument("--severity", choices=("error", "warning", "info"), default="error")
    ap.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this one)")
    args = ap.parse_args(argv)
    try:
        written = new_rule(
            args.root, args.code, args.name, args.summary, args.family, args.severity
        )
    except Refused as exc:
        print(f"new_rule: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(path.relative_to(args.root))
    print(
        "next: write check(), the docstring's examples and the fixtures; then run "
        "`python scripts/rule_docs.py` and `pytest tests/test_fixtures.py --update-snapshots`",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
