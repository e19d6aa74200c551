"""The shared client against a running boomi-simulator, with the simulator's faults (no mocks)."""

import base64
import logging
import time

import pytest

from ansible_collections.boomi.platform.plugins.module_utils import errors
from ansible_collections.boomi.platform.plugins.module_utils.arguments import ConnectionSettings
from ansible_collections.boomi.platform.plugins.module_utils.client import BoomiClient

from ....conftest import COMPONENTS, SUB_ACCOUNT, SimulatorProcess
from ...conftest import params

INTAKE = COMPONENTS["order_intake"]


def find_package(client, version):
    expression = {"operator": "and", "nestedExpression": [
        {"property": "componentId", "operator": "EQUALS", "argument": [INTAKE]},
        {"property": "packageVersion", "operator": "EQUALS", "argument": [version]}]}
    found = client.query_all("PackagedComponent", expression)
    return found[0] if found else None


def create_package(client, version="1.0.0", with_lookup=True):
    body = {"componentId": INTAKE, "packageVersion": version, "notes": "n", "shareable": True}
    lookup = (lambda: find_package(client, version)) if with_lookup else None
    return client.create("PackagedComponent", body, lookup=lookup)


def boomi_requests(sim, obj=None):
    return [r for r in sim.requests()["requests"] if r["object"] and (obj is None or r["object"] == obj)]


# -- auth, URLs, TLS --------------------------------------------------------------------------------
def test_token_prefix_is_added_and_basic_auth_is_sent(client):
    assert client.settings.username == "BOOMI_TOKEN.ops@example.com"
    assert client.get("Environment", "6d3f9a10-0001-4d5e-9a1b-00000000e001")["name"] == "Development"


def test_prefix_is_not_doubled(make_client):
    assert make_client(username="BOOMI_TOKEN.ops@example.com").settings.username == "BOOMI_TOKEN.ops@example.com"


def test_password_auth_keeps_the_plain_username(make_client):
    client = make_client(api_token=None, password="demo-password")
    assert client.settings.username == "ops@example.com"
    assert client.query_all("Environment")


def test_user_agent_names_the_collection(client):
    assert client.session.headers["User-Agent"].startswith("boomi.platform/0.1.0")


def test_partner_api_with_override_account(sim, make_client):
    client = make_client(override_account=SUB_ACCOUNT)
    assert client.base_url.endswith("/partner/api/rest/v1/boomi-demo-A1B2C3")
    names = [e["name"] for e in client.query("Environment")]
    assert names == ["Customer Production"]
    assert boomi_requests(sim)[-1]["path"].startswith("/partner/api/rest/v1/")


@pytest.fixture(scope="module")
def tls_simulator(tmp_path_factory):
    process = SimulatorProcess("--tls", "--ca-file", str(tmp_path_factory.mktemp("ca") / "ca.pem"))
    yield process
    process.stop()


def test_tls_refused_without_ca_path(tls_simulator, recorder):
    client = BoomiClient(ConnectionSettings(params(tls_simulator.url)), warn=recorder.warn, sleep=recorder.sleep)
    with pytest.raises(errors.TransportError) as caught:
        client.query_all("Environment")
    assert "ca_path" in str(caught.value)


def test_tls_accepted_with_ca_path(tls_simulator, recorder):
    settings = ConnectionSettings(params(tls_simulator.url, ca_path=tls_simulator.ca_file))
    assert BoomiClient(settings, warn=recorder.warn, sleep=recorder.sleep).query_all("Environment")


def test_tls_accepted_without_validation_and_warned(tls_simulator, recorder):
    settings = ConnectionSettings(params(tls_simulator.url, validate_certs=False))
    assert any("validate_certs is false" in w for w in settings.warnings)
    assert BoomiClient(settings, warn=recorder.warn, sleep=recorder.sleep).query_all("Environment")


# -- paging -------------------------------------------------------------------------------------------
@pytest.fixture
def environments_250(sim, client):
    for i in range(245):
        client.create("Environment", {"name": "env-%03d" % i})
    sim.configure(page_size=7)
    return 250


def test_query_follows_every_page(sim, client, environments_250):
    since = sim.requests()["summary"]["last_seq"]
    names = [e["name"] for e in client.query("Environment")]
    assert len(names) == environments_250 == len(set(names))
    pages = [r for r in sim.requests(since)["requests"] if r["object"] == "Environment"]
    assert len(pages) == 36  # ceil(250 / 7)
    assert pages[0]["operation"] == "query" and all(p["operation"] == "queryMore" for p in pages[1:])


def test_fault_on_page_3_is_retried(sim, client, recorder, environments_250):
    sim.fault(kind="500", operation="queryMore", nth=2)
    assert len(client.query_all("Environment")) == 250
    assert len(recorder.warnings) == 1 and "status 500" in recorder.warnings[0]


def test_a_page_that_keeps_failing_raises_never_a_partial_list(sim, make_client, environments_250):
    client = make_client(max_retries=2)
    sim.fault(kind="502", operation="queryMore", nth=2, count=10)
    with pytest.raises(errors.ServerError) as caught:
        client.query_all("Environment")
    assert "status 502" in str(caught.value) and "3 attempt(s)" in str(caught.value)


# -- retries ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("failures", [1, 3])
def test_503s_then_success(sim, client, recorder, failures):
    sim.fault(kind="503", object="Environment", count=failures)
    assert client.query_all("Environment")
    assert len(boomi_requests(sim, "Environment")) == failures + 1
    assert len(recorder.warnings) == failures and len(recorder.sleeps) == failures


def test_backoff_doubles_with_full_jitter(sim, make_client, recorder):
    client = make_client(retry_delay=1.0, rng=lambda: 1.0)
    sim.fault(kind="503", object="Environment", count=4)
    client.query_all("Environment")
    assert recorder.sleeps == [1.0, 2.0, 4.0, 8.0]


def test_backoff_is_capped_at_60(sim, make_client, recorder):
    client = make_client(retry_delay=50.0, rng=lambda: 1.0, max_retries=3)
    sim.fault(kind="503", object="Environment", count=3)
    client.query_all("Environment")
    assert recorder.sleeps == [50.0, 60.0, 60.0]


def test_retry_after_seconds_is_respected(sim, client, recorder):
    sim.fault(kind="503_retry_after", retry_after=2, count=2)
    client.query_all("Environment")
    assert recorder.sleeps == [2.0, 2.0]


def test_retry_after_http_date_is_respected(sim, client, recorder):
    sim.fault(kind="503_retry_after", retry_after="date+3")
    client.query_all("Environment")
    assert len(recorder.sleeps) == 1 and 1.0 <= recorder.sleeps[0] <= 3.0


def test_retry_after_is_capped_at_60(sim, client, recorder):
    sim.fault(kind="429", retry_after=600)
    client.query_all("Environment")
    assert recorder.sleeps == [60.0]


def test_retries_exhausted_names_the_last_status(sim, make_client):
    client = make_client(max_retries=2)
    sim.fault(kind="503_html", count=5)
    with pytest.raises(errors.RateLimitedError) as caught:
        client.query_all("Environment")
    assert caught.value.status == 503
    assert "3 attempt(s)" in str(caught.value) and "503 Service Temporarily Unavailable" in str(caught.value)
    assert len(boomi_requests(sim)) == 3


@pytest.mark.parametrize("kind", ["500", "502", "504", "drop_before"])
def test_reads_retry_server_errors_and_broken_connections(sim, client, recorder, kind):
    sim.fault(kind=kind, method="GET")
    assert client.get("Environment", "6d3f9a10-0001-4d5e-9a1b-00000000e001")["name"] == "Development"
    assert len(recorder.warnings) == 1


def test_401_is_sent_exactly_once(sim, make_client):
    client = make_client(api_token="wrong-token")
    sim.control("DELETE", "requests")  # count only what this client sends (the log is shared by the session's tests)
    with pytest.raises(errors.AuthenticationError) as caught:
        client.query_all("Environment")
    assert [r["status"] for r in boomi_requests(sim)] == [401]
    assert "401" in str(caught.value) and "BOOMI_TOKEN.<user>" in str(caught.value)


def test_403_is_sent_once_and_names_the_account(sim, make_client):
    client = make_client(account_id="boomi-other-Z9Y8X7")
    with pytest.raises(errors.PermissionDeniedError) as caught:
        client.query_all("Environment")
    assert len(boomi_requests(sim)) == 1 and "boomi-other-Z9Y8X7" in str(caught.value)


def test_400_is_sent_once_with_boomis_message(sim, client):
    with pytest.raises(errors.ValidationError) as caught:
        client.create("PublisherIntegrationPack", {"name": "P", "description": "x", "installationType": "MULTI"})
    assert len(boomi_requests(sim)) == 1
    assert caught.value.status == 400 and "'Description'" in caught.value.boomi_message
    assert caught.value.method == "POST" and caught.value.path == "PublisherIntegrationPack"


def test_unknown_id_is_not_found(client):
    assert client.get_or_none("PackagedComponent", "does-not-exist") is None
    with pytest.raises(errors.NotFoundError):
        client.get("PackagedComponent", "does-not-exist")


def test_connection_refused_is_a_transport_error(make_client):
    client = make_client(url="http://127.0.0.1:9", max_retries=1)
    with pytest.raises(errors.TransportError) as caught:
        client.query_all("Environment")
    assert "2 attempt(s)" in str(caught.value)


# -- writes are never replayed blind -----------------------------------------------------------------
@pytest.mark.parametrize("kind", ["drop_after", "500_after", "504_after"])
def test_lost_answer_on_create_leaves_exactly_one_object(sim, client, recorder, kind):
    sim.fault(kind=kind, object="PackagedComponent", operation="create")
    created = create_package(client)
    assert created["packageVersion"] == "1.0.0"
    assert len(sim.state()["packaged_components"]) == 1
    assert sim.writes() == 1
    assert "not sent again" in recorder.warnings[-1]


def test_create_that_times_out_but_lands_late_is_not_made_twice(sim, make_client, recorder):
    client = make_client(timeout=0.5)
    sim.fault(kind="latency", latency_ms=900, object="PackagedComponent", operation="create")
    client.sleep = time.sleep  # really wait: the late create must land before the lookup
    create_package(client)
    assert len(sim.state()["packaged_components"]) == 1
    assert "not sent again" in recorder.warnings[-1]


@pytest.mark.parametrize("kind", ["drop_before", "504", "503"])
def test_create_not_processed_is_sent_again_once(sim, client, kind):
    sim.fault(kind=kind, object="PackagedComponent", operation="create")
    create_package(client)
    assert len(sim.state()["packaged_components"]) == 1
    creates = [r for r in boomi_requests(sim, "PackagedComponent") if r["operation"] == "create"]
    assert len(creates) == 2


def test_lost_answer_without_a_lookup_is_not_replayed(sim, client):
    sim.fault(kind="drop_after", object="PackagedComponent", operation="create")
    with pytest.raises(errors.OutcomeUnknownError) as caught:
        create_package(client, with_lookup=False)
    assert "not sent again" in str(caught.value)
    creates = [r for r in boomi_requests(sim, "PackagedComponent") if r["operation"] == "create"]
    assert len(creates) == 1 and len(sim.state()["packaged_components"]) == 1


def test_lost_answer_on_update_is_confirmed_not_replayed(sim, client):
    create_package(client)
    pack = client.create("PublisherIntegrationPack", {"name": "P", "Description": "d", "installationType": "MULTI"})
    body = {"id": pack["id"], "name": "P", "Description": "d", "installationType": "MULTI", "operationType": "ADD",
            "PublisherPackagedComponents": {"PublisherPackagedComponent": [{"componentId": INTAKE}]}}

    def confirm():
        current = client.get("PublisherIntegrationPack", pack["id"])
        members = current["PublisherPackagedComponents"].get("PublisherPackagedComponent", [])
        return current if [m["componentId"] for m in members] == [INTAKE] else None

    sim.fault(kind="drop_after", object="PublisherIntegrationPack", operation="update")
    updated = client.update("PublisherIntegrationPack", pack["id"], body, confirm=confirm)
    assert updated["PublisherPackagedComponents"]["PublisherPackagedComponent"][0]["componentId"] == INTAKE
    assert len([r for r in boomi_requests(sim) if r["operation"] == "update"]) == 1


# -- secrets ------------------------------------------------------------------------------------------
CANARY = "canary-7f3e9b2d-token"


def test_canary_never_appears(sim, make_client, recorder, caplog):
    caplog.set_level(logging.DEBUG)
    canaries = [CANARY, base64.b64encode(("BOOMI_TOKEN.ops@example.com:" + CANARY).encode()).decode()]
    seen = []
    client = make_client(api_token=CANARY, max_retries=1)
    seen.append(repr(client))
    seen.append(repr(client.settings))
    for action in (lambda: client.query_all("Environment"),):
        with pytest.raises(errors.BoomiError) as caught:
            action()
        seen.extend([str(caught.value), repr(caught.value), str(caught.value.to_fail_json())])
    good = make_client(max_retries=1)
    sim.fault(kind="503", count=5)
    with pytest.raises(errors.BoomiError) as caught:
        good.query_all("Environment")
    seen.append(str(caught.value))
    seen.extend(recorder.warnings)
    seen.append(caplog.text)
    for text in seen:
        for canary in canaries:
            assert canary not in text
    assert caplog.text  # urllib3 did log at DEBUG, and the canary was not in it


def test_tls_error_text_is_scrubbed(tls_simulator, recorder):
    settings = ConnectionSettings(params(tls_simulator.url, api_token=CANARY))
    with pytest.raises(errors.TransportError) as caught:
        BoomiClient(settings, warn=recorder.warn, sleep=recorder.sleep).query_all("Environment")
    assert CANARY not in str(caught.value)
