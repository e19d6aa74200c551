# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The roles' deploy step, once per batch of hosts: every environment of the batch from one step.

``packages`` mode runs boomi_deployed_package's batch code (module_utils/deployment_batch.py) with the module's
own argument validation; in check mode, after package_and_deploy's release step predicted a new release, it
deploys that predicted release instead of reading the pack (where the release is not made yet) and warning
about it. ``pack_instance`` mode shares the pack once, installs it once per managed account and instance name,
and attaches each instance to its environments (boomi_integration_pack_share, _instance and _attachment).

Either way the result has one entry per environment of the batch, in one shape, for the per-host report
(boomi_batch_result): environment_id, environment_name, state, changed, failed, msg, before and after.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils import deployment_batch as batch
from ansible_collections.boomi.platform.plugins.module_utils import deployment_plan as planner
from ansible_collections.boomi.platform.plugins.module_utils.errors import BoomiError, UsageError
from ansible_collections.boomi.platform.plugins.modules import boomi_deployed_package as deploy_module
from ansible_collections.boomi.platform.plugins.modules import boomi_integration_pack_attachment as attach_module
from ansible_collections.boomi.platform.plugins.modules import boomi_integration_pack_instance as instance_module
from ansible_collections.boomi.platform.plugins.modules import boomi_integration_pack_share as share_module
from ansible_collections.boomi.platform.plugins.plugin_utils import role_configure as configure
from ansible_collections.boomi.platform.plugins.plugin_utils.in_process import StepModule
from ansible_collections.boomi.platform.plugins.plugin_utils.steps import Steps

ENTRY_KEYS = ("environment_id", "environment_name", "pinned_versions", "hold", "force", "listener_status", "rollback")


def batch_hosts(plan, task_vars):
    """The hosts of this batch (ansible_play_batch: not failed, within --limit and serial) that the plan covers."""
    return [h for h in task_vars.get("ansible_play_batch") or [] if h in plan["hosts"]]


def pack_options(plan):
    pack = plan.get("integration_pack") or {}
    # package_and_deploy releases by name (overlapping runs resolve twins the same way): deploy by name too
    if pack.get("id") and plan["role"] != "package_and_deploy":
        return {"integration_pack_id": pack["id"]}
    return {"integration_pack": pack.get("name")}


# -- packages mode ------------------------------------------------------------------------------------------
def deploy_packages(client, args, task_vars, outcome, configuration=None):
    plan, released = args["plan"], args.get("release") or {}
    hosts = batch_hosts(plan, task_vars)
    environments = [dict((k, v) for k, v in plan["hosts"][h].items() if k in ENTRY_KEYS and k != "environment_name")
                    for h in hosts]
    expected = released.get("expected_versions") if released else plan.get("expected_versions")
    params = dict(Steps(client, args, outcome).connection, environments=environments,
                  expected_versions=expected or None, **pack_options(plan))
    if released and plan["release"].get("undeploy_removed"):
        params["undeploy_components"] = released.get("removed") or None
    step = StepModule(deploy_module, params, outcome.check_mode, outcome.diff, outcome.warnings)
    outcome.hide(step.no_log_values)
    entries = batch.batch_entries(step)
    release = batch.plan(step, client, entries, {}, release_of(plan, released, outcome))
    try:
        changed, result, _diff = batch.run_batch(step, client, entries, release)
        failed = None
    except UsageError as exc:
        if "environments" not in exc.extra:
            raise
        changed, result, failed = exc.extra["changed"], {"environments": exc.extra["environments"]}, str(exc)
    out = report(plan, hosts, entries, result["environments"], failed)
    changed = configure_environments(configuration or {}, out["environments"], lambda host: client, outcome) or changed
    return changed, dict(publish(out), schedule=schedule(plan, released))


def schedule(plan, released):
    """A release this run left scheduled: its pack, date and versions, and what is current until then (each host's
    report says what its environment keeps until the date); None for an immediate one."""
    release = (released or {}).get("release") or {}
    if release.get("release_schedule") != "on_date" or not release.get("scheduled_components"):
        return None
    return {"integration_pack": plan["integration_pack"]["name"], "release_on_date": release.get("release_on_date"),
            "versions": dict((c["component_id"], c["version"]) for c in release["scheduled_components"]),
            "current": dict((c["component_id"], c["version"]) for c in release.get("released_components") or [])}


def release_of(plan, released, outcome):
    """package_and_deploy: the release its release step made or found current, from that step's own reads of the pack
    (no second read here; the post-deploy check still reads the pack once after any change). In check mode, the
    release the step would make. A release another job replaced before the step ended fails here, before any
    deployment, saying which versions are current. None for promote and rollback, which read the pack."""
    if not released:
        return None
    release = released["release"]
    components = release["released_components"]
    ours = dict((c["component_id"], c["version"]) for c in components)
    current = dict((c["component_id"], c["version"]) for c in release.get("current_components") or components)
    if not outcome.check_mode and (release.get("superseded") or any(current.get(c) != v for c, v in ours.items())):
        raise UsageError("Nothing was deployed: another job released integration pack %r after this run did, so its "
                         "release (%s) is not current; current is %s. Run the pipeline again to deploy the current "
                         "release, or release this run's versions again"
                         % (plan["integration_pack"]["name"], describe(ours, plan), describe(current, plan)))
    if not outcome.check_mode and not all(c.get("package_id") for c in components):
        return None  # a package the step did not name: the batch reads the release itself
    packages = dict((c["component_id"], {"componentId": c["component_id"], "packageVersion": c["version"],
                                         "packageId": c.get("package_id")})
                    for c in components if c.get("package_id"))
    pack = {"id": (released.get("integration_pack") or {}).get("id"), "name": plan["integration_pack"]["name"]}
    return planner.Release(pack, ours, packages)


def describe(versions, plan):
    names = plan.get("component_names") or {}
    return ", ".join(sorted("%s %s" % (names.get(c, c), v) for c, v in versions.items())) or "nothing"


def report(plan, hosts, entries, environments, failed):
    """{environments: {environment id: entry}} for the per-host report, plus the set_stats of the batch."""
    out = {}
    for host, entry, item in zip(hosts, entries, environments):
        before, after = batch.versions_before_after(entry, item["deployments"])
        wanted = plan["hosts"][host]
        out[entry.environment_id] = dict(item, inventory_hostname=host, before=before, after=after,
                                         environment_name=item.get("environment_name") or wanted.get("environment_name"),
                                         pinned_versions={} if wanted["hold"] else wanted.get("pinned_versions") or {})
    result = {"environments": out, "component_names": plan.get("component_names") or {}, "mode": "packages"}
    if failed:
        result["msg"] = failed
    return result


STATS_KEYS = ("environment_name", "inventory_hostname", "state", "deployments", "managed_account_id",
              "integration_pack_instance_id", "attachment_id")


def publish(result):
    """boomi_deployments for set_stats (AWX hands it to the next workflow node): per environment id, what happened."""
    stats = dict((e, dict((k, i[k]) for k in STATS_KEYS if k in i)) for e, i in result["environments"].items())
    return dict(result, ansible_stats={"data": {"boomi_deployments": stats}, "per_host": False, "aggregate": True})


def configure_environments(configuration, environments, client_of, outcome):
    """Each environment's extensions and schedules ({host: its variables}), after its deployment; an environment
    that failed or is held is left alone. A failure there fails that environment only."""
    changed = False
    for entry in environments.values():
        host = entry["inventory_hostname"]
        if host not in configuration or entry.get("failed") or entry["state"] == "held":
            continue
        try:
            done, entry["configuration"] = configure.apply(client_of(host), entry["environment_id"],
                                                           configuration[host], outcome.check_mode, outcome.hide)
        except BoomiError as exc:
            written = exc.extra.pop("configuration_changed", False)
            entry.update(failed=True, msg="%s: the deployment stands (%s)%s, but %s" % (
                host, entry["state"], " and some of its values were set" if written else "", exc), state="failed")
            if written:
                changed = entry["changed"] = True
            continue
        if done:
            changed = entry["changed"] = True
            entry["state"] = "configured" if entry["state"] == "unchanged" else entry["state"]
    return changed


# -- pack_instance mode ---------------------------------------------------------------------------------------
def deploy_instances(client, client_for, args, task_vars, outcome, configuration=None):
    plan = args["plan"]
    hosts = batch_hosts(plan, task_vars)
    active = [h for h in hosts if not plan["hosts"][h]["hold"]]
    # check mode: a release this play's release step planned explains what the share and installs cannot find yet
    steps = Steps(client, args, outcome, shared={"changed": bool((args.get("release") or {}).get("changed"))})
    share = steps.run(share_module, account_group=plan["account_group"], **pack_options(plan))[1]
    check_group(plan, active, share["account_group"].get("account_ids"))
    attached = {}
    for account, name in sorted(set((plan["hosts"][h]["managed_account_id"], plan["hosts"][h]["instance_name"] or "")
                                    for h in active)):
        wanted = [plan["hosts"][h]["environment_id"] for h in active
                  if (plan["hosts"][h]["managed_account_id"], plan["hosts"][h]["instance_name"] or "") == (account, name)]
        attached.update(attach_instance(steps.with_client(client_for(account), account), plan, account, name, wanted))
    out = instance_report(plan, hosts, attached)
    changed = configure_environments(configuration or {}, out["environments"],
                                     lambda host: client_for(plan["hosts"][host]["managed_account_id"]), outcome)
    return steps.changed or changed, dict(publish(out), schedule=schedule(plan, args.get("release")))


def check_group(plan, hosts, account_ids):
    outside = [h for h in hosts if plan["hosts"][h]["managed_account_id"] not in (account_ids or [])]
    if outside:
        raise UsageError("Nothing was installed or attached. The pack is shared with account group %s, which does not "
                         "hold the managed account of %s: an account installs only packs shared with a group that "
                         "holds it. Add the account to the group in Boomi, or fix boomi_account_group or "
                         "boomi_managed_account_id" % (plan["account_group"], ", ".join(outside)))


def attach_instance(steps, plan, account, name, environment_ids):
    """{environment id: attachment entry} of one instance (installed first when missing)."""
    named = {"override_name": name} if name else {}
    instance = steps.run(instance_module, **dict(pack_options(plan), **named))[1]
    instance_id = instance["integration_pack_instance"].get("id")
    try:
        result = steps.run(attach_module, environment_ids=environment_ids, **dict(pack_options(plan), **named))[1]
        entries = result["environments"]
    except UsageError as exc:
        if "environments" not in exc.extra:
            raise
        entries = exc.extra["environments"]
    return dict((e["environment_id"], dict(e, managed_account_id=account, integration_pack_instance_id=instance_id))
                for e in entries)


def instance_report(plan, hosts, attached):
    states = {"attached": "deployed", "unchanged": "unchanged", "failed": "failed"}
    out = {}
    for host in hosts:
        wanted = plan["hosts"][host]
        entry = attached.get(wanted["environment_id"]) or {}
        state = "held" if wanted["hold"] else states.get(entry.get("state"), "failed")
        out[wanted["environment_id"]] = {
            "environment_id": wanted["environment_id"], "inventory_hostname": host,
            "environment_name": entry.get("environment_name") or wanted.get("environment_name"),
            "state": state, "changed": bool(entry.get("changed")), "failed": state == "failed",
            "msg": entry.get("msg") or ("the batch did not attach it" if state == "failed" else None),
            "deployments": [], "managed_account_id": wanted["managed_account_id"],
            "integration_pack_instance_id": entry.get("integration_pack_instance_id"),
            "attachment_id": entry.get("attachment_id"),
            "before": {"attached": bool(entry.get("attached")) and not entry.get("changed")},
            "after": {"attached": bool(entry.get("attached"))}}
    return {"environments": out, "component_names": plan.get("component_names") or {}, "mode": "pack_instance"}
