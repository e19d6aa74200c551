# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Per-host view of a batched boomi_deployed_package result (runs in the worker, no module process)."""

from __future__ import annotations

from ansible.plugins.action import ActionBase

ARGUMENT_SPEC = dict(
    batch=dict(type="dict", required=True),
    environment_id=dict(type="str", required=True),
    fact=dict(type="str"),
)


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _requires_connection = False
    _supports_check_mode = True
    _supports_async = False

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        dummy, args = self.validate_argument_spec(argument_spec=ARGUMENT_SPEC)
        result.update(host_share(args["batch"], args["environment_id"]))
        if args["fact"]:
            result["ansible_facts"] = {args["fact"]: result["deployments"]}
        return result


def host_share(batch, environment_id):
    """The result this host reports: its environment's entry, its diff, its failure."""
    entry = next((e for e in batch.get("environments") or [] if e.get("environment_id") == environment_id), None)
    if entry is None:
        reason = batch.get("msg") or "the batched task did not deploy to it"
        return {"failed": True, "changed": False, "environment_id": environment_id, "deployments": [],
                "msg": "Environment %s: %s" % (environment_id, reason)}
    out = {"changed": bool(entry.get("changed")), "environment_id": environment_id,
           "environment_name": entry.get("environment_name"), "state": entry.get("state"),
           "deployments": entry.get("deployments") or [], "kept": entry.get("kept") or []}
    if entry.get("failed"):
        out.update(failed=True, msg="Environment %s: %s" % (environment_id, entry.get("msg")))
    for kept in out["kept"]:
        out.setdefault("warnings", []).append(
            "Environment %s keeps component %s at %s: it was rolled back from %s, the version this release ships; set "
            "boomi_force (force) to ship it anyway" % (entry.get("environment_name") or environment_id,
                                                       kept["component_id"], kept["version"], kept["rolled_back_from"]))
    diff = batch.get("diff")
    if diff:
        label = entry.get("environment_name") or environment_id
        out["diff"] = {"before": {"environment": label, "versions": diff["before"].get(environment_id, {})},
                       "after": {"environment": label, "versions": diff["after"].get(environment_id, {})}}
    return out
