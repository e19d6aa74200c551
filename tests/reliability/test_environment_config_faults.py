"""Per-environment configuration over 5 environments under fault profiles aimed at its writes (partial updates of
EnvironmentExtensions, ProcessSchedules and ProcessScheduleStatus updates) and its reads: it converges, a lost
answer is settled by a lookup (so the committed writes are exactly the ones needed), and a re-run changes nothing.

A partial update whose answer was lost may be sent again (after the lookup found no change): it sets absolute
values for exactly what it carries, so a second copy leaves what one would; no profile here can make it count
twice in the state."""

import pytest

from .environment_config import WRITES_PER_ENVIRONMENT, assert_configured, deployed, run
from .converge import ENVIRONMENT_IDS
from .report import record

WRITES = ("EnvironmentExtensions", "ProcessSchedules", "ProcessScheduleStatus")
READS = ("EnvironmentExtensions", "ProcessSchedules", "ProcessScheduleStatus", "EnvironmentAtomAttachment", "Atom")
NEEDED = WRITES_PER_ENVIRONMENT * len(ENVIRONMENT_IDS)


def on_writes(kind, count=2, **spec):
    return [dict(spec, kind=kind, object=obj, operation="update", count=count) for obj in WRITES]


def mix():
    faults = []
    for number, obj in enumerate(READS):
        for offset, (kind, probability) in enumerate((("503", 0.08), ("504", 0.05), ("drop_before", 0.03))):
            faults.append({"kind": kind, "object": obj, "probability": probability, "seed": 300 + 10 * number + offset})
    for number, obj in enumerate(WRITES):
        faults.append({"kind": "drop_after", "object": obj, "operation": "update", "probability": 0.2,
                       "seed": 400 + number})
    return faults


PROFILES = {
    "503 burst on the updates, Retry-After 1": on_writes("503_retry_after", retry_after=1),
    "503 burst on the updates, no Retry-After": on_writes("503", count=3),
    "503 with an HTML body on the reads": [{"kind": "503_html", "object": obj, "count": 2} for obj in READS],
    "502 on the updates": on_writes("502"),
    "504 on the updates (not processed: looked up, then sent again)": on_writes("504"),
    "connection dropped before the updates": on_writes("drop_before"),
    "lost answers after commit (drop, 500, 504)": (on_writes("drop_after") + on_writes("500_after", count=1, nth=3)
                                                   + on_writes("504_after", count=1, nth=4)),
    "latency above the timeout on the updates": [
        {"kind": "latency", "latency_ms": 2600, "object": obj, "operation": "update", "nth": 2} for obj in WRITES],
    "seeded mix on reads and writes": mix(),
}
LOOKED_UP = ("drop_after", "500_after", "504_after", "latency")


@pytest.mark.parametrize("profile", list(PROFILES))
def test_configuration_converges_under(sim, tmp_path, profile):
    deployed(sim)
    for spec in PROFILES[profile]:
        sim.fault(**spec)
    proc, writes, recap = run(sim, tmp_path, env={"BOOMI_WRITE_SETTLE_SECONDS": "4"})
    log = sim.requests()["requests"]
    assert sum(1 for entry in log if entry["fault"]) > 0, "the profile injected nothing"
    assert proc.returncode == 0 and all(r["failed"] == 0 for r in recap.values()), proc.stdout[-4000:]
    assert_configured(sim)
    output = proc.stdout + proc.stderr
    recovered = output.count("had been made, so it was not sent again")
    if all(spec["kind"] in LOOKED_UP for spec in PROFILES[profile]):
        # every update committed once: each lost answer was settled by looking, none was sent again
        assert writes == NEEDED and recovered > 0, (writes, recovered)
    sim.control("DELETE", "faults")
    again, rerun_writes, rerun_recap = run(sim, tmp_path)
    assert rerun_writes == 0 and all(r["changed"] == 0 for r in rerun_recap.values()), again.stdout[-3000:]
    record("fault_profiles", profile="configuration: " + profile, runs=2, faults=sum(1 for e in log if e["fault"]),
           retries=output.count("(retry "), recovered=recovered, duplicates=0, rerun_writes=rerun_writes,
           first_run_writes=writes)
