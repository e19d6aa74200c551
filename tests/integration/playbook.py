"""Run module tasks through ansible-playbook against the simulator, counting its requests per step.

Each step is one module task (registered, errors kept) followed by a read of the simulator's
request counters, so a test can assert "this step made 0 writes" without timing anything.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from ..conftest import ACCOUNT, TOKEN, USER

# scripts/test sets ANSIBLE_COLLECTIONS_PATH to the tree holding ansible_collections/boomi/platform
COLLECTIONS_PATH = os.environ.get("ANSIBLE_COLLECTIONS_PATH") or str(Path(__file__).absolute().parents[5])
ANSIBLE_PLAYBOOK = str(Path(sys.executable).with_name("ansible-playbook"))


class Step:
    def __init__(self, module, args, check=False, name=None):
        self.module = "boomi.platform." + module
        self.args = args
        self.check = check
        self.name = name or "%s%s" % (module, " (check)" if check else "")


def connection(sim, **extra):
    # a short settle time: the simulator commits at once, so a lookup that misses the change means it never happened
    return dict({"api_url": sim.url, "account_id": ACCOUNT, "username": USER, "api_token": TOKEN,
                 "retry_delay": 0.05, "write_settle_seconds": 0.3}, **extra)


def build_playbook(sim, steps, defaults):
    tasks = []
    for index, step in enumerate(steps):
        tasks.append({"name": "step %d: %s" % (index, step.name), step.module: step.args, "check_mode": step.check,
                      "diff": True, "register": "step_%d" % index, "ignore_errors": True})
        # a lookup runs in the controller process: much cheaper than a module per count
        counter = "{{ (lookup('ansible.builtin.url', '%s/__simulator__/requests', split_lines=False) | from_json).summary }}"
        tasks.append({"name": "count %d" % index, "ansible.builtin.set_fact": {"count_%d" % index: counter % sim.url}})
    collected = "{{ {%s} | to_json }}" % ", ".join(
        "'step_%d': step_%d, 'count_%d': count_%d" % (i, i, i, i) for i in range(len(steps)))
    tasks.append({"name": "save results", "ansible.builtin.copy": {"content": collected, "dest": "{{ out }}"}})
    return [{"name": "steps", "hosts": "localhost", "connection": "local", "gather_facts": False,
             "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"},
             "module_defaults": {"group/boomi.platform.boomi": defaults}, "tasks": tasks}]


def run_playbook(path, extra_vars=None, args=(), env=None, check=True):
    environment = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(COLLECTIONS_PATH), ANSIBLE_NOCOLOR="1",
                       ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_INVENTORY_UNPARSED_WARNING="false",
                       **(env or {}))
    command = [ANSIBLE_PLAYBOOK, str(path), *args]
    if extra_vars:
        command += ["-e", json.dumps(extra_vars)]
    proc = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=600, check=False)
    if check and proc.returncode != 0:
        # the failure is rarely at the end of a verbose run's output: show the lines that say what failed
        failures = [line for line in proc.stdout.splitlines() if line.startswith(("fatal:", "failed:", "[ERROR]"))]
        raise AssertionError("\n".join(failures[:10]) + "\n" + proc.stdout[-3000:] + proc.stderr[-3000:])
    return proc


class Outcome:
    """One step's registered result and the simulator's request deltas for it."""

    def __init__(self, result, writes, reads, requests=None):
        self.result = result
        self.writes = writes
        self.reads = reads
        self.requests = requests  # every request Boomi saw during the step, whatever its answer

    @property
    def changed(self):
        return bool(self.result.get("changed"))

    @property
    def failed(self):
        return bool(self.result.get("failed"))

    @property
    def msg(self):
        return self.result.get("msg", "")

    def __getitem__(self, key):
        return self.result[key]

    def __repr__(self):
        return "Outcome(changed=%s, failed=%s, writes=%s, msg=%r)" % (self.changed, self.failed, self.writes, self.msg)


def play(sim, tmp_path, steps, extra_vars=None, defaults=None, **connection_extra):
    """Run the steps in one ansible-playbook; return an Outcome per step."""
    start = sim.requests()["summary"]
    book = tmp_path / "steps.yml"
    out = tmp_path / "steps.json"
    group_defaults = connection(sim, **connection_extra) if defaults is None else defaults
    book.write_text(yaml.safe_dump(build_playbook(sim, steps, group_defaults), sort_keys=False))
    run_playbook(book, dict(extra_vars or {}, out=str(out)))
    data = json.loads(out.read_text())
    outcomes, previous = [], start
    for index in range(len(steps)):
        counts = data["count_%d" % index]
        outcomes.append(Outcome(data["step_%d" % index], counts["writes"] - previous["writes"],
                                counts["reads"] - previous["reads"], counts["total"] - previous["total"]))
        previous = counts
    return outcomes
