#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_deployed_package
short_description: Deploy packaged components, or a released integration pack, to a Boomi environment (DeployedPackage)
version_added: "0.1.0"
description:
  - Ensures packages are the active deployments in O(environment_id), or undeploys them.
  - Name what to deploy in exactly one way. O(integration_pack_id) or O(integration_pack) deploy the
    exact package of each component in the pack's current release, and fail when the pack has never been
    released. O(package_id) or O(package_ids) deploy those packaged components. O(component_id) with
    O(package_version) deploys that version of a component.
  - A package that is already the active deployment of its component in the environment is left alone.
    Deploying another package of the same component replaces it at Boomi; deploying an older package is
    a rollback.
  - Components dropped from a pack stay deployed; undeploy them with O(state=absent).
  - Cost with O(package_ids) (a role deploying a release to many environments) is one read of the
    environment's active deployments, plus one read and the writes when something must be deployed.
options:
  environment_id:
    description: Id of the environment to deploy to.
    type: str
    required: true
  integration_pack_id:
    description: Deploy the current release of this pack. A packaged component id here is recognised and explained.
    type: str
  integration_pack:
    description: Exact name of the pack, instead of O(integration_pack_id).
    type: str
  package_id:
    description: Id of one packaged component to deploy. An integration pack id here is recognised and explained.
    type: str
  package_ids:
    description:
      - Ids of packaged components to deploy, for example the C(package_id) values of
        M(boomi.platform.boomi_pack_release)'s RV(boomi.platform.boomi_pack_release#module:release.released_components).
      - In check mode an empty entry stands for a package that an earlier task would create.
    type: list
    elements: str
  component_id:
    description: Deploy the package of this component at O(package_version).
    type: str
  package_version:
    description: Package version of O(component_id).
    type: str
  listener_status:
    description:
      - Listener status of a new deployment. Boomi applies it only when deploying, so a different status
        of an already active package is not a change.
    type: str
    choices: [running, paused]
    default: running
  notes:
    description: Notes for new deployments.
    type: str
  state:
    description: V(present) deploys; V(absent) undeploys the named packages if they are active in the environment.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode
  - boomi.platform.attributes.diff_mode
notes:
  - When Boomi attaches a C(message) to a deployment (for example, connection licences exceeded), it is
    shown as a warning.
seealso:
  - module: boomi.platform.boomi_pack_release
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Deploy the current release of the order pack to test
  boomi.platform.boomi_deployed_package:
    environment_id: 6d3f9a10-0002-4d5e-9a1b-00000000e002
    integration_pack: Order Processing Pack

- name: Deploy what a release pinned, resolved once, to each environment
  boomi.platform.boomi_deployed_package:
    environment_id: "{{ boomi_environment_id }}"
    package_ids: "{{ release.release.released_components | map(attribute='package_id') | list }}"

- name: Roll back one component to an older package
  boomi.platform.boomi_deployed_package:
    environment_id: 6d3f9a10-0003-4d5e-9a1b-00000000e003
    component_id: 3f1c2a10-0002-4c6e-9d7a-00000000c002
    package_version: 1.0.4

- name: Undeploy a package
  boomi.platform.boomi_deployed_package:
    environment_id: 6d3f9a10-0001-4d5e-9a1b-00000000e001
    package_id: e3e70682-c209-4cac-a29f-6fbed82c07cd
    state: absent
"""

RETURN = r"""
environment_id:
  description: The environment.
  returned: always
  type: str
deployments:
  description: One entry per package the task named, with its deployment in the environment after the task.
  returned: always
  type: list
  elements: dict
  contains:
    component_id:
      description: Id of the component (V(null) in check mode when not known yet).
      type: str
    package_id:
      description: Id of the packaged component.
      type: str
    package_version:
      description: Package version.
      type: str
    deployment_id:
      description: Boomi's deployment id; V(null) in check mode for a new deployment.
      type: str
    version:
      description: Boomi's deployment counter of that component in the environment.
      type: int
    active:
      description: Whether the deployment is active after the task.
      type: bool
    listener_status:
      description: C(running) or C(paused).
      type: str
    changed:
      description: Whether this task deployed or undeployed it.
      type: bool
"""

from ansible_collections.boomi.platform.plugins.module_utils import deployment as deployment_api
from ansible_collections.boomi.platform.plugins.module_utils import environment as environment_api
from ansible_collections.boomi.platform.plugins.module_utils import integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils.errors import NotFoundError, UsageError, ValidationError
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module, warn_or_fail

TARGETS = ("integration_pack_id", "integration_pack", "package_id", "package_ids", "component_id")
OPTIONS = dict(
    environment_id=dict(type="str", required=True),
    integration_pack_id=dict(type="str"),
    integration_pack=dict(type="str"),
    package_id=dict(type="str"),
    package_ids=dict(type="list", elements="str"),
    component_id=dict(type="str"),
    package_version=dict(type="str"),
    listener_status=dict(type="str", choices=list(deployment_api.LISTENER_STATUSES), default="running"),
    notes=dict(type="str"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
)
CONSTRAINTS = dict(required_one_of=[TARGETS], mutually_exclusive=[TARGETS],
                   required_together=[("component_id", "package_version")])


# -- what the task names: [(option, package_id, the package if already read, else None)] ---------------
def wanted_packages(module, client):
    params = module.params
    if params["package_ids"] is not None or params["package_id"]:
        return listed_packages(module)
    if params["component_id"]:
        return component_package(module, client)
    return released_packages(module, client)


def listed_packages(module):
    params = module.params
    option = "package_id" if params["package_id"] else "package_ids"
    ids = [params["package_id"]] if params["package_id"] else params["package_ids"]
    if not ids:
        raise UsageError("package_ids is empty; list the packaged component ids to deploy")
    for ident in ids:
        if not ident:
            warn_or_fail(module, "package_ids has an empty entry; pass the package_id values of a release")
    return [(option, ident, None) for ident in ids]


def component_package(module, client):
    params = module.params
    found = package.find(client, params["component_id"], params["package_version"])
    if found is None or found.get("deleted"):
        warn_or_fail(module, "Component %s has no %spackaged component at version %s; create it with "
                             "boomi.platform.boomi_packaged_component"
                     % (params["component_id"], "live " if found else "", params["package_version"]))
        return [("component_id", "", {"componentId": params["component_id"],
                                      "packageVersion": params["package_version"]})]
    return [("component_id", found["packageId"], found)]


def released_packages(module, client):
    params = module.params
    pack = pack_api.require(client, params["integration_pack_id"], params["integration_pack"])
    released = pack_api.released_versions(pack)
    if not released:
        warn_or_fail(module, "Integration pack %s (%s) has no successful release, so there is nothing to deploy; release "
                             "it with boomi.platform.boomi_pack_release first" % (pack.get("name"), pack["id"]))
        return []
    packages = package.find_many(client, released)
    return [("integration_pack", packages[key]["packageId"], packages[key]) for key in released if key in packages]


# -- plan: per package, keep, deploy or undeploy -------------------------------------------------------
def read_new_packages(module, client, wanted):
    """Before any write: every package to deploy must exist and be live; say what a wrong id is instead.
    Returns {package_id: package}."""
    unknown = [ident for option, ident, known in wanted if ident and known is None]
    found = client.bulk_get(package.OBJECT, unknown) if unknown else {}
    checked = {}
    for option, ident, known in wanted:
        read = known if known is not None else found.get(ident)
        if ident and read is None:
            deployment_api.raise_unknown_package_id(client, ident, option)
        if read and read.get("deleted"):
            raise UsageError("Packaged component %s is deleted and cannot be deployed; restore it with "
                             "boomi.platform.boomi_packaged_component" % ident)
        checked[ident] = read or {}
    return checked


def plan_environment(module, client, environment_id, wanted):
    """[(action, package_id, package or active deployment)] with action keep, deploy, undeploy or absent,
    plus the environment's active deployments before the task."""
    active = deployment_api.active_in(client, environment_id)
    if not active:
        environment_api.require(client, environment_id)  # an empty environment may be a mistyped id
    if module.params["state"] == "absent":
        return [("undeploy" if i in active else "absent", i, active.get(i)) for _o, i, _k in wanted], active
    todo = [(option, ident, known) for option, ident, known in wanted if ident not in active]
    new = read_new_packages(module, client, todo)
    actions = []
    for _option, ident, known in wanted:
        if ident in active:
            actions.append(("keep", ident, active[ident]))
        else:
            actions.append(("deploy", ident, new.get(ident) or known or {}))
    return actions, active


# -- apply ---------------------------------------------------------------------------------------------
def deploy(module, client, environment_id, package_id, known):
    params = module.params
    body = deployment_api.create_body(environment_id, package_id, params["listener_status"], params["notes"])
    if module.check_mode or not package_id:
        return {"componentId": known.get("componentId"), "packageId": package_id or None,
                "packageVersion": known.get("packageVersion"), "active": True, "listenerStatus": body["listenerStatus"]}
    try:
        created = client.create(deployment_api.OBJECT, body,
                                lookup=lambda: deployment_api.active_in(client, environment_id).get(package_id))
    except (NotFoundError, ValidationError) as exc:
        raise UsageError("Boomi refused to deploy package %s to environment %s: %s"
                         % (package_id, environment_id, exc.boomi_message))
    if created.get("message"):
        module.warn("Boomi, deploying %s to %s: %s" % (package_id, environment_id, created["message"]))
    return created


def undeploy(module, client, environment_id, deployment):
    if not module.check_mode:
        client.delete(deployment_api.OBJECT, deployment["deploymentId"],
                      confirm=lambda: True if deployment["packageId"] not in
                      deployment_api.active_in(client, environment_id) else None)
    return dict(deployment, active=False)


def apply_actions(module, client, environment_id, actions):
    results = []
    for action, package_id, known in actions:
        if action == "keep":
            results.append(deployment_api.result(known, False))
        elif action == "deploy":
            results.append(deployment_api.result(deploy(module, client, environment_id, package_id, known), True))
        elif action == "undeploy":
            results.append(deployment_api.result(undeploy(module, client, environment_id, known), True))
        else:
            results.append(deployment_api.result({"packageId": package_id, "active": False}, False))
    return results


def diff_of(environment_id, active, results):
    """Active package per component before and after (a new package of a component replaces the old)."""
    before = dict((d["componentId"], d["packageId"]) for d in active.values())
    after = dict(before)
    for entry in results:
        key = entry["component_id"] or entry["package_id"]
        if entry["active"]:
            after[key] = entry["package_id"]
        elif after.get(key) == entry["package_id"]:
            del after[key]
    return {"before": {"environment_id": environment_id, "active_packages": before},
            "after": {"environment_id": environment_id, "active_packages": after}}


def run(module, client):
    environment_id = module.params["environment_id"]
    wanted = wanted_packages(module, client)
    actions, active = plan_environment(module, client, environment_id, wanted)
    results = apply_actions(module, client, environment_id, actions)
    changed = any(r["changed"] for r in results)
    return changed, {"environment_id": environment_id, "deployments": results}, diff_of(environment_id, active, results)


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
