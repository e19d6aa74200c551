"""Boomi's business rules as the simulator enforces them: one test per rule, over real HTTP."""

import copy

import pytest
from boomi_simulator.seed import BUILTIN_SEED

from ..conftest import COMPONENTS, ENVIRONMENTS
from .helpers import members, pack, package, release, released_pack, set_members

INTAKE = COMPONENTS["order_intake"]


def error(answer, status=400):
    assert answer.status_code == status, answer.text
    return answer.json()["message"]


# -- PackagedComponent ---------------------------------------------------------------------------------
def test_package_create_returns_documented_fields(boomi):
    body = package(boomi, version="1.0.5").json()
    assert body["@type"] == "PackagedComponent"
    assert body["componentId"] == INTAKE and body["packageVersion"] == "1.0.5"
    assert body["componentVersion"] == 3 and body["componentType"] == "process"
    assert body["createdBy"] == "ops@example.com" and body["createdDate"].endswith("Z")
    assert body["shareable"] is True and body["deleted"] is False


def test_duplicate_package_version_is_rejected(boomi):
    package(boomi, version="1.0.5")
    message = error(package(boomi, version="1.0.5"))
    assert "'1.0.5' already exists" in message and INTAKE in message


def test_duplicate_of_deleted_package_version_is_rejected(boomi):
    package_id = package(boomi, version="1.0.5").json()["packageId"]
    assert boomi.delete("PackagedComponent", package_id).status_code == 200
    message = error(package(boomi, version="1.0.5"))
    assert "(deleted)" in message and "including deleted" in message


def test_deleted_package_is_restored_by_create_with_package_id(boomi):
    package_id = package(boomi, version="1.0.5").json()["packageId"]
    boomi.delete("PackagedComponent", package_id)
    assert boomi.get("PackagedComponent", package_id).json()["deleted"] is True
    restored = package(boomi, version="1.0.5", packageId=package_id)
    assert restored.status_code == 200 and restored.json()["deleted"] is False


def test_packaged_component_has_no_update(boomi):
    package_id = package(boomi).json()["packageId"]
    message = error(boomi.update("PackagedComponent", package_id, {"notes": "changed"}), 404)
    assert "does not support UPDATE" in message
    assert boomi.get("PackagedComponent", package_id).json()["notes"] == "test"


@pytest.mark.parametrize("component", ["partner_cert", "order_router"])
def test_only_process_and_webservice_can_be_shareable(boomi, component):
    message = error(package(boomi, component, shareable=True))
    assert "cannot be shareable" in message
    assert package(boomi, component, shareable=False).status_code == 200


def test_webservice_can_be_shareable(boomi):
    assert package(boomi, "orders_api").status_code == 200


def test_auto_version_is_revision_dot_zero(boomi):
    answer = boomi.create("PackagedComponent", {"componentId": INTAKE})
    assert answer.json()["packageVersion"] == "3.0"


def test_component_version_guard_packages_that_revision(boomi):
    assert package(boomi, version="old", componentVersion=2).json()["componentVersion"] == 2
    assert "no revision 9" in error(package(boomi, version="future", componentVersion=9))


def test_component_version_string_style(sim, boomi):
    sim.configure(component_version_style="string")
    boomi.contract = False  # Boomi's examples send "3.0" where its schema says int32
    body = package(boomi).json()
    assert body["componentVersion"] == "3.0"


def test_unknown_component_is_rejected(boomi):
    assert "does not exist" in error(package(boomi, "0000-not-a-component"))


def test_delete_refused_while_deployed(boomi):
    package_id = package(boomi).json()["packageId"]
    boomi.create("DeployedPackage", {"environmentId": ENVIRONMENTS["dev"], "packageId": package_id})
    assert "deployed" in error(boomi.delete("PackagedComponent", package_id))


def test_delete_refused_while_released(sim, boomi):
    ids = released_pack(boomi, sim)[1]
    assert "in use as part of integration pack" in error(boomi.delete("PackagedComponent", ids["order_intake"]))


def test_unknown_id_is_400_no_such_by_default_and_404_when_configured(sim, boomi):
    assert "No such PackagedComponent" in error(boomi.get("PackagedComponent", "nope"))
    sim.configure(missing_status=404)
    assert "No such PackagedComponent" in error(boomi.get("PackagedComponent", "nope"), 404)


# -- request validation --------------------------------------------------------------------------------
def test_wrong_case_field_is_named(boomi):
    answer = boomi.create("PublisherIntegrationPack", {"name": "P", "description": "x", "installationType": "MULTI"})
    message = error(answer)
    assert "'description'" in message and "'Description'" in message


def test_unknown_field_is_named(boomi):
    assert "Unknown field 'colour'" in error(package(boomi, colour="red"))


def test_description_is_required(boomi):
    answer = boomi.create("PublisherIntegrationPack", {"name": "P", "installationType": "MULTI"})
    assert "PublisherIntegrationPack.Description is required" in error(answer)


def test_bad_enum_is_named(boomi):
    answer = boomi.create("PublisherIntegrationPack", {"name": "P", "Description": "d", "installationType": "multi"})
    message = error(answer)
    assert "installationType" in message and "SINGLE, MULTI" in message


def test_wrong_type_is_named(boomi):
    assert "shareable must be a boolean" in error(package(boomi, shareable="yes"))


def test_seed_create_endpoint_does_not_exist(boomi):
    answer = boomi.create("IntegrationPack", {"name": "P", "description": "d", "installationType": "MULTI"})
    assert answer.status_code == 404


# -- PublisherIntegrationPack ------------------------------------------------------------------------
def test_pack_add_sets_pending_version_to_latest_shareable(boomi):
    package(boomi, version="1.0.0")
    package(boomi, version="1.0.1")
    package(boomi, version="1.0.2-private", shareable=False)
    created = pack(boomi).json()
    member = members(set_members(boomi, created, ["order_intake"]).json())[INTAKE]
    assert member["pendingVersion"] == "1.0.1" and member["currentVersion"] == "" and member["deleted"] is False
    assert member["componentName"] == "Order Intake"


def test_non_shareable_component_cannot_join_pack(boomi):
    package(boomi, shareable=False)
    created = pack(boomi).json()
    message = error(set_members(boomi, created, ["order_intake"]))
    assert "no shareable packaged component" in message and INTAKE in message


def test_installation_type_is_immutable(boomi):
    created = pack(boomi, installation_type="SINGLE").json()
    body = dict(created, installationType="MULTI", operationType="ADD")
    body.pop("@type")
    body.pop("PublisherPackagedComponents")
    assert "cannot be changed" in error(boomi.update("PublisherIntegrationPack", created["id"], body))


def test_rename_only_for_single_packs(boomi):
    multi = pack(boomi, "Multi").json()
    body = {"id": multi["id"], "name": "Renamed", "Description": "d", "operationType": "ADD"}
    assert "only be changed on SINGLE" in error(boomi.update("PublisherIntegrationPack", multi["id"], body))
    single = pack(boomi, "Single", installation_type="SINGLE").json()
    body = {"id": single["id"], "name": "Renamed", "Description": "d", "operationType": "ADD"}
    assert boomi.update("PublisherIntegrationPack", single["id"], body).json()["name"] == "Renamed"


def test_update_requires_operation_type(boomi):
    created = pack(boomi).json()
    answer = boomi.update("PublisherIntegrationPack", created["id"], {"Description": "x"})
    assert "operationType is required" in error(answer)


def test_webservice_not_allowed_in_multi_pack(boomi):
    package(boomi, "orders_api")
    assert "MULTI integration packs cannot" in error(set_members(boomi, pack(boomi).json(), ["orders_api"]))
    single = pack(boomi, "S", installation_type="SINGLE").json()
    assert set_members(boomi, single, ["orders_api"]).status_code == 200


def test_omitted_members_become_deleted_and_readd_restores(boomi):
    package(boomi, "order_intake")
    package(boomi, "invoice_sync")
    created = pack(boomi).json()
    set_members(boomi, created, ["order_intake", "invoice_sync"])
    after = members(set_members(boomi, created, ["order_intake"]).json())
    assert after[COMPONENTS["invoice_sync"]]["deleted"] is True
    again = members(set_members(boomi, created, ["order_intake", "invoice_sync"]).json())
    assert again[COMPONENTS["invoice_sync"]]["deleted"] is False
    assert again[COMPONENTS["invoice_sync"]]["pendingVersion"] == "1.0.0"


def test_delete_operation_marks_only_listed(boomi):
    package(boomi, "order_intake")
    package(boomi, "invoice_sync")
    created = pack(boomi).json()
    set_members(boomi, created, ["order_intake", "invoice_sync"])
    after = members(set_members(boomi, created, ["invoice_sync"], operation="DELETE").json())
    assert after[COMPONENTS["invoice_sync"]]["deleted"] is True and after[INTAKE]["deleted"] is False


def test_pack_limit_of_100_components(sim, boomi):
    many = [{"account": "boomi-demo-A1B2C3", "id": "c-%03d" % i, "name": "P%d" % i, "type": "process", "revision": 1}
            for i in range(101)]
    base = _builtin_seed()
    base["components"] = base["components"] + many
    sim.control("POST", "seed", base)
    for item in many:
        boomi.create("PackagedComponent", {"componentId": item["id"], "packageVersion": "1", "shareable": True})
    created = pack(boomi).json()
    assert "at most 100" in error(set_members(boomi, created, [m["id"] for m in many]))


def _builtin_seed():
    return copy.deepcopy(BUILTIN_SEED)


# -- ReleaseIntegrationPack ----------------------------------------------------------------------------
def test_release_of_unknown_version_is_rejected(boomi):
    package(boomi)
    created = pack(boomi).json()
    set_members(boomi, created, ["order_intake"])
    message = error(release(boomi, created["id"], {"order_intake": "9.9.9"}))
    assert "no shareable packaged component with version '9.9.9'" in message


def test_release_of_non_member_is_rejected(boomi):
    package(boomi)
    package(boomi, "invoice_sync")
    created = pack(boomi).json()
    set_members(boomi, created, ["order_intake"])
    assert "not a member" in error(release(boomi, created["id"], {"invoice_sync": "1.0.0"}))


def test_release_of_unknown_pack_is_rejected(boomi):
    assert "No such integration pack" in error(release(boomi, "nope", {}))


def test_release_answer_shape(boomi):
    package(boomi)
    created = pack(boomi).json()
    set_members(boomi, created, ["order_intake"])
    body = release(boomi, created["id"], {"order_intake": "1.0.0"}).json()
    assert body["requestId"].startswith("release-")
    assert body["releaseStatusUrl"].endswith("/api/rest/v1/boomi-demo-A1B2C3/ReleaseIntegrationPackStatus/"
                                             + body["requestId"])


# -- DeployedPackage -------------------------------------------------------------------------------------
def test_pack_id_as_package_id_is_rejected(sim, boomi):
    created = released_pack(boomi, sim)[0]
    answer = boomi.create("DeployedPackage", {"environmentId": ENVIRONMENTS["dev"], "packageId": created["id"]})
    assert "No such PackagedComponent" in error(answer)


def test_second_deploy_of_other_version_deactivates_first(boomi):
    first = package(boomi, version="1.0.0").json()["packageId"]
    second = package(boomi, version="1.0.1").json()["packageId"]
    dev = ENVIRONMENTS["dev"]
    one = boomi.create("DeployedPackage", {"environmentId": dev, "packageId": first}).json()
    two = boomi.create("DeployedPackage", {"environmentId": dev, "packageId": second, "listenerStatus": "PAUSED"}).json()
    assert (one["version"], two["version"]) == (1, 2)
    assert boomi.get("DeployedPackage", one["deploymentId"]).json()["active"] is False
    assert two["active"] is True and two["listenerStatus"] == "PAUSED" and two["packageVersion"] == "1.0.1"
    other_env = boomi.create("DeployedPackage", {"environmentId": ENVIRONMENTS["test"], "packageId": first}).json()
    assert other_env["version"] == 1 and boomi.get("DeployedPackage", two["deploymentId"]).json()["active"]


def test_redeploy_same_package_is_configurable(sim, boomi):
    package_id = package(boomi).json()["packageId"]
    body = {"environmentId": ENVIRONMENTS["dev"], "packageId": package_id}
    boomi.create("DeployedPackage", body)
    assert boomi.create("DeployedPackage", body).json()["version"] == 2
    sim.configure(redeploy="reject")
    assert "already deployed" in error(boomi.create("DeployedPackage", body))


def test_undeploy_deactivates_and_frees_the_package(boomi):
    package_id = package(boomi).json()["packageId"]
    deployment = boomi.create("DeployedPackage", {"environmentId": ENVIRONMENTS["dev"], "packageId": package_id}).json()
    assert boomi.delete("DeployedPackage", deployment["deploymentId"]).status_code == 200
    assert boomi.get("DeployedPackage", deployment["deploymentId"]).json()["active"] is False
    assert boomi.delete("PackagedComponent", package_id).status_code == 200


def test_deploy_only_accepts_documented_fields(boomi):
    package_id = package(boomi).json()["packageId"]
    answer = boomi.create("DeployedPackage", {"environmentId": ENVIRONMENTS["dev"], "packageId": package_id,
                                              "version": 3})
    assert "Unknown field 'version'" in error(answer)


def test_deploy_to_unknown_environment(boomi):
    package_id = package(boomi).json()["packageId"]
    assert "No such environment" in error(boomi.create("DeployedPackage", {"environmentId": "x", "packageId": package_id}))


def test_deploy_by_component_id_packages_and_deploys(sim, boomi):
    answer = boomi.create("DeployedPackage", {"environmentId": ENVIRONMENTS["dev"], "componentId": INTAKE}).json()
    assert answer["packageVersion"] == "3.0" and answer["active"] is True
    assert len(sim.state()["packaged_components"]) == 1


# -- Environment ---------------------------------------------------------------------------------------
def test_environment_rules(boomi):
    created = boomi.create("Environment", {"name": "QA", "classification": "TEST"}).json()
    assert created["classification"] == "TEST"
    assert "already exists" in error(boomi.create("Environment", {"name": "QA"}))
    assert "only be set when" in error(boomi.update("Environment", created["id"], {"name": "QA2", "classification": "PROD"}))
    assert boomi.update("Environment", created["id"], {"name": "QA2"}).json()["name"] == "QA2"
    assert boomi.delete("Environment", created["id"]).status_code == 200


def test_bulk_get_reports_unknown_ids_per_item(boomi):
    package_id = package(boomi).json()["packageId"]
    answer = boomi.call("POST", "PackagedComponent/bulk", {"type": "GET", "request": [{"id": package_id}, {"id": "x"}]})
    items = answer.json()["response"]
    assert [i["statusCode"] for i in items] == [200, 400]
    assert "No such" in items[1]["errorMessage"]
