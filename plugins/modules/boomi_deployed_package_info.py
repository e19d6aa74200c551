#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_deployed_package_info
short_description: See what runs where, and how far each environment is from a pack's release (DeployedPackage)
version_added: "0.1.0"
description:
  - Returns the active deployments (with O(include_history=true), every deployment) in O(environment_ids)
    and/or of O(component_ids); without either, of every environment of the account.
  - Each entry names the environment and the component (read from Boomi's Environment and ComponentMetadata;
    Boomi's deployment answers carry only ids), with the package version and id, Boomi's deployment version
    counter, when and by whom it was deployed, the listener status and the notes.
  - With O(integration_pack_id) or O(integration_pack), also reports the drift of each environment from that
    pack's current release, member by member. C(current) the released package is active; C(older) or C(newer)
    another package of the component is active, made before or after the released one (by the packaged
    components' creation date; for example after a rollback, or a hotfix deployed outside the release);
    C(missing) released and not deployed; C(extra) deployed and not in the release (not a member, a member
    pending removal, or a member never released). With O(component_ids), only those components are reported.
  - Cost, for any number of environments, is one query for the deployments (plus one request per further
    100 results), one request for the environments and a few for names and packages; never one per environment.
  - An unknown id in O(environment_ids), O(component_ids) or O(integration_pack_id) fails, naming the option.
options:
  environment_ids:
    description: Ids of the environments to read. Every environment of the account when not given.
    type: list
    elements: str
  component_ids:
    description: Only deployments of these components.
    type: list
    elements: str
  include_history:
    description: Return every deployment, also those replaced or undeployed (C(active=false)), not only the active ones.
    type: bool
    default: false
  integration_pack_id:
    description: Report the drift of each environment from this pack's current release.
    type: str
  integration_pack:
    description: Exact name of the pack, instead of O(integration_pack_id).
    type: str
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode_read_only
  - boomi.platform.attributes.diff_mode_none
notes:
  - Two packages of one component made in the same second are ordered by the component revision they hold;
    when that is equal too, the active one counts as C(older).
seealso:
  - module: boomi.platform.boomi_deployed_package
  - module: boomi.platform.boomi_integration_pack_info
  - module: boomi.platform.boomi_environment_info
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: What is deployed in production
  boomi.platform.boomi_deployed_package_info:
    environment_ids:
      - 6d3f9a10-0003-4d5e-9a1b-00000000e003
  register: production

- name: Every deployment of Order Intake ever made, in test and production
  boomi.platform.boomi_deployed_package_info:
    environment_ids:
      - 6d3f9a10-0002-4d5e-9a1b-00000000e002
      - 6d3f9a10-0003-4d5e-9a1b-00000000e003
    component_ids:
      - 3f1c2a10-0001-4c6e-9d7a-00000000c001
    include_history: true
  register: intake_history

- name: Is every environment on the order pack's release?
  boomi.platform.boomi_deployed_package_info:
    integration_pack: Order Processing Pack
  register: order_pack_drift

- name: Show the environments that are not
  ansible.builtin.debug:
    msg: "{{ item.environment_name }}: {{ item.counts }}"
  loop: "{{ order_pack_drift.drift | rejectattr('on_release') | list }}"
  loop_control:
    label: "{{ item.environment_id }}"
"""

RETURN = r"""
account_id:
  description: The account read (O(override_account) when given, else O(account_id)).
  returned: always
  type: str
  sample: boomi-demo-A1B2C3
deployed_packages:
  description: The deployments that match, by environment (in the order of O(environment_ids), else Boomi's), then component name.
  returned: always
  type: list
  elements: dict
  contains:
    environment_id:
      description: Id of the environment.
      type: str
    environment_name:
      description: Name of the environment.
      type: str
      sample: Production
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
    component_version:
      description: Revision of the component in the package.
      type: str
    package_id:
      description: Id of the deployed packaged component.
      type: str
    package_version:
      description: Package version.
      type: str
      sample: 1.0.5
    deployment_id:
      description: Boomi's id of the deployment.
      type: str
    version:
      description: Boomi's deployment counter of that component in that environment.
      type: int
      sample: 2
    active:
      description: Whether this is the component's active deployment there.
      type: bool
    listener_status:
      description: C(running) or C(paused).
      type: str
    deployed_date:
      description: When it was deployed (UTC).
      type: str
    deployed_by:
      description: Who deployed it.
      type: str
    notes:
      description: Notes of the deployment.
      type: str
    branch_name:
      description: Branch of the package.
      type: str
integration_pack:
  description: The pack the drift is measured against.
  returned: when O(integration_pack_id) or O(integration_pack) is given
  type: dict
  contains:
    id:
      description: Id of the pack.
      type: str
    name:
      description: Name of the pack.
      type: str
    released_components:
      description:
        - The pack's current release (with O(component_ids), only those components), by component name; empty when
          the pack has no release.
        - Boomi's integration pack carries no release date, so none is returned.
      type: list
      elements: dict
      contains:
        component_id:
          description: Id of the component.
          type: str
        component_name:
          description: Name of the component.
          type: str
        version:
          description: Released package version.
          type: str
          sample: 1.0.5
        package_id:
          description: Id of the released packaged component; V(null) if Boomi no longer has it.
          type: str
drift:
  description: One entry per environment (in the order of O(environment_ids), else Boomi's).
  returned: when O(integration_pack_id) or O(integration_pack) is given
  type: list
  elements: dict
  contains:
    environment_id:
      description: Id of the environment.
      type: str
    environment_name:
      description: Name of the environment.
      type: str
    classification:
      description: C(test) or C(prod).
      type: str
    on_release:
      description:
        - Whether every member of the pack's release is C(current) there (C(extra) deployments do not count).
        - V(false) when the pack has no release.
      type: bool
    counts:
      description: Number of components in each state.
      type: dict
      sample: {current: 2, older: 1, newer: 0, missing: 0, extra: 1}
    components:
      description: One entry per released member and per other active deployment, by component name.
      type: list
      elements: dict
      contains:
        component_id:
          description: Id of the component.
          type: str
        component_name:
          description: Name of the component.
          type: str
        released_version:
          description: Package version in the pack's current release; V(null) for C(extra).
          type: str
        released_package_id:
          description: Id of the released packaged component; V(null) for C(extra).
          type: str
        active_version:
          description: Package version active in the environment; V(null) for C(missing).
          type: str
        active_package_id:
          description: Id of the active packaged component; V(null) for C(missing).
          type: str
        deployment_id:
          description: Boomi's id of the active deployment; V(null) for C(missing).
          type: str
        rolled_back_from:
          description:
            - The version the active deployment was rolled back from, as recorded in its notes
              (C([rollback-from=<version>]), written by the rollback role and by M(boomi.platform.boomi_deployed_package)
              with a C(rollback)); V(null) when it is no recorded rollback.
          type: str
        state:
          description: C(current), C(older), C(newer), C(missing) or C(extra).
          type: str
"""

from ansible_collections.boomi.platform.plugins.module_utils import component_metadata
from ansible_collections.boomi.platform.plugins.module_utils import deployed_package as deployment_api
from ansible_collections.boomi.platform.plugins.module_utils import drift
from ansible_collections.boomi.platform.plugins.module_utils import environment as environment_api
from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module

OPTIONS = dict(
    environment_ids=dict(type="list", elements="str"),
    component_ids=dict(type="list", elements="str"),
    include_history=dict(type="bool", default=False),
    integration_pack_id=dict(type="str"),
    integration_pack=dict(type="str"),
)
CONSTRAINTS = dict(mutually_exclusive=[("integration_pack_id", "integration_pack")])


# -- reads, each before the deployments: a wrong id fails before the big query -------------------------
def read_environments(module, client):
    ids = module.params["environment_ids"]
    if ids is None:
        return environment_api.find_all(client)
    if not ids:
        raise UsageError("environment_ids is empty; leave it out to read every environment of the account")
    return environment_api.require_many(client, ids)


def read_components(module, client):
    """{component_id: name} of O(component_ids); an unknown id fails."""
    ids = module.params["component_ids"]
    if ids is None:
        return {}
    if not ids:
        raise UsageError("component_ids is empty; leave it out to read every component")
    found = component_metadata.latest(client, ids)
    unknown = [ident for ident in ids if found.get(ident) is None]
    if unknown:
        settings = client.settings
        raise UsageError("component_ids %s: no component with %s in account %s"
                         % (", ".join(unknown), "that id" if len(unknown) == 1 else "those ids",
                            settings.override_account or settings.account_id))
    return dict((ident, found[ident].get("name")) for ident in ids)


def read_pack(module, client):
    params = module.params
    if not params["integration_pack_id"] and not params["integration_pack"]:
        return None
    pack = pack_api.find(client, params["integration_pack_id"], params["integration_pack"])
    if pack is None:
        raise UsageError("integration_pack %r: no integration pack with that name in this account"
                         % params["integration_pack"])
    if not drift.released_members(pack):
        module.warn("Integration pack %s (%s) has no release, so every active deployment is reported as extra; "
                    "release it with boomi.platform.boomi_pack_release" % (pack.get("name"), pack["id"]))
    return pack


# -- results ---------------------------------------------------------------------------------------------
def listing(environments, deployments, names):
    order = dict((e["id"], index) for index, e in enumerate(environments))
    by_id = dict((e["id"], e) for e in environments)
    entries = [deployment_api.info_result(d, (by_id.get(d.get("environmentId")) or {}).get("name"),
                                          names.get(d.get("componentId"))) for d in deployments]
    entries.sort(key=lambda e: (order.get(e["environment_id"], len(order)), (e["component_name"] or "").lower(),
                                e["component_id"] or "", e["version"] or 0))
    return entries


def drift_result(module, client, pack, environments, deployments, names):
    members = drift.released_members(pack)
    if module.params["component_ids"] is not None:
        members = dict((cid, m) for cid, m in members.items() if cid in module.params["component_ids"])
    active = [d for d in deployments if d.get("active")]
    released, packages = drift.read_packages(client, members, active)
    return {"integration_pack": {"id": pack["id"], "name": pack.get("name"),
                                 "released_components": drift.released_components(members, names, released)},
            "drift": drift.report(environments, members, active, names, released, packages)}


def run(module, client):
    params = module.params
    environments = read_environments(module, client)
    names = read_components(module, client)
    pack = read_pack(module, client)
    deployments = deployment_api.find_all(client, params["environment_ids"], params["component_ids"],
                                          params["include_history"])
    if pack is not None:
        names.update((cid, m.get("componentName")) for cid, m in pack_api.members(pack).items() if m.get("componentName"))
    names = component_metadata.names(client, [d.get("componentId") for d in deployments], names)
    settings = client.settings
    result = {"account_id": settings.override_account or settings.account_id,
              "deployed_packages": listing(environments, deployments, names)}
    if pack is not None:
        result.update(drift_result(module, client, pack, environments, deployments, names))
    return False, result, None


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
