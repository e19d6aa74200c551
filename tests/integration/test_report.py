"""playbooks/report.yml as users run it: tables, set_stats, its request cost, and when it refuses to run."""

import pytest
import yaml
from boomi_simulator.seed import BUILTIN_SEED

from ..conftest import ACCOUNT, TOKEN, USER
from .drift_world import DEV, FULFIL, INTAKE, INVOICE, PACK, PROD, TEST, World, drift_world, log_since, seed_environments
from .role import ROOT, run_role

REPORT = ROOT + "/playbooks/report.yml"


@pytest.fixture
def builtin_seed_after(sim):
    yield sim
    sim.control("POST", "seed", BUILTIN_SEED)  # a reset keeps the last seed: give the next test the built-in one


def report(sim, *args, extra=None, env=None, check=True, inventory=None):
    seq = sim.requests()["summary"]["last_seq"]
    proc, writes, recap, stats = run_role(sim, *args, extra=extra, env=env, check=check, playbook=REPORT,
                                          inventory=inventory)
    return proc, writes, stats, log_since(sim, seq)


def row(name, active, released, state):
    return "  %-22s %-10s %-10s %s" % (name, active, released, state)


def test_report_prints_a_table_per_environment_and_publishes_it(sim):
    drift_world(sim)
    proc, writes, stats, requests = report(sim)
    out = proc.stdout
    assert "Development (TEST): on the release of %s" % PACK in out
    assert "Test (TEST): not on the release of %s" % PACK in out
    assert "Production (PROD): not on the release of %s" % PACK in out
    for line in (row("component", "active", "released", "state"), row("Order Intake", "1.0.4", "1.0.5", "older"),
                 row("Order Fulfilment", "1.0.6", "1.0.5", "newer"), row("Invoice Sync", "-", "1.0.5", "missing"),
                 row("Orders API", "1.0.5", "-", "extra"), row("Order Router", "1.0.0", "-", "extra")):
        assert '"%s"' % line in out
    published = stats["boomi_report"]
    assert published["integration_pack"]["name"] == PACK
    assert sorted(published["environments"]) == sorted([DEV, TEST, PROD])
    assert published["environments"][TEST]["counts"] == {"current": 0, "older": 1, "newer": 1, "missing": 1, "extra": 2}
    assert published["environments"][DEV]["on_release"] is True
    assert writes == 0 and [r["object"] for r in requests].count("DeployedPackage") == 1


def test_report_follows_limit(sim):
    drift_world(sim)
    proc, writes, stats, requests = report(sim, "--limit", "test")
    assert list(stats["boomi_report"]["environments"]) == [TEST]
    assert "Test (TEST)" in proc.stdout and "Development (TEST)" not in proc.stdout


def test_report_fails_when_the_target_matches_no_host(sim):
    proc, writes, stats, requests = report(sim, extra={"boomi_target_hosts": "nowhere"}, check=False)
    assert proc.returncode != 0 and requests == []
    assert "boomi_target_hosts 'nowhere' matches no host of the inventory" in proc.stdout


def test_report_needs_a_pack(sim, tmp_path):
    inventory = tmp_path / "no-pack.yml"
    inventory.write_text(yaml.safe_dump({"boomi_environments": {"hosts": {"dev": {"boomi_environment_id": DEV}}}}))
    proc, writes, stats, requests = report(sim, inventory=str(inventory), check=False)
    assert proc.returncode != 0 and requests == []
    assert "set boomi_integration_pack_name" in proc.stdout


def test_report_of_every_environment_of_the_account(sim):
    drift_world(sim)
    env = {"BOOMI_ACCOUNT_ID": ACCOUNT, "BOOMI_USERNAME": USER, "BOOMI_API_TOKEN": TOKEN, "BOOMI_API_URL": sim.url}
    proc, writes, stats, requests = report(sim, env=env, extra={
        "boomi_report_all_environments": True, "boomi_integration_pack_name": PACK})
    assert len(stats["boomi_report"]["environments"]) == 5
    assert "Staging (TEST): not on the release" in proc.stdout and "Disaster Recovery (PROD)" in proc.stdout
    assert TOKEN not in proc.stdout


def fleet(sim, tmp_path, count):
    """``count`` more environments as an inventory, each running the three processes' 1.0.5 release."""
    environments = seed_environments(sim, count)
    world = World(sim)
    processes = [INTAKE, FULFIL, INVOICE]
    for component in processes:
        world.package(component, "1.0.5")
    pack = world.pack(PACK, processes, installation_type="MULTI")
    world.release(pack, dict((c, "1.0.5") for c in processes))
    for environment in environments:
        for component in processes:
            world.deploy(environment, component, "1.0.5")
    inventory = tmp_path / "fleet.yml"
    hosts = dict(("env%03d" % i, {"boomi_environment_id": e}) for i, e in enumerate(environments))
    inventory.write_text(yaml.safe_dump({"boomi_environments": {"hosts": hosts, "vars": {
        "ansible_connection": "local", "ansible_python_interpreter": "{{ ansible_playbook_python }}",
        "boomi_account_id": ACCOUNT, "boomi_username": USER, "boomi_api_token": TOKEN,
        "boomi_integration_pack_name": PACK}}}))
    return str(inventory)


def test_report_costs_the_same_few_requests_for_fifty_environments(sim, tmp_path, builtin_seed_after):
    inventory = fleet(sim, tmp_path, 50)
    proc, writes, stats, requests = report(sim, inventory=inventory)
    assert len(stats["boomi_report"]["environments"]) == 50
    assert all(e["on_release"] for e in stats["boomi_report"]["environments"].values())
    # environments (one bulk GET), the pack, 150 deployments (a query and one queryMore), released packages
    assert [(r["object"], r["operation"]) for r in requests] == [
        ("Environment", "bulk"), ("PublisherIntegrationPack", "query"), ("DeployedPackage", "query"),
        ("DeployedPackage", "queryMore"), ("PackagedComponent", "query")]
    assert writes == 0
