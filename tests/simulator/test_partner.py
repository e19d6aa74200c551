"""Partner distribution as the simulator enforces it: account groups, shares, the consumer's view of packs,
instances and environment attachments, one test per rule, over real HTTP (every answer checked against the
contract by the test client)."""

import base64
from datetime import datetime, timedelta

import pytest
from boomi_simulator.seed import ACCOUNT_GROUPS, MANAGED_ACCOUNTS, MANAGED_ENVIRONMENTS

from ..conftest import ACCOUNT, COMPONENTS, SUB_ACCOUNT, BoomiClient, equals
from .helpers import pack, package, release, set_members

NORTH, SOUTH = MANAGED_ACCOUNTS["north"], MANAGED_ACCOUNTS["south"]
MANAGED, ALL = ACCOUNT_GROUPS["managed"], ACCOUNT_GROUPS["all"]
NORTH_TEST, NORTH_PROD = MANAGED_ENVIRONMENTS["north_test"], MANAGED_ENVIRONMENTS["north_prod"]
SOUTH_TEST = MANAGED_ENVIRONMENTS["south_test"]


def error(answer, status=400):
    assert answer.status_code == status, answer.text
    return answer.json()["message"]


def ok(answer):
    assert answer.status_code == 200, answer.text
    return answer.json()


def in_account(sim, account):
    return BoomiClient(sim, partner=True, override=account)


def finish(boomi, sim, request_id):
    for dummy in range(sim.configure()["release_polls"]):
        boomi.get("ReleaseIntegrationPackStatus", request_id)


def released(boomi, sim, name="Orders", installation_type="MULTI", version="1.0.0",
             components=("order_intake", "orders_api")):
    """A pack released at ``version``; API services only fit single packs, so MULTI packs leave it out."""
    if installation_type == "MULTI":
        components = tuple(c for c in components if c != "orders_api")
    for component in components:
        ok(package(boomi, component, version))
    created = ok(pack(boomi, name=name, installation_type=installation_type))
    ok(set_members(boomi, created, components))
    finish(boomi, sim, ok(release(boomi, created["id"], {c: version for c in components}))["requestId"])
    return created


def share(boomi, pack_id, group=MANAGED):
    return boomi.create("AccountGroupIntegrationPack", {"integrationPackId": pack_id, "accountGroupId": group})


def install(sim, account, pack_id, name=None):
    body = {"integrationPackId": pack_id}
    if name is not None:
        body["integrationPackOverrideName"] = name
    return in_account(sim, account).create("IntegrationPackInstance", body)


def attach(sim, account, instance_id, environment_id):
    return in_account(sim, account).create("IntegrationPackEnvironmentAttachment",
                                           {"integrationPackInstanceId": instance_id, "environmentId": environment_id})


def unpadded(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()


# -- AccountGroup and AccountGroupAccount ------------------------------------------------------------------
def test_account_group_get_lists_shared_packs_query_does_not(boomi, sim):
    created = released(boomi, sim)
    ok(share(boomi, created["id"]))
    group = ok(boomi.get("AccountGroup", MANAGED))
    assert (group["name"], group["accountId"], group["defaultGroup"]) == ("Managed Customers", ACCOUNT, False)
    assert [(r["resourceId"], r["resourceName"], r["objectType"]) for r in group["Resources"]["Resource"]] == [
        (created["id"], "Orders", "Integration Pack")]
    listed = ok(boomi.query("AccountGroup", equals("name", "Managed Customers")))["result"]
    assert [g["id"] for g in listed] == [MANAGED] and "Resources" not in listed[0]
    assert ok(boomi.query("AccountGroup", equals("defaultGroup", "true")))["result"][0]["id"] == ALL


def test_account_group_accounts_by_group(boomi):
    found = ok(boomi.query("AccountGroupAccount", equals("accountGroupId", MANAGED)))["result"]
    assert [m["accountId"] for m in found] == [NORTH, SOUTH]
    assert unpadded(found[0]["id"]) == "%s|%s" % (MANAGED, NORTH)
    assert error(boomi.get("AccountGroupAccount", found[0]["id"]), 404)  # no GET in the OAS


def test_managed_accounts_have_their_own_environments(sim):
    names = [e["name"] for e in ok(in_account(sim, NORTH).query("Environment"))["result"]]
    assert names == ["North Test", "North Production"]


# -- AccountGroupIntegrationPack ---------------------------------------------------------------------------
def test_share_answers_pack_and_group_and_is_queryable_by_group(boomi, sim):
    created = released(boomi, sim)
    shared = ok(share(boomi, created["id"]))
    assert (shared["integrationPackId"], shared["integrationPackName"], shared["installationType"],
            shared["accountGroupId"]) == (created["id"], "Orders", "MULTI", MANAGED)
    assert unpadded(shared["id"]) == "1|" + MANAGED
    assert ok(boomi.get("AccountGroupIntegrationPack", shared["id"])) == shared
    assert ok(boomi.query("AccountGroupIntegrationPack", equals("accountGroupId", MANAGED)))["result"] == [shared]
    assert ok(boomi.query("AccountGroupIntegrationPack", equals("accountGroupId", ALL)))["numberOfResults"] == 0


def test_share_rules(boomi, sim):
    created = released(boomi, sim)
    ok(share(boomi, created["id"]))
    assert "already shared" in error(share(boomi, created["id"]))
    assert "No such integration pack" in error(share(boomi, "no-such-pack"))
    assert "No such account group" in error(share(boomi, created["id"], "no-such-group"))
    assert "Unknown field" in error(boomi.create("AccountGroupIntegrationPack", {"integrationPackID": created["id"]}))


def test_share_only_own_packs(sim):
    other = BoomiClient(sim, partner=True, override=NORTH)
    assert "No such integration pack" in error(share(other, "whatever", MANAGED))


# -- IntegrationPack (the consumer's view) -----------------------------------------------------------------
def test_consumer_sees_packs_shared_with_its_groups_once_released(boomi, sim):
    unreleased = ok(pack(boomi, name="Draft"))
    ok(share(boomi, unreleased["id"]))
    assert ok(in_account(sim, NORTH).query("IntegrationPack"))["numberOfResults"] == 0  # [I] not before a release
    created = released(boomi, sim)
    ok(share(boomi, created["id"]))
    seen = ok(in_account(sim, NORTH).query("IntegrationPack"))["result"]
    assert seen == [{"@type": "IntegrationPack", "id": created["id"], "name": "Orders", "Description": "Order processing",
                     "installationType": "MULTI"}]
    assert ok(in_account(sim, SOUTH).get("IntegrationPack", created["id"]))["id"] == created["id"]
    assert ok(in_account(sim, NORTH).query("IntegrationPack", equals("installationType", "SINGLE")))["numberOfResults"] == 0
    assert "No such IntegrationPack" in error(in_account(sim, SUB_ACCOUNT).get("IntegrationPack", created["id"]))
    assert ok(boomi.query("IntegrationPack"))["numberOfResults"] == 0  # never the publisher's own packs


def test_all_accounts_group_reaches_every_account(boomi, sim):
    created = released(boomi, sim)
    ok(share(boomi, created["id"], ALL))
    assert ok(in_account(sim, SUB_ACCOUNT).query("IntegrationPack"))["numberOfResults"] == 1


# -- IntegrationPackInstance -------------------------------------------------------------------------------
def test_install_needs_a_share_with_a_group_holding_the_account(boomi, sim):
    created = released(boomi, sim)
    assert "not available to account %s" % NORTH in error(install(sim, NORTH, created["id"]))
    ok(share(boomi, created["id"]))
    assert "not available to account %s" % SUB_ACCOUNT in error(install(sim, SUB_ACCOUNT, created["id"]))
    assert ok(install(sim, NORTH, created["id"], "North"))["integrationPackOverrideName"] == "North"


def test_single_pack_installs_once_and_takes_no_override_name(boomi, sim):
    created = released(boomi, sim, name="Single", installation_type="SINGLE")
    ok(share(boomi, created["id"]))
    assert "only valid for multi-install" in error(install(sim, NORTH, created["id"], "Named"))
    instance = ok(install(sim, NORTH, created["id"]))
    assert "integrationPackOverrideName" not in instance
    assert [p["name"] for p in instance["ProcessId"]] == ["Order Intake"]  # the API service is no process
    assert "wrapperProcessId" not in instance["ProcessId"][0]
    assert "already installed in account %s" % NORTH in error(install(sim, NORTH, created["id"]))
    assert ok(install(sim, SOUTH, created["id"]))["id"] != instance["id"]  # once per account


def test_multi_pack_instances_need_distinct_names(boomi, sim):
    created = released(boomi, sim)
    ok(share(boomi, created["id"]))
    first = ok(install(sim, NORTH, created["id"], "Domestic"))
    assert ok(install(sim, NORTH, created["id"], "International"))["id"] != first["id"]
    assert "distinct integrationPackOverrideName" in error(install(sim, NORTH, created["id"], "Domestic"))
    unnamed = ok(install(sim, NORTH, created["id"]))
    assert unnamed["integrationPackOverrideName"] == "Orders"  # [I] named after the pack
    assert "distinct" in error(install(sim, NORTH, created["id"], "Orders"))
    process, = first["ProcessId"]
    assert process["name"] == "Domestic - Order Intake" and process["wrapperProcessId"]
    assert unpadded(first["id"]).startswith("IntegrationPackInstance")


def test_instance_get_query_and_bulk(boomi, sim):
    created = released(boomi, sim)
    ok(share(boomi, created["id"]))
    north = in_account(sim, NORTH)
    instance = ok(install(sim, NORTH, created["id"], "Domestic"))
    assert ok(north.get("IntegrationPackInstance", instance["id"])) == instance
    for prop, value in (("integrationPackId", created["id"]), ("integrationPackName", "Orders"),
                        ("integrationPackOverrideName", "Domestic")):
        assert ok(north.query("IntegrationPackInstance", equals(prop, value)))["result"] == [instance]
    bulk = ok(north.call("POST", "IntegrationPackInstance/bulk", {"type": "GET", "request": [{"id": instance["id"]}]}))
    assert bulk["response"][0]["Result"] == instance
    assert ok(in_account(sim, SOUTH).query("IntegrationPackInstance"))["numberOfResults"] == 0


# -- IntegrationPackEnvironmentAttachment -----------------------------------------------------------------
def installed(boomi, sim, account=NORTH, name="Domestic"):
    created = released(boomi, sim)
    ok(share(boomi, created["id"]))
    return created, ok(install(sim, account, created["id"], name))


def test_attach_an_installed_instance_to_an_environment_of_its_account(boomi, sim):
    dummy, instance = installed(boomi, sim)
    attached = ok(attach(sim, NORTH, instance["id"], NORTH_TEST))
    assert (attached["integrationPackInstanceId"], attached["environmentId"]) == (instance["id"], NORTH_TEST)
    assert unpadded(attached["id"]) == "%s|%s" % (instance["id"], NORTH_TEST)
    assert "not an environment of account %s" % NORTH in error(attach(sim, NORTH, instance["id"], SOUTH_TEST))
    assert "not installed in account %s" % SOUTH in error(attach(sim, SOUTH, instance["id"], SOUTH_TEST))
    assert "already attached" in error(attach(sim, NORTH, instance["id"], NORTH_TEST))


def test_attachments_are_queried_and_deleted_but_never_read_by_id(boomi, sim):
    dummy, instance = installed(boomi, sim)
    north = in_account(sim, NORTH)
    first = ok(attach(sim, NORTH, instance["id"], NORTH_TEST))
    second = ok(attach(sim, NORTH, instance["id"], NORTH_PROD))
    assert ok(north.query("IntegrationPackEnvironmentAttachment", equals("environmentId", NORTH_PROD)))["result"] == [second]
    by_instance = equals("integrationPackInstanceId", instance["id"])
    assert ok(north.query("IntegrationPackEnvironmentAttachment", by_instance))["result"] == [first, second]
    assert "does not support GET" in error(north.get("IntegrationPackEnvironmentAttachment", first["id"]), 404)
    assert north.delete("IntegrationPackEnvironmentAttachment", first["id"]).status_code == 200
    assert ok(north.query("IntegrationPackEnvironmentAttachment", by_instance))["result"] == [second]
    assert "No such" in error(north.delete("IntegrationPackEnvironmentAttachment", first["id"]))


def test_an_environment_with_an_attached_pack_cannot_be_deleted(boomi, sim):
    """The OAS: "It is not possible to delete an environment that has attached Runtimes or integration packs"
    (issue 22: the simulator deleted it and left a dangling attachment)."""
    dummy, instance = installed(boomi, sim)
    north = in_account(sim, NORTH)
    attached = ok(attach(sim, NORTH, instance["id"], NORTH_TEST))
    message = error(north.delete("Environment", NORTH_TEST))
    assert "cannot be deleted" in message and instance["id"] in message and "detach" in message
    assert [e["id"] for e in sim.state(NORTH)["environments"]].count(NORTH_TEST) == 1
    assert north.delete("IntegrationPackEnvironmentAttachment", attached["id"]).status_code == 200
    assert north.delete("Environment", NORTH_TEST).status_code == 200  # detached: it goes
    assert sim.state(NORTH)["integration_pack_environment_attachments"] == []


def test_uninstall_detaches_first(boomi, sim):
    dummy, instance = installed(boomi, sim)
    other = ok(install(sim, NORTH, instance["integrationPackId"], "International"))
    for environment in (NORTH_TEST, NORTH_PROD):
        ok(attach(sim, NORTH, instance["id"], environment))
    ok(attach(sim, NORTH, other["id"], NORTH_TEST))
    assert in_account(sim, NORTH).delete("IntegrationPackInstance", instance["id"]).status_code == 200
    state = sim.state(NORTH)
    assert [i["id"] for i in state["integration_pack_instances"]] == [other["id"]]
    assert [a["integrationPackInstanceId"] for a in state["integration_pack_environment_attachments"]] == [other["id"]]


# -- releases, unsharing and deleting the pack -------------------------------------------------------------
def test_instances_run_the_packs_current_release(boomi, sim):
    created, instance = installed(boomi, sim)
    ok(install(sim, SOUTH, created["id"]))
    running = [i["runningVersions"] for a in (NORTH, SOUTH) for i in sim.state(a)["integration_pack_instances"]]
    intake = COMPONENTS["order_intake"]
    assert running == [{intake: "1.0.0"}, {intake: "1.0.0"}]
    ok(package(boomi, "order_intake", "1.0.1"))
    ok(package(boomi, "invoice_sync", "1.0.1"))
    ok(set_members(boomi, created, ("order_intake", "invoice_sync")))
    finish(boomi, sim, ok(release(boomi, created["id"], {"order_intake": "1.0.1", "invoice_sync": "1.0.1"}))["requestId"])
    for account in (NORTH, SOUTH):
        versions, = [i["runningVersions"] for i in sim.state(account)["integration_pack_instances"]]
        assert versions[intake] == "1.0.1" and sorted(versions.values()) == ["1.0.1", "1.0.1"]
    processes = ok(in_account(sim, NORTH).get("IntegrationPackInstance", instance["id"]))["ProcessId"]
    assert [p["name"] for p in processes] == ["Domestic - Order Intake", "Domestic - Invoice Sync"]


def test_a_scheduled_release_reaches_instances_on_its_date_without_a_request_to_the_publisher(boomi, sim):
    created, instance = installed(boomi, sim)
    ok(package(boomi, "invoice_sync", "1.0.0"))
    ok(set_members(boomi, created, ("order_intake", "invoice_sync")))
    today = datetime.strptime(sim.control("POST", "clock", {})["now"][:10], "%Y-%m-%d")
    tomorrow = (today + timedelta(days=1)).strftime("%Y-%m-%d")
    ok(release(boomi, created["id"], {"invoice_sync": "1.0.0"}, schedule="RELEASE_ON_SPECIFIED_DATE", on_date=tomorrow))
    north = in_account(sim, NORTH)

    def processes():
        return [p["name"] for p in ok(north.get("IntegrationPackInstance", instance["id"]))["ProcessId"]]

    assert processes() == ["Domestic - Order Intake"]
    sim.control("POST", "clock", {"advance_days": 1})
    assert processes() == ["Domestic - Order Intake", "Domestic - Invoice Sync"]  # only the subscriber was asked


def test_unsharing_keeps_instances_and_stops_new_installs(boomi, sim):
    created, instance = installed(boomi, sim)
    shared = ok(boomi.query("AccountGroupIntegrationPack", equals("accountGroupId", MANAGED)))["result"][0]
    assert boomi.delete("AccountGroupIntegrationPack", shared["id"]).status_code == 200
    assert [i["id"] for i in sim.state(NORTH)["integration_pack_instances"]] == [instance["id"]]
    assert "not available" in error(install(sim, SOUTH, created["id"]))


def test_deleting_the_pack_uninstalls_it_everywhere(boomi, sim):
    created, instance = installed(boomi, sim)
    ok(attach(sim, NORTH, instance["id"], NORTH_TEST))
    assert boomi.delete("PublisherIntegrationPack", created["id"]).status_code == 200
    state = sim.state(NORTH)
    assert state["integration_pack_instances"] == [] and state["integration_pack_environment_attachments"] == []
    assert sim.state(ACCOUNT)["account_group_integration_packs"] == []


@pytest.mark.parametrize("object_name", ["AccountGroup", "IntegrationPack"])
def test_read_only_objects_refuse_create(boomi, object_name):
    assert "does not support CREATE" in error(boomi.create(object_name, {"name": "x"}), 404)
