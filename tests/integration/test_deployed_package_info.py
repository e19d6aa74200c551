"""boomi_deployed_package_info through ansible-playbook: every filter, every drift state, paging, unknown ids."""

import pytest
from boomi_simulator.seed import BUILTIN_SEED

from ..conftest import ACCOUNT, COMPONENTS
from .drift_world import (DEV, DR, FULFIL, INTAKE, INVOICE, PACK, PROD, ROUTER, STAGE, TEST, World, drift_world,
                          log_since, seed_environments, state_table)
from .playbook import Step, play

MODULE = "boomi_deployed_package_info"


@pytest.fixture
def builtin_seed_after(sim):
    yield sim
    sim.control("POST", "seed", BUILTIN_SEED)  # a reset keeps the last seed: give the next test the built-in one


def test_drift_reports_every_state_with_one_deployments_query(sim, tmp_path):
    world, pack = drift_world(sim)
    seq = sim.requests()["summary"]["last_seq"]
    report, = play(sim, tmp_path, [Step(MODULE, {"integration_pack": PACK, "environment_ids": [DEV, TEST, PROD]})])
    assert not report.changed and report.writes == 0
    assert report["integration_pack"] == {"id": pack["id"], "name": PACK, "released_components": [
        {"component_id": c, "component_name": n, "version": "1.0.5", "package_id": world.packages[(c, "1.0.5")]}
        for c, n in ((INVOICE, "Invoice Sync"), (FULFIL, "Order Fulfilment"), (INTAKE, "Order Intake"))]}
    assert report["account_id"] == ACCOUNT
    assert {row["rolled_back_from"] for e in report["drift"] for row in e["components"]} == {None}
    dev, test, prod = report["drift"]
    assert [e["environment_name"] for e in report["drift"]] == ["Development", "Test", "Production"]
    assert state_table(dev) == {"Invoice Sync": ("1.0.5", "1.0.5", "current"),
                                "Order Fulfilment": ("1.0.5", "1.0.5", "current"),
                                "Order Intake": ("1.0.5", "1.0.5", "current")}
    assert state_table(test) == {"Order Intake": ("1.0.4", "1.0.5", "older"),
                                 "Order Fulfilment": ("1.0.6", "1.0.5", "newer"),
                                 "Invoice Sync": (None, "1.0.5", "missing"),
                                 "Orders API": ("1.0.5", None, "extra"),       # a member pending removal
                                 "Order Router": ("1.0.0", None, "extra")}     # no member: name from ComponentMetadata
    assert {row["state"] for row in prod["components"]} == {"missing"} and len(prod["components"]) == 3
    assert (dev["on_release"], test["on_release"], prod["on_release"]) == (True, False, False)
    assert test["counts"] == {"current": 0, "older": 1, "newer": 1, "missing": 1, "extra": 2}
    assert dev["classification"] == "test" and prod["classification"] == "prod"
    older = next(r for r in test["components"] if r["state"] == "older")
    assert older["active_package_id"] == world.packages[(INTAKE, "1.0.4")]
    assert older["released_package_id"] == world.packages[(INTAKE, "1.0.5")] and older["deployment_id"]
    objects = [r["object"] for r in log_since(sim, seq)]
    # environments (bulk), pack, deployments, released packages, other active packages, one name
    assert objects.count("DeployedPackage") == 1 and len(objects) == report.reads == 6


def test_drift_by_pack_id_over_every_environment_and_in_check_mode(sim, tmp_path):
    world, pack = drift_world(sim)
    real, check = play(sim, tmp_path, [Step(MODULE, {"integration_pack_id": pack["id"]}),
                                       Step(MODULE, {"integration_pack_id": pack["id"]}, check=True)])
    assert [e["environment_id"] for e in real["drift"]] == [DEV, TEST, PROD, STAGE, DR]
    assert all(not e["on_release"] and e["counts"]["missing"] == 3 for e in real["drift"][2:])
    assert check["drift"] == real["drift"] and not check.changed and check.writes == 0
    assert check["deployed_packages"] == real["deployed_packages"]


def test_drift_narrowed_to_component_ids(sim, tmp_path):
    drift_world(sim)
    report, = play(sim, tmp_path, [Step(MODULE, {"integration_pack": PACK, "environment_ids": [TEST],
                                                 "component_ids": [INTAKE, ROUTER]})])
    assert state_table(report["drift"][0]) == {"Order Intake": ("1.0.4", "1.0.5", "older"),
                                               "Order Router": ("1.0.0", None, "extra")}


def test_a_pack_without_release_reports_extra_and_warns(sim, tmp_path):
    world = World(sim)
    world.package(INTAKE, "1.0.0")
    world.pack("Unreleased", [INTAKE])
    world.deploy(DEV, INTAKE, "1.0.0")
    report, = play(sim, tmp_path, [Step(MODULE, {"integration_pack": "Unreleased", "environment_ids": [DEV, PROD]})])
    assert state_table(report["drift"][0]) == {"Order Intake": ("1.0.0", None, "extra")}
    assert report["drift"][1]["components"] == [] and report["drift"][1]["on_release"] is False  # nothing released
    assert any("has no release" in w for w in report.result["warnings"])


def test_listing_filters(sim, tmp_path):
    world, pack = drift_world(sim)
    everything, one_environment, one_component, history, both = play(sim, tmp_path, [
        Step(MODULE, {}),
        Step(MODULE, {"environment_ids": [TEST]}),
        Step(MODULE, {"component_ids": [INTAKE]}),
        Step(MODULE, {"environment_ids": [TEST], "include_history": True}),
        Step(MODULE, {"environment_ids": [TEST, DEV], "component_ids": [INTAKE], "include_history": True}),
    ])
    assert len(everything["deployed_packages"]) == 7 and "drift" not in everything.result
    assert [d["environment_name"] for d in everything["deployed_packages"]] == ["Development"] * 3 + ["Test"] * 4
    assert [d["component_name"] for d in one_environment["deployed_packages"]] == [
        "Order Fulfilment", "Order Intake", "Order Router", "Orders API"]
    assert all(d["active"] for d in one_environment["deployed_packages"])
    assert [(d["environment_id"], d["package_version"]) for d in one_component["deployed_packages"]] == [
        (DEV, "1.0.5"), (TEST, "1.0.4")]
    assert len(history["deployed_packages"]) == 5
    # environment order as asked, then by component, then Boomi's deployment counter
    assert [(d["environment_id"], d["package_version"], d["version"], d["active"]) for d in both["deployed_packages"]] == [
        (TEST, "1.0.5", 1, False), (TEST, "1.0.4", 2, True), (DEV, "1.0.5", 1, True)]
    entry = both["deployed_packages"][1]
    assert entry["package_id"] == world.packages[(INTAKE, "1.0.4")] and entry["deployment_id"]
    assert entry["component_name"] == "Order Intake" and entry["component_type"] == "process"
    assert entry["environment_name"] == "Test" and entry["listener_status"] == "running"
    assert entry["deployed_by"] == "ops@example.com" and entry["deployed_date"] and entry["component_version"] == "3"
    assert entry["notes"] == "" and entry["branch_name"] == "main"


def test_unknown_ids_fail_naming_the_option(sim, tmp_path):
    world, pack = drift_world(sim)
    package_id = world.packages[(INTAKE, "1.0.5")]
    outcomes = play(sim, tmp_path, [
        Step(MODULE, {"environment_ids": [DEV, "no-such-env"]}),
        Step(MODULE, {"component_ids": ["no-such-component"]}),
        Step(MODULE, {"integration_pack_id": "no-such-pack"}),
        Step(MODULE, {"integration_pack_id": package_id}),
        Step(MODULE, {"integration_pack": "No Such Pack"}),
        Step(MODULE, {"environment_ids": []}),
        Step(MODULE, {"integration_pack": PACK, "integration_pack_id": pack["id"]}),
    ])
    environment, component, pack_id, package_as_pack, pack_name, empty, both = outcomes
    assert all(o.failed and o.writes == 0 for o in outcomes)
    assert "environment_ids no-such-env: no environment with that id" in environment.msg
    assert "component_ids no-such-component: no component with that id" in component.msg
    assert "integration_pack_id no-such-pack: no integration pack with that id" in pack_id.msg
    assert "integration_pack_id %s is a packaged component id" % package_id in package_as_pack.msg
    assert "integration_pack 'No Such Pack': no integration pack with that name" in pack_name.msg
    assert "environment_ids is empty" in empty.msg
    assert "mutually exclusive" in both.msg


def test_paging_past_100_deployments(sim, tmp_path, builtin_seed_after):
    environments = seed_environments(sim, 40)
    world = World(sim)
    members = [INTAKE, FULFIL, INVOICE]
    for component in members:
        world.package(component, "2.0.0")
    pack = world.pack("Paged", members, installation_type="MULTI")
    world.release(pack, dict((c, "2.0.0") for c in members))
    for environment in environments:
        for component in members:
            world.deploy(environment, component, "2.0.0")
    sim.configure(page_size=25)
    seq = sim.requests()["summary"]["last_seq"]
    report, listed = play(sim, tmp_path, [Step(MODULE, {"integration_pack": "Paged"}),
                                          Step(MODULE, {"environment_ids": environments[:35]})])
    assert len(report["deployed_packages"]) == 120 and len(report["drift"]) == 45
    assert [e["on_release"] for e in report["drift"]] == [False] * 5 + [True] * 40
    assert len(listed["deployed_packages"]) == 105
    operations = [(r["object"], r["operation"]) for r in log_since(sim, seq)]
    # 120 deployments in pages of 25: one query and four queryMore, then 105: one query and four queryMore
    assert operations.count(("DeployedPackage", "query")) == 2
    assert operations.count(("DeployedPackage", "queryMore")) == 8
    assert operations.count(("Environment", "queryMore")) == 1  # 45 environments in pages of 25


def test_component_names_come_from_component_metadata(sim, tmp_path):
    world = World(sim)
    world.package(COMPONENTS["orders_api"], "1.0.0", shareable=False)
    world.deploy(PROD, COMPONENTS["orders_api"], "1.0.0")
    seq = sim.requests()["summary"]["last_seq"]
    listed, = play(sim, tmp_path, [Step(MODULE, {"environment_ids": [PROD]})])
    assert [(d["component_name"], d["component_type"]) for d in listed["deployed_packages"]] == [("Orders API", "webservice")]
    assert ("ComponentMetadata", "bulk") in [(r["object"], r["operation"]) for r in log_since(sim, seq)]
