"""playbooks/aap_configure.yml: it checks first for awx.awx or ansible.controller (and says which to install), syntax
and lint against awx.awx (test-only, from the `ansible` package on PyPI; set BOOMI_AWX_COLLECTIONS, as scripts/test
does) and against an ansible.controller made from it, its own input checks, and the shape of what it configures:
the surveys cannot send a new version to PROD past the workflow's approval."""

import json
import os
import shutil

import pytest
import yaml

from ..inventory.helpers import COLLECTIONS_PATH, run
from .awx import CREDENTIAL_TYPE, ROOT

PLAYBOOK = ROOT / "playbooks" / "aap_configure.yml"
TASKS = {"awx.awx": ROOT / "playbooks" / "tasks" / "aap_configure_awx.yml",
         "ansible.controller": ROOT / "playbooks" / "tasks" / "aap_configure_controller.yml"}
INPUTS = {"boomi_aap_project_scm_url": "https://git.example.com/ops/boomi-jobs.git", "boomi_account_id": "acct",
          "boomi_username": "ops@example.com", "boomi_api_token": "not-a-real-token"}
NOWHERE = {"CONTROLLER_HOST": "http://127.0.0.1:9", "CONTROLLER_USERNAME": "admin", "CONTROLLER_PASSWORD": "x"}


@pytest.fixture(scope="module")
def awx_collections():
    path = os.environ.get("BOOMI_AWX_COLLECTIONS")
    if not path or not os.path.isdir(os.path.join(path, "ansible_collections", "awx", "awx")):
        pytest.fail("BOOMI_AWX_COLLECTIONS must name a directory holding ansible_collections/awx/awx "
                    "(bash scripts/test aap sets it up)")
    return path


@pytest.fixture(scope="module")
def awx_path(awx_collections):
    return "%s:%s" % (COLLECTIONS_PATH, awx_collections)


@pytest.fixture(scope="module")
def controller_path(awx_collections, tmp_path_factory):
    """Only ansible.controller: made from awx.awx as Red Hat builds it (the same code under another name)."""
    root = tmp_path_factory.mktemp("controller")
    target = root / "ansible_collections" / "ansible" / "controller"
    shutil.copytree(os.path.join(awx_collections, "ansible_collections", "awx", "awx"), target)
    for path in target.rglob("*"):
        if path.is_file() and path.suffix in (".py", ".yml", ".yaml", ".json"):
            text = path.read_text(errors="surrogateescape")
            renamed = text.replace("ansible_collections.awx.awx", "ansible_collections.ansible.controller") \
                .replace("awx.awx", "ansible.controller")
            if path.name == "MANIFEST.json":
                manifest = json.loads(renamed)
                manifest["collection_info"].update(namespace="ansible", name="controller")
                renamed = json.dumps(manifest)
            path.write_text(renamed, errors="surrogateescape")
    return "%s:%s" % (COLLECTIONS_PATH, root)


def play_vars():
    return yaml.safe_load(PLAYBOOK.read_text())[0]


def tasks(collection="awx.awx"):
    return yaml.safe_load(TASKS[collection].read_text())


def task_of(module, collection="awx.awx"):
    return next(t for t in tasks(collection) if "%s.%s" % (collection, module) in t)


def preflight(env=None, extra=None, check=False):
    return run("ansible-playbook", str(PLAYBOOK), "--tags", "boomi_aap_preflight", "-e", json.dumps(dict(INPUTS, **(extra or {}))),
               env=env, check=check)


# -- which collection ------------------------------------------------------------------------------------
def test_without_awx_or_controller_the_first_task_says_what_to_install():
    proc = preflight()
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "couldn't resolve module" not in out
    assert "TASK [Check that awx.awx or ansible.controller is installed]" in out and "failed=1" in out
    assert "neither is installed for this run" in out
    assert "ansible-galaxy collection install awx.awx" in out and "ansible-galaxy collection install ansible.controller" in out
    assert "Check the inputs" not in out  # nothing after it ran


def test_with_awx_it_checks_the_inputs_and_the_shipped_credential_type(awx_path):
    env = {"ANSIBLE_COLLECTIONS_PATH": awx_path}
    proc = preflight(env=env, check=True)
    assert "Configuring with awx.awx (installed: awx.awx)" in proc.stdout
    assert "Boomi Platform API: 8 inputs" in proc.stdout
    missing = dict(INPUTS)
    del missing["boomi_aap_project_scm_url"]
    proc = run("ansible-playbook", str(PLAYBOOK), "--tags", "boomi_aap_preflight", "-e", json.dumps(missing),
               env=env, check=False)
    assert proc.returncode != 0 and "boomi_aap_project_scm_url" in proc.stdout
    proc = preflight(env=env, extra={"boomi_aap_collection": "ansible.controller"})
    assert proc.returncode != 0 and "boomi_aap_collection is ansible.controller, which is not installed" in proc.stdout


def test_with_only_ansible_controller_it_uses_the_controller_tasks(controller_path):
    env = dict(NOWHERE, ANSIBLE_COLLECTIONS_PATH=controller_path)
    assert "Configuring with ansible.controller (installed: ansible.controller)" in preflight(env=env, check=True).stdout
    # the whole play: the controller's tasks are included and their modules resolve (they fail to reach the host)
    proc = run("ansible-playbook", str(PLAYBOOK), "-e", json.dumps(INPUTS), env=env, check=False)
    assert "included: %s for localhost" % TASKS["ansible.controller"] in proc.stdout
    assert "TASK [Credential type Boomi Platform API]" in proc.stdout
    assert "Module failed" in proc.stdout and "Connection refused" in proc.stdout, proc.stdout[-2500:]
    assert "couldn't resolve module" not in proc.stdout + proc.stderr


def test_the_two_task_files_differ_only_in_the_collection():
    awx, controller = TASKS["awx.awx"].read_text(), TASKS["ansible.controller"].read_text()
    assert awx.replace("awx.awx.", "ansible.controller.") == controller
    modules = [name for task in tasks() for name in task if name.startswith("awx.awx.")]
    assert len(modules) == 8 and all("ansible.controller." + m[len("awx.awx."):] in controller for m in modules)


def test_syntax_check_and_lint_production_profile(awx_path, controller_path):
    run("ansible-playbook", "--syntax-check", str(PLAYBOOK), env={"ANSIBLE_COLLECTIONS_PATH": awx_path})
    proc = run("ansible-lint", str(PLAYBOOK), str(TASKS["awx.awx"]), env={"ANSIBLE_COLLECTIONS_PATH": awx_path})
    assert "Profile 'production' was required, and it passed" in proc.stdout + proc.stderr
    proc = run("ansible-lint", str(TASKS["ansible.controller"]), env={"ANSIBLE_COLLECTIONS_PATH": controller_path})
    assert "Profile 'production' was required, and it passed" in proc.stdout + proc.stderr


# -- what it configures ----------------------------------------------------------------------------------
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
    assert "'boomi_target_hosts': item.target_hosts" in task_of("job_template")["awx.awx.job_template"]["extra_vars"]


def rendered_job_templates(tmp_path, extra=None):
    """boomi_aap_job_templates as the play renders them: a copy of the play that writes them to a file."""
    book = yaml.safe_load(PLAYBOOK.read_text())
    out = tmp_path / "job_templates.json"
    book[0]["tasks"] = [{"name": "what the job templates get", "ansible.builtin.copy": {
        "content": "{{ boomi_aap_job_templates | to_json }}", "dest": str(out), "mode": "0600"}}]
    probe = tmp_path / "probe.yml"
    probe.write_text(yaml.safe_dump(book, sort_keys=False))
    run("ansible-playbook", str(probe), "-e", json.dumps(dict(INPUTS, **(extra or {}))))
    return dict((t["key"], t) for t in json.loads(out.read_text()))


def target_question(template):
    return next(q for q in template["survey"] if q["variable"] == "boomi_target_hosts")


def test_the_package_and_deploy_survey_offers_only_test_unless_opted_in(tmp_path):
    templates = rendered_job_templates(tmp_path)
    question = target_question(templates["package_and_deploy"])
    assert question["choices"] == ["boomi_classification_test"] and question["default"] == "boomi_classification_test"
    assert templates["package_and_deploy"]["ask_variables"] is False  # no launch variable can name PROD either
    # promote and rollback still reach PROD (they ship nothing new), the report reads everywhere
    assert target_question(templates["promote"])["choices"] == ["boomi_classification_test", "boomi_classification_prod"]
    assert "boomi_classification_prod" in target_question(templates["rollback"])["choices"]
    opted = rendered_job_templates(tmp_path, {"boomi_aap_package_and_deploy_groups": [
        "boomi_classification_test", "boomi_classification_prod"]})
    assert target_question(opted["package_and_deploy"])["choices"] == [
        "boomi_classification_test", "boomi_classification_prod"]


def test_workflow_deploys_test_then_waits_for_approval_then_promotes_prod():
    workflow = task_of("workflow_job_template")["awx.awx.workflow_job_template"]
    nodes = {n["identifier"]: n for n in workflow["workflow_nodes"]}
    assert list(nodes) == ["deploy-test", "approve-prod", "promote-prod"]
    assert nodes["deploy-test"]["extra_data"] == {"boomi_target_hosts": "boomi_classification_test"}
    assert nodes["deploy-test"]["related"]["success_nodes"] == [{"identifier": "approve-prod"}]
    assert nodes["approve-prod"]["unified_job_template"]["type"] == "workflow_approval"
    assert nodes["approve-prod"]["related"]["success_nodes"] == [{"identifier": "promote-prod"}]
    assert nodes["promote-prod"]["extra_data"] == {"boomi_target_hosts": "boomi_classification_prod"}
    assert "[1].name" in nodes["promote-prod"]["unified_job_template"]["name"]  # the promote job template
    # Nothing at launch can send the deploy node elsewhere: no launch variables, no survey question for the hosts.
    assert not workflow.get("ask_variables_on_launch")
    assert [q["variable"] for q in workflow["survey_spec"]["spec"]] == ["boomi_package_version"]
    # The promote template must accept the artifacts (boomi_expected_versions) as variables.
    promote = play_vars()["vars"]["boomi_aap_job_templates"][1]
    assert promote["key"] == "promote" and promote["ask_variables"] is True


def test_the_credential_task_never_logs():
    for collection in TASKS:
        assert task_of("credential", collection)["no_log"] is True


def test_the_credential_type_reaches_awx_with_its_templates_untouched(tmp_path):
    """The injectors are Jinja for AWX, not for Ansible: the playbook must hand them over as written. A copy of
    the play whose only task writes the credential_type task's arguments to a file shows what the module would get."""
    book = yaml.safe_load(PLAYBOOK.read_text())
    arguments = task_of("credential_type")["awx.awx.credential_type"]
    out = tmp_path / "credential_type.json"
    book[0]["tasks"] = [{"name": "what awx.awx.credential_type gets",
                         "ansible.builtin.copy": {"content": arguments, "dest": str(out), "mode": "0600"}}]
    book[0]["vars"]["boomi_aap_credential_type_file"] = str(CREDENTIAL_TYPE)
    probe = tmp_path / "probe.yml"
    probe.write_text(yaml.safe_dump(book, sort_keys=False))
    run("ansible-playbook", str(probe))
    sent = json.loads(out.read_text())
    shipped = yaml.safe_load(CREDENTIAL_TYPE.read_text())
    assert {key: sent[key] for key in ("name", "kind", "inputs", "injectors")} == \
        {key: shipped[key] for key in ("name", "kind", "inputs", "injectors")}
    assert sent["injectors"]["env"]["BOOMI_ACCOUNT_ID"] == "{{ account_id }}"
