#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_integration_pack_attachment
short_description: Attach an installed integration pack instance to environments (IntegrationPackEnvironmentAttachment)
version_added: "0.1.0"
description:
  - Ensures an installed integration pack instance is attached to an environment, or to each environment of
    O(environment_ids) in one module run, or detached from them. Attaching puts the pack's processes, at the pack's
    current release, into the environment.
  - The instance and the environments belong to the account the connection acts in; for a managed account, set
    the connection option O(override_account) to its id. Name the instance by O(integration_pack_instance_id), or by
    its pack (O(integration_pack_id) or O(integration_pack)) and, for a multi-install pack, O(override_name).
  - Every environment is checked before the first write, so an environment of another account fails the task
    with nothing written. An instance that is not installed fails too (in check mode it warns, as an earlier
    task of the play may install it).
  - With several environments, a failure in one (Boomi refuses, or keeps failing) does not stop the others; the
    task fails at the end, naming each failed environment, and RV(environments) tells which ones succeeded.
  - "Cost: the instance (one read, or the pack and its instances: two queries), one bulk read per 100 environments,
    the instance's attachments (one query); then one write per environment to attach or detach."
options:
  integration_pack_instance_id:
    description: Id of the installed instance.
    type: str
  integration_pack_id:
    description: Id of the pack whose instance to attach, instead of O(integration_pack_instance_id).
    type: str
  integration_pack:
    description: Exact name of the pack whose instance to attach, instead of O(integration_pack_instance_id).
    type: str
  override_name:
    description: With a multi-install pack, the name of its instance (defaults to the pack's name).
    type: str
  environment_id:
    description: Id of the environment. Exactly one of O(environment_id) and O(environment_ids) is required.
    type: str
  environment_ids:
    description:
      - Ids of several environments of the account, attached (or detached) in one module run. Environments not
        listed are left alone, so a held environment is simply left out.
    type: list
    elements: str
  state:
    description: V(present) attaches; V(absent) detaches.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode
  - boomi.platform.attributes.diff_mode
seealso:
  - module: boomi.platform.boomi_integration_pack_instance
  - module: boomi.platform.boomi_integration_pack_instance_info
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Attach the "North Orders" instance to both environments of the managed account
  boomi.platform.boomi_integration_pack_attachment:
    override_account: boomi-demo-MGD001
    integration_pack: Order Processing Pack
    override_name: North Orders
    environment_ids:
      - 6d3f9a10-0201-4d5e-9a1b-00000000e201
      - 6d3f9a10-0202-4d5e-9a1b-00000000e202

- name: Detach the other account's instance from its test environment
  boomi.platform.boomi_integration_pack_attachment:
    override_account: boomi-demo-MGD002
    integration_pack: Order Processing Pack
    environment_id: 6d3f9a10-0301-4d5e-9a1b-00000000e301
    state: absent
"""

RETURN = r"""
integration_pack_instance_id:
  description: Id of the instance; V(null) in check mode when an earlier task would install it.
  returned: always
  type: str
environments:
  description:
    - One entry per environment asked for, in the order given (also when the task fails).
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
    attachment_id:
      description: Boomi's id of the attachment; V(null) when not attached, or in check mode before it exists.
      type: str
    attached:
      description: Whether the instance is attached to the environment after the task.
      type: bool
    state:
      description: C(attached), C(detached), C(unchanged) or C(failed).
      type: str
    changed:
      description: Whether this task attached or detached it.
      type: bool
    failed:
      description: Whether attaching or detaching failed there.
      type: bool
    msg:
      description: Why it failed.
      type: str
      returned: when failed
"""

from ansible_collections.boomi.platform.plugins.module_utils import integration_pack as available_api
from ansible_collections.boomi.platform.plugins.module_utils import environment as environment_api
from ansible_collections.boomi.platform.plugins.module_utils import integration_pack_environment_attachment as attachment_api
from ansible_collections.boomi.platform.plugins.module_utils import integration_pack_instance as instance_api
from ansible_collections.boomi.platform.plugins.module_utils.errors import (
    BoomiError,
    NotFoundError,
    UsageError,
    ValidationError,
)
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module, warn_or_fail

INSTANCE = ("integration_pack_instance_id", "integration_pack_id", "integration_pack")
OPTIONS = dict(
    integration_pack_instance_id=dict(type="str"),
    integration_pack_id=dict(type="str"),
    integration_pack=dict(type="str"),
    override_name=dict(type="str"),
    environment_id=dict(type="str"),
    environment_ids=dict(type="list", elements="str"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
)
CONSTRAINTS = dict(required_one_of=[INSTANCE, ("environment_id", "environment_ids")],
                   mutually_exclusive=[INSTANCE, ("environment_id", "environment_ids"),
                                       ("integration_pack_instance_id", "override_name")])


# -- plan: every read and check before the first write ------------------------------------------------------
def wanted_environments(module, client):
    """{environment_id: environment} in the order asked; environments of another account fail, naming them."""
    params = module.params
    ids = [params["environment_id"]] if params["environment_id"] else list(dict.fromkeys(params["environment_ids"]))
    if not ids or not all(ids):
        raise UsageError("environment_ids is empty or has an empty entry; list the ids of the environments to attach")
    found = client.bulk_get(environment_api.OBJECT, ids)
    foreign = [ident for ident in ids if found.get(ident) is None]
    if foreign:
        raise UsageError("%s %s %s not an environment of account %s, where the instance is installed; an instance "
                         "attaches only to environments of its own account (set override_account to the account of "
                         "the environment; nothing was attached or detached)"
                         % ("environment_id" if params["environment_id"] else "environment_ids", ", ".join(foreign),
                            "is" if len(foreign) == 1 else "are", available_api.account_of(client)))
    return dict((ident, found[ident]) for ident in ids)


def find_instance(module, client):
    """The installed instance, or None (then: a failure when attaching, except in check mode)."""
    params = module.params
    if params["integration_pack_instance_id"]:
        instance = client.get_or_none(instance_api.OBJECT, params["integration_pack_instance_id"])
        what = "integration_pack_instance_id %s" % params["integration_pack_instance_id"]
    else:
        pack = available_api.find(client, params["integration_pack_id"], params["integration_pack"])
        instances = instance_api.find_all(client, pack["id"] if pack else params["integration_pack_id"],
                                          None if pack else params["integration_pack"])
        instance = instance_api.pick(instances, pack, params["override_name"], params["integration_pack"])
        name = instance_api.instance_name(pack, params["override_name"], params["integration_pack"])
        what = "Integration pack %s%s" % (repr(params["integration_pack"]) if params["integration_pack"] else
                                          params["integration_pack_id"], " (instance %r)" % name if name else "")
    if instance is None and params["state"] == "present":
        warn_or_fail(module, "%s is not installed in account %s; install it first with "
                             "boomi.platform.boomi_integration_pack_instance" % (what, available_api.account_of(client)))
    return instance


def plan(module, client):
    """(instance id or None, [(environment, current attachment or None)])."""
    environments = wanted_environments(module, client)
    instance = find_instance(module, client)
    instance_id = instance["id"] if instance else None
    current = attachment_api.of_instance(client, instance_id) if instance_id else {}
    return instance_id, [(environments[ident], current.get(ident)) for ident in environments]


# -- apply --------------------------------------------------------------------------------------------------
def attach(module, client, instance_id, environment_id):
    if module.check_mode or instance_id is None:
        return True, {"id": None, "integrationPackInstanceId": instance_id, "environmentId": environment_id}

    def lookup():
        return attachment_api.find(client, instance_id, environment_id)

    try:
        return True, client.create(attachment_api.OBJECT, attachment_api.create_body(instance_id, environment_id),
                                   lookup=lookup)
    except (NotFoundError, ValidationError):
        found = lookup()  # another job attached it meanwhile: that counts as done
        if found is None:
            raise
        return False, found


def detach(module, client, attachment):
    if not module.check_mode:
        client.delete(attachment_api.OBJECT, attachment["id"], confirm=lambda: True if attachment_api.find(
            client, attachment["integrationPackInstanceId"], attachment["environmentId"]) is None else None)
    return True, None


def apply_one(module, client, instance_id, environment, current):
    """The environment's result entry, after attaching or detaching as the task asks."""
    entry = {"environment_id": environment["id"], "environment_name": environment.get("name"), "failed": False}
    present = module.params["state"] == "present"
    try:
        if present and current is None:
            changed, after = attach(module, client, instance_id, environment["id"])
        elif not present and current is not None:
            changed, after = detach(module, client, current)
        else:
            changed, after = False, current
    except BoomiError as exc:
        entry.update(failed=True, msg=str(exc), changed=False, state="failed", attached=current is not None,
                     attachment_id=(current or {}).get("id"))
        return entry
    state = "unchanged" if not changed else ("attached" if present else "detached")
    entry.update(changed=changed, state=state, attached=after is not None, attachment_id=(after or {}).get("id"))
    return entry


def run(module, client):
    instance_id, planned = plan(module, client)
    out = [apply_one(module, client, instance_id, environment, current) for environment, current in planned]
    diff = {"before": {}, "after": {}}
    for (environment, current), entry in zip(planned, out):
        diff["before"][environment["id"]] = {"integration_pack_instance_id": instance_id, "attached": current is not None}
        diff["after"][environment["id"]] = {"integration_pack_instance_id": instance_id, "attached": entry["attached"]}
    changed = any(e["changed"] for e in out)
    failed = [e for e in out if e["failed"]]
    if failed:
        raise UsageError("Attaching or detaching failed in %d of %d environments: %s"
                         % (len(failed), len(out), "; ".join("%s: %s" % (e["environment_id"], e["msg"]) for e in failed)),
                         extra={"environments": out, "changed": changed, "integration_pack_instance_id": instance_id})
    return changed, {"integration_pack_instance_id": instance_id, "environments": out}, diff


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
