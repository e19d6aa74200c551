"""Writes whose answer was lost: looked up for write_settle_seconds before anything is sent again;
messages that say what really happened. Against the running simulator, no mocks."""

import time

import pytest

from ansible_collections.boomi.platform.plugins.module_utils import errors
from ansible_collections.boomi.platform.plugins.module_utils.arguments import ConnectionSettings
from ansible_collections.boomi.platform.plugins.module_utils.client import BoomiClient

from ....conftest import SimulatorProcess
from ...conftest import params
from .test_client import boomi_requests, create_package, find_package


def creates(sim):
    return [r for r in boomi_requests(sim, "PackagedComponent") if r["operation"] == "create"]


def test_a_lost_write_is_looked_up_for_the_settle_time_before_it_is_sent_again(sim, make_client, recorder):
    client = make_client(write_settle_seconds=4)
    sim.fault(kind="drop_before", object="PackagedComponent", operation="create")
    create_package(client)
    lookups = [r for r in boomi_requests(sim, "PackagedComponent") if r["operation"] == "query"]
    assert len(creates(sim)) == 2 and len(sim.state()["packaged_components"]) == 1
    assert len(lookups) == 5  # at 0, 1, 2, 3 and 4 s after the lost answer; then it is sent again
    assert recorder.sleeps[:4] == [1.0, 1.0, 1.0, 1.0]
    assert "looked for the change for 4s and it is not there; sending it again" in recorder.warnings[0]


def test_settle_zero_looks_once(sim, make_client, recorder):
    client = make_client(write_settle_seconds=0)
    sim.fault(kind="drop_before", object="PackagedComponent", operation="create")
    create_package(client)
    assert len(creates(sim)) == 2 and recorder.sleeps[0] != 0 and len(recorder.sleeps) == 1


def test_a_create_slower_than_two_timeouts_is_found_not_sent_twice(sim, make_client, recorder):
    client = make_client(timeout=0.3, write_settle_seconds=2)
    client.sleep = time.sleep  # really wait: the create lands 0.9 s after it was sent
    sim.fault(kind="latency", latency_ms=900, object="PackagedComponent", operation="create")
    create_package(client)
    assert len(creates(sim)) == 1 and len(sim.state()["packaged_components"]) == 1
    assert "not sent again" in recorder.warnings[-1]


def test_before_resend_can_stop_a_retry(sim, client):
    sim.fault(kind="503", object="PackagedComponent", operation="create")
    body = {"componentId": "3f1c2a10-0001-4c6e-9d7a-00000000c001", "packageVersion": "1.0.0", "shareable": True}
    answer = client.create("PackagedComponent", body, before_resend=lambda: {"stopped": True})
    assert answer == {"stopped": True} and len(creates(sim)) == 1


def test_a_write_out_of_retries_says_it_was_not_sent_again(sim, make_client, recorder):
    client = make_client(max_retries=0, write_settle_seconds=0)
    sim.fault(kind="500", object="PackagedComponent", operation="create")
    with pytest.raises(errors.ServerError) as caught:
        create_package(client)
    assert "it was not sent again" in str(caught.value) and "sending it again" not in str(caught.value)
    assert len(creates(sim)) == 1 and find_package(client, "1.0.0") is None


def test_connection_refused_names_the_url(make_client):
    client = make_client(url="http://127.0.0.1:9", max_retries=0)
    with pytest.raises(errors.TransportError) as caught:
        client.query_all("Environment")
    assert "could not connect to 127.0.0.1:9 (api_url" in str(caught.value)


@pytest.fixture(scope="module")
def tls_only(tmp_path_factory):
    process = SimulatorProcess("--tls", "--ca-file", str(tmp_path_factory.mktemp("ca") / "ca.pem"))
    yield process
    process.stop()


def test_plain_http_to_a_tls_port_says_so(tls_only, recorder):
    settings = ConnectionSettings(params(tls_only.url.replace("https://", "http://"), max_retries=0))
    with pytest.raises(errors.TransportError) as caught:
        BoomiClient(settings, warn=recorder.warn, sleep=recorder.sleep).query_all("Environment")
    assert "use https:// in api_url" in str(caught.value)
