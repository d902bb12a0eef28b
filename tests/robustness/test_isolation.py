"""Isolation: one failing rule or file never takes the run down.

A rule that raises yields KI001 for that rule only, the other rules and files
are still checked, and the run exits 2. A rule that runs past the per-file
time budget is stopped where it is (between rules where no alarm can be set), yields
KI004, and the remaining rules are skipped.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from klint import cli
from klint.config import Config
from klint.engine import enabled_rules, iter_files, lint_files, lint_text
from klint.rules import all_rules

from .adversarial import article_text


def _victim() -> type:
    """A real rule that is enabled by default and is not an engine (KI) rule."""
    return next(r for r in all_rules() if not r.code.startswith("KI") and r.default_enabled)


def _codes_found(text: str) -> set[str]:
    return {d.code for d in lint_text(text, "a.txt", Config(select=("ALL",)))}


def test_raising_rule_becomes_ki001_and_the_run_continues(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_text: str
) -> None:
    victim = _victim()

    def boom(self, ctx):
        yield from ()
        raise ZeroDivisionError("division by zero")

    expected = _codes_found(seed_text) - {victim.code}
    assert len(expected) >= 3  # the seed gives findings of several rules
    monkeypatch.setattr(victim, "check", boom)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(seed_text)
    results = list(lint_files(list(iter_files([str(tmp_path)], Config(select=("ALL",))))))
    assert len(results) == 2
    for r in results:
        ki001 = [d for d in r.diagnostics if d.code == "KI001"]
        assert r.error and len(ki001) == 1
        assert victim.code in ki001[0].message and "ZeroDivisionError" in ki001[0].message
        assert "\n" not in ki001[0].message
        assert ki001[0].line >= 1
        others = {d.code for d in r.diagnostics} - {"KI001"}
        assert expected <= others  # every other rule still ran


def test_raising_rule_makes_the_cli_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    victim = _victim()
    monkeypatch.setattr(
        victim, "check", lambda self, ctx: (_ for _ in ()).throw(RuntimeError("bad"))
    )
    (tmp_path / "a.txt").write_text(article_text())
    code = cli.main(["check", str(tmp_path / "a.txt"), "--jobs", "1", "--output-format", "concise"])
    out = capsys.readouterr()
    assert code == 2
    assert "KI001" in out.out and "Traceback" not in out.out + out.err


def test_crash_outside_the_rules_is_ki001_for_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import klint.extract as extract_mod

    real = extract_mod.extract

    def extract(doc, packs, languages=()):
        if doc.path.endswith("bad.txt"):
            raise MemoryError("simulated")
        return real(doc, packs, languages)

    monkeypatch.setattr(extract_mod, "extract", extract)
    (tmp_path / "bad.txt").write_text(article_text())
    (tmp_path / "good.txt").write_text(article_text())
    results = {
        Path(r.path).name: r
        for r in lint_files(list(iter_files([str(tmp_path)], Config(select=("ALL",)))))
    }
    assert results["bad.txt"].error and [d.code for d in results["bad.txt"].diagnostics] == [
        "KI001"
    ]
    assert not results["good.txt"].error


def test_time_budget_turns_a_slow_rule_into_ki004(monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(select=("ALL",), time_budget=0.1)
    rules = enabled_rules(config, "a.txt")
    slow = type(rules[0])

    def sleepy(self, ctx):
        time.sleep(0.3)
        return iter(())

    monkeypatch.setattr(slow, "check", sleepy)
    started = time.monotonic()
    diagnostics = lint_text(article_text(), "a.txt", config)
    took = time.monotonic() - started
    ki004 = [d for d in diagnostics if d.code == "KI004"]
    assert len(ki004) == 1 and "time-budget" in ki004[0].message
    assert f"{len(rules) - 1} rules were skipped" in ki004[0].message
    assert took < 2.0


def test_time_budget_stops_a_rule_that_never_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_text: str
) -> None:
    victim = _victim()

    def endless(self, ctx):
        if ctx.doc.path.endswith("slow.txt"):
            ends = time.monotonic() + 30  # Python code: stopped by the alarm, not at its end
            while time.monotonic() < ends:
                pass
        return iter(())

    monkeypatch.setattr(victim, "check", endless)
    (tmp_path / "slow.txt").write_text(seed_text)
    (tmp_path / "good.txt").write_text(seed_text)
    config = Config(select=("ALL",), time_budget=0.5)
    started = time.monotonic()
    results = {Path(r.path).name: r for r in lint_files(list(iter_files([str(tmp_path)], config)))}
    assert time.monotonic() - started < 20
    slow = [d for d in results["slow.txt"].diagnostics if d.code == "KI004"]
    assert len(slow) == 1 and f"in {victim.code} ({victim.name})" in slow[0].message
    assert not [d for d in results["good.txt"].diagnostics if d.code == "KI004"]
    assert len(results["good.txt"].diagnostics) > 3  # the next file is checked in full


def test_time_budget_stops_a_regex_in_the_middle(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    victim = _victim()
    catastrophic = re.compile(r"(a+)+$")

    def backtracking(self, ctx):
        catastrophic.match("a" * 29 + "b")  # 18 s of backtracking: the re engine hears the alarm
        return iter(())

    monkeypatch.setattr(victim, "check", backtracking)
    started = time.monotonic()
    diagnostics = lint_text(article_text(), "a.txt", Config(select=("ALL",), time_budget=0.3))
    assert time.monotonic() - started < 10
    ki004 = [d for d in diagnostics if d.code == "KI004"]
    assert len(ki004) == 1 and victim.code in ki004[0].message


def test_time_budget_outside_the_main_thread_is_read_between_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    config = Config(select=("ALL",), time_budget=0.1)
    rules = enabled_rules(config, "a.txt")

    def sleepy(self, ctx):
        time.sleep(0.3)
        return iter(())

    monkeypatch.setattr(type(rules[0]), "check", sleepy)
    out: list = []
    worker = threading.Thread(target=lambda: out.extend(lint_text(article_text(), "a.txt", config)))
    worker.start()
    worker.join(30)
    ki004 = [d for d in out if d.code == "KI004"]
    assert len(ki004) == 1 and rules[0].code not in ki004[0].message  # the rule ran to its end
    assert f"{len(rules) - 1} rules were skipped" in ki004[0].message


def test_time_budget_leaves_the_callers_alarm_alone() -> None:
    import signal

    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timers here")
    rang: list[int] = []

    def callers(signum, frame):
        rang.append(signum)

    previous = signal.signal(signal.SIGALRM, callers)
    try:
        lint_text(article_text(), "a.txt", Config(select=("ALL",)))
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left behind
        assert signal.getsignal(signal.SIGALRM) is callers and not rang
        signal.setitimer(signal.ITIMER_REAL, 30)  # the caller's own alarm, pending
        lint_text(article_text(), "a.txt", Config(select=("ALL",), time_budget=5))
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 30  # still the caller's
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_time_budget_is_read_from_the_configuration(tmp_path: Path) -> None:
    from klint.config import load_file

    path = tmp_path / ".klint.yaml"
    path.write_text("time-budget: 2.5\n")
    cfg = load_file(path)
    assert cfg is not None and cfg.time_budget == 2.5


def test_extractor_crash_in_lint_text_is_ki001_not_an_exception(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import klint.extract as extract_mod

    def extract(doc, packs, languages=()):
        raise ValueError("first line\nsecond line")

    monkeypatch.setattr(extract_mod, "extract", extract)
    diagnostics = lint_text(article_text(), "a.txt", Config(select=("ALL",)))
    assert [d.code for d in diagnostics] == ["KI001"]
    assert "claim extraction failed: ValueError: first line second line" in diagnostics[0].message
    assert "\n" not in diagnostics[0].message and diagnostics[0].line == 1


def test_multi_line_exception_message_stays_on_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    victim = _victim()

    def boom(self, ctx):
        raise RuntimeError("a\n  b\n" + "x" * 1000)

    monkeypatch.setattr(victim, "check", boom)
    ki001 = [
        d for d in lint_text(article_text(), "a.txt", Config(select=("ALL",))) if d.code == "KI001"
    ]
    assert len(ki001) == 1 and "\n" not in ki001[0].message and len(ki001[0].message) < 500
    assert "RuntimeError: a b x" in ki001[0].message and ki001[0].message.endswith("]")


def test_time_budget_counts_a_slow_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    import klint.extract as extract_mod

    real = extract_mod.extract

    def slow(doc, packs, languages=()):
        time.sleep(0.3)
        return real(doc, packs, languages)

    monkeypatch.setattr(extract_mod, "extract", slow)
    config = Config(select=("ALL",), time_budget=0.1)
    diagnostics = lint_text(article_text(), "a.txt", config)
    ki004 = [d for d in diagnostics if d.code == "KI004"]
    assert len(ki004) == 1
    assert f"{len(enabled_rules(config, 'a.txt'))} rules were skipped" in ki004[0].message
