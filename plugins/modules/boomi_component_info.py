#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_component_info
short_description: Read Boomi components by id (ComponentMetadata)
version_added: "0.1.0"
description:
  - Returns the name, type and latest revision of each component in O(ids), in that order, from one bulk
    request per 100 ids.
  - Ids that are no component of the account fail the task, every one of them named at once, so a playbook can
    check all of its inputs before it changes anything.
options:
  ids:
    description: Component ids.
    type: list
    elements: str
    required: true
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode_read_only
  - boomi.platform.attributes.diff_mode_none
seealso:
  - module: boomi.platform.boomi_packaged_component_info
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Check the components a release will package
  boomi.platform.boomi_component_info:
    ids:
      - 3f1c2a10-0001-4c6e-9d7a-00000000c001
      - 3f1c2a10-0004-4c6e-9d7a-00000000c004
  register: components

- name: Only processes and API Services can be packaged as shareable
  ansible.builtin.assert:
    that: components.components | rejectattr('component_type', 'in', ['process', 'webservice']) | list | length == 0
"""

RETURN = r"""
components:
  description: One entry per id, in the order of O(ids).
  returned: always
  type: list
  elements: dict
  contains:
    component_id:
      description: Id of the component.
      type: str
    component_name:
      description: Its name.
      type: str
    component_type:
      description: Boomi's component type, for example C(process), C(webservice) or C(certificate).
      type: str
    version:
      description: Its latest revision.
      type: int
    folder_name:
      description: The folder it lives in.
      type: str
    deleted:
      description: Whether it is deleted.
      type: bool
"""

from ansible_collections.boomi.platform.plugins.module_utils import component_metadata
from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module

OPTIONS = dict(
    ids=dict(type="list", elements="str", required=True),
)


def find_current(module, client):
    ids = list(dict.fromkeys(module.params["ids"]))
    found = component_metadata.latest(client, ids)
    unknown = [ident for ident in ids if not found.get(ident)]
    if unknown:
        settings = client.settings
        raise UsageError("ids %s: no component with %s in account %s" % (
            ", ".join(unknown), "that id" if len(unknown) == 1 else "those ids",
            settings.override_account or settings.account_id))
    return [found[ident] for ident in ids]


def run(module, client):
    return False, {"components": [component_metadata.summary(c) for c in find_current(module, client)]}, None


def main():
    run_module(OPTIONS, run)


if __name__ == "__main__":
    main()
