"""boomi-simulator --help and docs/simulator-choices.md describe the seed file (with an example that loads) and the
control API (every endpoint); a bad seed file stops the simulator with the reason."""

import json
import re
import subprocess
from pathlib import Path

import pytest
import requests
from boomi_simulator import cli
from boomi_simulator.control import CONTROL_ENDPOINTS
from boomi_simulator.faults import KINDS
from boomi_simulator.objects import OBJECTS

from ..conftest import SIMULATOR, SimulatorProcess

DOCS = Path(__file__).resolve().parents[2] / "docs" / "simulator-choices.md"
SEED_KEYS = ["accounts", "users"] + sorted({h.seed_key for h in OBJECTS.values() if h.seed_key})


@pytest.fixture(scope="module")
def help_text():
    proc = subprocess.run([SIMULATOR, "--help"], capture_output=True, text=True, timeout=60, check=True)
    return proc.stdout


def example_in_help(text):
    return json.loads(text.split("Example:\n", 1)[1].split("\n\ncontrol API", 1)[0])


def test_help_describes_the_seed_file_with_an_example(help_text):
    assert "seed file (--seed FILE, or the body of POST /__simulator__/seed)" in help_text
    for key in SEED_KEYS:
        assert re.search(r"^  %s +\{" % key, help_text, re.M), key
    assert example_in_help(help_text) == cli.SEED_EXAMPLE
    assert sorted(cli.SEED_EXAMPLE) == sorted(SEED_KEYS)  # the example shows every list


def test_help_and_docs_describe_every_control_endpoint_and_fault_kind(help_text):
    assert sorted(cli.CONTROL_HELP) == sorted(CONTROL_ENDPOINTS)
    docs = DOCS.read_text()
    for method, name in CONTROL_ENDPOINTS:
        assert re.search(r"^  %-6s /__simulator__/%s " % (method, name), help_text, re.M), (method, name)
        assert "| `%s /__simulator__/%s` |" % (method, name) in docs, (method, name)
    for kind in KINDS:
        assert kind in help_text.split("kinds: ")[1] and "`%s`" % kind in docs, kind


def test_docs_describe_the_seed_with_the_same_example():
    docs = DOCS.read_text()
    seed_section = docs.split("## The seed file")[1].split("## The control API")[0]
    for key in SEED_KEYS:
        assert "| `%s` |" % key in seed_section, key
    example = json.loads(re.search(r"```json\n(.*?)```", seed_section, re.S).group(1))
    assert example == cli.SEED_EXAMPLE


def test_the_example_seed_serves_its_accounts(tmp_path):
    seed_file = tmp_path / "acme-seed.json"
    seed_file.write_text(json.dumps(cli.SEED_EXAMPLE))
    simulator = SimulatorProcess("--seed", str(seed_file), "--rate-limit", "0")
    try:
        session = requests.Session()
        session.auth = ("BOOMI_TOKEN.ops@acme.example", "acme-token")
        session.headers.update({"Accept": "application/json", "Content-Type": "application/json"})
        own = session.post(simulator.url + "/api/rest/v1/acme-A1/Environment/query", data="{}", timeout=10)
        assert own.status_code == 200 and [e["name"] for e in own.json()["result"]] == ["Test"]
        managed = session.post(simulator.url + "/partner/api/rest/v1/acme-A1/Environment/query",
                               params={"overrideAccount": "acme-CUST1"}, data="{}", timeout=10)
        assert managed.status_code == 200 and [e["name"] for e in managed.json()["result"]] == ["Customer Prod"]
        component = session.get(simulator.url + "/api/rest/v1/acme-A1/ComponentMetadata/"
                                "c0ffee00-0000-4000-8000-000000000001", timeout=10)
        assert component.json()["name"] == "Order Intake" and component.json()["version"] == 3
        with_password = requests.post(simulator.url + "/api/rest/v1/acme-A1/Environment/query", data="{}",
                                      auth=("ops@acme.example", "acme-password"), timeout=10,
                                      headers={"Accept": "application/json", "Content-Type": "application/json"})
        assert with_password.status_code == 200
    finally:
        simulator.stop()


@pytest.mark.parametrize("content, reason", [
    ('{"environments": [{"account": "nobody", "id": "e1", "name": "E"}]}', "Seed names unknown account 'nobody'"),
    ("not json", "Expecting value"),
])
def test_a_bad_seed_file_stops_with_the_reason(tmp_path, content, reason):
    seed_file = tmp_path / "seed.json"
    seed_file.write_text(content)
    proc = subprocess.run([SIMULATOR, "--port", "0", "--seed", str(seed_file)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 2 and reason in proc.stderr and "--seed %s" % seed_file in proc.stderr
