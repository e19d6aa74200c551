"""The inventory plugin's connection options are the modules' option table, with env: entries."""

import yaml

from ansible_collections.boomi.platform.plugins.doc_fragments.plugin_connection import ModuleDocFragment
from ansible_collections.boomi.platform.plugins.module_utils import arguments


def test_plugin_fragment_documents_the_option_table_with_env_entries():
    documented = yaml.safe_load(ModuleDocFragment.DOCUMENTATION)["options"]
    assert sorted(documented) == sorted(arguments.DEFAULTS)
    for name, kind, default, env, _secret in arguments.OPTIONS_TABLE:
        option = documented[name]
        assert option["type"] == kind, name
        assert option.get("default") == default, name
        assert option["env"] == [{"name": env}], name
        assert not option.get("required"), name  # ConnectionSettings names the missing variable itself
