# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Each environment's own configuration, as the roles apply it: extension values and process schedules.

Per host, ``boomi_environment_extensions`` holds boomi_environment_extensions' options without environment_id
(``connections``, ``process_properties``, ``properties``, ``cross_references``, ``update_secrets``), and
``boomi_process_schedules`` a list of boomi_process_schedule's options without environment_id or atom_id. The
pre-flight checks their shape (no request) and then every name against the environment's extensions as they are
(a component whose process this run deploys first is checked after its deployment). The deploy step applies
them to each environment it deployed (held environments are left alone), after the deployment, so a process
deployed by this run has its extensions. Values never appear in a message: any of them may be a secret.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils import environment_extensions as extensions_api
from ansible_collections.boomi.platform.plugins.module_utils import extension_plan
from ansible_collections.boomi.platform.plugins.module_utils import extension_wanted
from ansible_collections.boomi.platform.plugins.module_utils import process_schedules
from ansible_collections.boomi.platform.plugins.module_utils.errors import BoomiError, UsageError
from ansible_collections.boomi.platform.plugins.plugin_utils.role_checks import unknown_keys

EXTENSIONS, SCHEDULES = "boomi_environment_extensions", "boomi_process_schedules"
EXTENSION_KEYS = extension_wanted.KINDS + ("update_secrets",)
SCHEDULE_KEYS = ("process_id", "process_name", "schedules", "retry", "enabled", "state")


def configured(values):
    """Whether a host's variables ask for any configuration."""
    return bool(values.get(EXTENSIONS) or values.get(SCHEDULES))


# -- the pre-flight, stage 1: shapes, no request --------------------------------------------------------------
def shape_problems(host, values):
    """Messages for a host's configuration inputs that are wrong in shape (names, never values)."""
    problems = []
    wanted = values.get(EXTENSIONS)
    if wanted is not None:
        problems += extension_shape(host, wanted)
    schedules = values.get(SCHEDULES)
    if schedules is not None:
        problems += schedule_shape(host, schedules)
    return problems


def extension_shape(host, wanted):
    label = "%s: %s" % (host, EXTENSIONS)
    if not isinstance(wanted, dict):
        return ["%s must map %s to values" % (label, ", ".join(EXTENSION_KEYS))]
    problems = unknown_keys(label, wanted, EXTENSION_KEYS)
    if wanted.get("update_secrets", "on_create") not in extension_plan.UPDATE_SECRETS:
        problems.append("%s.update_secrets must be one of %s" % (label, ", ".join(extension_plan.UPDATE_SECRETS)))
    try:
        extension_wanted.wanted(wanted)
    except UsageError as exc:
        problems.append("%s: %s" % (label, exc))
    return problems


def schedule_shape(host, schedules):
    label = "%s: %s" % (host, SCHEDULES)
    if not isinstance(schedules, list):
        return ["%s must be a list of {process_id or process_name, schedules, retry, enabled}" % label]
    problems = []
    for index, entry in enumerate(schedules):
        where = "%s[%d]" % (label, index)
        if not isinstance(entry, dict):
            problems.append("%s must be a dict" % where)
            continue
        problems += unknown_keys(where, entry, SCHEDULE_KEYS)
        if bool(entry.get("process_id")) == bool(entry.get("process_name")):
            problems.append("%s needs exactly one of process_id and process_name" % where)
        try:
            process_schedules.wanted(entry.get("schedules"), entry.get("retry"), entry.get("enabled"),
                                     entry.get("state", "present"))
        except (UsageError, TypeError, ValueError) as exc:
            problems.append("%s: %s" % (where, exc))
    return problems


# -- the pre-flight, stage 2: names against what Boomi holds ---------------------------------------------------
def name_problems(client_of, hosts, complete):
    """{host: (environment_id, values)} of hosts (not held) with configuration: every name they use must exist in
    the environment's extensions. ``complete(host)`` tells whether the environment already runs every process this
    run deploys there: then a name the extensions lack is a typo, a problem now; otherwise it may belong to a process
    the run deploys first, and it is checked right after that deployment (returned as pending: {host: [names]})."""
    problems, pending = [], {}
    for host in sorted(hosts):
        environment_id, values = hosts[host]
        client, whole = client_of(host), complete(host)
        try:
            planned = plan_extensions(client, environment_id, values)
            problems += ["%s: %s: %s" % (host, EXTENSIONS, problem) for problem in planned["problems"]]
            if planned["missing"] and whole:
                problems += ["%s: %s: %s" % (host, EXTENSIONS, missing.replace(" (nothing was changed)", ""))
                             for missing in planned["missing"]]
            elif planned["missing"]:
                pending[host] = planned["missing"]
            problems += schedule_problems(client, host, environment_id, values, whole)
        except BoomiError as exc:
            problems.append("%s: %s" % (host, exc))
    return problems, pending


def schedule_problems(client, host, environment_id, values, complete):
    """Every scheduled process must exist; where the environment runs everything this run deploys already, it must
    be deployed there too (this run deploys nothing new there that could bring it)."""
    problems = []
    for entry in values.get(SCHEDULES) or []:
        if not complete:
            process_schedules.resolve_process(client, entry.get("process_id"), entry.get("process_name"))
            continue
        missing = process_schedules.plan_schedules(client, entry, environment_id=environment_id)["missing"]
        problems += ["%s: %s: %s" % (host, SCHEDULES, m.replace(" (nothing was changed)", "")) for m in missing]
    return problems


def plan_extensions(client, environment_id, values):
    wanted = dict(values.get(EXTENSIONS) or {})
    update_secrets = wanted.pop("update_secrets", "on_create")
    if not any(wanted.get(kind) for kind in extension_wanted.KINDS):
        return {"problems": [], "missing": [], "groups": [], "secrets": [], "changes": []}
    documents = extensions_api.read(client, environment_id)
    return extension_plan.plan(documents, extension_wanted.wanted(wanted), update_secrets)


# -- the deploy step: apply after the deployment -------------------------------------------------------------
def apply(client, environment_id, values, check_mode, hide):
    """(changed, [change lines]) of one environment's configuration, after its deployment; raises on bad input or a
    failed write (the deployment before it stands either way). A failure after a write carries
    ``extra["configuration_changed"]``, so the environment still reports the change."""
    progress = {"changed": False}
    try:
        return apply_values(client, environment_id, values, check_mode, hide, progress)
    except BoomiError as exc:
        exc.extra["configuration_changed"] = progress["changed"]
        raise


def apply_values(client, environment_id, values, check_mode, hide, progress):
    changes, changed = [], False
    planned = plan_extensions(client, environment_id, values)
    hide(planned["secrets"])
    if planned["problems"] or (planned["missing"] and not check_mode):
        raise UsageError("its configuration was not applied: %s"
                         % "; ".join(m.replace(" (nothing was changed)", "") for m in planned["problems"] + planned["missing"]))
    if planned["groups"]:
        changed, dummy = extension_plan.apply(client, planned, check_mode)
        progress["changed"] = changed and not check_mode
        changes += planned["changes"]
    if check_mode:  # a process this run deploys first has no extensions before its deployment: say so, not nothing
        changes += ["%s: checked and set after the deployment" % pending_name(m) for m in planned["missing"]]
    for entry in values.get(SCHEDULES) or []:
        schedule = process_schedules.plan_schedules(client, entry, environment_id=environment_id)
        if schedule["missing"] and not check_mode:
            raise UsageError("its schedules were not applied: %s" % "; ".join(schedule["missing"]))
        if schedule["missing"]:
            process = entry.get("process_name") or entry.get("process_id")
            changes.append("schedule of %s: set after the deployment" % process)
        elif process_schedules.apply(client, schedule, check_mode):
            changed = True
            progress["changed"] = not check_mode
            process = schedule["process_name"] or schedule["process_id"]
            changes.append("schedule of %s: %s" % (process, schedule_summary(schedule)))
    return changed, changes


def pending_name(message):
    """The name a 'missing' message is about ("connections['Orders DB']: no connection ..." -> connections['Orders DB']);
    a name may hold a colon, so the cut is after its closing bracket."""
    head, bracket, dummy = message.partition("]: ")
    return head + bracket.rstrip(": ") if bracket else message.split(":", 1)[0]


def schedule_summary(schedule):
    after = schedule["entries"][0]["after"] if schedule["entries"] else {}
    shown = ["; ".join(" ".join(str(v) for v in s.values()) for s in process_schedules.shown(after.get("schedules")))
             or "none"]
    if after.get("enabled") is not None:
        shown.append("enabled" if after["enabled"] else "disabled")
    return ", ".join(shown)
