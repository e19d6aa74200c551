#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_environment_info
short_description: List Boomi environments (Environment)
version_added: "0.1.0"
description:
  - Returns the environments of the account, or the one with O(id), or those with O(ids), or those with
    O(name) and/or O(classification).
  - An O(id), O(ids) entry or O(name) that matches no environment fails, naming the option (every unknown
    id at once); a O(classification) that matches none returns an empty list.
  - O(ids) costs one request per 100 ids, so a playbook can check every environment of an inventory before it
    changes anything.
options:
  id:
    description: Id of one environment.
    type: str
  ids:
    description: Ids of several environments, returned in this order.
    type: list
    elements: str
  name:
    description: Exact name of the environment.
    type: str
  classification:
    description: Only environments of this classification. Can be combined with O(name).
    type: str
    choices: [test, prod]
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode_read_only
  - boomi.platform.attributes.diff_mode_none
seealso:
  - module: boomi.platform.boomi_deployed_package_info
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Every environment of the account
  boomi.platform.boomi_environment_info:
  register: all_environments

- name: Check every environment of the inventory at once (fails naming each unknown id)
  boomi.platform.boomi_environment_info:
    ids:
      - 6d3f9a10-0001-4d5e-9a1b-00000000e001
      - 6d3f9a10-0003-4d5e-9a1b-00000000e003
  register: checked

- name: The production environments
  boomi.platform.boomi_environment_info:
    classification: prod
  register: production

- name: The environment named Test
  boomi.platform.boomi_environment_info:
    name: Test
  register: test_environment

- name: Use its id
  ansible.builtin.debug:
    msg: "{{ test_environment.environments[0].id }}"
"""

RETURN = r"""
environments:
  description: The environments that match, in Boomi's order.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the environment (what the deploy modules take as C(environment_id)).
      type: str
      sample: 6d3f9a10-0002-4d5e-9a1b-00000000e002
    name:
      description: Name of the environment.
      type: str
      sample: Test
    classification:
      description: C(test) or C(prod).
      type: str
      sample: test
"""

from ansible_collections.boomi.platform.plugins.module_utils import environment as environment_api
from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module

OPTIONS = dict(
    id=dict(type="str"),
    ids=dict(type="list", elements="str"),
    name=dict(type="str"),
    classification=dict(type="str", choices=list(environment_api.CLASSIFICATIONS)),
)
CONSTRAINTS = dict(mutually_exclusive=[("id", "ids", "name"), ("id", "ids", "classification")])


def find_current(module, client):
    params = module.params
    if params["id"]:
        return environment_api.require_many(client, [params["id"]], option="id")
    if params["ids"] is not None:
        return environment_api.require_many(client, params["ids"], option="ids")
    found = environment_api.find_all(client, params["name"], params["classification"])
    if params["name"] is not None and not found:
        raise UsageError("name %r: no environment with that name%s in account %s" % (
            params["name"], " and classification %s" % params["classification"] if params["classification"] else "",
            client.settings.override_account or client.settings.account_id))
    return found


def run(module, client):
    return False, {"environments": [environment_api.result(e) for e in find_current(module, client)]}, None


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
