# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""ProcessSchedules and ProcessScheduleStatus: when a deployed process runs on a runtime, and whether it does.

Boomi keeps one ProcessSchedules object per deployed process and runtime (Atom): its id is synthesized from
both, so it is found by a query on ``processId`` and ``atomId``. An update clears and replaces its schedules
(``Schedule``, Boomi's cron-like fields) and retry schedules (``Retry``). ProcessScheduleStatus (same ids)
holds ``enabled``. An environment runs on the runtimes attached to it (EnvironmentAtomAttachment).

``plan_schedules(client, ...)`` reads everything and decides before any write; ``apply()`` writes. Both take
plain values, so a role's pre-flight can plan every host first.
"""

from __future__ import annotations

import re

from ansible_collections.boomi.platform.plugins.module_utils import environment as environment_api
from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.query import all_of, any_of, eq

OBJECT = "ProcessSchedules"
STATUS = "ProcessScheduleStatus"
ATOM = "Atom"
ATTACHMENT = "EnvironmentAtomAttachment"
COMPONENT = "ComponentMetadata"
PER_QUERY = 100
# our name, Boomi's name, the range of its numbers
CRON_FIELDS = (("minutes", "minutes", 0, 59), ("hours", "hours", 0, 23), ("days_of_week", "daysOfWeek", 1, 7),
               ("days_of_month", "daysOfMonth", 1, 31), ("months", "months", 1, 12), ("years", "years", 1900, 9999))
CRON = re.compile(r"^(\*|\d+(-\d+)?)(/\d+)?(,(\*|\d+(-\d+)?)(/\d+)?)*$")
MAX_RETRY = 5


# -- the runtimes and the process ----------------------------------------------------------------------------
def account_of(client):
    return client.settings.override_account or client.settings.account_id


def runtimes(client, environment_id=None, atom_id=None):
    """[atom] the schedule applies to: the runtime ``atom_id``, or every runtime attached to the environment."""
    if atom_id:
        found = [a for a in client.query(ATOM, eq("id", atom_id)) if a.get("id") == atom_id]
        if not found:
            raise UsageError("atom_id %s: no runtime with that id in account %s (nothing was changed)"
                             % (atom_id, account_of(client)))
        return found
    ids = [a["atomId"] for a in client.query(ATTACHMENT, eq("environmentId", environment_id))
           if a.get("environmentId") == environment_id]
    if not ids:
        environment = environment_api.require_all(client, [environment_id], consequence=" (nothing was changed)")
        raise UsageError("environment_id %s (%s) has no runtime attached, so no process runs there on a schedule; "
                         "attach one (EnvironmentAtomAttachment) first (nothing was changed)"
                         % (environment_id, environment[environment_id].get("name")))
    named = dict((a["id"], a) for start in range(0, len(ids), PER_QUERY)
                 for a in client.query(ATOM, any_of(*[eq("id", i) for i in ids[start:start + PER_QUERY]])))
    return [named.get(ident, {"id": ident, "name": None}) for ident in dict.fromkeys(ids)]


def resolve_process(client, process_id=None, process_name=None):
    """(process id, name or None): by id as given; by name, the one process component of that name."""
    if process_id:
        return process_id, process_name
    expression = all_of(eq("name", process_name), eq("type", "process"), eq("currentVersion", True))
    found = [c for c in client.query(COMPONENT, expression)
             if c.get("name") == process_name and str(c.get("deleted")).lower() != "true"]
    if len(found) == 1:
        return found[0]["componentId"], process_name
    if not found:
        raise UsageError("process_name %r: no process component with that name in account %s; give its exact name, or "
                         "process_id (for a process of an integration pack instance, its process id) (nothing was "
                         "changed)" % (process_name, account_of(client)))
    raise UsageError("process_name %r: %d process components have that name (%s); give process_id (nothing was "
                     "changed)" % (process_name, len(found), ", ".join(c["componentId"] for c in found)))


def read(client, process_id, atom_ids):
    """({atom_id: ProcessSchedules}, {atom_id: ProcessScheduleStatus}) of the process: two queries per 100 runtimes."""
    out = []
    for name in (OBJECT, STATUS):
        found = {}
        for start in range(0, len(atom_ids), PER_QUERY):
            atoms = any_of(*[eq("atomId", a) for a in atom_ids[start:start + PER_QUERY]])
            for item in client.query(name, all_of(eq("processId", process_id), atoms)):
                if item.get("processId") == process_id and item.get("atomId") in atom_ids:
                    found[item["atomId"]] = item
        out.append(found)
    return tuple(out)


# -- what the task asks ----------------------------------------------------------------------------------------
def _cron(entry, where, problems):
    """The schedule as a tuple of Boomi's six fields (spaces removed), or None when a field is not a cron list."""
    values = []
    for name, dummy, low, high in CRON_FIELDS:
        raw = entry.get(name)
        if raw is None and name != "minutes":
            raw = "*"  # as the module's option defaults: only minutes must be given
        value = re.sub(r"\s+", "", str(raw)) if raw is not None else ""
        numbers = re.findall(r"(?<![/\d])\d+", value)
        if not CRON.match(value) or not all(low <= int(n) <= high for n in numbers):
            problems.append("%s.%s %r is not a schedule value: use *, numbers %d-%d, ranges a-b, steps /n and commas"
                            % (where, name, raw, low, high))
        values.append(value)
    return tuple(values)


def wanted(schedules=None, retry=None, enabled=None, state="present"):
    """{"schedules": [tuple] or None, "retry": {"max_retry", "schedules"} or None, "enabled": bool or None}."""
    problems = []
    out = {"schedules": None, "retry": None, "enabled": enabled}
    if state == "absent":
        out["schedules"] = []
        if schedules:
            problems.append("schedules and state: absent exclude each other (absent removes every run schedule)")
    elif schedules is not None:
        out["schedules"] = [_cron(s or {}, "schedules[%d]" % n, problems) for n, s in enumerate(schedules)]
    if retry is not None:
        max_retry = retry.get("max_retry")
        if max_retry is not None and not 1 <= int(max_retry) <= MAX_RETRY:
            problems.append("retry.max_retry is %s; Boomi takes 1 to %d retries" % (max_retry, MAX_RETRY))
        out["retry"] = {"max_retry": None if max_retry is None else int(max_retry),
                        "schedules": None if retry.get("schedules") is None else
                        [_cron(s or {}, "retry.schedules[%d]" % n, problems) for n, s in enumerate(retry["schedules"])]}
    if problems:
        raise UsageError("; ".join(problems) + " (nothing was changed)")
    return out


# -- planning and applying -------------------------------------------------------------------------------------
def _tuples(items):
    return [tuple(re.sub(r"\s+", "", str(s.get(boomi) or "")) for dummy, boomi, low, high in CRON_FIELDS)
            for s in items or [] if isinstance(s, dict)]


def _dicts(tuples):
    return [dict((boomi, value) for (dummy, boomi, low, high), value in zip(CRON_FIELDS, t)) for t in tuples]


def shown(tuples):
    """Schedules as results and diffs show them: dicts with our field names, in a stable order."""
    return [dict((name, value) for (name, dummy, low, high), value in zip(CRON_FIELDS, t)) for t in sorted(tuples)]


def current(schedule, status):
    """{"schedules", "retry": {max_retry, schedules}, "enabled"} of what Boomi holds (tuples, sorted)."""
    retry = (schedule or {}).get("Retry") or {}
    return {"schedules": sorted(_tuples((schedule or {}).get("Schedule"))),
            "retry": {"max_retry": retry.get("maxRetry"), "schedules": sorted(_tuples(retry.get("Schedule")))},
            "enabled": (status or {}).get("enabled")}


def target(now, want):
    """What the task leaves: what it names, the rest as it is (schedules compared as sets, order aside)."""
    after = {"schedules": now["schedules"], "retry": dict(now["retry"]), "enabled": now["enabled"]}
    if want["schedules"] is not None:
        after["schedules"] = sorted(set(want["schedules"]))
    for key in ("max_retry", "schedules"):
        value = (want["retry"] or {}).get(key)
        if value is not None:
            after["retry"][key] = sorted(set(value)) if key == "schedules" else value
    if want["enabled"] is not None:
        after["enabled"] = want["enabled"]
    return after


def plan_atom(process_id, atom, schedule, status, want):
    """One runtime's entry: what Boomi holds, what the task leaves and the bodies that get it there."""
    now = current(schedule, status)
    after = target(now, want)
    entry = {"atom": atom, "process_id": process_id, "schedule": schedule, "status": status, "before": now,
             "after": after, "schedule_body": None, "status_body": None}
    ident = (schedule or status or {}).get("id")
    if after["schedules"] != now["schedules"] or after["retry"] != now["retry"]:
        retry = {"Schedule": _dicts(after["retry"]["schedules"]), "maxRetry": after["retry"]["max_retry"]}
        if retry["maxRetry"] is None:
            del retry["maxRetry"]
        entry["schedule_body"] = {"id": ident, "atomId": atom["id"], "processId": process_id,
                                  "Schedule": _dicts(after["schedules"]), "Retry": retry}
    if after["enabled"] != now["enabled"]:
        entry["status_body"] = {"id": ident, "atomId": atom["id"], "processId": process_id, "enabled": after["enabled"]}
    return entry


def plan_schedules(client, options, environment_id=None, atom_id=None):
    """Read and plan: ``options`` are the module's (process_id or process_name, schedules, retry, enabled, state).
    Returns {"process_id", "process_name", "entries": [per runtime], "missing": [messages]}: a runtime where the
    process is not deployed has no schedule object (``missing``; a failure, unless an earlier task deploys it)."""
    want = wanted(options.get("schedules"), options.get("retry"), options.get("enabled"), options.get("state", "present"))
    process_id, process_name = resolve_process(client, options.get("process_id"), options.get("process_name"))
    atoms = runtimes(client, environment_id, atom_id)
    schedules, statuses = read(client, process_id, [a["id"] for a in atoms])
    entries = [plan_atom(process_id, a, schedules.get(a["id"]), statuses.get(a["id"]), want) for a in atoms]
    missing = ["process %s is not deployed where runtime %s (%s) runs%s, so it has no schedule there; deploy it first "
               "(nothing was changed)" % (process_name or process_id, e["atom"]["id"], e["atom"].get("name"),
                                          " (environment %s)" % environment_id if environment_id else "")
               for e in entries if e["schedule"] is None]
    return {"process_id": process_id, "process_name": process_name, "entries": entries, "missing": missing}


def apply(client, plan, check_mode=False):
    """Send each runtime's updates (none in check mode, nor where the process has no schedule yet).

    An update whose answer was lost is settled by reading the object again; if the change is not there it is
    sent again, which is safe: an update sets the whole schedule (or the status) to absolute values, so two
    copies leave what one would."""
    changed = False
    for entry in plan["entries"]:
        for name, key in ((OBJECT, "schedule_body"), (STATUS, "status_body")):
            body = entry[key]
            if body is None:
                continue
            changed = True
            if check_mode or body["id"] is None:
                continue
            client.update(name, body["id"], body, confirm=lambda name=name, body=body: _landed(client, name, body))
    return changed


def _landed(client, name, body):
    now = client.get_or_none(name, body["id"])
    if now is None:
        return None
    if name == STATUS:
        return now if now.get("enabled") == body["enabled"] else None
    same = sorted(_tuples(now.get("Schedule"))) == sorted(_tuples(body["Schedule"])) and \
        sorted(_tuples((now.get("Retry") or {}).get("Schedule"))) == sorted(_tuples(body["Retry"]["Schedule"]))
    return now if same else None


def result(entry):
    """A runtime's entry as modules return it."""
    after = entry["after"]
    return {"atom_id": entry["atom"]["id"], "atom_name": entry["atom"].get("name"), "process_id": entry["process_id"],
            "schedule_id": (entry["schedule"] or entry["status"] or {}).get("id"), "schedules": shown(after["schedules"]),
            "retry": {"max_retry": after["retry"]["max_retry"], "schedules": shown(after["retry"]["schedules"])},
            "enabled": after["enabled"],
            "changed": entry["schedule_body"] is not None or entry["status_body"] is not None}


def diff(plan):
    """{before, after} per runtime ("<name> (<id>)"): schedules, retry, enabled."""
    out = {"before": {}, "after": {}}
    for entry in plan["entries"]:
        label = "%s (%s)" % (entry["atom"].get("name"), entry["atom"]["id"])
        for side in ("before", "after"):
            state = entry[side]
            out[side][label] = {"schedules": shown(state["schedules"]), "enabled": state["enabled"],
                                "retry": {"max_retry": state["retry"]["max_retry"],
                                          "schedules": shown(state["retry"]["schedules"])}}
    return out
