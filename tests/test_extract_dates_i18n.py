"""Dates in other languages (config ``languages``): found by the scanner, read by dateparser."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import run_klint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klint
from klint.config import Config, ConfigError, from_mapping
from klint.extract import _dateintl, extract
from klint.packs import load_packs
from klint.sources import read_text

ARTICLE = (
    "Savaş\n"
    "\n"
    "Çatışmalar 20 Şubat 1988 tarihinde başladı ve Mart 1992'de şehir düştü.\n"
    "Война началась 20 февраля 1988 года, а перемирие подписали 12 мая 1994 года.\n"
    "The cease-fire was signed on May 12, 1994.\n"
)
EXPECTED = [  # text, earliest, latest, precision
    ("20 Şubat 1988", date(1988, 2, 20), date(1988, 2, 20), "day"),
    ("Mart 1992", date(1992, 3, 1), date(1992, 3, 31), "month"),
    ("20 февраля 1988 года", date(1988, 2, 20), date(1988, 2, 20), "day"),
    ("12 мая 1994 года", date(1994, 5, 12), date(1994, 5, 12), "day"),
    ("May 12, 1994", date(1994, 5, 12), date(1994, 5, 12), "day"),
]
TR_RU = ("tr", "ru")


def _dates(text: str, languages: tuple[str, ...]):
    doc = read_text(text, "a.txt", None)
    return doc, extract(doc, load_packs(), languages).dates


def test_turkish_and_russian_dates_with_values_and_spans():
    doc, dates = _dates(ARTICLE, TR_RU)
    got = [(d.text, d.earliest, d.latest, d.precision) for d in dates]
    assert got == EXPECTED
    for d in dates:
        assert ARTICLE[d.start : d.end] == d.text
    assert doc.position(dates[0].start) == (3, 12)
    assert doc.position(dates[2].start) == (4, 16)


def test_without_languages_only_english_dates():
    _, dates = _dates(ARTICLE, ())
    assert [d.text for d in dates] == ["May 12, 1994"]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Het begon op 20 februari 1988.", ("nl",), (date(1988, 2, 20), "day")),
        ("Es begann am 20. Februar 1988.", ("de",), (date(1988, 2, 20), "day")),
        ("Подписано 5 фев. 1990 г. в Москве.", ("ru",), (date(1990, 2, 5), "day")),
        ("Haziran 1993 sonunda geri çekildiler.", ("tr",), (date(1993, 6, 1), "month")),
        # read with Russian too, "6 Mart" is June in the Marquesas time zone (MART): only Turkish reads it
        ("Olaylar 6 Mart 1982 tarihinde başladı.", ("ru", "tr"), (date(1982, 3, 6), "day")),
        (
            "В феврале 1988 года начались митинги.",
            ("ru",),
            None,
        ),  # prepositional case: dateparser does not read it
    ],
)
def test_other_forms(text: str, lang: tuple[str, ...], value):
    _, dates = _dates(f"T\n\n{text}\n", lang)
    assert [(d.earliest, d.precision) for d in dates] == ([value] if value else [])


def test_only_month_words_of_the_languages_are_sent_to_dateparser(monkeypatch: pytest.MonkeyPatch):
    sent: list[str] = []
    real = _dateintl._normalize
    monkeypatch.setattr(
        _dateintl, "_normalize", lambda langs, text: sent.append(text) or real(langs, text)
    )
    text = "T\n\nThe war ended in 1992. In 12 villages 1994 was hard. Ara 1990, Mart 1992 and 3 Mai 1993.\n"
    _, dates = _dates(text, ("de",))  # "Ara" and "Mart" are Turkish, not German
    assert sent == ["3 Mai 1993"]
    assert [(d.text, d.earliest) for d in dates] == [
        ("1992", date(1992, 1, 1)),
        ("3 Mai 1993", date(1993, 5, 3)),
    ]


def test_invalid_day_in_turkish_is_kd101_through_lint_text():
    text = "T\n\nSavaş 31 Şubat 1988 tarihinde başladı.\n"
    config = Config(select=("KD101",), languages=("tr",))
    found = klint.lint_text(text, "a.txt", config)
    assert [(d.code, d.line, d.column, d.end_column) for d in found] == [("KD101", 3, 7, 20)]
    assert klint.lint_text(text, "a.txt", Config(select=("KD101",))) == []


def test_reversed_range_in_russian_through_lint_text():
    text = "T\n\nБои шли с 20 февраля 1994 года по 12 мая 1988 года.\n"
    found = klint.lint_text(text, "a.txt", Config(languages=("ru",)))
    assert [
        d.code for d in found if d.code.startswith("KD")
    ] == []  # "с … по" is not an English range word
    _, dates = _dates(text, ("ru",))
    assert [d.earliest for d in dates] == [date(1994, 2, 20), date(1988, 5, 12)]


def test_cli_extract_reads_languages_from_config(tmp_path: Path):
    (tmp_path / ".klint.yaml").write_text("languages: [tr, ru]\n")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run_klint("extract", str(tmp_path / "a.txt"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    claims = [c for c in json.loads(proc.stdout)["claims"] if c["kind"] == "date"]
    got = [
        (c["text"], c["start"], c["end"], c["precision"], c["line"], c["column"], c["end_column"])
        for c in claims
    ]
    assert got == [
        ("20 Şubat 1988", "1988-02-20", "1988-02-20", "day", 3, 12, 25),
        ("Mart 1992", "1992-03", "1992-03", "month", 3, 47, 56),
        ("20 февраля 1988 года", "1988-02-20", "1988-02-20", "day", 4, 16, 36),
        ("12 мая 1994 года", "1994-05-12", "1994-05-12", "day", 4, 60, 76),
        ("May 12, 1994", "1994-05-12", "1994-05-12", "day", 5, 30, 42),
    ]


def test_english_only_run_does_not_import_dateparser(tmp_path: Path):
    code = (
        "import sys, klint\n"
        "from klint.config import discover\n"
        f"text = open({str(tmp_path / 'a.txt')!r}, encoding='utf-8').read()\n"
        "klint.lint_text(text, 'a.txt', discover('.'))\n"
        "assert 'dateparser' not in sys.modules, 'imported'\n"
        "klint.lint_text(text, 'a.txt', klint.config.Config(languages=('tr',)))\n"
        "assert 'dateparser' in sys.modules, 'not imported'\n"
    )
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize(
    ("yaml_text", "line", "message"),
    [
        ("select: [KD]\nlanguages: [tr, xx]\n", 2, "languages: unknown language code 'xx'"),
        ("languages:\n  - trr\n", 1, "languages: unknown language code 'trr'; did you mean 'tr'?"),
        (
            "languages: [TR]\n",
            1,
            "languages: expected a list of lower-case ISO 639-1 codes, e.g. [tr, ru]",
        ),
        (
            "languages: tr\n",
            1,
            "languages: expected a list of lower-case ISO 639-1 codes, e.g. [tr, ru]",
        ),
    ],
)
def test_bad_language_is_a_one_line_config_error(
    tmp_path: Path, yaml_text: str, line: int, message: str
):
    cfg = tmp_path / ".klint.yaml"
    cfg.write_text(yaml_text)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for command in ("check", "extract"):
        proc = run_klint(command, str(tmp_path / "a.txt"))
        assert proc.returncode == 2
        assert proc.stderr.strip() == f"klint: error: {cfg}:{line}: {message}"


def test_languages_config_value_and_fingerprint():
    cfg = from_mapping(
        {"languages": ["tr", "ru", "tr"]}, "pyproject.toml", "languages = ['tr', 'ru']\n"
    )
    assert cfg.languages == TR_RU
    assert cfg.fingerprint() != Config().fingerprint()
    with pytest.raises(ConfigError):
        from_mapping({"languages": [1]}, "x", "")


_PIECES = st.sampled_from(
    [
        "20 ",
        "Şubat ",
        "февраля ",
        "1988",
        " года",
        "Mart",
        "г.",
        "31 ",
        "mayıs",
        ". ",
        "-",
        "–",
        "\u00a0",
        "May ",
        "12",
        "0",
        "9999",
        "ЯНВАРЯ ",
        "İ",
        "ß",
        "\n",
        "\n\n",
        "  ",
        ",",
        "'de",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(_PIECES, max_size=60).map("".join), st.text(max_size=300)))
def test_random_text_with_languages_never_raises(text: str):
    _, dates = _dates("T\n\n" + text, ("tr", "ru", "de"))
    for d in dates:
        assert d.earliest <= d.latest
