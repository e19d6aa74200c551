"""The per-environment configuration functions a role's pre-flight calls with (client, plain values): plans before
any write, applies, and settles a lost answer by looking (the real client against the real simulator)."""

import pytest

from ansible_collections.boomi.platform.plugins.module_utils import extension_plan
from ansible_collections.boomi.platform.plugins.module_utils import process_schedules
from ansible_collections.boomi.platform.plugins.module_utils.errors import BoomiError, UsageError

from ....conftest import COMPONENTS, ENVIRONMENTS

PROD, DEV = ENVIRONMENTS["prod"], ENVIRONMENTS["dev"]
INTAKE = COMPONENTS["order_intake"]
SECRET = "unit-secret-0c9d1e"
OPTIONS = {"connections": {"Orders DB": {"url": "jdbc:prod", "password": SECRET}},
           "process_properties": {"Order Settings": {"Batch Size": 10}}}


@pytest.fixture
def deployed(client):
    client.create("DeployedPackage", {"environmentId": PROD, "componentId": INTAKE})  # one deploy: its own package
    return client


def updates(sim):
    return [r for r in sim.requests()["requests"] if r["operation"] == "update" and r["write"]]


def test_plan_then_apply_then_nothing_left(sim, deployed):
    plan = extension_plan.plan_environment(deployed, PROD, OPTIONS)
    assert sim.writes() == 1  # the set-up's deployment: planning only reads
    assert plan["problems"] == [] and plan["missing"] == []
    body = plan["groups"][0]["body"]
    assert body["partial"] is True and body["id"] == PROD
    assert [f["id"] for f in body["connections"]["connection"][0]["field"]] == ["url", "password"]
    values = body["processProperties"]["ProcessProperty"][0]["ProcessPropertyValue"]
    assert len(values) == 3  # the whole component: Batch Size, and Region and API Key as they are (default)
    assert plan["diff"]["after"]["connections"]["Orders DB"] == {"url": "jdbc:prod", "password": "********"}
    changed, afters = extension_plan.apply(deployed, plan)
    assert changed and len(updates(sim)) == 1
    again = extension_plan.plan_environment(deployed, PROD, OPTIONS)
    assert [g["body"] for g in again["groups"]] == [None] and again["changes"] == []


def test_unknown_components_are_missing_and_bad_fields_are_problems(deployed):
    wanted = {"connections": {"Billing DB": {"url": "x"}, "Orders DB": {"colour": "x"}}}
    plan = extension_plan.plan_environment(deployed, PROD, wanted)
    assert len(plan["missing"]) == 1 and "Billing DB" in plan["missing"][0]
    assert len(plan["problems"]) == 1 and "['colour']: no field with that id" in plan["problems"][0]
    with pytest.raises(UsageError, match="Billing DB.*colour|colour.*Billing DB"):
        extension_plan.raise_problems(plan)


def test_a_lost_answer_is_settled_by_looking(sim, deployed, recorder):
    sim.fault(kind="drop_after", object="EnvironmentExtensions", operation="update")
    plan = extension_plan.plan_environment(deployed, PROD, OPTIONS)
    changed, afters = extension_plan.apply(deployed, plan)
    assert changed and len(updates(sim)) == 1  # committed once, not sent again
    assert any("so it was not sent again" in w for w in recorder.warnings)


def test_a_secret_sent_always_is_sent_again_after_a_lost_answer(sim, deployed):
    extension_plan.apply(deployed, extension_plan.plan_environment(deployed, PROD, OPTIONS))
    sim.fault(kind="drop_after", object="EnvironmentExtensions", operation="update")
    plan = extension_plan.plan_environment(deployed, PROD, {"connections": {"Orders DB": {"password": "rotated"}}},
                                           update_secrets="always")
    extension_plan.apply(deployed, plan)
    assert len(updates(sim)) == 3  # Boomi never shows a secret, so the lost one is sent again (safely)
    held, = [d for d in sim.state()["environment_extensions"] if d["id"] == PROD]
    assert held["connections"]["5b2e7c10-0001-4a1f-8c3d-00000000d001"]["password"] == "rotated"


def test_a_secret_boomi_echoes_is_scrubbed_from_errors_and_warnings(sim, deployed, recorder):
    sim.fault(kind="503", object="EnvironmentExtensions", operation="update", message="busy with %s" % SECRET)
    sim.fault(kind="400", object="EnvironmentExtensions", operation="update", message="bad value %s" % SECRET)
    plan = extension_plan.plan_environment(deployed, PROD, OPTIONS)
    with pytest.raises(BoomiError) as caught:
        extension_plan.apply(deployed, plan)
    assert SECRET not in str(caught.value) and SECRET not in (caught.value.boomi_message or "")
    assert "bad value ********" in str(caught.value)
    assert recorder.warnings and not any(SECRET in w for w in recorder.warnings)


def test_schedules_plan_apply_and_settle(sim, deployed, recorder):
    options = {"process_id": INTAKE, "schedules": [{"minutes": "0", "hours": "6"}], "enabled": False}
    plan = process_schedules.plan_schedules(deployed, options, environment_id=PROD)
    entry, = plan["entries"]
    assert plan["missing"] == [] and entry["schedule_body"]["Schedule"][0]["daysOfWeek"] == "*"
    assert entry["status_body"]["enabled"] is False and sim.writes() == 1  # the set-up's deployment only
    sim.fault(kind="drop_after", object="ProcessSchedules", operation="update")
    assert process_schedules.apply(deployed, plan)
    assert len(updates(sim)) == 2 and any("so it was not sent again" in w for w in recorder.warnings)
    again = process_schedules.plan_schedules(deployed, options, environment_id=PROD)
    assert [(e["schedule_body"], e["status_body"]) for e in again["entries"]] == [(None, None)]
    undeployed = process_schedules.plan_schedules(deployed, options, environment_id=DEV)
    assert undeployed["missing"] and "is not deployed where runtime" in undeployed["missing"][0]
