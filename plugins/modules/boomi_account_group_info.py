#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_account_group_info
short_description: Read a publisher's account groups and the managed accounts each holds
version_added: "0.1.0"
description:
  - Returns the account groups of the account the connection acts in, each with the ids of the accounts it holds.
    An account installs only the integration packs shared with a group that holds it.
  - Filter by O(account_group_id) or by exact name (O(account_group)). A filter that matches nothing returns an
    empty list.
  - "Cost: one query of the groups (one read by id with O(account_group_id)), then one query of the members per
    group returned."
options:
  account_group_id:
    description: Only the group with this id.
    type: str
  account_group:
    description: Only the groups with exactly this name.
    type: str
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode_read_only
  - boomi.platform.attributes.diff_mode_none
seealso:
  - module: boomi.platform.boomi_integration_pack_share
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Read the group a pack is shared with
  boomi.platform.boomi_account_group_info:
    account_group: Managed Customers
  register: managed_customers

- name: Check that a managed account is in it before sharing anything
  ansible.builtin.assert:
    that: "'boomi-demo-MGD002' in managed_customers.account_groups[0].account_ids"
"""

RETURN = r"""
account_groups:
  description: The groups that match, in Boomi's order.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the group.
      type: str
    name:
      description: Name of the group.
      type: str
      sample: Managed Customers
    default_group:
      description: Whether it is the account's default group.
      type: bool
    account_ids:
      description: Ids of the accounts the group holds.
      type: list
      elements: str
"""

from ansible_collections.boomi.platform.plugins.module_utils import account_group as group_api
from ansible_collections.boomi.platform.plugins.module_utils import account_group_account as membership_api
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module

OPTIONS = dict(
    account_group_id=dict(type="str"),
    account_group=dict(type="str"),
)
CONSTRAINTS = dict(mutually_exclusive=[("account_group_id", "account_group")])


def find_current(module, client):
    """The groups that match the filter."""
    return group_api.find_all(client, module.params["account_group_id"], module.params["account_group"])


def run(module, client):
    groups = find_current(module, client)
    return False, {"account_groups": [group_api.result(g, membership_api.account_ids(client, g["id"]))
                                      for g in groups]}, None


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
