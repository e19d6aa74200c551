#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_packaged_component
short_description: Package a Boomi component version (PackagedComponent)
version_added: "0.1.0"
description:
  - Ensures a packaged component exists for O(component_id) at O(package_version), or is deleted.
  - Packaged components are immutable at Boomi. When the version exists with other O(notes),
    O(shareable), O(branch_name) or O(component_version), the module fails and changes nothing;
    choose a new O(package_version).
  - Boomi keeps deleted versions and never lets a version be reused, so a deleted version is restored
    instead of created again.
  - Only the options you set are compared, except O(shareable), which always has a value.
  - When Boomi refuses to create the package, the module looks for it first; another run may have just
    packaged the same version, and then the task converges on it (if it matches).
  - With C(--diff), the diff is keyed by the component's name and shows the package's version and what changes
    (its fields when it is created; C(deleted) when it is deleted or restored), without ids or empty values.
options:
  component_id:
    description: Id of the component to package (a process, or an API Service for single-install packs).
    type: str
    required: true
  package_version:
    description:
      - The version label of the package, unique per component, for example V('1.0.5'). Quote it; YAML reads an
        unquoted 1.10 as the number 1.1. A number (2 or 1.10), an empty value (Boomi would number the package itself)
        or surrounding spaces fail before any request.
    type: raw
    required: true
  notes:
    description: Notes stored with the package. Fixed once the package exists (see O(notes_conflict)).
    type: str
  notes_conflict:
    description:
      - What to do when the package exists with other O(notes). V(fail) (packages are immutable; choose a new
        O(package_version)), or V(warn) and leave it as it is, for pipelines whose notes describe the release
        rather than each package.
    type: str
    choices: [fail, warn]
    default: fail
  shareable:
    description:
      - Whether the package can be added to integration packs. Only process and API Service components
        can be shareable.
    type: bool
    default: true
  branch_name:
    description: Branch to package from; Boomi uses the default working branch when not set.
    type: str
  component_version:
    description:
      - The component revision to package (Boomi packages the latest revision when not set).
      - For an existing package, a guard; Boomi reports it as V(2) or V(2.0), and both compare equal.
    type: str
  state:
    description: V(present) packages (or restores) the version; V(absent) deletes it (Boomi keeps it as deleted).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode
  - boomi.platform.attributes.diff_mode
notes:
  - Boomi refuses to delete a package that is deployed, or that is the current or pending version of an
    integration pack member; the module then fails with Boomi's reason and says what to do. Undeploy it with
    M(boomi.platform.boomi_deployed_package) and release the pack at another version first.
seealso:
  - module: boomi.platform.boomi_integration_pack
  - module: boomi.platform.boomi_deployed_package
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Package Order Intake 1.0.5 for an integration pack
  boomi.platform.boomi_packaged_component:
    account_id: boomi-demo-A1B2C3
    username: ops@example.com
    api_token: "{{ vault_boomi_api_token }}"
    component_id: 3f1c2a10-0001-4c6e-9d7a-00000000c001
    package_version: "1.0.5"
    notes: Promoted from dev - order processing fixes
  register: package

- name: Delete a version nobody uses any more (connection from BOOMI_* environment variables)
  boomi.platform.boomi_packaged_component:
    component_id: 3f1c2a10-0001-4c6e-9d7a-00000000c001
    package_version: "0.9.0"
    state: absent
"""

RETURN = r"""
packaged_component:
  description: The packaged component after the task; empty when O(state=absent) and it never existed.
  returned: always
  type: dict
  contains:
    package_id:
      description: Id of the package (what deployments use). V(null) in check mode before it exists.
      type: str
      sample: e3e70682-c209-4cac-a29f-6fbed82c07cd
    component_id:
      description: Id of the packaged component.
      type: str
    package_version:
      description: The version label.
      type: str
      sample: 1.0.5
    component_version:
      description: The component revision in the package, as text.
      type: str
      sample: "3"
    component_type:
      description: Boomi's component type, for example C(process) or C(webservice).
      type: str
    notes:
      description: Notes of the package.
      type: str
    shareable:
      description: Whether the package can join integration packs.
      type: bool
    branch_name:
      description: Branch the package was made from.
      type: str
    created_date:
      description: When Boomi created it (UTC).
      type: str
    created_by:
      description: The user who created it.
      type: str
    deleted:
      description: Whether the package is deleted.
      type: bool
"""

from ansible_collections.boomi.platform.plugins.module_utils import component_metadata
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError, ValidationError
from ansible_collections.boomi.platform.plugins.module_utils.inputs import VERSION_SPEC, version_text
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module

OPTIONS = dict(
    component_id=dict(type="str", required=True),
    package_version=dict(VERSION_SPEC, required=True),
    notes=dict(type="str"),
    notes_conflict=dict(type="str", choices=["fail", "warn"], default="fail"),
    shareable=dict(type="bool", default=True),
    branch_name=dict(type="str"),
    component_version=dict(type="str"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
)


def raise_immutable(params, existing, differences):
    raise UsageError("Packaged component %s version %s already exists%s and packaged components are immutable: "
                     "%s. Choose a new package_version"
                     % (params["component_id"], params["package_version"],
                        " (deleted)" if existing.get("deleted") else "", "; ".join(differences)))


def check_immutable(module, existing):
    """Fail on what the task asks that the existing package does not have; with notes_conflict=warn, other
    notes only warn (the package keeps its own)."""
    params = module.params
    differences = package.FIELDS.differences(existing, params, package.IMMUTABLE_OPTIONS)
    if params["notes_conflict"] == "warn":
        notes = [d for d in differences if d.startswith("notes ")]
        for difference in notes:
            module.warn("Packaged component %s version %s exists and keeps its notes: %s"
                        % (params["component_id"], params["package_version"], difference))
        differences = [d for d in differences if d not in notes]
    if differences:
        raise_immutable(params, existing, differences)


def ensure_present(module, client, before):
    params = module.params
    if before is not None:
        check_immutable(module, before)
        if not before.get("deleted"):
            return False, before
        body, predicted = package.restore_body(before), dict(before, deleted=False)
    else:
        body = package.create_body(params)
        predicted = dict(body, packageId=None, componentVersion=params["component_version"], deleted=False,
                         notes=params["notes"] or "")
    if module.check_mode:
        return True, predicted

    def lookup():
        found = package.find(client, params["component_id"], params["package_version"])
        return found if found and not found.get("deleted") else None

    try:
        return True, client.create(package.OBJECT, body, lookup=lookup)
    except ValidationError as exc:
        made = lookup()  # another run may have just packaged this version
        if made is None or package.FIELDS.differences(made, params, package.IMMUTABLE_OPTIONS):
            raise UsageError("Boomi refused to package component_id %s at package_version %s: %s"
                             % (params["component_id"], params["package_version"], exc.boomi_message),
                             status=exc.status)
        return True, made


def ensure_absent(module, client, before):
    if before is None or before.get("deleted"):
        return False, before
    if not module.check_mode:
        def deleted():
            found = package.find(client, before["componentId"], before["packageVersion"])
            return found if found and found.get("deleted") else None

        try:
            client.delete(package.OBJECT, before["packageId"], confirm=deleted)
        except ValidationError as exc:
            raise UsageError("Boomi refused to delete packaged component %s (%s version %s): %s. Boomi keeps a package "
                             "that is deployed, or that is the current or pending version of an integration pack member: "
                             "undeploy it with boomi.platform.boomi_deployed_package state=absent, and release the pack "
                             "at another version of the component (or without it) with boomi.platform.boomi_pack_release, "
                             "then try again" % (before["packageId"], before["componentId"], before["packageVersion"],
                                                 exc.boomi_message))
    return True, dict(before, deleted=True)


def find_current(module, client):
    module.params["package_version"] = version_text(module.params["package_version"], "package_version")
    return package.find(client, module.params["component_id"], module.params["package_version"])


def readable_diff(module, client, before, after):
    """{before, after} keyed by the component's name: the package's version and only the fields that change, no
    empty values and no ids. The name costs one ComponentMetadata read, made only with --diff and a change."""
    old, new = package.diff_fields(before), package.diff_fields(after)
    if old == new:
        return {"before": {}, "after": {}}
    for key in [k for k in set(old) & set(new) if k != "package_version" and old[k] == new[k]]:
        del old[key], new[key]
    component_id = module.params["component_id"]
    name = component_metadata.names(client, [component_id]).get(component_id) if module._diff else None
    label = name or component_id
    return {"before": {label: old} if old else {}, "after": {label: new} if new else {}}


def run(module, client):
    before = find_current(module, client)
    ensure = ensure_present if module.params["state"] == "present" else ensure_absent
    changed, after = ensure(module, client, before)
    result = {"packaged_component": package.result(after)}
    return changed, result, readable_diff(module, client, before, after)


def main():
    run_module(OPTIONS, run)


if __name__ == "__main__":
    main()
