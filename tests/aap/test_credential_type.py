"""extensions/aap/credential_type.yml, rendered by AWX's injection code, drives the modules and the inventory plugin."""

import json

import pytest
import yaml

from ansible_collections.boomi.platform.plugins.module_utils.arguments import ENV_VARS

from ..conftest import ACCOUNT, PASSWORD, SUB_ACCOUNT, TOKEN, USER
from ..inventory.helpers import graph, run, write_config
from ..inventory.test_environments import SEED_GRAPH
from .awx import CREDENTIAL_TYPE, inject

HIDDEN = "*" * 10  # what AWX stores instead of a secret


def inputs(sim, **extra):
    return dict({"account_id": ACCOUNT, "username": USER, "api_token": TOKEN, "api_url": sim.url}, **extra)


def test_only_variables_the_collection_reads_and_every_input_used():
    data = yaml.safe_load(CREDENTIAL_TYPE.read_text())
    assert set(data["injectors"]["env"]) <= set(ENV_VARS.values())
    injectors = json.dumps(data["injectors"])
    for field in data["inputs"]["fields"]:
        assert field["id"] in injectors, field["id"]
    secrets = sorted(f["id"] for f in data["inputs"]["fields"] if f.get("secret"))
    assert secrets == ["api_token", "password"]


def test_a_token_is_sent_as_boomi_expects_it_and_stored_hidden(sim, tmp_path):
    done = inject(inputs(sim), tmp_path)
    assert done.env == {"BOOMI_ACCOUNT_ID": ACCOUNT, "BOOMI_USERNAME": "BOOMI_TOKEN." + USER, "BOOMI_PASSWORD": TOKEN,
                        "BOOMI_API_URL": sim.url, "BOOMI_OVERRIDE_ACCOUNT": "", "BOOMI_VALIDATE_CERTS": "true",
                        "BOOMI_CA_PATH": ""}
    assert done.safe_env["BOOMI_PASSWORD"] == HIDDEN and TOKEN not in json.dumps(done.safe_env)
    assert done.args == []  # nothing as extra variables


def test_a_prefixed_user_is_not_prefixed_twice(sim, tmp_path):
    env = inject(inputs(sim, username="BOOMI_TOKEN." + USER), tmp_path).env
    assert env["BOOMI_USERNAME"] == "BOOMI_TOKEN." + USER


def test_a_password_goes_with_the_plain_user(sim, tmp_path):
    done = inject(inputs(sim, api_token="", password=PASSWORD), tmp_path)
    assert done.env["BOOMI_USERNAME"] == USER and done.env["BOOMI_PASSWORD"] == PASSWORD
    assert PASSWORD not in json.dumps(done.safe_env)


def test_certificates_are_checked_unless_turned_off(sim, tmp_path):
    assert inject(inputs(sim), tmp_path).env["BOOMI_VALIDATE_CERTS"] == "true"
    assert inject(inputs(sim, validate_certs="false"), tmp_path).env["BOOMI_VALIDATE_CERTS"] == "false"


def test_a_ca_certificate_becomes_a_file(sim, tmp_path):
    pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
    env = inject(inputs(sim, ca_certificate=pem), tmp_path).env
    # AWX names the file as the execution environment container sees it: /runner is the private data dir
    assert env["BOOMI_CA_PATH"].startswith("/runner/env/")
    assert (tmp_path / env["BOOMI_CA_PATH"][len("/runner/"):]).read_text() == pem


@pytest.mark.parametrize("secret", ["api_token", "password"])
def test_a_job_and_an_inventory_update_work_with_the_injected_environment(sim, tmp_path, secret):
    credential = inputs(sim, override_account=SUB_ACCOUNT) if secret == "api_token" else \
        inputs(sim, api_token="", password=PASSWORD)
    env = inject(credential, tmp_path).env
    proc = run("ansible", "localhost", "-m", "boomi.platform.boomi_environment_info", "-a", "classification=prod",
               "-v", env=env)
    expected = "Customer Production" if secret == "api_token" else "Disaster Recovery"
    assert expected in proc.stdout
    assert credential[secret] not in proc.stdout + proc.stderr
    if secret == "password":
        assert graph(write_config(tmp_path), env) == SEED_GRAPH
