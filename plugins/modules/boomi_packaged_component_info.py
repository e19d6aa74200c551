#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_packaged_component_info
short_description: Read packaged components, the versions of a Boomi component (PackagedComponent)
version_added: "0.1.0"
description:
  - Returns one packaged component by O(package_id), or every packaged component of O(component_id)
    (oldest first, deleted ones included and flagged), or only its O(package_version).
  - Each entry carries the component's name (read from Boomi's ComponentMetadata) and type.
  - An unknown O(package_id) or O(component_id) fails, naming the option; an integration pack id passed as
    O(package_id) is recognised and explained. A O(package_version) the component does not have returns an
    empty list.
options:
  package_id:
    description: Id of one packaged component, for example a deployment's C(package_id).
    type: str
  component_id:
    description: Id of a component; returns every packaged component (version) of it.
    type: str
  package_version:
    description: Only this package version of O(component_id).
    type: str
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode_read_only
  - boomi.platform.attributes.diff_mode_none
seealso:
  - module: boomi.platform.boomi_packaged_component
  - module: boomi.platform.boomi_deployed_package_info
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Every version of Order Intake, deleted ones flagged
  boomi.platform.boomi_packaged_component_info:
    component_id: 3f1c2a10-0001-4c6e-9d7a-00000000c001
  register: intake_packages

- name: Version 1.0.5 of Order Intake
  boomi.platform.boomi_packaged_component_info:
    component_id: 3f1c2a10-0001-4c6e-9d7a-00000000c001
    package_version: "1.0.5"
  register: intake_105

- name: The same package by its id
  boomi.platform.boomi_packaged_component_info:
    package_id: "{{ intake_105.packaged_components[0].package_id }}"
  when: intake_105.packaged_components | length > 0
"""

RETURN = r"""
packaged_components:
  description: The packaged components that match, oldest first.
  returned: always
  type: list
  elements: dict
  contains:
    package_id:
      description: Id of the packaged component (what deployments take as C(package_id)).
      type: str
    component_id:
      description: Id of the component.
      type: str
      sample: 3f1c2a10-0001-4c6e-9d7a-00000000c001
    component_name:
      description: Name of the component.
      type: str
      sample: Order Intake
    component_type:
      description: Boomi's component type, for example C(process) or C(webservice).
      type: str
      sample: process
    package_version:
      description: Package version.
      type: str
      sample: 1.0.5
    component_version:
      description: Revision of the component in the package.
      type: str
      sample: "3"
    notes:
      description: Notes of the package.
      type: str
    shareable:
      description: Whether the package can be released in an integration pack.
      type: bool
    branch_name:
      description: Branch the package was made from.
      type: str
    created_date:
      description: When the package was made (UTC).
      type: str
      sample: "2026-01-05T09:00:00Z"
    created_by:
      description: Who made the package.
      type: str
    deleted:
      description: Whether the package is deleted (it can be restored with M(boomi.platform.boomi_packaged_component)).
      type: bool
"""

from ansible_collections.boomi.platform.plugins.module_utils import component_metadata
from ansible_collections.boomi.platform.plugins.module_utils import deployed_package as deployment_api
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module

OPTIONS = dict(
    package_id=dict(type="str"),
    component_id=dict(type="str"),
    package_version=dict(type="str"),
)
CONSTRAINTS = dict(required_one_of=[("package_id", "component_id")],
                   mutually_exclusive=[("package_id", "component_id"), ("package_id", "package_version")],
                   required_by={"package_version": "component_id"})


def raise_unknown_component(client, component_id):
    settings = client.settings
    raise UsageError("component_id %s: no component with that id in account %s"
                     % (component_id, settings.override_account or settings.account_id))


def find_current(module, client):
    """([package], {component_id: name})."""
    params = module.params
    if params["package_id"]:
        found = client.get_or_none(package.OBJECT, params["package_id"])
        if found is None:
            deployment_api.raise_unknown_package_id(client, params["package_id"], "package_id")
        return [found], component_metadata.names(client, [found.get("componentId")])
    component_id = params["component_id"]
    metadata = component_metadata.latest(client, [component_id]).get(component_id)
    if metadata is None:
        raise_unknown_component(client, component_id)
    return package.find_versions(client, component_id, params["package_version"]), {component_id: metadata.get("name")}


def run(module, client):
    packages, names = find_current(module, client)
    return False, {"packaged_components": [package.info_result(p, names.get(p.get("componentId"))) for p in packages]}, None


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
