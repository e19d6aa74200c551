"""Per-environment configuration over the five environments of the reliability inventory: a playbook that sets
each environment's extensions and Order Intake's schedule, and what the simulator must hold afterwards."""

import json
import re

import yaml
from boomi_simulator.seed import CONNECTIONS, CROSS_REFERENCES, PROCESS_PROPERTIES, PROCESS_PROPERTY_KEYS

from ..conftest import ACCOUNT, COMPONENTS, TOKEN, USER, BoomiClient
from ..integration.playbook import run_playbook
from .converge import ENVIRONMENT_IDS, FAST, INVENTORY

INTAKE, FULFIL = COMPONENTS["order_intake"], COMPONENTS["order_fulfilment"]
SCHEDULE = {"minutes": "0-59/15", "hours": "8-18", "days_of_week": "2,3,4,5,6"}
WRITES_PER_ENVIRONMENT = 3  # the extensions, the schedule, its status


def playbook(sim):
    defaults = {"api_url": sim.url, "account_id": ACCOUNT, "username": USER, "api_token": TOKEN}
    return [{"name": "Configure each environment", "hosts": "boomi_environments", "gather_facts": False,
             "module_defaults": {"group/boomi.platform.boomi": defaults}, "tasks": [
                 {"name": "Extensions", "register": "extensions_result", "boomi.platform.boomi_environment_extensions": {
                     "environment_id": "{{ boomi_environment_id }}",
                     "connections": {"Orders DB": {"url": "jdbc:postgresql://{{ inventory_hostname }}/orders",
                                                   "password": "{{ db_password }}"}},
                     "process_properties": {"Order Settings": {"Batch Size": 100, "API Key": "{{ api_key }}"}},
                     "properties": {"orderMode": "stream"},
                     "cross_references": {"Country Codes": [["DE", "Germany"], ["NL", "Netherlands"]]}}},
                 {"name": "Schedule", "register": "schedule_result", "boomi.platform.boomi_process_schedule": {
                     "environment_id": "{{ boomi_environment_id }}", "process_id": INTAKE, "schedules": [SCHEDULE],
                     "retry": {"max_retry": 2}, "enabled": False}}]}]


def deployed(sim):
    """Order Intake and Order Fulfilment deployed to the five environments (set-up, through the simulator's API)."""
    client = BoomiClient(sim)
    packages = {}
    for component in (INTAKE, FULFIL):  # packaged once, then deployed by package id (a componentId deploy packages
        answer = client.create("PackagedComponent", {"componentId": component, "packageVersion": "1.0.0"})
        assert answer.status_code == 200, answer.text  # its revision each time, and Boomi refuses the second)
        packages[component] = answer.json()["packageId"]
    for environment in ENVIRONMENT_IDS:
        for component in (INTAKE, FULFIL):
            answer = client.create("DeployedPackage", {"environmentId": environment, "packageId": packages[component]})
            assert answer.status_code == 200, answer.text


def run(sim, tmp_path, *args, secrets=None, env=None, check=True, book=None):
    """Run the playbook (or ``book``) over the reliability inventory; (proc, writes, recap {host: {changed, failed}})."""
    if book is None:
        book = tmp_path / "configure.yml"
        book.write_text(yaml.safe_dump(playbook(sim), sort_keys=False))
    before = sim.requests()["summary"]["writes"]
    extra = dict({"db_password": "db-password-1", "api_key": "api-key-1"}, **(secrets or {}))
    proc = run_playbook(book, extra_vars=None, args=("-i", INVENTORY, "-e", "@" + _vars(tmp_path, extra)) + args,
                        env=dict(FAST, **(env or {})), check=check)
    output = proc.stdout + proc.stderr
    assert "Traceback (most recent call last)" not in output, output[-4000:]
    recap = {host: {"changed": int(changed), "failed": int(failed)} for host, changed, failed in
             re.findall(r"^(\w+)\s+: ok=\d+\s+changed=(\d+)\s+unreachable=\d+\s+failed=(\d+)", proc.stdout, re.M)}
    return proc, sim.requests()["summary"]["writes"] - before, recap


def _vars(tmp_path, values):
    """Secrets go in a vars file, as a decrypted vault file would, never on the command line (which -vvvv prints)."""
    path = tmp_path / "secrets.json"
    path.write_text(json.dumps(values))
    return str(path)


def assert_configured(sim, secrets=None):
    """Every environment holds the playbook's values, and Order Intake's schedule, stopped, on its runtime."""
    values = dict({"db_password": "db-password-1", "api_key": "api-key-1"}, **(secrets or {}))
    state = sim.state()
    stored = dict((d["id"], d) for d in state["environment_extensions"])
    hosts = yaml.safe_load(open(INVENTORY, encoding="utf-8"))["boomi_environments"]["hosts"]
    for host, host_vars in hosts.items():
        record = stored[host_vars["boomi_environment_id"]]
        assert record["connections"][CONNECTIONS["orders_db"]] == {
            "url": "jdbc:postgresql://%s/orders" % host, "password": values["db_password"]}, host
        assert record["processProperties"][PROCESS_PROPERTIES["order_settings"]] == {
            PROCESS_PROPERTY_KEYS["batch_size"]: "100", PROCESS_PROPERTY_KEYS["api_key"]: values["api_key"]}, host
        assert record["properties"] == {"orderMode": "stream"}, host
        assert record["crossReferences"][CROSS_REFERENCES["country_codes"]] == [["DE", "Germany"], ["NL", "Netherlands"]]
    schedules = [s for s in state["process_schedules"] if s["processId"] == INTAKE]
    assert len(schedules) == len(ENVIRONMENT_IDS)
    expected = {"minutes": "0-59/15", "hours": "8-18", "daysOfWeek": "2,3,4,5,6", "daysOfMonth": "*", "months": "*",
                "years": "*"}
    assert all(s["Schedule"] == [expected] and s["Retry"]["maxRetry"] == 2 for s in schedules), schedules
    statuses = [s for s in state["process_schedule_status"] if s["processId"] == INTAKE]
    assert len(statuses) == len(ENVIRONMENT_IDS) and not any(s["enabled"] for s in statuses)
