#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_deployed_package
short_description: Deploy packaged components, or a released integration pack, to Boomi environments (DeployedPackage)
version_added: "0.1.0"
description:
  - Ensures packages are the active deployments in O(environment_id), or in every environment of
    O(environments), or undeploys them.
  - With O(environment_id), name what to deploy in exactly one way. O(integration_pack_id) or
    O(integration_pack) deploy the exact package of each component in the pack's current release, and fail
    when the pack has never been released. O(package_id) or O(package_ids) deploy those packaged components.
    O(component_id) with O(package_version) deploys that version of a component.
  - With O(environments), each entry names its environment and its package ids, and one module run deploys
    them all (a role deploying a release to many environments runs it once per batch of hosts).
  - A package that is already the active deployment of its component in the environment is left alone.
    Deploying another package of the same component replaces it at Boomi; deploying an older package is
    a rollback.
  - Components dropped from a pack stay deployed; undeploy them with O(state=absent).
  - "Cost: one read of the active deployments per 100 environments (plus its pages). Before the first write,
    one bulk read per 100 of the packages to deploy, and one per 100 environments that have nothing active
    yet (to tell a new environment from a mistyped id). Then the writes."
  - Every environment id and package id is checked before the first write, so a mistyped one fails the task
    with nothing written anywhere. With O(environments), a failure while deploying to one environment (Boomi
    refuses, or keeps failing) does not stop the others; the task fails at the end, naming each failed
    environment, and RV(environments) tells which ones succeeded.
options:
  environment_id:
    description:
      - Id of the environment to deploy to.
      - Exactly one of O(environment_id) and O(environments) is required.
    type: str
  environments:
    description:
      - Several environments at once, each with its own packages. Mutually exclusive with O(environment_id)
        and with the options that name what to deploy.
    type: list
    elements: dict
    suboptions:
      environment_id:
        description: Id of the environment.
        type: str
        required: true
      package_ids:
        description:
          - Ids of the packaged components for this environment.
          - In check mode an empty entry stands for a package that an earlier task would create.
        type: list
        elements: str
        required: true
      listener_status:
        description: Listener status of new deployments in this environment; defaults to O(listener_status).
        type: str
        choices: [running, paused]
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
    description:
      - Package version of O(component_id), as text; quote it (V('1.10')), since YAML reads an unquoted 1.10 as
        the number 1.1. A decimal number, an empty value or surrounding spaces fail before any request.
    type: raw
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
  - module: boomi.platform.boomi_batch_result
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Deploy the current release of the order pack to test
  boomi.platform.boomi_deployed_package:
    environment_id: 6d3f9a10-0002-4d5e-9a1b-00000000e002
    integration_pack: Order Processing Pack

- name: Deploy what a release pinned, resolved once, to one environment
  boomi.platform.boomi_deployed_package:
    environment_id: "{{ boomi_environment_id }}"
    package_ids: "{{ release.release.released_components | map(attribute='package_id') | list }}"

- name: Deploy the release to dev and test from one module run
  boomi.platform.boomi_deployed_package:
    environments:
      - environment_id: 6d3f9a10-0001-4d5e-9a1b-00000000e001
        package_ids: "{{ release.release.released_components | map(attribute='package_id') | list }}"
      - environment_id: 6d3f9a10-0002-4d5e-9a1b-00000000e002
        package_ids: "{{ release.release.released_components | map(attribute='package_id') | list }}"
        listener_status: paused

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
  returned: with O(environment_id)
  type: str
deployments:
  description: One entry per package the task named, with its deployment in the environment after the task.
  returned: with O(environment_id)
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
environments:
  description:
    - With O(environments), one entry per environment, in the order given (also when the task fails).
    - M(boomi.platform.boomi_batch_result) turns an entry into a result of the host that stands for the environment.
  returned: with O(environments)
  type: list
  elements: dict
  contains:
    environment_id:
      description: The environment.
      type: str
    changed:
      description: Whether anything was deployed or undeployed there.
      type: bool
    failed:
      description: Whether deploying there failed.
      type: bool
    msg:
      description: Why it failed.
      type: str
      returned: when failed
    deployments:
      description: As RV(deployments), for this environment.
      type: list
      elements: dict
"""

from ansible_collections.boomi.platform.plugins.module_utils import deployment as deployment_api
from ansible_collections.boomi.platform.plugins.module_utils import environment as environment_api
from ansible_collections.boomi.platform.plugins.module_utils import integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils.errors import (
    BoomiError,
    NotFoundError,
    UsageError,
    ValidationError,
)
from ansible_collections.boomi.platform.plugins.module_utils.inputs import VERSION_SPEC, version_text
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module, warn_or_fail

TARGETS = ("integration_pack_id", "integration_pack", "package_id", "package_ids", "component_id")
LISTENER_CHOICES = list(deployment_api.LISTENER_STATUSES)
OPTIONS = dict(
    environment_id=dict(type="str"),
    environments=dict(type="list", elements="dict", options=dict(
        environment_id=dict(type="str", required=True),
        package_ids=dict(type="list", elements="str", required=True),
        listener_status=dict(type="str", choices=LISTENER_CHOICES),
    )),
    integration_pack_id=dict(type="str"),
    integration_pack=dict(type="str"),
    package_id=dict(type="str"),
    package_ids=dict(type="list", elements="str"),
    component_id=dict(type="str"),
    package_version=VERSION_SPEC,
    listener_status=dict(type="str", choices=LISTENER_CHOICES, default="running"),
    notes=dict(type="str"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
)
CONSTRAINTS = dict(required_one_of=[("environment_id", "environments")],
                   mutually_exclusive=[("environment_id", "environments"), TARGETS],
                   required_together=[("component_id", "package_version")])


class Target(object):
    """One environment and what the task wants there: [(option, package_id, package if already read)]."""

    def __init__(self, environment_id, wanted, listener_status):
        self.environment_id = environment_id
        self.wanted = wanted
        self.listener_status = listener_status
        self.actions = []    # [(keep|deploy|undeploy|absent, package_id, package or active deployment)]
        self.active = {}     # {package_id: deployment} before the task


# -- what the task names ---------------------------------------------------------------------------------
def targets_of(module, client):
    params = module.params
    if params["environments"] is None:
        if not any(params[option] for option in TARGETS) and params["package_ids"] is None:
            raise UsageError("Name what to deploy to environment_id: one of %s" % ", ".join(TARGETS))
        return [Target(params["environment_id"], wanted_packages(module, client), params["listener_status"])]
    named = [option for option in TARGETS if params[option] is not None]
    if named:
        raise UsageError("environments names the package_ids of each environment; drop %s" % ", ".join(named))
    ids = [entry["environment_id"] for entry in params["environments"]]
    repeated = sorted(set(i for i in ids if ids.count(i) > 1))
    if repeated:
        raise UsageError("environments lists environment_id %s more than once; list each environment once"
                         % ", ".join(repeated))
    return [Target(entry["environment_id"],
                   listed_packages(module, entry["package_ids"], "environments[%d].package_ids" % index),
                   entry["listener_status"] or params["listener_status"])
            for index, entry in enumerate(params["environments"])]


def wanted_packages(module, client):
    params = module.params
    if params["package_ids"] is not None:
        return listed_packages(module, params["package_ids"], "package_ids")
    if params["package_id"]:
        return listed_packages(module, [params["package_id"]], "package_id")
    if params["component_id"]:
        return component_package(module, client)
    return released_packages(module, client)


def listed_packages(module, ids, option):
    if not ids:
        raise UsageError("%s is empty; list the packaged component ids to deploy" % option)
    for ident in ids:
        if not ident:
            warn_or_fail(module, "%s has an empty entry; pass the package_id values of a release" % option)
    return [(option, ident, None) for ident in ids]


def component_package(module, client):
    params = module.params
    version = version_text(params["package_version"], "package_version")
    found = package.find(client, params["component_id"], version)
    if found is None or found.get("deleted"):
        warn_or_fail(module, "Component %s has no %spackaged component at version %s; create it with "
                             "boomi.platform.boomi_packaged_component"
                     % (params["component_id"], "live " if found else "", version))
        return [("component_id", "", {"componentId": params["component_id"], "packageVersion": version})]
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


# -- plan: every read and every check, before the first write ------------------------------------------------
def read_new_packages(client, targets):
    """Every package to deploy must exist and be live; say what a wrong id is instead. {package_id: package}."""
    todo = [(option, ident, known) for t in targets for option, ident, known in t.wanted if ident not in t.active]
    unknown = [ident for option, ident, known in todo if ident and known is None]
    found = client.bulk_get(package.OBJECT, unknown) if unknown else {}
    checked = {}
    for option, ident, known in todo:
        read = known if known is not None else found.get(ident)
        if ident and read is None:
            deployment_api.raise_unknown_package_id(client, ident, option)
        if read and read.get("deleted"):
            raise UsageError("Packaged component %s is deleted and cannot be deployed; restore it with "
                             "boomi.platform.boomi_packaged_component" % ident)
        checked[ident] = read or {}
    return checked


def plan(module, client, targets):
    """Fill in each target's active deployments and actions. Reads only; raises before any write."""
    option = "environment_id" if module.params["environments"] is None else "environments[].environment_id"
    active = deployment_api.active_in_many(client, [t.environment_id for t in targets])
    for target in targets:
        target.active = active[target.environment_id]
    # an environment with nothing active may be a mistyped id: check those, all at once
    environment_api.require_all(client, [t.environment_id for t in targets if not t.active], option)
    if module.params["state"] == "absent":
        for target in targets:
            target.actions = [("undeploy" if i in target.active else "absent", i, target.active.get(i))
                              for _option, i, _known in target.wanted]
        return
    new = read_new_packages(client, targets)
    for target in targets:
        target.actions = [("keep", i, target.active[i]) if i in target.active else ("deploy", i, new.get(i) or known or {})
                          for _option, i, known in target.wanted]


# -- apply ---------------------------------------------------------------------------------------------
def deploy(module, client, target, package_id, known):
    body = deployment_api.create_body(target.environment_id, package_id, target.listener_status,
                                      module.params["notes"])
    if module.check_mode or not package_id:
        return {"componentId": known.get("componentId"), "packageId": package_id or None,
                "packageVersion": known.get("packageVersion"), "active": True, "listenerStatus": body["listenerStatus"]}
    environment_id = target.environment_id

    def lookup():
        return deployment_api.active_in(client, environment_id).get(package_id)

    try:
        created = client.create(deployment_api.OBJECT, body, lookup=lookup)
    except (NotFoundError, ValidationError) as exc:
        # Another job may have deployed the same package meanwhile: that counts as done.
        created = lookup()
        if created is None:
            raise UsageError("Boomi refused to deploy package %s to environment %s: %s"
                             % (package_id, environment_id, exc.boomi_message))
    if created.get("message"):
        module.warn("Boomi, deploying %s to %s: %s" % (package_id, environment_id, created["message"]))
    return created


def undeploy(module, client, target, deployment):
    if not module.check_mode:
        client.delete(deployment_api.OBJECT, deployment["deploymentId"],
                      confirm=lambda: True if deployment["packageId"] not in
                      deployment_api.active_in(client, target.environment_id) else None)
    return dict(deployment, active=False)


def apply_actions(module, client, target):
    results = []
    for action, package_id, known in target.actions:
        if action == "keep":
            results.append(deployment_api.result(known, False))
        elif action == "deploy":
            results.append(deployment_api.result(deploy(module, client, target, package_id, known), True))
        elif action == "undeploy":
            results.append(deployment_api.result(undeploy(module, client, target, known), True))
        else:
            results.append(deployment_api.result({"packageId": package_id, "active": False}, False))
    return results


def active_packages(target, results):
    """Active package per component before and after (a new package of a component replaces the old)."""
    before = dict((d["componentId"], d["packageId"]) for d in target.active.values())
    after = dict(before)
    for entry in results:
        key = entry["component_id"] or entry["package_id"]
        if entry["active"]:
            after[key] = entry["package_id"]
        elif after.get(key) == entry["package_id"]:
            del after[key]
    return before, after


# -- run -----------------------------------------------------------------------------------------------
def run_one(module, client, target):
    results = apply_actions(module, client, target)
    before, after = active_packages(target, results)
    diff = {"before": {"environment_id": target.environment_id, "active_packages": before},
            "after": {"environment_id": target.environment_id, "active_packages": after}}
    changed = any(r["changed"] for r in results)
    return changed, {"environment_id": target.environment_id, "deployments": results}, diff


def run_batch(module, client, targets):
    """Each environment in turn; one that fails does not stop the others. Fails at the end if any failed."""
    entries, diff = [], {"before": {}, "after": {}}
    for target in targets:
        entry = {"environment_id": target.environment_id, "changed": False, "failed": False, "deployments": []}
        try:
            entry["deployments"] = apply_actions(module, client, target)
        except BoomiError as exc:
            entry.update(failed=True, msg=str(exc))
        entry["changed"] = any(r["changed"] for r in entry["deployments"])
        diff["before"][target.environment_id], diff["after"][target.environment_id] = \
            active_packages(target, entry["deployments"])
        entries.append(entry)
    changed = any(e["changed"] for e in entries)
    failed = [e for e in entries if e["failed"]]
    if failed:
        raise UsageError("Deploying failed in %d of %d environments: %s"
                         % (len(failed), len(entries), "; ".join("%s: %s" % (e["environment_id"], e["msg"]) for e in failed)),
                         extra={"environments": entries, "changed": changed})
    return changed, {"environments": entries}, diff


def run(module, client):
    targets = targets_of(module, client)
    plan(module, client, targets)
    if module.params["environments"] is None:
        return run_one(module, client, targets[0])
    return run_batch(module, client, targets)


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
