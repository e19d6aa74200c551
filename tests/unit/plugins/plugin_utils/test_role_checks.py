"""The roles' input checks that need no request (plugins/plugin_utils/role_checks.py, vocabulary.py,
role_release_inputs.py). The role-level behaviour, over real playbooks and the simulator, is in
tests/integration/test_role_preflight.py."""

import datetime

import pytest

from ansible_collections.boomi.platform.plugins.plugin_utils import role_checks as checks
from ansible_collections.boomi.platform.plugins.plugin_utils import vocabulary
from ansible_collections.boomi.platform.plugins.plugin_utils.host_variables import HostInputs
from ansible_collections.boomi.platform.plugins.plugin_utils.role_release_inputs import release_inputs


def host(name, where=None, **values):
    inputs = HostInputs(name)
    inputs.values.update(values)
    inputs.where.update(dict.fromkeys(values, where))
    return inputs


def test_every_role_variable_and_published_key_is_known():
    known = vocabulary.known_variables()
    for role in ("package_and_deploy", "promote", "rollback"):
        assert set(vocabulary.role_specs(role)) <= known
    # set_stats keys, the fact the roles set, the inventory plugin's host variables, playbook variables
    assert {"boomi_release", "boomi_deployments", "boomi_environment_deployments", "boomi_environment_name",
            "boomi_environment_classification", "boomi_target_hosts", "boomi_report_all_environments"} <= known
    assert "boomi_hodl" not in known and "boomi_expected_version" not in known


@pytest.mark.parametrize("typo, meant", [("boomi_hodl", "boomi_hold"), ("boomi_pakage_version", "boomi_package_version"),
                                         ("boomi_expected_version", "boomi_expected_versions")])
def test_a_typo_gets_the_closest_known_name(typo, meant):
    assert vocabulary.closest(typo, vocabulary.known_variables()) == meant


def test_unknown_variables_are_grouped_by_where_they_were_set():
    hosts = {"dev": host("dev", "group_vars/all.yml, line 3", boomi_hodl=True),
             "prod": host("prod", "group_vars/all.yml, line 3", boomi_hodl=True, boomi_hold=True)}
    assert checks.unknown_variables(hosts) == [("boomi_hodl", "group_vars/all.yml, line 3", ["dev", "prod"])]
    message = checks.unknown_variable_message("boomi_hodl", None, ["dev", "prod"])
    assert message.startswith("boomi_hodl (set in the inventory of dev, prod): no such variable (did you mean boomi_hold?)")


@pytest.mark.parametrize("value, wanted", [
    (1.1, "is the number 1.1"), (2, "is the number 2"), (None, "empty (null)"), ("", "is empty"),
    (" 1.0 ", "has spaces around it"), (True, "not a version label"),
    (["1.0"], "got a list"), ({"v": "1.0"}, "got a mapping"),
])
def test_a_version_typed_as_anything_but_text_is_a_problem(value, wanted):
    assert wanted in checks.version_problem("boomi_package_version", value)
    assert checks.version_problem("boomi_package_version", "1.10") is None


@pytest.mark.parametrize("date, wanted", [
    ("2026/12/31", "not a date"), ("2026-13-01", "not a date"), ("2031-02-30", "no such day exists")])
def test_a_malformed_or_impossible_date_is_a_problem(date, wanted):
    problems = checks.Problems()
    values = {"boomi_release_schedule": "on_date", "boomi_release_on_date": date}
    assert checks.release_date(values, problems) is None
    assert wanted in problems[0] and "boomi_release_on_date" in problems[0]


def test_an_unquoted_yaml_date_is_a_date():
    problems = checks.Problems()
    values = {"boomi_release_schedule": "on_date", "boomi_release_on_date": datetime.date(2030, 1, 31)}
    assert checks.release_date(values, problems) == datetime.date(2030, 1, 31) and not problems


def test_hosts_that_disagree_on_a_play_wide_value_are_named_and_secrets_are_not_shown():
    problems = checks.Problems()
    typed = {"dev": {"boomi_package_version": "1.0.1", "boomi_api_token": "s3cr3t-a", "boomi_hold": True},
             "prod": {"boomi_package_version": "1.0.2", "boomi_api_token": "s3cr3t-b", "boomi_hold": False}}
    checks.play_wide("package_and_deploy", typed, problems)
    text = "; ".join(problems)
    assert "boomi_package_version differs between the hosts of the play (dev: 1.0.1; prod: 1.0.2)" in text
    assert "boomi_api_token differs" in text and "s3cr3t" not in text
    assert "boomi_hold" not in text  # a per-host variable may differ


def test_keys_of_list_inputs_are_checked_against_the_argument_spec():
    problems = checks.Problems()
    hosts = {"dev": host("dev", boomi_components=[{"component_id": "a"}, {"component_id": "b", "pakage_version": "1"}])}
    checks.key_problems("package_and_deploy", hosts, problems)
    assert problems == ["boomi_components[1].pakage_version: no such key; did you mean package_version? (it takes "
                        "component_id, notes, package_version)"]


def test_release_inputs_name_the_variable_of_each_problem():
    problems = checks.Problems()
    raw = {"boomi_components": [{"component_id": "a", "package_version": 1.1}, {"component_id": "b"}, {"component_id": "b"}],
           "boomi_package_version": "1.0.0"}
    values = {"boomi_integration_pack_name": " ", "boomi_integration_pack_description": "x" * 501,
              "boomi_release_schedule": "immediately", "boomi_release_wait_timeout": -1,
              "boomi_release_poll_interval": 0.0}
    out = release_inputs(values, raw, problems)
    text = "; ".join(problems)
    for wanted in ("boomi_components[0].package_version is the number 1.1", "boomi_components[2]: component b is "
                   "listed twice", "set boomi_integration_pack_name", "boomi_integration_pack_description is 501",
                   "boomi_release_wait_timeout must be at least 1 second", "boomi_release_poll_interval must be a number"):
        assert wanted in text, (wanted, text)
    assert [c["package_version"] for c in out["components"]] == ["1.0.0", "1.0.0"]


def test_values_with_keys_of_mixed_types_compare_without_a_crash():
    assert checks.canonical({123: "1.0", "abc": "2"}) == checks.canonical({"abc": "2", 123: "1.0"})
    assert checks.canonical({123: "1.0", "abc": "2"}) != checks.canonical({123: "1.0", "abc": "3"})


def test_the_pending_name_keeps_a_colon_inside_the_name():
    from ansible_collections.boomi.platform.plugins.plugin_utils.role_configure import pending_name
    assert pending_name("connections['DB: orders']: no connection with that name") == "connections['DB: orders']"
    assert pending_name("connections['Orders DB']['pw']: no field") == "connections['Orders DB']['pw']"
