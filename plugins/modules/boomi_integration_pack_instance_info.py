#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_integration_pack_instance_info
short_description: Read the integration packs installed in a (managed) account and where they are attached
version_added: "0.1.0"
description:
  - Returns the integration pack instances of the account the connection acts in (for a managed account, set the
    connection option O(override_account) to its id), each with the environments it is attached to, and the packs
    available to the account (shared with it and released).
  - Filter by pack (O(integration_pack_id) or O(integration_pack)), by instance name (O(override_name)) and by
    environment (O(environment_id)). A filter that matches nothing returns an empty list.
  - Boomi does not say which release an instance runs; it is always the pack's current release (see
    M(boomi.platform.boomi_integration_pack_info) in the publisher account).
  - "Cost: one query of the instances, one of the attachments per 100 instances and one of the available packs,
    whatever the number of environments."
options:
  integration_pack_id:
    description: Only instances of the pack with this id.
    type: str
  integration_pack:
    description: Only instances of the pack with this exact name.
    type: str
  override_name:
    description: Only the instance with this name (multi-install packs).
    type: str
  environment_id:
    description: Only instances attached to this environment.
    type: str
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode_read_only
  - boomi.platform.attributes.diff_mode_none
seealso:
  - module: boomi.platform.boomi_integration_pack_instance
  - module: boomi.platform.boomi_integration_pack_attachment
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: What is installed in a managed account, and where
  boomi.platform.boomi_integration_pack_instance_info:
    override_account: boomi-demo-MGD001
  register: north

- name: Show each instance and its environments
  ansible.builtin.debug:
    msg: "{{ item.override_name or item.integration_pack_name }}: {{ item.environment_ids | join(', ') }}"
  loop: "{{ north.integration_pack_instances }}"
  loop_control:
    label: "{{ item.id }}"

- name: The instances of one pack attached to one environment
  boomi.platform.boomi_integration_pack_instance_info:
    override_account: boomi-demo-MGD001
    integration_pack: Order Processing Pack
    environment_id: 6d3f9a10-0202-4d5e-9a1b-00000000e202
"""

RETURN = r"""
integration_pack_instances:
  description: The instances that match, in Boomi's order.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the instance.
      type: str
    integration_pack_id:
      description: Id of the pack.
      type: str
    integration_pack_name:
      description: Name of the pack (V(null) when the pack is no longer available to the account).
      type: str
      sample: Order Processing Pack
    installation_type:
      description: C(single) or C(multi) (V(null) when the pack is no longer available to the account).
      type: str
    override_name:
      description: Name of a multi-install instance; V(null) for a single-install pack.
      type: str
    processes:
      description: The pack's processes in this instance, each with C(name), C(original_process_id) and (multi-install
        packs) C(wrapper_process_id).
      type: list
      elements: dict
    environment_ids:
      description: Ids of the environments the instance is attached to.
      type: list
      elements: str
    account_id:
      description: The account it is installed in.
      type: str
available_integration_packs:
  description: Every pack the account may install (shared with an account group that holds it, and released).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the pack.
      type: str
    name:
      description: Name of the pack.
      type: str
    description:
      description: Description of the pack.
      type: str
    installation_type:
      description: C(single) or C(multi).
      type: str
"""

from ansible_collections.boomi.platform.plugins.module_utils import integration_pack as available_api
from ansible_collections.boomi.platform.plugins.module_utils import integration_pack_environment_attachment as attachment_api
from ansible_collections.boomi.platform.plugins.module_utils import integration_pack_instance as instance_api
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module

OPTIONS = dict(
    integration_pack_id=dict(type="str"),
    integration_pack=dict(type="str"),
    override_name=dict(type="str"),
    environment_id=dict(type="str"),
)
CONSTRAINTS = dict(mutually_exclusive=[("integration_pack_id", "integration_pack")])


def find_current(module, client):
    """[(instance, [environment ids])] that match every filter."""
    params = module.params
    instances = instance_api.find_all(client, params["integration_pack_id"], params["integration_pack"])
    if params["override_name"] is not None:
        instances = [i for i in instances if i.get("integrationPackOverrideName") == params["override_name"]]
    attached = attachment_api.of_instances(client, [i["id"] for i in instances]) if instances else {}
    found = [(i, sorted(attached.get(i["id"], []))) for i in instances]
    if params["environment_id"]:
        found = [(i, envs) for i, envs in found if params["environment_id"] in envs]
    return found


def run(module, client):
    found = find_current(module, client)
    packs = available_api.find_all(client)
    account = available_api.account_of(client)
    return False, {
        "integration_pack_instances": [instance_api.result(i, packs.get(i.get("integrationPackId")), envs, account)
                                       for i, envs in found],
        "available_integration_packs": [available_api.result(p) for p in packs.values()],
    }, None


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
