#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_integration_pack_info
short_description: Read Boomi integration packs, their members and released versions (PublisherIntegrationPack)
version_added: "0.1.0"
description:
  - Returns the publisher integration pack with O(id), the packs named O(name), or every publisher pack of
    the account.
  - Each member shows its current (released), pending and latest versions, and the packaged component id
    of its current version (what deployments of the release run). Members pending removal are listed
    with C(deleted=true).
  - An unknown O(id) or O(name) fails, naming the option; a packaged component id passed as O(id) is
    recognised and explained.
options:
  id:
    description: Id of one pack.
    type: str
  name:
    description: Exact name of the pack. Every pack with that name is returned.
    type: str
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode_read_only
  - boomi.platform.attributes.diff_mode_none
seealso:
  - module: boomi.platform.boomi_integration_pack
  - module: boomi.platform.boomi_pack_release
  - module: boomi.platform.boomi_deployed_package_info
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: What the order pack has released
  boomi.platform.boomi_integration_pack_info:
    name: Order Processing Pack
  register: order_pack

- name: Show each member's released version and package
  ansible.builtin.debug:
    msg: "{{ item.component_name }} {{ item.current_version }} ({{ item.current_package_id }})"
  loop: "{{ order_pack.integration_packs[0].packaged_components }}"
  loop_control:
    label: "{{ item.component_id }}"

- name: Every publisher pack of the account
  boomi.platform.boomi_integration_pack_info:
  register: all_packs
"""

RETURN = r"""
integration_packs:
  description: The packs that match, in Boomi's order.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the pack (what releases and deployments take as C(integration_pack_id)).
      type: str
    name:
      description: Name of the pack.
      type: str
      sample: Order Processing Pack
    description:
      description: Description of the pack.
      type: str
    installation_type:
      description: C(single) or C(multi).
      type: str
      sample: multi
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
          sample: Order Intake
        component_type:
          description: Boomi's component type.
          type: str
          sample: process
        current_version:
          description: Package version in the current release, or V(null) before the first release.
          type: str
          sample: 1.0.5
        current_package_id:
          description: Id of the packaged component of the current version, or V(null) before the first release.
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
from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module

OPTIONS = dict(
    id=dict(type="str"),
    name=dict(type="str"),
)
CONSTRAINTS = dict(mutually_exclusive=[("id", "name")])


def find_current(module, client):
    params = module.params
    if params["id"]:
        return [pack_api.find(client, pack_id=params["id"], option="id")]
    packs = pack_api.find_all(client, params["name"])
    if params["name"] is not None and not packs:
        raise UsageError("name %r: no integration pack with that name in this account" % params["name"])
    return packs


def run(module, client):
    packs = find_current(module, client)
    # the packaged component of every released version, of every pack, in one query
    packages = package.find_many(client, [pair for p in packs for pair in pack_api.released_versions(p)])
    return False, {"integration_packs": [pack_api.info_result(p, packages) for p in packs]}, None


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
