"""KC rules: facts checked across the articles of a corpus (a wiki dump or a folder)."""

from __future__ import annotations

from klint.rules.base import Rule
from klint.rules.corpus.kc101_linked_date_conflict import LinkedDateConflict
from klint.rules.corpus.kc102_linked_figure_conflict import LinkedFigureConflict

RULES: tuple[type[Rule], ...] = (LinkedDateConflict, LinkedFigureConflict)
