# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``boomi_*`` variables the collection knows, read from the collection itself, never typed here.

Known are: every option (and dict sub-option) of every role's ``meta/argument_specs.yml``, every ``boomi_*``
name the roles and playbooks use (their variables, defaults, facts), the host variables the inventory plugin
composes, and the keys the roles publish with ``set_stats`` (AWX hands those to the next workflow node as
extra variables). A ``boomi_*`` variable outside this set is a typo, or a team's own variable.
"""

from __future__ import annotations

import difflib
import glob
import os
import re

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PREFIX = "boomi_"
# a boomi_* word that is not part of a dotted name (boomi.platform.boomi_role_plan is a plugin, not a variable)
# (a prefix such as boomi_environment_%s or boomi_aap_* is not a name: nothing may follow the word)
WORD = re.compile(r"(?<![\w.])boomi_[a-z0-9_]*[a-z0-9](?![\w%*])")
# the keys the roles' steps publish with set_stats (plugin_utils/role_*.py use these names)
STATS_KEYS = ("boomi_packages", "boomi_integration_pack", "boomi_release", "boomi_expected_versions",
              "boomi_deployments", "boomi_report")
_CACHE = {}


def role_specs(role, entry_point="main"):
    """The options of a role's entry point, as ``meta/argument_specs.yml`` declares them."""
    key = (role, entry_point)
    if key not in _CACHE:
        path = os.path.join(ROOT, "roles", role, "meta", "argument_specs.yml")
        with open(path) as handle:
            specs = yaml.safe_load(handle)["argument_specs"]
        _CACHE[key] = specs[entry_point].get("options") or {}
    return _CACHE[key]


def suboptions(role, name):
    """The names a dict input (or a list of dicts) of a role may hold, per its argument spec; None if it is free."""
    spec = role_specs(role).get(name) or {}
    return sorted(spec["options"]) if spec.get("options") else None


def known_variables():
    if "known" not in _CACHE:
        names = set(STATS_KEYS)
        for path in glob.glob(os.path.join(ROOT, "roles", "*", "meta", "argument_specs.yml")):
            with open(path) as handle:
                for entry in (yaml.safe_load(handle).get("argument_specs") or {}).values():
                    names.update(entry.get("options") or {})
        # the names the roles and playbooks use, and the host variables the inventory plugin documents
        for pattern in ("roles/*/tasks/*.yml", "roles/*/defaults/*.yml", "playbooks/*.yml", "playbooks/*/*.yml",
                        "plugins/inventory/*.py"):
            for path in glob.glob(os.path.join(ROOT, pattern)):
                with open(path) as handle:
                    names.update(WORD.findall(handle.read()))
        _CACHE["known"] = frozenset(names)
    return _CACHE["known"]


def closest(name, known):
    """The known name closest to a misspelt one, or None."""
    found = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
    return found[0] if found else None
