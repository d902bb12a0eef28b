"""KD rules: dates against each other, against the subject's span and the calendar."""

from __future__ import annotations

from klint.rules.base import Rule
from klint.rules.dates.kd101_impossible_date import ImpossibleDate
from klint.rules.dates.kd102_reversed_date_range import ReversedDateRange
from klint.rules.dates.kd103_outside_subject_span import OutsideSubjectSpan
from klint.rules.dates.kd104_chronology_regression import ChronologyRegression
from klint.rules.dates.kd105_relative_order_conflict import RelativeOrderConflict
from klint.rules.dates.kd106_duration_mismatch import DurationMismatch
from klint.rules.dates.kd107_after_death import AfterDeath
from klint.rules.dates.kd108_event_date_conflict import EventDateConflict
from klint.rules.dates.kd109_weekday_mismatch import WeekdayMismatch
from klint.rules.dates.kd110_attribute_date_conflict import AttributeDateConflict
from klint.rules.dates.kd111_age_mismatch import AgeMismatch
from klint.rules.dates.kd112_act_outside_life import ActOutsideLife
from klint.rules.dates.kd113_year_chronology import YearChronologyRegression
from klint.rules.dates.kd114_order_word_conflict import OrderWordConflict
from klint.rules.dates.kd115_age_vs_birth import AgeVsBirth
from klint.rules.dates.kd116_edition_year_mismatch import EditionYearMismatch
from klint.rules.dates.kd120_first_occurrence_conflict import FirstOccurrenceConflict

RULES: tuple[type[Rule], ...] = (
    ImpossibleDate,
    ReversedDateRange,
    OutsideSubjectSpan,
    ChronologyRegression,
    RelativeOrderConflict,
    DurationMismatch,
    AfterDeath,
    EventDateConflict,
    WeekdayMismatch,
    AttributeDateConflict,
    AgeMismatch,
    ActOutsideLife,
    YearChronologyRegression,
    OrderWordConflict,
    AgeVsBirth,
    EditionYearMismatch,
    FirstOccurrenceConflict,
)
