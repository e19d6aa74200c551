#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_environment_extensions_info
short_description: Read the extension values of one or more environments (EnvironmentExtensions)
version_added: "0.1.0"
description:
  - Returns the extension values of each environment asked for - connection fields, process property components,
    dynamic process properties and cross-reference tables of the processes deployed there - with the names of the
    components beside their ids, and every extension group of the environment (multi-install integration packs).
  - Encrypted values are never returned by Boomi; they show as C(********) when set, else V(null).
  - An id that is no environment of the account fails, naming it.
  - "Cost: one bulk read of the environments (per 100) and one query of their extensions (per 100)."
options:
  environment_id:
    description: Id of the environment. Exactly one of O(environment_id) and O(environment_ids) is required.
    type: str
  environment_ids:
    description: Ids of several environments, read together.
    type: list
    elements: str
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode_read_only
  - boomi.platform.attributes.diff_mode_none
seealso:
  - module: boomi.platform.boomi_environment_extensions
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Read the extensions of test and production
  boomi.platform.boomi_environment_extensions_info:
    environment_ids:
      - 6d3f9a10-0002-4d5e-9a1b-00000000e002
      - 6d3f9a10-0003-4d5e-9a1b-00000000e003
  register: extensions

- name: Show where production's Order Intake database points
  ansible.builtin.debug:
    msg: >-
      {{ (extensions.environments[1].extensions[0].connections
          | selectattr('name', 'equalto', 'Orders DB') | first).fields
         | selectattr('id', 'equalto', 'url') | map(attribute='value') | first }}
"""

RETURN = r"""
environments:
  description: One entry per environment, in the order asked.
  returned: always
  type: list
  elements: dict
  contains:
    environment_id:
      description: The environment.
      type: str
    environment_name:
      description: Its name at Boomi.
      type: str
    extensions:
      description:
        - Its extension documents, the environment's own first, then one per extension group; each as
          RV(boomi.platform.boomi_environment_extensions#module:extensions) describes (C(id), C(environment_id),
          C(extension_group_id), C(connections), C(process_properties), C(properties), C(cross_references)).
      type: list
      elements: dict
"""

from ansible_collections.boomi.platform.plugins.module_utils import environment as environment_api
from ansible_collections.boomi.platform.plugins.module_utils import environment_extensions as extensions_api
from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module

OPTIONS = dict(
    environment_id=dict(type="str"),
    environment_ids=dict(type="list", elements="str"),
)
CONSTRAINTS = dict(required_one_of=[("environment_id", "environment_ids")],
                   mutually_exclusive=[("environment_id", "environment_ids")])


def find_current(module, client):
    params = module.params
    option = "environment_id" if params["environment_id"] else "environment_ids"
    ids = [params["environment_id"]] if params["environment_id"] else list(dict.fromkeys(params["environment_ids"]))
    if not ids or not all(ids):
        raise UsageError("environment_ids is empty or has an empty entry; list the ids of the environments to read")
    environments = environment_api.require_all(client, ids, option)
    documents = extensions_api.read_many(client, ids)
    return [(environments[ident], documents[ident]) for ident in ids]


def run(module, client):
    out = [{"environment_id": environment["id"], "environment_name": environment.get("name"),
            "extensions": [extensions_api.result(extensions_api.view(d)) for d in documents]}
           for environment, documents in find_current(module, client)]
    return False, {"environments": out}, None


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
