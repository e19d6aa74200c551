"""playbooks/aap_configure.yml: syntax and lint against awx.awx (test-only, from the `ansible` package on PyPI; set
BOOMI_AWX_COLLECTIONS, as scripts/test does), its own input checks, and the shape of what it configures."""

import json
import os

import pytest
import yaml

from ..inventory.helpers import COLLECTIONS_PATH, run
from .awx import CREDENTIAL_TYPE, ROOT

PLAYBOOK = ROOT / "playbooks" / "aap_configure.yml"
INPUTS = {"boomi_aap_project_scm_url": "https://git.example.com/ops/boomi-jobs.git", "boomi_account_id": "acct",
          "boomi_username": "ops@example.com", "boomi_api_token": "not-a-real-token"}


@pytest.fixture(scope="module")
def awx_path():
    path = os.environ.get("BOOMI_AWX_COLLECTIONS")
    if not path or not os.path.isdir(os.path.join(path, "ansible_collections", "awx", "awx")):
        pytest.fail("BOOMI_AWX_COLLECTIONS must name a directory holding ansible_collections/awx/awx "
                    "(bash scripts/test aap sets it up)")
    return "%s:%s" % (COLLECTIONS_PATH, path)


def play_vars():
    return yaml.safe_load(PLAYBOOK.read_text())[0]


def test_syntax_check_needs_and_passes_with_awx(awx_path):
    run("ansible-playbook", "--syntax-check", str(PLAYBOOK), env={"ANSIBLE_COLLECTIONS_PATH": awx_path})
    without = run("ansible-playbook", "--syntax-check", str(PLAYBOOK), check=False)
    assert without.returncode != 0 and "awx.awx" in without.stdout + without.stderr


def test_ansible_lint_production_profile(awx_path):
    proc = run("ansible-lint", str(PLAYBOOK), env={"ANSIBLE_COLLECTIONS_PATH": awx_path})
    assert "Profile 'production' was required, and it passed" in proc.stdout + proc.stderr


def test_inputs_and_the_shipped_credential_type_are_checked_first(awx_path):
    env = {"ANSIBLE_COLLECTIONS_PATH": awx_path}
    proc = run("ansible-playbook", str(PLAYBOOK), "--tags", "boomi_aap_preflight", "-e", json.dumps(INPUTS), env=env)
    assert "Boomi Platform API: 8 inputs" in proc.stdout
    missing = dict(INPUTS)
    del missing["boomi_aap_project_scm_url"]
    proc = run("ansible-playbook", str(PLAYBOOK), "--tags", "boomi_aap_preflight", "-e", json.dumps(missing),
               env=env, check=False)
    assert proc.returncode != 0 and "boomi_aap_project_scm_url" in proc.stdout


def test_every_job_template_sets_its_target_hosts_and_asks_for_them():
    templates = play_vars()["vars"]["boomi_aap_job_templates"]
    assert [t["key"] for t in templates] == ["package_and_deploy", "promote", "rollback", "report"]
    assert sorted(play_vars()["vars"]["boomi_aap_playbooks"]) == sorted(t["key"] for t in templates)
    for template in templates:  # the project's playbook of that name imports the collection's (docs/aap.md)
        assert (ROOT / "playbooks" / (template["key"] + ".yml")).is_file(), template["key"]
    expected = {"package_and_deploy": "boomi_classification_test", "promote": "boomi_classification_prod",
                "rollback": "boomi_classification_test", "report": "boomi_environments"}
    for template in templates:
        assert template["target_hosts"] == expected[template["key"]]
        question = [q for q in template["survey"] if q["variable"] == "boomi_target_hosts"]
        assert len(question) == 1 and question[0]["required"] is True
        assert question[0].get("default") == (None if template["key"] == "rollback" else template["target_hosts"])
    task = next(t for t in play_vars()["tasks"] if "awx.awx.job_template" in t)
    assert "'boomi_target_hosts': item.target_hosts" in task["awx.awx.job_template"]["extra_vars"]


def test_workflow_deploys_test_then_waits_for_approval_then_promotes_prod():
    task = next(t for t in play_vars()["tasks"] if "awx.awx.workflow_job_template" in t)
    nodes = {n["identifier"]: n for n in task["awx.awx.workflow_job_template"]["workflow_nodes"]}
    assert list(nodes) == ["deploy-test", "approve-prod", "promote-prod"]
    assert nodes["deploy-test"]["extra_data"] == {"boomi_target_hosts": "boomi_classification_test"}
    assert nodes["deploy-test"]["related"]["success_nodes"] == [{"identifier": "approve-prod"}]
    assert nodes["approve-prod"]["unified_job_template"]["type"] == "workflow_approval"
    assert nodes["approve-prod"]["related"]["success_nodes"] == [{"identifier": "promote-prod"}]
    assert nodes["promote-prod"]["extra_data"] == {"boomi_target_hosts": "boomi_classification_prod"}
    assert "[1].name" in nodes["promote-prod"]["unified_job_template"]["name"]  # the promote job template
    # The promote template must accept the artifacts (boomi_expected_versions) as variables.
    promote = play_vars()["vars"]["boomi_aap_job_templates"][1]
    assert promote["key"] == "promote" and promote["ask_variables"] is True


def test_the_credential_task_never_logs():
    task = next(t for t in play_vars()["tasks"] if "awx.awx.credential" in t)
    assert task["no_log"] is True


def test_the_credential_type_reaches_awx_with_its_templates_untouched(tmp_path):
    """The injectors are Jinja for AWX, not for Ansible: the playbook must hand them over as written. A copy of
    the play whose credential_type task writes its arguments to a file instead shows what the module would get."""
    book = yaml.safe_load(PLAYBOOK.read_text())
    task = next(t for t in book[0]["tasks"] if "awx.awx.credential_type" in t)
    out = tmp_path / "credential_type.json"
    book[0]["tasks"] = [{"name": "what awx.awx.credential_type gets",
                         "ansible.builtin.copy": {"content": task.pop("awx.awx.credential_type"), "dest": str(out)}}]
    book[0]["vars"]["boomi_aap_credential_type_file"] = str(CREDENTIAL_TYPE)
    probe = tmp_path / "probe.yml"
    probe.write_text(yaml.safe_dump(book, sort_keys=False))
    run("ansible-playbook", str(probe))
    sent = json.loads(out.read_text())
    shipped = yaml.safe_load(CREDENTIAL_TYPE.read_text())
    assert {key: sent[key] for key in ("name", "kind", "inputs", "injectors")} == \
        {key: shipped[key] for key in ("name", "kind", "inputs", "injectors")}
    assert sent["injectors"]["env"]["BOOMI_ACCOUNT_ID"] == "{{ account_id }}"
