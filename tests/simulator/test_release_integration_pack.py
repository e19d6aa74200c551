"""Release status timing and the pack's current/pending versions."""

import datetime
import time

from ..conftest import COMPONENTS
from .helpers import members, pack, package, release, set_members

INTAKE = COMPONENTS["order_intake"]
SYNC = COMPONENTS["invoice_sync"]


def prepared(boomi):
    package(boomi, "order_intake", "1.0.0")
    package(boomi, "invoice_sync", "1.0.0")
    created = pack(boomi).json()
    set_members(boomi, created, ["order_intake", "invoice_sync"])
    return created


def poll(boomi, request_id):
    return boomi.get("ReleaseIntegrationPackStatus", request_id)


def test_status_is_202_until_polls_then_200_success(sim, boomi):
    sim.configure(release_polls=3, release_seconds=60)
    created = prepared(boomi)
    request_id = release(boomi, created["id"], {"order_intake": "1.0.0", "invoice_sync": "1.0.0"}).json()["requestId"]
    codes = [poll(boomi, request_id).status_code for dummy in range(4)]
    assert codes == [202, 202, 200, 200]
    done = poll(boomi, request_id).json()
    assert done["releaseStatus"] == "SUCCESS" and done["responseStatusCode"] == 200
    released = {c["componentId"]: c["releasedVersion"] for c in done["ReleasePackagedComponents"]["ReleasePackagedComponent"]}
    assert released == {INTAKE: "1.0.0", SYNC: "1.0.0"}


def test_in_progress_answer(sim, boomi):
    sim.configure(release_polls=5)
    created = prepared(boomi)
    request_id = release(boomi, created["id"], {}).json()["requestId"]
    body = poll(boomi, request_id).json()
    assert body["releaseStatus"] == "IN_PROGRESS" and body["responseStatusCode"] == 202
    assert "ReleasePackagedComponents" not in body


def test_release_completes_after_seconds_even_if_nobody_polls(sim, boomi):
    sim.configure(release_polls=100, release_seconds=0.5)
    created = prepared(boomi)
    release(boomi, created["id"], {"order_intake": "1.0.0", "invoice_sync": "1.0.0"})
    time.sleep(0.7)
    current = members(boomi.get("PublisherIntegrationPack", created["id"]).json())
    assert current[INTAKE]["currentVersion"] == "1.0.0" and current[INTAKE]["pendingVersion"] == ""


def test_pack_versions_move_on_success_and_deleted_members_drop(sim, boomi):
    sim.configure(release_polls=1)
    created = prepared(boomi)
    before = members(boomi.get("PublisherIntegrationPack", created["id"]).json())
    assert before[INTAKE]["pendingVersion"] == "1.0.0" and before[INTAKE]["currentVersion"] == ""
    request_id = release(boomi, created["id"], {"order_intake": "1.0.0", "invoice_sync": "1.0.0"}).json()["requestId"]
    poll(boomi, request_id)
    set_members(boomi, created, ["order_intake"])  # invoice_sync pending removal
    package(boomi, "order_intake", "1.0.1")
    pending = members(boomi.get("PublisherIntegrationPack", created["id"]).json())
    assert pending[SYNC]["deleted"] is True and pending[INTAKE]["latestVersion"] == "1.0.1"
    assert pending[INTAKE]["pendingVersion"] == ""  # pendingVersion only moves when a component is (re-)added
    request_id = release(boomi, created["id"], {"order_intake": "1.0.1"}).json()["requestId"]
    poll(boomi, request_id)
    after = members(boomi.get("PublisherIntegrationPack", created["id"]).json())
    assert list(after) == [INTAKE] and after[INTAKE]["currentVersion"] == "1.0.1"


def test_release_error_fault(sim, boomi):
    sim.configure(release_polls=1)
    created = prepared(boomi)
    sim.fault(kind="release_error", object="ReleaseIntegrationPack")
    request_id = release(boomi, created["id"], {}).json()["requestId"]
    body = poll(boomi, request_id).json()
    assert body["releaseStatus"] == "ERROR" and "failed" in body["message"]
    assert members(boomi.get("PublisherIntegrationPack", created["id"]).json())[INTAKE]["currentVersion"] == ""


def test_scheduled_release_waits_for_its_date_and_is_unique(sim, boomi):
    created = prepared(boomi)
    tomorrow = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).strftime("%Y-%m-%d")
    first = release(boomi, created["id"], {}, schedule="RELEASE_ON_SPECIFIED_DATE", on_date=tomorrow)
    assert first.json()["releaseOnDate"] == tomorrow
    assert poll(boomi, first.json()["requestId"]).json()["releaseStatus"] == "SCHEDULED"
    second = release(boomi, created["id"], {}, schedule="RELEASE_ON_SPECIFIED_DATE", on_date=tomorrow)
    assert second.status_code == 400 and "already has a scheduled release" in second.json()["message"]
    body = {"id": created["id"], "releaseSchedule": "RELEASE_ON_SPECIFIED_DATE", "releaseOnDate": tomorrow}
    updated = boomi.update("ReleaseIntegrationPack", created["id"], body)
    assert updated.status_code == 200
    sim.control("POST", "clock", {"advance_days": 2})
    status = poll(boomi, updated.json()["requestId"])
    assert status.status_code == 200 and status.json()["releaseStatus"] == "SUCCESS"


def test_update_without_scheduled_release_is_400(boomi):
    created = prepared(boomi)
    answer = boomi.update("ReleaseIntegrationPack", created["id"], {"releaseSchedule": "IMMEDIATELY"})
    assert answer.status_code == 400 and "no scheduled release" in answer.json()["message"]


def test_scheduled_release_date_rules(boomi):
    created = prepared(boomi)
    missing = release(boomi, created["id"], {}, schedule="RELEASE_ON_SPECIFIED_DATE")
    assert "releaseOnDate is required" in missing.json()["message"]
    past = release(boomi, created["id"], {}, schedule="RELEASE_ON_SPECIFIED_DATE", on_date="2020-01-01")
    assert "in the past" in past.json()["message"]
    malformed = release(boomi, created["id"], {}, schedule="RELEASE_ON_SPECIFIED_DATE", on_date="01/02/2030")
    assert "yyyy-MM-dd" in malformed.json()["message"]


def test_a_scheduled_request_lists_what_it_will_release_and_the_pack_does_not_show_it(sim, boomi):
    created = prepared(boomi)
    tomorrow = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).strftime("%Y-%m-%d")
    request_id = release(boomi, created["id"], {"order_intake": "1.0.0"}, schedule="RELEASE_ON_SPECIFIED_DATE",
                         on_date=tomorrow).json()["requestId"]
    body = poll(boomi, request_id).json()
    assert body["releaseStatus"] == "SCHEDULED" and body["releaseOnDate"] == tomorrow
    listed = body["ReleasePackagedComponents"]["ReleasePackagedComponent"]
    assert {c["componentId"]: c["version"] for c in listed} == {INTAKE: "1.0.0", SYNC: "1.0.0"}
    assert not any("releasedVersion" in c for c in listed)  # nothing is released yet
    # [I] the pack shows no trace of the schedule: current and pending versions stay as they were
    before = members(boomi.get("PublisherIntegrationPack", created["id"]).json())
    assert before[INTAKE]["currentVersion"] == "" and before[INTAKE]["pendingVersion"] == "1.0.0"
    sim.configure(scheduled_status="bare")
    assert "ReleasePackagedComponents" not in poll(boomi, request_id).json()


def test_package_dates_have_whole_seconds_and_follow_the_clock(sim, boomi):
    first = package(boomi, "order_intake", "1.0.0").json()["createdDate"]
    sim.control("POST", "clock", {"advance_seconds": 2})
    second = package(boomi, "order_intake", "1.0.1").json()["createdDate"]

    def parse(text):
        return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    assert (parse(second) - parse(first)).total_seconds() >= 2
