"""The release pipeline as an ops team lives it, through the roles' playbooks: promote, hold, pin, roll back,
schedule, remove. Each step counts the simulator's writes."""

import datetime

import yaml

from ..conftest import ACCOUNT, COMPONENTS, ENVIRONMENTS, TOKEN, USER
from .role import ROOT, run_role

PROCESSES = [COMPONENTS[name] for name in ("order_intake", "order_fulfilment", "invoice_sync")]
INTAKE, FULFIL = PROCESSES[0], PROCESSES[1]
PROMOTE = ROOT + "/playbooks/promote.yml"
ROLLBACK = ROOT + "/playbooks/rollback.yml"


def inventory(tmp_path, **host_vars):
    """The demo inventory, with extra variables per host (e.g. prod={"boomi_hold": True})."""
    path = tmp_path / ("inventory-%d.yml" % len(list(tmp_path.glob("inventory-*.yml"))))
    demo = yaml.safe_load(open(ROOT + "/inventories/demo/hosts.yml", encoding="utf-8"))
    for host, extra in host_vars.items():
        demo["boomi_environments"]["hosts"][host].update(extra)
    path.write_text(yaml.safe_dump(demo))
    (tmp_path / "group_vars").mkdir(exist_ok=True)
    group_vars = yaml.safe_load(open(ROOT + "/inventories/demo/group_vars/boomi_environments.yml", encoding="utf-8"))
    (tmp_path / "group_vars" / "boomi_environments.yml").write_text(yaml.safe_dump(group_vars))
    return str(path)


def active(sim, environment):
    return {d["componentId"]: d["packageVersion"] for d in sim.state()["deployments"]
            if d["environmentId"] == ENVIRONMENTS[environment] and d["active"]}


def everywhere(sim):
    return {e: set(active(sim, e).values()) for e in ("dev", "test", "prod")}


def release(version):
    return {"boomi_package_version": version}


def test_the_story_promote_rollback_hold(sim, tmp_path):
    steps = {}
    inv = inventory(tmp_path)
    proc, steps["1.0.0 everywhere"], recap, stats = run_role(sim, extra=release("1.0.0"), inventory=inv)
    assert everywhere(sim) == {"dev": {"1.0.0"}, "test": {"1.0.0"}, "prod": {"1.0.0"}}
    proc, steps["1.0.1 everywhere"], recap, stats = run_role(sim, extra=release("1.0.1"), inventory=inv)
    assert everywhere(sim) == {"dev": {"1.0.1"}, "test": {"1.0.1"}, "prod": {"1.0.1"}}

    # roll prod back: the previous package of every member, recorded in Boomi
    proc, steps["roll prod back"], recap, stats = run_role(
        sim, "--diff", playbook=ROLLBACK, inventory=inv, extra={"boomi_target_hosts": "prod"})
    assert active(sim, "prod") == dict.fromkeys(PROCESSES, "1.0.0") and set(active(sim, "test").values()) == {"1.0.1"}
    assert "prod (Production):\n  Invoice Sync: 1.0.1 \u2192 1.0.0\n" in proc.stdout
    assert stats["boomi_deployments"][ENVIRONMENTS["prod"]]["state"] == "deployed"

    # the 1.0.1 pipeline again: prod stays rolled back, and says why; nothing is written
    proc, steps["re-run 1.0.1"], recap, stats = run_role(sim, extra=release("1.0.1"), inventory=inv)
    assert active(sim, "prod") == dict.fromkeys(PROCESSES, "1.0.0") and recap["prod"]["changed"] == 0
    assert "prod (Production): keeps Order Intake at 1.0.0, rolled back from 1.0.1" in proc.stdout  # a line, no warning
    assert "[WARNING]" not in proc.stdout + proc.stderr

    # 1.0.2 through dev and test only
    proc, steps["1.0.2 to dev and test"], recap, stats = run_role(
        sim, extra=dict(release("1.0.2"), boomi_target_hosts="dev:test"), inventory=inv)
    assert everywhere(sim) == {"dev": {"1.0.2"}, "test": {"1.0.2"}, "prod": {"1.0.0"}}
    expected = stats["boomi_expected_versions"]
    assert expected == dict.fromkeys(PROCESSES, "1.0.2")

    # promote exactly that build to prod; a stale expectation fails before any write
    proc, steps["promote stale"], recap, stats = run_role(
        sim, playbook=PROMOTE, inventory=inv, check=False,
        extra={"boomi_target_hosts": "prod", "boomi_expected_versions": dict.fromkeys(PROCESSES, "1.0.1")})
    assert proc.returncode != 0 and "not at the expected" in proc.stdout and steps["promote stale"] == 0
    proc, steps["promote to prod"], recap, stats = run_role(
        sim, playbook=PROMOTE, inventory=inv, extra={"boomi_target_hosts": "prod", "boomi_expected_versions": expected})
    assert active(sim, "prod") == dict.fromkeys(PROCESSES, "1.0.2")

    # hold test, ship 1.0.3 everywhere else
    held = inventory(tmp_path, test={"boomi_hold": True})
    proc, steps["hold test, ship 1.0.3"], recap, stats = run_role(sim, extra=release("1.0.3"), inventory=held)
    assert everywhere(sim) == {"dev": {"1.0.3"}, "test": {"1.0.2"}, "prod": {"1.0.3"}}
    assert stats["boomi_deployments"][ENVIRONMENTS["test"]]["state"] == "held" and recap["test"]["changed"] == 0

    assert steps == {"1.0.0 everywhere": 3 + 2 + 1 + 9, "1.0.1 everywhere": 3 + 1 + 9, "roll prod back": 3,
                     "re-run 1.0.1": 0, "1.0.2 to dev and test": 3 + 1 + 6, "promote stale": 0, "promote to prod": 3,
                     "hold test, ship 1.0.3": 3 + 1 + 6}


def test_a_pin_keeps_a_component_and_force_ships_a_rolled_back_version(sim, tmp_path):
    inv = inventory(tmp_path)
    run_role(sim, extra=release("1.0.0"), inventory=inv)
    run_role(sim, extra=release("1.0.1"), inventory=inv)
    run_role(sim, playbook=ROLLBACK, inventory=inv, extra={"boomi_target_hosts": "prod",
                                                           "boomi_rollback_components": [FULFIL]})
    assert active(sim, "prod") == {INTAKE: "1.0.1", FULFIL: "1.0.0", PROCESSES[2]: "1.0.1"}
    pinned = inventory(tmp_path, dev={"boomi_pinned_versions": {INTAKE: "1.0.0"}}, prod={"boomi_force": True})
    proc, writes, recap, stats = run_role(sim, extra=release("1.0.1"), inventory=pinned)
    assert active(sim, "dev") == {INTAKE: "1.0.0", FULFIL: "1.0.1", PROCESSES[2]: "1.0.1"}
    assert set(active(sim, "prod").values()) == {"1.0.1"} and writes == 2
    assert stats["boomi_deployments"][ENVIRONMENTS["dev"]]["state"] == "pinned"


def test_a_scheduled_release_is_deployed_only_once_it_is_due(sim, tmp_path):
    inv = inventory(tmp_path)
    run_role(sim, extra=release("1.0.0"), inventory=inv)
    tomorrow = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).strftime("%Y-%m-%d")
    scheduled = dict(release("1.0.1"), boomi_release_schedule="on_date", boomi_release_on_date=tomorrow)
    proc, writes, recap, stats = run_role(sim, extra=scheduled, inventory=inv)
    assert writes == 3 + 1 and set(active(sim, "prod").values()) == {"1.0.0"}  # packages and the schedule only
    assert stats["boomi_release"]["status"] == "SCHEDULED"
    assert {c["version"] for c in stats["boomi_release"]["scheduled_components"]} == {"1.0.1"}
    assert stats["boomi_expected_versions"] == dict.fromkeys(PROCESSES, "1.0.0")
    # every environment says what it keeps until the date, by component name
    assert ("release of Order Processing Pack scheduled for %s (Invoice Sync 1.0.1, Order "
            "Fulfilment 1.0.1, Order Intake 1.0.1); prod (Production) keeps Invoice Sync 1.0.0, Order Fulfilment "
            "1.0.0, Order Intake 1.0.0 until then" % tomorrow) in proc.stdout
    # promote of the scheduled build before its date: the schedule is known (AWX hands on boomi_release), and said
    proc, writes, recap, stats = run_role(sim, playbook=ROOT + "/playbooks/promote.yml", inventory=inv, check=False,
                                          extra={"boomi_expected_versions": dict.fromkeys(PROCESSES, "1.0.1"),
                                                 "boomi_release": stats["boomi_release"]})
    assert proc.returncode != 0 and writes == 0
    assert "is scheduled for %s; current is" % tomorrow in proc.stdout and "another job" not in proc.stdout
    proc, writes, recap, stats = run_role(sim, playbook=ROOT + "/playbooks/promote.yml", inventory=inv, check=False,
                                          extra={"boomi_expected_versions": dict.fromkeys(PROCESSES, "1.0.1")})
    assert proc.returncode != 0 and writes == 0
    assert "a scheduled release may be pending" in proc.stdout and "another job" not in proc.stdout
    sim.control("POST", "clock", {"advance_days": 2})
    # the same pipeline the day after the date: the release is current, nothing fails, the environments move on
    proc, writes, recap, stats = run_role(sim, extra=scheduled, inventory=inv)
    assert writes == 9 and everywhere(sim) == {"dev": {"1.0.1"}, "test": {"1.0.1"}, "prod": {"1.0.1"}}


def test_removing_a_component_releases_and_undeploys_it(sim, tmp_path):
    inv = inventory(tmp_path)
    run_role(sim, extra=release("1.0.0"), inventory=inv)
    two = dict(release("1.0.0"), boomi_components=[{"component_id": c} for c in PROCESSES[:2]],
               boomi_purge_components=True, boomi_undeploy_removed=True)
    proc, writes, recap, stats = run_role(sim, "--check", extra=two, inventory=inv)
    assert writes == 0
    block = proc.stdout.split("Package, pack and release", 1)[1].split("TASK [", 1)[0]
    assert "changed:" in block  # the predicted release, which drops the component
    proc, writes, recap, stats = run_role(sim, extra=two, inventory=inv)
    assert writes == 1 + 1 + 3  # the pack update, the release, one undeploy per environment
    assert all(PROCESSES[2] not in active(sim, e) for e in ("dev", "test", "prod"))
    assert list(sim.state()["integration_packs"][0]["members"]) == PROCESSES[:2]


def test_bad_input_anywhere_stops_everything_before_any_write(sim, tmp_path):
    inv = inventory(tmp_path, prod={"boomi_environment_id": "6d3f9a10-0003-4d5e-9a1b-00000000eXX3"})
    proc, writes, recap, stats = run_role(sim, extra=release(1.1), inventory=inv, check=False)
    assert proc.returncode != 0 and writes == 0
    assert "is the number 1.1" in proc.stdout and "quote it" in proc.stdout
    proc, writes, recap, stats = run_role(sim, extra=release("1.0.0"), inventory=inv, check=False)
    assert proc.returncode != 0 and writes == 0
    assert "prod: boomi_environment_id 6d3f9a10-0003-4d5e-9a1b-00000000eXX3 is no environment of account" in proc.stdout


def test_playbooks_fail_when_boomi_target_hosts_matches_nothing(sim):
    for playbook in (ROOT + "/playbooks/package_and_deploy.yml", PROMOTE, ROLLBACK):
        proc, writes, recap, stats = run_role(sim, playbook=playbook, check=False,
                                              extra={"boomi_target_hosts": "no_such_group"})
        assert proc.returncode != 0 and "matches no host" in proc.stdout and writes == 0


def test_release_only_then_promote_as_an_awx_workflow_would(sim, tmp_path):
    inv = inventory(tmp_path)
    # release.yml runs on the controller alone: the connection comes from extra vars (or BOOMI_* variables)
    connection = {"boomi_account_id": ACCOUNT, "boomi_username": USER, "boomi_api_token": TOKEN}
    proc, writes, recap, stats = run_role(sim, playbook=ROOT + "/playbooks/release.yml", inventory=inv,
                                          extra=dict(release("1.0.0"), boomi_components=[{"component_id": c} for c in PROCESSES],
                                                     boomi_integration_pack_name="Order Processing Pack", **connection))
    assert writes == 3 + 2 + 1 and sim.state()["deployments"] == []  # packages, pack and membership, release
    # the workflow's next node gets the released versions through set_stats
    proc, writes, recap, stats = run_role(sim, playbook=PROMOTE, inventory=inv,
                                          extra={"boomi_expected_versions": stats["boomi_expected_versions"]})
    assert writes == 9 and everywhere(sim) == {"dev": {"1.0.0"}, "test": {"1.0.0"}, "prod": {"1.0.0"}}


def test_the_cli_flow_package_to_test_approve_promote(sim, tmp_path):
    """Issue 24: outside AWX, package_and_deploy writes the versions it released (boomi_expected_versions_path), and
    promote takes exactly that file with -e @file; a folder that cannot be written fails before any write."""
    inv = inventory(tmp_path)
    proc, writes, recap, stats = run_role(sim, inventory=inv, check=False, extra=dict(
        release("1.0.0"), boomi_target_hosts="dev:test", boomi_expected_versions_path=str(tmp_path / "no" / "x.json")))
    assert proc.returncode != 0 and writes == 0 and "boomi_expected_versions_path" in proc.stdout
    expected_file = tmp_path / "expected.json"
    run_role(sim, "--check", inventory=inv, extra=dict(release("1.0.0"), boomi_target_hosts="dev:test",
                                                       boomi_expected_versions_path=str(expected_file)))
    assert not expected_file.exists()  # check mode writes nothing, not even this file
    run_role(sim, inventory=inv, extra=dict(release("1.0.0"), boomi_target_hosts="dev:test",
                                            boomi_expected_versions_path=str(expected_file)))
    assert yaml.safe_load(expected_file.read_text()) == {"boomi_expected_versions": dict.fromkeys(PROCESSES, "1.0.0")}
    # approved: promote exactly that build to prod
    proc, writes, recap, stats = run_role(sim, "-e", "@" + str(expected_file), playbook=PROMOTE, inventory=inv,
                                          extra={"boomi_target_hosts": "prod"})
    assert writes == 3 and everywhere(sim)["prod"] == {"1.0.0"}
    # a newer build reaches test; promoting the old approval now fails before any write
    run_role(sim, inventory=inv, extra=dict(release("1.0.1"), boomi_target_hosts="test"))
    proc, writes, recap, stats = run_role(sim, "-e", "@" + str(expected_file), playbook=PROMOTE, inventory=inv,
                                          check=False, extra={"boomi_target_hosts": "prod"})
    assert proc.returncode != 0 and writes == 0 and "not at the expected" in proc.stdout
