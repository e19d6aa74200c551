# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: environments
short_description: Boomi environments as inventory hosts
version_added: "0.1.0"
description:
  - Makes every environment of a Boomi account a host, for the roles and playbooks of this collection (their
    API calls run on the controller; a host stands for one environment).
  - Reads the account's environments with one query (plus one request per further page of results).
  - "Configuration files must be named C(*.boomi.yml) or C(*.boomi.yaml) and contain
    C(plugin: boomi.platform.environments)."
  - Every connection option falls back to its C(BOOMI_*) environment variable, which is how AWX and Automation
    Platform pass a credential to an inventory update. Keep O(api_token) and O(password) out of the file.
  - "Host names: the environment's name in lower case, with every run of characters other than V(a-z), V(0-9)
    and V(_) replaced by one V(_), and V(_) trimmed at both ends (C(Production EU) becomes C(production_eu)).
    When two or more environments get the same host name this way (C(QA-1) and C(qa 1)), or a name gives
    nothing (a name in a non-Latin script), each of them is named C(<that>_<id>) instead, the id written the
    same way (C(qa_1_6d3f9a10_0001_4d5e_9a1b_00000000e001)), so a host name never depends on the order Boomi
    lists the environments in. The exact name is in the host variable C(boomi_environment_name)."
  - "A host name is never the name of a group of the inventory (V(all), V(ungrouped), the plugin's own groups and
    every group O(groups) and O(keyed_groups) make, or a group an earlier inventory source made) nor V(localhost)
    (or any name Ansible takes for the controller): a play on that group would otherwise run on that one host
    only. Such an environment gets the id suffix too, with a warning naming it (C(Boomi Environments) becomes
    C(boomi_environments_<id>))."
  - A host is renamed when a new environment with a clashing name appears; AWX then sees a new host.
  - "Groups: C(boomi_environments) holds every host, through its children C(boomi_classification_test) and
    C(boomi_classification_prod) (the environments classified TEST and PROD). The three groups always exist,
    empty or not, so C(boomi_target_hosts=boomi_classification_prod) never matches the wrong hosts."
  - "Host variables: C(boomi_environment_id), C(boomi_environment_name) and C(boomi_environment_classification)
    (V(test) or V(prod)). They are data, never templates: an environment name with C({{) stays as it is."
  - With O(cache), the environments are kept in the inventory cache (keyed by the file, O(api_url), O(account_id)
    and O(override_account)); a run served from the cache sends no request. C(--flush-cache) reads them again.
extends_documentation_fragment:
  - boomi.platform.plugin_connection
  - constructed
  - inventory_cache
options:
  plugin:
    description: The name of this plugin. It makes the file a source for this plugin.
    type: str
    required: true
    choices: [boomi.platform.environments]
  environment_names:
    description:
      - Only environments whose exact name matches one of these shell-style patterns (C(*), C(?), C([...]));
        case sensitive. Unset or empty, every name.
    type: list
    elements: str
    default: []
  classifications:
    description: Only environments of these classifications. Unset or empty, both.
    type: list
    elements: str
    choices: [test, prod]
    default: []
  environment_ids:
    description:
      - Only the environments with these ids. An id that is not an environment of the account draws a warning.
        Unset or empty, every environment.
    type: list
    elements: str
    default: []
seealso:
  - module: boomi.platform.boomi_environment_info
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
# inventories/boomi.boomi.yml: every environment of the account, credentials from BOOMI_* variables
# (export BOOMI_ACCOUNT_ID, BOOMI_USERNAME and BOOMI_API_TOKEN, or attach the Boomi credential in AWX).
#   ansible-inventory -i inventories/boomi.boomi.yml --graph
plugin: boomi.platform.environments

# Only the TEST environments whose names start with "EU ", cached for an hour, grouped and with a variable
# made from the host variables:
# plugin: boomi.platform.environments
# classifications: [test]
# environment_names: ["EU *"]
# cache: true
# cache_plugin: ansible.builtin.jsonfile
# cache_connection: ~/.cache/boomi-inventory
# cache_timeout: 3600
# compose:
#   ansible_connection: "'local'"
#   region: boomi_environment_name.split(' ')[0] | lower
# keyed_groups:
#   - key: region
#     prefix: region

# A managed customer's environments, through the Partner API:
# plugin: boomi.platform.environments
# override_account: customer-account-id
"""

import fnmatch
import hashlib
import re

from ansible import constants
from ansible.errors import AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable
from ansible.utils.display import Display
from ansible.utils.unsafe_proxy import wrap_var

from ansible_collections.boomi.platform.plugins.module_utils import environment as environment_api
from ansible_collections.boomi.platform.plugins.module_utils.arguments import OPTIONS_TABLE, ConnectionSettings
from ansible_collections.boomi.platform.plugins.module_utils.client import BoomiClient
from ansible_collections.boomi.platform.plugins.module_utils.errors import BoomiError

display = Display()

ALL_GROUP = "boomi_environments"
CLASSIFICATION_GROUP = "boomi_classification_%s"
CLASSIFICATIONS = ("test", "prod")
FILE_SUFFIXES = (".boomi.yml", ".boomi.yaml")
HOST_VARIABLE = "boomi_environment_%s"
# Names a host must never take: Ansible's two implicit groups and the names it takes for the controller.
RESERVED_NAMES = frozenset(("all", "ungrouped") + tuple(constants.LOCALHOST))
NAMING_PASSES = 3  # keyed_groups may depend on inventory_hostname: name, group, and name again until stable


def slug(text):
    """Lower case; every run of characters other than a-z, 0-9 and _ becomes one _; no _ at either end."""
    return re.sub(r"[^a-z0-9_]+", "_", (text or "").lower()).strip("_")


def host_names(environments, reserved=()):
    """{environment id: host name}, unique and none of ``reserved``. A name several environments share (or an
    empty one, or a reserved one) gets the environment's id appended, for every environment that has it, so the
    result does not depend on order."""
    reserved = frozenset(reserved)
    names = dict((env["id"], slug(env["name"])) for env in environments)
    suffixed = set()
    while True:
        seen = {}
        for ident, name in names.items():
            seen.setdefault(name, []).append(ident)
        clashing = [ident for name, idents in seen.items() if len(idents) > 1 or not name or name in reserved
                    for ident in idents if ident not in suffixed]
        if not clashing:
            break
        for ident in clashing:
            names[ident] = "%s_%s" % (names[ident], slug(ident)) if names[ident] else "environment_" + slug(ident)
            suffixed.add(ident)
    if len(set(names.values())) != len(names) or reserved.intersection(names.values()):
        raise AnsibleParserError("boomi.platform.environments: the environment ids %s give the same host name, or "
                                 "the name of a group; this plugin cannot name them apart" % ", ".join(sorted(names)))
    return names


def select(environments, names=None, classifications=None, ids=None):
    """The environments that pass every filter that is set (name patterns, classifications, ids)."""
    chosen = []
    for env in environments:
        if names and not any(fnmatch.fnmatchcase(env["name"] or "", pattern) for pattern in names):
            continue
        if classifications and env["classification"] not in classifications:
            continue
        if ids and env["id"] not in ids:
            continue
        chosen.append(env)
    return chosen


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):
    NAME = "boomi.platform.environments"

    def verify_file(self, path):
        return super(InventoryModule, self).verify_file(path) and path.endswith(FILE_SUFFIXES)

    def parse(self, inventory, loader, path, cache=True):
        super(InventoryModule, self).parse(inventory, loader, path, cache)
        self._read_config_data(path)
        settings = self._settings()
        environments = self._environments(path, settings, cache)
        ids = self.get_option("environment_ids")
        unknown = sorted(set(ids) - set(env["id"] for env in environments))
        if unknown:
            display.warning("boomi.platform.environments: no environment with the id(s) %s in account %s"
                            % (", ".join(unknown), settings.override_account or settings.account_id))
        chosen = select(environments, self.get_option("environment_names"), self.get_option("classifications"), ids)
        self._populate(chosen)

    def _settings(self):
        params = dict((name, self.get_option(name)) for name, _kind, _default, _env, _secret in OPTIONS_TABLE)
        try:
            settings = ConnectionSettings(params)
        except BoomiError as exc:
            raise AnsibleParserError("boomi.platform.environments: %s" % exc)
        for warning in settings.warnings:
            display.warning("boomi.platform.environments: %s" % warning)
        return settings

    def _environments(self, path, settings, cache):
        """Every environment of the account as [{id, name, classification}], from the cache when allowed."""
        use_cache = self.get_option("cache")
        key = self._cache_key(path, settings)
        if use_cache and cache:
            try:
                return self._cache[key]
            except KeyError:
                pass  # not cached yet, or expired
        environments = self._fetch(settings)
        if use_cache:
            self._cache[key] = environments
        return environments

    def _cache_key(self, path, settings):
        # The same file may list another account when the credential in the environment changes.
        where = "|".join((settings.api_url, settings.account_id, settings.override_account or ""))
        return "%s_%s" % (self.get_cache_key(path), hashlib.sha256(where.encode("utf-8")).hexdigest()[:16])

    def _fetch(self, settings):
        try:
            client = BoomiClient(settings, warn=lambda message: display.warning("boomi.platform.environments: "
                                                                                + message))
            found = environment_api.find_all(client)
        except BoomiError as exc:
            raise AnsibleParserError("boomi.platform.environments: %s" % exc)
        return sorted((environment_api.result(env) for env in found), key=lambda env: (env["name"] or "", env["id"]))

    def _populate(self, environments):
        names = self._host_names(environments)
        self._add(self.inventory, environments, names)

    def _host_names(self, environments):
        """Host names that shadow no group: the groups this file makes (its own, O(groups), O(keyed_groups), found
        by adding the hosts to a scratch inventory first), those the inventory already has, and Ansible's."""
        own = [ALL_GROUP] + [CLASSIFICATION_GROUP % classification for classification in CLASSIFICATIONS]
        reserved = set(RESERVED_NAMES) | set(own) | set(self.inventory.groups) | set(self.get_option("groups") or {})
        names = host_names(environments, reserved)
        for dummy in range(NAMING_PASSES):
            scratch = InventoryData()
            self._add(scratch, environments, names)
            reserved |= set(scratch.groups)
            again = host_names(environments, reserved)
            if again == names:
                break
            names = again
        for env in environments:
            if slug(env["name"]) in reserved:
                display.warning("boomi.platform.environments: environment %r (id %s) would be host %s, the name of a "
                                "group of this inventory or a name Ansible reserves; it is host %s instead"
                                % (env["name"], env["id"], slug(env["name"]), names[env["id"]]))
        return names

    def _add(self, inventory, environments, names):
        """Add the groups and hosts to ``inventory`` (the real one, or a scratch one to learn the groups made)."""
        real, self.inventory = self.inventory, inventory  # the constructed helpers work on self.inventory
        try:
            self._add_groups_and_hosts(environments, names)
        finally:
            self.inventory = real

    def _add_groups_and_hosts(self, environments, names):
        self.inventory.add_group(ALL_GROUP)
        for classification in CLASSIFICATIONS:
            self.inventory.add_group(CLASSIFICATION_GROUP % classification)
            self.inventory.add_child(ALL_GROUP, CLASSIFICATION_GROUP % classification)
        strict = self.get_option("strict")
        for env in environments:
            host = names[env["id"]]
            classification = env["classification"]
            group = CLASSIFICATION_GROUP % classification if classification in CLASSIFICATIONS else ALL_GROUP
            self.inventory.add_host(host, group=group)
            for field in ("id", "name", "classification"):
                # Boomi's data, never a template (an environment name may contain "{{").
                self.inventory.set_variable(host, HOST_VARIABLE % field, wrap_var(env[field]))
            hostvars = self.inventory.get_host(host).get_vars()
            self._set_composite_vars(self.get_option("compose"), hostvars, host, strict=strict)
            self._add_host_to_composed_groups(self.get_option("groups"), hostvars, host, strict=strict)
            self._add_host_to_keyed_groups(self.get_option("keyed_groups"), hostvars, host, strict=strict)
