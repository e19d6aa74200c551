"""Run ansible-inventory (and ad-hoc ansible) on a *.boomi.yml file against the simulator."""

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from ..conftest import ACCOUNT, TOKEN, USER

# scripts/test sets ANSIBLE_COLLECTIONS_PATH to the tree holding ansible_collections/boomi/platform
COLLECTIONS_PATH = os.environ.get("ANSIBLE_COLLECTIONS_PATH") or str(Path(__file__).absolute().parents[5])
BIN = Path(sys.executable).parent


def credentials(sim, **extra):
    """The BOOMI_* environment an AWX credential would inject (pacing on: the simulator enforces 10/s)."""
    env = {"BOOMI_ACCOUNT_ID": ACCOUNT, "BOOMI_USERNAME": USER, "BOOMI_API_TOKEN": TOKEN, "BOOMI_API_URL": sim.url,
           "BOOMI_RETRY_DELAY": "0.05"}
    env.update(extra)
    return env


def write_config(tmp_path, name="boomi.boomi.yml", **options):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(dict({"plugin": "boomi.platform.environments"}, **options), sort_keys=False))
    return path


def run(tool, *args, env=None, check=True):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("BOOMI_")}
    environment.update(ANSIBLE_COLLECTIONS_PATH=str(COLLECTIONS_PATH), ANSIBLE_NOCOLOR="1",
                       ANSIBLE_INVENTORY_UNPARSED_WARNING="false", ANSIBLE_LOCALHOST_WARNING="false")
    environment.update(env or {})
    proc = subprocess.run([str(BIN / tool), *args], env=environment, capture_output=True, text=True, timeout=300,
                          check=False)
    if check:
        assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return proc


def plain(value):
    """ansible-inventory marks untrusted (Boomi's) strings as {"__ansible_unsafe": ...} on ansible-core >= 2.19."""
    if isinstance(value, dict):
        if set(value) == {"__ansible_unsafe"}:
            return value["__ansible_unsafe"]
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


class Inventory:
    """ansible-inventory --list, read back: hosts per group (children followed) and host variables."""

    def __init__(self, data, proc=None):
        self.data = plain(data)
        self.hostvars = self.data["_meta"]["hostvars"]
        self.proc = proc

    def hosts(self, group):
        entry = self.data.get(group, {})
        found = set(entry.get("hosts", []))
        for child in entry.get("children", []):
            found |= self.hosts(child)
        return found


def inventory_list(path, env, *args):
    proc = run("ansible-inventory", "-i", str(path), "--list", *args, env=env)
    return Inventory(json.loads(proc.stdout), proc)


def graph(path, env, *args):
    return run("ansible-inventory", "-i", str(path), "--graph", *args, env=env).stdout
