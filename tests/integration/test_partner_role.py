"""The package_and_deploy role with boomi_deploy_mode: pack_instance over inventories/partner: first run, a
re-run with no write, a held host neither attached nor detached, and the inputs this mode cannot serve failing
before any write."""

import re
import shutil
from pathlib import Path

import yaml

from .drift_world import FULFIL, INTAKE, INVOICE
from .role import FAST_ENV, run_playbook
from .test_partner_distribution import NORTH, NP, NT, SOUTH, SP, ST, attached, instances

ROOT = Path(__file__).resolve().parents[2]
PLAYBOOKS = ROOT / "playbooks"


def partner_inventory(tmp_path, **host_vars):
    """A copy of inventories/partner with extra variables on some hosts."""
    target = tmp_path / "partner"
    shutil.copytree(ROOT / "inventories" / "partner", target)
    hosts = yaml.safe_load((target / "hosts.yml").read_text())
    for host, extra in host_vars.items():
        hosts["boomi_environments"]["hosts"][host].update(extra)
    (target / "hosts.yml").write_text(yaml.safe_dump(hosts))
    return str(target / "hosts.yml")


def run(sim, inventory, playbook="package_and_deploy.yml", check=True, **extra):
    before = sim.writes()
    variables = dict({"boomi_api_url": sim.url, "boomi_release_poll_interval": 0.2}, **extra)
    proc = run_playbook(PLAYBOOKS / playbook, variables, args=("-i", inventory), env=FAST_ENV, check=check)
    recap = proc.stdout[proc.stdout.index("PLAY RECAP"):] if "PLAY RECAP" in proc.stdout else proc.stdout
    return proc, sim.writes() - before, recap


def test_the_role_reaches_managed_accounts_and_a_rerun_writes_nothing(sim, tmp_path):
    inventory = partner_inventory(tmp_path)
    proc, first, recap = run(sim, inventory)
    # 3 packages, the pack and its members, the release, the share, 2 installs, 4 attachments
    assert first == 3 + 2 + 1 + 1 + 2 + 4, proc.stdout[-3000:]
    for host in ("north_test", "north_prod", "south_test", "south_prod"):
        assert re.search(r"%s\s+: ok=\d+\s+changed=[1-9]" % host, recap), recap
    versions = dict((c, "1.0.5") for c in (INTAKE, FULFIL, INVOICE))
    assert instances(sim) == {NORTH: [("North Orders", versions)], SOUTH: [("South Orders", versions)]}
    assert attached(sim, NORTH) == sorted([NT, NP]) and attached(sim, SOUTH) == sorted([ST, SP])
    proc, again, recap = run(sim, inventory)
    assert again == 0 and not re.search(r"changed=[1-9]", recap), recap
    assert sim.state()["deployments"] == [], "pack_instance mode deploys no package itself"


def test_a_held_host_is_neither_attached_nor_detached(sim, tmp_path):
    proc, first, recap = run(sim, partner_inventory(tmp_path / "a", north_prod={"boomi_hold": True}))
    assert attached(sim, NORTH) == [NT] and attached(sim, SOUTH) == sorted([ST, SP])
    run(sim, partner_inventory(tmp_path / "b"))  # released from the hold: attached now
    proc, later, recap = run(sim, partner_inventory(tmp_path / "c", north_prod={"boomi_hold": True}))
    assert later == 0 and attached(sim, NORTH) == sorted([NT, NP])  # held again: still attached, not detached


def test_inputs_this_mode_cannot_serve_fail_before_any_write(sim, tmp_path):
    pinned = partner_inventory(tmp_path / "a", south_test={"boomi_pinned_versions": {INTAKE: "1.0.4"}},
                               north_test={"boomi_managed_account_id": ""})
    proc, writes, out = run(sim, pinned, check=False)
    assert proc.returncode != 0 and writes == 0
    assert "south_test: boomi_pinned_versions cannot apply with boomi_deploy_mode pack_instance" in proc.stdout
    assert "north_test: set boomi_managed_account_id" in proc.stdout
    wrong_env = partner_inventory(tmp_path / "b", south_prod={"boomi_environment_id": NT})  # North's, not South's
    proc, writes, out = run(sim, wrong_env, check=False)
    assert proc.returncode != 0 and writes == 0 and NT in proc.stdout
    proc, writes, out = run(sim, partner_inventory(tmp_path / "c"), playbook="promote.yml", check=False)
    assert proc.returncode != 0 and writes == 0 and "boomi_deploy_mode is pack_instance" in proc.stdout
