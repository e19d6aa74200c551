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
  - Downgrade guard. A release that would move any member to a package created before the package of the pack's
    current release (Boomi's C(createdDate) of the two packaged components; version labels are never ordered, and
    packages created in the same second are not older) fails before any request that writes, in check mode too,
    naming each component, both versions and the ways out. Set O(allow_downgrade=true) to release them anyway; to
    put one environment back, deploy the earlier package (role C(boomi.platform.rollback)).
  - When another job releases the pack while this task runs, the task says who won. If another release replaced this
    task's release before it ended, RV(release.superseded) is V(true), RV(release.current_components) holds the
    versions now current and the task warns. If another job released the same versions first, this task sends
    nothing and reports no change.
  - See C(docs/release-semantics.md) in the collection for what Boomi shows of releases and why.
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
        number 1.1, and a number (2 or 1.10), an empty value or surrounding spaces fail before any request.
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
      - Boomi shows a pending scheduled release only to whoever holds its request id, and no query lists them, so
        the task cannot recognise an identical pending schedule. Each run that schedules a release whose versions
        are not current yet sends it again, replacing the pending one, and warns that it did and why.
    type: str
    choices: [immediately, on_date]
    default: immediately
  release_on_date:
    description:
      - Date of a scheduled release, C(YYYY-MM-DD), today or later when a release is to be made. Required with
        O(release_schedule=on_date).
    type: str
  allow_downgrade:
    description:
      - Release even when a member would move to a package created before the package of the pack's current
        release (see the downgrade guard above); the task then warns, naming each component.
    type: bool
    default: false
  wait:
    description: Wait for the release to finish (or, when scheduled, to be accepted as C(SCHEDULED)).
    type: bool
    default: true
  wait_timeout:
    description: Seconds to wait before failing; the failure returns the request id to follow up.
    type: int
    default: 600
  poll_interval:
    description:
      - The longest wait, in seconds, between two status polls (greater than 0). The status is read at once, again
        after half a second, and then after waits that double up to this, so a release that completes quickly is
        not waited on for long.
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
    versions are current, and the task warns each time.
  - With C(--diff), the diff lists only the members whose version changes, by component name (name and id where
    two members share a name).
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

- name: Go back to the previous versions on purpose (the downgrade guard refuses it otherwise)
  boomi.platform.boomi_pack_release:
    integration_pack: Order Processing Pack
    version: "1.0.4"
    allow_downgrade: true

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
        component_name:
          description: Name of the component, as the pack shows it.
          type: str
        package_id:
          description:
            - Id of that packaged component (what M(boomi.platform.boomi_deployed_package) deploys).
            - V(null) in check mode when an earlier task would create it.
          type: str
    scheduled_components:
      description:
        - For a scheduled release, each member with the version it releases on its date (same keys as
          RV(release.released_components)); else empty.
      type: list
      elements: dict
    current_components:
      description:
        - The pack's current release as Boomi shows it after the task, same keys as RV(release.released_components).
        - It differs from RV(release.released_components) when another release replaced this task's
          (RV(release.superseded)); the package ids of such versions are V(null).
      type: list
      elements: dict
    superseded:
      description: Whether another release replaced the one this task made before the task ended.
      type: bool
    message:
      description:
        - What happened, for people, with component names, e.g. C(release of 'Orders' scheduled for 2030-01-31
          (Order Intake 1.0.6); until then the pack's current release stays Order Intake 1.0.5).
      type: str
downgrades:
  description:
    - When the downgrade guard refuses the release, each member it would move to an older package, with
      C(component_id), C(component_name), C(current_version), C(current_created), C(requested_version) and
      C(requested_created) (Boomi's C(createdDate) of each package).
  returned: when the task fails on the downgrade guard
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

from ansible_collections.boomi.platform.plugins.module_utils import component_metadata
from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils import release_integration_pack as release_api
from ansible_collections.boomi.platform.plugins.module_utils import release_rules as rules
from ansible_collections.boomi.platform.plugins.module_utils.errors import (
    BoomiApiError,
    UsageError,
    ValidationError,
)
from ansible_collections.boomi.platform.plugins.module_utils.inputs import VERSION_SPEC, version_text
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module, warn_or_fail

FIRST_POLL_WAIT = 0.5  # seconds before the second status poll; each later wait doubles, up to poll_interval
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
    allow_downgrade=dict(type="bool", default=False),
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=600),
    poll_interval=dict(type="float", default=5.0),
)
CONSTRAINTS = dict(required_one_of=[("integration_pack_id", "integration_pack")],
                   mutually_exclusive=[("integration_pack_id", "integration_pack"), ("version", "components")],
                   required_if=[("release_schedule", "on_date", ("release_on_date",))])
ANOTHER_JOB = "another_job"  # how a release converged without this task's request: another job made it


class Plan(object):
    """What this task releases: the pack, each member's version, and the packages of those and the current ones."""

    def __init__(self, pack, versions, packages):
        self.pack = pack
        self.versions = versions
        self.packages = packages
        self.names = rules.member_names(None, pack, (), read=False)

    def current(self):
        return dict((c, m.get("currentVersion") or None) for c, m in pack_api.active_members(self.pack).items())

    def released_now(self):
        """{component_id: version} of the pack's current release, members pending removal included."""
        return dict(pack_api.released_versions(self.pack))

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

    def components(self, versions):
        return release_api.released_components(versions, self.packages, self.names)


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
        pack = pack_api.with_members({"id": None, "name": params["integration_pack"]}, listed)
    if not pack_api.members(pack):
        warn_or_fail(module, "Integration pack %s has no components to release; add them with "
                             "boomi.platform.boomi_integration_pack" % pack["id"])
    return pack


def guard_downgrades(module, client, plan):
    """The downgrade guard (release_rules.downgrades): refuse, before any write and in check mode alike, unless
    allow_downgrade, which releases them with a warning."""
    found = rules.downgrades(client, plan.pack, plan.versions, packages=plan.packages)
    if not found:
        return
    if not module.params["allow_downgrade"]:
        raise UsageError(rules.downgrade_message(plan.pack, found), extra={"downgrades": found})
    module.warn("allow_downgrade is true, so integration pack %s is released with older packages: %s"
                % (rules.pack_label(plan.pack), rules.describe_downgrades(found)))


def make_plan(module, client):
    pack = find_pack(module, client)
    versions = wanted_versions(module, pack)
    current = dict(pack_api.released_versions(pack))
    packages = package.find_many(client, [(c, v) for c, v in versions.items() if v] + list(current.items()))
    for component_id, version in versions.items():
        if version and not package.is_live_shareable(packages.get((component_id, version))):
            warn_or_fail(module, "Component %s has no shareable packaged component at version %s; create it with "
                                 "boomi.platform.boomi_packaged_component (shareable: true)" % (component_id, version))
    plan = Plan(pack, versions, packages)
    guard_downgrades(module, client, plan)
    return plan


# -- apply ----------------------------------------------------------------------------------------
def send(module, client, plan):
    """Release now. Returns Boomi's answer; ``by`` is ANOTHER_JOB when the pack reached the versions without this
    task's request (another job released them while this one waited out a 503 or was refused)."""
    params = module.params
    body = release_api.body(plan.pack["id"], plan.versions, params["release_schedule"], params["release_on_date"])
    if params["release_schedule"] == "on_date":
        return send_scheduled(client, plan, body)
    lost = []

    def reached():
        """Re-read the pack: a release that went through (or another job's) leaves nothing to send."""
        return {"requestId": None, "releaseStatus": "SUCCESS"} if \
            plan.reached_by(client.get(pack_api.OBJECT, plan.pack["id"])) else None

    def lookup():  # the answer to this task's request was lost: what is found may be its own release
        lost.append(True)
        return reached()

    def before_resend():  # the earlier attempts were not processed (503, 429) unless an answer was lost
        done = reached()
        return dict(done, by=ANOTHER_JOB) if done is not None and not lost else done

    try:
        return client.create(release_api.OBJECT, body, lookup=lookup, before_resend=before_resend)
    except ValidationError:
        done = reached()  # refused because another job has just released the same versions: converged
        if done is None:
            raise
        return dict(done, by=ANOTHER_JOB)


def send_scheduled(client, plan, body):
    """Boomi keeps one scheduled release per pack: when it refuses a new one, replace the pending one (``replaced``
    in the answer). Boomi does not show a pending schedule, so an identical one cannot be recognised."""
    try:
        return client.create(release_api.OBJECT, body)
    except ValidationError as refused:
        try:
            return dict(client.update(release_api.OBJECT, plan.pack["id"], body), replaced=True)
        except ValidationError:
            raise refused


def follow(module, client, result):
    """Poll the release status until SUCCESS (or SCHEDULED for a scheduled release): at once, then after
    FIRST_POLL_WAIT seconds, doubling up to poll_interval, so a release that completes quickly is not waited on."""
    params = module.params
    deadline = time.monotonic() + params["wait_timeout"]
    wait = min(FIRST_POLL_WAIT, params["poll_interval"])
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
        client.sleep(wait)
        wait = min(wait * 2, params["poll_interval"])


def apply_plan(module, client, plan, result):
    """Release (unless check mode) and fill in the request id and status. Returns Boomi's answer ({} in check mode)."""
    params = module.params
    if module.check_mode:
        result["status"] = None
        return {}
    answer = send(module, client, plan)
    result["request_id"] = answer.get("requestId")
    if answer.get("releaseStatus") == "SUCCESS" or not result["request_id"]:
        result["status"] = "SUCCESS"
    elif params["wait"]:
        follow(module, client, result)
    else:
        result["status"] = "SCHEDULED" if params["release_schedule"] == "on_date" else "IN_PROGRESS"
    return answer


# -- what the task tells ----------------------------------------------------------------------------
def listed(plan, versions):
    return rules.describe(versions, component_metadata.labels(plan.names, list(versions)))


def after_release(module, client, plan, result, answer):
    """After an immediate release this task made and followed to SUCCESS: read the pack once; when another
    release has replaced this one meanwhile, say who won. Returns the pack as it is."""
    if module.check_mode or answer.get("by") == ANOTHER_JOB or result["status"] != "SUCCESS" or \
            not result["request_id"]:
        return plan.released_pack()
    now = client.get(pack_api.OBJECT, plan.pack["id"]) or plan.released_pack()
    replaced = rules.replaced_after(now, plan.versions)
    if replaced:
        result["superseded"] = True
        result["message"] = ("this task released integration pack %s at %s, and another release has replaced it "
                             "since: current is %s" % (rules.pack_label(plan.pack), listed(plan, plan.versions),
                                                       listed(plan, dict(pack_api.released_versions(now)))))
        module.warn(result["message"])
    return now


def schedule_message(module, plan, result, answer):
    current = listed(plan, plan.released_now())
    text = "release of %s scheduled for %s (%s); until then the pack's current release stays %s" % (
        rules.pack_label(plan.pack), result["release_on_date"], listed(plan, plan.versions), current)
    if module.check_mode:
        return "check mode: " + text.replace("release of", "would schedule the release of", 1)
    if answer.get("replaced"):
        module.warn("Integration pack %s already had a scheduled release. Boomi shows a pending schedule's versions and "
                    "date only to whoever holds its request id, so this task cannot tell whether it was this same one: "
                    "it sent the schedule again, replacing the pending one (new request %s)"
                    % (rules.pack_label(plan.pack), result["request_id"]))
        return "sent again, replacing the pending scheduled release: " + text
    return text


def immediate_message(module, plan, answer):
    shown = "integration pack %s at %s" % (rules.pack_label(plan.pack), listed(plan, plan.versions))
    if module.check_mode:
        return "check mode: would release " + shown
    if answer.get("by") == ANOTHER_JOB:
        return "another job released %s meanwhile; this task sent nothing" % shown
    return "released " + shown


# -- diff -----------------------------------------------------------------------------------------------
def version_diff(module, client, plan, scheduled):
    """{before, after}: the members whose version changes, by component name (name and id where two share a
    name), nothing else; a scheduled release adds its date to after."""
    before, after = plan.released_now(), dict((c, v) for c, v in plan.versions.items() if v)
    moved = [c for c in list(before) + [c for c in after if c not in before] if before.get(c) != after.get(c)]
    labels = rules.labels_for(client, plan.pack, moved, read=module._diff) if moved else {}
    out = {"before": {"versions": dict((labels[c], before[c]) for c in moved if c in before)},
           "after": {"versions": dict((labels[c], after[c]) for c in moved if c in after)}}
    if scheduled and moved:
        out["after"]["release_on_date"] = module.params["release_on_date"]
    return out


def run(module, client):
    params = module.params
    raise_if_bad_timing(params)
    day = release_day(params)
    plan = make_plan(module, client)
    scheduled = params["release_schedule"] == "on_date"
    result = {"request_id": None, "status": "CURRENT", "integration_pack_id": plan.pack["id"],
              "release_schedule": params["release_schedule"], "release_on_date": params["release_on_date"],
              "released_components": plan.components(plan.versions), "scheduled_components": [],
              "current_components": plan.components(plan.released_now()), "superseded": False,
              "message": "integration pack %s is released at %s already"
                         % (rules.pack_label(plan.pack), listed(plan, plan.versions))}
    diff = version_diff(module, client, plan, scheduled)
    if not plan.needed():
        return False, {"release": result, "integration_pack": pack_api.result(plan.pack)}, diff
    raise_if_past(day)
    if scheduled:  # until its date, what is released now stays as it is
        result["scheduled_components"] = result["released_components"]
        result["released_components"] = result["current_components"]
    answer = apply_plan(module, client, plan, result)
    if scheduled:
        result["message"] = schedule_message(module, plan, result, answer)
        return True, {"release": result, "integration_pack": pack_api.result(plan.pack)}, diff
    result["message"] = immediate_message(module, plan, answer)
    after = after_release(module, client, plan, result, answer)
    result["current_components"] = plan.components(dict(pack_api.released_versions(after)))
    changed = answer.get("by") != ANOTHER_JOB
    if not changed:  # another job's release made the change: this task's diff is empty
        diff = {"before": {"versions": {}}, "after": {"versions": {}}}
    return changed, {"release": result, "integration_pack": pack_api.result(after)}, diff


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
