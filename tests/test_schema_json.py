"""The claims file's JSON Schema: generated, checked in, and accepted by an independent validator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from klint.claimsfile import json_schema

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
CHECKED_IN = ROOT / "schema" / "claims.schema.json"
SEED_CLAIMS = ROOT / "seeds" / "nagorno-karabakh-war.klint.yaml"


class _Yaml12Loader(yaml.SafeLoader):
    """Reads dates as strings, as YAML 1.2 (and yaml-language-server) do."""


_Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _validator():
    schema = json.loads(CHECKED_IN.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_checked_in_schema_is_current() -> None:
    current = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    assert CHECKED_IN.read_text(encoding="utf-8") == current, (
        "schema/claims.schema.json is stale; regenerate it with `klint schema > schema/claims.schema.json`"
    )


def test_cli_prints_the_schema(klint_cli) -> None:
    proc = klint_cli("schema")
    assert proc.returncode == 0
    assert proc.stdout == CHECKED_IN.read_text(encoding="utf-8")


def test_seed_claims_file_validates_with_jsonschema() -> None:
    data = yaml.load(SEED_CLAIMS.read_text(encoding="utf-8"), Loader=_Yaml12Loader)
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_seed_claims_file_has_the_modeline() -> None:
    first = SEED_CLAIMS.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/claims.schema.json"
    assert (SEED_CLAIMS.parent / "../schema/claims.schema.json").resolve() == CHECKED_IN.resolve()


@pytest.mark.parametrize(
    "data",
    [
        {"facts": [{"id": "a", "vaule": 3}]},
        {"facts": [{"id": "a", "value": "many"}]},
        {"events": [{"id": "e", "date": "1994-13-01"}]},
        {"constraints": [{"kind": "bfore", "first": "a", "then": "b"}]},
        {"constraints": [{"kind": "sum", "total": "t", "parts": ["a"]}]},
        {"entities": [{"id": "1x", "name": "X"}]},
        {"subject": {"span": {"start": "May 1994"}}},
    ],
)
def test_schema_rejects_what_the_models_reject(data: dict) -> None:
    from pydantic import ValidationError

    from klint.claimsfile.models import ClaimsFile

    assert list(_validator().iter_errors(data))
    with pytest.raises(ValidationError):
        ClaimsFile.model_validate(data)
