"""A corpus run: many articles (files and wiki dumps) mapped to findings and facts, then the
facts grouped by entity and compared across articles (the KC rules)."""
