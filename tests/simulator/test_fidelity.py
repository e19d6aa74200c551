"""Where the simulator follows Boomi's OpenAPI document to the letter (issue 10): `@type` anywhere in a
request body, `latestVersion`, deleting a package a pack uses, the documented shapes, deploy by componentId."""

import pytest

from ..conftest import COMPONENTS, ENVIRONMENTS
from .helpers import members, pack, package, release, set_members

INTAKE = COMPONENTS["order_intake"]
DEV = ENVIRONMENTS["dev"]


def error(answer, status=400):
    assert answer.status_code == status, answer.text
    return answer.json()["message"]


def member(boomi, pack_id, component=INTAKE):
    return members(boomi.get("PublisherIntegrationPack", pack_id).json())[component]


def poll_done(boomi, request_id):
    for dummy in range(5):
        answer = boomi.get("ReleaseIntegrationPackStatus", request_id).json()
        if answer["releaseStatus"] == "SUCCESS":
            return answer
    raise AssertionError("release %s did not finish" % request_id)


# -- 1. @type on any object, at any depth, whatever its value ------------------------------------------
def test_typed_query_body_is_accepted_at_every_depth(boomi):
    package(boomi, version="1.0.0")
    body = {"@type": "PackagedComponentQueryConfig", "QueryFilter": {
        "@type": "PackagedComponentQueryConfigQueryFilter", "expression": {
            "@type": "PackagedComponentGroupingExpression", "operator": "and", "nestedExpression": [
                {"@type": "PackagedComponentSimpleExpression", "operator": "EQUALS", "property": "componentId",
                 "argument": [INTAKE]}]}}}
    answer = boomi.call("POST", "PackagedComponent/query", body)
    assert answer.status_code == 200, answer.text
    assert [p["packageVersion"] for p in answer.json()["result"]] == ["1.0.0"]


def test_typed_create_update_release_and_bulk_bodies_are_accepted(boomi):
    made = boomi.create("PackagedComponent", {"@type": "anything at all", "componentId": INTAKE,
                                              "packageVersion": "1.0.0", "shareable": True})
    assert made.status_code == 200, made.text
    created = boomi.create("PublisherIntegrationPack", {"@type": "PublisherIntegrationPack", "name": "T",
                                                        "Description": "d", "installationType": "MULTI"}).json()
    update = {"@type": "PublisherIntegrationPack", "id": created["id"], "Description": "d", "operationType": "ADD",
              "PublisherPackagedComponents": {"@type": "PublisherPackagedComponents", "PublisherPackagedComponent": [
                  {"@type": "PublisherPackagedComponent", "componentId": INTAKE}]}}
    assert boomi.update("PublisherIntegrationPack", created["id"], update).status_code == 200
    body = {"@type": "ReleaseIntegrationPack", "id": created["id"], "releaseSchedule": "IMMEDIATELY",
            "ReleasePackagedComponents": {"@type": "ReleasePackagedComponents", "ReleasePackagedComponent": [
                {"@type": "ReleasePackagedComponent", "componentId": INTAKE, "version": "1.0.0"}]}}
    assert boomi.create("ReleaseIntegrationPack", body).status_code == 200
    bulk_body = {"@type": "PackagedComponentBulkRequest", "type": "GET",
                 "request": [{"@type": "BulkId", "id": made.json()["packageId"]}]}
    bulk = boomi.call("POST", "PackagedComponent/bulk", bulk_body)
    assert bulk.status_code == 200 and bulk.json()["response"][0]["statusCode"] == 200


def test_unknown_fields_beside_type_are_still_refused(boomi):
    body = {"@type": "PackagedComponentQueryConfig", "QueryFilter": {"expression": {
        "operator": "EQUALS", "property": "componentId", "argument": [INTAKE], "colour": "red"}}}
    assert "Unknown field 'colour'" in error(boomi.call("POST", "PackagedComponent/query", body))
    assert "Unknown field 'Shareable'" in error(package(boomi, Shareable=True))


# -- 2. latestVersion: "" unless a newer shareable package exists ------------------------------------------
def test_latest_version_is_empty_when_pending_is_the_newest(boomi):
    package(boomi, version="1.0.0")
    created = pack(boomi).json()
    set_members(boomi, created, ["order_intake"])
    assert (member(boomi, created["id"])["pendingVersion"], member(boomi, created["id"])["latestVersion"]) == ("1.0.0", "")
    package(boomi, version="1.0.1")
    assert member(boomi, created["id"])["latestVersion"] == "1.0.1"


def test_latest_version_compares_with_current_when_nothing_is_pending(boomi):
    package(boomi, version="1.0.0")
    created = pack(boomi).json()
    set_members(boomi, created, ["order_intake"])
    poll_done(boomi, release(boomi, created["id"], {"order_intake": "1.0.0"}).json()["requestId"])
    released = member(boomi, created["id"])
    assert (released["currentVersion"], released["pendingVersion"], released["latestVersion"]) == ("1.0.0", "", "")
    package(boomi, version="1.0.1")
    assert member(boomi, created["id"])["latestVersion"] == "1.0.1"
    package(boomi, version="1.0.2", shareable=False)  # not available to a pack: does not count
    assert member(boomi, created["id"])["latestVersion"] == "1.0.1"


# -- 3. a package a pack uses cannot be deleted ------------------------------------------------------------
def test_delete_refused_for_a_members_pending_version(boomi):
    package_id = package(boomi, version="1.0.0").json()["packageId"]
    created = pack(boomi).json()
    set_members(boomi, created, ["order_intake"])
    assert "in use as part of integration pack(s) Orders" in error(boomi.delete("PackagedComponent", package_id))
    other = package(boomi, version="1.0.1").json()["packageId"]  # newer, but neither pending nor current
    assert boomi.delete("PackagedComponent", other).status_code == 200


# -- 4. shapes the OAS shows --------------------------------------------------------------------------------
def test_pack_create_needs_only_a_description(boomi):
    created = boomi.create("PublisherIntegrationPack", {"Description": "just this"})
    assert created.status_code == 200, created.text
    assert created.json()["installationType"] == "MULTI" and created.json()["name"] == ""
    assert "Description is required" in error(boomi.create("PublisherIntegrationPack", {"name": "no description"}))


def test_pack_answers_carry_the_last_operation_type(boomi):
    package(boomi, version="1.0.0")
    created = pack(boomi).json()
    assert "operationType" not in created
    added = set_members(boomi, created, ["order_intake"]).json()
    assert added["operationType"] == "ADD"
    assert boomi.get("PublisherIntegrationPack", created["id"]).json()["operationType"] == "ADD"
    assert set_members(boomi, created, ["order_intake"], "DELETE").json()["operationType"] == "DELETE"


def test_release_answer_carries_release_on_date(boomi):
    package(boomi, version="1.0.0")
    created = pack(boomi).json()
    set_members(boomi, created, ["order_intake"])
    immediate = release(boomi, created["id"], {"order_intake": "1.0.0"}).json()
    assert len(immediate["releaseOnDate"]) == 10  # yyyy-MM-dd: today for an immediate release


@pytest.mark.parametrize("listener", ["STOPPED", "running", ""])
def test_invalid_listener_status_keeps_the_current_one(boomi, listener):
    first = package(boomi, version="1.0.0").json()["packageId"]
    second = package(boomi, version="1.0.1").json()["packageId"]
    paused = boomi.create("DeployedPackage", {"environmentId": DEV, "packageId": first, "listenerStatus": "PAUSED"})
    assert paused.json()["listenerStatus"] == "PAUSED"
    answer = boomi.create("DeployedPackage", {"environmentId": DEV, "packageId": second, "listenerStatus": listener})
    assert answer.status_code == 200 and answer.json()["listenerStatus"] == "PAUSED"
    fresh = boomi.create("DeployedPackage", {"environmentId": ENVIRONMENTS["test"], "packageId": first,
                                             "listenerStatus": listener})
    assert fresh.json()["listenerStatus"] == "RUNNING"  # a first deployment runs by default


# -- 9. deploy by componentId: one rule with a create of the package -------------------------------------------
# The OAS: with componentId, CREATE "packages with the specified component and deploys the package". So it is a
# PackagedComponent create without packageVersion ("<revision>.0"), with that create's rules: the version is unique
# per component, deleted packages included (issue 22: the simulator took the existing package for a deploy while
# refusing the same create, so it disagreed with itself).
@pytest.mark.parametrize("deleted", [False, True])
def test_deploy_by_component_id_is_refused_as_the_create_of_its_version_is(boomi, sim, deleted):
    existing = package(boomi, version="3.0").json()  # order_intake is at revision 3
    if deleted:
        assert boomi.delete("PackagedComponent", existing["packageId"]).status_code == 200
    by_create = error(boomi.create("PackagedComponent", {"componentId": INTAKE}))
    by_deploy = error(boomi.create("DeployedPackage", {"environmentId": DEV, "componentId": INTAKE}))
    assert by_deploy == by_create and "'3.0' already exists" in by_deploy
    assert len(sim.state()["packaged_components"]) == 1 and sim.state()["deployments"] == []


def test_deploying_by_component_id_twice_is_refused_the_second_time(boomi, sim):
    first = boomi.create("DeployedPackage", {"environmentId": DEV, "componentId": INTAKE}).json()
    assert first["packageVersion"] == "3.0"
    assert "'3.0' already exists" in error(boomi.create("DeployedPackage", {"environmentId": DEV, "componentId": INTAKE}))
    assert len(sim.state()["packaged_components"]) == 1
    redeploy = boomi.create("DeployedPackage", {"environmentId": DEV, "packageId": first["packageId"]})
    assert redeploy.status_code == 200  # the package itself deploys again by packageId


def test_deploy_by_component_id_packages_the_latest_revision(boomi):
    deployed = boomi.create("DeployedPackage", {"environmentId": DEV, "componentId": INTAKE}).json()
    assert deployed["packageVersion"] == "3.0" and deployed["active"] is True
