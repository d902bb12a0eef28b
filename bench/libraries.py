"""klint's own text code against well-kept libraries that do the same jobs.

    pip install -e '.[bench]'                 # the candidates (not needed by klint itself)
    python bench/libraries.py                 # every job
    python bench/libraries.py --only names    # one job: sentences, lemmas, numbers, names, costs

For each job, klint's code and each installed candidate run on the same input:

- **sentences** — boundaries against the hand-checked gold set ``eval/gold/sentences.yaml``
  (precision and recall of sentence starts), and milliseconds to split the seed;
- **lemmas** — inflected forms that must meet the word the claim frames list (and pairs
  that must not), and milliseconds for every word of the seed;
- **numbers** — number words spelled by ``inflect`` read back by klint's quantity extractor;
  plurals of the packs' reference nouns and of hard nouns, against their dictionary plurals;
- **names** — edit distance: agreement with ``rapidfuzz`` on every pair of name keys that
  KX305 compares on the corpus, the time of each, and how well a graded similarity separates
  the TRUE from the FALSE KX305 findings of ``eval/ledger/KX305.yaml``; transliteration:
  the pairs of words in one corpus article that each fold (klint's ``name_key``,
  ``unidecode``, ``anyascii``) makes equal;
- **costs** — installed size and import time of each candidate.

A candidate that is not installed is reported as such. Times are the best of a few runs.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import re
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "eval" / "corpus"
GOLD = ROOT / "eval" / "gold" / "sentences.yaml"
LEDGER = ROOT / "eval" / "ledger" / "KX305.yaml"
SEED = ROOT / "seeds" / "nagorno-karabakh-war.txt"
#: distribution -> (module imported, its first use), for the costs table
CANDIDATES = {
    "pysbd": (
        "pysbd",
        "pysbd.Segmenter(language='en', clean=False).segment('Mr. A. B. Cole came. He went.')",
    ),
    "syntok": (
        "syntok.segmenter",
        "list(syntok.segmenter.analyze('Mr. A. B. Cole came. He went.'))",
    ),
    "simplemma": ("simplemma", "simplemma.lemmatize('storeys', lang='en')"),
    "inflect": ("inflect", "inflect.engine().plural_noun('treaty')"),
    "rapidfuzz": ("rapidfuzz.distance", "rapidfuzz.distance.OSA.distance('Kelbajar', 'Kelbjar')"),
    "anyascii": ("anyascii", "anyascii.anyascii('Łódź Cæsar')"),
    "Unidecode": ("unidecode", "unidecode.unidecode('Łódź Cæsar')"),
}


def _have(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def _best_ms(func: Callable[[], object], runs: int = 5) -> float:
    func()
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - t)
    return best * 1000


def _table(head: list[str], rows: Iterable[list[object]]) -> None:
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")
    print()


# ---------------------------------------------------------------- sentences

#: where a sentence start is compared: after white space and citation markers ("[12] ")
_LEAD = re.compile(r"(?:\s|\[\d+\])*")


def _norm(text: str, starts: Iterable[int]) -> set[int]:
    """Sentence starts moved past white space and citation markers; the text's start dropped."""
    out = {_LEAD.match(text, s).end() for s in starts}  # type: ignore[union-attr]
    return {s for s in out if 0 < s < len(text)}


def _splitters() -> dict[str, Callable[[str], list[int]]]:
    from klint.text import sentences as ks

    out: dict[str, Callable[[str], list[int]]] = {
        "klint sentence_starts": lambda t: ks.sentence_starts(t, 0, len(t)),
        "klint number_sentence_starts": lambda t: ks.number_sentence_starts(t, 0, len(t)),
        "klint STOP (every stop)": lambda t: ks.stop_starts(t, 0, len(t)),
    }
    pysbd = _have("pysbd")
    if pysbd:
        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        out["pysbd 0.3"] = lambda t: [s.start for s in seg.segment(t)]
    syntok = _have("syntok.segmenter")
    if syntok:
        out["syntok 1.4"] = lambda t: [s[0].offset for p in syntok.analyze(t) for s in p]
    return out


def sentences() -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["passages"]
    passages = []
    for p in gold:
        text, starts, at = " ".join(p["sentences"]), set(), 0
        for s in p["sentences"][:-1]:
            at += len(s) + 1
            starts.add(at)
        passages.append((text, starts))
    n_gold = sum(len(s) for _, s in passages)
    seed = SEED.read_text(encoding="utf-8")
    print(
        f"## Sentences: {len(passages)} passages, {n_gold} gold boundaries; seed {len(seed):,} chars\n"
    )
    blanked = [(_CITATION.sub(lambda m: " " * len(m[0]), t), w) for t, w in passages]
    rows = []
    for name, split in _splitters().items():
        (prec, rec, fp, fn), (bprec, brec, _, _) = _score(split, passages), _score(split, blanked)
        ms = _best_ms(lambda split=split: split(seed), runs=3)
        rows.append(
            [
                name,
                f"{prec:.3f}",
                f"{rec:.3f}",
                f"{2 * prec * rec / (prec + rec):.3f}",
                fp,
                fn,
                f"{bprec:.3f} / {brec:.3f}",
                f"{ms:.1f}",
            ]
        )
    _table(
        [
            "splitter",
            "precision",
            "recall",
            "F1",
            "false",
            "missed",
            "citations blanked: P / R",
            "ms on the seed",
        ],
        rows,
    )


#: a citation marker of a plain-text copy of a wiki article ("[41]"); klint's wikitext and
#: HTML readers blank references out of the text they hand the extractors
_CITATION = re.compile(r"\[\d+\]")


def _score(
    split: Callable[[str], list[int]], passages: list[tuple[str, set[int]]]
) -> tuple[float, float, int, int]:
    tp = fp = fn = 0
    for text, want in passages:
        got = _norm(text, split(text))
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
    return tp / (tp + fp), tp / (tp + fn), fp, fn


# ---------------------------------------------------------------- lemmas

#: (form in text, word of the claim frames' attribute tables): must meet
LEMMA_MEET = [
    ("storeys", "storey"),
    ("stories", "story"),
    ("floors", "floor"),
    ("employees", "employee"),
    ("casualties", "casualty"),
    ("injuries", "injury"),
    ("fatalities", "fatality"),
    ("troops", "troop"),
    ("soldiers", "soldier"),
    ("members", "member"),
    ("residents", "resident"),
    ("inhabitants", "inhabitant"),
    ("votes", "vote"),
    ("seats", "seat"),
    ("deaths", "death"),
    ("releases", "release"),
    ("releasing", "release"),
    ("released", "release"),
    ("launches", "launch"),
    ("launching", "launch"),
    ("launched", "launch"),
    ("publications", "publication"),
    ("constructed", "constructed"),
    ("marriages", "marriage"),
    ("dies", "died"),
    ("dying", "died"),
    ("die", "died"),
    ("builds", "built"),
    ("building", "built"),
    ("build", "built"),
    ("opens", "opened"),
    ("opening", "opened"),
    ("completes", "completed"),
    ("forces", "force"),
    ("injured", "injured"),
    ("killing", "killed"),
    ("kills", "killed"),
    ("planned", "plan"),
    ("wounds", "wounded"),
    ("married", "marry"),
    ("marries", "married"),
    ("founding", "founded"),
    ("establishing", "established"),
    ("dissolving", "dissolved"),
]
#: pairs that must not meet (two words)
LEMMA_APART = [
    ("found", "founded"),
    ("news", "new"),
    ("series", "sery"),
    ("species", "specy"),
    ("physics", "physic"),
    ("bus", "bu"),
    ("status", "statu"),
    ("lives", "life"),
]


def lemmas() -> None:
    from klint.extract import frames

    def klint_meet(a: str, b: str) -> bool:
        return frames.key(a) == frames.key(b)

    jobs: dict[str, tuple[Callable[[str, str], bool], Callable[[list[str]], object]]] = {
        "klint frames.key": (klint_meet, lambda ws: [frames.lemma.__wrapped__(w) for w in ws]),
    }
    simplemma = _have("simplemma")
    if simplemma:

        def sm(w: str) -> str:
            return simplemma.lemmatize(w, lang="en").lower()

        jobs["simplemma 2.0"] = (lambda a, b: sm(a) == sm(b), lambda ws: [sm(w) for w in ws])
    seed_words = re.findall(r"[A-Za-z][a-z'’-]+", SEED.read_text(encoding="utf-8"))
    print(
        f"## Lemmas: {len(LEMMA_MEET)} pairs that must meet, {len(LEMMA_APART)} that must not;"
        f" {len(seed_words):,} words of the seed\n"
    )
    rows, misses = [], {}
    for name, (meet, run) in jobs.items():
        met = [p for p in LEMMA_MEET if meet(*p)]
        apart = [p for p in LEMMA_APART if not meet(*p)]
        misses[name] = [f"{a}/{b}" for a, b in LEMMA_MEET if (a, b) not in met] + [
            f"{a}={b}" for a, b in LEMMA_APART if (a, b) not in apart
        ]
        ms = _best_ms(lambda run=run: run(seed_words), runs=3)
        rows.append(
            [name, f"{len(met)}/{len(LEMMA_MEET)}", f"{len(apart)}/{len(LEMMA_APART)}", f"{ms:.1f}"]
        )
    _table(["lemmatiser", "meet", "kept apart", "ms, seed words (uncached)"], rows)
    for name, miss in misses.items():
        print(f"- {name} wrong on: {', '.join(miss) or 'none'}")
    print()


# ---------------------------------------------------------------- number words, plurals, ordinals

#: singular -> dictionary plural: nouns the packs count or cite, and hard English plurals
PLURALS = {
    "resolution": "resolutions",
    "treaty": "treaties",
    "agreement": "agreements",
    "accord": "accords",
    "protocol": "protocols",
    "convention": "conventions",
    "article": "articles",
    "section": "sections",
    "amendment": "amendments",
    "directive": "directives",
    "church": "churches",
    "bus": "buses",
    "box": "boxes",
    "crisis": "crises",
    "thesis": "theses",
    "analysis": "analyses",
    "person": "people",
    "child": "children",
    "man": "men",
    "woman": "women",
    "mouse": "mice",
    "index": "indices",
    "appendix": "appendices",
    "criterion": "criteria",
    "phenomenon": "phenomena",
    "aircraft": "aircraft",
    "series": "series",
    "species": "species",
    "city": "cities",
    "day": "days",
    "life": "lives",
    "wife": "wives",
    "hero": "heroes",
    "radio": "radios",
    "attorney general": "attorneys general",
    "passer-by": "passers-by",
    "ox": "oxen",
    "foot": "feet",
    "tooth": "teeth",
    "cactus": "cacti",
    "census": "censuses",
    "virus": "viruses",
    "status": "statuses",
    "chief": "chiefs",
    "potato": "potatoes",
}
#: plurals a dictionary also gives
PLURAL_VARIANTS = {"index": "indexes", "appendix": "appendixes", "cactus": "cactuses"}


def numbers() -> None:
    from klint.extract.quantities import extract_quantities
    from klint.packs import load_packs
    from klint.sources import read_text
    from klint.text.words import plural_forms

    packs = load_packs()
    inflect = _have("inflect")
    print("## Number words, ordinals, plurals\n")
    if inflect is None:
        print("inflect is not installed\n")
        return
    eng = inflect.engine()

    def read(words: str) -> float | None:
        doc = read_text(f"The army lost {words} tanks in the battle.\n", "case.txt")
        found = [q for q in extract_quantities(doc, packs) if q.counted == "tanks"]
        return found[0].low if found else None

    ranges = {
        "1–20": range(1, 21),
        "21–99": range(21, 100),
        "100–999 (every 37th)": range(100, 1000, 37),
    }
    rows = []
    for label, numbers_ in ranges.items():
        spelled = {n: eng.number_to_words(n) for n in numbers_}
        ok = [n for n, w in spelled.items() if read(w) == n]
        miss = [spelled[n] for n in numbers_ if n not in ok][:2]
        rows.append([label, f"{len(ok)}/{len(spelled)}", "; ".join(miss) or "-"])
    for phrase, value in [
        ("two hundred", 200),
        ("three thousand", 3000),
        ("1.2 million", 1.2e6),
        ("a dozen", 12),
        ("twenty-three", 23),
        ("one million", 1e6),
    ]:
        got = read(phrase)
        rows.append([f"“{phrase}”", "read" if got == value else f"read as {got}", "-"])
    print(
        "klint's quantity extractor reading number words (inflect spells 1–999; inflect itself"
        " only writes numbers as words and reads none):\n"
    )
    _table(["numbers spelled by inflect", "klint reads", "first misses"], rows)

    klint_ok = [s for s, p in PLURALS.items() if plural_forms(s) == (s, p)]
    infl_ok = [s for s, p in PLURALS.items() if eng.plural_noun(s) in (p, PLURAL_VARIANTS.get(s))]
    back_k = [p for s, p in PLURALS.items() if plural_forms(p)[0] == s]
    back_i = [p for s, p in PLURALS.items() if (eng.singular_noun(p) or p) == s]
    _table(
        [
            "plurals",
            f"singular → plural ({len(PLURALS)})",
            "plural → singular",
            "wrong (singular → plural)",
        ],
        [
            [
                "klint text.words.plural_forms",
                len(klint_ok),
                len(back_k),
                ", ".join(s for s in PLURALS if s not in klint_ok),
            ],
            [
                "inflect 7",
                len(infl_ok),
                len(back_i),
                ", ".join(s for s in PLURALS if s not in infl_ok),
            ],
        ],
    )
    first = ["1st", "2nd", "3rd", "11th", "21st", "101st", "112th"]
    from klint.text.numerals import ORDINAL_RE

    k_ord = sum(bool(ORDINAL_RE.match(o.lstrip("0123456789"))) for o in first)
    i_ord = sum(eng.ordinal(int(o[:-2])) == o for o in first)
    print(
        f'Ordinals: klint only needs to tell "21st" from a count (ORDINAL_RE, {k_ord}/{len(first)});'
        f" inflect writes them ({i_ord}/{len(first)}: {eng.ordinal(21)}, {eng.number_to_words(eng.ordinal(21))}).\n"
    )


# ---------------------------------------------------------------- names: edit distance, transliteration


def _corpus_docs() -> list[Path]:
    return sorted(
        p
        for p in CORPUS.rglob("*")
        if p.suffix in {".txt", ".md", ".wiki", ".html"} and p.name != "SOURCES.md"
    )


def _name_pairs(packs: Any, paths: list[Path]) -> tuple[list[tuple[str, str]], list[list[str]]]:
    """Every pair of name keys that KX305 compares (sharing a one-letter deletion) in ``paths``,
    and the keys of each article."""
    from klint.extract._names_match import _deletions, spellings
    from klint.extract.names import extract_mentions
    from klint.sources import read_path
    from klint.text.words import lower_words

    pairs: set[tuple[str, str]] = set()
    keys_per_doc = []
    for path in paths:
        try:
            doc = read_path(path)
        except Exception:  # an unreadable article is left out of the bench
            continue
        mentions = extract_mentions(doc, packs)
        lower = lower_words(doc.view)
        keys = [k for k in spellings(mentions, doc.view) if k not in lower]
        keys_per_doc.append(keys)
        first: dict[str, str] = {}
        for key in keys:
            if len(key) < 5:
                continue
            for d in _deletions(key):
                other = first.setdefault(d, key)
                if other != key:
                    pairs.add((other, key))
    return sorted(pairs), keys_per_doc


def _rf_edit1(a: str, b: str) -> tuple[str, str] | None:
    """klint's ``edit_distance1`` written with rapidfuzz: what differs when one edit apart."""
    from rapidfuzz.distance import OSA, Levenshtein

    if a == b or abs(len(a) - len(b)) > 1 or OSA.distance(a, b, score_cutoff=1) > 1:
        return None
    ops = Levenshtein.editops(a, b)
    if len(ops) == 2:  # a transposition
        i = ops[0].src_pos
        return a[i : i + 2], b[i : i + 2]
    op = ops[0]
    if op.tag == "replace":
        return a[op.src_pos], b[op.dest_pos]
    return "", a[op.src_pos] if op.tag == "delete" else b[op.dest_pos]


def names() -> None:
    from klint.extract._names_text import edit_distance1, name_key
    from klint.packs import load_packs

    packs = load_packs()
    rf = _have("rapidfuzz.distance")
    pairs, keys_per_doc = _name_pairs(packs, _corpus_docs())
    seed_pairs, seed_keys = _name_pairs(packs, [SEED])
    print(
        f"## Names: {len(keys_per_doc)} corpus articles, {sum(map(len, keys_per_doc)):,} name keys,"
        f" {len(pairs):,} pairs KX305 compares ({len(seed_pairs)} on the seed)\n"
    )

    def timed(func: Callable[[list[tuple[str, str]]], object]) -> list[str]:
        return [f"{_best_ms(lambda p=p: func(p)):.3f}" for p in (seed_pairs, pairs)]

    rows = [
        [
            "klint edit_distance1 (Python)",
            "-",
            *timed(lambda ps: [edit_distance1(a, b) for a, b in ps]),
        ]
    ]
    if rf:
        osa = rf.OSA.distance
        same = sum(edit_distance1(a, b) == _rf_edit1(a, b) for a, b in pairs)
        rows.append(
            [
                "rapidfuzz OSA + editops (what differs)",
                f"{same}/{len(pairs)}",
                *timed(lambda ps: [_rf_edit1(a, b) for a, b in ps]),
            ]
        )
        same = sum((osa(a, b) == 1) == (edit_distance1(a, b) is not None) for a, b in pairs)
        rows.append(
            [
                "rapidfuzz OSA.distance ≤ 1 alone",
                f"{same}/{len(pairs)}",
                *timed(lambda ps: [osa(a, b, score_cutoff=1) for a, b in ps]),
            ]
        )
    _table(["edit distance on those pairs", "agrees with klint", "ms, seed", "ms, corpus"], rows)

    # the candidate search alone: klint's deletion neighbourhoods vs a C distance over all pairs
    def klint_search(docs: list[list[str]]) -> None:
        for keys in docs:
            first: dict[str, str] = {}
            for key in keys:
                if len(key) >= 5:
                    for d in {key[:i] + key[i + 1 :] for i in range(len(key))} | {key}:
                        other = first.setdefault(d, key)
                        if other is not key:
                            edit_distance1(other, key)

    searches = {"klint: shared one-letter deletions, then edit_distance1": klint_search}
    if rf:
        from rapidfuzz import process

        def rf_search(docs: list[list[str]]) -> None:
            for keys in docs:
                long = [k for k in keys if len(k) >= 5]
                for k in long:
                    process.extract(k, long, scorer=rf.OSA.distance, score_cutoff=1, limit=None)

        searches["rapidfuzz: OSA distance ≤ 1 over all pairs (process.extract)"] = rf_search
    rows = [
        [
            label,
            f"{_best_ms(lambda search=search: search(seed_keys), runs=3):.1f}",
            f"{_best_ms(lambda search=search: search(keys_per_doc), runs=1):.0f}",
        ]
        for label, search in searches.items()
    ]
    _table(["finding the candidate pairs", "ms, seed", "ms, corpus"], rows)

    # the ledger: can a graded similarity tell TRUE findings from FALSE ones?
    judged = yaml.safe_load(LEDGER.read_text(encoding="utf-8"))["findings"]
    spelled = re.compile(r"“([^”]+)” is (?:spelled|written) “([^”]+)”")
    cases = [
        (m[1], m[2], e["verdict"])
        for e in judged
        if e.get("verdict") in ("TRUE", "FALSE")
        if (m := spelled.search(e["message"]))
    ]
    n_true = sum(v == "TRUE" for *_, v in cases)
    print(
        f"KX305 ledger: {len(cases)} judged findings ({n_true} TRUE, {len(cases) - n_true} FALSE);"
        f" klint's rule reports all of them, so its precision there is {n_true / len(cases):.2f}."
        " A score that separated them would rank TRUE pairs above FALSE ones (AUC 1.0; 0.5 is chance):\n"
    )
    if rf:
        scorers = {
            "Levenshtein normalized similarity": rf.Levenshtein.normalized_similarity,
            "Damerau-Levenshtein normalized similarity": rf.DamerauLevenshtein.normalized_similarity,
            "Jaro-Winkler similarity": rf.JaroWinkler.similarity,
        }
        rows = []
        for label, score in scorers.items():
            scored = [(score(name_key(a), name_key(b)), v == "TRUE") for a, b, v in cases]
            rows.append([label, f"{_auc(scored):.2f}", _best_cut(scored)])
        _table(["score on the two spellings", "AUC", "best cut: precision / TRUE kept"], rows)

    # transliteration: pairs of words in one article that a fold makes equal
    folds: dict[str, Callable[[str], str]] = {"klint name_key": name_key.__wrapped__}
    ud, aa = _have("unidecode"), _have("anyascii")
    if ud:
        folds["unidecode"] = _key_with(ud.unidecode)
    if aa:
        folds["anyascii"] = _key_with(aa.anyascii)
    found: dict[str, set[tuple[str, str]]] = {f: set() for f in folds}
    word_re = re.compile(r"[^\W\d_][^\W\d_'’-]{3,}")
    words_per_doc = []
    for path in _corpus_docs():
        words = {
            w
            for w in word_re.findall(path.read_text(encoding="utf-8", errors="replace"))
            if w[0].isupper()
        }
        words_per_doc.append(words)
        for fname, fold in folds.items():
            by: dict[str, list[str]] = {}
            for w in words:
                by.setdefault(fold(w), []).append(w)
            for group in by.values():
                if len(group) > 1:
                    group.sort()
                    found[fname].update(
                        (a, b)
                        for i, a in enumerate(group)
                        for b in group[i + 1 :]
                        if a.casefold() != b.casefold()
                    )
    every = set().union(*found.values())
    latin = {pair for pair in every if all(_latin(w) for w in pair)}
    all_words = [w for ws in words_per_doc for w in ws]
    rows = []
    for fname, fold in folds.items():
        missed = sorted(latin - found[fname])
        rows.append(
            [
                fname,
                f"{len(found[fname] & latin)}/{len(latin)}",
                f"{len(found[fname] - latin)}/{len(every - latin)}",
                ", ".join(f"{a}/{b}" for a, b in missed[:5]) or "-",
                f"{_best_ms(lambda fold=fold: [fold(w) for w in all_words], runs=3):.1f}",
            ]
        )
    print(
        f"Transliteration: capitalised words of each corpus article ({len(all_words):,} in all); a pair"
        " is two spellings in one article that differ by more than case and that some fold makes"
        " equal, both in Latin letters (Łódź/Lodz) or in two scripts (Popov/Попов):\n"
    )
    _table(
        [
            "fold",
            "Latin pairs joined",
            "two-script pairs joined",
            "Latin pairs it misses",
            "ms, all words",
        ],
        rows,
    )


def _key_with(fold: Callable[[str], str]) -> Callable[[str], str]:
    """A name key as klint's, with ``fold`` in place of its diacritic stripping."""

    def key(text: str) -> str:
        return " ".join(fold(re.sub(r"['’]s?$", "", text.strip())).casefold().split())

    return key


def _latin(word: str) -> bool:
    return all(unicodedata.name(c, "").startswith("LATIN") for c in word if c.isalpha())


def _auc(scored: list[tuple[float, bool]]) -> float:
    pos = [s for s, t in scored if t]
    neg = [s for s, t in scored if not t]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def _best_cut(scored: list[tuple[float, bool]]) -> str:
    """The threshold with the best precision that keeps at least 80 % of the TRUE pairs."""
    n_true = sum(t for _, t in scored)
    best = None
    for cut in sorted({s for s, _ in scored}):
        kept = [t for s, t in scored if s >= cut]
        if sum(kept) >= 0.8 * n_true:
            prec = sum(kept) / len(kept)
            if best is None or prec > best[0]:
                best = (prec, sum(kept) / n_true, cut)
    return f"≥ {best[2]:.2f}: {best[0]:.2f} / {best[1]:.2f}" if best else "-"


# ---------------------------------------------------------------- costs


def costs() -> None:
    print("## Costs: installed size (the distribution alone) and import time (fresh interpreter)\n")
    rows = []
    for dist, (module, use) in CANDIDATES.items():
        try:
            files = importlib.metadata.files(dist) or []
            version = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            rows.append([dist, "not installed", "", "", ""])
            continue
        size = sum(f.locate().stat().st_size for f in files if Path(f.locate()).is_file())
        code = (
            f"import time; t = time.perf_counter(); import {module}; u = time.perf_counter(); {use}; "
            "print(u - t, time.perf_counter() - u)"
        )
        runs = [
            [
                float(x)
                for x in subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, check=True
                ).stdout.split()
            ]
            for _ in range(3)
        ]
        imp, first = min(r[0] for r in runs), min(r[1] for r in runs)
        rows.append(
            [
                dist,
                version,
                f"{size / 1e6:.2f} MB",
                f"{imp * 1000:.0f} ms",
                f"{first * 1000:.1f} ms",
            ]
        )
    _table(["distribution", "version", "installed", "import", "first call"], rows)


JOBS = {
    "sentences": sentences,
    "lemmas": lemmas,
    "numbers": numbers,
    "names": names,
    "costs": costs,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument(
        "--only", choices=list(JOBS), action="append", help="run only this job (repeatable)"
    )
    args = ap.parse_args(argv)
    for name in args.only or list(JOBS):
        JOBS[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
