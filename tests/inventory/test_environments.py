"""The boomi.platform.environments inventory plugin, run by ansible-inventory against the simulator."""

import json
import re

from ..conftest import ACCOUNT, ENVIRONMENTS, SUB_ACCOUNT, TOKEN
from .helpers import credentials, graph, inventory_list, plain, run, write_config

SEED_GRAPH = """@all:
  |--@ungrouped:
  |--@boomi_environments:
  |  |--@boomi_classification_test:
  |  |  |--development
  |  |  |--staging
  |  |  |--test
  |  |--@boomi_classification_prod:
  |  |  |--disaster_recovery
  |  |  |--production
"""


def test_graph_of_the_builtin_seed(sim, tmp_path):
    path = write_config(tmp_path)
    assert graph(path, credentials(sim)) == SEED_GRAPH


def test_list_gives_groups_and_host_variables(sim, tmp_path):
    inventory = inventory_list(write_config(tmp_path), credentials(sim))
    every = {"development", "test", "staging", "production", "disaster_recovery"}
    assert inventory.hosts("boomi_environments") == every
    assert inventory.hosts("boomi_classification_test") == {"development", "test", "staging"}
    assert inventory.hosts("boomi_classification_prod") == {"production", "disaster_recovery"}
    assert inventory.hostvars["disaster_recovery"] == {
        "boomi_environment_id": ENVIRONMENTS["dr"], "boomi_environment_name": "Disaster Recovery",
        "boomi_environment_classification": "prod"}


def test_one_query_lists_the_account(sim, tmp_path):
    before = sim.requests()["summary"]
    inventory_list(write_config(tmp_path), credentials(sim))
    after = sim.requests()["summary"]
    assert after["total"] - before["total"] == 1
    assert after["writes"] == before["writes"]


def test_every_page_is_read(sim, tmp_path):
    sim.configure(page_size=2)
    inventory = inventory_list(write_config(tmp_path), credentials(sim))
    assert len(inventory.hosts("boomi_environments")) == 5


def test_filters_combine(sim, tmp_path):
    env = credentials(sim)
    by_name = inventory_list(write_config(tmp_path, environment_names=["D*", "Test"]), env)
    assert by_name.hosts("boomi_environments") == {"development", "disaster_recovery", "test"}
    by_both = inventory_list(write_config(tmp_path, environment_names=["D*", "Test"], classifications=["test"]), env)
    assert by_both.hosts("boomi_environments") == {"development", "test"}
    assert by_both.hosts("boomi_classification_prod") == set()
    # the group exists, empty: a play on it matches no host instead of failing on an unknown pattern
    assert graph(write_config(tmp_path, classifications=["test"]), env, "boomi_classification_prod") == \
        "@boomi_classification_prod:\n"


def test_ids_filter_warns_about_an_unknown_id(sim, tmp_path):
    path = write_config(tmp_path, environment_ids=[ENVIRONMENTS["prod"], "no-such-environment"])
    inventory = inventory_list(path, credentials(sim))
    assert inventory.hosts("boomi_environments") == {"production"}
    assert "no-such-environment" in inventory.proc.stderr


def test_clashing_names_get_the_id_and_exact_names_stay_in_hostvars(sim, boomi, tmp_path):
    ids = {}
    for name in ("QA-1", "qa 1", "Тест", "{{ 6 * 7 }} lab"):
        answer = boomi.create("Environment", {"name": name, "classification": "TEST"})
        assert answer.status_code == 200, answer.text
        ids[name] = answer.json()["id"]
    inventory = inventory_list(write_config(tmp_path, environment_ids=list(ids.values())), credentials(sim))

    def host(name):
        return next(h for h, v in inventory.hostvars.items() if v["boomi_environment_id"] == ids[name])

    suffix = {name: ids[name].replace("-", "_") for name in ids}
    assert host("QA-1") == "qa_1_" + suffix["QA-1"]
    assert host("qa 1") == "qa_1_" + suffix["qa 1"]
    assert host("Тест") == "environment_" + suffix["Тест"]
    assert host("{{ 6 * 7 }} lab") == "6_7_lab"
    assert inventory.hostvars["6_7_lab"]["boomi_environment_name"] == "{{ 6 * 7 }} lab"


def test_an_environment_name_is_never_templated(sim, boomi, tmp_path):
    answer = boomi.create("Environment", {"name": "{{ 6 * 7 }} lab", "classification": "TEST"})
    assert answer.status_code == 200, answer.text
    path = write_config(tmp_path, environment_names=["*lab"])
    proc = run("ansible", "all", "-i", str(path), "-m", "ansible.builtin.debug", "-a",
               "msg=name:{{ boomi_environment_name }}", env=credentials(sim))
    assert "name:{{ 6 * 7 }} lab" in proc.stdout
    assert "name:42" not in proc.stdout


def test_override_account_lists_the_managed_account(sim, tmp_path):
    inventory = inventory_list(write_config(tmp_path, override_account=SUB_ACCOUNT), credentials(sim))
    assert inventory.hosts("boomi_environments") == {"customer_production"}
    assert inventory.hosts("boomi_classification_prod") == {"customer_production"}
    log = sim.requests()["requests"]
    assert log[-1]["path"].startswith("/partner/api/rest/v1/%s/Environment/query" % ACCOUNT)


def test_file_options_win_over_the_environment(sim, tmp_path):
    env = credentials(sim, BOOMI_OVERRIDE_ACCOUNT=SUB_ACCOUNT)
    from_env = inventory_list(write_config(tmp_path), env)
    assert from_env.hosts("boomi_environments") == {"customer_production"}
    from_file = inventory_list(write_config(tmp_path, classifications=["prod"], account_id=ACCOUNT,
                                            override_account=""), env)
    assert from_file.hosts("boomi_environments") == {"production", "disaster_recovery"}


def test_constructed_compose_groups_and_keyed_groups(sim, tmp_path):
    path = write_config(
        tmp_path,
        compose={"ansible_connection": "'local'", "short_id": "boomi_environment_id[-4:]"},
        groups={"dr_site": "boomi_environment_name is search('Recovery')"},
        keyed_groups=[{"key": "boomi_environment_classification", "prefix": "tier"}],
        strict=True)
    inventory = inventory_list(path, credentials(sim))
    assert inventory.hostvars["staging"]["short_id"] == "e004"
    assert inventory.hostvars["staging"]["ansible_connection"] == "local"
    assert inventory.hosts("dr_site") == {"disaster_recovery"}
    assert inventory.hosts("tier_prod") == {"production", "disaster_recovery"}
    assert inventory.hosts("tier_test") == {"development", "test", "staging"}


def test_strict_fails_on_an_undefined_variable(sim, tmp_path):
    path = write_config(tmp_path, compose={"x": "no_such_variable + 1"}, strict=True)
    env = dict(credentials(sim), ANSIBLE_INVENTORY_UNPARSED_FAILED="true")
    proc = run("ansible-inventory", "-i", str(path), "--list", env=env, check=False)
    assert proc.returncode != 0
    assert "no_such_variable" in proc.stdout + proc.stderr


def test_cache_serves_a_second_run_without_requests_until_flushed(sim, boomi, tmp_path):
    path = write_config(tmp_path, cache=True, cache_plugin="ansible.builtin.jsonfile",
                        cache_connection=str(tmp_path / "cache"), cache_timeout=3600)
    env = credentials(sim)

    def listed(*args):
        before = sim.requests()["summary"]["total"]
        inventory = inventory_list(path, env, *args)
        return inventory.hosts("boomi_environments"), sim.requests()["summary"]["total"] - before

    first, requests_first = listed()
    assert len(first) == 5 and requests_first == 1
    assert boomi.create("Environment", {"name": "Hotfix", "classification": "TEST"}).status_code == 200
    second, requests_second = listed()
    assert requests_second == 0
    assert second == first  # served from the cache: the new environment is not there yet
    flushed, requests_flushed = listed("--flush-cache")
    assert requests_flushed == 1
    assert flushed == first | {"hotfix"}
    third, requests_third = listed()
    assert requests_third == 0 and third == flushed  # the flush refreshed the cache


def test_the_cache_is_per_account(sim, tmp_path):
    path = write_config(tmp_path, cache=True, cache_plugin="ansible.builtin.jsonfile",
                        cache_connection=str(tmp_path / "cache"), cache_timeout=3600)
    primary = inventory_list(path, credentials(sim))
    managed = inventory_list(path, credentials(sim, BOOMI_OVERRIDE_ACCOUNT=SUB_ACCOUNT))
    assert managed.hosts("boomi_environments") == {"customer_production"}
    assert len(primary.hosts("boomi_environments")) == 5
    cached = "".join(p.read_text() for p in (tmp_path / "cache").iterdir())
    assert TOKEN not in cached


def test_bad_credentials_fail_clearly_without_the_secret(sim, tmp_path):
    env = dict(credentials(sim, BOOMI_API_TOKEN="wrong-token-0b1c2d3e4f"), ANSIBLE_INVENTORY_UNPARSED_FAILED="true")
    proc = run("ansible-inventory", "-i", str(write_config(tmp_path)), "--list", "-vvv", env=env, check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "401" in output and "boomi.platform.environments" in output
    assert "wrong-token-0b1c2d3e4f" not in output


def test_missing_account_names_the_variable(sim, tmp_path):
    env = credentials(sim)
    del env["BOOMI_ACCOUNT_ID"]
    proc = run("ansible-inventory", "-i", str(write_config(tmp_path)), "--list",
               env=dict(env, ANSIBLE_INVENTORY_UNPARSED_FAILED="true"), check=False)
    assert proc.returncode != 0
    assert "BOOMI_ACCOUNT_ID" in proc.stdout + proc.stderr


def test_other_file_names_are_not_claimed(sim, tmp_path):
    path = write_config(tmp_path, name="boomi.yml")
    proc = run("ansible-inventory", "-i", str(path), "--list", env=credentials(sim), check=False)
    hosts = json.loads(proc.stdout)["_meta"]["hostvars"] if proc.returncode == 0 else {}
    assert plain(hosts) == {}
    assert sim.requests()["summary"]["total"] == 0


# -- host names that would shadow a group or the controller (issue 22) ---------------------------------------------
SHADOWING = ("Boomi Environments", "All", "Ungrouped", "localhost", "Boomi Classification Prod", "Tier Test",
             "DR Site")


def test_a_host_never_shadows_a_group_or_the_controller(sim, boomi, tmp_path):
    """An environment named "Boomi Environments" was a host boomi_environments that shadowed the group: a play on
    the group ran on that one environment and exited 0. Every name a group or the controller has (the plugin's
    groups, keyed_groups and groups it makes, all, ungrouped, localhost) gets the id suffix, with a warning."""
    ids = {}
    for name in SHADOWING:
        answer = boomi.create("Environment", {"name": name, "classification": "PROD" if "Prod" in name else "TEST"})
        assert answer.status_code == 200, answer.text
        ids[name] = answer.json()["id"]
    path = write_config(tmp_path, groups={"dr_site": "boomi_environment_name is search('Recovery')"},
                        keyed_groups=[{"key": "boomi_environment_classification", "prefix": "tier"}])
    inventory = inventory_list(path, credentials(sim))
    every = {"development", "test", "staging", "production", "disaster_recovery"} | {
        "%s_%s" % (re.sub(r"[^a-z0-9_]+", "_", name.lower()), ids[name].replace("-", "_")) for name in SHADOWING}
    assert set(inventory.hostvars) == every
    assert inventory.hosts("boomi_environments") == every
    assert inventory.hosts("dr_site") == {"disaster_recovery"}
    stderr = inventory.proc.stderr
    for name in SHADOWING:
        assert "environment %r (id %s)" % (name, ids[name]) in " ".join(stderr.split()), name
    assert "Found both group and host with same name" not in stderr
    # a play over the group reaches every environment, and localhost is still the controller
    env = credentials(sim)
    listed = run("ansible", "boomi_environments", "-i", str(path), "--list-hosts", env=env).stdout
    assert len(listed.split("\n", 1)[1].split()) == len(every)
    local = run("ansible", "localhost", "-i", str(path), "-m", "ansible.builtin.debug",
                "-a", "var=boomi_environment_id", env=env).stdout
    assert "is undefined" in local or "VARIABLE IS NOT DEFINED" in local


def test_an_api_url_that_cannot_be_parsed_names_the_option(sim, tmp_path):
    env = dict(credentials(sim, BOOMI_API_URL="http://[::1"), ANSIBLE_INVENTORY_UNPARSED_FAILED="true")
    proc = run("ansible-inventory", "-i", str(write_config(tmp_path)), "--list", env=env, check=False)
    output = " ".join((proc.stdout + proc.stderr).split())
    assert proc.returncode != 0
    assert "api_url (http): the host is not a valid IPv6 address in brackets" in output
    assert "http(s)://<host>[:<port>]" in output and "Invalid IPv6 URL" not in output
    assert sim.requests()["summary"]["total"] == 0


def test_an_account_id_with_path_characters_is_refused_before_any_request(sim, tmp_path):
    env = dict(credentials(sim, BOOMI_ACCOUNT_ID=ACCOUNT + "/../boomi-other-Z9Y8X7"),
               ANSIBLE_INVENTORY_UNPARSED_FAILED="true")
    proc = run("ansible-inventory", "-i", str(write_config(tmp_path)), "--list", env=env, check=False)
    assert proc.returncode != 0 and "is not a Boomi account id" in proc.stdout + proc.stderr
    assert sim.requests()["summary"]["total"] == 0
