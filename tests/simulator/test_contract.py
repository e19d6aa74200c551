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


def test_every_simulated_object_has_the_schemas_of_its_operations():
    """An object added to the simulator without its schemas extracted (tests/contract/extract_schemas.py OBJECTS)
    would have its answers checked against nothing: fail here instead."""
    from boomi_simulator.objects import OBJECTS
    schemas = contract.SCHEMAS["components"]["schemas"]
    missing = []
    for name, handler in sorted(OBJECTS.items()):
        for operation in handler.operations:
            schema = contract.schema_for(name, operation)
            if schema is None and operation != "delete":
                missing.append("%s %s: no schema name for this operation" % (name, operation))
            elif schema is not None and schema not in schemas:
                missing.append("%s %s: %s is not in boomi-schemas.json" % (name, operation, schema))
    assert not missing, missing
