"""The contract the simulator is held to: Boomi's OpenAPI schemas, kept under tests/contract."""

import json
from pathlib import Path

import jsonschema
import pytest

from ..contract import contract
from ..contract.extract_schemas import DEFAULT_SOURCE, FULL_SOURCE, extract


def test_extract_is_current_when_the_source_is_here():
    if not DEFAULT_SOURCE.exists() or not FULL_SOURCE.exists():
        pytest.skip("Boomi's OpenAPI documents are not beside this checkout")
    with open(DEFAULT_SOURCE, encoding="utf-8") as handle, open(FULL_SOURCE, encoding="utf-8") as whole:
        fresh = extract(json.load(handle), json.load(whole))
    kept = json.loads((Path(contract.__file__).parent / "boomi-schemas.json").read_text(encoding="utf-8"))
    assert fresh == kept


def test_validator_rejects_a_wrong_shape():
    with pytest.raises(jsonschema.ValidationError):
        contract.validate("DeployedPackage", {"version": "not a number"})
    with pytest.raises(jsonschema.ValidationError):
        contract.validate("PackagedComponent", {"componentId": "only this"})  # required fields missing


def test_every_answer_of_a_full_flow_is_checked(sim, boomi):
    from .helpers import released_pack
    from ..conftest import ENVIRONMENTS
    created, ids = released_pack(boomi, sim, ("order_intake", "invoice_sync"))
    boomi.create("DeployedPackage", {"environmentId": ENVIRONMENTS["dev"], "packageId": ids["order_intake"]})
    boomi.query("DeployedPackage")
    boomi.query("PublisherIntegrationPack")
    boomi.get("PublisherIntegrationPack", created["id"])
    boomi.query("Environment")
    assert boomi.checked >= 12
