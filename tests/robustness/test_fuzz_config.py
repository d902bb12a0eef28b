"""Random configuration through the config loader: a Config or a ConfigError, nothing else.

Covers ``from_mapping`` with arbitrary YAML-shaped values, ``load_file`` with
arbitrary bytes as ``.klint.yaml`` and ``pyproject.toml``, YAML alias bombs
("billion laughs") and oversized files, which must be refused, not expanded.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from klint.config import KEYS, Config, ConfigError, from_mapping, load_file

from ._fuzz import scaled

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(
        ["ALL", "KD", "KN201", "KX306", "KI001", "K", "kd", "error", "warning", "info", "*.txt", ""]
    )
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text(max_size=8) | st.sampled_from(["KD", "KN201", "*.md", "KI004"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)
MAPPINGS = st.dictionaries(st.sampled_from(sorted(KEYS)) | st.text(max_size=10), VALUES, max_size=5)


def _only_config_errors(call) -> Config | None:
    try:
        return call()
    except ConfigError as exc:
        assert str(exc).count("\n") == 0, str(exc)
        return None


@scaled(150)
@given(data=MAPPINGS | VALUES)
@example(data={"time-budget": float("nan")})
@example(data={"time-budget": True})
@example(data={"severity": {"KD": ["error"]}})
@example(data={"rules": {"KI001": []}})
def test_from_mapping_gives_a_config_or_a_config_error(data) -> None:
    cfg = _only_config_errors(
        lambda: from_mapping(
            data, ".klint.yaml", yaml.safe_dump(data) if isinstance(data, dict) else ""
        )
    )
    if cfg is not None:
        assert cfg.time_budget > 0  # NaN or a negative budget would switch the budget off
        cfg.is_enabled("KD101", True, "a/b.txt")
        cfg.severity_for("KD101", cfg.severity_for("KI001", cfg.severity_for("KN", None)))  # type: ignore[arg-type]


@scaled(120)
@given(
    data=st.binary(max_size=300)
    | st.text(max_size=300).map(str.encode)
    | MAPPINGS.map(lambda m: yaml.safe_dump(m, allow_unicode=True).encode())
)
@example(data=b"select: [KD\nignore: ]")
@example(data=b"!!python/object/apply:os.system ['echo pwned']")
@example(data=b"\xff\xfe")
@example(data=b"- a\n- b\n")
def test_load_yaml_file_gives_a_config_or_a_config_error(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("cfg") / ".klint.yaml"
    path.write_bytes(data)
    _only_config_errors(lambda: load_file(path))


@scaled(120)
@given(
    data=st.binary(max_size=200)
    | st.text(max_size=200).map(str.encode)
    | MAPPINGS.map(
        _toml := lambda m: (
            "[tool.klint]\n"
            + "".join(
                f"{k!r} = {v!r}\n".replace("'", '"')
                for k, v in m.items()
                if isinstance(v, (str, int, list)) and not isinstance(v, bool)
            )
        ).encode()
    )
)
@example(data=b"tool = 1\n")
@example(data=b'tool = "klint"\n')
@example(data=b"[tool]\nklint = 5\n")
@example(data=b"[tool]\nklint = [1, 2]\n")
@example(data=b"[tool.klint]\ntime-budget = nan\n")
def test_load_pyproject_gives_a_config_or_a_config_error(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("cfg") / "pyproject.toml"
    path.write_bytes(data)
    _only_config_errors(lambda: load_file(path))


LOL = ", ".join(['"lol"'] * 9)
#: nine levels of nine-fold aliases under a valid key: 9**9 strings if expanded
BOMB_RULES = (
    "rules:\n  KD:\n    a: &a ["
    + LOL
    + "]\n"
    + "".join(
        f"    {chr(98 + k)}: &{chr(98 + k)} [" + ", ".join([f"*{chr(97 + k)}"] * 9) + "]\n"
        for k in range(8)
    )
)


@pytest.mark.parametrize(
    "use",
    [
        "severity: {KD: *i}",
        "per-file-ignores: {'*.txt': *i}",
        "select: *i",
        "article-type: *i",
        "rules: {KD: *i}",
        "include: [*i]",
    ],
)
def test_alias_bomb_is_rejected_quickly(tmp_path: Path, use: str) -> None:
    path = tmp_path / ".klint.yaml"
    path.write_text(
        BOMB_RULES.replace("rules:", "x-rules:")
        if use.startswith("rules")
        else BOMB_RULES + use + "\n"
    )
    if use.startswith("rules"):
        path.write_text(BOMB_RULES + "severity: {KD: *i}\n")
    started = time.monotonic()
    with pytest.raises(ConfigError):
        load_file(path)
    assert time.monotonic() - started < 5


def test_huge_config_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / ".klint.yaml"
    path.write_text("# padding\n" * 400_000 + "select: [KD]\n")
    started = time.monotonic()
    with pytest.raises(ConfigError, match=r"too large|over"):
        load_file(path)
    assert time.monotonic() - started < 5


def test_yaml_tags_never_construct_python_objects(tmp_path: Path) -> None:
    path = tmp_path / ".klint.yaml"
    marker = tmp_path / "ran"
    path.write_text(f"select: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(ConfigError):
        load_file(path)
    assert not marker.exists()
