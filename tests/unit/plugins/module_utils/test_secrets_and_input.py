"""Secrets stay out of messages whatever the server echoes; hostile or odd connection input ends in a
clear message naming the option, never a traceback."""

import base64
import copy
import math

import pytest
from boomi_simulator.seed import BUILTIN_SEED

from ansible_collections.boomi.platform.plugins.module_utils import errors
from ansible_collections.boomi.platform.plugins.module_utils.arguments import ConnectionSettings

from ....conftest import USER
from ...conftest import params

CANARY = "canary-0b1c2d3e-secret"


def basic(secret, user="BOOMI_TOKEN." + USER):
    return base64.b64encode(("%s:%s" % (user, secret)).encode("utf-8")).decode()


def test_an_error_body_echoing_the_authorization_header_is_scrubbed(sim, make_client, recorder):
    client = make_client(api_token=CANARY, max_retries=1)
    echo = "bad gateway; request headers: Authorization: Basic %s; token=%s" % (basic(CANARY), CANARY)
    sim.fault(kind="502", count=5, message=echo)
    with pytest.raises(errors.BoomiError) as caught:
        client.query_all("Environment")
    texts = [str(caught.value), str(caught.value.to_fail_json())] + recorder.warnings
    assert recorder.warnings and "Authorization: Basic ********" in recorder.warnings[0]
    for text in texts:
        assert CANARY not in text and basic(CANARY) not in text


def test_any_echoed_basic_credentials_are_scrubbed():
    scrubber = errors.SecretScrubber("ops", "a-token-of-ours")
    assert scrubber.scrub('{"authorization": "Basic dXNlcjpvdGhlcnNlY3JldA=="}') == \
        '{"authorization": "Basic ********"}'


def test_a_secret_beyond_latin1_authenticates(sim, make_client):
    secret = "pässwörd-日本-🔑"
    seed = copy.deepcopy(BUILTIN_SEED)
    seed["users"][0]["password"] = secret
    sim.control("POST", "seed", seed)
    client = make_client(api_token=None, password=secret)
    assert client.query_all("Environment")


def test_api_url_with_credentials_is_refused_without_echoing_them():
    with pytest.raises(errors.ConfigurationError) as caught:
        ConnectionSettings(params("https://ops:%s@api.boomi.com" % CANARY))
    assert "must not contain credentials" in str(caught.value) and CANARY not in str(caught.value)


def test_a_missing_ca_path_is_named():
    with pytest.raises(errors.ConfigurationError) as caught:
        ConnectionSettings(params("https://api.boomi.com", ca_path="/nonexistent/ca.pem"))
    assert "ca_path /nonexistent/ca.pem does not exist" in str(caught.value)


@pytest.mark.parametrize("option", ["timeout", "retry_delay", "requests_per_second", "write_settle_seconds"])
@pytest.mark.parametrize("value", [math.nan, math.inf])
def test_non_finite_numbers_are_refused(option, value):
    with pytest.raises(errors.ConfigurationError) as caught:
        ConnectionSettings(params("https://api.boomi.com", **{option: value}))
    assert option in str(caught.value) and "finite" in str(caught.value)


def test_write_settle_seconds_defaults_to_three_timeouts():
    assert ConnectionSettings(params("https://api.boomi.com", timeout=7.0)).write_settle_seconds == 21.0
    assert ConnectionSettings(params("https://api.boomi.com", write_settle_seconds=2.5)).write_settle_seconds == 2.5


def test_an_empty_password_beside_a_token_is_no_password():
    # an AWX credential with only a token injects BOOMI_PASSWORD="" as well
    settings = ConnectionSettings(params("https://api.boomi.com", api_token="t0k3n", password=""))
    assert settings.secret == "t0k3n" and settings.username.startswith("BOOMI_TOKEN.")
    with pytest.raises(errors.ConfigurationError) as caught:
        ConnectionSettings(params("https://api.boomi.com", api_token="t0k3n", password="p4ss"))
    assert "mutually exclusive" in str(caught.value)
