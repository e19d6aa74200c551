#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_integration_pack
short_description: Manage a Boomi integration pack and its packaged components (PublisherIntegrationPack)
version_added: "0.1.0"
description:
  - Ensures a publisher integration pack exists with the given description and member components,
    or is deleted.
  - The pack is found by O(id), or by exact O(name). When several packs share the name (overlapping runs
    each created one), the one with a release counts, else the one with the smallest id; when several have
    releases the module fails and lists their ids. A run that finds it has just created such a duplicate
    deletes its own copy (never a pack with a release) and carries on with the one that counts.
  - When Boomi refuses to create the pack, the module looks for it by name first; another run may have
    just created it, and then the task converges on that one.
  - When Boomi refuses the update of a pack found by name because that pack is gone (another run deleted it as
    its own duplicate), the module looks the name up again, warns, and goes on with the pack that counts now.
  - Members are components, not package versions. A component joins with its newest shareable package
    pending; M(boomi.platform.boomi_pack_release) decides which version is released.
  - Every membership change is one update that lists every component that stays; components left out
    become pending removal (Boomi drops them at the next release).
options:
  name:
    description:
      - Name of the pack. Required unless O(id) is given.
      - With O(id), a different name renames the pack; Boomi allows that only for single-install packs.
    type: str
  id:
    description: Id of an existing pack. Use it to rename a pack or when names are not unique.
    type: str
  description:
    description: Description of the pack, at most 500 characters. Required to create a pack.
    type: str
  installation_type:
    description:
      - V(multi) packs can be installed many times per account; V(single) once.
      - Used when the pack is created, V(multi) when not set. It can never change afterwards; a different
        value for an existing pack fails.
    type: str
    choices: [single, multi]
  packaged_components:
    description:
      - Component ids that must be members. Each needs a shareable packaged component
        (see M(boomi.platform.boomi_packaged_component)); API Service components only fit single packs.
      - Members not listed stay, unless O(purge_packaged_components=true). At most 100 components.
    type: list
    elements: str
  purge_packaged_components:
    description: Remove members not listed in O(packaged_components) (pending removal until the next release).
    type: bool
    default: false
  state:
    description: V(present) creates or updates the pack; V(absent) deletes it (Boomi uninstalls it everywhere).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode
  - boomi.platform.attributes.diff_mode
seealso:
  - module: boomi.platform.boomi_packaged_component
  - module: boomi.platform.boomi_pack_release
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Ensure the order pack holds three processes
  boomi.platform.boomi_integration_pack:
    name: Order Processing Pack
    description: Order intake, fulfilment and invoicing
    installation_type: multi
    packaged_components:
      - 3f1c2a10-0001-4c6e-9d7a-00000000c001
      - 3f1c2a10-0002-4c6e-9d7a-00000000c002
      - 3f1c2a10-0003-4c6e-9d7a-00000000c003
  register: pack

- name: Keep exactly these members, removing the rest at the next release
  boomi.platform.boomi_integration_pack:
    name: Order Processing Pack
    packaged_components:
      - 3f1c2a10-0001-4c6e-9d7a-00000000c001
    purge_packaged_components: true
"""

RETURN = r"""
created_id:
  description:
    - Id of the pack this task created, if it did and the pack still exists; else V(null).
    - With overlapping runs, a later task may find that another run's pack counts instead (see the survivor rule
      above); a run may then delete the pack it created, and only that one.
  returned: always
  type: str
integration_pack:
  description: The pack after the task; empty when O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: Id of the pack (what releases take as C(integration_pack_id)). V(null) in check mode before it exists.
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
    packaged_components:
      description: The pack's components, including those pending removal.
      type: list
      elements: dict
      contains:
        component_id:
          description: Id of the component.
          type: str
        component_name:
          description: Name of the component.
          type: str
        component_type:
          description: Boomi's component type.
          type: str
        current_version:
          description: Package version in the current release, or V(null).
          type: str
        pending_version:
          description: Package version Boomi proposes for the next release, or V(null).
          type: str
        latest_version:
          description: Newest shareable package version, or V(null).
          type: str
        deleted:
          description: True when the component is pending removal at the next release.
          type: bool
"""

from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils.errors import NotFoundError, UsageError, ValidationError
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module, warn_or_fail

OPTIONS = dict(
    name=dict(type="str"),
    id=dict(type="str"),
    description=dict(type="str"),
    installation_type=dict(type="str", choices=list(pack_api.INSTALLATION_TYPES)),
    packaged_components=dict(type="list", elements="str"),
    purge_packaged_components=dict(type="bool", default=False),
    state=dict(type="str", choices=["present", "absent"], default="present"),
)
CONSTRAINTS = dict(required_one_of=[("name", "id")])
VANISHED_TRIES = 3  # how often a pack found by name, deleted meanwhile by an overlapping run, is looked up again


def check_new_members(module, client, component_ids, installation_type, total):
    """Before any write: each new member has a shareable package, API Services only in single
    packs, at most 100 members. Returns {component_id: its newest shareable version}."""
    if total > pack_api.MAX_COMPONENTS:
        raise UsageError("An integration pack holds at most %d components; %d were asked for"
                         % (pack_api.MAX_COMPONENTS, total))
    latest = {}
    for component_id in component_ids:
        packages = package.shareable_versions(client, component_id)
        if not packages:
            warn_or_fail(module, "Component %s has no shareable packaged component, so it cannot join an integration "
                                 "pack. Package it first with boomi.platform.boomi_packaged_component (shareable: true)"
                                 % component_id)
            continue
        newest = packages[-1]
        if newest.get("componentType") == "webservice" and installation_type == "MULTI":
            raise UsageError("Component %s is an API Service (webservice); multi-install packs cannot contain it. Use a "
                             "single-install pack for it" % component_id)
        latest[component_id] = newest.get("packageVersion")
    return latest


def predict(pack, name, description, component_ids, latest):
    """What Boomi will answer after the update: the listed members, the rest pending removal."""
    entries = pack_api.members(pack)
    for component_id, entry in entries.items():
        if component_id not in component_ids:
            entries[component_id] = dict(entry, deleted=True)
    for component_id in component_ids:
        entry = entries.get(component_id)
        if entry is None or entry.get("deleted"):
            entries[component_id] = dict(entry or {"componentId": component_id, "currentVersion": ""},
                                         pendingVersion=latest.get(component_id, ""), deleted=False)
    return pack_api.with_members(dict(pack, name=name, Description=description), entries.values())


def wanted_members(pack, params):
    current = list(pack_api.active_members(pack)) if pack else []
    listed = params["packaged_components"]
    if listed is None:
        return current
    if params["purge_packaged_components"]:
        return list(dict.fromkeys(listed))
    return list(dict.fromkeys(current + listed))


def create(module, client, tries=VANISHED_TRIES):
    params = module.params
    if not params["name"] or params["description"] is None:
        raise UsageError("Integration pack %r does not exist; creating it needs name and description"
                         % (params["name"] or params["id"]))
    body = pack_api.create_body(params["name"], params["description"], params["installation_type"] or "multi")
    component_ids = wanted_members(None, params)
    latest = check_new_members(module, client, component_ids, body["installationType"], len(component_ids))
    if module.check_mode:
        return predict(dict(body, id=None), body["name"], body["Description"], component_ids, latest)
    pack, mine = create_pack(client, body)
    module.boomi_created_id = pack["id"] if mine else None
    survivor = resolve_twins(module, client, pack, mine)
    if survivor["id"] == pack["id"] and component_ids:
        pack = send_membership(client, pack, pack["name"], pack["Description"], component_ids)
        # look again once our pack is complete: a create sent at the same moment has landed by now
        survivor = resolve_twins(module, client, pack, mine)
    if survivor["id"] != pack["id"]:  # another run's pack won: bring it to what this task asks
        return converge(module, client, survivor, tries)[1]
    return pack


def create_pack(client, body):
    """(pack, created by this task). After a 400 the pack is looked up: another run may have just made it."""
    def lookup():
        return pack_api.find(client, name=body["name"])

    try:
        created = client.create(pack_api.OBJECT, body, lookup=lookup)
    except ValidationError:
        found = lookup()
        if found is None:
            raise
        return found, False
    return created, True


def resolve_twins(module, client, pack, mine):
    """Overlapping runs may each have created a pack with this name: the survivor rule picks one, and this
    run deletes only the pack it created itself, never one with a release."""
    twins = pack_api.find_all(client, pack["name"])
    if len(twins) < 2:
        return pack
    survivor = pack_api.survivor(twins, pack["name"])
    if survivor["id"] != pack["id"] and mine and not pack_api.has_release(pack):
        client.delete(pack_api.OBJECT, pack["id"],
                      confirm=lambda: True if client.get_or_none(pack_api.OBJECT, pack["id"]) is None else None)
        module.boomi_created_id = None
        module.warn("Another run created integration pack %r at the same time; this run deleted its own copy %s "
                    "and continues with %s" % (pack["name"], pack["id"], survivor["id"]))
    return survivor


def raise_if_immutable_changes(params, pack):
    current_type = pack.get("installationType")
    wanted_type = params["installation_type"]
    if wanted_type and pack_api.INSTALLATION_TYPES[wanted_type] != current_type:
        raise UsageError("Integration pack %s is %s-install; installation_type can never change after creation. Create "
                         "a new pack instead" % (pack["id"], current_type.lower()))
    if params["id"] and params["name"] and params["name"] != pack["name"] and current_type != "SINGLE":
        raise UsageError("Integration pack %s is multi-install; Boomi can only rename single-install packs" % pack["id"])


def update(module, client, pack):
    params = module.params
    raise_if_immutable_changes(params, pack)
    name = params["name"] or pack["name"]
    description = pack.get("Description") if params["description"] is None else params["description"]
    component_ids = wanted_members(pack, params)
    current = list(pack_api.active_members(pack))
    if name == pack["name"] and description == pack.get("Description") and set(component_ids) == set(current):
        return False, pack
    new = [c for c in component_ids if c not in current]
    latest = check_new_members(module, client, new, pack.get("installationType"), len(component_ids))
    if module.check_mode:
        return True, predict(pack, name, description, component_ids, latest)
    return True, send_membership(client, pack, name, description, component_ids)


def converge(module, client, pack, tries=VANISHED_TRIES):
    """``update`` of a pack found by name. An overlapping run may delete that pack meanwhile (its own losing twin):
    Boomi then refuses the update (400 or 404), and the task looks the name up again and goes on with the pack
    that is left (or creates one when none is)."""
    try:
        return update(module, client, pack)
    except (ValidationError, NotFoundError):
        if module.params["id"] or tries <= 1 or not pack_api.gone(client, pack):
            raise
    module.warn("Integration pack %s (%r) was deleted while this task was updating it (an overlapping run removed it "
                "as a twin); looked the name up again and went on" % (pack["id"], pack["name"]))
    found = pack_api.find(client, name=pack["name"])
    if found is None:
        return True, create(module, client, tries - 1)
    return converge(module, client, found, tries - 1)


def send_membership(client, pack, name, description, component_ids):
    def confirm():
        now = client.get(pack_api.OBJECT, pack["id"])
        done = set(pack_api.active_members(now)) == set(component_ids) and now.get("Description") == description
        return now if done and now.get("name") == name else None

    body = pack_api.membership_body(pack, name, description, component_ids)
    return client.update(pack_api.OBJECT, pack["id"], body, confirm=confirm)


def ensure_present(module, client, before):
    if before is None:
        return True, create(module, client)
    return converge(module, client, before)


def ensure_absent(module, client, before):
    if before is None:
        return False, None
    if not module.check_mode:
        client.delete(pack_api.OBJECT, before["id"],
                      confirm=lambda: True if client.get_or_none(pack_api.OBJECT, before["id"]) is None else None)
    return True, None


def find_current(module, client):
    params = module.params
    if params["state"] == "absent" and params["id"]:
        return client.get_or_none(pack_api.OBJECT, params["id"])  # already gone is fine
    return pack_api.find(client, params["id"], params["name"], option="id")


def run(module, client):
    params = module.params
    if params["description"] is not None and len(params["description"]) > pack_api.MAX_DESCRIPTION:
        raise UsageError("description is %d characters long; Boomi allows at most %d"
                         % (len(params["description"]), pack_api.MAX_DESCRIPTION))
    before = find_current(module, client)
    ensure = ensure_present if params["state"] == "present" else ensure_absent
    changed, after = ensure(module, client, before)
    result = {"integration_pack": pack_api.result(after), "created_id": getattr(module, "boomi_created_id", None)}
    return changed, result, {"before": pack_api.result(before), "after": result["integration_pack"]}


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
