"""Shared hypothesis settings and helpers for the robustness suite.

Profiles (select with ``KLINT_FUZZ_PROFILE``): ``ci`` (default, keeps the suite
within a few minutes on two cores) and ``deep`` (ten times the examples, for a
long local run). Every profile has ``deadline=None``: the time bounds that
matter are the explicit per-input ones in the tests, not hypothesis's.
"""

from __future__ import annotations

import importlib.util
import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "klint-ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=False,
)
settings.register_profile(
    "klint-deep", max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

PROFILE = "klint-deep" if os.environ.get("KLINT_FUZZ_PROFILE") == "deep" else "klint-ci"
FUZZ = settings(settings.get_profile(PROFILE))


def scaled(n: int) -> settings:
    """FUZZ with ``n`` examples in CI (and ten times that in the deep profile)."""
    return settings(FUZZ, max_examples=n * (10 if PROFILE == "klint-deep" else 1))


def available_formats() -> list[str]:
    """Input formats whose reader has landed: its module exists and defines ``read``."""
    from klint.sources import READERS

    out = []
    for name, (module, _) in READERS.items():
        if importlib.util.find_spec(module) is not None and hasattr(
            importlib.import_module(module), "read"
        ):
            out.append(name)
    return out


def internal_errors(diagnostics) -> list[str]:
    """Messages of KI001 diagnostics: a rule or the engine crashed."""
    return [d.message for d in diagnostics if d.code == "KI001"]
