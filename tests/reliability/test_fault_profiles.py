"""The whole role over 5 environments under each fault profile: it converges, duplicates nothing,
and a re-run changes nothing."""

import shutil
from pathlib import Path

import pytest
import yaml

from ..integration.drift_world import seed_environments
from .converge import INVENTORY, assert_converged, assert_rerun_is_quiet, duplicates, run
from .report import record

WRITABLE = ("PackagedComponent", "PublisherIntegrationPack", "DeployedPackage", "Environment")


def each(kind, objects=WRITABLE, **spec):
    return [dict(spec, kind=kind, object=obj) for obj in objects]


def lost(object_name, operation, count=1, nth=1):
    return [{"kind": "drop_after", "object": object_name, "operation": operation, "count": count, "nth": nth}]


def mix():
    """About one request in five fails, seeded so every run sees the same faults."""
    faults = []
    kinds = (("503", 0.06), ("503_retry_after", 0.03), ("504", 0.04), ("502", 0.03), ("drop_before", 0.02),
             ("drop_after", 0.02))
    for number, obj in enumerate(WRITABLE):
        for offset, (kind, probability) in enumerate(kinds):
            spec = {"kind": kind, "object": obj, "probability": probability, "seed": 100 + 10 * number + offset}
            if kind == "503_retry_after":
                spec["retry_after"] = 1
            faults.append(spec)
    # A release whose outcome is unknown is sent again only after the pack was looked at for the settle time
    # (6 s here) without showing it, and the pack is read again right before: a release lost before
    # processing (504) is re-sent at once, one lost after it converges by lookup.
    for kind, probability in (("503", 0.1), ("503_html", 0.05), ("504", 0.05)):
        faults.append({"kind": kind, "object": "ReleaseIntegrationPack", "probability": probability, "seed": 7 + len(kind)})
        faults.append({"kind": kind, "object": "ReleaseIntegrationPackStatus", "probability": probability,
                       "seed": 17 + len(kind)})
    faults.append({"kind": "drop_after", "object": "ReleaseIntegrationPack", "operation": "create",
                   "probability": 0.5, "seed": 9})
    return faults


PROFILES = {
    "503 burst, Retry-After 1": each("503_retry_after", count=2, retry_after=1),
    "503 burst, no Retry-After": each("503", count=3),
    "503 with an HTML body": each("503_html", count=2),
    "504": each("504", count=2),
    "502": each("502", count=2),
    "connection dropped before processing": each("drop_before", count=2),
    # Boomi commits the change, then the answer is lost: on every kind of create in one run.
    "lost answer after commit (package, pack, pack update, release, deploy)": (
        lost("PackagedComponent", "create", count=2) + lost("PublisherIntegrationPack", "create")
        + lost("PublisherIntegrationPack", "update") + lost("ReleaseIntegrationPack", "create")
        + lost("DeployedPackage", "create", count=5, nth=2)),
    "latency above the timeout": [
        {"kind": "latency", "latency_ms": 2600, "object": "PackagedComponent", "operation": "create", "nth": 2},
        {"kind": "latency", "latency_ms": 2600, "object": "PublisherIntegrationPack", "operation": "query"},
        {"kind": "latency", "latency_ms": 2600, "object": "DeployedPackage", "operation": "create", "nth": 4},
        {"kind": "latency", "latency_ms": 2600, "object": "DeployedPackage", "operation": "query", "nth": 2}],
    "seeded 20% mix": mix(),
}


@pytest.mark.parametrize("profile", list(PROFILES))
def test_profile_converges(sim, profile):
    sim.configure(release_polls=2, release_seconds=5)
    for spec in PROFILES[profile]:
        sim.fault(**spec)
    proc, writes, recap, stats = run(sim)
    log = sim.requests()["requests"]
    output = proc.stdout + proc.stderr
    retries = output.count("(retry ")
    recovered = output.count("had been made, so it was not sent again")
    faults_hit = sum(1 for entry in log if entry["fault"])
    assert faults_hit > 0, "the profile injected nothing"
    found = duplicates(sim.state())
    assert_converged(sim)
    rerun_writes = assert_rerun_is_quiet(sim)
    record("fault_profiles", profile=profile, runs=2, faults=faults_hit, retries=retries, recovered=recovered,
           duplicates=len(found), rerun_writes=rerun_writes, first_run_writes=writes)


def test_rate_limit_with_forks_5(sim):
    sim.configure(rate_limit=10, release_polls=2)
    # the collection's default pacing (8 requests/s, shared by every fork) against Boomi's 10/s limit
    proc, writes, recap, stats = run(sim, "--forks", "5", env={"BOOMI_REQUESTS_PER_SECOND": "8"})
    rate_limited = sum(1 for entry in sim.requests()["requests"] if entry["rate_limited"])
    assert_converged(sim)
    rerun_writes = assert_rerun_is_quiet(sim)
    record("fault_profiles", profile="rate limit 10/s, forks 5", runs=2, faults=rate_limited,
           retries=(proc.stdout + proc.stderr).count("; retry "), recovered=0, duplicates=0, rerun_writes=rerun_writes,
           first_run_writes=writes)


def test_forks_10_over_20_environments_never_meet_the_rolling_window(sim, tmp_path):
    # issue 10: the pacer keeps every rolling second at 8 of Boomi's 10, across all forks' processes
    sim.configure(rate_limit=10, rate_window="rolling", release_polls=2)
    environments = seed_environments(sim, 20)
    shutil.copytree(Path(INVENTORY).parent / "group_vars", tmp_path / "group_vars")  # the pack and components
    inventory = tmp_path / "twenty.yml"
    inventory.write_text(yaml.safe_dump({"boomi_environments": {"hosts": {
        "env%02d" % i: {"boomi_environment_id": e} for i, e in enumerate(environments)}, "vars": {
        "ansible_connection": "local", "ansible_python_interpreter": "{{ ansible_playbook_python }}"}}}))
    proc, writes, recap, stats = run(sim, "--forks", "10", inventory=str(inventory))
    hosts = {h: r for h, r in recap.items() if h.startswith("env")}
    assert proc.returncode == 0 and len(hosts) == 20 and all(r["failed"] == 0 for r in hosts.values())
    log = sim.requests()["requests"]
    rate_limited = sum(1 for entry in log if entry["rate_limited"])
    assert rate_limited == 0, "%d of %d requests drew Boomi's 503" % (rate_limited, len(log))
    record("fault_profiles", profile="rolling 10/s, forks 10, 20 environments", runs=1, faults=rate_limited,
           retries=(proc.stdout + proc.stderr).count("; retry "), recovered=0, duplicates=len(duplicates(sim.state())),
           rerun_writes=0, first_run_writes=writes)
