"""Run the package_and_deploy role's playbook as users do, and read what it did."""

import json
import os
import re

from .playbook import ANSIBLE_PLAYBOOK, COLLECTIONS_PATH, run_playbook

ROOT = "%s/ansible_collections/boomi/platform" % COLLECTIONS_PATH
INVENTORY = ROOT + "/inventories/demo/hosts.yml"
PLAYBOOK = ROOT + "/playbooks/package_and_deploy.yml"
# The simulator enforces Boomi's 10 requests/s (rolling window), so the roles pace at the default 8/s.
FAST_ENV = {"ANSIBLE_SHOW_CUSTOM_STATS": "1", "BOOMI_RETRY_DELAY": "0.05", "BOOMI_WRITE_SETTLE_SECONDS": "0.3"}


def role_variables(sim, extra=None):
    return dict({"boomi_api_url": sim.url, "boomi_release_poll_interval": 0.05}, **(extra or {}))


def role_command(sim, *args, extra=None, env=None, playbook=PLAYBOOK, inventory=None):
    """The ansible-playbook command line and environment that run_role uses."""
    command = [ANSIBLE_PLAYBOOK, str(playbook), "-i", inventory or INVENTORY, "-e",
               json.dumps(role_variables(sim, extra)), *args]
    environment = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(COLLECTIONS_PATH), ANSIBLE_NOCOLOR="1",
                       **dict(FAST_ENV, **(env or {})))
    return command, environment


def run_role(sim, *args, extra=None, check=True, env=None, playbook=PLAYBOOK, inventory=None):
    """Run the role's playbook; return (proc, writes, recap {host: {changed, failed}}, custom stats)."""
    before = sim.requests()["summary"]["writes"]
    proc = run_playbook(playbook, role_variables(sim, extra), ("-i", inventory or INVENTORY) + args, check=check,
                        env=dict(FAST_ENV, **(env or {})))
    recap = {host: {"changed": int(changed), "failed": int(failed)} for host, changed, failed in
             re.findall(r"^(\w+)\s+: ok=\d+\s+changed=(\d+)\s+unreachable=\d+\s+failed=(\d+)", proc.stdout, re.M)}
    stats = re.search(r"^\s*RUN: (\{.*\})\s*$", proc.stdout, re.M)
    return proc, sim.requests()["summary"]["writes"] - before, recap, json.loads(stats.group(1)) if stats else {}
