# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Per-host view of a batched deployment (runs in the worker, no module process, no request).

The one per-host task of the roles after the pre-flight: it keeps the recap, --diff, failures and facts per host.
A host whose environment was held, pinned or kept at a rolled-back version says so in one line of the default
output (not a warning: the user asked for it).
"""

from __future__ import annotations

from collections.abc import Mapping

from ansible.plugins.action import ActionBase
from ansible.utils.display import Display

from ansible_collections.boomi.platform.plugins.module_utils import release_rules as rules

display = Display()

ARGUMENT_SPEC = dict(
    batch=dict(type="dict"),
    batch_var=dict(type="str"),
    environment_id=dict(type="str", required=True),
    fact=dict(type="str"),
)
CONSTRAINTS = dict(required_one_of=[("batch", "batch_var")], mutually_exclusive=[("batch", "batch_var")])
ARROW = u"\u2192"


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _requires_connection = False
    _supports_check_mode = True
    _supports_async = False

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        dummy, args = self.validate_argument_spec(argument_spec=ARGUMENT_SPEC, **CONSTRAINTS)
        task_vars = task_vars or {}
        # batch_var: the batch result is read where it is registered, not templated into every host's arguments
        # (a batch of N environments templated on N hosts costs N x N)
        batch = args["batch"] if args["batch"] is not None else task_vars.get(args["batch_var"])
        if not isinstance(batch, Mapping):
            result.update(failed=True, msg="batch_var %s names no registered batch result on this host; register the "
                                           "batched task's result under that name" % args["batch_var"])
            return result
        result.update(host_share(batch, args["environment_id"], task_vars.get("inventory_hostname")))
        for line in result.get("notes") or []:
            display.display(line)
        if args["fact"]:
            result["ansible_facts"] = {args["fact"]: result["deployments"]}
        return result


def entry_of(batch, environment_id):
    """The environment's entry: the roles' deploy step keys them by id, boomi_deployed_package lists them."""
    environments = batch.get("environments") or {}
    if isinstance(environments, dict):
        return environments.get(environment_id)
    return next((e for e in environments if e.get("environment_id") == environment_id), None)


def host_share(batch, environment_id, host=None):
    """The result this host reports: its environment's entry, its diff, its failure, its notes."""
    entry = entry_of(batch, environment_id)
    if entry is None:
        reason = batch.get("msg") or "the batched task did not deploy to it"
        return {"failed": True, "changed": False, "environment_id": environment_id, "deployments": [],
                "msg": "Environment %s: %s" % (environment_id, reason)}
    names = batch.get("component_names") or {}
    label = "%s (%s)" % (host, entry.get("environment_name")) if host and entry.get("environment_name") else \
        entry.get("environment_name") or environment_id
    out = {"changed": bool(entry.get("changed")), "environment_id": environment_id,
           "environment_name": entry.get("environment_name"), "state": entry.get("state"),
           "deployments": entry.get("deployments") or [], "kept": entry.get("kept") or [],
           "notes": notes(label, entry, names) + scheduled(label, entry, batch.get("schedule"), names)}
    if entry.get("failed"):
        out.update(failed=True, msg="Environment %s: %s" % (entry.get("environment_name") or environment_id,
                                                            entry.get("msg")))
    elif out["notes"]:
        out["msg"] = "; ".join(out["notes"])
    out["diff"] = {"prepared": prepared(label, entry, batch, names)}
    return out


def name_of(names, component):
    return names.get(component) or component


def notes(label, entry, names):
    """One line each for what the user chose to keep: a hold, pins, rollbacks this release leaves in place."""
    lines = []
    if entry.get("state") == "held":
        kept = sorted("%s %s" % (name_of(names, d.get("component_id")), d.get("package_version"))
                      for d in entry.get("deployments") or [])
        lines.append("%s: held (boomi_hold), %s" % (label, "keeps " + ", ".join(kept) if kept
                                                    else "neither attached nor detached" if "attached" in
                                                    (entry.get("after") or {}) else "nothing deployed there"))
    for component, version in sorted((entry.get("pinned_versions") or {}).items()):
        lines.append("%s: pinned (boomi_pinned_versions), keeps %s at %s" % (label, name_of(names, component), version))
    for kept in entry.get("kept") or []:
        lines.append("%s: keeps %s at %s, rolled back from %s, the version this release ships; boomi_force: true ships "
                     "it" % (label, name_of(names, kept["component_id"]), kept["version"], kept["rolled_back_from"]))
    return lines


def scheduled(label, entry, schedule, names):
    """'release of <pack> scheduled for <date> (<versions>); <environment> keeps <versions> until then'."""
    if not schedule:
        return []
    after = entry.get("after") or {}
    keeps = schedule["current"] if "attached" in after else dict(
        (c, after[c]) for c in schedule["versions"] if after.get(c))
    return [rules.schedule_line(schedule["integration_pack"], schedule["release_on_date"],
                                dict((name_of(names, c), v) for c, v in schedule["versions"].items()), label,
                                dict((name_of(names, c), v) for c, v in keeps.items()))]


def prepared(label, entry, batch, names):
    """``Component: before -> after`` per changed component (what --diff shows), by component name."""
    before, after = entry.get("before"), entry.get("after")
    if before is None and batch.get("diff"):  # a boomi_deployed_package batch: its diff is keyed by environment
        before = batch["diff"]["before"].get(entry["environment_id"], {})
        after = batch["diff"]["after"].get(entry["environment_id"], {})
    before, after = before or {}, after or {}
    if "attached" in after:
        changes = ["  attached: %s %s %s" % (before.get("attached"), ARROW, after.get("attached"))] \
            if before.get("attached") != after.get("attached") else []
    else:
        changes = ["  %s: %s %s %s" % (name_of(names, c), before.get(c) or "(none)", ARROW, after.get(c) or "(none)")
                   for c in sorted(set(before) | set(after), key=lambda c: name_of(names, c))
                   if before.get(c) != after.get(c)]
    changes += ["  %s" % line.replace(" -> ", " %s " % ARROW) for line in entry.get("configuration") or []]
    return "%s:\n%s\n" % (label, "\n".join(changes)) if changes else ""
