"""The roles with boomi_deploy_mode: pack_instance over inventories/partner, through their playbooks: package_and_deploy
(first run, re-run, a new release reaching every instance), promote (expected versions, a held host attached later),
check mode with no write, and the inputs this mode cannot serve (pins, rollback, foreign environments, ...) failing
before any write. Each step counts the simulator's writes."""

import shutil
from pathlib import Path

import yaml

from ..conftest import ENVIRONMENTS, SUB_ACCOUNT
from .drift_world import FULFIL, INTAKE, INVOICE, World
from .role import ROOT, run_role
from .test_partner_distribution import NORTH, NP, NT, SOUTH, SP, ST, attached, instances

SOURCE = Path(__file__).resolve().parents[2]
PROMOTE = ROOT + "/playbooks/promote.yml"
ROLLBACK = ROOT + "/playbooks/rollback.yml"
HOSTS = ("north_test", "north_prod", "south_test", "south_prod")
ENVIRONMENT = dict(zip(HOSTS, (NT, NP, ST, SP)))
HELD_ENVIRONMENT = "6d3f9a10-0101-4d5e-9a1b-00000000e101"  # the seed's sub-account's


def partner_inventory(tmp_path, **host_vars):
    """A copy of inventories/partner with extra variables on some hosts."""
    target = tmp_path / "partner"
    shutil.copytree(SOURCE / "inventories" / "partner", target)
    hosts = yaml.safe_load((target / "hosts.yml").read_text())
    for host, extra in host_vars.items():
        hosts["boomi_environments"]["hosts"][host].update(extra)
    (target / "hosts.yml").write_text(yaml.safe_dump(hosts))
    return str(target / "hosts.yml")


def mode_on_hosts(tmp_path, hosts):
    """inventories/partner with boomi_deploy_mode pack_instance on ``hosts`` only, not in group_vars: the others run
    with the role default (packages), which hostvars do not show."""
    inventory = partner_inventory(tmp_path, **dict((host, {"boomi_deploy_mode": "pack_instance"}) for host in hosts))
    group_vars = Path(inventory).parent / "group_vars" / "boomi_environments.yml"
    text = group_vars.read_text()
    assert "boomi_deploy_mode: pack_instance\n" in text
    group_vars.write_text(text.replace("boomi_deploy_mode: pack_instance\n", ""))
    return inventory


def running(version):
    return dict((c, version) for c in (INTAKE, FULFIL, INVOICE))


def states(stats):
    """{host: state} from the boomi_deployments custom stat."""
    return dict((entry["inventory_hostname"], entry["state"]) for entry in stats.get("boomi_deployments", {}).values())


def test_the_partner_story_release_hold_promote(sim, tmp_path):
    """What a partner's ops team does across two managed accounts, with the writes of each step."""
    steps = {}
    everyone = partner_inventory(tmp_path / "all")
    held = partner_inventory(tmp_path / "held", south_prod={"boomi_hold": True})

    # a check run of the first release: the whole plan, no write
    proc, steps["check 1.0.5"], recap, stats = run_role(
        sim, "--check", "--diff", inventory=held, extra={"boomi_package_version": "1.0.5"})
    assert steps["check 1.0.5"] == 0
    assert states(stats) == {"north_test": "deployed", "north_prod": "deployed", "south_test": "deployed",
                             "south_prod": "held"}
    assert recap["south_prod"]["changed"] == 0 and all(recap[h]["changed"] for h in HOSTS[:3])

    # first release, south_prod held: packaged, released and shared once, installed per account, 3 attachments
    proc, steps["1.0.5, south_prod held"], recap, stats = run_role(
        sim, inventory=held, extra={"boomi_package_version": "1.0.5"})
    assert steps["1.0.5, south_prod held"] == 3 + 2 + 1 + 1 + 2 + 3
    assert instances(sim) == {NORTH: [("North Orders", running("1.0.5"))], SOUTH: [("South Orders", running("1.0.5"))]}
    assert attached(sim, NORTH) == sorted([NT, NP]) and attached(sim, SOUTH) == [ST]
    assert states(stats)["south_prod"] == "held" and stats["boomi_deployments"][SP]["environment_name"] == "South Production"
    north = stats["boomi_deployments"][NT]
    assert (north["managed_account_id"], north["state"]) == (NORTH, "deployed") and north["attachment_id"]
    assert recap["south_prod"]["changed"] == 0 and all(recap[h]["changed"] for h in HOSTS[:3])

    proc, steps["re-run"], recap, stats = run_role(sim, inventory=held, extra={"boomi_package_version": "1.0.5"})
    assert steps["re-run"] == 0 and not any(r["changed"] for r in recap.values())
    assert set(states(stats).values()) == {"unchanged", "held"}

    # 1.0.6 through north only: the release reaches every instance, south's too (instances run the current release)
    proc, steps["1.0.6 to north"], recap, stats = run_role(
        sim, inventory=held, extra={"boomi_package_version": "1.0.6", "boomi_target_hosts": "north_test:north_prod"})
    assert steps["1.0.6 to north"] == 3 + 1  # three packages and the release, in the publisher account only
    assert instances(sim) == {NORTH: [("North Orders", running("1.0.6"))], SOUTH: [("South Orders", running("1.0.6"))]}
    expected = stats["boomi_expected_versions"]
    assert expected == running("1.0.6")

    # promote: a stale expectation fails before any write; the current one attaches the released hold
    proc, steps["promote stale"], recap, stats = run_role(
        sim, playbook=PROMOTE, inventory=everyone, check=False, extra={"boomi_expected_versions": running("1.0.5")})
    assert proc.returncode != 0 and steps["promote stale"] == 0
    assert "is not at the expected versions (boomi_expected_versions): another release replaced it: current is " \
        "Invoice Sync 1.0.6, Order Fulfilment 1.0.6, Order Intake 1.0.6, packaged after the expected" in proc.stdout
    proc, steps["promote check"], recap, stats = run_role(
        sim, "--check", playbook=PROMOTE, inventory=everyone, extra={"boomi_expected_versions": expected})
    assert steps["promote check"] == 0 and states(stats)["south_prod"] == "deployed" and attached(sim, SOUTH) == [ST]
    proc, steps["promote south_prod"], recap, stats = run_role(
        sim, "--diff", playbook=PROMOTE, inventory=everyone, extra={"boomi_expected_versions": expected})
    assert steps["promote south_prod"] == 1 and attached(sim, SOUTH) == sorted([ST, SP])
    assert recap["south_prod"]["changed"] == 1 and not any(recap[h]["changed"] for h in HOSTS[:3])
    assert states(stats) == dict.fromkeys(HOSTS[:3], "unchanged") | {"south_prod": "deployed"}
    assert "south_prod (South Production):\n  attached: False \u2192 True\n" in proc.stdout  # south_prod's diff
    proc, steps["promote again"], recap, stats = run_role(sim, playbook=PROMOTE, inventory=everyone)
    assert steps["promote again"] == 0 and not any(r["changed"] for r in recap.values())

    # held again: still attached, not detached, and the next release reaches it anyway
    proc, steps["1.0.7, south_prod held"], recap, stats = run_role(
        sim, inventory=held, extra={"boomi_package_version": "1.0.7"})
    assert steps["1.0.7, south_prod held"] == 3 + 1 and attached(sim, SOUTH) == sorted([ST, SP])
    assert instances(sim)[SOUTH] == [("South Orders", running("1.0.7"))]
    print("writes per step:", steps)


def test_inputs_this_mode_cannot_serve_fail_before_any_write(sim, tmp_path):
    def fails(name, inventory, playbook=ROOT + "/playbooks/package_and_deploy.yml", **extra):
        proc, writes, recap, stats = run_role(sim, playbook=playbook, inventory=inventory, check=False,
                                              extra=dict({"boomi_package_version": "1.0.5"}, **extra))
        assert proc.returncode != 0 and writes == 0, (name, proc.stdout[-3000:])
        return proc.stdout

    out = fails("pins and no account", partner_inventory(
        tmp_path / "a", south_test={"boomi_pinned_versions": {INTAKE: "1.0.4"}}, north_test={"boomi_managed_account_id": ""}))
    assert "south_test: boomi_pinned_versions cannot apply with boomi_deploy_mode pack_instance" in out
    assert "set boomi_hold: true" in out and "north_test: set boomi_managed_account_id" in out
    out = fails("foreign environment", partner_inventory(tmp_path / "b", south_prod={"boomi_environment_id": ENVIRONMENTS["dev"]}))
    assert ("south_prod: boomi_environment_id %s is not an environment of managed account %s (boomi_managed_account_id)"
            % (ENVIRONMENTS["dev"], SOUTH)) in out
    out = fails("two hosts, one environment", partner_inventory(tmp_path / "b2", south_prod={"boomi_environment_id": NT}))
    assert "north_test, south_prod all stand for environment %s (boomi_environment_id)" % NT in out
    out = fails("unknown account", partner_inventory(tmp_path / "c", north_prod={"boomi_managed_account_id": "boomi-nope-X1"}))
    assert "boomi_managed_account_id boomi-nope-X1 (north_prod): its environments could not be read" in out
    out = fails("mixed modes", partner_inventory(tmp_path / "d", south_test={"boomi_deploy_mode": "packages"}))
    assert "boomi_deploy_mode differs between the hosts of the play (north_prod, north_test, south_prod: pack_instance; " \
        "south_test: packages)" in out and "run them in separate plays (boomi_target_hosts)" in out
    out = fails("a host left on the role default", mode_on_hosts(tmp_path / "d2", HOSTS[:3]))
    # the host without the variable runs with the role's default, packages, and the pre-flight sees that
    assert "(north_prod, north_test, south_test: pack_instance; south_prod: packages)" in out
    out = fails("no group", partner_inventory(tmp_path / "e"), boomi_account_group="")
    assert "set boomi_account_group" in out
    out = fails("instance names on a single pack", partner_inventory(tmp_path / "s"),
                boomi_integration_pack_installation_type="single")
    assert "boomi_pack_instance_name is set for north_prod, north_test, south_prod, south_test, but the integration " \
        "pack is single-install" in out

    inventory = partner_inventory(tmp_path / "f")
    out = fails("rollback", inventory, playbook=ROLLBACK)
    assert "boomi_deploy_mode is pack_instance, and a rollback cannot work in that mode" in out
    assert "release the earlier versions in the publisher account" in out
    out = fails("promote pinned", partner_inventory(tmp_path / "g", north_prod={"boomi_pinned_versions": {INTAKE: "1.0.4"}}),
                playbook=PROMOTE)
    assert "north_prod: boomi_pinned_versions cannot apply" in out
    out = fails("promote an unknown pack", inventory, playbook=PROMOTE, boomi_integration_pack_name="No Such Pack")
    assert "boomi_integration_pack_name 'No Such Pack': no integration pack with that name in account" in out
    world = World(sim)
    world.package(INTAKE, "1.0.0")
    world.pack("Unreleased Pack", [INTAKE])
    out = fails("promote a pack with no release", inventory, playbook=PROMOTE, boomi_integration_pack_name="Unreleased Pack")
    assert "Integration pack 'Unreleased Pack' has no successful release, so there is nothing to deploy" in out
    world.release(world.pack("Single Pack", [INTAKE]), {INTAKE: "1.0.0"})
    out = fails("promote a single pack with instance names", inventory, playbook=PROMOTE,
                boomi_integration_pack_name="Single Pack")
    assert "but the integration pack is single-install, which installs once per account with no name" in out
    assert attached(sim, NORTH) == [] and attached(sim, SOUTH) == []


def test_a_managed_account_outside_the_group_changes_nothing(sim, tmp_path):
    """The seed's sub-account is managed by the publisher but not in "Managed Customers": its host fails the
    preflight, before anything is packaged, released or shared; so does an unknown group. A held host's account
    need not be in the group (it is neither installed nor attached)."""
    inventory = partner_inventory(tmp_path / "a")
    hosts = yaml.safe_load(Path(inventory).read_text())
    hosts["boomi_environments"]["hosts"]["customer_prod"] = {
        "boomi_environment_id": HELD_ENVIRONMENT, "boomi_managed_account_id": SUB_ACCOUNT}
    Path(inventory).write_text(yaml.safe_dump(hosts))
    proc, writes, recap, stats = run_role(sim, inventory=inventory, check=False, extra={"boomi_package_version": "1.0.5"})
    assert proc.returncode != 0 and writes == 0, proc.stdout[-3000:]
    assert ("customer_prod: managed account %s (boomi_managed_account_id) is not in account group Managed Customers"
            % SUB_ACCOUNT) in proc.stdout
    assert instances(sim) == {NORTH: [], SOUTH: []}

    proc, writes, recap, stats = run_role(sim, inventory=partner_inventory(tmp_path / "b"), check=False,
                                          extra={"boomi_package_version": "1.0.5", "boomi_account_group": "Nobody"})
    assert proc.returncode != 0 and writes == 0, proc.stdout[-3000:]
    assert "boomi_account_group: account_group 'Nobody': no account group with that name" in proc.stdout

    hosts["boomi_environments"]["hosts"]["customer_prod"]["boomi_hold"] = True
    Path(inventory).write_text(yaml.safe_dump(hosts))
    proc, writes, recap, stats = run_role(sim, inventory=inventory, check=False, extra={"boomi_package_version": "1.0.5"})
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert attached(sim, NORTH) == sorted([NT, NP]) and attached(sim, SOUTH) == sorted([ST, SP])
    assert attached(sim, SUB_ACCOUNT) == [] and stats["boomi_deployments"][HELD_ENVIRONMENT]["state"] == "held"
