"""Each environment's own configuration through the roles (issue 25): per-host boomi_environment_extensions and
boomi_process_schedules, checked by the pre-flight, applied after the environment's deployment, left alone on a
held host, shown by name in --check --diff with secrets masked."""

import json
import re

from boomi_simulator.seed import CONNECTIONS

from ..conftest import COMPONENTS, ENVIRONMENTS
from .role import ROOT, run_role
from .test_pipeline_story import everywhere, inventory, release

PROD_URL = "jdbc:postgresql://orders-db.prod.example.com:5432/orders"
TEST_URL = "jdbc:postgresql://orders-db.test.example.com:5432/orders"
PASSWORD = "pw-3f7c1e9a5b2d-prod"
ORDERS_DB = CONNECTIONS["orders_db"]


def extensions(url=PROD_URL, **fields):
    return {"boomi_environment_extensions": {"connections": {"Orders DB": dict({"url": url, "password": PASSWORD},
                                                                               **fields)}}}


def orders_db(sim, environment):
    """The Orders DB connection's url and whether its password is set in an environment (the simulator's state
    holds the overrides: the url is the component's own, TEST_URL, without one)."""
    overrides = {}
    for document in sim.state()["environment_extensions"]:
        if document["environmentId"] == ENVIRONMENTS[environment] and not document.get("extensionGroupId"):
            overrides = document["connections"].get(ORDERS_DB) or {}
    return overrides.get("url", TEST_URL), bool(overrides.get("password"))


def test_prod_gets_its_values_after_the_deployment_and_a_rerun_writes_nothing(sim, tmp_path):
    inv = inventory(tmp_path, prod=extensions())
    proc, writes, recap, stats = run_role(sim, extra=release("1.0.0"), inventory=inv)
    assert writes == 3 + 2 + 1 + 9 + 1  # packages, pack, release, deployments, prod's one extensions update
    assert orders_db(sim, "prod") == (PROD_URL, True) and orders_db(sim, "test")[0] == TEST_URL
    proc, writes, recap, stats = run_role(sim, extra=release("1.0.0"), inventory=inv)
    assert writes == 0 and not any(r["changed"] for r in recap.values())


def test_the_check_plan_shows_names_old_and_new_values_and_masks_the_password(sim, tmp_path):
    run_role(sim, extra=release("1.0.0"), inventory=inventory(tmp_path))
    proc, writes, recap, stats = run_role(sim, "--check", "--diff", extra=release("1.0.0"),
                                          inventory=inventory(tmp_path, prod=extensions()))
    assert writes == 0 and recap["prod"]["changed"] == 1 and recap["test"]["changed"] == 0, proc.stdout[-5000:]
    shown = proc.stdout[proc.stdout.find("prod (Production):\n"):].split("changed: [prod]")[0]
    assert "  Orders DB / url: %s \u2192 %s\n" % (TEST_URL, PROD_URL) in shown, shown
    assert "  Orders DB / password: (not set) \u2192 ********\n" in shown, shown
    assert PASSWORD not in proc.stdout + proc.stderr
    assert stats["boomi_deployments"][ENVIRONMENTS["prod"]]["state"] == "configured"


def test_an_unknown_field_fails_before_any_write_listing_the_known_fields(sim, tmp_path):
    run_role(sim, extra=release("1.0.0"), inventory=inventory(tmp_path))
    proc, writes, recap, stats = run_role(sim, check=False, extra=release("1.0.1"),
                                          inventory=inventory(tmp_path, prod=extensions(hostname="db.prod")))
    assert proc.returncode != 0 and writes == 0
    assert "prod: boomi_environment_extensions: connections['Orders DB']['hostname']: no field with that id" in proc.stdout
    assert "known fields: url, user, password" in proc.stdout and PASSWORD not in proc.stdout + proc.stderr


def test_a_misspelt_key_and_a_held_host(sim, tmp_path):
    run_role(sim, extra=release("1.0.0"), inventory=inventory(tmp_path))
    proc, writes, recap, stats = run_role(sim, check=False, extra=release("1.0.0"), inventory=inventory(
        tmp_path, prod={"boomi_environment_extensions": {"conections": {"Orders DB": {"url": PROD_URL}}}}))
    assert proc.returncode != 0 and writes == 0 and "conections: no such key; did you mean connections?" in proc.stdout
    held = dict(extensions(), boomi_hold=True)
    proc, writes, recap, stats = run_role(sim, extra=release("1.0.0"), inventory=inventory(tmp_path, prod=held))
    assert writes == 0 and orders_db(sim, "prod") == (TEST_URL, False)


def test_promote_applies_the_values_too(sim, tmp_path):
    run_role(sim, extra=dict(release("1.0.0"), boomi_target_hosts="dev:test"), inventory=inventory(tmp_path))
    proc, writes, recap, stats = run_role(sim, playbook=ROOT + "/playbooks/promote.yml",
                                          inventory=inventory(tmp_path, prod=extensions()),
                                          extra={"boomi_target_hosts": "prod"})
    assert writes == 3 + 1 and orders_db(sim, "prod") == (PROD_URL, True)


def test_the_report_shows_values_that_differ_from_the_inventory(sim, tmp_path):
    run_role(sim, extra=release("1.0.0"), inventory=inventory(tmp_path, prod=extensions()))
    drifted = inventory(tmp_path, prod=extensions(url=PROD_URL + "?ssl=true"))
    report = tmp_path / "report.json"
    proc, writes, recap, stats = run_role(sim, playbook=ROOT + "/playbooks/report.yml", inventory=drifted, extra={
        "boomi_report_extensions": True, "boomi_report_format": "json", "boomi_report_path": str(report)})
    assert writes == 0
    environments = dict((e["inventory_hostname"], e) for e in json.loads(report.read_text())["environments"])
    assert environments["prod"]["extension_drift"] == ["Orders DB / url: %s -> %s?ssl=true" % (PROD_URL, PROD_URL)]
    assert environments["test"]["extension_drift"] == [] and PASSWORD not in proc.stdout + report.read_text()


def test_a_misspelt_connection_on_an_environment_that_runs_everything_fails_before_any_write(sim, tmp_path):
    """prod runs every process at the version this run deploys: a connection name its extensions lack cannot come
    with a new process version, so it is a typo, caught by the pre-flight."""
    run_role(sim, extra=release("1.0.0"), inventory=inventory(tmp_path))
    typo = {"boomi_environment_extensions": {"connections": {"Orders Db": {"url": PROD_URL}}}}
    proc, writes, recap, stats = run_role(sim, check=False, extra=release("1.0.0"),
                                          inventory=inventory(tmp_path, prod=typo))
    assert proc.returncode != 0 and writes == 0, proc.stdout[-3000:]
    assert "prod: boomi_environment_extensions: connections['Orders Db']" in proc.stdout, proc.stdout[-3000:]
    assert "Orders DB" in proc.stdout  # the names that exist are listed


def test_a_name_a_new_version_may_bring_is_checked_after_its_deployment(sim, tmp_path):
    """A new version of a process may bring a new connection, so the pre-flight lets a name it cannot find yet
    through; still missing after the deployment, it fails that host, whose deployment stands."""
    run_role(sim, extra=release("1.0.0"), inventory=inventory(tmp_path))
    typo = {"boomi_environment_extensions": {"connections": {"Orders Db": {"url": PROD_URL}}}}
    proc, writes, recap, stats = run_role(sim, check=False, extra=release("1.0.1"),
                                          inventory=inventory(tmp_path, prod=typo))
    assert proc.returncode != 0 and writes == 3 + 1 + 9, proc.stdout[-3000:]  # packages, release, deployments
    assert recap["prod"]["failed"] == 1 and recap["test"]["failed"] == 0, recap
    assert "prod: the deployment stands (deployed), but its configuration was not applied: " \
           "connections['Orders Db']" in proc.stdout, proc.stdout[-3000:]
    assert everywhere(sim) == {"dev": {"1.0.1"}, "test": {"1.0.1"}, "prod": {"1.0.1"}}


def test_the_first_check_run_says_the_values_are_set_after_the_deployment(sim, tmp_path):
    """Nothing is deployed yet, so prod's extensions do not hold Orders DB: check mode says when it is checked."""
    proc, writes, recap, stats = run_role(sim, "--check", "--diff", extra=release("1.0.0"),
                                          inventory=inventory(tmp_path, prod=extensions()))
    assert proc.returncode == 0 and writes == 0, proc.stdout[-3000:]
    assert "connections['Orders DB']: checked and set after the deployment" in proc.stdout, proc.stdout[-3000:]
    assert PASSWORD not in proc.stdout + proc.stderr


def test_a_schedule_for_a_process_prod_does_not_run_fails_before_any_write(sim, tmp_path):
    """prod runs every process this run deploys already: a schedule for a process not deployed there cannot be set
    after the deployment either, so the pre-flight refuses it."""
    run_role(sim, extra=release("1.0.0"), inventory=inventory(tmp_path))
    router = {"boomi_process_schedules": [{"process_id": COMPONENTS["order_router"],
                                           "schedules": [{"minutes": "0", "hours": "6"}]}]}
    proc, writes, recap, stats = run_role(sim, check=False, extra=release("1.0.0"),
                                          inventory=inventory(tmp_path, prod=router))
    assert proc.returncode != 0 and writes == 0, proc.stdout[-3000:]
    assert "prod: boomi_process_schedules: process %s is not deployed" % COMPONENTS["order_router"] in proc.stdout


def test_values_set_before_a_refused_schedule_count_as_a_change(sim, tmp_path):
    """The extensions are written, then Boomi refuses the schedule: prod fails, saying its values were set, and its
    result reports the change (a re-run would otherwise not know what this one did)."""
    run_role(sim, extra=release("1.0.0"), inventory=inventory(tmp_path))
    both = dict(extensions(), boomi_process_schedules=[{"process_name": "Order Intake",
                                                        "schedules": [{"minutes": "0", "hours": "6"}]}])
    sim.fault(kind="400", object="ProcessSchedules", operation="update", count=5, message="simulated refusal")
    proc, writes, recap, stats = run_role(sim, check=False, extra=release("1.0.0"),
                                          inventory=inventory(tmp_path, prod=both))
    assert proc.returncode != 0 and orders_db(sim, "prod") == (PROD_URL, True), proc.stdout[-3000:]
    assert "prod: the deployment stands (unchanged) and some of its values were set, but " in proc.stdout
    fatal = dict(re.findall(r"^fatal: \[(\w+)\]: FAILED! => (\{.*\})$", proc.stdout, re.M))
    assert json.loads(fatal["prod"])["changed"] is True and PASSWORD not in proc.stdout + proc.stderr
