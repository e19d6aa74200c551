"""Lists that must agree are derived or checked here, so adding a module cannot leave one behind."""

from pathlib import Path

import ast
import re

import yaml

from ansible_collections.boomi.platform.plugins.doc_fragments.connection import ModuleDocFragment
from ansible_collections.boomi.platform.plugins.module_utils import arguments, client

ROOT = Path(__file__).resolve().parents[2]


def api_modules():
    """Modules that talk to Boomi and take the connection options: those that run through run_module, and the
    roles' steps, action plugins built on BoomiRoleAction. Other action plugins, such as boomi_batch_result, take
    no connection options."""
    def talks_to_boomi(path):
        action = ROOT / "plugins" / "action" / path.name
        return "run_module(" in path.read_text() or (action.is_file() and "BoomiRoleAction" in action.read_text())
    return sorted(p.stem for p in (ROOT / "plugins" / "modules").glob("*.py") if talks_to_boomi(p))


def test_action_group_lists_every_module_that_talks_to_boomi():
    runtime = yaml.safe_load((ROOT / "meta" / "runtime.yml").read_text())
    assert len(api_modules()) >= 4, "modules not found"
    assert sorted(runtime["action_groups"]["boomi"]) == api_modules()


def test_every_module_without_run_module_is_an_action_plugin():
    for path in (ROOT / "plugins" / "modules").glob("*.py"):
        if "run_module(" not in path.read_text():
            assert (ROOT / "plugins" / "action" / path.name).is_file(), path.name


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


def test_every_module_documentation_is_valid_yaml():

    for path in sorted((ROOT / "plugins" / "modules").glob("*.py")):
        tree = ast.parse(path.read_text())
        docs = {n.targets[0].id: n.value.value for n in tree.body
                if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") in ("DOCUMENTATION", "EXAMPLES", "RETURN")}
        assert set(docs) == {"DOCUMENTATION", "EXAMPLES", "RETURN"}, path.name
        for name, text in docs.items():
            assert yaml.safe_load(text) is not None, (path.name, name)
        assert_descriptions_are_text(yaml.safe_load(docs["DOCUMENTATION"]), path.name)


def assert_descriptions_are_text(node, where):
    """A stray ': ' in YAML turns a description line into a mapping; ansible-doc then refuses the module."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("options", "suboptions"):  # keys are option names (an option may be called description)
                for option in value.values():
                    assert_descriptions_are_text(option, "%s.%s" % (where, key))
            elif key == "description":
                lines = value if isinstance(value, list) else [value]
                assert all(isinstance(line, str) for line in lines), (where, lines)
            else:
                assert_descriptions_are_text(value, "%s.%s" % (where, key))
    elif isinstance(node, list):
        for item in node:
            assert_descriptions_are_text(item, where)


def snake(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def module_utils_objects():
    """{Boomi object: module_utils file stem} of every file that declares OBJECT."""
    found = {}
    for path in (ROOT / "plugins" / "module_utils").glob("*.py"):
        match = re.search(r'^OBJECT = "(\w+)"', path.read_text(), re.M)
        if match:
            found[match.group(1)] = path.stem
    return found


def simulator_objects():
    """{Boomi object: simulator file stem} of the first object each simulator object file defines."""
    found = {}
    for path in (ROOT / "simulator" / "boomi_simulator" / "objects").glob("*.py"):
        names = re.findall(r'^    name = "(\w+)"', path.read_text(), re.M)
        if names:
            found[names[0]] = path.stem
    return found


def test_every_boomi_object_has_one_name_in_every_tree():
    """module_utils and the simulator name each object's file after the object (snake case); an object in both
    trees has the same file name in both."""
    ours, simulated = module_utils_objects(), simulator_objects()
    assert len(ours) >= 10 and len(simulated) >= 10, "object files not found"
    for tree in (ours, simulated):
        wrong = dict((obj, stem) for obj, stem in tree.items() if stem != snake(obj))
        assert not wrong, wrong
    assert set(ours) <= set(simulated) | {"AccountGroupAccount"}, set(ours) - set(simulated)
