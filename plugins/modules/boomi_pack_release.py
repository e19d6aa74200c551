#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_pack_release
short_description: Release a Boomi integration pack (ReleaseIntegrationPack)
version_added: "0.1.0"
description:
  - Releases an integration pack so that each member component is pinned to a package version, and
    waits for Boomi to finish.
  - The release names an explicit version for every member; Boomi's own pending version is never relied on.
  - Nothing is released when every member's current (released) version already matches and no member
    is pending removal; then RV(release.status) is C(CURRENT) and RV(release.request_id) is V(null).
  - A release whose answer was lost is never sent again; the module waits for the pack's current versions
    to match instead, and fails saying the outcome is unknown if they do not.
options:
  integration_pack_id:
    description: Id of the pack. A packaged component id here is recognised and explained.
    type: str
  integration_pack:
    description: Exact name of the pack, instead of O(integration_pack_id).
    type: str
  version:
    description: Release every member at this package version.
    type: str
  components:
    description:
      - Per-member versions. Members not listed keep their current version (or, if never released, take
        their newest shareable version).
      - Without O(version) and O(components), every member is released at its newest shareable version.
    type: list
    elements: dict
    suboptions:
      component_id:
        description: Id of a member component.
        type: str
        required: true
      version:
        description: Package version to release for it.
        type: str
        required: true
  release_schedule:
    description:
      - V(immediately) updates every installed account now; V(on_date) releases on O(release_on_date)
        and leaves a testing window before it.
      - Boomi allows one scheduled release per pack; when one is pending it is replaced.
    type: str
    choices: [immediately, on_date]
    default: immediately
  release_on_date:
    description: Date of a scheduled release, C(YYYY-MM-DD), today or later. Required with O(release_schedule=on_date).
    type: str
  wait:
    description: Wait for the release to finish (or, when scheduled, to be accepted as C(SCHEDULED)).
    type: bool
    default: true
  wait_timeout:
    description: Seconds to wait before failing; the failure returns the request id to follow up.
    type: int
    default: 600
  poll_interval:
    description: Seconds between status polls.
    type: float
    default: 5
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode
  - boomi.platform.attributes.diff_mode
notes:
  - Boomi has no release notes field; notes live on the packaged components.
  - Boomi cannot list pending scheduled releases, so a scheduled release is sent again on every run.
seealso:
  - module: boomi.platform.boomi_integration_pack
  - module: boomi.platform.boomi_deployed_package
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Release every member of the pack at 1.0.5
  boomi.platform.boomi_pack_release:
    integration_pack: Order Processing Pack
    version: 1.0.5
  register: release

- name: Release one component at a new version, the others stay as they are
  boomi.platform.boomi_pack_release:
    integration_pack_id: "{{ pack.integration_pack.id }}"
    components:
      - component_id: 3f1c2a10-0002-4c6e-9d7a-00000000c002
        version: 1.0.6

- name: Schedule the release for a date
  boomi.platform.boomi_pack_release:
    integration_pack: Order Processing Pack
    version: 1.0.6
    release_schedule: on_date
    release_on_date: "2030-01-31"
"""

RETURN = r"""
release:
  description: The release that was made, or the current one when nothing needed releasing.
  returned: always
  type: dict
  contains:
    request_id:
      description: Boomi's request id (C(release-<uuid>)); V(null) when nothing was released or in check mode.
      type: str
    status:
      description:
        - C(SUCCESS), C(SCHEDULED), C(IN_PROGRESS) (with O(wait=false)), or C(CURRENT) when nothing changed.
        - V(null) in check mode when a release would be made.
      type: str
    integration_pack_id:
      description: Id of the pack.
      type: str
    release_schedule:
      description: C(immediately) or C(on_date).
      type: str
    release_on_date:
      description: Date of a scheduled release, else V(null).
      type: str
    released_components:
      description: Every member with the version the release pins and that version's package id.
      type: list
      elements: dict
      contains:
        component_id:
          description: Id of the component.
          type: str
        version:
          description: Released package version.
          type: str
        package_id:
          description:
            - Id of that packaged component (what M(boomi.platform.boomi_deployed_package) deploys).
            - V(null) in check mode when an earlier task would create it.
          type: str
"""

import datetime
import time

from ansible_collections.boomi.platform.plugins.module_utils import integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils import release as release_api
from ansible_collections.boomi.platform.plugins.module_utils.errors import (
    BoomiApiError,
    OutcomeUnknownError,
    UsageError,
    ValidationError,
)
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module, warn_or_fail

OPTIONS = dict(
    integration_pack_id=dict(type="str"),
    integration_pack=dict(type="str"),
    version=dict(type="str"),
    components=dict(type="list", elements="dict", options=dict(
        component_id=dict(type="str", required=True),
        version=dict(type="str", required=True),
    )),
    release_schedule=dict(type="str", choices=list(release_api.SCHEDULES), default="immediately"),
    release_on_date=dict(type="str"),
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=600),
    poll_interval=dict(type="float", default=5.0),
)
CONSTRAINTS = dict(required_one_of=[("integration_pack_id", "integration_pack")],
                   mutually_exclusive=[("integration_pack_id", "integration_pack"), ("version", "components")],
                   required_if=[("release_schedule", "on_date", ("release_on_date",))])


class Plan(object):
    """What this task releases: the pack, each member's version, and those versions' packages."""

    def __init__(self, pack, versions, packages):
        self.pack = pack
        self.versions = versions
        self.packages = packages

    def current(self):
        return dict((c, m.get("currentVersion") or None) for c, m in pack_api.active_members(self.pack).items())

    def pending_removal(self):
        return [c for c, m in pack_api.members(self.pack).items() if m.get("deleted")]

    def needed(self):
        return bool(self.pending_removal()) or self.current() != self.versions

    def reached_by(self, pack):
        """Whether ``pack`` (read again) already holds what this plan releases."""
        return not Plan(pack, self.versions, self.packages).needed()


def raise_if_bad_date(params):
    date = params["release_on_date"]
    if params["release_schedule"] != "on_date":
        if date:
            raise UsageError("release_on_date is only used with release_schedule=on_date")
        return
    try:
        day = datetime.datetime.strptime(date or "", "%Y-%m-%d").date()
    except ValueError:
        raise UsageError("release_on_date %r is not a date in YYYY-MM-DD form, e.g. 2030-01-31" % date)
    today = datetime.datetime.now(datetime.timezone.utc).date()
    if day < today:
        raise UsageError("release_on_date %s is in the past; use today (%s) or later" % (date, today.isoformat()))


def wanted_versions(module, pack):
    params = module.params
    members = pack_api.active_members(pack)
    if params["version"]:
        return dict((c, params["version"]) for c in members)
    listed = dict((item["component_id"], item["version"]) for item in params["components"] or [])
    for component_id in listed:
        if component_id not in members:
            warn_or_fail(module, "Component %s is not a member of integration pack %s; add it with "
                                 "boomi.platform.boomi_integration_pack first" % (component_id, pack["id"]))
    versions = {}
    for component_id, member in members.items():
        fallback = member.get("latestVersion") if params["components"] is None else \
            (member.get("currentVersion") or member.get("latestVersion"))
        versions[component_id] = listed.get(component_id) or fallback or None
    return versions


def find_pack(module, client):
    params = module.params
    pack = pack_api.find(client, params["integration_pack_id"], params["integration_pack"])
    if pack is None:
        warn_or_fail(module, "No integration pack named %r in this account; create it with "
                             "boomi.platform.boomi_integration_pack" % params["integration_pack"])
        listed = [{"componentId": item["component_id"]} for item in params["components"] or []]
        pack = pack_api.with_members({"id": None}, listed)
    if not pack_api.members(pack):
        warn_or_fail(module, "Integration pack %s has no components to release; add them with "
                             "boomi.platform.boomi_integration_pack" % pack["id"])
    return pack


def make_plan(module, client):
    pack = find_pack(module, client)
    versions = wanted_versions(module, pack)
    packages = package.find_many(client, [(c, v) for c, v in versions.items() if v])
    for component_id, version in versions.items():
        if not version or not package.is_live_shareable(packages.get((component_id, version))):
            warn_or_fail(module, "Component %s has no shareable packaged component at version %s; create it with "
                                 "boomi.platform.boomi_packaged_component (shareable: true)" % (component_id, version))
    return Plan(pack, versions, packages)


def send(module, client, plan):
    params = module.params
    body = release_api.body(plan.pack["id"], plan.versions, params["release_schedule"], params["release_on_date"])
    if params["release_schedule"] == "on_date":
        try:
            return client.create(release_api.OBJECT, body)
        except ValidationError as exc:
            if "scheduled" not in (exc.boomi_message or "").lower():
                raise
            # Boomi keeps one scheduled release per pack: replace the pending one.
            return client.update(release_api.OBJECT, plan.pack["id"], body)
    return client.create(release_api.OBJECT, body, lookup=lambda: wait_for_versions(module, client, plan))


def wait_for_versions(module, client, plan):
    """After a lost answer: the release went through if the pack's current versions reach the plan."""
    params = module.params
    deadline = time.monotonic() + params["wait_timeout"]
    while True:
        if plan.reached_by(client.get(pack_api.OBJECT, plan.pack["id"])):
            return {"requestId": None, "releaseStatus": "SUCCESS"}
        if time.monotonic() >= deadline:
            raise OutcomeUnknownError(
                "The answer to the release request for integration pack %s was lost and the pack's current versions "
                "did not reach the requested ones within %ss. The request was not sent again (it may still be in "
                "progress); run the task again to converge" % (plan.pack["id"], params["wait_timeout"]))
        client.sleep(params["poll_interval"])


def follow(module, client, result):
    """Poll the release status until SUCCESS (or SCHEDULED for a scheduled release)."""
    params = module.params
    deadline = time.monotonic() + params["wait_timeout"]
    while True:
        status = release_api.status(client, result["request_id"])
        result["status"] = status["status"]
        if result["status"] == "SUCCESS" or (result["status"] == "SCHEDULED" and params["release_schedule"] == "on_date"):
            return result
        if result["status"] == "ERROR":
            raise BoomiApiError("Boomi release %s of integration pack %s ended with ERROR: %s"
                                % (result["request_id"], result["integration_pack_id"], status["message"] or "no message"),
                                extra={"release": result})
        if time.monotonic() >= deadline:
            raise BoomiApiError("Boomi release %s of integration pack %s was still %s after wait_timeout=%ss; follow it up "
                                "with its request id" % (result["request_id"], result["integration_pack_id"],
                                                         result["status"], params["wait_timeout"]),
                                extra={"release": result})
        client.sleep(params["poll_interval"])


def apply_plan(module, client, plan, result):
    """Release (unless check mode) and fill in the request id and status. Returns the result."""
    params = module.params
    if module.check_mode:
        return dict(result, status=None)
    answer = send(module, client, plan)
    result["request_id"] = answer.get("requestId")
    if answer.get("releaseStatus") == "SUCCESS" or not result["request_id"]:
        result["status"] = "SUCCESS"
    elif params["wait"]:
        follow(module, client, result)
    else:
        result["status"] = "SCHEDULED" if params["release_schedule"] == "on_date" else "IN_PROGRESS"
    return result


def run(module, client):
    params = module.params
    raise_if_bad_date(params)
    plan = make_plan(module, client)
    result = {"request_id": None, "status": "CURRENT", "integration_pack_id": plan.pack["id"],
              "release_schedule": params["release_schedule"], "release_on_date": params["release_on_date"],
              "released_components": release_api.released_components(plan.versions, plan.packages)}
    diff = {"before": {"versions": plan.current()}, "after": {"versions": plan.versions}}
    if not plan.needed():
        diff["after"] = diff["before"]
        return False, {"release": result}, diff
    return True, {"release": apply_plan(module, client, plan, result)}, diff


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
