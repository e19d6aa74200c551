"""boomi_integration_pack through ansible-playbook."""

import threading
import time

from ..conftest import COMPONENTS, BoomiClient
from .playbook import Step, play

INTAKE, FULFIL, SYNC = COMPONENTS["order_intake"], COMPONENTS["order_fulfilment"], COMPONENTS["invoice_sync"]


def package(sim, *components, shareable=True, version="1.0.0"):
    client = BoomiClient(sim)
    for component in components:
        answer = client.create("PackagedComponent", {"componentId": component, "packageVersion": version,
                                                     "shareable": shareable})
        assert answer.status_code == 200, answer.text


def ipack(**args):
    return dict({"name": "Orders", "description": "Order processing", "packaged_components": [INTAKE]}, **args)


def members(outcome):
    return {m["component_id"]: m for m in outcome["integration_pack"]["packaged_components"]}


def test_lifecycle(sim, tmp_path):
    package(sim, INTAKE, FULFIL)
    steps = play(sim, tmp_path, [
        Step("boomi_integration_pack", ipack(), check=True),
        Step("boomi_integration_pack", ipack()),
        Step("boomi_integration_pack", ipack()),
        Step("boomi_integration_pack", ipack(description="Orders v2", packaged_components=[FULFIL]), check=True),
        Step("boomi_integration_pack", ipack(description="Orders v2", packaged_components=[FULFIL])),
        Step("boomi_integration_pack", ipack(description="Orders v2", packaged_components=[FULFIL])),
        Step("boomi_integration_pack", ipack(packaged_components=[FULFIL], purge_packaged_components=True)),
        Step("boomi_integration_pack", {"name": "Orders", "state": "absent"}, check=True),
        Step("boomi_integration_pack", {"name": "Orders", "state": "absent"}),
        Step("boomi_integration_pack", {"name": "Orders", "state": "absent"}),
    ])
    check_create, create, again, check_change, change, change_again, purge, check_absent, absent, absent_again = steps
    assert check_create.changed and check_create.writes == 0 and check_create["integration_pack"]["id"] is None
    assert members(check_create)[INTAKE]["pending_version"] == "1.0.0"
    assert create.changed and create.writes == 2  # create, then one membership update
    pack = create["integration_pack"]
    assert pack["installation_type"] == "multi" and pack["description"] == "Order processing"
    assert members(create)[INTAKE]["pending_version"] == "1.0.0" and not members(create)[INTAKE]["deleted"]
    assert not again.changed and again.writes == 0
    assert check_change.changed and check_change.writes == 0
    assert set(members(check_change)) == {INTAKE, FULFIL}
    assert check_change["diff"]["after"]["description"] == "Orders v2"
    assert change.changed and change.writes == 1  # description and membership in one update
    assert change["integration_pack"]["description"] == "Orders v2"
    assert not members(change)[INTAKE]["deleted"] and not members(change)[FULFIL]["deleted"]
    assert not change_again.changed and change_again.writes == 0
    assert purge.changed and purge.writes == 1 and members(purge)[INTAKE]["deleted"] is True
    assert check_absent.changed and check_absent.writes == 0
    assert absent.changed and absent.writes == 1 and absent["integration_pack"] == {}
    assert not absent_again.changed and absent_again.writes == 0
    assert sim.state()["integration_packs"] == []


def test_rules_fail_before_any_write(sim, tmp_path):
    package(sim, INTAKE)
    package(sim, SYNC, shareable=False)
    package(sim, COMPONENTS["orders_api"])
    create, not_shareable, check_not_shareable, webservice, type_change, rename, no_description, too_long = play(
        sim, tmp_path, [
            Step("boomi_integration_pack", ipack()),
            Step("boomi_integration_pack", ipack(packaged_components=[SYNC])),
            Step("boomi_integration_pack", ipack(packaged_components=[SYNC]), check=True),
            Step("boomi_integration_pack", ipack(packaged_components=[COMPONENTS["orders_api"]])),
            Step("boomi_integration_pack", ipack(installation_type="single")),
            Step("boomi_integration_pack", {"id": "{{ step_0.integration_pack.id }}", "name": "Renamed"}),
            Step("boomi_integration_pack", {"name": "Brand new"}),
            Step("boomi_integration_pack", ipack(description="x" * 501)),
        ])
    assert create.changed
    assert not_shareable.failed and not_shareable.writes == 0
    assert SYNC in not_shareable.msg and "shareable: true" in not_shareable.msg
    assert check_not_shareable.changed and not check_not_shareable.failed and check_not_shareable.writes == 0
    assert any("shareable" in w for w in check_not_shareable.result["warnings"])
    assert webservice.failed and webservice.writes == 0 and "single-install pack" in webservice.msg
    assert type_change.failed and type_change.writes == 0 and "can never change" in type_change.msg
    assert rename.failed and rename.writes == 0 and "only rename single-install" in rename.msg
    assert no_description.failed and no_description.writes == 0 and "needs name and description" in no_description.msg
    assert too_long.failed and too_long.writes == 0 and "at most 500" in too_long.msg


def test_single_pack_rename_by_id(sim, tmp_path):
    create, rename, again = play(sim, tmp_path, [
        Step("boomi_integration_pack", {"name": "Single", "description": "d", "installation_type": "single"}),
        Step("boomi_integration_pack", {"id": "{{ step_0.integration_pack.id }}", "name": "Single renamed"}),
        Step("boomi_integration_pack", {"id": "{{ step_0.integration_pack.id }}", "name": "Single renamed"}),
    ])
    assert rename.changed and rename.writes == 1 and rename["integration_pack"]["name"] == "Single renamed"
    assert not again.changed and again.writes == 0


def released_pack_named(client, name):
    """A pack with Order Intake 1.0.0 as its current release."""
    pack = client.create("PublisherIntegrationPack", {"name": name, "Description": "d", "installationType": "MULTI"}).json()
    client.update("PublisherIntegrationPack", pack["id"], {
        "id": pack["id"], "operationType": "ADD", "Description": "d",
        "PublisherPackagedComponents": {"PublisherPackagedComponent": [{"componentId": INTAKE}]}})
    made = client.create("ReleaseIntegrationPack", {"id": pack["id"], "releaseSchedule": "IMMEDIATELY"}).json()
    for dummy in range(2):
        client.get("ReleaseIntegrationPackStatus", made["requestId"])
    return pack["id"]


def test_twins_with_releases_are_ambiguous_and_listed(sim, tmp_path):
    package(sim, INTAKE)
    client = BoomiClient(sim)
    ids = [released_pack_named(client, "Twin") for dummy in range(2)]
    twin, = play(sim, tmp_path, [Step("boomi_integration_pack", {"name": "Twin", "description": "d"})])
    assert twin.failed and twin.writes == 0
    assert "2 integration packs are named 'Twin' and have releases" in twin.msg and all(i in twin.msg for i in ids)


def test_twins_resolve_to_the_released_pack_else_the_smallest_id(sim, tmp_path):
    package(sim, INTAKE)
    client = BoomiClient(sim)
    bare = [client.create("PublisherIntegrationPack", {"name": "Bare", "Description": "d",
                                                       "installationType": "MULTI"}).json()["id"] for dummy in range(2)]
    client.create("PublisherIntegrationPack", {"name": "Mixed", "Description": "d", "installationType": "MULTI"})
    released = released_pack_named(client, "Mixed")
    smallest, with_release = play(sim, tmp_path, [
        Step("boomi_integration_pack", {"name": "Bare", "description": "d"}),
        Step("boomi_integration_pack", {"name": "Mixed", "description": "d"})])
    assert not smallest.failed and smallest["integration_pack"]["id"] == min(bare)
    assert not with_release.failed and with_release["integration_pack"]["id"] == released


def test_a_pack_created_twice_by_overlapping_runs_is_resolved(sim, tmp_path):
    package(sim, INTAKE)
    sim.configure(release_polls=1)
    fault = sim.fault(kind="latency", latency_ms=1500, object="PublisherIntegrationPack", operation="create",
                      match="Race")

    def other_run():  # creates and releases a pack of the same name while ours is on its way
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if [f for f in sim.control("GET", "faults")["faults"] if f["id"] == fault["id"] and f["fired"]]:
                released_pack_named(BoomiClient(sim), "Race")
                return
            time.sleep(0.05)

    thread = threading.Thread(target=other_run)
    thread.start()
    ours, = play(sim, tmp_path, [Step("boomi_integration_pack", {"name": "Race", "description": "d",
                                                                 "packaged_components": [INTAKE]})])
    thread.join()
    survivors = [p for p in sim.state()["integration_packs"] if p["name"] == "Race"]
    assert not ours.failed and len(survivors) == 1 and ours["integration_pack"]["id"] == survivors[0]["id"]
    assert any("deleted its own copy" in w for w in ours.result["warnings"])


def test_package_id_given_as_pack_id_is_explained(sim, tmp_path):
    package(sim, INTAKE)
    package_id = sim.state()["packaged_components"][0]["packageId"]
    wrong, = play(sim, tmp_path, [Step("boomi_integration_pack", {"id": package_id, "description": "d"})])
    assert wrong.failed and "is a packaged component id" in wrong.msg


def test_a_pack_found_by_name_and_deleted_meanwhile_is_looked_up_again(sim, tmp_path):
    """Issue 22's overlap corner: a run found twin packs by name, another run deleted the one it picked (as its
    own losing twin), and the update failed with a bare "No such PublisherIntegrationPack (400)". Now the task
    looks the name up again and goes on with the pack that is left."""
    package(sim, INTAKE)
    client = BoomiClient(sim)
    twins = sorted(client.create("PublisherIntegrationPack", {"name": "Twin", "Description": "d",
                                                              "installationType": "MULTI"}).json()["id"]
                   for dummy in range(2))
    fault = sim.fault(kind="latency", latency_ms=1500, object="PublisherIntegrationPack", operation="update",
                      match=twins[0])

    def other_run():  # deletes the twin ours picked (the smallest id) while our update is on its way
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if [f for f in sim.control("GET", "faults")["faults"] if f["id"] == fault["id"] and f["fired"]]:
                assert BoomiClient(sim).delete("PublisherIntegrationPack", twins[0]).status_code == 200
                return
            time.sleep(0.05)

    thread = threading.Thread(target=other_run)
    thread.start()
    ours, = play(sim, tmp_path, [Step("boomi_integration_pack", {"name": "Twin", "description": "d",
                                                                 "packaged_components": [INTAKE]})])
    thread.join()
    assert not ours.failed, ours.msg
    assert ours.changed and ours["integration_pack"]["id"] == twins[1] and INTAKE in members(ours)
    assert any("was deleted while this task" in w and twins[0] in w for w in ours.result["warnings"])
    left, = [p for p in sim.state()["integration_packs"] if p["name"] == "Twin"]
    assert left["id"] == twins[1]
