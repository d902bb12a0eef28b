"""KX rules: references, acronyms, names and repeated text checked across the article."""

from __future__ import annotations

from klint.rules.base import Rule
from klint.rules.xrefs.kx301_phantom_reference import PhantomReference
from klint.rules.xrefs.kx302_undefined_acronym import UndefinedAcronym
from klint.rules.xrefs.kx303_acronym_before_definition import AcronymBeforeDefinition
from klint.rules.xrefs.kx304_acronym_conflict import AcronymConflict
from klint.rules.xrefs.kx305_name_variant import NameVariant
from klint.rules.xrefs.kx306_duplicate_text import DuplicateText
from klint.rules.xrefs.kx307_infobox_entity_unmentioned import InfoboxEntityUnmentioned
from klint.rules.xrefs.kx308_dangling_pointer import DanglingPointer
from klint.rules.xrefs.kx309_renamed_acronym_unlinked import RenamedAcronymUnlinked
from klint.rules.xrefs.kx310_acronym_name_untied import AcronymNameUntied

RULES: tuple[type[Rule], ...] = (
    PhantomReference,
    UndefinedAcronym,
    AcronymBeforeDefinition,
    AcronymConflict,
    NameVariant,
    DuplicateText,
    InfoboxEntityUnmentioned,
    DanglingPointer,
    RenamedAcronymUnlinked,
    AcronymNameUntied,
)
