#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_integration_pack_instance
short_description: Install or uninstall an integration pack in a (managed) account (IntegrationPackInstance)
version_added: "0.1.0"
description:
  - Ensures an integration pack is installed in the account the connection acts in, or uninstalled from it.
    For a managed account, set the connection option O(override_account) to its id (the Partner API).
  - The pack must be available to that account, that is shared by its publisher with an account group that holds
    the account (M(boomi.platform.boomi_integration_pack_share)) and released; otherwise the task fails before
    any write (in check mode it warns, as an earlier task of the play may share it).
  - A single-install pack installs once per account and takes no O(override_name). A multi-install pack installs
    once per O(override_name); without it, the instance is named after the pack.
  - An instance runs the pack's current release; a new release reaches every instance without any task.
    Attach it to the account's environments with M(boomi.platform.boomi_integration_pack_attachment).
  - Uninstalling detaches the instance from every environment first (Boomi does that itself).
  - "Cost: the pack (one read or query), the account's instances of the pack (one query), the instance's
    attachments (one query); then at most one write."
options:
  integration_pack_id:
    description: Id of the pack (the publisher's pack id).
    type: str
  integration_pack:
    description: Exact name of the pack, as the account sees it, instead of O(integration_pack_id).
    type: str
  override_name:
    description:
      - Name of the instance of a multi-install pack (Boomi's C(integrationPackOverrideName)); each instance of a
        pack in an account needs its own name. Defaults to the pack's name.
      - A single-install pack takes none; setting it fails before any write.
    type: str
  state:
    description: V(present) installs the pack; V(absent) uninstalls the instance.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode
  - boomi.platform.attributes.diff_mode
seealso:
  - module: boomi.platform.boomi_integration_pack_share
  - module: boomi.platform.boomi_integration_pack_attachment
  - module: boomi.platform.boomi_integration_pack_instance_info
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Install the order pack in a managed account, as the instance "North Orders"
  boomi.platform.boomi_integration_pack_instance:
    override_account: boomi-demo-MGD001
    integration_pack: Order Processing Pack
    override_name: North Orders
  register: north_instance

- name: Install it in the other managed account, named after the pack
  boomi.platform.boomi_integration_pack_instance:
    override_account: boomi-demo-MGD002
    integration_pack: Order Processing Pack
"""

RETURN = r"""
integration_pack_instance:
  description: The instance after the task; empty when O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: Id of the instance (what attachments take); V(null) in check mode before it exists.
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
      sample: North Orders
    processes:
      description: The pack's processes in this instance; empty in check mode before the install.
      type: list
      elements: dict
      contains:
        name:
          description: Name of the process (a multi-install instance prefixes its name).
          type: str
        original_process_id:
          description: Id of the publisher's process.
          type: str
        wrapper_process_id:
          description: Id of this instance's copy of the process (multi-install packs only).
          type: str
    environment_ids:
      description: Ids of the environments the instance is attached to.
      type: list
      elements: str
    account_id:
      description: The account it is installed in.
      type: str
      sample: boomi-demo-MGD001
"""

from ansible_collections.boomi.platform.plugins.module_utils import integration_pack as available_api
from ansible_collections.boomi.platform.plugins.module_utils import integration_pack_environment_attachment as attachment_api
from ansible_collections.boomi.platform.plugins.module_utils import integration_pack_instance as instance_api
from ansible_collections.boomi.platform.plugins.module_utils.errors import NotFoundError, UsageError, ValidationError
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module, warn_or_fail

OPTIONS = dict(
    integration_pack_id=dict(type="str"),
    integration_pack=dict(type="str"),
    override_name=dict(type="str"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
)
CONSTRAINTS = dict(required_one_of=[("integration_pack_id", "integration_pack")],
                   mutually_exclusive=[("integration_pack_id", "integration_pack")])


def find_current(module, client):
    """(pack or None when not available to the account, the pack's instances, the instance meant or None)."""
    params = module.params
    pack = available_api.find(client, params["integration_pack_id"], params["integration_pack"])
    if pack:
        instances = instance_api.find_all(client, pack_id=pack["id"])
    else:  # uninstalling from an account the pack is no longer shared with is still possible
        instances = instance_api.find_all(client, params["integration_pack_id"], params["integration_pack"])
    return pack, instances, instance_api.pick(instances, pack, params["override_name"], params["integration_pack"])


def raise_if_single_with_name(client, pack, instances, override_name):
    """A single-install pack installs once per account, without a name: asking for a named (so a second)
    instance fails before any write."""
    if pack.get("installationType") != "SINGLE" or override_name is None:
        return
    account = available_api.account_of(client)
    if instances:
        raise UsageError("Integration pack %r is single-install and already installed in account %s (instance %s); "
                         "it installs once per account, so there is no second instance %r. Remove override_name"
                         % (pack.get("name"), account, instances[0]["id"], override_name))
    raise UsageError("override_name %r: integration pack %r is single-install, and only multi-install packs take an "
                     "instance name; remove override_name" % (override_name, pack.get("name")))


def ensure_present(module, client, pack, instances, before):
    params = module.params
    if pack is None:
        warn_or_fail(module, available_api.not_available(client, params["integration_pack_id"], params["integration_pack"]))
        return True, instance_api.predict(params["integration_pack_id"], params["override_name"] or params["integration_pack"])
    raise_if_single_with_name(client, pack, instances, params["override_name"])
    if before is not None:
        return False, before
    name = instance_api.instance_name(pack, params["override_name"])
    if module.check_mode:
        return True, instance_api.predict(pack["id"], name)

    def lookup():
        return instance_api.pick(instance_api.find_all(client, pack_id=pack["id"]), pack, params["override_name"])

    body = instance_api.create_body(pack["id"], params["override_name"] if name else None)
    try:
        return True, client.create(instance_api.OBJECT, body, lookup=lookup)
    except (NotFoundError, ValidationError):
        found = lookup()  # another job installed it meanwhile: that counts as done
        if found is None:
            raise
        return False, found


def ensure_absent(module, client, before):
    if before is None:
        return False, None
    if not module.check_mode:
        client.delete(instance_api.OBJECT, before["id"],
                      confirm=lambda: True if client.get_or_none(instance_api.OBJECT, before["id"]) is None else None)
    return True, None


def attached(client, instance):
    """Ids of the environments the instance is attached to (none for an instance not installed yet)."""
    if not instance or not instance.get("id"):
        return []
    return sorted(attachment_api.of_instance(client, instance["id"]))


def run(module, client):
    pack, instances, before = find_current(module, client)
    environments = attached(client, before)  # read before an uninstall detaches them
    if module.params["state"] == "present":
        changed, after = ensure_present(module, client, pack, instances, before)
    else:
        changed, after = ensure_absent(module, client, before)
    account = available_api.account_of(client)
    result_before = instance_api.result(before, pack, environments, account)
    result = {"integration_pack_instance": instance_api.result(after, pack, environments if after else [], account)}
    return changed, result, {"before": result_before, "after": result["integration_pack_instance"]}


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
