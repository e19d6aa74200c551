"""playbooks/report.yml as users run it: tables, set_stats, its request cost, and when it refuses to run."""

import csv
import io
import json
import re

import jsonschema
import pytest
import yaml
from boomi_simulator.seed import BUILTIN_SEED

from ..conftest import ACCOUNT, TOKEN, USER
from .drift_world import DEV, FULFIL, INTAKE, INVOICE, PACK, PROD, TEST, World, drift_world, log_since, seed_environments
from .role import ROOT, run_role
from .test_pipeline_story import ROLLBACK, inventory as demo_inventory

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


def by_id(published):
    return dict((e["environment_id"], e) for e in published["environments"])


def test_report_prints_a_table_per_environment_and_publishes_it(sim):
    drift_world(sim)
    proc, writes, stats, requests = report(sim)
    out = proc.stdout
    assert "Development (TEST, host dev): on the release" in out
    assert "Test (TEST, host test): not on the release" in out
    assert "Production (PROD, host prod): not on the release" in out
    assert '"What runs where: %s"' % PACK in out and '"  account:                %s"' % ACCOUNT in out
    for line in ("  component         active  released  state", "  Order Intake      1.0.4   1.0.5     older",
                 "  Order Fulfilment  1.0.6   1.0.5     newer", "  Invoice Sync      -       1.0.5     missing",
                 "  not in this pack:", "  Orders API        1.0.5   -         not in this pack",
                 "  Order Router      1.0.0   -         not in this pack"):
        assert '"%s"' % line in out, line
    published = stats["boomi_report"]
    assert published["integration_pack"]["name"] == PACK and published["account_id"] == ACCOUNT
    assert [e["environment_id"] for e in published["environments"]] == [DEV, TEST, PROD]
    test = by_id(published)[TEST]
    assert test["counts"] == {"current": 0, "older": 1, "newer": 1, "missing": 1, "held": 0, "pinned": 0,
                              "rolled back": 0}
    assert sorted(r["component_name"] for r in test["not_in_pack"]) == ["Order Router", "Orders API"]
    assert by_id(published)[DEV]["on_release"] is True and by_id(published)[DEV]["inventory_hostname"] == "dev"
    assert writes == 0 and [r["object"] for r in requests].count("DeployedPackage") == 1


def test_report_after_a_release_everywhere_and_a_rollback_of_prod(sim, tmp_path):
    """The goal of issue 24: 1.0.0 then 1.0.1 everywhere, prod rolled back (recorded in Boomi), then the report as
    markdown and json files: a timestamp, the release's versions, every environment, prod a recorded rollback."""
    run_role(sim, extra={"boomi_package_version": "1.0.0"})
    run_role(sim, extra={"boomi_package_version": "1.0.1"})
    run_role(sim, playbook=ROLLBACK, extra={"boomi_target_hosts": "prod"})
    markdown, as_json = tmp_path / "report.md", tmp_path / "report.json"
    proc, writes, stats, requests = report(sim, extra={"boomi_report_format": "markdown",
                                                       "boomi_report_path": str(markdown)})
    assert "Report (markdown) written to %s" % markdown in proc.stdout and writes == 0
    proc, writes, stats, requests = report(sim, extra={"boomi_report_format": "json", "boomi_report_path": str(as_json)})
    assert "Report (json) written to %s" % as_json in proc.stdout and writes == 0

    text = markdown.read_text()
    assert re.search(r"^- \*\*Generated \(UTC\):\*\* \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", text, re.M)
    assert "- **Account:** %s" % ACCOUNT in text and "# What runs where: %s" % PACK in text
    assert "- **Release current since:** unknown (Boomi gives no release date)" in text
    for name in ("Invoice Sync", "Order Fulfilment", "Order Intake"):
        assert re.search(r"^\| %s +\| 1\.0\.1 +\|$" % name, text, re.M), name  # the release
        assert re.search(r"^\| %s +\| 1\.0\.0 +\| 1\.0\.1 +\| rolled back from 1\.0\.1 to 1\.0\.0 \|$" % name,
                         text, re.M), name
    for heading in ("## Development (TEST, host dev): on the release", "## Test (TEST, host test): on the release",
                    "## Production (PROD, host prod): not on the release"):
        assert heading in text

    published = json.loads(as_json.read_text())
    assert published == stats["boomi_report"]  # the file is what set_stats publishes
    jsonschema.validate(published, json.loads(open(ROOT + "/docs/report-schema.json", encoding="utf-8").read()))
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", published["generated_at"])
    assert published["release"]["became_current"] is None  # Boomi's pack carries no release date
    assert {c["component_name"]: c["version"] for c in published["release"]["components"]} == {
        "Invoice Sync": "1.0.1", "Order Fulfilment": "1.0.1", "Order Intake": "1.0.1"}
    environments = by_id(published)
    assert list(environments) == [DEV, TEST, PROD]
    assert [e["verdict"] for e in environments.values()] == ["on the release", "on the release", "not on the release"]
    prod = environments[PROD]
    assert [(r["state"], r["rolled_back_from"], r["rolled_back_to"], r["released_version"]) for r in prod["components"]] \
        == [("rolled back", "1.0.1", "1.0.0", "1.0.1")] * 3
    assert prod["counts"]["rolled back"] == 3 and (prod["environment_name"], prod["classification"]) == ("Production", "prod")


def test_report_marks_held_and_pinned_hosts_in_csv(sim, tmp_path):
    run_role(sim, extra={"boomi_package_version": "1.0.0"})
    run_role(sim, extra={"boomi_package_version": "1.0.1", "boomi_target_hosts": "dev:test"})
    inventory = demo_inventory(tmp_path, test={"boomi_pinned_versions": {INTAKE: "1.0.1", FULFIL: "1.0.0"}},
                               prod={"boomi_hold": True})
    path = tmp_path / "report.csv"
    proc, writes, stats, requests = report(sim, inventory=inventory, extra={
        "boomi_report_format": "csv", "boomi_report_path": str(path)})
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    assert len(rows) == 9 and {r["integration_pack_name"] for r in rows} == {PACK}
    assert dict(((r["inventory_hostname"], r["component_name"]), r["state"]) for r in rows) == {
        ("dev", "Invoice Sync"): "current", ("dev", "Order Fulfilment"): "current", ("dev", "Order Intake"): "current",
        ("test", "Invoice Sync"): "current", ("test", "Order Fulfilment"): "current", ("test", "Order Intake"): "pinned",
        ("prod", "Invoice Sync"): "held", ("prod", "Order Fulfilment"): "held", ("prod", "Order Intake"): "held"}
    assert {r["environment_verdict"] for r in rows if r["inventory_hostname"] == "prod"} == {"held"}
    assert stats["boomi_report"]["summary"]["held"] == 1


def test_a_bad_format_fails_before_any_request(sim, tmp_path):
    proc, writes, stats, requests = report(sim, extra={"boomi_report_format": "pdf"}, check=False)
    assert proc.returncode != 0 and requests == []
    assert "boomi_report_format is 'pdf': use text, markdown, json or csv" in proc.stdout


def test_report_follows_limit(sim):
    drift_world(sim)
    proc, writes, stats, requests = report(sim, "--limit", "test")
    assert [e["inventory_hostname"] for e in stats["boomi_report"]["environments"]] == ["test"]
    assert "Test (TEST, host test)" in proc.stdout and "Development (TEST" not in proc.stdout


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
    assert "Staging (TEST): not on the release" in proc.stdout and "Disaster Recovery (PROD): " in proc.stdout
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
    assert all(e["on_release"] for e in stats["boomi_report"]["environments"])
    # environments (one bulk GET), the pack, 150 deployments (a query and one queryMore), released packages
    assert [(r["object"], r["operation"]) for r in requests] == [
        ("Environment", "bulk"), ("PublisherIntegrationPack", "query"), ("DeployedPackage", "query"),
        ("DeployedPackage", "queryMore"), ("PackagedComponent", "query")]
    assert writes == 0
