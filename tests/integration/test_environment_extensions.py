"""boomi_environment_extensions and boomi_environment_extensions_info through ansible-playbook: create ->
unchanged re-run -> check mode (zero writes) -> diff; Boomi's partial-update rules; secrets; extension groups;
and the EXAMPLES, run as written."""

import importlib
import json

import yaml
from boomi_simulator.seed import CONNECTIONS, PROCESS_PROPERTY_KEYS

from ..conftest import BoomiClient
from .drift_world import DEV, PROD, TEST, deploy_processes
from .playbook import Step, build_playbook, connection, play, run_playbook

MODULE, INFO = "boomi_environment_extensions", "boomi_environment_extensions_info"
PROD_URL = "jdbc:postgresql://orders-db.prod.example.com:5432/orders"
TEST_URL = "jdbc:postgresql://orders-db.test.example.com:5432/orders"
PASSWORD = "pw-7f3e2a91c0"  # searched for in every output below
API_KEY = "api-key-55b1e0d4"


def stored(sim, environment=PROD):
    found = [d for d in sim.state()["environment_extensions"] if d["id"] == environment]
    return found[0] if found else None


def production(**extra):
    return dict({"environment_id": PROD, "connections": {"Orders DB": {"url": PROD_URL, "password": PASSWORD}},
                 "process_properties": {"Order Settings": {"Batch Size": 200, "API Key": {"value": API_KEY, "secret": True}}},
                 "properties": {"orderMode": "stream"},
                 "cross_references": {"Country Codes": [["DE", "Germany"], ["NL", "Netherlands"]]}}, **extra)


def fields(outcome, name="Orders DB", index=0):
    found, = [c for c in outcome["extensions"][index]["connections"] if c["name"] == name]
    return dict((f["id"], f) for f in found["fields"])


def test_create_rerun_check_and_diff(sim, tmp_path):
    deploy_processes(sim)
    changed_url = production(connections={"Orders DB": {"url": TEST_URL, "password": PASSWORD}})
    check_first, first, again, check_again, check_change, change = play(sim, tmp_path, [
        Step(MODULE, production(), check=True), Step(MODULE, production()), Step(MODULE, production()),
        Step(MODULE, production(), check=True), Step(MODULE, changed_url, check=True), Step(MODULE, changed_url)])
    # check mode first: the plan, zero writes, the same result a real run gives
    assert check_first.changed and check_first.writes == 0 and not check_first.failed, check_first
    assert check_first["changes"] == first["changes"]
    assert "Orders DB / url: %s -> %s" % (TEST_URL, PROD_URL) in first["changes"]
    assert "Orders DB / password: (not set) -> ********" in first["changes"]
    assert "Order Settings / Batch Size: (default) -> 200" in first["changes"]
    assert "Order Settings / API Key: (not set) -> ********" in first["changes"]
    assert "orderMode: batch -> stream" in first["changes"]
    assert first.changed and first.writes == 1 and not first.failed, first
    assert fields(first)["url"]["value"] == PROD_URL and fields(first)["password"]["value"] == "********"
    assert fields(first)["password"]["value_set"] is True and fields(check_first)["password"]["value_set"] is True
    assert fields(first)["user"]["use_default"] is True  # not named: untouched
    record = stored(sim)  # after the last step, which set the url back to the test database
    assert record["connections"][CONNECTIONS["orders_db"]] == {"url": TEST_URL, "password": PASSWORD}
    assert record["processProperties"]["5b2e7c10-0101-4a1f-8c3d-00000000d101"] == {
        PROCESS_PROPERTY_KEYS["batch_size"]: "200", PROCESS_PROPERTY_KEYS["api_key"]: API_KEY}  # Region: default, carried
    assert record["crossReferences"]["5b2e7c10-0201-4a1f-8c3d-00000000d201"] == [["DE", "Germany"], ["NL", "Netherlands"]]
    # re-run: unchanged, zero writes; a check run too
    for outcome in (again, check_again):
        assert not outcome.changed and outcome.writes == 0 and outcome["changes"] == [], outcome
    # the diff: names, not ids; secrets masked
    assert change["diff"]["before"] == {"connections": {"Orders DB": {"url": PROD_URL}}}
    assert change["diff"]["after"] == {"connections": {"Orders DB": {"url": TEST_URL}}}
    assert check_change["diff"] == change["diff"] and check_change.writes == 0 and change.writes == 1
    assert first["diff"]["after"]["connections"]["Orders DB"]["password"] == "********"
    for outcome in (check_first, first, again, check_again, check_change, change):
        text = json.dumps(outcome.result)
        assert PASSWORD not in text and API_KEY not in text


def test_a_process_property_component_is_sent_whole(sim, tmp_path):
    deploy_processes(sim)
    sim.control("DELETE", "requests")
    first, = play(sim, tmp_path, [Step(MODULE, {"environment_id": PROD, "process_properties": {
        "Order Settings": {"Batch Size": "75"}}})])
    assert first.changed and first.writes == 1
    update = [r for r in sim.requests()["requests"] if r["operation"] == "update"]
    assert len(update) == 1
    record = stored(sim)["processProperties"]["5b2e7c10-0101-4a1f-8c3d-00000000d101"]
    assert record == {PROCESS_PROPERTY_KEYS["batch_size"]: "75"}  # the others carried as they were: default


def test_an_encrypted_value_set_before_is_needed_to_rewrite_its_component(sim, tmp_path):
    deploy_processes(sim)
    set_key, rewrite, with_key, by_key = play(sim, tmp_path, [
        Step(MODULE, {"environment_id": PROD, "process_properties": {"Order Settings": {"API Key": API_KEY}}}),
        Step(MODULE, {"environment_id": PROD, "process_properties": {"Order Settings": {"Region": "us-east"}}}),
        Step(MODULE, {"environment_id": PROD, "process_properties": {"Order Settings": {
            "Region": "us-east", "API Key": API_KEY}}}),
        Step(MODULE, {"environment_id": PROD, "process_properties": {"5b2e7c10-0101-4a1f-8c3d-00000000d101": {
            PROCESS_PROPERTY_KEYS["region"]: "us-east"}}}),
    ])
    assert set_key.changed and set_key.writes == 1
    assert rewrite.failed and rewrite.writes == 0, rewrite
    assert "process_properties['Order Settings']['API Key'] is encrypted and set at Boomi" in rewrite.msg
    assert "give its value in the task" in rewrite.msg and API_KEY not in rewrite.msg
    assert with_key.changed and with_key.writes == 1
    assert "Order Settings / API Key: ******** -> ******** (sent again with its component)" in with_key["changes"]
    assert not by_key.changed and by_key.writes == 0  # by id and key: the same values
    assert stored(sim)["processProperties"]["5b2e7c10-0101-4a1f-8c3d-00000000d101"][
        PROCESS_PROPERTY_KEYS["api_key"]] == API_KEY


def test_update_secrets_and_use_default(sim, tmp_path):
    deploy_processes(sim)
    base = {"environment_id": PROD, "connections": {"Orders DB": {"password": PASSWORD, "user": "prod_user"}}}
    first, on_create, always, check_always, back = play(sim, tmp_path, [
        Step(MODULE, base), Step(MODULE, dict(base, connections={"Orders DB": {"password": "changed-by-task"}})),
        Step(MODULE, dict(base, update_secrets="always")), Step(MODULE, dict(base, update_secrets="always"), check=True),
        Step(MODULE, {"environment_id": PROD, "connections": {"Orders DB": {"user": {"use_default": True}}}})])
    assert first.changed and first.writes == 1
    assert not on_create.changed and on_create.writes == 0  # set already: not compared, not sent
    assert fields(on_create)["user"]["value"] == "prod_user"
    assert always.changed and always.writes == 1
    assert always["changes"] == ["Orders DB / password: ******** -> ******** (sent again)"]
    assert check_always.changed and check_always.writes == 0
    assert back.changed and back["changes"] == ["Orders DB / user: prod_user -> (default)"]
    assert "user" not in stored(sim)["connections"][CONNECTIONS["orders_db"]]


def test_unknown_names_fail_before_any_write_listing_what_exists(sim, tmp_path):
    deploy_processes(sim)
    outcomes = play(sim, tmp_path, [
        Step(MODULE, {"environment_id": PROD, "connections": {"Orders DB": {"url": PROD_URL, "hostname": "x"}}}),
        Step(MODULE, {"environment_id": PROD, "connections": {"Billing DB": {"url": "x"}}}),
        Step(MODULE, {"environment_id": PROD, "connections": {"Billing DB": {"url": "x"}}}, check=True),
        Step(MODULE, {"environment_id": PROD, "process_properties": {"Order Settings": {"Colour": "x"}}}),
        Step(MODULE, {"environment_id": PROD, "properties": {"nope": "x"}}),
        Step(MODULE, {"environment_id": "no-such-environment", "properties": {"orderMode": "x"}}),
        Step(MODULE, {"environment_id": PROD, "connections": {"Orders DB": {"user": {"value": "u", "secret": True}}}}),
        Step(MODULE, {"environment_id": PROD, "connections": {"Orders DB": {"password": {"value": "p", "secret": False}}}}),
        Step(MODULE, {"environment_id": PROD, "connections": {"Orders DB": {"url": None}}}),
    ])
    field, connection, check_connection, key, prop, environment, secret, not_secret, empty = outcomes
    assert "connections['Orders DB']['hostname']: no field with that id; known fields: url, user, password" in field.msg
    assert ("connections['Billing DB']: no connection with that name or id in the extensions of environment %s" % PROD
            in connection.msg)
    assert "known: Orders DB (%s), Warehouse SFTP (%s)" % (CONNECTIONS["orders_db"], CONNECTIONS["warehouse_sftp"]) \
        in connection.msg
    assert not check_connection.failed and "no connection with that name" in " ".join(check_connection["warnings"])
    assert "no property with that key or label; known properties: Batch Size" in key.msg
    assert "properties['nope']: no dynamic process property" in prop.msg and "known: orderMode, notifyEmail" in prop.msg
    assert "environment_id no-such-environment: no environment with that id" in environment.msg
    assert "['user'] is not encrypted at Boomi" in secret.msg and "'u'" not in secret.msg
    assert "['password'] is encrypted at Boomi" in not_secret.msg
    assert "connections['Orders DB']['url'] has no value" in empty.msg
    assert all(o.writes == 0 for o in outcomes)
    assert all(o.failed for o in outcomes if o is not check_connection)
    assert stored(sim) is None


def test_every_extension_group_is_read_and_set(sim, tmp_path):
    from ..simulator.test_partner import in_account, install, ok, released, share
    from boomi_simulator.seed import MANAGED_ACCOUNTS, MANAGED_ENVIRONMENTS
    client = BoomiClient(sim)
    north, environment = MANAGED_ACCOUNTS["north"], MANAGED_ENVIRONMENTS["north_test"]
    created = released(client, sim, installation_type="MULTI", components=("order_intake", "order_fulfilment"))
    ok(share(client, created["id"]))
    instance = ok(install(sim, north, created["id"], "North Orders"))
    ok(in_account(sim, north).create("IntegrationPackEnvironmentAttachment", {
        "integrationPackInstanceId": instance["id"], "environmentId": environment}))
    args = {"environment_id": environment, "override_account": north,
            "connections": {"Orders DB": {"url": PROD_URL}, "Warehouse SFTP": {"host": "sftp.north.example.com"}}}
    first, again, info = play(sim, tmp_path, [Step(MODULE, args), Step(MODULE, args),
                                              Step(INFO, {"environment_id": environment, "override_account": north})])
    assert first.changed and first.writes == 2 and not again.changed and again.writes == 0, first
    groups = [e["extension_group_id"] for e in first["extensions"]]
    assert groups[0] == "" and len(groups) == 3  # the environment's own, then one per process of the instance
    assert sum(1 for line in first["changes"] if line.startswith("Orders DB [extension group ")) == 2
    described, = info["environments"]
    assert described["environment_id"] == environment and len(described["extensions"]) == 3


def test_info_reads_several_environments_with_secrets_masked(sim, tmp_path):
    deploy_processes(sim)
    play(sim, tmp_path, [Step(MODULE, production())])
    info, unknown = play(sim, tmp_path, [Step(INFO, {"environment_ids": [PROD, TEST]}),
                                         Step(INFO, {"environment_id": "nowhere"})])
    prod, test = info["environments"]
    assert (prod["environment_id"], prod["environment_name"], test["environment_name"]) == (PROD, "Production", "Test")
    own, = prod["extensions"]
    orders, = [c for c in own["connections"] if c["name"] == "Orders DB"]
    password, = [f for f in orders["fields"] if f["id"] == "password"]
    assert password["value"] == "********" and password["encrypted"] and password["value_set"]
    settings, = own["process_properties"]
    assert [v["label"] for v in settings["values"]] == ["Batch Size", "Region", "API Key"]
    assert test["extensions"][0]["connections"] == []  # nothing deployed there
    assert PASSWORD not in json.dumps(info.result) and API_KEY not in json.dumps(info.result)
    assert info.writes == 0 and not info.changed
    assert unknown.failed and "environment_id nowhere: no environment with that id" in unknown.msg


def test_every_example_runs_as_written(sim, tmp_path):
    deploy_processes(sim, environments=(DEV, TEST, PROD))
    tasks = []
    for name in (MODULE, INFO):
        module = importlib.import_module("ansible_collections.boomi.platform.plugins.modules." + name)
        tasks.extend(yaml.safe_load(module.EXAMPLES))
    book = build_playbook(sim, [], connection(sim))
    book[0]["tasks"] = tasks
    path = tmp_path / "examples.yml"
    path.write_text(yaml.safe_dump(book, sort_keys=False))
    proc = run_playbook(path)
    assert "failed=0" in proc.stdout
    assert stored(sim)["connections"][CONNECTIONS["orders_db"]]["url"].endswith("prod.example.com:5432/orders")
