"""The whole flow at -vvvv with --diff never shows a secret: not in output, results, stats or logs."""

import base64
import copy
import json

import pytest
import yaml
from boomi_simulator.seed import BUILTIN_SEED

from ..conftest import ACCOUNT, USER
from ..integration.role import run_role
from .converge import COMPONENT_IDS, ENVIRONMENT_IDS
from .report import record

CANARY_TOKEN = "canary-token-5b9e1f07c2d84a6f"
CANARY_PASSWORD = "canary-password-3c7a90e41b2f"

PLAYBOOK = """
- name: Process D, then keep everything the run registered
  hosts: boomi_environments
  gather_facts: false
  roles:
    - boomi.platform.package_and_deploy
  post_tasks:
    - name: Save the registered results and facts
      ansible.builtin.copy:
        content: "{{ registered | to_nice_json }}"
        dest: "{{ out_dir }}/{{ inventory_hostname }}.json"
        mode: "0600"
      delegate_to: localhost
      vars:
        registered:
          plan: "{{ package_and_deploy_plan | default(None) }}"
          release: "{{ package_and_deploy_release | default(None) }}"
          batch: "{{ package_and_deploy_batch | default(None) }}"
          deployment: "{{ package_and_deploy_result }}"
          deployments: "{{ boomi_environment_deployments }}"
"""


def inventory(tmp_path, secrets):
    """The secret is an inventory variable, as a vault-encrypted one is once decrypted (never on the command line:
    Ansible prints its own command line at -vvvv, and so does ps)."""
    names = ("dev", "test", "prod", "stage", "dr")
    hosts = {name: {"boomi_environment_id": env} for name, env in zip(names, ENVIRONMENT_IDS)}
    data = {"boomi_environments": {"hosts": hosts, "vars": {
        "ansible_connection": "local", "ansible_python_interpreter": "{{ ansible_playbook_python }}",
        "boomi_account_id": ACCOUNT, "boomi_username": USER, "boomi_integration_pack_name": "Secret Pack",
        "boomi_package_version": "1.0.5", "boomi_components": [{"component_id": c} for c in COMPONENT_IDS]}}}
    data["boomi_environments"]["vars"].update(secrets)
    path = tmp_path / "hosts.yml"
    path.write_text(yaml.safe_dump(data))
    return str(path)


@pytest.mark.parametrize("option", ["api_token", "password"])
def test_no_canary_anywhere(sim, tmp_path, option):
    seed = copy.deepcopy(BUILTIN_SEED)
    seed["users"][0].update(token=CANARY_TOKEN, password=CANARY_PASSWORD)
    sim.control("POST", "seed", seed)
    secret = CANARY_TOKEN if option == "api_token" else CANARY_PASSWORD
    user = "BOOMI_TOKEN." + USER if option == "api_token" else USER
    canaries = [secret, base64.b64encode(("%s:%s" % (user, secret)).encode()).decode()]
    book = tmp_path / "secrets.yml"
    book.write_text(PLAYBOOK)
    log = tmp_path / "ansible.log"
    outputs = []
    proc, writes, recap, stats = run_role(
        sim, "-vvvv", "--diff", playbook=book, inventory=inventory(tmp_path, {"boomi_" + option: secret}),
        extra={"out_dir": str(tmp_path)}, env={"ANSIBLE_LOG_PATH": str(log)})
    outputs += [proc.stdout, proc.stderr, json.dumps(stats)]
    assert_converged_secret(sim)
    outputs.append(log.read_text())
    outputs += [(tmp_path / ("%s.json" % host)).read_text() for host in ("dev", "test", "prod", "stage", "dr")]
    # a failing run too: wrong secret, so errors and tracebacks are searched as well
    wrong = inventory(tmp_path, {"boomi_" + option: secret + "-wrong"})
    proc, writes, recap, stats = run_role(sim, "-vvvv", playbook=book, inventory=wrong, check=False,
                                          extra={"out_dir": str(tmp_path)}, env={"ANSIBLE_LOG_PATH": str(log)})
    assert proc.returncode != 0 and "rejected the credentials" in proc.stdout
    outputs += [proc.stdout, proc.stderr, log.read_text()]
    hits = sum(text.count(canary) for text in outputs for canary in canaries)
    record("secrets", option=option, texts_searched=len(outputs), characters=sum(len(t) for t in outputs), hits=hits)
    assert outputs[0] and "PLAY RECAP" in outputs[0]
    where = [text[max(0, text.find(c) - 300):text.find(c) + 100] for text in outputs for c in canaries if c in text]
    assert hits == 0, where[:3]


def assert_converged_secret(sim):
    state = sim.state()
    assert len(state["packaged_components"]) == 3 and len(state["releases"]) == 1
    assert sum(1 for d in state["deployments"] if d["active"]) == 15
