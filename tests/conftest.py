"""Fixtures shared by every test: a real boomi-simulator process and HTTP helpers around it."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from boomi_simulator import config, seed

from .contract.contract import schema_for, validate, validate_error

SIMULATOR = str(Path(sys.executable).with_name("boomi-simulator"))
# The built-in seed's fixed ids: the simulator's own definitions, not a copy.
ACCOUNT, SUB_ACCOUNT, FOREIGN_ACCOUNT = seed.PRIMARY, seed.SUB_ACCOUNT, seed.FOREIGN
USER = seed.BUILTIN_SEED["users"][0]["username"]
TOKEN = seed.BUILTIN_SEED["users"][0]["token"]
PASSWORD = seed.BUILTIN_SEED["users"][0]["password"]
COMPONENTS = dict(seed.COMPONENTS)
ENVIRONMENTS = dict(seed.ENVIRONMENTS)
# The simulator's own defaults, except a slower release clock so polls, not seconds, finish releases.
DEFAULT_CONFIG = dict(config.DEFAULTS, release_seconds=30)


class SimulatorProcess:
    """One ``boomi-simulator`` process on a free loopback port."""

    def __init__(self, *args):
        self.proc = subprocess.Popen([SIMULATOR, "--port", "0", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith("http"):
            self.proc.kill()
            raise RuntimeError("boomi-simulator did not start: %r" % self.url)
        self.ca_file = None
        if "--tls" in args:
            self.ca_file = self.proc.stdout.readline().strip().split(": ", 1)[1]

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


class Simulator:
    """Control-plane helpers (the /__simulator__ endpoints) for one test."""

    def __init__(self, url, verify=True):
        self.url = url
        self.verify = verify

    def control(self, method, name, body=None):
        answer = requests.request(method, "%s/__simulator__/%s" % (self.url, name), json=body, timeout=10,
                                  verify=self.verify)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def reset(self, **config):
        # the built-in seed, not whatever seed an earlier test on this worker loaded
        self.control("POST", "seed", seed.BUILTIN_SEED)
        self.control("POST", "config", dict(DEFAULT_CONFIG, **config))

    def configure(self, **config):
        return self.control("POST", "config", config)

    def fault(self, **spec):
        return self.control("POST", "faults", spec)["faults"][0]

    def requests(self, since=0):
        return self.control("GET", "requests?since=%d" % since)

    def writes(self, since=0):
        return self.requests(since)["summary"]["writes"]

    def state(self, account=ACCOUNT):
        return self.control("GET", "state")["accounts"][account]

    def api_base(self, account=ACCOUNT, partner=False):
        return "%s/%sapi/rest/v1/%s" % (self.url, "partner/" if partner else "", account)


class BoomiClient:
    """A plain HTTP client for tests of the simulator itself; checks every body against the contract."""

    def __init__(self, sim, username="BOOMI_TOKEN." + USER, secret=TOKEN, account=ACCOUNT, partner=False,
                 override=None):
        self.base = sim.api_base(account, partner)
        self.session = requests.Session()
        self.session.auth = (username, secret)
        self.session.headers.update({"Accept": "application/json", "Content-Type": "application/json"})
        self.params = {"overrideAccount": override} if override else {}
        self.verify = sim.verify
        self.checked = 0
        self.contract = True  # a test of a documented deviation from the schema may turn this off
        # Test set-up is not what is under test: wait out the simulator's rate limit (Boomi's 10/s) and
        # send again. Injected 503 faults lack the simulator's marker header and come back as they are.
        self.wait_out_rate_limit = True

    def call(self, method, path, body=None, raw=None, headers=None):
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        for dummy in range(100):
            answer = self.session.request(method, "%s/%s" % (self.base, path), data=data, params=self.params,
                                          headers=headers, timeout=30, verify=self.verify)
            if not (self.wait_out_rate_limit and answer.headers.get("X-Simulator-Rate-Limited")):
                break
            time.sleep(0.1)
        self._check_contract(method, path, answer)
        return answer

    def _check_contract(self, method, path, answer):
        if not self.contract or "json" not in answer.headers.get("Content-Type", "") or not answer.content:
            return
        body = answer.json()
        if answer.status_code >= 400:
            validate_error(body)
            self.checked += 1
            return
        object_name, rest = (path.split("/", 1) + [""])[:2]
        operation = _operation(method, rest)
        schema = schema_for(object_name, operation)
        if object_name == "ReleaseIntegrationPackStatus":
            schema = "ReleaseIntegrationPackStatus"
        if operation == "bulk":
            # Boomi's documented bulk example answers an unknown id with {id, statusCode 400,
            # errorMessage} and no Result, although the schema marks Result required: check the hits.
            for item in body["response"]:
                if item["statusCode"] == 200:
                    validate(object_name, item["Result"])
            self.checked += 1
            return
        # every JSON answer of a Boomi operation has a schema (test_contract checks each object has them): an
        # answer this cannot classify is a new operation to map in schema_for, not one to let through unchecked
        assert schema, "no contract schema for %s %s (operation %r)" % (method, path, operation)
        validate(schema, body)
        self.checked += 1

    def create(self, object_name, body):
        return self.call("POST", object_name, body)

    def update(self, object_name, ident, body):
        return self.call("POST", "%s/%s" % (object_name, ident), body)

    def get(self, object_name, ident):
        return self.call("GET", "%s/%s" % (object_name, ident))

    def delete(self, object_name, ident):
        return self.call("DELETE", "%s/%s" % (object_name, ident))

    def query(self, object_name, expression=None):
        body = {"QueryFilter": {"expression": expression}} if expression else {}
        return self.call("POST", object_name + "/query", body)

    def query_more(self, object_name, token, content_type="text/plain"):
        return self.call("POST", object_name + "/queryMore", raw=token, headers={"Content-Type": content_type})


def _operation(method, rest):
    if rest in ("query", "queryMore", "bulk"):
        return rest
    if not rest:
        return "create"
    return {"GET": "get", "POST": "update", "DELETE": "delete"}[method]


def deploy_component(boomi, environment, component, version="0.9.0"):
    """Set-up: deploy ``component`` to ``environment`` at ``version``, packaging it first unless a package of that
    version exists (a deploy by componentId packages the component's revision each time, and Boomi refuses the
    second such package, so a component is packaged once and deployed by package id). Returns the deploy answer."""
    found = boomi.query("PackagedComponent", {"operator": "and", "nestedExpression": [
        equals("componentId", component), equals("packageVersion", version)]}).json().get("result") or []
    if found:
        package_id = found[0]["packageId"]
    else:
        answer = boomi.create("PackagedComponent", {"componentId": component, "packageVersion": version,
                                                    "shareable": True})
        assert answer.status_code == 200, answer.text
        package_id = answer.json()["packageId"]
    return boomi.create("DeployedPackage", {"environmentId": environment, "packageId": package_id})


def equals(prop, value):
    return {"property": prop, "operator": "EQUALS", "argument": [value]}


@pytest.fixture(scope="session")
def simulator_process():
    process = SimulatorProcess()
    yield process
    process.stop()


@pytest.fixture
def sim(simulator_process):
    simulator = Simulator(simulator_process.url)
    simulator.reset()
    return simulator


@pytest.fixture
def boomi(sim):
    return BoomiClient(sim)
