"""Write ``src/klint/builtin.json``: the built-in rule packs and article-type schemas, parsed.

    python scripts/builtin_image.py            # rewrite the image
    python scripts/builtin_image.py --check    # exit 1 if it is out of date

Every run reads klint's own YAML data; through the image it reads JSON instead and never
imports PyYAML (see ``klint/builtin.py``). Run this after editing ``rules/*.yaml`` or
``schema/*.yaml``: until then, an edited file is parsed from its YAML and
``tests/test_builtin_image.py`` fails.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from klint import builtin
from klint.articletypes import schema_dir
from klint.packs import builtin_dir, safe_load


def image() -> dict[str, Any]:
    """The image as it should be: each file's SHA-256 and data, by kind and file name."""
    out: dict[str, Any] = {}
    for kind, folder in (("packs", builtin_dir()), ("schemas", schema_dir())):
        out[kind] = {
            path.name: builtin.entry(path.read_bytes(), safe_load(path.read_text(encoding="utf-8")))
            for path in sorted(folder.glob("*.yaml"))
        }
    return out


def text() -> str:
    return json.dumps(image(), ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the image is out of date")
    args = parser.parse_args()
    want = text()
    if args.check:
        current = builtin.IMAGE.read_text(encoding="utf-8") if builtin.IMAGE.exists() else ""
        if current != want:
            print(f"{builtin.IMAGE} is out of date: run python scripts/builtin_image.py")
            return 1
        return 0
    builtin.IMAGE.write_text(want, encoding="utf-8")
    print(f"wrote {builtin.IMAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
