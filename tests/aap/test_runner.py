"""The role as AWX runs a job: the credential injected by AWX's code, ansible-runner, the inventory plugin as the
inventory source, survey-like extra variables. Nothing here knows a secret except the injected environment."""

import json
import os
from pathlib import Path

import ansible_runner
import yaml

from ..conftest import ACCOUNT, ENVIRONMENTS, TOKEN, USER
from ..inventory.helpers import COLLECTIONS_PATH
from .awx import inject

COMPONENTS = ["3f1c2a10-0001-4c6e-9d7a-00000000c001", "3f1c2a10-0002-4c6e-9d7a-00000000c002"]
TEST_ENVIRONMENTS = {ENVIRONMENTS[name] for name in ("dev", "test", "stage")}
# AWX jobs get what the job template's survey asks for as extra variables
SURVEY_ANSWERS = {"boomi_target_hosts": "boomi_classification_test", "boomi_package_version": "2.0.1",
                  "boomi_package_notes": "Released from AWX"}


def project(private_data_dir):
    """An AWX project as docs/aap.md lays it out: playbooks that import the collection's, and the inventory
    source file with the role's inputs beside it (AWX imports group_vars next to an inventory file)."""
    (private_data_dir / "project").mkdir(parents=True)
    for name in ("package_and_deploy", "promote"):
        (private_data_dir / "project" / (name + ".yml")).write_text(
            "---\n- name: The collection's %s playbook\n  ansible.builtin.import_playbook: boomi.platform.%s\n"
            % (name, name))
    inventory = private_data_dir / "inventory"
    (inventory / "group_vars").mkdir(parents=True)
    (inventory / "boomi.boomi.yml").write_text("---\nplugin: boomi.platform.environments\n")
    (inventory / "group_vars" / "boomi_environments.yml").write_text(yaml.safe_dump({
        "boomi_integration_pack_name": "Orders from AWX", "boomi_release_poll_interval": 0.05,
        "boomi_components": [{"component_id": c} for c in COMPONENTS]}))
    return str(inventory / "boomi.boomi.yml")


def all_files(directory):
    return {p: p.read_text(errors="replace") for p in Path(directory).rglob("*") if p.is_file()}


def job(private_data_dir, sim, playbook, extravars, ident):
    """One job: AWX injects the credential, then ansible-runner runs the playbook with the plugin as inventory."""
    inventory = str(private_data_dir / "inventory" / "boomi.boomi.yml")
    injected = inject({"account_id": ACCOUNT, "username": USER, "api_token": TOKEN, "api_url": sim.url},
                      private_data_dir)
    env = dict(injected.env)
    env.update(ANSIBLE_COLLECTIONS_PATH=str(COLLECTIONS_PATH),
               BOOMI_RETRY_DELAY="0.05", BOOMI_WRITE_SETTLE_SECONDS="0.3", PATH=os.environ["PATH"])
    result = ansible_runner.run(private_data_dir=str(private_data_dir), playbook=playbook, inventory=inventory,
                                envvars=env, extravars=extravars, ident=ident, cmdline=" ".join(injected.args) or None,
                                quiet=True)
    stdout = (private_data_dir / "artifacts" / ident / "stdout").read_text()
    assert (result.status, result.rc) == ("successful", 0), stdout[-5000:]
    return result


def artifact_data(result):
    stats = [e for e in result.events if e["event"] == "playbook_on_stats"]
    assert len(stats) == 1
    return stats[0]["event_data"]["artifact_data"]


def test_a_job_as_awx_runs_it(sim, tmp_path):
    private_data_dir = tmp_path / "job"
    project(private_data_dir)
    result = job(private_data_dir, sim, "package_and_deploy.yml", SURVEY_ANSWERS, "job-1")

    # the plugin's TEST group, nothing else: the job template's boomi_target_hosts
    assert set(result.stats["ok"]) - {"localhost"} == {"development", "test", "staging"}  # localhost: target check
    assert not result.stats["failures"]

    artifacts = artifact_data(result)
    assert set(artifacts) >= {"boomi_packages", "boomi_integration_pack", "boomi_release", "boomi_deployments",
                              "boomi_expected_versions"}
    # what the workflow's promote node gets, and must find again in the pack's release
    assert artifacts["boomi_expected_versions"] == {c: "2.0.1" for c in COMPONENTS}
    assert set(artifacts["boomi_deployments"]) == TEST_ENVIRONMENTS
    assert {d["state"] for d in artifacts["boomi_deployments"].values()} == {"deployed"}
    assert {p["notes"] for p in artifacts["boomi_packages"]} == {"Released from AWX"}

    # No secret in what AWX shows and stores: the output and every job event.
    artifact_dir = private_data_dir / "artifacts" / "job-1"
    events = all_files(artifact_dir / "job_events")
    assert len(events) > 10
    for text in [(artifact_dir / "stdout").read_text()] + list(events.values()):
        assert TOKEN not in text
    # ansible-runner itself writes the whole environment, the injected secret included, to artifacts/<id>/command
    # (AWX keeps its private data directory private and deletes it after the job; see docs/aap.md).
    command = json.loads((artifact_dir / "command").read_text())
    assert command["env"]["BOOMI_PASSWORD"] == TOKEN


def test_the_workflow_promotes_what_was_tested(sim, tmp_path):
    """deploy-test then promote-prod, as the workflow of aap_configure.yml runs them: AWX hands the first job's
    set_stats artifacts to the next node as extra variables, beside the node's own boomi_target_hosts."""
    private_data_dir = tmp_path / "workflow"
    project(private_data_dir)
    first = job(private_data_dir, sim, "package_and_deploy.yml", SURVEY_ANSWERS, "deploy-test")
    artifacts = artifact_data(first)
    writes = sim.writes()
    promote = job(private_data_dir, sim, "promote.yml",
                  dict(artifacts, boomi_target_hosts="boomi_classification_prod"), "promote-prod")
    assert set(promote.stats["ok"]) - {"localhost"} == {"production", "disaster_recovery"}
    promoted = artifact_data(promote)["boomi_deployments"]
    assert set(promoted) == {ENVIRONMENTS["prod"], ENVIRONMENTS["dr"]}
    assert {d["state"] for d in promoted.values()} == {"deployed"}
    assert sim.writes() - writes == 2 * len(COMPONENTS)  # one deployment per component and PROD environment
