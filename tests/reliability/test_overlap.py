"""Beyond single-run faults: overlapping runs (AWX jobs from several controllers, no shared lock), a write
slower than twice the timeout, and a killed ansible-playbook whose module process lives on."""

import json
import os
import re
import signal
import subprocess
import time
from collections import Counter

import pytest

from ..integration.role import role_command
from .converge import (
    COMPONENT_IDS,
    ENVIRONMENT_IDS,
    FAST,
    INVENTORY,
    assert_converged,
    assert_rerun_is_quiet,
    duplicates,
    run,
)
from .report import record

CREATES = ("PackagedComponent", "PublisherIntegrationPack", "ReleaseIntegrationPack", "DeployedPackage")
REPEATS = 2


def start(sim, version):
    command, env = role_command(sim, inventory=INVENTORY, env=FAST, extra={"boomi_package_version": version})
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def overlap(sim, versions, latency_ms=350):
    """Start one role run per version at once, every create slowed so that they interleave."""
    sim.control("POST", "faults", [{"kind": "latency", "latency_ms": latency_ms, "object": obj, "operation": "create",
                                    "count": 1000} for obj in CREATES])
    procs = [start(sim, version) for version in versions]
    outputs = [proc.communicate(timeout=600)[0] for proc in procs]
    sim.control("DELETE", "faults")
    return [proc.returncode for proc in procs], outputs


def unique_objects_duplicated(state):
    """What must exist at most once: a package per (component, version), a pack per name, an active
    deployment per (environment, component). Redundant writes with the same effect are counted apart."""
    found = [k for k, n in Counter((p["componentId"], p["packageVersion"])
                                   for p in state["packaged_components"]).items() if n > 1]
    found += [k for k, n in Counter(p["name"] for p in state["integration_packs"]).items() if n > 1]
    found += [k for k, n in Counter((d["environmentId"], d["componentId"])
                                    for d in state["deployments"] if d["active"]).items() if n > 1]
    return found


def redundant_writes(state):
    """Releases beyond one per distinct set of versions; deployments of a package already active there."""
    releases = Counter(tuple(sorted(r["versions"].items())) for r in state["releases"] if r["releaseStatus"] == "SUCCESS")
    deployments = Counter((d["environmentId"], d["packageId"]) for d in state["deployments"])
    return sum(n - 1 for n in releases.values()) + sum(n - 1 for n in deployments.values())


def reported_changes(outputs):
    """Deployments each run reported as its own change (its set_stats boomi_deployments), summed over runs."""
    total = 0
    for output in outputs:
        stats = re.search(r"^\s*RUN: (\{.*\})\s*$", output, re.M)
        for entry in (json.loads(stats.group(1)).get("boomi_deployments") or {}).values() if stats else []:
            total += sum(1 for d in entry["deployments"] if d["changed"])
    return total


def everywhere(state):
    return {d["packageVersion"] for d in state["deployments"] if d["active"]}


@pytest.mark.parametrize("runs", [2, 3])
def test_overlapping_runs_of_one_version_converge(sim, runs):
    rows = []
    for attempt in range(REPEATS):
        sim.reset(release_polls=1, release_seconds=1)
        codes, outputs = overlap(sim, ["1.0.5"] * runs)
        state = sim.state()
        assert unique_objects_duplicated(state) == [], outputs
        # each environment's packages changed once: a run that deployed a package another run had just deployed
        # reports no change, so the runs' reported changes add up to the deployments that changed something
        distinct = len(set((d["environmentId"], d["packageId"]) for d in state["deployments"]))
        if all(code == 0 for code in codes):
            assert reported_changes(outputs) == distinct, outputs
        assert [p["name"] for p in state["integration_packs"]] == ["Order Processing Pack"]
        proc, rerun_writes, recap, stats = run(sim)  # the next morning's run finishes whatever a loser left
        assert_converged_at(sim, "1.0.5")
        rows.append((codes.count(0), redundant_writes(state), rerun_writes, assert_rerun_is_quiet(sim)))
    record("overlap", profile="%d overlapping runs, same version" % runs, repeats=REPEATS,
           runs_ok=sum(r[0] for r in rows), duplicates=0, redundant_writes=sum(r[1] for r in rows),
           next_run_writes=sum(r[2] for r in rows), rerun_writes=sum(r[3] for r in rows))


def assert_converged_at(sim, version):
    state = sim.state()
    assert unique_objects_duplicated(state) == []
    members = state["integration_packs"][0]["members"]
    assert {c: m["currentVersion"] for c, m in members.items()} == dict.fromkeys(COMPONENT_IDS, version)
    active = {(d["environmentId"], d["componentId"]): d["packageVersion"] for d in state["deployments"] if d["active"]}
    assert active == {(e, c): version for e in ENVIRONMENT_IDS for c in COMPONENT_IDS}


def test_overlapping_runs_of_two_versions_never_report_a_mix_as_success(sim):
    rows = []
    for attempt in range(REPEATS):
        sim.reset(release_polls=1, release_seconds=1)
        codes, outputs = overlap(sim, ["1.0.6", "1.0.7"])
        state = sim.state()
        assert unique_objects_duplicated(state) == [], outputs
        current = {m["currentVersion"] for m in state["integration_packs"][0]["members"].values()}
        assert len(current) == 1
        winner = current.pop()
        mixed = len(everywhere(state)) > 1
        # a run may report success only if, when it ended, every environment ran the pack's current release: the
        # winner's, or (the loser finished before the winner's release was made current) its own, every deployment
        # of it made before any of the winner's (Boomi shows no release in progress, so the loser cannot know)
        order = [d["packageVersion"] for d in state["deployments"]]
        for code, version in zip(codes, ["1.0.6", "1.0.7"]):
            if code == 0:
                assert not mixed, (codes, winner, everywhere(state))
                if version != winner:
                    assert max(i for i, v in enumerate(order) if v == version) < min(
                        [i for i, v in enumerate(order) if v == winner] or [len(order)]), (codes, winner, order)
        proc, next_writes, recap, stats = run(sim, extra={"boomi_package_version": winner})
        assert_converged_at(sim, winner)
        rows.append((codes.count(0), next_writes, assert_rerun_is_quiet_at(sim, winner)))
    record("overlap", profile="2 overlapping runs, versions 1.0.6 and 1.0.7", repeats=REPEATS,
           runs_ok=sum(r[0] for r in rows), duplicates=0, redundant_writes="-",
           next_run_writes=sum(r[1] for r in rows), rerun_writes=sum(r[2] for r in rows))


def assert_rerun_is_quiet_at(sim, version):
    proc, writes, recap, stats = run(sim, extra={"boomi_package_version": version})
    assert writes == 0 and all(r["changed"] == 0 for r in recap.values()), recap
    return writes


def test_a_write_slower_than_twice_the_timeout_is_not_made_twice(sim):
    sim.configure(release_polls=1, release_seconds=1)
    # every kind of create answers after 2.5 timeouts (the timeout is 2 s; writes settle for 3 timeouts)
    sim.control("POST", "faults", [{"kind": "latency", "latency_ms": 5000, "object": obj, "operation": "create",
                                    "count": 1} for obj in CREATES])
    proc, writes, recap, stats = run(sim, env={"BOOMI_WRITE_SETTLE_SECONDS": "6"})
    found = duplicates(sim.state())
    assert_converged(sim)
    record("overlap", profile="every kind of create slower than 2 x timeout", repeats=1, runs_ok=1,
           duplicates=len(found), redundant_writes=redundant_writes(sim.state()), next_run_writes=writes,
           rerun_writes=assert_rerun_is_quiet(sim))


def test_a_killed_playbook_leaves_an_orphan_that_does_not_release_twice(sim):
    sim.configure(release_polls=1, release_seconds=1)
    # the release is told to come back in 20 s; meanwhile ansible-playbook is killed (its module lives on)
    fault = sim.fault(kind="503_retry_after", retry_after=20, object="ReleaseIntegrationPack", operation="create")
    command, env = role_command(sim, inventory=INVENTORY, env=FAST)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not fired(sim, fault):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)  # only the main process, as a lost terminal or a killed runner does
    killed = time.monotonic()
    proc.wait(timeout=30)
    writes_before = sim.requests()["summary"]["writes"]
    proc2, rerun_writes, recap, stats = run(sim)  # at once: the orphan is still waiting out its 503
    released = [r for r in sim.requests()["requests"] if r["object"] == "ReleaseIntegrationPack" and r["write"]]
    assert len(released) == 1 and time.monotonic() - killed < 20, "the re-run did not release before the orphan woke"
    time.sleep(max(0.0, killed + 22 - time.monotonic()))  # the orphan wakes, finds the pack released, sends nothing
    state = sim.state()
    assert [r["releaseStatus"] for r in state["releases"]] == ["SUCCESS"]
    assert_converged(sim)
    record("interruption", stage="main process only, release waiting on a 503", writes_before_kill=writes_before,
           rerun_writes=rerun_writes, duplicates=len(duplicates(state)), second_rerun_writes=assert_rerun_is_quiet(sim))


def fired(sim, fault):
    return any(f["id"] == fault["id"] and f["fired"] for f in sim.control("GET", "faults")["faults"])
