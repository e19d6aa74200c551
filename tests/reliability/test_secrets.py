"""The whole flow at -vvvv with --diff never shows a secret: not in output, results, stats or logs."""

import base64
import copy
import json
import re

import pytest
import yaml
from boomi_simulator.seed import BUILTIN_SEED, CONNECTIONS

from ..conftest import ACCOUNT, TOKEN as TOKEN_OF_SEED, USER
from ..integration.playbook import run_playbook
from ..integration.role import run_role
from .converge import COMPONENT_IDS, ENVIRONMENT_IDS
from .report import record

CANARY_TOKEN = "canary-token-5b9e1f07c2d84a6f"
CANARY_PASSWORD = "canary-password-3c7a90e41b2f"
ROLE_DB_CANARY = "canary-role-db-password-6e2a1c"

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
    # the role applies prod's own values after its deployment: an encrypted connection password, the canary too
    hosts["prod"]["boomi_environment_extensions"] = {"connections": {"Orders DB": {
        "url": "jdbc:postgresql://orders-db.prod.example.com:5432/orders", "password": ROLE_DB_CANARY}}}
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
    canaries = [secret, base64.b64encode(("%s:%s" % (user, secret)).encode()).decode(), ROLE_DB_CANARY]
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
    prod = [d for d in state["environment_extensions"] if d["environmentId"] == ENVIRONMENT_IDS[2]]
    assert [d["connections"][CONNECTIONS["orders_db"]]["password"] for d in prod] == [ROLE_DB_CANARY]  # it was set


# -- per-environment configuration (issue 25): extension secrets ------------------------------------------------
DB_CANARY = "canary-db-password-8d1f2e07"
KEY_CANARY = "canary-api-key-4b7c9a31"
FAILING = """
- name: Bad input and a failing write, each with the canary secrets in the task
  hosts: dev
  gather_facts: false
  module_defaults:
    group/boomi.platform.boomi: {api_url: "%(url)s", account_id: "%(account)s", username: "%(user)s",
                                 api_token: "%(token)s"}
  tasks:
    - name: An unknown field beside a secret
      boomi.platform.boomi_environment_extensions:
        environment_id: "{{ boomi_environment_id }}"
        connections: {Orders DB: {password: "{{ db_password }}", hostname: x}}
      ignore_errors: true
    - name: A secret given for a field Boomi does not encrypt
      boomi.platform.boomi_environment_extensions:
        environment_id: "{{ boomi_environment_id }}"
        connections: {Orders DB: {user: {value: "{{ db_password }}", secret: true}}}
      ignore_errors: true
    - name: A component rewrite without its secret (API Key is set)
      boomi.platform.boomi_environment_extensions:
        environment_id: "{{ boomi_environment_id }}"
        process_properties: {Order Settings: {Region: us-east}}
      ignore_errors: true
    - name: Boomi refuses the write, echoing the secret back (a fault)
      boomi.platform.boomi_environment_extensions:
        environment_id: "{{ boomi_environment_id }}"
        connections: {Orders DB: {password: "{{ db_password }}"}}
        update_secrets: always
        max_retries: 0
      ignore_errors: true
"""
SAVE = {"name": "Keep what the run registered", "delegate_to": "localhost", "check_mode": False, "ansible.builtin.copy": {
    "content": "{{ {'extensions': extensions_result, 'schedule': schedule_result} | to_nice_json }}",
    "dest": "{{ out_dir }}/{{ inventory_hostname }}-config.json", "mode": "0600"}}


def test_no_extension_secret_anywhere(sim, tmp_path):
    from .environment_config import assert_configured, deployed, playbook, run
    deployed(sim)
    secrets = {"db_password": DB_CANARY, "api_key": KEY_CANARY, "out_dir": str(tmp_path)}
    book = tmp_path / "configure.yml"
    plays = playbook(sim)
    plays[0]["tasks"].append(SAVE)
    book.write_text(yaml.safe_dump(plays, sort_keys=False))
    log = tmp_path / "ansible.log"
    env = {"ANSIBLE_LOG_PATH": str(log)}
    outputs = []
    for args in (("-vvvv", "--diff", "--check"), ("-vvvv", "--diff"), ("-vvvv", "--diff", "--check")):
        proc, writes, recap = run(sim, tmp_path, *args, secrets=secrets, env=env, book=book)
        assert proc.returncode == 0 and all(r["failed"] == 0 for r in recap.values()), proc.stdout[-3000:]
        outputs += [proc.stdout, proc.stderr]
        outputs += [(tmp_path / ("%s-config.json" % host)).read_text() for host in ("dev", "test", "prod", "stage", "dr")]
    assert_configured(sim, {"db_password": DB_CANARY, "api_key": KEY_CANARY})
    check_run = outputs[0]  # the --check --diff run shows the plan: values in clear, the secrets masked
    assert '"url": "jdbc:postgresql://dev/orders"' in check_run and '"password": "********"' in check_run
    assert "Orders DB / password: (not set) -> ********" in outputs[2]  # dev's registered result (check run)
    failing = tmp_path / "failing.yml"
    failing.write_text(FAILING % {"url": sim.url, "account": ACCOUNT, "user": USER, "token": TOKEN_OF_SEED})
    sim.fault(kind="500", object="EnvironmentExtensions", operation="update",
              message="Invalid value %s for field password" % DB_CANARY)
    proc, writes, recap = run(sim, tmp_path, "-vvvv", "--diff", secrets=secrets, env=env, book=failing, check=False)
    assert writes == 0 and proc.stdout.count("...ignoring") == 4, proc.stdout[-4000:]
    outputs += [proc.stdout, proc.stderr, log.read_text()]
    canaries = (DB_CANARY, KEY_CANARY)
    hits = sum(text.count(canary) for text in outputs for canary in canaries)
    record("secrets", option="extension values", texts_searched=len(outputs), characters=sum(len(t) for t in outputs),
           hits=hits)
    where = [text[max(0, text.find(c) - 300):text.find(c) + 100] for text in outputs for c in canaries if c in text]
    assert hits == 0, where[:3]


def test_no_extension_secret_when_the_options_fail_before_the_module_runs(sim, tmp_path):
    book = tmp_path / "early.yml"
    book.write_text(yaml.safe_dump([{"hosts": "localhost", "gather_facts": False, "tasks": [
        {"boomi.platform.boomi_environment_extensions": {
            "api_url": sim.url, "account_id": ACCOUNT, "username": USER, "environment_id": "x",
            "update_secrets": "sometimes", "connections": {"Orders DB": {"password": DB_CANARY}}},
         "ignore_errors": True}]}]))
    from ..integration.playbook import run_playbook
    proc = run_playbook(book, args=("-vvvv",), check=False)
    assert "...ignoring" in proc.stdout
    assert DB_CANARY not in proc.stdout + proc.stderr


# -- issue 22: a password in api_url, in every spelling, at -vvvv -----------------------------------------------------
URL_PASSWORD = "hunter2-url-9d3b6a1e"
BAD_URLS = ["https://ops:{p}@api.boomi.com", "https:/ops:{p}@api.boomi.com", "https:\\\\ops:{p}@api.boomi.com",
            "http://127.0.0.1:1#ops:{p}", "http://127.0.0.1:1/?token={p}", "HTTPS://ops:{p}@api.boomi.com/"]


def url_play(sim):
    """Each bad api_url as a task argument, once through BOOMI_API_URL (the env fallback), and twice with a second
    mistake that Ansible's own argument checks catch before the module could look at the URL."""
    tasks = [{"name": "bad api_url %d" % n, "boomi.platform.boomi_environment_info": {"api_url": url.format(p=URL_PASSWORD)}}
             for n, url in enumerate(BAD_URLS)]
    # BOOMI_API_URL is set for the whole ansible-playbook process, as an AWX credential does (a task's
    # `environment:` keyword would be printed by Ansible itself at -vvv, whatever the module does)
    tasks.append({"name": "bad api_url from BOOMI_API_URL", "boomi.platform.boomi_environment_info": {}})
    tasks.append({"name": "bad api_url and an unknown option", "boomi.platform.boomi_environment_info": {
        "api_url": BAD_URLS[0].format(p=URL_PASSWORD), "nmae": "typo"}})
    tasks.append({"name": "bad api_url and a timeout that is not a number", "boomi.platform.boomi_environment_info": {
        "api_url": BAD_URLS[1].format(p=URL_PASSWORD), "timeout": "soon"}})
    for task in tasks:
        task["ignore_errors"] = True
        task["register"] = "result"
    defaults = {"account_id": ACCOUNT, "username": USER, "api_token": "not-the-point", "max_retries": 0}
    return [{"name": "api_url with a password", "hosts": "localhost", "connection": "local", "gather_facts": False,
             "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"},
             "module_defaults": {"group/boomi.platform.boomi": defaults}, "tasks": tasks}]


def test_a_password_in_api_url_appears_nowhere_at_vvvv(sim, tmp_path):
    """Refused in every spelling (also before the module runs its own checks), and the password is in no output,
    no invocation (module_args), no log: the red team saw it at -vvv in invocation.module_args.api_url."""
    book = tmp_path / "url.yml"
    book.write_text(yaml.safe_dump(url_play(sim), sort_keys=False))
    log = tmp_path / "ansible.log"
    before = sim.requests()["summary"]["total"]
    env = {"ANSIBLE_LOG_PATH": str(log), "BOOMI_API_URL": BAD_URLS[1].format(p=URL_PASSWORD)}
    proc = run_playbook(book, args=("-vvvv",), check=False, env=env)
    outputs = [proc.stdout, proc.stderr, log.read_text()]
    tasks = len(url_play(sim)[0]["tasks"])
    assert re.search(r"localhost\s+: ok=\d+\s+changed=0\s+unreachable=0\s+failed=0\s+skipped=0\s+rescued=0\s+"
                     r"ignored=%d" % tasks, proc.stdout), proc.stdout[-3000:]
    assert proc.stdout.count("api_url") >= tasks and "must not contain" in proc.stdout
    assert sim.requests()["summary"]["total"] == before  # not one request
    hits = sum(text.count(URL_PASSWORD) for text in outputs)
    record("secrets", option="api_url userinfo", texts_searched=len(outputs), characters=sum(map(len, outputs)),
           hits=hits)
    where = [text[max(0, text.find(URL_PASSWORD) - 300):text.find(URL_PASSWORD) + 100] for text in outputs
             if URL_PASSWORD in text]
    assert hits == 0, where[:2]


def test_the_inventory_plugin_refuses_a_password_in_api_url_without_showing_it(sim, tmp_path):
    from ..inventory.helpers import credentials, run, write_config
    for url in BAD_URLS[:3]:
        env = dict(credentials(sim, BOOMI_API_URL=url.format(p=URL_PASSWORD)), ANSIBLE_INVENTORY_UNPARSED_FAILED="true")
        before = sim.requests()["summary"]["total"]
        proc = run("ansible-inventory", "-i", str(write_config(tmp_path)), "--list", "-vvvv", env=env, check=False)
        output = proc.stdout + proc.stderr
        assert proc.returncode != 0 and "must not contain credentials" in output and "api_url" in output
        assert URL_PASSWORD not in output
        assert sim.requests()["summary"]["total"] == before
