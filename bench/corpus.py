"""A deterministic benchmark corpus: N articles varied from the seeds and the test texts.

Each article starts from a base text (``seeds/*.txt`` or ``seeds/*.md``, and the
clean evaluation articles in ``../shared/eval/clean`` when that folder exists),
keeps its head (title, infobox, front matter) in place, shuffles the paragraphs
after it, shifts every year by one offset and scales every other number by one
factor (separators kept), renames the article's most frequent proper names, and
appends a few fixture texts from ``tests/fixtures``. About 30 % of the articles
are Markdown. The same ``--seed`` gives byte-identical files.

The corpus is written to a temporary folder (never into the repository)::

    python bench/corpus.py --articles 200 --seed 1 [--out DIR]
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_CLEAN = REPO.parent / "shared" / "eval" / "clean"

_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w]|[.,]\d)")
_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{4,14})\b")
_EXPECT = re.compile(r"\s*<!--\s*expect:[^>]*-->")
_STOP = frozenset(
    [
        "After",
        "Before",
        "During",
        "Since",
        "Until",
        "While",
        "Where",
        "There",
        "These",
        "Those",
        "Their",
        "Which",
        "Other",
        "Under",
        "Between",
        "Against",
        "Although",
        "Because",
        "However",
        "January",
        "February",
        "March",
        "April",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Friday",
        "Sunday",
        "Minister",
        "President",
        "Council",
        "Union",
        "Republic",
        "Army",
        "Soviet",
        "Armenian",
        "Armenians",
        "Azerbaijan",
        "Azerbaijani",
    ]
)
_SYLLABLES = [
    "ka",
    "ra",
    "vel",
    "mon",
    "dor",
    "is",
    "tan",
    "bel",
    "or",
    "mi",
    "sha",
    "len",
    "ko",
    "var",
    "dus",
]


@dataclass(frozen=True)
class Base:
    """A text an article is varied from."""

    name: str
    text: str
    markdown: bool


def bases(repo: Path = REPO) -> tuple[list[Base], list[str]]:
    """The base articles and the fixture snippets (expectation comments removed)."""
    found: list[Base] = []
    for path in sorted((repo / "seeds").glob("*")):
        if path.suffix in (".txt", ".md"):
            found.append(Base(path.name, path.read_text(encoding="utf-8"), path.suffix == ".md"))
    if SHARED_CLEAN.is_dir():
        for path in sorted(SHARED_CLEAN.glob("*.txt")):
            found.append(Base(path.name, path.read_text(encoding="utf-8"), False))
    snippets = []
    for path in sorted((repo / "tests" / "fixtures").glob("*/*.txt")):
        snippet = _EXPECT.sub("", path.read_text(encoding="utf-8")).strip()
        if snippet:
            snippets.append(snippet)
    if not found:
        raise SystemExit(f"no base articles under {repo / 'seeds'}")
    return found, snippets


def _head_length(blocks: list[str]) -> int:
    """How many leading blocks stay in place: everything before the first long prose block."""
    for k, block in enumerate(blocks):
        if len(block) > 400 and not block.startswith("---"):
            return k
    return min(3, len(blocks))


def _fake_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def vary(base: Base, snippets: list[str], rng: random.Random) -> str:
    """One article: shuffled paragraphs, shifted years, scaled numbers, renamed people and places."""
    blocks = _BLOCK_SPLIT.split(base.text.strip("\n"))
    head_n = _head_length(blocks)
    head, body = blocks[:head_n], blocks[head_n:]
    rng.shuffle(body)
    if snippets and not base.markdown:
        body += rng.sample(snippets, k=min(len(snippets), rng.randint(0, 3)))
    text = "\n\n".join(head + body) + "\n"

    shift = rng.randint(-40, 40)
    factor = rng.uniform(0.5, 2.0)

    def number(m: re.Match[str]) -> str:
        raw = m.group(1)
        value = int(raw.replace(",", ""))
        if "," not in raw and 1000 <= value <= 2099:
            return str(value + shift)
        scaled = max(0, round(value * factor))
        return f"{scaled:,}" if "," in raw else str(scaled)

    text = _NUMBER.sub(number, text)
    counts = Counter(m.group(1) for m in _NAME.finditer(text))
    names = [n for n, c in counts.most_common(40) if c >= 3 and n not in _STOP][:12]
    if names:
        mapping = {n: _fake_name(rng) for n in names}
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
        text = pattern.sub(lambda m: mapping[m.group()], text)
    return text


def generate(n: int, out_dir: Path, seed: int = 0, markdown_share: float = 0.3) -> list[Path]:
    """Write ``n`` articles into ``out_dir`` and return their paths (deterministic in ``seed``)."""
    rng = random.Random(seed)
    found, snippets = bases()
    text_bases = [b for b in found if not b.markdown]
    md_bases = [b for b in found if b.markdown]
    seed_bases = [b for b in text_bases if b.name.startswith(("nagorno", "0"))] or text_bases
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        if md_bases and rng.random() < markdown_share:
            base = rng.choice(md_bases)
        else:  # half from the 64 KB seed, half from the shorter clean articles
            base = rng.choice(seed_bases if rng.random() < 0.5 else text_bases)
        path = out_dir / f"article-{i:05d}{'.md' if base.markdown else '.txt'}"
        path.write_text(vary(base, snippets, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--out", type=Path, help="folder to write into (default: a new temporary folder)"
    )
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="klint-corpus-"))
    paths = generate(args.articles, out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()
