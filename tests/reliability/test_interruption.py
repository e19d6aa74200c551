"""Kill ansible-playbook at each stage of Process D; a re-run converges with no duplicates."""

import os
import signal
import subprocess
import time

import pytest

from ..integration.role import role_command
from .converge import FAST, INVENTORY, assert_converged, assert_rerun_is_quiet, duplicates, run
from .report import record


def seen(log, obj, operation=None, writes=False):
    return [e for e in log if e["object"] == obj and (operation is None or e["operation"] == operation)
            and (not writes or e["write"])]


STAGES = {
    "after packaging": lambda log: seen(log, "PublisherIntegrationPack"),
    "after the pack": lambda log: seen(log, "PublisherIntegrationPack", "update", writes=True),
    "during release polling": lambda log: len(seen(log, "ReleaseIntegrationPackStatus")) >= 2,
    "mid-deploy": lambda log: len(seen(log, "DeployedPackage", "create", writes=True)) >= 3,
}


def descendants(root):
    """Every process below ``root`` (Ansible starts modules in sessions of their own)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry, encoding="utf-8") as handle:
                    ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kill_tree(proc):
    """What a cancelled AWX job or a lost terminal does: everything dies at once."""
    for pid in [proc.pid] + descendants(proc.pid):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait(timeout=30)


def run_until(sim, condition, deadline=120):
    """Start the role, SIGKILL its whole process group as soon as the simulator's log meets the condition."""
    command, env = role_command(sim, inventory=INVENTORY, env=FAST)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    try:
        while proc.poll() is None and time.monotonic() - started < deadline:
            if condition(sim.requests()["requests"]):
                kill_tree(proc)
                return True
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            kill_tree(proc)
    return False


@pytest.mark.parametrize("stage", list(STAGES))
def test_rerun_after_a_kill_converges(sim, stage):
    # A release completes at Boomi whether or not anybody polls; here within 1.5 s of being sent.
    sim.configure(release_polls=1000, release_seconds=1.5)
    assert run_until(sim, STAGES[stage]), "the run finished before reaching the stage"
    writes_before = sim.requests()["summary"]["writes"]
    time.sleep(1.6)  # an interrupted release finishes at Boomi before the re-run looks
    proc, writes, recap, stats = run(sim)
    found = duplicates(sim.state())
    assert_converged(sim)
    rerun_writes = assert_rerun_is_quiet(sim)
    record("interruption", stage=stage, writes_before_kill=writes_before, rerun_writes=writes,
           duplicates=len(found), second_rerun_writes=rerun_writes)
