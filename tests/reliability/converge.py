"""What every reliability case checks after a run: the simulator's state is exactly the goal."""

from collections import Counter
from pathlib import Path

from ..conftest import COMPONENTS, ENVIRONMENTS
from ..integration.role import run_role

INVENTORY = str(Path(__file__).resolve().parent / "inventory" / "hosts.yml")
COMPONENT_IDS = [COMPONENTS[c] for c in ("order_intake", "order_fulfilment", "invoice_sync")]
ENVIRONMENT_IDS = list(ENVIRONMENTS.values())
VERSION = "1.0.5"
# fast backoff and a short per-request timeout, so retries cost tenths of seconds, not minutes; a write
# whose answer is lost is looked for during 3 timeouts (the default), 6 s
FAST = {"BOOMI_RETRY_DELAY": "0.05", "BOOMI_TIMEOUT": "2", "BOOMI_WRITE_SETTLE_SECONDS": "6"}


def run(sim, *args, check=True, env=None, extra=None, inventory=INVENTORY):
    result = run_role(sim, *args, check=check, env=dict(FAST, **(env or {})), extra=extra, inventory=inventory)
    output = result[0].stdout + result[0].stderr
    assert "Traceback (most recent call last)" not in output, output[-4000:]  # a message, never a crash
    return result


def duplicates(state):
    """Everything that exists more than once where the goal allows exactly one."""
    found = []
    packages = Counter((p["componentId"], p["packageVersion"]) for p in state["packaged_components"])
    found += ["package %s %s x%d" % (k[0], k[1], n) for k, n in packages.items() if n > 1]
    packs = Counter(p["name"] for p in state["integration_packs"])
    found += ["pack %s x%d" % (k, n) for k, n in packs.items() if n > 1]
    releases = [r for r in state["releases"] if not r.get("replacedBy")]
    if len(releases) > 1:
        found.append("%d releases for one change" % len(releases))
    deployments = Counter((d["environmentId"], d["componentId"]) for d in state["deployments"])
    found += ["deployment %s %s x%d" % (k[0], k[1], n) for k, n in deployments.items() if n > 1]
    return found


def assert_converged(sim):
    """One package per (component, version), one pack, one release, one active deployment each."""
    state = sim.state()
    found = duplicates(state)
    assert found == [], found
    assert sorted((p["componentId"], p["packageVersion"]) for p in state["packaged_components"]) == \
        sorted((c, VERSION) for c in COMPONENT_IDS)
    assert [p["name"] for p in state["integration_packs"]] == ["Order Processing Pack"]
    members = state["integration_packs"][0]["members"]
    assert {c: m["currentVersion"] for c, m in members.items()} == {c: VERSION for c in COMPONENT_IDS}
    assert [r["releaseStatus"] for r in state["releases"]] == ["SUCCESS"]
    package_of = {p["componentId"]: p["packageId"] for p in state["packaged_components"]}
    active = {(d["environmentId"], d["componentId"]): d["packageId"] for d in state["deployments"] if d["active"]}
    assert active == {(e, c): package_of[c] for e in ENVIRONMENT_IDS for c in COMPONENT_IDS}


def assert_rerun_is_quiet(sim):
    """A re-run with no faults reports changed=0 everywhere and makes no write."""
    sim.control("DELETE", "faults")
    proc, writes, recap, stats = run(sim)
    assert writes == 0, proc.stdout[-3000:]
    assert recap and all(r["changed"] == 0 and r["failed"] == 0 for r in recap.values()), recap
    return writes
