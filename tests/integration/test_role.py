"""The package_and_deploy role over the demo inventory, as users run it."""

import json
import re

import pytest

from ..conftest import COMPONENTS, ENVIRONMENTS
from .role import run_role
from .test_pipeline_story import everywhere, inventory, release

FULFIL = COMPONENTS["order_fulfilment"]


def bumped_components():
    items = [{"component_id": c} for c in (COMPONENTS["order_intake"], COMPONENTS["invoice_sync"])]
    return items[:1] + [{"component_id": FULFIL, "package_version": "1.0.6"}] + items[1:]


def active(sim):
    return {(d["environmentId"], d["componentId"]): d["packageVersion"]
            for d in sim.state()["deployments"] if d["active"]}


def skipped(proc):
    return sum(int(n) for n in re.findall(r"skipped=(\d+)", proc.stdout))


def test_first_run_quiet_rerun_check_modes_and_a_version_bump(sim):
    proc, writes, recap, stats = run_role(sim)
    assert writes == 3 + 2 + 1 + 9 + 1  # and prod's own Orders DB values (inventories/demo/host_vars/prod)
    first_skipped = skipped(proc)
    assert "[WARNING]" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    assert recap["dev"]["changed"] > 0 and recap["test"]["changed"] == 1 and recap["prod"]["changed"] == 1
    assert set(stats) == {"boomi_packages", "boomi_integration_pack", "boomi_release", "boomi_deployments",
                          "boomi_expected_versions"}
    assert sorted(stats["boomi_deployments"]) == sorted(ENVIRONMENTS[e] for e in ("dev", "test", "prod"))
    prod = stats["boomi_deployments"][ENVIRONMENTS["prod"]]
    assert (prod["environment_name"], prod["inventory_hostname"], prod["state"]) == ("Production", "prod", "deployed")
    assert len(prod["deployments"]) == 3
    assert stats["boomi_expected_versions"] == {c: "1.0.5" for c in (
        COMPONENTS["order_intake"], FULFIL, COMPONENTS["invoice_sync"])}
    assert stats["boomi_release"]["status"] == "SUCCESS"

    proc, writes, recap, stats = run_role(sim)
    assert writes == 0 and all(r["changed"] == 0 for r in recap.values())
    assert "[WARNING]" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    assert first_skipped + skipped(proc) <= 3

    # check mode on the converged system: no write, no change
    proc, writes, recap, stats = run_role(sim, "--check", "--diff")
    assert writes == 0 and all(r["changed"] == 0 for r in recap.values())

    # check mode with a version bump: no write, and the package, release and deploy steps show as changes
    proc, writes, recap, stats = run_role(sim, "--check", "--diff", extra={"boomi_components": bumped_components()})
    assert writes == 0 and all(r["failed"] == 0 for r in recap.values())
    for step in ("package_and_deploy : Package, pack and release", "package_and_deploy : Report this host's"):
        block = proc.stdout.split("TASK [boomi.platform." + step, 1)[1].split("TASK [", 1)[0]
        assert "changed:" in block, (step, block)
    # the plan reads by component name and version, and check mode does not warn about its own release
    assert "  package Order Fulfilment 1.0.6 (new)" in proc.stdout
    assert "  release Order Fulfilment: 1.0.5 \u2192 1.0.6" in proc.stdout
    assert "prod (Production):\n  Order Fulfilment: 1.0.5 \u2192 1.0.6\n" in proc.stdout
    assert "[WARNING]" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    assert set(active(sim).values()) == {"1.0.5"}

    # the bump for real: one package, one release, one deployment per environment
    proc, writes, recap, stats = run_role(sim, extra={"boomi_components": bumped_components()})
    assert writes == 1 + 1 + 3
    for (environment, component), version in active(sim).items():
        assert version == ("1.0.6" if component == FULFIL else "1.0.5")
    changed = {e: [d for d in entry["deployments"] if d["changed"]] for e, entry in stats["boomi_deployments"].items()}
    assert all(len(c) == 1 and c[0]["component_id"] == FULFIL for c in changed.values())


def test_limit_deploys_only_there_and_releases_once(sim):
    proc, writes, recap, stats = run_role(sim, "--limit", "test")
    assert set(recap) == {"test"}
    assert {e for e, c in active(sim)} == {ENVIRONMENTS["test"]}
    assert len(sim.state()["releases"]) == 1


def test_a_failed_environment_leaves_the_others_and_a_rerun_finishes(sim):
    sim.fault(kind="500", object="DeployedPackage", operation="create", match=ENVIRONMENTS["prod"], count=100)
    proc, writes, recap, stats = run_role(sim, check=False)
    assert proc.returncode != 0
    assert recap["prod"]["failed"] == 1 and recap["dev"]["failed"] == 0 and recap["test"]["failed"] == 0
    deployed = active(sim)
    assert {e for e, c in deployed} == {ENVIRONMENTS["dev"], ENVIRONMENTS["test"]}
    sim.control("DELETE", "faults")
    proc, writes, recap, stats = run_role(sim)
    assert writes == 3 + 1 and recap["prod"]["changed"] == 1 and recap["dev"]["changed"] == 0  # + prod's values
    assert len(active(sim)) == 9


@pytest.fixture
def serial_playbook(tmp_path):
    book = tmp_path / "serial.yml"
    book.write_text("- hosts: boomi_environments\n  gather_facts: false\n  serial: 1\n"
                    "  roles:\n    - boomi.platform.package_and_deploy\n")
    return book


def test_serial_batches_release_once_and_later_batches_only_read(sim, serial_playbook):
    proc, writes, recap, stats = run_role(sim, playbook=serial_playbook)
    assert writes == 16 and len(sim.state()["releases"]) == 1
    # dev: the release step and its own environment; each later batch only reads the release
    assert recap["dev"]["changed"] == 2 and recap["test"]["changed"] == 1 and recap["prod"]["changed"] == 1


def test_a_read_failing_after_the_deployments_keeps_what_each_environment_did(sim, tmp_path):
    """The check after the writes (another job's release meanwhile?) fails: every environment still reports the
    deployments it made, and the message says they stand."""
    inv = inventory(tmp_path)
    run_role(sim, extra=release("1.0.0"), inventory=inv)
    log = sim.requests()["requests"]
    first_write = next(e["seq"] for e in log if e["object"] == "DeployedPackage" and e["operation"] == "create")
    reads_before = sum(1 for e in log if e["seq"] < first_write and e["object"] == "PublisherIntegrationPack"
                       and e["operation"] == "get")
    sim.reset()
    sim.fault(kind="400", object="PublisherIntegrationPack", operation="get", nth=reads_before + 1, count=1,
              message="simulated refusal of the read after the writes")
    proc, writes, recap, stats = run_role(sim, check=False, extra=release("1.0.0"), inventory=inv)
    assert proc.returncode != 0 and writes == 3 + 2 + 1 + 9, proc.stdout[-4000:]
    assert "the deployments listed were made, but the check after them failed" in proc.stdout, proc.stdout[-4000:]
    assert all(recap[h]["failed"] == 1 for h in ("dev", "test", "prod")), recap
    # Ansible's recap counts no change for a failed task: the results carry it, with each deployment made
    fatal = dict(re.findall(r"^fatal: \[(\w+)\]: FAILED! => (\{.*\})$", proc.stdout, re.M))
    for host in ("dev", "test", "prod"):
        result = json.loads(fatal[host])
        assert result["changed"] and [d["package_version"] for d in result["deployments"]] == ["1.0.0"] * 3
    assert everywhere(sim) == {"dev": {"1.0.0"}, "test": {"1.0.0"}, "prod": {"1.0.0"}}
