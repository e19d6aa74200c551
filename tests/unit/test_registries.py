"""Lists that must agree are derived or checked here, so adding a module cannot leave one behind."""

from pathlib import Path

import yaml

from ansible_collections.boomi.platform.plugins.doc_fragments.connection import ModuleDocFragment
from ansible_collections.boomi.platform.plugins.module_utils import arguments, client

ROOT = Path(__file__).resolve().parents[2]


def module_names():
    return sorted(p.stem for p in (ROOT / "plugins" / "modules").glob("*.py") if p.stem != "__init__")


def test_action_group_lists_every_module():
    runtime = yaml.safe_load((ROOT / "meta" / "runtime.yml").read_text())
    assert module_names(), "no modules found"
    assert sorted(runtime["action_groups"]["boomi"]) == module_names()


def test_user_agent_version_is_the_collection_version():
    galaxy = yaml.safe_load((ROOT / "galaxy.yml").read_text())
    assert client.COLLECTION_VERSION == galaxy["version"]


def test_connection_fragment_documents_the_option_table():
    documented = yaml.safe_load(ModuleDocFragment.DOCUMENTATION)["options"]
    assert sorted(documented) == sorted(arguments.DEFAULTS)
    for name, kind, default, env, secret in arguments.OPTIONS_TABLE:
        option = documented[name]
        assert option["type"] == kind, name
        assert option.get("default") == default, name
        assert env in " ".join(option["description"]), name
        assert arguments.CONNECTION_SPEC[name].get("no_log", False) is secret
