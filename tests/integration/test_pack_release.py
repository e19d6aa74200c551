"""boomi_pack_release through ansible-playbook."""

import datetime
import threading
import time

from ..conftest import COMPONENTS, BoomiClient
from .playbook import Step, play

INTAKE, FULFIL = COMPONENTS["order_intake"], COMPONENTS["order_fulfilment"]
FAST = {"poll_interval": 0.05, "wait_timeout": 30}


def prepare(sim, versions=("1.0.0",), components=(INTAKE, FULFIL)):
    client = BoomiClient(sim)
    for component in components:
        for version in versions:
            client.create("PackagedComponent", {"componentId": component, "packageVersion": version, "shareable": True})
    pack = client.create("PublisherIntegrationPack", {"name": "Orders", "Description": "d",
                                                      "installationType": "MULTI"}).json()
    client.update("PublisherIntegrationPack", pack["id"], {
        "id": pack["id"], "operationType": "ADD", "Description": "d",
        "PublisherPackagedComponents": {"PublisherPackagedComponent": [{"componentId": c} for c in components]}})
    return pack


def release(**args):
    return dict(dict({"integration_pack": "Orders", "version": "1.0.0"}, **FAST), **args)


def versions(outcome):
    return {c["component_id"]: c["version"] for c in outcome["release"]["released_components"]}


def test_lifecycle(sim, tmp_path):
    pack = prepare(sim, versions=("1.0.0", "1.0.1"))
    one = {"components": [{"component_id": FULFIL, "version": "1.0.1"}]}
    check, first, again, check_change, change, change_again = play(sim, tmp_path, [
        Step("boomi_pack_release", release(), check=True),
        Step("boomi_pack_release", release()),
        Step("boomi_pack_release", release()),
        Step("boomi_pack_release", dict(integration_pack_id=pack["id"], **one, **FAST), check=True),
        Step("boomi_pack_release", dict(integration_pack_id=pack["id"], **one, **FAST)),
        Step("boomi_pack_release", dict(integration_pack_id=pack["id"], **one, **FAST)),
    ])
    assert check.changed and check.writes == 0 and check["release"]["request_id"] is None
    assert versions(check) == {INTAKE: "1.0.0", FULFIL: "1.0.0"}
    assert first.changed and first.writes == 1 and first["release"]["status"] == "SUCCESS"
    assert first["release"]["request_id"].startswith("release-")
    assert all(c["package_id"] for c in first["release"]["released_components"])
    assert not again.changed and again.writes == 0
    assert again["release"]["status"] == "CURRENT" and again["release"]["request_id"] is None
    assert check_change.changed and check_change.writes == 0
    # the diff names components and shows only the member that moves (issue 21: no ids, no nulls)
    assert check_change["diff"] == {"before": {"versions": {"Order Fulfilment": "1.0.0"}},
                                    "after": {"versions": {"Order Fulfilment": "1.0.1"}}}
    assert change.changed and change.writes == 1 and versions(change) == {INTAKE: "1.0.0", FULFIL: "1.0.1"}
    assert change["diff"] == check_change["diff"]
    assert {c["component_name"] for c in change["release"]["released_components"]} == {"Order Intake", "Order Fulfilment"}
    assert change["release"]["current_components"] == change["release"]["released_components"]
    assert change["release"]["superseded"] is False
    assert change["release"]["message"] == ("released integration pack 'Orders' at Order Fulfilment 1.0.1, "
                                            "Order Intake 1.0.0")
    assert first["diff"]["before"] == {"versions": {}}  # nothing was released before: no nulls
    assert first["diff"]["after"] == {"versions": {"Order Fulfilment": "1.0.0", "Order Intake": "1.0.0"}}
    assert not change_again.changed and change_again.writes == 0
    assert change_again["diff"] == {"before": {"versions": {}}, "after": {"versions": {}}}
    current = {cid: m["currentVersion"] for cid, m in sim.state()["integration_packs"][0]["members"].items()}
    assert current == {INTAKE: "1.0.0", FULFIL: "1.0.1"}


def test_nothing_named_releases_pending_else_current_never_a_newer_package(sim, tmp_path):
    prepare(sim)
    pending, = play(sim, tmp_path, [Step("boomi_pack_release", dict({"integration_pack": "Orders"}, **FAST))])
    assert pending.changed and versions(pending) == {INTAKE: "1.0.0", FULFIL: "1.0.0"}
    BoomiClient(sim).create("PackagedComponent", {"componentId": INTAKE, "packageVersion": "1.0.1", "shareable": True})
    current, = play(sim, tmp_path, [Step("boomi_pack_release", dict({"integration_pack": "Orders"}, **FAST))])
    assert not current.changed and current.writes == 0 and versions(current) == {INTAKE: "1.0.0", FULFIL: "1.0.0"}
    assert any("newer shareable package (1.0.1)" in w for w in current.result["warnings"])


def test_pending_removal_is_released(sim, tmp_path):
    prepare(sim)
    first, = play(sim, tmp_path, [Step("boomi_pack_release", release())])
    pack_id = first["release"]["integration_pack_id"]
    BoomiClient(sim).update("PublisherIntegrationPack", pack_id, {
        "id": pack_id, "operationType": "DELETE", "Description": "d",
        "PublisherPackagedComponents": {"PublisherPackagedComponent": [{"componentId": FULFIL}]}})
    drop, again = play(sim, tmp_path, [Step("boomi_pack_release", release()), Step("boomi_pack_release", release())])
    assert drop.changed and versions(drop) == {INTAKE: "1.0.0"}
    assert not again.changed
    assert list(sim.state()["integration_packs"][0]["members"]) == [INTAKE]


def test_bad_versions_and_members_fail_before_writing(sim, tmp_path):
    prepare(sim)
    missing, check_missing, stranger = play(sim, tmp_path, [
        Step("boomi_pack_release", release(version="9.9.9")),
        Step("boomi_pack_release", release(version="9.9.9"), check=True),
        Step("boomi_pack_release", dict({"integration_pack": "Orders", "components": [
            {"component_id": COMPONENTS["invoice_sync"], "version": "1.0.0"}]}, **FAST)),
    ])
    assert missing.failed and missing.writes == 0 and "9.9.9" in missing.msg and "shareable: true" in missing.msg
    assert check_missing.changed and not check_missing.failed and check_missing.writes == 0
    assert stranger.failed and stranger.writes == 0 and "not a member" in stranger.msg


def test_package_id_as_pack_id_is_explained(sim, tmp_path):
    prepare(sim)
    package_id = sim.state()["packaged_components"][0]["packageId"]
    wrong, = play(sim, tmp_path, [Step("boomi_pack_release", dict({"integration_pack_id": package_id}, **FAST))])
    assert wrong.failed and wrong.writes == 0
    assert "is a packaged component id" in wrong.msg and "not an integration pack id" in wrong.msg


def test_release_error_fails_with_boomis_message(sim, tmp_path):
    prepare(sim)
    sim.fault(kind="release_error", object="ReleaseIntegrationPack")
    error, = play(sim, tmp_path, [Step("boomi_pack_release", release())])
    assert error.failed and "ended with ERROR" in error.msg and "simulated error" in error.msg
    assert error["release"]["request_id"].startswith("release-") and error["release"]["status"] == "ERROR"


def test_timeout_fails_and_returns_the_request_id(sim, tmp_path):
    prepare(sim)
    sim.configure(release_polls=1000, release_seconds=1000)
    slow, = play(sim, tmp_path, [Step("boomi_pack_release", release(wait_timeout=1, poll_interval=0.2))])
    assert slow.failed and "still IN_PROGRESS after wait_timeout=1s" in slow.msg
    assert slow["release"]["request_id"].startswith("release-")


def test_lost_release_answer_is_not_sent_again(sim, tmp_path):
    prepare(sim)
    sim.configure(release_polls=1, release_seconds=0.5)
    sim.fault(kind="drop_after", object="ReleaseIntegrationPack", operation="create")
    # the release finishes 0.5 s after it was sent: looking for 3 s sees it land, so it is not sent again
    lost, = play(sim, tmp_path, [Step("boomi_pack_release", release(poll_interval=0.2))], write_settle_seconds=3)
    assert lost.changed and not lost.failed and lost.writes == 1
    assert lost["release"]["status"] == "SUCCESS"
    assert len(sim.state()["releases"]) == 1


def test_release_lost_before_processing_converges_in_one_run(sim, tmp_path):
    prepare(sim)
    sim.fault(kind="504", object="ReleaseIntegrationPack", operation="create")
    sent, = play(sim, tmp_path, [Step("boomi_pack_release", release(wait_timeout=600))], write_settle_seconds=1)
    assert sent.changed and not sent.failed and sent["release"]["status"] == "SUCCESS"
    assert len(sim.state()["releases"]) == 1


def test_a_release_made_meanwhile_by_another_job_is_not_made_again(sim, tmp_path):
    pack = prepare(sim)
    sim.configure(release_polls=1)
    fault = sim.fault(kind="503_retry_after", retry_after=2, object="ReleaseIntegrationPack", operation="create")

    def other_job():  # releases the same versions while our module waits out the 503
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if [f for f in sim.control("GET", "faults")["faults"] if f["id"] == fault["id"] and f["fired"]]:
                client = BoomiClient(sim)
                made = client.create("ReleaseIntegrationPack", {
                    "id": pack["id"], "releaseSchedule": "IMMEDIATELY", "ReleasePackagedComponents": {
                        "ReleasePackagedComponent": [{"componentId": c, "version": "1.0.0"} for c in (INTAKE, FULFIL)]}})
                client.get("ReleaseIntegrationPackStatus", made.json()["requestId"])
                return
            time.sleep(0.05)

    thread = threading.Thread(target=other_job)
    thread.start()
    ours, = play(sim, tmp_path, [Step("boomi_pack_release", release())])
    thread.join()
    # the one write of the step is the other job's release: this task changed nothing and says so
    assert not ours.changed and not ours.failed and ours["release"]["status"] == "SUCCESS" and ours.writes == 1
    assert ours["release"]["request_id"] is None and len(sim.state()["releases"]) == 1
    assert ours["release"]["message"].startswith("another job released integration pack 'Orders' at ")
    assert ours["release"]["message"].endswith("meanwhile; this task sent nothing")
    assert ours["diff"] == {"before": {"versions": {}}, "after": {"versions": {}}}


def test_scheduled_release_and_its_replacement(sim, tmp_path):
    prepare(sim, versions=("1.0.0", "1.0.1"))
    play(sim, tmp_path, [Step("boomi_pack_release", release())])
    tomorrow = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).strftime("%Y-%m-%d")
    scheduled = release(version="1.0.1", release_schedule="on_date", release_on_date=tomorrow)
    first, second, past, malformed = play(sim, tmp_path, [
        Step("boomi_pack_release", scheduled),
        Step("boomi_pack_release", scheduled),
        Step("boomi_pack_release", dict(scheduled, release_on_date="2020-01-01")),
        Step("boomi_pack_release", dict(scheduled, release_on_date="31/01/2030")),
    ])
    assert first["release"]["status"] == "SCHEDULED" and first["release"]["release_on_date"] == tomorrow
    # what the roles print per environment: the date, the scheduled versions and what stays until then
    assert first["release"]["message"] == (
        "release of 'Orders' scheduled for %s (Order Fulfilment 1.0.1, Order Intake 1.0.1); until then the pack's "
        "current release stays Order Fulfilment 1.0.0, Order Intake 1.0.0" % tomorrow)
    assert {c["component_name"]: c["version"] for c in first["release"]["scheduled_components"]} == {
        "Order Intake": "1.0.1", "Order Fulfilment": "1.0.1"}
    assert {c["component_name"]: c["version"] for c in first["release"]["current_components"]} == {
        "Order Intake": "1.0.0", "Order Fulfilment": "1.0.0"}
    assert first["release"]["released_components"] == first["release"]["current_components"]
    assert first["diff"]["after"] == {"versions": {"Order Intake": "1.0.1", "Order Fulfilment": "1.0.1"},
                                      "release_on_date": tomorrow}
    assert not [w for w in first.result.get("warnings", []) if "scheduled release" in w]
    # Boomi shows a pending schedule only to whoever holds its request id (docs/release-semantics.md): the
    # identical re-run cannot recognise it, so it sends it again and says so and why, on every run
    assert second.changed and second["release"]["status"] == "SCHEDULED" and second.writes == 1
    assert second["release"]["message"].startswith("sent again, replacing the pending scheduled release: release of")
    warning, = [w for w in second.result["warnings"] if "already had a scheduled release" in w]
    assert "only to whoever holds its request id" in warning and "sent the schedule again" in warning
    statuses = sorted((r["releaseStatus"], bool(r.get("replacedBy"))) for r in sim.state()["releases"])
    assert statuses == [("SCHEDULED", False), ("SCHEDULED", True), ("SUCCESS", False)]
    assert past.failed and past.writes == 0 and "in the past" in past.msg
    assert malformed.failed and malformed.writes == 0 and "YYYY-MM-DD" in malformed.msg


def test_a_refused_scheduled_release_replaces_the_pending_one_whatever_the_wording(sim, tmp_path):
    # Boomi does not document its wording: the replace path must not need "scheduled" in the refusal
    prepare(sim)
    today = datetime.datetime.now(datetime.timezone.utc)
    tomorrow, later = [(today + datetime.timedelta(days=n)).strftime("%Y-%m-%d") for n in (1, 2)]
    play(sim, tmp_path, [Step("boomi_pack_release", release(release_schedule="on_date", release_on_date=tomorrow))])
    sim.fault(kind="400", object="ReleaseIntegrationPack", operation="create", message="Refused.", count=1)
    replaced, = play(sim, tmp_path, [
        Step("boomi_pack_release", release(release_schedule="on_date", release_on_date=later))])
    assert replaced.changed and replaced["release"]["release_on_date"] == later and replaced.writes == 1
    pending = [r for r in sim.state()["releases"] if not r.get("replacedBy")]
    assert [r["releaseOnDate"] for r in pending] == [later]


def test_a_refused_release_with_nothing_to_replace_reports_boomis_refusal(sim, tmp_path):
    prepare(sim)
    tomorrow = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).strftime("%Y-%m-%d")
    sim.fault(kind="400", object="ReleaseIntegrationPack", operation="create", message="Refused.", count=1)
    refused, = play(sim, tmp_path, [
        Step("boomi_pack_release", release(release_schedule="on_date", release_on_date=tomorrow))])
    assert refused.failed and "Refused." in refused.msg and refused.writes == 0
    assert sim.state()["releases"] == []


def test_check_mode_resolves_unreleased_twins_at_once(sim, tmp_path):
    """Two unreleased packs named alike (overlapping runs): a real release waits write_settle_seconds and looks
    again (a second query); check mode, which releases nothing, looks once."""
    first, second = prepare(sim), prepare(sim)
    since = sim.requests()["requests"][-1]["seq"]
    check, real = play(sim, tmp_path, [Step("boomi_pack_release", release(), check=True),
                                       Step("boomi_pack_release", release())], write_settle_seconds=1)
    assert check.changed and check.writes == 0 and real.changed and not real.failed
    assert check["integration_pack"]["id"] == real["integration_pack"]["id"] == min(first["id"], second["id"])
    queries = [r["seq"] for r in sim.requests(since)["requests"]
               if (r["object"], r["operation"]) == ("PublisherIntegrationPack", "query")]
    release_seq = next(r["seq"] for r in sim.requests(since)["requests"] if r["object"] == "ReleaseIntegrationPack")
    assert len([q for q in queries if q < release_seq]) == 1 + 2  # check mode: 1; the real run: 2


def test_scheduled_release_already_current_is_unchanged_whatever_the_date(sim, tmp_path):
    prepare(sim)
    tomorrow = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).strftime("%Y-%m-%d")
    first, scheduled = play(sim, tmp_path, [
        Step("boomi_pack_release", release()),
        Step("boomi_pack_release", release(release_schedule="on_date", release_on_date=tomorrow))])
    assert not scheduled.changed and scheduled.writes == 0 and scheduled["release"]["status"] == "CURRENT"
    assert not scheduled.result.get("warnings")


# -- the downgrade guard (issue 23): Boomi's createdDate decides, never the version labels ------------------
def later_packages(sim, versions, components=(INTAKE, FULFIL)):
    """Package each version in a later second than the one before (Boomi's dates have whole seconds)."""
    client = BoomiClient(sim)
    for version in versions:
        sim.control("POST", "clock", {"advance_seconds": 2})
        for component in components:
            client.create("PackagedComponent", {"componentId": component, "packageVersion": version,
                                                "shareable": True})


def test_a_release_of_older_packages_fails_before_any_write(sim, tmp_path):
    prepare(sim, versions=("1.0.1",))
    later_packages(sim, ["1.0.2"])
    released, = play(sim, tmp_path, [Step("boomi_pack_release", release(version="1.0.2"))])
    assert released.changed
    older = release(version="1.0.1")
    check, refused, one, allowed, again = play(sim, tmp_path, [
        Step("boomi_pack_release", older, check=True),
        Step("boomi_pack_release", older),
        Step("boomi_pack_release", dict({"integration_pack": "Orders", "components": [
            {"component_id": FULFIL, "version": "1.0.1"}]}, **FAST)),
        Step("boomi_pack_release", dict(older, allow_downgrade=True)),
        Step("boomi_pack_release", older),
    ])
    for outcome in (check, refused):
        assert outcome.failed and outcome.writes == 0, outcome
        assert "would move 2 components to an older package" in outcome.msg
        assert "Order Intake from 1.0.2 back to 1.0.1 (packaged " in outcome.msg
        assert "Order Fulfilment from 1.0.2 back to 1.0.1" in outcome.msg
        assert "allow_downgrade: true" in outcome.msg and "boomi_allow_downgrade: true" in outcome.msg
        assert "boomi.platform.rollback" in outcome.msg and "Nothing was released" in outcome.msg
        assert {f["component_name"] for f in outcome["downgrades"]} == {"Order Intake", "Order Fulfilment"}
    assert one.failed and one.writes == 0 and "would move a component" in one.msg and "Order Intake" not in one.msg
    assert allowed.changed and not allowed.failed and allowed.writes == 1
    assert versions(allowed) == {INTAKE: "1.0.1", FULFIL: "1.0.1"}
    assert any("allow_downgrade is true" in w and "Order Intake from 1.0.2 back to 1.0.1" in w
               for w in allowed.result["warnings"])
    assert not again.changed and again.writes == 0  # 1.0.1 is current now: nothing to guard


def test_version_labels_are_never_ordered(sim, tmp_path):
    """'1.0.10' after '1.0.9', or a label that sorts lower, is newer when Boomi created it later."""
    prepare(sim, versions=("2.0",))
    later_packages(sim, ["1.0-hotfix"])
    first, second = play(sim, tmp_path, [Step("boomi_pack_release", release(version="2.0")),
                                         Step("boomi_pack_release", release(version="1.0-hotfix"))])
    assert first.changed and second.changed and not second.failed
    assert versions(second) == {INTAKE: "1.0-hotfix", FULFIL: "1.0-hotfix"}


def test_packages_created_in_the_same_second_are_not_a_downgrade(sim, tmp_path):
    """Equal createdDate values are not older (Boomi's dates have whole seconds): deliberately asserted."""
    client = BoomiClient(sim)
    for attempt in range(5):  # two creates almost always land in one second; try again if they straddle one
        labels = ("a%d" % attempt, "b%d" % attempt)
        made = [client.create("PackagedComponent", {"componentId": INTAKE, "packageVersion": v, "shareable": True})
                .json()["createdDate"] for v in labels]
        if made[0] == made[1]:
            break
    assert made[0] == made[1]
    pack = client.create("PublisherIntegrationPack", {"name": "Orders", "Description": "d",
                                                      "installationType": "MULTI"}).json()
    client.update("PublisherIntegrationPack", pack["id"], {
        "id": pack["id"], "operationType": "ADD", "Description": "d",
        "PublisherPackagedComponents": {"PublisherPackagedComponent": [{"componentId": INTAKE}]}})
    newer, same_second = play(sim, tmp_path, [Step("boomi_pack_release", release(version=labels[1])),
                                              Step("boomi_pack_release", release(version=labels[0]))])
    assert newer.changed and same_second.changed and not same_second.failed


# -- overlapping runs say who won (issue 23) ------------------------------------------------------------------
def test_a_release_replaced_before_the_task_ends_says_who_won(sim, tmp_path):
    pack = prepare(sim, versions=("1.0.1",))
    later_packages(sim, ["1.0.2"])
    sim.configure(release_polls=1)
    # the task's one GET of the pack (after its release succeeded) is slowed; meanwhile another job releases 1.0.2
    fault = sim.fault(kind="latency", latency_ms=1500, method="GET", object="PublisherIntegrationPack", count=1)

    def other_job():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if [f for f in sim.control("GET", "faults")["faults"] if f["id"] == fault["id"] and f["fired"]]:
                client = BoomiClient(sim)
                made = client.create("ReleaseIntegrationPack", {
                    "id": pack["id"], "releaseSchedule": "IMMEDIATELY", "ReleasePackagedComponents": {
                        "ReleasePackagedComponent": [{"componentId": c, "version": "1.0.2"} for c in (INTAKE, FULFIL)]}})
                client.get("ReleaseIntegrationPackStatus", made.json()["requestId"])
                return
            time.sleep(0.02)

    thread = threading.Thread(target=other_job)
    thread.start()
    ours, = play(sim, tmp_path, [Step("boomi_pack_release", release(version="1.0.1"))])
    thread.join()
    assert ours.changed and not ours.failed and ours["release"]["superseded"] is True
    assert versions(ours) == {INTAKE: "1.0.1", FULFIL: "1.0.1"}  # what this task released
    assert {c["version"] for c in ours["release"]["current_components"]} == {"1.0.2"}  # what won
    assert ours["release"]["message"] == (
        "this task released integration pack 'Orders' at Order Fulfilment 1.0.1, Order Intake 1.0.1, and another "
        "release has replaced it since: current is Order Fulfilment 1.0.2, Order Intake 1.0.2")
    assert ours["release"]["message"] in ours.result["warnings"]
    assert {m["current_version"] for m in ours["integration_pack"]["packaged_components"]} == {"1.0.2"}
