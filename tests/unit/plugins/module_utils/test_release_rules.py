"""release_rules: what the roles' pre-flight calls with the real client against the simulator (issue 23).

The downgrade guard (Boomi's createdDate decides; equal seconds are not older), the per-environment line of a
scheduled release, and why a pack is not at the versions a promote expected.
"""

import datetime

from ansible_collections.boomi.platform.plugins.module_utils import component_metadata
from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package_api
from ansible_collections.boomi.platform.plugins.module_utils import release_rules as rules

from ....conftest import COMPONENTS, BoomiClient

INTAKE, FULFIL = COMPONENTS["order_intake"], COMPONENTS["order_fulfilment"]


def package(sim, version, components=(INTAKE, FULFIL), later=True):
    client = BoomiClient(sim)
    if later:  # Boomi's dates have whole seconds: a later package is made in a later second
        sim.control("POST", "clock", {"advance_seconds": 2})
    for component in components:
        client.create("PackagedComponent", {"componentId": component, "packageVersion": version, "shareable": True})


def released_pack(sim, version, components=(INTAKE, FULFIL)):
    """A pack whose members are released at ``version`` (its packages must exist)."""
    client = BoomiClient(sim)
    pack = client.create("PublisherIntegrationPack", {"name": "Orders", "Description": "d",
                                                      "installationType": "MULTI"}).json()
    client.update("PublisherIntegrationPack", pack["id"], {
        "id": pack["id"], "operationType": "ADD", "Description": "d",
        "PublisherPackagedComponents": {"PublisherPackagedComponent": [{"componentId": c} for c in components]}})
    release(sim, pack["id"], dict.fromkeys(components, version))
    return pack["id"]


def release(sim, pack_id, versions, on_date=None):
    client = BoomiClient(sim)
    body = {"id": pack_id, "releaseSchedule": "RELEASE_ON_SPECIFIED_DATE" if on_date else "IMMEDIATELY",
            "ReleasePackagedComponents": {"ReleasePackagedComponent": [
                {"componentId": c, "version": v} for c, v in versions.items()]}}
    if on_date:
        body["releaseOnDate"] = on_date
    made = client.create("ReleaseIntegrationPack", body).json()
    for dummy in range(sim.configure()["release_polls"]):
        client.get("ReleaseIntegrationPackStatus", made["requestId"])
    return made["requestId"]


def tomorrow():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).strftime("%Y-%m-%d")


def test_boomi_times_are_parsed_never_compared_as_text():
    assert rules.parse_time("2026-01-05T10:11:12Z") == datetime.datetime(2026, 1, 5, 10, 11, 12,
                                                                         tzinfo=datetime.timezone.utc)
    assert rules.parse_time("2026-01-05T11:11:12+01:00") == rules.parse_time("2026-01-05T10:11:12Z")
    assert rules.parse_time("2026-01-05T10:11:12.5Z") > rules.parse_time("2026-01-05T10:11:12Z")
    for bad in (None, "", "yesterday", "2026-13-05T10:11:12Z", 20260105):
        assert rules.parse_time(bad) is None


def test_downgrades_name_each_component_with_both_versions_and_dates(sim, client):
    package(sim, "1.0.1", later=False)
    pack_id = released_pack(sim, "1.0.1")
    package(sim, "1.0.2")
    release(sim, pack_id, {INTAKE: "1.0.2", FULFIL: "1.0.2"})
    pack = pack_api.find(client, pack_id)
    # the role's pre-flight: the requested packages exist, the rule reads them itself (one query)
    found = rules.downgrades(client, pack, {INTAKE: "1.0.1", FULFIL: "1.0.2"})
    assert [(f["component_name"], f["current_version"], f["requested_version"]) for f in found] == [
        ("Order Intake", "1.0.2", "1.0.1")]
    assert found[0]["requested_created"] < found[0]["current_created"]  # Boomi's own text, as it wrote it
    message = rules.downgrade_message(pack, found)
    assert message.startswith("Releasing integration pack 'Orders' would move a component to an older package: "
                              "Order Intake from 1.0.2 back to 1.0.1 (packaged ")
    assert "allow_downgrade: true" in message and "boomi_allow_downgrade: true" in message
    assert "boomi.platform.rollback" in message
    # a version that does not exist yet would be created now: never a downgrade; nor is the current one
    assert rules.downgrades(client, pack, {INTAKE: "9.9.9", FULFIL: "1.0.2"}) == []


def test_equal_dates_are_not_a_downgrade(sim, client):
    package(sim, "1.0.1", later=False)
    pack_id = released_pack(sim, "1.0.1")
    package(sim, "1.0.0")  # created later although its label sorts lower: newer
    pack = pack_api.find(client, pack_id)
    assert rules.downgrades(client, pack, {INTAKE: "1.0.0", FULFIL: "1.0.0"}) == []
    # Boomi's packages with the dates set deliberately: the same second is not older, a second earlier is
    found = package_api.find_many(client, [(INTAKE, "1.0.0"), (INTAKE, "1.0.1")])
    current = found[(INTAKE, "1.0.1")]
    same = dict(found[(INTAKE, "1.0.0")], createdDate=current["createdDate"])
    earlier = dict(same, createdDate=(rules.parse_time(current["createdDate"]) - datetime.timedelta(seconds=1))
                   .strftime("%Y-%m-%dT%H:%M:%SZ"))
    assert rules.downgrades(client, pack, {INTAKE: "1.0.0"}, packages={
        (INTAKE, "1.0.0"): same, (INTAKE, "1.0.1"): current}) == []
    assert len(rules.downgrades(client, pack, {INTAKE: "1.0.0"}, packages={
        (INTAKE, "1.0.0"): earlier, (INTAKE, "1.0.1"): current})) == 1


def test_schedule_line_is_what_the_roles_print_per_environment():
    line = rules.schedule_line("Orders", "2026-12-09", {"Order Intake": "1.0.2", "Order Fulfilment": "1.0.2"}, "prod",
                               {"Order Intake": "1.0.1", "Order Fulfilment": "1.0.1"})
    assert line == ("release of Orders scheduled for 2026-12-09 (Order Fulfilment 1.0.2, Order Intake 1.0.2); prod keeps "
                    "Order Fulfilment 1.0.1, Order Intake 1.0.1 until then")


def test_labels_add_the_id_only_where_two_components_share_a_name():
    labels = component_metadata.labels({"a": "Sync", "b": "Sync", "c": "Intake"}, ["a", "b", "c", "d"])
    assert labels == {"a": "Sync (a)", "b": "Sync (b)", "c": "Intake", "d": "d"}


def scheduled_pack(sim, client):
    package(sim, "1.0.1", later=False)
    pack_id = released_pack(sim, "1.0.1")
    package(sim, "1.0.2")
    request_id = release(sim, pack_id, {INTAKE: "1.0.2", FULFIL: "1.0.2"}, on_date=tomorrow())
    known = {"request_id": request_id, "scheduled_components": [{"component_id": c, "version": "1.0.2"}
                                                                for c in (INTAKE, FULFIL)]}
    return pack_api.find(client, pack_id), known


def test_expected_versions_scheduled_with_a_known_request(sim, client):
    pack, known = scheduled_pack(sim, client)
    expected = {INTAKE: "1.0.2", FULFIL: "1.0.2"}
    found = rules.explain_expected(client, pack, expected, known=known)
    assert found["kind"] == "scheduled" and found["release_on_date"] == tomorrow()
    assert found["message"] == ("the release with these versions (Order Fulfilment 1.0.2, Order Intake 1.0.2) is "
                                "scheduled for %s; current is Order Fulfilment 1.0.1, Order Intake 1.0.1" % tomorrow())
    # no request id: Boomi cannot tell, and the message never blames another job
    unknown = rules.explain_expected(client, pack, expected)
    assert unknown["kind"] == "unknown" and "another" not in unknown["message"]
    assert unknown["message"] == ("current is Order Fulfilment 1.0.1, Order Intake 1.0.1; a scheduled release may be "
                                  "pending")
    assert rules.explain_expected(client, pack, {INTAKE: "1.0.1"}) is None


def test_a_status_without_versions_falls_back_to_the_recorded_ones(sim, client):
    sim.configure(scheduled_status="bare")
    pack, known = scheduled_pack(sim, client)
    schedule = rules.known_schedule(client, pack["id"], known)
    assert schedule["status"] == "SCHEDULED" and schedule["versions_shown_by_boomi"] is False
    assert rules.explain_expected(client, pack, {INTAKE: "1.0.2", FULFIL: "1.0.2"}, known=known)["kind"] == "scheduled"
    # the request of another pack, or an id Boomi does not know, tells nothing
    assert rules.known_schedule(client, "another-pack", known) is None
    assert rules.known_schedule(client, pack["id"], {"request_id": "release-unknown"}) is None


def test_expected_versions_superseded_by_newer_packages_or_missing(sim, client):
    package(sim, "0.9", later=False)
    package(sim, "1.0.1")
    pack_id = released_pack(sim, "1.0.1")
    first_request = release(sim, pack_id, {INTAKE: "1.0.1", FULFIL: "1.0.1"})
    package(sim, "1.0.2")
    release(sim, pack_id, {INTAKE: "1.0.2", FULFIL: "1.0.2"})
    pack = pack_api.find(client, pack_id)
    found = rules.explain_expected(client, pack, {INTAKE: "1.0.1", FULFIL: "1.0.2"})
    assert found["kind"] == "superseded" and found["current"] == {INTAKE: "1.0.2"}
    assert found["message"] == "another release replaced it: current is Order Intake 1.0.2, packaged after the " \
                               "expected Order Intake 1.0.1"
    missing = rules.explain_expected(client, pack, {INTAKE: "7.7.7"})
    assert missing["kind"] == "missing" and missing["message"].startswith("Order Intake 7.7.7: no such package")
    # a known request that succeeded, since replaced by a release of older packages: superseded too
    release(sim, pack_id, {INTAKE: "0.9", FULFIL: "0.9"})
    pack = pack_api.find(client, pack_id)
    replaced = rules.explain_expected(client, pack, {INTAKE: "1.0.1"}, known={"request_id": first_request})
    assert replaced["kind"] == "superseded" and first_request in replaced["message"]
