"""KS rules: the claims file (``<article>.klint.yaml``) and article-type schemas.

KS001, KS002 and KS006 point into the claims file (they set the diagnostic's
path and position themselves); KS003, KS004 and KS005 point into the article,
with the claims-file entry as a related location.
"""

from __future__ import annotations

from klint.rules.base import Rule
from klint.rules.schema.ks001_claims_file_invalid import ClaimsFileInvalid
from klint.rules.schema.ks002_quote_not_found import QuoteNotFound
from klint.rules.schema.ks003_value_drift import ValueDrift
from klint.rules.schema.ks004_constraint_violated import ConstraintViolated
from klint.rules.schema.ks005_required_claim_missing import RequiredClaimMissing
from klint.rules.schema.ks006_unknown_id import UnknownId

RULES: tuple[type[Rule], ...] = (
    ClaimsFileInvalid,
    QuoteNotFound,
    ValueDrift,
    ConstraintViolated,
    RequiredClaimMissing,
    UnknownId,
)
