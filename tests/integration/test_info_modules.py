"""boomi_packaged_component_info, boomi_integration_pack_info and boomi_environment_info through
ansible-playbook: every filter, paging, unknown ids; and every info module's EXAMPLES, run as written."""

import importlib

import yaml

from ..conftest import ACCOUNT, BoomiClient
from .drift_world import DEV, DR, FULFIL, INTAKE, INVOICE, ORDERS_API, PACK, PROD, ROUTER, STAGE, TEST, World, drift_world
from .playbook import Step, build_playbook, connection, play, run_playbook

PACKAGES = "boomi_packaged_component_info"
PACKS = "boomi_integration_pack_info"
ENVIRONMENTS = "boomi_environment_info"


def by_version(outcome):
    return dict((p["package_version"], p) for p in outcome["packaged_components"])


# -- boomi_packaged_component_info ---------------------------------------------------------------------
def test_packaged_components_of_a_component_version_and_id(sim, tmp_path):
    world, pack = drift_world(sim)
    deleted = world.packages[(INVOICE, "1.0.4")]
    assert BoomiClient(sim).delete("PackagedComponent", deleted).status_code == 200
    sim.configure(page_size=1)  # every query answers one package per page
    every, check, one, absent, by_id = play(sim, tmp_path, [
        Step(PACKAGES, {"component_id": INVOICE}),
        Step(PACKAGES, {"component_id": INVOICE}, check=True),
        Step(PACKAGES, {"component_id": INVOICE, "package_version": "1.0.5"}),
        Step(PACKAGES, {"component_id": INVOICE, "package_version": "9.9.9"}),
        Step(PACKAGES, {"package_id": world.packages[(ROUTER, "1.0.0")]}),
    ])
    assert [p["package_version"] for p in every["packaged_components"]] == ["1.0.4", "1.0.5"]
    assert by_version(every)["1.0.4"]["deleted"] is True and by_version(every)["1.0.5"]["deleted"] is False
    assert by_version(every)["1.0.4"]["package_id"] == deleted
    entry = by_version(every)["1.0.5"]
    assert entry["component_name"] == "Invoice Sync" and entry["component_type"] == "process"
    assert entry["component_version"] == "2" and entry["shareable"] is True and entry["created_by"] == "ops@example.com"
    assert entry["created_date"] and entry["branch_name"] == "main"
    assert check["packaged_components"] == every["packaged_components"] and not check.changed
    assert [p["package_version"] for p in one["packaged_components"]] == ["1.0.5"]
    assert absent["packaged_components"] == [] and not absent.failed
    router, = by_id["packaged_components"]
    assert (router["component_name"], router["component_type"], router["shareable"]) == ("Order Router", "processroute", False)
    assert all(o.writes == 0 and not o.changed for o in (every, one, absent, by_id))


def test_packaged_component_unknown_ids(sim, tmp_path):
    world, pack = drift_world(sim)
    outcomes = play(sim, tmp_path, [
        Step(PACKAGES, {"package_id": "no-such-package"}),
        Step(PACKAGES, {"package_id": pack["id"]}),
        Step(PACKAGES, {"component_id": "no-such-component"}),
        Step(PACKAGES, {"package_version": "1.0.5"}),
        Step(PACKAGES, {"package_id": "x", "package_version": "1.0.5"}),
    ])
    package, pack_as_package, component, version_alone, id_and_version = outcomes
    assert all(o.failed and o.writes == 0 for o in outcomes)
    assert "package_id no-such-package: no packaged component with that id" in package.msg
    assert "package_id %s is the id of integration pack %r" % (pack["id"], PACK) in pack_as_package.msg
    assert "component_id no-such-component: no component with that id in account %s" % ACCOUNT in component.msg
    assert "one of the following is required: package_id, component_id" in version_alone.msg
    assert "mutually exclusive: package_id|package_version" in id_and_version.msg


# -- boomi_integration_pack_info -----------------------------------------------------------------------
def members(pack):
    return dict((m["component_name"], m) for m in pack["packaged_components"])


def test_integration_packs_by_name_id_and_all(sim, tmp_path):
    world, pack = drift_world(sim)
    world.pack("Billing Pack", [INVOICE], installation_type="MULTI")
    sim.configure(page_size=1)
    by_name, by_id, every = play(sim, tmp_path, [Step(PACKS, {"name": PACK}), Step(PACKS, {"id": pack["id"]}),
                                                 Step(PACKS, {})])
    found, = by_name["integration_packs"]
    assert by_id["integration_packs"] == [found]
    assert (found["id"], found["name"], found["installation_type"], found["description"]) == (pack["id"], PACK, "single", "d")
    shown = members(found)
    intake = shown["Order Intake"]
    assert (intake["current_version"], intake["pending_version"], intake["deleted"]) == ("1.0.5", None, False)
    assert intake["current_package_id"] == world.packages[(INTAKE, "1.0.5")] and intake["component_id"] == INTAKE
    assert shown["Order Fulfilment"]["latest_version"] == "1.0.6"
    assert shown["Order Fulfilment"]["current_package_id"] == world.packages[(FULFIL, "1.0.5")]
    assert shown["Orders API"]["deleted"] is True and shown["Orders API"]["component_type"] == "webservice"
    assert shown["Orders API"]["current_package_id"] == world.packages[(ORDERS_API, "1.0.5")]
    assert [p["name"] for p in every["integration_packs"]] == [PACK, "Billing Pack"]  # two pages of one
    billing = members(every["integration_packs"][1])["Invoice Sync"]
    assert billing["current_version"] is None and billing["current_package_id"] is None
    assert billing["pending_version"] == "1.0.5"


def test_integration_packs_sharing_a_name_are_all_returned(sim, tmp_path):
    world = World(sim)
    world.package(INTAKE, "1.0.0")
    first = world.pack("Twin", [INTAKE])
    second = world.pack("Twin", [INTAKE])
    twins, = play(sim, tmp_path, [Step(PACKS, {"name": "Twin"})])
    assert [p["id"] for p in twins["integration_packs"]] == [first["id"], second["id"]]


def test_integration_pack_unknown_ids(sim, tmp_path):
    world, pack = drift_world(sim)
    package_id = world.packages[(INTAKE, "1.0.5")]
    outcomes = play(sim, tmp_path, [
        Step(PACKS, {"id": "no-such-pack"}),
        Step(PACKS, {"id": package_id}),
        Step(PACKS, {"name": "No Such Pack"}),
    ])
    unknown, package_as_pack, name = outcomes
    assert all(o.failed and o.writes == 0 for o in outcomes)
    assert "id no-such-pack: no integration pack with that id" in unknown.msg
    assert "id %s is a packaged component id" % package_id in package_as_pack.msg
    assert "name 'No Such Pack': no integration pack with that name" in name.msg


# -- boomi_environment_info ----------------------------------------------------------------------------
def names(outcome):
    return [e["name"] for e in outcome["environments"]]


def test_environments_by_every_filter(sim, tmp_path):
    sim.configure(page_size=2)
    every, by_id, by_name, prod, test_class, named_and_classified, check = play(sim, tmp_path, [
        Step(ENVIRONMENTS, {}),
        Step(ENVIRONMENTS, {"id": TEST}),
        Step(ENVIRONMENTS, {"name": "Production"}),
        Step(ENVIRONMENTS, {"classification": "prod"}),
        Step(ENVIRONMENTS, {"classification": "test"}),
        Step(ENVIRONMENTS, {"name": "Staging", "classification": "test"}),
        Step(ENVIRONMENTS, {}, check=True),
    ])
    assert names(every) == ["Development", "Test", "Production", "Staging", "Disaster Recovery"]  # three pages
    assert [e["id"] for e in every["environments"]] == [DEV, TEST, PROD, STAGE, DR]
    assert by_id["environments"] == [{"id": TEST, "name": "Test", "classification": "test"}]
    assert by_name["environments"] == [{"id": PROD, "name": "Production", "classification": "prod"}]
    assert names(prod) == ["Production", "Disaster Recovery"]
    assert names(test_class) == ["Development", "Test", "Staging"]
    assert names(named_and_classified) == ["Staging"]
    assert check["environments"] == every["environments"] and not check.changed
    assert all(o.writes == 0 and not o.changed for o in (every, by_id, by_name, prod, test_class))


def test_environment_unknown_id_and_name(sim, tmp_path):
    outcomes = play(sim, tmp_path, [
        Step(ENVIRONMENTS, {"id": "no-such-env"}),
        Step(ENVIRONMENTS, {"name": "Nowhere"}),
        Step(ENVIRONMENTS, {"name": "Production", "classification": "test"}),
        Step(ENVIRONMENTS, {"id": TEST, "name": "Test"}),
    ])
    unknown, nowhere, wrong_class, both = outcomes
    assert all(o.failed and o.writes == 0 for o in outcomes)
    assert "id no-such-env: no environment with that id in account %s" % ACCOUNT in unknown.msg
    assert "name 'Nowhere': no environment with that name" in nowhere.msg
    assert "name 'Production': no environment with that name and classification test" in wrong_class.msg
    assert "mutually exclusive" in both.msg


# -- EXAMPLES ------------------------------------------------------------------------------------------
def demo_state(sim):
    """What the demo's first run leaves: the three processes at 1.0.5 released and deployed to dev, test, prod."""
    world = World(sim)
    processes = [INTAKE, FULFIL, INVOICE]
    for component in processes:
        world.package(component, "1.0.5")
    pack = world.pack(PACK, processes, installation_type="MULTI")
    world.release(pack, dict((c, "1.0.5") for c in processes))
    for environment in (DEV, TEST, PROD):
        for component in processes:
            world.deploy(environment, component, "1.0.5")


def test_every_info_example_runs_as_written(sim, tmp_path):
    demo_state(sim)
    tasks = []
    for name in (PACKAGES, PACKS, "boomi_deployed_package_info", ENVIRONMENTS):
        module = importlib.import_module("ansible_collections.boomi.platform.plugins.modules." + name)
        tasks.extend(yaml.safe_load(module.EXAMPLES))
    book = build_playbook(sim, [], connection(sim))
    book[0]["tasks"] = tasks
    path = tmp_path / "examples.yml"
    path.write_text(yaml.safe_dump(book, sort_keys=False))
    proc = run_playbook(path)
    assert "failed=0" in proc.stdout and "skipping" not in proc.stdout
    assert proc.stdout.count("ok: [localhost]") >= 9
    assert "Order Intake 1.0.5" in proc.stdout  # the pack example's debug line
    assert sim.requests()["summary"]["writes"] == 3 + 2 + 1 + 9  # only the set-up wrote
