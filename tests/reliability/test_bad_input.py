"""Every bad input in docs/bad-inputs.yml fails clearly, names the option and the fix, and writes nothing."""

import json
from pathlib import Path

import pytest
import yaml
from boomi_simulator.seed import PROCESS_PROPERTIES, PROCESS_PROPERTY_KEYS

from ..conftest import COMPONENTS, ENVIRONMENTS, BoomiClient
from ..integration.playbook import Step, play
from .report import record

SECRET = "hunter2"  # the value the extension cases give where a secret goes
CASES = yaml.safe_load((Path(__file__).resolve().parents[2] / "docs" / "bad-inputs.yml").read_text(encoding="utf-8"))


def setup_state(sim):
    """A released pack Orders (Order Intake 1.0.0), an unreleased pack, two packs named Twin; Order Intake 1.0.0
    deployed to stage, with an encrypted extension value set there."""
    client = BoomiClient(sim)

    def create(obj, body):
        answer = client.create(obj, body)
        assert answer.status_code == 200, answer.text
        return answer.json()

    intake = create("PackagedComponent", {"componentId": COMPONENTS["order_intake"], "packageVersion": "1.0.0",
                                          "notes": "first", "shareable": True})
    create("PackagedComponent", {"componentId": COMPONENTS["invoice_sync"], "packageVersion": "1.0.0", "shareable": False})
    create("PackagedComponent", {"componentId": COMPONENTS["orders_api"], "packageVersion": "1.0.0", "shareable": True})
    packs = {}
    for name in ("Orders", "Unreleased", "Twin", "Twin 2"):
        packs[name] = create("PublisherIntegrationPack", {"name": name.split()[0], "Description": "d",
                                                          "installationType": "MULTI"})
        client.update("PublisherIntegrationPack", packs[name]["id"], {
            "id": packs[name]["id"], "operationType": "ADD", "Description": "d",
            "PublisherPackagedComponents": {"PublisherPackagedComponent": [{"componentId": COMPONENTS["order_intake"]}]}})
    for name in ("Orders", "Twin", "Twin 2"):  # two released packs named Twin: ambiguous
        release = create("ReleaseIntegrationPack", {"id": packs[name]["id"], "releaseSchedule": "IMMEDIATELY",
                                                    "ReleasePackagedComponents": {"ReleasePackagedComponent": [
                                                        {"componentId": COMPONENTS["order_intake"], "version": "1.0.0"}]}})
        for dummy in range(2):
            client.get("ReleaseIntegrationPackStatus", release["requestId"])
    configured_environment(create, client, intake["packageId"])
    return {"intake": COMPONENTS["order_intake"], "invoice_sync": COMPONENTS["invoice_sync"],
            "certificate": COMPONENTS["partner_cert"], "orders_api": COMPONENTS["orders_api"],
            "dev": ENVIRONMENTS["dev"], "intake_package": intake["packageId"], "orders_pack": packs["Orders"]["id"],
            "stage": ENVIRONMENTS["stage"]}


def configured_environment(create, client, package_id):
    """Order Intake deployed to stage, whose extensions then hold an encrypted API Key (set)."""
    stage = ENVIRONMENTS["stage"]
    create("DeployedPackage", {"environmentId": stage, "packageId": package_id})
    keys = [{"key": key, "useDefault": True} for key in (PROCESS_PROPERTY_KEYS["batch_size"], PROCESS_PROPERTY_KEYS["region"])]
    keys.append({"key": PROCESS_PROPERTY_KEYS["api_key"], "value": "set-before", "useDefault": False})
    answer = client.update("EnvironmentExtensions", stage, {"id": stage, "partial": True, "processProperties": {
        "ProcessProperty": [{"id": PROCESS_PROPERTIES["order_settings"], "ProcessPropertyValue": keys}]}})
    assert answer.status_code == 200, answer.text


def render(text, variables):
    for key, value in variables.items():
        text = text.replace("{{ %s }}" % key, value)
    return text


def test_the_table_is_big_enough():
    assert len(CASES) >= 25
    assert len({c["name"] for c in CASES}) == len(CASES)
    assert all(set(c) <= {"name", "module", "args", "connection", "expect", "never", "requests"} for c in CASES)


def test_every_bad_input_fails_clearly_with_zero_writes(sim, tmp_path):
    variables = setup_state(sim)
    steps = [Step(case["module"], dict(case["args"], **case.get("connection", {})), name=case["name"]) for case in CASES]
    outcomes = play(sim, tmp_path, steps, extra_vars=variables)
    problems = []
    for case, outcome in zip(CASES, outcomes):
        expected = [render(text, variables) for text in case["expect"]]
        missing = [text for text in expected if text not in outcome.msg]
        # `never`: texts (a password) that must not appear anywhere in the result, its invocation included; and the
        # cases' stand-in secret is never echoed either
        leaked = [text for text in case.get("never", []) + [SECRET] if text in json.dumps(outcome.result)]
        sent = case.get("requests") is not None and outcome.requests != case["requests"]
        if not outcome.failed or missing or leaked or sent or outcome.writes:
            problems.append("%s: failed=%s writes=%s requests=%s missing=%s leaked=%s msg=%r"
                            % (case["name"], outcome.failed, outcome.writes, outcome.requests, missing, leaked,
                               outcome.msg))
    record("bad_input", cases=len(CASES), clear_errors=len(CASES) - len(problems),
           writes=sum(o.writes for o in outcomes),
           requests_for_refused_connections=sum(o.requests for c, o in zip(CASES, outcomes) if "requests" in c))
    assert problems == []


@pytest.mark.parametrize("account, status", [("boomi-demo-A1B2C3", 401), ("boomi-other-Z9Y8X7", 403)])
def test_auth_failures_are_sent_once(sim, tmp_path, account, status):
    token = "wrong-token" if status == 401 else None
    connection = {"account_id": account}
    if token:
        connection["api_token"] = token
    since = sim.requests()["summary"]["last_seq"]
    outcome, = play(sim, tmp_path, [Step("boomi_packaged_component", dict(
        {"component_id": COMPONENTS["order_intake"], "package_version": "1.0.0"}, **connection))])
    sent = [r for r in sim.requests(since)["requests"] if r["object"]]
    assert outcome.failed and [r["status"] for r in sent] == [status]
    if status == 403:
        assert "account boomi-other-Z9Y8X7" in outcome.msg
