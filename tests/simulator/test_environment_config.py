"""Per-environment configuration as the simulator enforces it: runtimes and their environments, environment
extensions (partial updates, encrypted values, extension groups) and process schedules, one test per rule, over
real HTTP (every answer checked against the contract by the test client)."""

import pytest
from boomi_simulator.seed import (
    ATOMS,
    CONNECTIONS,
    CROSS_REFERENCES,
    MANAGED_ACCOUNTS,
    MANAGED_ENVIRONMENTS,
    PROCESS_PROPERTIES,
    PROCESS_PROPERTY_KEYS,
)

from ..conftest import COMPONENTS, ENVIRONMENTS, deploy_component, equals
from .test_partner import in_account, install, ok, released, share

DEV, TEST = ENVIRONMENTS["dev"], ENVIRONMENTS["test"]
INTAKE, FULFIL = COMPONENTS["order_intake"], COMPONENTS["order_fulfilment"]
ORDERS_DB, SFTP = CONNECTIONS["orders_db"], CONNECTIONS["warehouse_sftp"]
SETTINGS = PROCESS_PROPERTIES["order_settings"]
BATCH, REGION, API_KEY = (PROCESS_PROPERTY_KEYS[k] for k in ("batch_size", "region", "api_key"))
COUNTRIES = CROSS_REFERENCES["country_codes"]


def error(answer, status=400):
    assert answer.status_code == status, answer.text
    return answer.json()["message"]


def results(answer):
    return ok(answer).get("result", [])  # an empty page carries no result list


def deploy(boomi, component=INTAKE, environment=DEV):
    return ok(deploy_component(boomi, environment, component))


def extensions(boomi, environment=DEV):
    return ok(boomi.get("EnvironmentExtensions", environment))


def connection(doc, ident=ORDERS_DB):
    found, = [c for c in doc["connections"]["connection"] if c["id"] == ident]
    return dict((f["id"], f) for f in found["field"])


def settings(doc):
    found, = doc["processProperties"]["ProcessProperty"]
    return dict((v["key"], v) for v in found["ProcessPropertyValue"])


def partial(environment=DEV, **sections):
    return dict({"id": environment, "environmentId": environment, "partial": True}, **sections)


def field_update(*fields, ident=ORDERS_DB):
    return {"connection": [{"id": ident, "field": list(fields)}]}


def property_update(*values, ident=SETTINGS):
    return {"ProcessProperty": [{"id": ident, "ProcessPropertyValue": list(values)}]}


# -- runtimes ----------------------------------------------------------------------------------------------
def test_every_environment_has_one_attached_runtime(boomi):
    atoms = results(boomi.query("Atom"))
    assert {a["id"] for a in atoms} == {ATOMS[name] for name in ENVIRONMENTS}
    assert all(a["status"] == "ONLINE" and a["type"] == "ATOM" for a in atoms)
    attached = results(boomi.query("EnvironmentAtomAttachment", equals("environmentId", DEV)))
    assert [(a["atomId"], a["environmentId"]) for a in attached] == [(ATOMS["dev"], DEV)]
    one = results(boomi.query("Atom", equals("id", ATOMS["prod"])))
    assert [a["name"] for a in one] == ["Production Atom"]


def test_attaching_moves_a_runtime_and_detaching_removes_it(boomi, sim):
    moved = ok(boomi.create("EnvironmentAtomAttachment", {"atomId": ATOMS["dev"], "environmentId": TEST}))
    assert (moved["atomId"], moved["environmentId"]) == (ATOMS["dev"], TEST) and moved["id"]
    on_test = results(boomi.query("EnvironmentAtomAttachment", equals("environmentId", TEST)))
    assert sorted(a["atomId"] for a in on_test) == sorted([ATOMS["test"], ATOMS["dev"]])
    assert results(boomi.query("EnvironmentAtomAttachment", equals("environmentId", DEV))) == []
    assert boomi.delete("EnvironmentAtomAttachment", moved["id"]).status_code == 200
    assert results(boomi.query("EnvironmentAtomAttachment", equals("atomId", ATOMS["dev"]))) == []
    assert "not a runtime of account" in error(boomi.create("EnvironmentAtomAttachment",
                                                            {"atomId": "no-such-atom", "environmentId": DEV}))
    assert "not an environment of account" in error(boomi.create("EnvironmentAtomAttachment",
                                                                 {"atomId": ATOMS["dev"], "environmentId": "nope"}))


# -- environment extensions -----------------------------------------------------------------------------------
def test_extensions_list_what_runs_in_the_environment(boomi):
    empty = extensions(boomi)
    assert empty["id"] == DEV and empty["extensionGroupId"] == "" and empty["connections"]["connection"] == []
    deploy(boomi)
    deploy(boomi, FULFIL)
    doc = extensions(boomi)
    assert sorted(c["name"] for c in doc["connections"]["connection"]) == ["Orders DB", "Warehouse SFTP"]  # shared once
    fields = connection(doc)
    assert fields["url"]["value"].startswith("jdbc:postgresql://orders-db.test") and fields["url"]["useDefault"] is True
    assert fields["password"]["usesEncryption"] is True and fields["password"]["encryptedValueSet"] is False
    assert "value" not in fields["password"]
    values = settings(doc)
    assert values[BATCH]["label"] == "Batch Size" and "value" not in values[BATCH]  # returned only once set
    assert [p["name"] for p in doc["properties"]["property"]] == ["orderMode", "notifyEmail"]
    table, = doc["crossReferences"]["crossReference"]
    assert (table["id"], table["overrideValues"], table["CrossReferenceRows"]["row"]) == (COUNTRIES, False, [])
    assert extensions(boomi, TEST)["connections"]["connection"] == []


def test_a_partial_update_sets_one_field_and_never_returns_an_encrypted_value(boomi, sim):
    deploy(boomi)
    answer = ok(boomi.update("EnvironmentExtensions", DEV, partial(connections=field_update(
        {"id": "url", "value": "jdbc:postgresql://prod/orders", "useDefault": False},
        {"id": "password", "value": "s3cret", "useDefault": "false", "usesEncryption": True}))))
    fields = connection(answer)
    assert fields["url"]["value"] == "jdbc:postgresql://prod/orders" and fields["url"]["useDefault"] is False
    assert fields["password"]["encryptedValueSet"] is True and "value" not in fields["password"]
    assert fields["user"]["useDefault"] is True and fields["user"]["value"] == "orders_app"  # untouched
    stored, = sim.state()["environment_extensions"]
    assert stored["connections"][ORDERS_DB] == {"url": "jdbc:postgresql://prod/orders", "password": "s3cret"}
    # useDefault false without a value keeps the override (the OAS); useDefault true goes back to default
    kept = connection(ok(boomi.update("EnvironmentExtensions", DEV, partial(connections=field_update(
        {"id": "password", "useDefault": False}, {"id": "url", "useDefault": True})))))
    assert kept["password"]["encryptedValueSet"] is True and kept["url"]["useDefault"] is True
    assert sim.state()["environment_extensions"][0]["connections"][ORDERS_DB] == {"password": "s3cret"}


def test_a_process_property_component_is_written_whole(boomi, sim):
    deploy(boomi)
    message = error(boomi.update("EnvironmentExtensions", DEV, partial(processProperties=property_update(
        {"key": BATCH, "value": "100", "useDefault": False}))))
    assert "must provide the values for all properties" in message and REGION in message and API_KEY in message
    assert sim.state()["environment_extensions"] == []  # refused: nothing stored
    answer = ok(boomi.update("EnvironmentExtensions", DEV, partial(processProperties=property_update(
        {"key": BATCH, "value": "100", "useDefault": False}, {"key": REGION, "useDefault": True},
        {"key": API_KEY, "value": "key-1", "useDefault": False}))))
    values = settings(answer)
    assert values[BATCH]["value"] == "100" and values[REGION]["useDefault"] is True and "value" not in values[REGION]
    assert values[API_KEY]["encryptedValueSet"] is True and "value" not in values[API_KEY]


def test_properties_and_cross_reference_tables(boomi):
    deploy(boomi)
    rows = {"row": [{"ref1": "DE", "ref2": "Deutschland"}, {"ref1": "NL"}]}
    answer = ok(boomi.update("EnvironmentExtensions", DEV, partial(
        properties={"property": [{"name": "orderMode", "value": "stream"}]},
        crossReferences={"crossReference": [{"id": COUNTRIES, "overrideValues": True, "CrossReferenceRows": rows}]})))
    assert {p["name"]: p["value"] for p in answer["properties"]["property"]} == {"orderMode": "stream", "notifyEmail": ""}
    table, = answer["crossReferences"]["crossReference"]
    assert table["overrideValues"] is True
    assert [(r["ref1"], r["ref2"]) for r in table["CrossReferenceRows"]["row"]] == [("DE", "Deutschland"), ("NL", "")]
    assert "has 2 columns" in error(boomi.update("EnvironmentExtensions", DEV, partial(crossReferences={
        "crossReference": [{"id": COUNTRIES, "overrideValues": True, "CrossReferenceRows": {"row": [{"ref3": "x"}]}}]})))
    back = ok(boomi.update("EnvironmentExtensions", DEV, partial(crossReferences={
        "crossReference": [{"id": COUNTRIES, "overrideValues": False}]})))
    assert back["crossReferences"]["crossReference"][0]["overrideValues"] is False


def test_unknown_names_are_refused_and_change_nothing(boomi, sim):
    deploy(boomi)
    cases = [
        (field_update({"id": "url", "value": "x"}, {"id": "hostname", "value": "y"}), "Field 'hostname'"),
        (field_update({"id": "url", "value": "x"}, ident=SFTP), "Connection '%s'" % SFTP),
    ]
    for body, expected in cases:
        assert expected in error(boomi.update("EnvironmentExtensions", DEV, partial(connections=body)))
    assert "Property 'nope'" in error(boomi.update("EnvironmentExtensions", DEV, partial(
        properties={"property": [{"name": "nope", "value": "1"}]})))
    assert "is '%s', but this request updates" % TEST in error(
        boomi.update("EnvironmentExtensions", DEV, dict(partial(), environmentId=TEST)))
    assert sim.state()["environment_extensions"] == []


def test_a_full_update_resets_what_it_does_not_carry(boomi):
    deploy(boomi)
    ok(boomi.update("EnvironmentExtensions", DEV, partial(connections=field_update({"id": "user", "value": "a"}))))
    answer = ok(boomi.update("EnvironmentExtensions", DEV, {"id": DEV, "connections": field_update(
        {"id": "url", "value": "b"})}))
    fields = connection(answer)
    assert fields["url"]["value"] == "b" and fields["user"]["useDefault"] is True


def test_a_multi_install_instance_keeps_its_extensions_in_a_group_per_process(boomi, sim):
    north, test_env = MANAGED_ACCOUNTS["north"], MANAGED_ENVIRONMENTS["north_test"]
    created = released(boomi, sim, installation_type="MULTI", components=("order_intake", "order_fulfilment"))
    ok(share(boomi, created["id"]))
    instance = ok(install(sim, north, created["id"], "North Orders"))
    managed = in_account(sim, north)
    ok(managed.create("IntegrationPackEnvironmentAttachment", {"integrationPackInstanceId": instance["id"],
                                                               "environmentId": test_env}))
    docs = results(managed.query("EnvironmentExtensions", equals("environmentId", test_env)))
    groups = {d["extensionGroupId"]: d for d in docs}
    wrappers = {p["wrapperProcessId"] for p in instance["ProcessId"]}
    assert set(groups) == {""} | wrappers and groups[""]["id"] == test_env
    for group in wrappers:
        assert groups[group]["id"] != test_env and groups[group]["environmentId"] == test_env
    assert groups[""]["connections"]["connection"] == []
    intake_group = [g for g in wrappers
                    if any(c["name"] == "Order Settings" for c in groups[g]["processProperties"]["ProcessProperty"])][0]
    one = results(managed.query("EnvironmentExtensions", equals("extensionGroupId", intake_group)))
    assert [d["id"] for d in one] == [groups[intake_group]["id"]]
    ok(managed.update("EnvironmentExtensions", groups[intake_group]["id"], dict(
        partial(environment=groups[intake_group]["id"]), environmentId=test_env, extensionGroupId=intake_group,
        connections=field_update({"id": "url", "value": "jdbc:north"}))))
    again = ok(managed.get("EnvironmentExtensions", groups[intake_group]["id"]))
    assert connection(again)["url"]["value"] == "jdbc:north"
    other = [g for g in wrappers if g != intake_group][0]
    assert connection(ok(managed.get("EnvironmentExtensions", groups[other]["id"])))["url"]["useDefault"] is True


# -- process schedules -----------------------------------------------------------------------------------
SCHEDULE = {"minutes": "0-59/15", "hours": "8-18", "daysOfWeek": "2,3,4,5,6", "daysOfMonth": "*", "months": "*",
            "years": "*"}


def schedule_of(boomi, process=INTAKE, atom=ATOMS["dev"]):
    expression = {"operator": "and", "nestedExpression": [equals("processId", process), equals("atomId", atom)]}
    return results(boomi.query("ProcessSchedules", expression))


def test_a_deployed_process_has_an_empty_schedule_per_runtime(boomi):
    assert schedule_of(boomi) == []
    deploy(boomi)
    found, = schedule_of(boomi)
    assert (found["Schedule"], found["Retry"]["Schedule"], found["Retry"]["maxRetry"]) == ([], [], 5)
    status, = results(boomi.query("ProcessScheduleStatus", equals("processId", INTAKE)))
    assert status["id"] == found["id"] and status["enabled"] is True and status["atomId"] == ATOMS["dev"]
    assert ok(boomi.get("ProcessSchedules", found["id"]))["processId"] == INTAKE


def test_a_schedule_update_replaces_everything(boomi, sim):
    deploy(boomi)
    found, = schedule_of(boomi)
    body = {"id": found["id"], "atomId": ATOMS["dev"], "processId": INTAKE, "Schedule": [SCHEDULE],
            "Retry": {"Schedule": [dict(SCHEDULE, minutes="0-10/5")], "maxRetry": 2}}
    answer = ok(boomi.update("ProcessSchedules", found["id"], body))
    assert answer["Schedule"][0]["hours"] == "8-18" and answer["Retry"]["maxRetry"] == 2
    cleared = ok(boomi.update("ProcessSchedules", found["id"], {"id": found["id"], "atomId": ATOMS["dev"],
                                                                "processId": INTAKE, "Schedule": []}))
    assert cleared["Schedule"] == [] and cleared["Retry"] == {"@type": "ScheduleRetry", "Schedule": [], "maxRetry": 5}
    status = ok(boomi.update("ProcessScheduleStatus", found["id"], {"id": found["id"], "atomId": ATOMS["dev"],
                                                                    "processId": INTAKE, "enabled": False}))
    assert status["enabled"] is False
    assert ok(boomi.get("ProcessScheduleStatus", found["id"]))["enabled"] is False


@pytest.mark.parametrize("change, expected", [
    ({"Schedule": [dict(SCHEDULE, hours="25")]}, "Schedule.hours '25' is not a schedule value"),
    ({"Schedule": [dict(SCHEDULE, minutes="every")]}, "Schedule.minutes 'every'"),
    ({"Schedule": [{"minutes": "0"}]}, "Schedule.hours is required"),
    ({"Retry": {"Schedule": [], "maxRetry": 9}}, "maxRetry must be between 1 and 5"),
    ({"atomId": ATOMS["test"]}, "ProcessSchedules.atomId is '%s'" % ATOMS["test"]),
])
def test_bad_schedules_are_refused(boomi, change, expected):
    deploy(boomi)
    found, = schedule_of(boomi)
    body = dict({"id": found["id"], "atomId": ATOMS["dev"], "processId": INTAKE, "Schedule": [SCHEDULE]}, **change)
    assert expected in error(boomi.update("ProcessSchedules", found["id"], body))
    assert schedule_of(boomi)[0]["Schedule"] == []
