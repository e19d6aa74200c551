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
    O(component_id) with O(package_version) deploys that version of a component; O(component_id) with
    O(state=absent) and no version undeploys whichever version of the component is active.
  - O(undeploy_components) (also per entry of O(environments)) undeploys components, whatever version is active;
    with nothing else named, it is all the task does.
  - With O(environments), one module run deploys to every listed environment (a role deploying a release to many
    environments runs it once per batch of hosts). Each entry gets its O(environments[].package_ids), or, with
    O(integration_pack_id) or O(integration_pack), the pack's current release, where O(environments[].pinned_versions)
    keep some components at other versions, O(environments[].hold) leaves the environment untouched, and
    O(environments[].rollback) rolls components back instead.
  - A rollback is recorded in the new deployment's notes (C([rollback-from=<version>])), in Boomi, so it holds
    across controllers and AWX jobs; deploying the pack's release later leaves that component where it is while
    the release ships the version it was rolled back from (the task warns and returns it in RV(kept)), unless
    O(force=true). A release with another version for it moves it on.
  - A scheduled release that is not due yet is not part of the pack's current release, so it is not deployed.
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
          - Required unless the task names a pack (then the pack's current release is deployed), or the entry has
            O(environments[].rollback) or O(environments[].hold).
          - In check mode an empty entry stands for a package that an earlier task would create.
        type: list
        elements: str
      pinned_versions:
        description:
          - "With a pack, keep these components at these versions (C(component_id: version)) instead of the release's."
          - Each version must have a live packaged component.
        type: dict
      hold:
        description: Leave this environment untouched and report it as C(held), with what is active there.
        type: bool
        default: false
      force:
        description: As O(force), for this environment; defaults to O(force).
        type: bool
      rollback:
        description:
          - Roll components of this environment back instead of deploying a release.
        type: dict
        suboptions:
          components:
            description:
              - Component ids to roll back; by default every pack member deployed there (or, without a pack, every
                component deployed there).
            type: list
            elements: str
          to:
            description:
              - "C(component_id: version) to roll back to; by default the package that was active before the
                current one (skipping versions that were themselves rolled back from)."
            type: dict
      listener_status:
        description: Listener status of new deployments in this environment; defaults to O(listener_status).
        type: str
        choices: [running, paused]
      undeploy_components:
        description:
          - Component ids to undeploy from this environment, whatever version is active (besides O(undeploy_components)).
          - With nothing else for the entry to deploy (no O(environments[].package_ids), no pack), undeploying them is
            all it does.
        type: list
        elements: str
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
    description:
      - Deploy the package of this component at O(package_version).
      - With O(state=absent) and no O(package_version), undeploy whichever version of the component is active.
    type: str
  expected_versions:
    description:
      - "With a pack, C(component_id: version) that the pack's current release must have, checked before any
        write. When it differs (another job released since, or this is not the build that passed an earlier
        stage), the task fails and nothing is deployed anywhere."
      - With O(environments), the pack is read once more after the deployments (one request); when another job
        released it meanwhile, every environment's result fails, saying so, since they may run a mix of the two.
    type: dict
  force:
    description: With a pack, also deploy a release version to environments that were rolled back from it.
    type: bool
    default: false
  undeploy_components:
    description:
      - Component ids to undeploy from the environments where they are active, whatever version (for example
        components removed from the pack). Their other deployments are left alone; held environments too.
      - With only O(environment_id) (no pack, package or component named), undeploying them is all the task does.
    type: list
    elements: str
  package_version:
    description:
      - Package version of O(component_id), as text; quote it (V('1.10')), since YAML reads an unquoted 1.10 as
        the number 1.1. A number (2 or 1.10), an empty value or surrounding spaces fail before any request.
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

- name: Deploy the pack's current release, but only if it is the build that passed test; keep prod's pin
  boomi.platform.boomi_deployed_package:
    integration_pack: Order Processing Pack
    expected_versions:
      3f1c2a10-0001-4c6e-9d7a-00000000c001: "1.0.5"
    environments:
      - environment_id: 6d3f9a10-0002-4d5e-9a1b-00000000e002
      - environment_id: 6d3f9a10-0003-4d5e-9a1b-00000000e003
        pinned_versions:
          3f1c2a10-0002-4c6e-9d7a-00000000c002: "1.0.4"

- name: Roll prod back to what ran before (recorded in Boomi, so the next release run leaves it)
  boomi.platform.boomi_deployed_package:
    integration_pack: Order Processing Pack
    environments:
      - environment_id: 6d3f9a10-0003-4d5e-9a1b-00000000e003
        rollback: {}

- name: Deploy one component at a version
  boomi.platform.boomi_deployed_package:
    environment_id: 6d3f9a10-0003-4d5e-9a1b-00000000e003
    component_id: 3f1c2a10-0002-4c6e-9d7a-00000000c002
    package_version: "1.0.4"

- name: Undeploy a package
  boomi.platform.boomi_deployed_package:
    environment_id: 6d3f9a10-0001-4d5e-9a1b-00000000e001
    package_id: e3e70682-c209-4cac-a29f-6fbed82c07cd
    state: absent

- name: Undeploy Invoice Sync from test, whatever version runs there
  boomi.platform.boomi_deployed_package:
    environment_id: 6d3f9a10-0002-4d5e-9a1b-00000000e002
    component_id: 3f1c2a10-0003-4c6e-9d7a-00000000c003
    state: absent

- name: Undeploy components from several environments in one run
  boomi.platform.boomi_deployed_package:
    environments:
      - environment_id: 6d3f9a10-0001-4d5e-9a1b-00000000e001
        undeploy_components: [3f1c2a10-0003-4c6e-9d7a-00000000c003]
      - environment_id: 6d3f9a10-0002-4d5e-9a1b-00000000e002
        undeploy_components: [3f1c2a10-0002-4c6e-9d7a-00000000c002, 3f1c2a10-0003-4c6e-9d7a-00000000c003]
"""

RETURN = r"""
environment_id:
  description: The environment.
  returned: with O(environment_id)
  type: str
kept:
  description:
    - Components left at a rolled-back version, although the release ships the version they were rolled back from
      (see O(force)).
  returned: when there are any, with O(environment_id)
  type: list
  elements: dict
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
    environment_name:
      description: Its name at Boomi.
      type: str
    state:
      description: C(deployed), C(unchanged), C(held), C(pinned) (some components at pinned versions) or C(failed).
      type: str
    kept:
      description: As RV(kept), for this environment.
      type: list
      elements: dict
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

from ansible_collections.boomi.platform.plugins.module_utils import deployed_package as deployment_api
from ansible_collections.boomi.platform.plugins.module_utils import deployment_plan as planner
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils.deployment_batch import (
    PACK,
    apply_actions,
    batch_entries,
    checked_ids,
    plan,
    readable,
    run_batch,
    settle_races,
    versions_before_after,
)
from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.inputs import VERSION_SPEC, version_text
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module, warn_or_fail

PACKAGES = ("package_id", "package_ids", "component_id")
LISTENER_CHOICES = list(deployment_api.LISTENER_STATUSES)
OPTIONS = dict(
    environment_id=dict(type="str"),
    environments=dict(type="list", elements="dict", options=dict(
        environment_id=dict(type="str", required=True),
        package_ids=dict(type="list", elements="str"),
        pinned_versions=dict(type="dict"),
        hold=dict(type="bool", default=False),
        force=dict(type="bool"),
        rollback=dict(type="dict", options=dict(
            components=dict(type="list", elements="str"),
            to=dict(type="dict"),
        )),
        listener_status=dict(type="str", choices=LISTENER_CHOICES),
        undeploy_components=dict(type="list", elements="str"),
    )),
    integration_pack_id=dict(type="str"),
    integration_pack=dict(type="str"),
    package_id=dict(type="str"),
    package_ids=dict(type="list", elements="str"),
    component_id=dict(type="str"),
    package_version=VERSION_SPEC,
    expected_versions=dict(type="dict"),
    force=dict(type="bool", default=False),
    undeploy_components=dict(type="list", elements="str"),
    listener_status=dict(type="str", choices=LISTENER_CHOICES, default="running"),
    notes=dict(type="str"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
)
CONSTRAINTS = dict(required_one_of=[("environment_id", "environments")],
                   mutually_exclusive=[("environment_id", "environments"), PACK + PACKAGES, ("environments",) + PACKAGES],
                   required_by={"package_version": "component_id"})


# -- what the task asks, per environment -------------------------------------------------------------------
def single_entry(module, client):
    params = module.params
    env = params["environment_id"]
    if params["package_ids"] is not None or params["package_id"]:
        option = "package_ids" if params["package_ids"] is not None else "package_id"
        ids = params["package_ids"] if params["package_ids"] is not None else [params["package_id"]]
        return planner.Entry(env, option, package_ids=checked_ids(module, ids, option)), {}
    if params["component_id"]:
        return component_entry(module, client)
    if not any(params[option] for option in PACK):
        if params["undeploy_components"]:  # nothing to deploy: only undeploy those components
            return planner.Entry(env, "undeploy_components", package_ids=[]), {}
        raise UsageError("Name what to deploy to environment_id: one of %s (or undeploy_components to only undeploy)"
                         % ", ".join(PACK + PACKAGES))
    return planner.Entry(env, "integration_pack"), {}


def component_entry(module, client):
    params = module.params
    if params["package_version"] is None:
        if params["state"] != "absent":
            raise UsageError("component_id %s needs package_version to deploy, and it is empty (null) or missing: set it "
                             "to the version in quotes, e.g. package_version: '1.0.5'; to undeploy whichever version "
                             "of it is active, set state: absent" % params["component_id"])
        entry = planner.Entry(params["environment_id"], "component_id", package_ids=[])
        entry.undeploy = [params["component_id"]]  # whatever version is active there
        return entry, {}
    version = version_text(params["package_version"], "package_version")
    found = package.find(client, params["component_id"], version)
    entry = planner.Entry(params["environment_id"], "component_id")
    if found is None or found.get("deleted"):
        warn_or_fail(module, "Component %s has no %spackaged component at version %s; create it with "
                             "boomi.platform.boomi_packaged_component"
                     % (params["component_id"], "live " if found else "", version))
        entry.package_ids = [""]
        return entry, {"": {"componentId": params["component_id"], "packageVersion": version}}
    entry.package_ids = [found["packageId"]]
    return entry, {found["packageId"]: found}


# -- run (a batch runs in deployment_batch) -----------------------------------------------------------
def run_one(module, client, entry):
    results = apply_actions(module, client, entry)
    settle_races(client, [entry], {entry.environment_id: results})
    ((before, after),) = readable(module, client, [versions_before_after(entry, results)])
    diff = {"before": {"environment_id": entry.environment_id, "versions": before},
            "after": {"environment_id": entry.environment_id, "versions": after}}
    changed = any(r["changed"] for r in results)
    result = {"environment_id": entry.environment_id, "deployments": results}
    if entry.kept:
        result["kept"] = entry.kept
    return changed, result, diff


def run(module, client):
    params = module.params
    if params["environments"] is None:
        entry, known = single_entry(module, client)
        entry.listener_status = params["listener_status"]
        entries = [entry]
    else:
        entries, known = batch_entries(module), {}
    if (params["expected_versions"] or params["force"]) and not any(params[o] for o in PACK):
        raise UsageError("expected_versions and force apply to a pack's release; set integration_pack_id or "
                         "integration_pack")
    release = plan(module, client, entries, known)
    if params["environments"] is None:
        return run_one(module, client, entries[0])
    return run_batch(module, client, entries, release)


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
