"""The profile's fit of an article's time to what it holds (bench/profile.py): the instrument,
never klint's speed."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "bench_profile", Path(__file__).resolve().parents[1] / "bench" / "profile.py"
)
assert _SPEC is not None and _SPEC.loader is not None
profile = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(profile)


def _rows(k: int, rng: random.Random) -> list[tuple[float, ...]]:
    """``k`` articles' terms as the profile builds them: one, KB, regions, dates,
    quantities, names, of the sizes the corpus has."""
    out = []
    for _ in range(k):
        kb = rng.uniform(1, 300)
        out.append(
            (
                1.0,
                kb,
                rng.randint(1, 40) * kb / 10,
                rng.randint(0, 20) * kb / 20,
                rng.randint(0, 30) * kb / 20,
                rng.randint(5, 60) * kb / 10,
            )
        )
    return out


def test_fit_recovers_the_costs_of_exact_times():
    rng = random.Random(7)
    rows = _rows(120, rng)
    costs = [0.6, 0.14, 0.034, 0.027, 0.041, 0.007]
    times = [sum(c * x for c, x in zip(costs, r)) for r in rows]
    got = profile._fit(rows, times)
    assert [round(g, 6) for g in got] == costs


def test_fit_leaves_no_better_line_through_noisy_times():
    rng = random.Random(11)
    rows = _rows(200, rng)
    costs = [0.6, 0.14, 0.034, 0.027, 0.041, 0.007]
    times = [sum(c * x for c, x in zip(costs, r)) * rng.uniform(0.7, 1.3) for r in rows]
    got = profile._fit(rows, times)

    def residual(coef: list[float]) -> float:
        return sum((t - sum(c * x for c, x in zip(coef, r))) ** 2 for r, t in zip(rows, times))

    best = residual(got)
    for i in range(len(got)):  # a least-squares fit: any coefficient moved fits worse
        for step in (1e-3, -1e-3):
            moved = list(got)
            moved[i] += step
            assert residual(moved) > best
    assert residual(costs) > best  # noise: the true costs are not the best fit of these times


def test_fit_gives_none_where_no_one_fit_is_best():
    rng = random.Random(3)
    rows = _rows(60, rng)
    times = [sum(r) for r in rows]
    no_quantities = [(*r[:4], 0.0, r[5]) for r in rows]  # a column of zeros
    assert profile._fit(no_quantities, times) is None
    twice = [(*r[:5], 2 * r[2]) for r in rows]  # a column that is another's double
    assert profile._fit(twice, times) is None
    assert profile._fit(rows, times) is not None  # the near miss: every column its own
