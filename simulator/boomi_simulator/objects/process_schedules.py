"""ProcessSchedules and ProcessScheduleStatus: the run schedules of a deployed process on one runtime.

Rules (the OAS, [C]): "A Process Schedules object exists for every deployed process": one per process
running in an environment (deployed_processes.py) and runtime attached to that environment, with a
conceptual id synthesized from the process and runtime ids. GET, query by ``processId`` / ``atomId``,
bulk GET, and UPDATE, which clears and replaces the schedules (``Schedule``: minutes, hours,
daysOfWeek, daysOfMonth, months, years, Boomi's cron-like strings) and the retry schedules (``Retry``:
``Schedule`` and ``maxRetry``); the body names the object id, the runtime and the process.
ProcessScheduleStatus (same ids) holds ``enabled``: UPDATE stops or resumes the schedules. ``maxRetry`` is 1..5
(the schema's text), else 400.
[I] The object id is the unpadded URL-safe base64 of ``"<processId>|<atomId>"`` for both objects; an
unscheduled process answers ``Schedule: []`` and ``Retry {Schedule: [], maxRetry: 5}`` (5 is the
Scheduling dialog's default) and is enabled; every Schedule entry needs all six fields, each a cron
list (``*``, numbers, ranges ``a-b``, steps ``/n``, commas) within minutes 0-59, hours 0-23, daysOfWeek
1-7 (1 = Sunday), daysOfMonth 1-31, months 1-12; the schedules and status of a
process that stops running are kept and show again when it runs there again; listener processes
(which Boomi refuses to schedule) are not modelled.
"""

import re

from ..errors import bad_request
from ..validate import check_body, check_type
from .account_group import synthesized_id
from .atom import atoms_of
from .base import ObjectType
from .deployed_processes import deployed_processes

DEFAULT_MAX_RETRY = 5
FIELDS = {"minutes": (0, 59), "hours": (0, 23), "daysOfWeek": (1, 7), "daysOfMonth": (1, 31), "months": (1, 12),
          "years": (1900, 9999)}
CRON = re.compile(r"^(\*|\d+(-\d+)?)(/\d+)?(,(\*|\d+(-\d+)?)(/\d+)?)*$")


def schedule_records(ctx):
    """{id: {id, atomId, processId}} for every process running where a runtime is attached."""
    out = {}
    for environment_id in ctx.data.environments:
        atoms = atoms_of(ctx.data, environment_id)
        for process in deployed_processes(ctx, environment_id) if atoms else []:
            for atom_id in atoms:
                ident = synthesized_id(process["processId"], atom_id)
                out[ident] = {"id": ident, "atomId": atom_id, "processId": process["processId"]}
    return out


class _Scheduled(ObjectType):
    """What both objects share: records computed from deployments and attachments, values stored by id."""

    properties = ("processId", "atomId")

    def records(self, ctx):
        return list(schedule_records(ctx).values())

    def find(self, ctx, ident):
        record = schedule_records(ctx).get(ident)
        if record is None:
            raise ctx.missing(self.name, ident)
        return record

    def check_names(self, record, body):
        for field in ("id", "atomId", "processId"):
            if body.get(field) not in (None, record[field]):
                raise bad_request("%s.%s is '%s', but %s %s belongs to %s '%s'"
                                  % (self.name, field, body[field], self.name, record["id"], field, record[field]))


class ProcessSchedules(_Scheduled):
    name = "ProcessSchedules"
    collection = "process_schedules"
    operations = ("get", "update", "query", "bulk")
    allowed = ("id", "atomId", "processId", "Schedule", "Retry")
    dump_key = "process_schedules"

    def render(self, ctx, record):
        stored = ctx.data.process_schedules.get(record["id"], {})
        retry = stored.get("Retry", {"Schedule": [], "maxRetry": DEFAULT_MAX_RETRY})
        return {"@type": self.name, "id": record["id"], "atomId": record["atomId"], "processId": record["processId"],
                "Schedule": [dict(s, **{"@type": "Schedule"}) for s in stored.get("Schedule", [])],
                "Retry": {"@type": "ScheduleRetry", "Schedule": [dict(s, **{"@type": "Schedule"}) for s in retry["Schedule"]],
                          "maxRetry": retry["maxRetry"]}}

    def update(self, ctx, ident, body):
        record = self.find(ctx, ident)
        check_body(body, self.name, self.allowed, required=("atomId", "processId"))
        self.check_names(record, body)
        retry = body.get("Retry") or {}
        check_body(retry, "ScheduleRetry", ("Schedule", "maxRetry"))
        check_type(retry, "maxRetry", int, "ScheduleRetry")
        max_retry = retry.get("maxRetry", DEFAULT_MAX_RETRY)
        if not 1 <= max_retry <= 5:
            raise bad_request("ScheduleRetry.maxRetry must be between 1 and 5, not %d" % max_retry)
        ctx.data.process_schedules[ident] = {
            "id": ident, "atomId": record["atomId"], "processId": record["processId"],
            "Schedule": schedules(body.get("Schedule"), "Schedule"),
            "Retry": {"Schedule": schedules(retry.get("Schedule"), "Retry.Schedule"), "maxRetry": max_retry}}
        return self.render(ctx, record), True


class ProcessScheduleStatus(_Scheduled):
    name = "ProcessScheduleStatus"
    collection = "process_schedule_status"
    operations = ("get", "update", "query", "bulk")
    allowed = ("id", "atomId", "processId", "enabled")
    dump_key = "process_schedule_status"

    def render(self, ctx, record):
        stored = ctx.data.process_schedule_status.get(record["id"], {})
        return {"@type": self.name, "id": record["id"], "atomId": record["atomId"], "processId": record["processId"],
                "enabled": stored.get("enabled", True)}

    def update(self, ctx, ident, body):
        record = self.find(ctx, ident)
        check_body(body, self.name, self.allowed, required=("atomId", "processId"))
        self.check_names(record, body)
        if not isinstance(body.get("enabled"), bool):
            raise bad_request("ProcessScheduleStatus.enabled must be a boolean")
        ctx.data.process_schedule_status[ident] = {"id": ident, "atomId": record["atomId"],
                                                   "processId": record["processId"], "enabled": body["enabled"]}
        return self.render(ctx, record), True


def schedules(value, where):
    """The Schedule entries of a request, each checked: all six fields, cron lists within their ranges."""
    items = [value] if isinstance(value, dict) else (value or [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise bad_request("%s must be a list of objects" % where)
    out = []
    for item in items:
        check_body(item, where, tuple(FIELDS), required=tuple(FIELDS))
        out.append(dict((field, checked(item[field], field, where)) for field in FIELDS))
    return out


def checked(value, field, where):
    low, high = FIELDS[field]
    text = value.replace(" ", "") if isinstance(value, str) else None
    numbers = re.findall(r"(?<![/\d])\d+", text) if text else []
    if text is None or not CRON.match(text) or not all(low <= int(n) <= high for n in numbers):
        raise bad_request("%s.%s '%s' is not a schedule value: use *, numbers %d-%d, ranges a-b, steps /n and commas"
                          % (where, field, value, low, high))
    return value
