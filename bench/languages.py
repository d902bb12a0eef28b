"""What the ``languages`` setting costs: date extraction and a whole lint, with and without it.

Run: ``python bench/languages.py``. Each measurement runs in a fresh process, so the
first run includes importing dateparser and loading its locales; warm figures are the
best of repeated runs (the machine may be shared).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "nagorno-karabakh-war.txt"

PROBE = r"""
import json, sys, time
text = sys.stdin.read()
langs = tuple(json.loads(sys.argv[1]))
import klint
from klint.config import Config
from klint.extract.dates import extract_dates
from klint.packs import load_packs
from klint.sources import read_text

doc, packs = read_text(text, "a.txt", None), load_packs()
t = time.perf_counter(); n = len(extract_dates(doc, packs, langs)); first = time.perf_counter() - t
warm = []
for _ in range(30):
    t = time.perf_counter(); extract_dates(doc, packs, langs); warm.append(time.perf_counter() - t)
lint = []
for _ in range(10):
    t = time.perf_counter(); klint.lint_text(text, "a.txt", Config(languages=langs)); lint.append(time.perf_counter() - t)
print(json.dumps({"dates": n, "first": first, "warm": min(warm), "lint": min(lint),
                  "dateparser": "dateparser" in sys.modules}))
"""

_TR = (
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
)
_RU = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def turkish_russian(paragraphs: int = 100) -> str:
    """A deterministic article with three Turkish or Russian dates per paragraph."""
    rnd = random.Random(1)
    out = ["Başlık", ""]
    for _ in range(paragraphs):
        y = rnd.randint(1900, 2020)
        tr = f"Olaylar {rnd.randint(1, 28)} {rnd.choice(_TR)} {y} tarihinde başladı ve {rnd.choice(_TR)} {y + 1}'de sona erdi."
        out += [f"{tr} Война началась {rnd.randint(1, 28)} {rnd.choice(_RU)} {y} года.", ""]
    return "\n".join(out)


def measure(text: str, langs: list[str]) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(langs)],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout)


def main() -> None:
    for name, text in (
        ("seed (English, 64 KB)", SEED.read_text(encoding="utf-8")),
        ("Turkish/Russian (13 KB, 300 dates)", turkish_russian()),
    ):
        for langs in ([], ["tr", "ru"]):
            r = measure(text, langs)
            print(
                f"{name:36} languages={langs!s:12} dates={r['dates']:4}  first extraction {r['first'] * 1000:6.1f} ms"
                f"  warm {r['warm'] * 1000:6.2f} ms  warm lint {r['lint'] * 1000:6.1f} ms"
                f"  dateparser imported: {r['dateparser']}"
            )


if __name__ == "__main__":
    main()
