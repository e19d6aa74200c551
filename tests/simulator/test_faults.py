"""Fault injection, the rate limit, latency, TLS mode and the command line."""

import socket
import subprocess
import time

import pytest
import requests

from ..conftest import SIMULATOR, BoomiClient, Simulator, SimulatorProcess
from .helpers import package


@pytest.mark.parametrize("kind, status", [("503", 503), ("500", 500), ("502", 502), ("504", 504), ("429", 429)])
def test_status_faults(sim, boomi, kind, status):
    sim.fault(kind=kind, object="Environment")
    answer = boomi.query("Environment")
    assert answer.status_code == status and answer.json()["@type"] == "Error"
    assert boomi.query("Environment").status_code == 200  # count defaults to 1


def test_503_with_and_without_retry_after(sim, boomi):
    sim.fault(kind="503")
    assert "Retry-After" not in boomi.query("Environment").headers
    sim.fault(kind="503_retry_after", retry_after=2)
    assert boomi.query("Environment").headers["Retry-After"] == "2"
    sim.fault(kind="503_retry_after", retry_after="date+3")
    assert boomi.query("Environment").headers["Retry-After"].endswith("GMT")


def test_503_html_body(sim, boomi):
    sim.fault(kind="503_html")
    answer = boomi.query("Environment")
    assert answer.status_code == 503 and answer.headers["Content-Type"].startswith("text/html")
    assert "<h1>503 Service Temporarily Unavailable</h1>" in answer.text


def test_drop_before_processing_changes_nothing(sim, boomi):
    sim.fault(kind="drop_before", method="POST", object="PackagedComponent")
    with pytest.raises(requests.exceptions.ConnectionError):
        package(boomi)
    assert sim.state()["packaged_components"] == []
    assert sim.writes() == 0


def test_drop_after_commit_loses_the_answer_but_keeps_the_change(sim, boomi):
    sim.fault(kind="drop_after", method="POST", object="PackagedComponent", operation="create")
    with pytest.raises(requests.exceptions.ConnectionError):
        package(boomi)
    assert len(sim.state()["packaged_components"]) == 1
    entry = sim.requests()["requests"][-1]
    assert entry["write"] is True and entry["fault"] == "drop_after"


def test_nth_and_count_and_match(sim, boomi):
    sim.fault(kind="503", object="Environment", nth=2, count=2, match="Production")
    expression = {"QueryFilter": {"expression": {"property": "name", "operator": "EQUALS", "argument": ["Production"]}}}
    codes = [boomi.call("POST", "Environment/query", expression).status_code for dummy in range(5)]
    assert codes == [200, 503, 503, 200, 200]
    assert boomi.query("Environment").status_code == 200  # body does not match


def test_seeded_probability_is_repeatable(sim, boomi):
    def run():
        sim.reset()
        sim.fault(kind="503", probability=0.5, seed=7)
        return [boomi.query("Environment").status_code for dummy in range(20)]
    first, second = run(), run()
    assert first == second and 503 in first and 200 in first


def test_latency_fault(sim, boomi):
    sim.fault(kind="latency", latency_ms=300)
    started = time.monotonic()
    boomi.query("Environment")
    assert time.monotonic() - started >= 0.3


def test_unknown_fault_kind_is_rejected(sim):
    answer = requests.post(sim.url + "/__simulator__/faults", json={"kind": "meteor"}, timeout=5)
    assert answer.status_code == 400 and "Unknown fault kind" in answer.json()["message"]


def test_rate_limit_answers_503(sim, boomi):
    sim.configure(rate_limit=5)
    boomi.wait_out_rate_limit = False
    codes = [boomi.query("Environment").status_code for dummy in range(12)]
    assert codes.count(503) >= 5 and codes[:5] == [200] * 5
    log = sim.requests()["requests"]
    assert any(e["rate_limited"] for e in log)


def test_control_endpoints_do_not_answer_under_boomi_prefixes(sim, boomi):
    for name in ("state", "requests", "faults", "reset", "seed"):
        assert boomi.call("GET", "__simulator__/" + name).status_code == 404
        assert boomi.call("POST", "__simulator__/" + name, {}).status_code == 404
    partner = BoomiClient(sim, partner=True)
    assert partner.call("GET", "__simulator__/state").status_code == 404


def test_tls_mode(tmp_path):
    process = SimulatorProcess("--tls", "--ca-file", str(tmp_path / "ca.pem"))
    try:
        assert process.url.startswith("https://")
        with pytest.raises(requests.exceptions.SSLError):
            requests.get(process.url + "/__simulator__/state", timeout=5)
        assert requests.get(process.url + "/__simulator__/state", timeout=5, verify=process.ca_file).status_code == 200
        sim = Simulator(process.url, verify=process.ca_file)
        assert BoomiClient(sim).query("Environment").status_code == 200
    finally:
        process.stop()


def test_cli_prints_url_first_and_starts_fast():
    started = time.monotonic()
    proc = subprocess.Popen([SIMULATOR, "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().strip()
        elapsed = time.monotonic() - started
        host, port = url.rsplit("//", 1)[1].split(":")
        with socket.create_connection((host, int(port)), timeout=2):
            pass
        print("boomi-simulator --port 0 answered after %.2fs" % elapsed)
    finally:
        proc.terminate()
        proc.wait(timeout=5)
    assert url.startswith("http://127.0.0.1:")


def test_seed_file(tmp_path):
    seed = tmp_path / "seed.json"
    seed.write_text('{"accounts": [{"id": "acct-1"}], "users": [{"username": "u", "token": "t", "accounts": ["acct-1"]}],'
                    ' "components": [], "environments": [{"account": "acct-1", "id": "e1", "name": "Only"}]}')
    process = SimulatorProcess("--seed", str(seed))
    try:
        answer = requests.post(process.url + "/api/rest/v1/acct-1/Environment/query", json={}, auth=("BOOMI_TOKEN.u", "t"),
                               headers={"Accept": "application/json"}, timeout=5)
        assert [e["name"] for e in answer.json()["result"]] == ["Only"]
    finally:
        process.stop()
