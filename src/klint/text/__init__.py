"""The text layer: what every extractor and rule reads text with.

- :mod:`klint.text.sentences` — sentence and clause boundaries, quotations, brackets;
- :mod:`klint.text.words` — word-list patterns (prefix trees), literal finders, case;
- :mod:`klint.text.calendar` — month, season and weekday names;
- :mod:`klint.text.numerals` — numeral tokens and their values;
- :mod:`klint.text.index` — :class:`~klint.text.index.TextIndex`, a document's
  sentences found once, reached as ``Document.text_index``.
"""
