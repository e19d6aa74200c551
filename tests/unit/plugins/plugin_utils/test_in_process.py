"""Modules run in the worker process by the roles' steps (plugins/plugin_utils/in_process.py): the module's own
argument validation, and masking of what they return, as AnsibleModule does."""

import pytest

from ansible_collections.boomi.platform.plugins.module_utils.errors import ConfigurationError
from ansible_collections.boomi.platform.plugins.modules import boomi_pack_release, boomi_packaged_component
from ansible_collections.boomi.platform.plugins.plugin_utils.in_process import StepModule, mask

CONNECTION = {"account_id": "acme", "username": "ops", "api_token": "tok-8d1e4c0b93", "api_url": "http://127.0.0.1:1"}


def test_the_modules_own_argument_validation_runs():
    warnings = []
    with pytest.raises(ConfigurationError) as raised:
        StepModule(boomi_pack_release, dict(CONNECTION, integration_pack="p", version="1", components=[]), False,
                   False, warnings)
    assert "boomi_pack_release" in str(raised.value) and "mutually exclusive" in str(raised.value)
    step = StepModule(boomi_packaged_component, dict(CONNECTION, component_id="c", package_version="1.0"), True,
                      True, warnings)
    assert step.params["shareable"] is True and step.check_mode and step._diff
    assert step.params["timeout"] == 30.0  # a connection option's default
    assert "tok-8d1e4c0b93" in step.no_log_values


def test_mask_replaces_secrets_everywhere_and_keeps_booleans():
    out = mask({"msg": "token tok-8d1e4c0b93 refused", "changed": True, "nested": ["tok-8d1e4c0b93"], "none": None},
               {"tok-8d1e4c0b93"})
    assert "tok-8d1e4c0b93" not in repr(out)
    assert out["changed"] is True and out["none"] is None


def test_a_secret_from_the_environment_is_known_to_the_mask(monkeypatch):
    monkeypatch.setenv("BOOMI_PASSWORD", "pw-from-env-77a1")
    params = dict((k, v) for k, v in CONNECTION.items() if k != "api_token")
    step = StepModule(boomi_packaged_component, dict(params, component_id="c", package_version="1.0"), False, False, [])
    assert step.params["password"] == "pw-from-env-77a1" and "pw-from-env-77a1" in step.no_log_values
