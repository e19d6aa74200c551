#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_integration_pack_share
short_description: Share a publisher's integration pack with an account group (AccountGroupIntegrationPack)
version_added: "0.1.0"
description:
  - Ensures a publisher integration pack is shared with an account group of the publishing (primary) account,
    so that every account the group holds may install it
    (M(boomi.platform.boomi_integration_pack_instance)), or is no longer shared.
  - Runs in the publisher account, where the pack and the account groups live; leave O(override_account) unset.
  - Sharing is needed once. Every later release of the pack reaches the accounts by itself, and their installed
    instances run the pack's current release.
  - The group's accounts see a shared pack once it has a successful release; sharing an unreleased pack warns.
  - Unsharing stops new installs; instances already installed stay, until uninstalled in each account.
  - "Cost: the pack (by id, one read; by name, one query), the group (one read or query), the group's shares and
    its accounts (one query each); then at most one write."
options:
  integration_pack_id:
    description: Id of the publisher pack. A packaged component id here is recognised and explained.
    type: str
  integration_pack:
    description: Exact name of the publisher pack, instead of O(integration_pack_id).
    type: str
  account_group_id:
    description: Id of the account group.
    type: str
  account_group:
    description: Exact name of the account group, instead of O(account_group_id).
    type: str
  state:
    description: V(present) shares the pack with the group; V(absent) unshares it.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode
  - boomi.platform.attributes.diff_mode
seealso:
  - module: boomi.platform.boomi_integration_pack
  - module: boomi.platform.boomi_integration_pack_instance
  - module: boomi.platform.boomi_integration_pack_attachment
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Share the order pack with the managed customers (once; later releases follow by themselves)
  boomi.platform.boomi_integration_pack_share:
    integration_pack: Order Processing Pack
    account_group: Managed Customers
  register: share

- name: Fail early if a managed account of the inventory is not in the group
  ansible.builtin.assert:
    that: "'boomi-demo-MGD002' in share.account_group.account_ids"
    fail_msg: boomi-demo-MGD002 is not in account group Managed Customers
"""

RETURN = r"""
share:
  description: The share after the task; empty when O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: Boomi's id of the share; V(null) in check mode before it exists.
      type: str
    integration_pack_id:
      description: Id of the pack.
      type: str
    integration_pack_name:
      description: Name of the pack.
      type: str
      sample: Order Processing Pack
    installation_type:
      description: C(single) or C(multi).
      type: str
    account_group_id:
      description: Id of the account group.
      type: str
account_group:
  description: The account group and the accounts it holds (the accounts that may install the pack).
  returned: always
  type: dict
  contains:
    id:
      description: Id of the account group.
      type: str
    name:
      description: Name of the account group.
      type: str
      sample: Managed Customers
    default_group:
      description: True for Boomi's own group of all accounts.
      type: bool
    account_ids:
      description: Ids of the accounts in the group.
      type: list
      elements: str
"""

from ansible_collections.boomi.platform.plugins.module_utils import account_group as group_api
from ansible_collections.boomi.platform.plugins.module_utils import account_group_account as membership_api
from ansible_collections.boomi.platform.plugins.module_utils import account_group_integration_pack as share_api
from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils.errors import NotFoundError, ValidationError
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module, warn_or_fail

OPTIONS = dict(
    integration_pack_id=dict(type="str"),
    integration_pack=dict(type="str"),
    account_group_id=dict(type="str"),
    account_group=dict(type="str"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
)
CONSTRAINTS = dict(required_one_of=[("integration_pack_id", "integration_pack"), ("account_group_id", "account_group")],
                   mutually_exclusive=[("integration_pack_id", "integration_pack"), ("account_group_id", "account_group")])


def find_pack(module, client):
    """The publisher pack; missing by name fails, except in check mode (an earlier task may create it)."""
    params = module.params
    pack = pack_api.find(client, params["integration_pack_id"], params["integration_pack"])
    if pack is None and params["state"] == "present":
        warn_or_fail(module, "No integration pack named %r in account %s; create it with "
                             "boomi.platform.boomi_integration_pack (in the publisher account)"
                     % (params["integration_pack"], client.settings.override_account or client.settings.account_id))
        return {"id": None, "name": params["integration_pack"], "installationType": None}
    return pack


def find_current(module, client):
    """(pack, group, share): the share as Boomi holds it, or None."""
    pack = find_pack(module, client)
    group = group_api.require(client, module.params["account_group_id"], module.params["account_group"])
    share = share_api.find(client, group["id"], pack["id"]) if pack and pack["id"] else None
    return pack, group, share


def ensure_present(module, client, pack, group, before):
    if before is not None:
        return False, before
    if pack["id"] and not pack_api.released_versions(pack):
        module.warn("Integration pack %r has no release yet: the accounts of %r can install it from its first release "
                    "on (boomi.platform.boomi_pack_release)" % (pack.get("name"), group.get("name")))
    if module.check_mode:
        return True, share_api.predict(pack, group)

    def lookup():
        return share_api.find(client, group["id"], pack["id"])

    try:
        return True, client.create(share_api.OBJECT, share_api.create_body(pack["id"], group["id"]), lookup=lookup)
    except (NotFoundError, ValidationError):
        found = lookup()  # another job shared it meanwhile: that counts as done
        if found is None:
            raise
        return False, found


def ensure_absent(module, client, before):
    if before is None:
        return False, None
    if not module.check_mode:
        client.delete(share_api.OBJECT, before["id"],
                      confirm=lambda: True if client.get_or_none(share_api.OBJECT, before["id"]) is None else None)
    return True, None


def run(module, client):
    pack, group, before = find_current(module, client)
    if module.params["state"] == "present":
        changed, after = ensure_present(module, client, pack, group, before)
    else:
        changed, after = ensure_absent(module, client, before)
    result = {"share": share_api.result(after),
              "account_group": group_api.result(group, membership_api.account_ids(client, group["id"]))}
    return changed, result, {"before": share_api.result(before), "after": result["share"]}


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
