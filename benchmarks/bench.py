"""Benchmark Process D through the package_and_deploy role against boomi-simulator (see benchmarks/run).

For each case (E environments, C=3 components, forks 10, simulator latency), on a fresh simulator with
Boomi's limit of 10 requests/s per account:
  1. the role's first run and its re-run (ansible-playbook, timed), with the simulator's request counts;
  2. after a reset, a paced sequential script that makes the minimal calls for the same work (create three
     packages, the pack, its membership, the release, poll its status, one deployment per component and
     environment), paced at the same rate as the collection.
Ansible's own floor is the same inventory and forks running two per-host ansible.builtin.debug tasks (standing for
the role's argument validation and its per-host report, which every role keeps) with no request, timed in the same
run. A run's overhead is its wall time minus its requests at the paced rate (requests / 8) minus that floor: what the
collection costs beyond Boomi's limit and Ansible itself. Nothing here asserts a time; it prints figures.
"""

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml
from boomi_simulator.seed import BUILTIN_SEED, COMPONENTS, PRIMARY

RATE = 8.0            # the collection's default requests_per_second; the script is paced the same
LIMIT = 10            # Boomi's limit, enforced by the simulator
FORKS = 10
VERSION = "1.0.0"
USER, TOKEN = BUILTIN_SEED["users"][0]["username"], BUILTIN_SEED["users"][0]["token"]
PROCESSES = [COMPONENTS["order_intake"], COMPONENTS["order_fulfilment"], COMPONENTS["invoice_sync"]]
CASES = [(3, 0), (20, 0), (50, 0), (200, 0), (3, 100)]


def environments(count):
    """The seed's primary-account environments, then made-up ones, up to ``count``."""
    seeded = [e for e in BUILTIN_SEED["environments"] if e["account"] == PRIMARY]
    extra = [{"account": PRIMARY, "id": "be0c4a10-%04d-4d5e-9a1b-%012d" % (n, n), "name": "Bench %03d" % n,
              "classification": "TEST"} for n in range(max(0, count - len(seeded)))]
    return (seeded + extra)[:count]


class Simulator:
    def __init__(self, work, envs, latency_ms):
        seed = dict(BUILTIN_SEED, environments=[e for e in BUILTIN_SEED["environments"] if e["account"] != PRIMARY]
                    + envs)
        seed_file = work / "seed.json"
        seed_file.write_text(json.dumps(seed))
        command = [str(Path(sys.executable).with_name("boomi-simulator")), "--port", "0", "--seed", str(seed_file),
                   "--rate-limit", str(LIMIT), "--release-polls", "1", "--latency-ms", str(latency_ms)]
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()
        self.options = self._configure_window()

    def _configure_window(self):
        """A rolling one-second window is the strictest reading of '10 requests/s' (when the simulator has it)."""
        config = self.control("GET", "config")
        if "rate_window" in config:
            self.control("POST", "config", {"rate_window": "rolling"})
            return "rolling 1 s window"
        return "token bucket"

    def control(self, method, name, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request("%s/__simulator__/%s" % (self.url, name), data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.load(answer)

    def counts(self):
        entries = [e for e in self.control("GET", "requests")["requests"] if e["object"]]
        return {"requests": len(entries), "writes": sum(e["write"] for e in entries),
                "reads": sum(1 for e in entries if not e["write"] and e["status"] < 400),
                "503s": sum(1 for e in entries if e["status"] == 503)}

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def write_inventory(work, envs):
    hosts = {"env%03d" % n: {"boomi_environment_id": e["id"]} for n, e in enumerate(envs)}
    inventory = {"boomi_environments": {"hosts": hosts, "vars": {
        "ansible_connection": "local", "ansible_python_interpreter": "{{ ansible_playbook_python }}",
        "boomi_account_id": PRIMARY, "boomi_username": USER, "boomi_api_token": TOKEN,
        "boomi_integration_pack_name": "Bench Pack", "boomi_package_version": VERSION,
        "boomi_components": [{"component_id": c} for c in PROCESSES]}}}
    path = work / "inventory.yml"
    path.write_text(yaml.safe_dump(inventory))
    return path


def run_role(collection, inventory, sim):
    playbook = Path(collection) / "playbooks" / "package_and_deploy.yml"
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(Path(collection).parents[2]), ANSIBLE_NOCOLOR="1",
               ANSIBLE_HOST_KEY_CHECKING="false")
    command = [str(Path(sys.executable).with_name("ansible-playbook")), str(playbook), "-i", str(inventory),
               "-f", str(FORKS), "-e", json.dumps({"boomi_api_url": sim.url})]
    sim.control("DELETE", "requests")
    start = time.monotonic()
    proc = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    wall = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit("role run failed:\n" + proc.stdout[-4000:] + proc.stderr[-2000:])
    return dict(sim.counts(), wall=wall)


FLOOR_PLAYBOOK = """
- name: Ansible's own floor - the per-host tasks every role keeps, and nothing else
  hosts: boomi_environments
  gather_facts: false
  tasks:
    - name: Stands for the role's argument validation
      ansible.builtin.debug:
        msg: "{{ inventory_hostname }}"
    - name: Stands for the per-host report
      ansible.builtin.debug:
        msg: "{{ inventory_hostname }}"
"""


def run_floor(collection, inventory, work):
    """Ansible's own cost for this inventory and these forks: start-up and two per-host tasks, no request."""
    playbook = work / "floor.yml"
    playbook.write_text(FLOOR_PLAYBOOK)
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(Path(collection).parents[2]), ANSIBLE_NOCOLOR="1")
    command = [str(Path(sys.executable).with_name("ansible-playbook")), str(playbook), "-i", str(inventory),
               "-f", str(FORKS)]
    start = time.monotonic()
    subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return time.monotonic() - start


def run_script(sim, envs):
    sim.control("POST", "reset")
    sim.control("POST", "config", {"rate_limit": LIMIT, **({"rate_window": "rolling"} if "rolling" in sim.options else {})})
    start = time.monotonic()
    subprocess.run([sys.executable, str(Path(__file__).with_name("paced_script.py")), sim.url, str(RATE),
                    json.dumps([e["id"] for e in envs])], check=True)
    return dict(sim.counts(), wall=time.monotonic() - start)


def overhead(run, floor):
    """What a run costs beyond its requests at the paced rate and Ansible's own floor."""
    return run["wall"] - run["requests"] / RATE - floor


def row(case, first, rerun, script, floor):
    return ("| %s | %d (%d/%d) | %d | %.1f | %.1f | %.1f | %.1f | %.2f | %d | %d | %.1f | %.1f | %.1f (%d) |"
            % (case, first["requests"], first["reads"], first["writes"], first["503s"] + rerun["503s"], first["wall"],
               floor, overhead(first, floor), first["requests"] / first["wall"], first["wall"] / script["wall"],
               rerun["requests"], rerun["writes"], rerun["wall"], overhead(rerun, floor), script["wall"],
               script["requests"]))


HEADER = ("| case | requests (reads/writes) | 503s | wall s | Ansible floor s | overhead s | req/s | wall/script "
          "| re-run requests | re-run writes | re-run wall s | re-run overhead s | script wall s (requests) |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--collection", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("counts", nargs="*", type=int, help="environment counts (default: every case)")
    args = parser.parse_args()
    cases = [(e, 0) for e in args.counts] if args.counts else CASES
    print("boomi.platform benchmark: C=3 components, forks %d, requests_per_second %g, simulator limit %d/s, "
          "release completes at the first status poll, role poll_interval 5 s (default)" % (FORKS, RATE, LIMIT))
    print("machine: %s, %d cores" % (os.uname().machine, os.cpu_count()))
    print(HEADER, flush=True)
    for count, latency in cases:
        work = Path(args.work) / ("e%d-l%d" % (count, latency))
        work.mkdir(parents=True)
        envs = environments(count)
        sim = Simulator(work, envs, latency)
        try:
            inventory = write_inventory(work, envs)
            floor = run_floor(args.collection, inventory, work)
            first = run_role(args.collection, inventory, sim)
            rerun = run_role(args.collection, inventory, sim)
            script = run_script(sim, envs)
        finally:
            sim.stop()
        case = "E=%d%s" % (count, ", +%d ms" % latency if latency else "")
        print(row(case, first, rerun, script, floor), flush=True)
    print("simulator rate limit: %s" % sim.options)


if __name__ == "__main__":
    main()
