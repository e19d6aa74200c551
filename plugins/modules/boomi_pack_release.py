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
  - The release names an explicit version for every member. Without O(version) or O(components), and for
    members that O(components) does not list, that is the member's pending version, else its current one;
    a newer shareable package is never released by itself (the task warns that it exists). A member with
    neither fails, naming it.
  - Nothing is released when every member's current (released) version already matches and no member
    is pending removal; then RV(release.status) is C(CURRENT) and RV(release.request_id) is V(null). That holds
    for a scheduled release too, whatever its date, so re-running a pipeline the day after the date is fine.
  - When the answer to a release is lost, or Boomi asks to retry (503, 429), the pack is read again right
    before anything is sent again, and nothing is sent when its current versions already match; otherwise the
    pack is looked at for O(write_settle_seconds) before the release is sent again. Boomi cannot list releases
    that are still running, so a release that takes longer than that to finish can still be sent twice (it
    releases the same versions again).
  - An immediate release always wins over a pending scheduled one; it releases now, and the schedule stays.
options:
  integration_pack_id:
    description: Id of the pack. A packaged component id here is recognised and explained.
    type: str
  integration_pack:
    description:
      - Exact name of the pack, instead of O(integration_pack_id).
      - When overlapping runs each created a pack with this name, the one with a release counts, else the smallest
        id. If none has a release yet, the task first waits O(write_settle_seconds) and looks again, because another
        run's release may be in flight (Boomi shows it only once it succeeds). Check mode does not wait.
    type: str
  version:
    description:
      - Release every member at this package version. Quote it (V('1.10')); YAML reads an unquoted 1.10 as the
        number 1.1, and a decimal number, an empty value or surrounding spaces fail before any request.
    type: raw
  components:
    description:
      - Per-member versions. Members not listed keep their pending version, else their current one.
    type: list
    elements: dict
    suboptions:
      component_id:
        description: Id of a member component.
        type: str
        required: true
      version:
        description: Package version to release for it, quoted as for O(version).
        type: raw
        required: true
  release_schedule:
    description:
      - V(immediately) updates every installed account now; V(on_date) releases on O(release_on_date)
        and leaves a testing window before it. Until then the pack's current release, and what
        M(boomi.platform.boomi_deployed_package) deploys from it, stay as they are.
      - Boomi allows one scheduled release per pack; when it refuses a new one, the pending one is replaced
        (and when it refuses that too, its first answer is reported).
    type: str
    choices: [immediately, on_date]
    default: immediately
  release_on_date:
    description:
      - Date of a scheduled release, C(YYYY-MM-DD), today or later when a release is to be made. Required with
        O(release_schedule=on_date).
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
    description: Seconds between status polls, greater than 0.
    type: float
    default: 5
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode
  - boomi.platform.attributes.diff_mode
notes:
  - Boomi has no release notes field; notes live on the packaged components.
  - Boomi cannot list pending scheduled releases, so a scheduled release is sent again on every run until its
    versions are current.
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
    version: "1.0.5"
  register: release

- name: Release one component at a new version, the others stay as they are
  boomi.platform.boomi_pack_release:
    integration_pack: Order Processing Pack
    components:
      - component_id: 3f1c2a10-0002-4c6e-9d7a-00000000c002
        version: "1.0.6"

- name: Schedule the release for a date; deploy what is released now, not the schedule
  boomi.platform.boomi_pack_release:
    integration_pack: Order Processing Pack
    version: "1.0.6"
    release_schedule: on_date
    release_on_date: "2030-01-31"
  register: scheduled

- name: The environments keep the current release until the date
  boomi.platform.boomi_deployed_package:
    environment_id: 6d3f9a10-0002-4d5e-9a1b-00000000e002
    integration_pack: Order Processing Pack
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
      description:
        - What is released now, after the task; each member with its version and that version's package id.
        - For a scheduled release, the current release it leaves in place until its date.
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
    scheduled_components:
      description: For a scheduled release, each member with the version it releases on its date; else empty.
      type: list
      elements: dict
integration_pack:
  description:
    - The pack as it is after the task (for a scheduled release, as it is until the date), in the shape
      M(boomi.platform.boomi_integration_pack) returns.
  returned: always
  type: dict
"""

import datetime
import math
import time

from ansible_collections.boomi.platform.plugins.module_utils import integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils import release as release_api
from ansible_collections.boomi.platform.plugins.module_utils.errors import (
    BoomiApiError,
    UsageError,
    ValidationError,
)
from ansible_collections.boomi.platform.plugins.module_utils.inputs import VERSION_SPEC, version_text
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module, warn_or_fail

OPTIONS = dict(
    integration_pack_id=dict(type="str"),
    integration_pack=dict(type="str"),
    version=VERSION_SPEC,
    components=dict(type="list", elements="dict", options=dict(
        component_id=dict(type="str", required=True),
        version=dict(VERSION_SPEC, required=True),
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

    def released_pack(self):
        """The pack as it is once this plan is released: members at their versions, removals gone."""
        entries = [dict(m, currentVersion=self.versions.get(c, m.get("currentVersion")), pendingVersion="")
                   for c, m in pack_api.members(self.pack).items() if not m.get("deleted")]
        return pack_api.with_members(self.pack, entries)


# -- checks of the options, before any request ----------------------------------------------------
def raise_if_bad_timing(params):
    if params["wait_timeout"] < 0:
        raise UsageError("wait_timeout must be 0 or more seconds, got %s" % params["wait_timeout"])
    interval = params["poll_interval"]
    if not math.isfinite(interval) or interval <= 0:
        raise UsageError("poll_interval must be a number of seconds greater than 0, got %s" % interval)


def release_day(params):
    """The date of a scheduled release (None for an immediate one); a malformed date always fails."""
    date = params["release_on_date"]
    if params["release_schedule"] != "on_date":
        if date:
            raise UsageError("release_on_date is only used with release_schedule=on_date")
        return None
    try:
        return datetime.datetime.strptime(date or "", "%Y-%m-%d").date()
    except ValueError:
        raise UsageError("release_on_date %r is not a date in YYYY-MM-DD form, e.g. 2030-01-31" % date)


def raise_if_past(day):
    """Only when a release is to be made: a schedule already current is fine the day after its date."""
    today = datetime.datetime.now(datetime.timezone.utc).date()
    if day is not None and day < today:
        raise UsageError("release_on_date %s is in the past; use today (%s) or later"
                         % (day.isoformat(), today.isoformat()))


# -- plan -----------------------------------------------------------------------------------------
def listed_versions(module):
    params = module.params
    if params["version"] is not None:
        return None, version_text(params["version"], "version")
    listed = dict((item["component_id"], version_text(item["version"], "components[].version"))
                  for item in params["components"] or [])
    return listed, None


def wanted_versions(module, pack):
    """Every member's version: the one asked for, else its pending version, else its current one; never a
    newer package by itself (a newer one is mentioned in a warning)."""
    listed, everyone = listed_versions(module)
    members = pack_api.active_members(pack)
    for component_id in listed or {}:
        if component_id not in members:
            warn_or_fail(module, "Component %s is not a member of integration pack %s; add it with "
                                 "boomi.platform.boomi_integration_pack first" % (component_id, pack["id"]))
    versions = {}
    for component_id, member in members.items():
        chosen = everyone or (listed or {}).get(component_id) or member.get("pendingVersion") or \
            member.get("currentVersion") or None
        if chosen is None:
            warn_or_fail(module, "Component %s of integration pack %s has no pending or current version to release; "
                                 "name one with version or components" % (component_id, pack["id"]))
        latest = member.get("latestVersion")
        if latest and latest != chosen and not everyone and component_id not in (listed or {}):
            module.warn("Component %s has a newer shareable package (%s) than the %s released here; name it in "
                        "version or components to release it" % (component_id, latest, chosen))
        versions[component_id] = chosen
    return versions


def find_pack(module, client):
    params = module.params
    if params["integration_pack_id"]:
        pack = pack_api.find(client, params["integration_pack_id"])
    else:
        pack = pack_api.find_settled(client, params["integration_pack"], settle=not module.check_mode)
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
        if version and not package.is_live_shareable(packages.get((component_id, version))):
            warn_or_fail(module, "Component %s has no shareable packaged component at version %s; create it with "
                                 "boomi.platform.boomi_packaged_component (shareable: true)" % (component_id, version))
    return Plan(pack, versions, packages)


# -- apply ----------------------------------------------------------------------------------------
def send(module, client, plan):
    params = module.params
    body = release_api.body(plan.pack["id"], plan.versions, params["release_schedule"], params["release_on_date"])
    if params["release_schedule"] == "on_date":
        return send_scheduled(client, plan, body)

    def reached():
        """Re-read the pack: a release that went through (or another job's) leaves nothing to send."""
        return {"requestId": None, "releaseStatus": "SUCCESS"} if \
            plan.reached_by(client.get(pack_api.OBJECT, plan.pack["id"])) else None

    try:
        return client.create(release_api.OBJECT, body, lookup=reached, before_resend=reached)
    except ValidationError:
        done = reached()  # refused because another job has just released the same versions: converged
        if done is None:
            raise
        return done


def send_scheduled(client, plan, body):
    """Boomi keeps one scheduled release per pack: when it refuses a new one, replace the pending one."""
    try:
        return client.create(release_api.OBJECT, body)
    except ValidationError as refused:
        try:
            return client.update(release_api.OBJECT, plan.pack["id"], body)
        except ValidationError:
            raise refused


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
    raise_if_bad_timing(params)
    day = release_day(params)
    plan = make_plan(module, client)
    scheduled = params["release_schedule"] == "on_date"
    current = dict((c, v) for c, v in plan.current().items() if v)
    result = {"request_id": None, "status": "CURRENT", "integration_pack_id": plan.pack["id"],
              "release_schedule": params["release_schedule"], "release_on_date": params["release_on_date"],
              "released_components": release_api.released_components(plan.versions, plan.packages),
              "scheduled_components": []}
    diff = {"before": {"versions": plan.current()}, "after": {"versions": plan.versions}}
    if not plan.needed():
        diff["after"] = diff["before"]
        return False, {"release": result, "integration_pack": pack_api.result(plan.pack)}, diff
    raise_if_past(day)
    if scheduled:  # until its date, what is released now stays as it is
        result["scheduled_components"] = result["released_components"]
        found = package.find_many(client, current.items()) if current else {}
        result["released_components"] = release_api.released_components(current, found)
    release = apply_plan(module, client, plan, result)
    after = plan.pack if scheduled else plan.released_pack()
    return True, {"release": release, "integration_pack": pack_api.result(after)}, diff


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
