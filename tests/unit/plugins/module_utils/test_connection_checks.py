"""Issue 22: the connection options an attacker (or a typo) controls. api_url in any spelling that carries a
user name and password, a query or a fragment; account ids that would add path segments; name resolution; TLS
failures by cause. Each is refused before any request, names the option and the fix, and never repeats a secret."""

import socket

import pytest
import trustme

from ansible_collections.boomi.platform.plugins.module_utils import errors
from ansible_collections.boomi.platform.plugins.module_utils.arguments import ConnectionSettings
from ansible_collections.boomi.platform.plugins.module_utils.client import BoomiClient

from ....conftest import ACCOUNT, SimulatorProcess
from ...conftest import params

PASSWORD = "hunter2-5e1f0c7a"


def refused(**overrides):
    with pytest.raises(errors.ConfigurationError) as caught:
        ConnectionSettings(params("https://api.boomi.com", **overrides))
    return str(caught.value)


# -- api_url -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("url, says", [
    ("https://ops:%s@api.boomi.com" % PASSWORD, "api_url https://api.boomi.com must not contain credentials"),
    ("https:/ops:%s@api.boomi.com" % PASSWORD, "api_url https://api.boomi.com must not contain credentials"),
    ("https:ops:%s@api.boomi.com" % PASSWORD, "api_url https://api.boomi.com must not contain credentials"),
    ("https:///ops:%s@api.boomi.com" % PASSWORD, "must not contain credentials"),
    ("https:\\\\ops:%s@api.boomi.com" % PASSWORD, "must not contain credentials"),
    ("HTTPS://ops:%s@api.boomi.com/" % PASSWORD, "must not contain credentials"),
    ("https://ops:%s%%40x@api.boomi.com" % PASSWORD, "must not contain credentials"),
    ("https://ops@api.boomi.com", "must not contain credentials"),
    ("https://api.boomi.com\\@%s.example" % PASSWORD, "must not contain credentials"),
    ("ops:%s@api.boomi.com" % PASSWORD, "must not contain credentials"),
    ("http://127.0.0.1:8765#ops:%s" % PASSWORD, "api_url http://127.0.0.1:8765 must not contain a fragment"),
    ("http://127.0.0.1:8765#ops:%s@x" % PASSWORD, "api_url http://127.0.0.1:8765 must not contain credentials"),
    ("http://127.0.0.1:8765#%s" % PASSWORD, "api_url http://127.0.0.1:8765 must not contain a fragment"),
    ("http://127.0.0.1:8765/?token=%s" % PASSWORD, "api_url http://127.0.0.1:8765 must not contain a query"),
    ("http://127.0.0.1:8765?", "must not contain a query"),
    ("https://api.boomi.com/%s" % PASSWORD, "api_url https://api.boomi.com must be the server root only"),
    ("https://ops:%s" % PASSWORD, "api_url https://ops has a port that is not a number"),
    ("https://api.boomi.com:%s" % PASSWORD, "api_url https://api.boomi.com has a port that is not a number"),
    ("https:/api.boomi.com", "must start with https:// (two forward slashes)"),
    ("http://[::1", "the host is not a valid IPv6 address in brackets"),
    ("http://[::1]x:80", "the host is not a valid IPv6 address in brackets"),
    ("http://::1:8765", "an IPv6 address goes in brackets"),
    ("http://%s .example" % PASSWORD, "contains a space or a control character"),
    ("ftp://api.boomi.com", "api_url has the scheme 'ftp', not http or https"),
    ("api.boomi.com", "is not an http(s) URL"),
    ("api.boomi.com:443", "api_url has the scheme 'api.boomi.com', not http or https"),
])
def test_api_url_is_refused_naming_the_option_and_the_form_never_the_secret(url, says):
    message = refused(api_url=url)
    assert says in message
    assert "http(s)://<host>[:<port>]" in message  # the form expected
    assert PASSWORD not in message and "ops:" not in message


@pytest.mark.parametrize("url, normal", [
    ("https://api.boomi.com", "https://api.boomi.com"),
    (" https://API.Boomi.com:443/ ", "https://api.boomi.com:443"),
    ("http://[::1]:8765", "http://[::1]:8765"),
    ("http://127.0.0.1:8765/", "http://127.0.0.1:8765"),
    ("https://api.platform.gb.boomi.com", "https://api.platform.gb.boomi.com"),
])
def test_a_server_root_is_accepted_as_scheme_host_and_port(url, normal):
    assert ConnectionSettings(params(url)).api_url == normal


# -- account ids -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["acme-A1B2C3/../other", "../v1/acme-A1B2C3", "acme#x", "acme?x=1", "acme%2F",
                                   "acme A1", "..", ".", "acme\\x"])
@pytest.mark.parametrize("option", ["account_id", "override_account"])
def test_an_account_id_is_one_path_segment_or_refused(option, value):
    message = refused(**{option: value})
    assert "%s %r is not a Boomi account id" % (option, value) in message
    assert "letters, digits" in message and ("BOOMI_%s" % option.upper()) in message


def test_account_ids_of_boomis_form_are_accepted():
    settings = ConnectionSettings(params("https://api.boomi.com", account_id="acme_corp.1-A1B2C3",
                                         override_account=" managed-Z9 "))
    assert settings.base_url() == "https://api.boomi.com/partner/api/rest/v1/acme_corp.1-A1B2C3"
    assert settings.override_account == "managed-Z9"


def test_every_path_segment_is_quoted(sim, client):
    """An id never adds a path segment, a query or a fragment, and "." or ".." is not resolved away."""
    for ident in ("../Environment", "..", "x?y=1", "x#y", "a/b"):
        assert client.get_or_none("Environment", ident) is None
        last = sim.requests()["requests"][-1]
        assert last["path"] == "/api/rest/v1/%s/Environment/%s" % (ACCOUNT, ident), last
    assert client.get("Environment", sim.state()["environments"][0]["id"])


# -- name resolution ---------------------------------------------------------------------------------------------
def test_a_name_that_does_not_resolve_is_tried_twice_then_named(make_client, recorder):
    client = make_client(url="https://api.boomi.invalid", max_retries=5)
    with pytest.raises(errors.TransportError) as caught:
        client.query_all("Environment")
    assert "cannot resolve api.boomi.invalid (api_url), tried 2 time(s)" in str(caught.value)
    assert "BOOMI_API_URL" in str(caught.value)
    assert len(recorder.sleeps) == 1 and len(recorder.warnings) == 1  # one retry, not five


def test_without_retries_a_name_that_does_not_resolve_fails_at_once(make_client, recorder):
    client = make_client(url="https://api.boomi.invalid", max_retries=0)
    with pytest.raises(errors.TransportError) as caught:
        client.query_all("Environment")
    assert "cannot resolve api.boomi.invalid (api_url), tried 1 time(s)" in str(caught.value)
    assert recorder.sleeps == []


# -- TLS: advice by cause ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tls(tmp_path_factory):
    process = SimulatorProcess("--tls", "--ca-file", str(tmp_path_factory.mktemp("ca") / "ca.pem"))
    yield process
    process.stop()


def tls_failure(url, recorder, **overrides):
    settings = ConnectionSettings(params(url, max_retries=0, **overrides))
    with pytest.raises(errors.TransportError) as caught:
        BoomiClient(settings, warn=recorder.warn, sleep=recorder.sleep).query_all("Environment")
    return str(caught.value)


def test_https_to_a_plain_http_port_says_so(sim, recorder):
    message = tls_failure(sim.url.replace("http://", "https://"), recorder)
    assert "does not speak TLS on that port" in message and "use http:// in api_url" in message
    assert "ca_path" not in message


def test_an_untrusted_chain_asks_for_ca_path(tls, recorder):
    message = tls_failure(tls.url, recorder)
    assert "not trusted by this controller" in message and "set ca_path" in message


def test_a_ca_path_of_another_ca_says_it_does_not_sign_the_server(tls, recorder, tmp_path):
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    message = tls_failure(tls.url, recorder, ca_path=str(other))
    assert "is not signed by a CA in ca_path %s" % other in message


def test_a_ca_path_that_does_not_load_as_pem_is_named(tls, recorder, tmp_path):
    broken = tmp_path / "broken.pem"
    broken.write_text("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")
    message = tls_failure(tls.url, recorder, ca_path=str(broken))
    assert "ca_path %s could not be loaded as PEM CA certificates" % broken in message


def test_a_name_the_certificate_does_not_carry_says_so(tls, recorder):
    name = socket.gethostname()  # resolves to the loopback here, and the simulator's certificate is for localhost
    try:
        loopback = socket.gethostbyname(name) == "127.0.0.1"
    except OSError:
        loopback = False
    if not loopback or name in ("localhost", "127.0.0.1"):
        pytest.skip("no second name for the loopback address on this machine")
    message = tls_failure(tls.url.replace("127.0.0.1", name), recorder, ca_path=tls.ca_file)
    assert "is not issued for %s" % name in message and "api_url" in message


@pytest.mark.parametrize("contents, says", [
    (b"just text\n", "is not a PEM bundle of CA certificates"),
    (b"0\x82\x03\x1e0\x82\x02\x06\xa0\x03", "is not a PEM bundle of CA certificates"),  # DER
])
def test_a_ca_path_that_is_not_pem_is_refused_before_any_request(tmp_path, contents, says):
    path = tmp_path / "ca.cer"
    path.write_bytes(contents)
    message = refused(ca_path=str(path))
    assert ("ca_path %s %s" % (path, says)) in message and "PEM form" in message


def test_a_ca_path_that_cannot_be_read_is_refused(tmp_path):
    path = tmp_path / "ca.pem"
    path.write_text("-----BEGIN CERTIFICATE-----\n")
    path.chmod(0)
    try:
        with open(path, "rb"):
            pytest.skip("this user reads any file (root)")
    except PermissionError:
        pass
    assert "ca_path %s cannot be read" % path in refused(ca_path=str(path))
