"""The sample inventories: the two simulator inventories say so at the top and let the BOOMI_* environment win over
their simulator defaults (BOOMI_API_URL above all); the others carry no URL or credential."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ..conftest import ACCOUNT, TOKEN, USER
from .playbook import ANSIBLE_PLAYBOOK, COLLECTIONS_PATH, run_playbook
from .role import FAST_ENV, ROOT

SOURCE = Path(__file__).resolve().parents[2]
ANSIBLE = str(Path(ANSIBLE_PLAYBOOK).with_name("ansible"))
SIMULATOR_INVENTORIES = {"demo": "dev", "partner": "north_test"}
CONNECTION = ("BOOMI_ACCOUNT_ID", "BOOMI_USERNAME", "BOOMI_API_TOKEN", "BOOMI_PASSWORD", "BOOMI_API_URL")
SHOWN = "{{ [boomi_account_id, boomi_username, boomi_api_token, boomi_api_url] | to_json }}"


def without_boomi_environment(**extra):
    env = dict((k, v) for k, v in os.environ.items() if k not in CONNECTION)
    env.update(ANSIBLE_COLLECTIONS_PATH=str(COLLECTIONS_PATH), ANSIBLE_NOCOLOR="1", **extra)
    return env


def connection_of(inventory, host, **env):
    """[account, user, token, url] as the inventory gives them to ``host`` with ``env`` (and no other BOOMI_*)."""
    proc = subprocess.run([ANSIBLE, host, "-i", str(SOURCE / "inventories" / inventory), "-m", "ansible.builtin.debug",
                           "-a", "msg=" + SHOWN], env=without_boomi_environment(**env), capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads(json.loads(re.search(r'"msg": (".*")', proc.stdout).group(1)))


@pytest.mark.parametrize("inventory", sorted(SIMULATOR_INVENTORIES))
def test_simulator_inventories_say_so_at_the_top(inventory):
    for path in (SOURCE / "inventories" / inventory / "hosts.yml",
                 SOURCE / "inventories" / inventory / "group_vars" / "boomi_environments.yml"):
        head = path.read_text().splitlines()[1]
        assert head.startswith("# SIMULATOR INVENTORY:"), path


@pytest.mark.parametrize("inventory", sorted(SIMULATOR_INVENTORIES))
def test_the_boomi_environment_wins_over_the_simulator_defaults(inventory):
    host = SIMULATOR_INVENTORIES[inventory]
    assert connection_of(inventory, host) == [ACCOUNT, USER, TOKEN, "http://127.0.0.1:8765"]
    mine = {"BOOMI_ACCOUNT_ID": "acme-X1", "BOOMI_USERNAME": "me@acme.example", "BOOMI_API_TOKEN": "acme-token",
            "BOOMI_API_URL": "https://api.platform.gb.boomi.com"}
    assert connection_of(inventory, host, **mine) == ["acme-X1", "me@acme.example", "acme-token",
                                                      "https://api.platform.gb.boomi.com"]
    # a password (or an AWX credential, which injects the token as BOOMI_PASSWORD) leaves no simulator token beside it
    assert connection_of(inventory, host, BOOMI_PASSWORD="secret")[2] == ""


def test_partner_inventory_reaches_the_simulator_of_boomi_api_url(sim):
    """The issue's case: a simulator on another port than the inventory's default, named only by BOOMI_API_URL."""
    assert not sim.url.endswith(":8765")
    before = sim.writes()
    proc = run_playbook(ROOT + "/playbooks/package_and_deploy.yml", {"boomi_release_poll_interval": 0.05},
                        ("-i", ROOT + "/inventories/partner"),
                        env=dict(FAST_ENV, BOOMI_API_URL=sim.url, BOOMI_MAX_RETRIES="0", BOOMI_TIMEOUT="5"),
                        check=False)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert sim.writes() - before == 13  # packages, pack, members, release, share, 2 installs, 4 attachments


def sample_inventories():
    """Every inventory file of inventories/ other than the two simulator inventories."""
    return sorted(p for p in (SOURCE / "inventories").rglob("*.y*ml")
                  if p.relative_to(SOURCE / "inventories").parts[0] not in SIMULATOR_INVENTORIES)


def test_other_sample_inventories_carry_no_url_or_credential():
    assert sample_inventories(), "inventories/ holds sample inventories besides demo and partner"
    for path in sample_inventories():
        text = path.read_text()
        data = yaml.safe_load(text)
        flat = yaml.safe_dump(data)
        assert not re.search(r"https?://|token|password|api_url|account_id|username", flat, re.I), path
        head = "\n".join(line for line in text.splitlines()[:8] if line.startswith("#"))
        assert "BOOMI_*" in head and "no URL and no credential" in head, path


def test_the_aap_guide_puts_no_url_or_credential_in_an_inventory():
    guide = (SOURCE / "docs" / "aap.md").read_text()
    blocks = re.findall(r"```[a-z]*\n(.*?)```", guide, re.S)
    inventory_blocks = [b for b in blocks if "boomi.boomi.yml" in b or "plugin: boomi.platform.environments" in b]
    assert inventory_blocks
    for block in inventory_blocks:
        assert not re.search(r"https?://|demo-token|api_token:|password:", block), block
    assert "no URL and no credential" in guide.split("## 3.")[1].split("## 4.")[0]


def test_ansible_is_the_venv_one():
    assert Path(ANSIBLE).exists() and Path(sys.executable).parent == Path(ANSIBLE).parent
