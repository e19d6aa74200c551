"""ansible-doc renders every module, and the docs name what the argument spec has."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .playbook import COLLECTIONS_PATH

ANSIBLE_DOC = str(Path(sys.executable).with_name("ansible-doc"))
MODULE_FILES = sorted((Path(__file__).resolve().parents[2] / "plugins" / "modules").glob("boomi_*.py"))
MODULES = [p.stem for p in MODULE_FILES]
API_MODULES = [p.stem for p in MODULE_FILES if "run_module(" in p.read_text()]  # the others are action helpers
ENV = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(COLLECTIONS_PATH), ANSIBLE_NOCOLOR="1")


@pytest.mark.parametrize("module", MODULES)
def test_ansible_doc_renders(module):
    proc = subprocess.run([ANSIBLE_DOC, "boomi.platform." + module], env=ENV, capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "EXAMPLES" in proc.stdout
    if module in API_MODULES:
        assert "api_token" in proc.stdout and "BOOMI_API_TOKEN" in proc.stdout


def test_collection_lists_every_module():
    proc = subprocess.run([ANSIBLE_DOC, "-l", "boomi.platform", "--json"], env=ENV, capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert sorted(json.loads(proc.stdout)) == sorted("boomi.platform." + m for m in MODULES)


def test_role_documentation_renders():
    proc = subprocess.run([ANSIBLE_DOC, "-t", "role", "boomi.platform.package_and_deploy"], env=ENV, capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    for variable in ("boomi_components", "boomi_environment_id", "boomi_integration_pack_name", "boomi_api_token"):
        assert variable in proc.stdout
