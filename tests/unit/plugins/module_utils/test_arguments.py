"""Connection options: validation and the messages a user sees."""

import pytest

from ansible_collections.boomi.platform.plugins.module_utils.arguments import CONNECTION_SPEC, ConnectionSettings
from ansible_collections.boomi.platform.plugins.module_utils.errors import ConfigurationError

from ...conftest import params


@pytest.mark.parametrize("url", ["ftp://api.boomi.com", "api.boomi.com", "https://"])
def test_api_url_must_be_http_or_https(url):
    with pytest.raises(ConfigurationError) as caught:
        ConnectionSettings(params(url))
    assert "api_url" in str(caught.value) and "https://api.boomi.com" in str(caught.value)


def test_api_url_must_not_carry_the_api_path():
    with pytest.raises(ConfigurationError) as caught:
        ConnectionSettings(params("https://api.boomi.com/api/rest/v1/acct"))
    assert "server root only" in str(caught.value)


def test_plain_http_warns_except_on_loopback():
    assert ConnectionSettings(params("http://127.0.0.1:8000")).warnings == []
    remote = ConnectionSettings(params("http://boomi.example.com"))
    assert any("plain http" in w for w in remote.warnings)


def test_trailing_slash_and_eu_host():
    settings = ConnectionSettings(params("https://api.platform.gb.boomi.com/"))
    assert settings.base_url() == "https://api.platform.gb.boomi.com/api/rest/v1/boomi-demo-A1B2C3"


@pytest.mark.parametrize("missing, hint", [("account_id", "BOOMI_ACCOUNT_ID"), ("username", "BOOMI_USERNAME")])
def test_required_options_name_their_env_var(missing, hint):
    with pytest.raises(ConfigurationError) as caught:
        ConnectionSettings(params("https://api.boomi.com", **{missing: None}))
    assert missing in str(caught.value) and hint in str(caught.value)


def test_a_secret_is_required():
    with pytest.raises(ConfigurationError) as caught:
        ConnectionSettings(params("https://api.boomi.com", api_token=None))
    assert "api_token or password" in str(caught.value)


@pytest.mark.parametrize("option, value", [("timeout", 0), ("max_retries", -1), ("retry_delay", -1.0),
                                           ("requests_per_second", -2)])
def test_numbers_are_checked(option, value):
    with pytest.raises(ConfigurationError) as caught:
        ConnectionSettings(params("https://api.boomi.com", **{option: value}))
    assert option in str(caught.value)


def test_secrets_are_no_log_and_have_env_fallbacks():
    assert CONNECTION_SPEC["api_token"]["no_log"] and CONNECTION_SPEC["password"]["no_log"]
    assert all("fallback" in option for option in CONNECTION_SPEC.values())


def test_repr_hides_secrets():
    settings = ConnectionSettings(params("https://api.boomi.com", api_token="s3cret-token"))
    assert "s3cret-token" not in repr(settings)


def test_missing_requests_gives_ansibles_missing_library_message(monkeypatch):
    from ansible_collections.boomi.platform.plugins.module_utils import client as client_module
    from ansible_collections.boomi.platform.plugins.module_utils.errors import MissingLibraryError
    monkeypatch.setattr(client_module, "HAS_REQUESTS", False)
    monkeypatch.setattr(client_module, "REQUESTS_IMPORT_ERROR", "Traceback: No module named 'requests'")
    with pytest.raises(MissingLibraryError) as caught:
        client_module.BoomiClient(ConnectionSettings(params("https://api.boomi.com")))
    failure = caught.value.to_fail_json()
    assert "Failed to import the required Python library (requests)" in failure["msg"]
    assert "No module named 'requests'" in failure["exception"]
