"""KN rules: numbers against each other, totals, shares, lists and tables.

Every comparison first buckets quantities by what they count (and by paragraph or
sentence), so a rule never walks all pairs of a long article's numbers. Qualifier
tolerances, subset relations and cue words come from the ``numbers`` rule pack.
"""

from __future__ import annotations

from klint.rules.base import Rule
from klint.rules.numbers.kn201_value_conflict import ValueConflict
from klint.rules.numbers.kn202_total_mismatch import TotalMismatch
from klint.rules.numbers.kn203_percent_out_of_range import PercentOutOfRange
from klint.rules.numbers.kn204_shares_exceed_whole import SharesExceedWhole
from klint.rules.numbers.kn205_reversed_number_range import ReversedNumberRange
from klint.rules.numbers.kn206_count_vs_list import CountVsList
from klint.rules.numbers.kn207_table_total_mismatch import TableTotalMismatch
from klint.rules.numbers.kn208_percent_vs_counts import PercentVsCounts
from klint.rules.numbers.kn209_attribute_value_conflict import AttributeValueConflict
from klint.rules.numbers.kn210_conversion_mismatch import ConversionMismatch
from klint.rules.numbers.kn211_part_exceeds_whole import PartExceedsWhole
from klint.rules.numbers.kn212_losses_exceed_strength import LossesExceedStrength
from klint.rules.numbers.kn213_table_vs_infobox import TableVsInfobox
from klint.rules.numbers.kn214_table_vs_text import TableVsText
from klint.rules.numbers.kn215_twin_figure import TwinFigure
from klint.rules.numbers.kn216_rank_conflict import RankConflict
from klint.rules.numbers.kn220_itemised_total import ItemisedTotal

RULES: tuple[type[Rule], ...] = (
    ValueConflict,
    TotalMismatch,
    PercentOutOfRange,
    SharesExceedWhole,
    ReversedNumberRange,
    CountVsList,
    TableTotalMismatch,
    PercentVsCounts,
    AttributeValueConflict,
    ConversionMismatch,
    PartExceedsWhole,
    LossesExceedStrength,
    TableVsInfobox,
    TableVsText,
    TwinFigure,
    RankConflict,
    ItemisedTotal,
)
