"""Twin packs (overlapping runs each created one) by name: a task about to release waits write_settle_seconds and
looks again; check mode, which releases nothing, decides at once."""

from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack as pack_api


def twins(client, name="Twin"):
    body = {"name": name, "Description": "d", "installationType": "MULTI"}
    return sorted(client.create(pack_api.OBJECT, dict(body))["id"] for dummy in range(2))


def test_unreleased_twins_are_looked_at_again_after_the_settle_time(make_client, recorder):
    client = make_client(write_settle_seconds=7)
    ids = twins(client)
    assert pack_api.find_settled(client, "Twin")["id"] == ids[0]
    assert recorder.sleeps == [7]


def test_check_mode_decides_at_once(make_client, recorder):
    client = make_client(write_settle_seconds=7)
    ids = twins(client)
    assert pack_api.find_settled(client, "Twin", settle=False)["id"] == ids[0]
    assert recorder.sleeps == []


def test_a_single_pack_never_waits(make_client, recorder):
    client = make_client(write_settle_seconds=7)
    client.create(pack_api.OBJECT, {"name": "Only", "Description": "d", "installationType": "MULTI"})
    assert pack_api.find_settled(client, "Only")["name"] == "Only"
    assert recorder.sleeps == []
