"""Values built once per packs object: compiled lexicons and patterns of a pack set.

Packs are mutable dataclasses, so not hashable: a value is kept by the object's identity
(checked, since an id may be reused once its object is gone), and only a few are kept.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

_P = TypeVar("_P")
_T = TypeVar("_T")


def per_packs(build: Callable[[_P], _T]) -> Callable[[_P], _T]:
    """``build(packs)``, run once for each packs object it is called with."""
    kept: dict[int, tuple[_P, _T]] = {}

    @functools.wraps(build)
    def get(packs: _P) -> _T:
        hit = kept.get(id(packs))
        if hit is not None and hit[0] is packs:
            return hit[1]
        value = build(packs)
        if len(kept) > 8:
            kept.clear()
        kept[id(packs)] = (packs, value)
        return value

    return get
