#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_process_schedule
short_description: Set when a deployed process runs, and whether (ProcessSchedules, ProcessScheduleStatus)
version_added: "0.1.0"
description:
  - Ensures a deployed process has exactly the run schedules and retry schedules the task gives, on one runtime
    (O(atom_id)) or on every runtime attached to an environment (O(environment_id); each runtime gets the same
    schedule), and that its schedules are enabled or stopped (O(enabled)).
  - Schedules are compared as a set, so their order does not matter; a task that leaves O(schedules), O(retry) or
    O(enabled) out leaves that part as Boomi holds it. O(state=absent) removes every run schedule (the retry
    schedules are left alone; they apply only to scheduled runs).
  - Boomi keeps a schedule for every process deployed where a runtime runs. A process not deployed there fails the
    task before any write; in check mode it warns instead, since an earlier task of the play may deploy it.
  - An update replaces the whole schedule, so an answer lost in transit is settled by reading it again and, if the
    change is not there after O(write_settle_seconds), by sending it again, which is safe.
  - "Cost: the runtimes (one query by id, or the environment's attachments and their runtimes: two queries), the
    process by name (one query; none with O(process_id)), its schedules and statuses (two queries); then one
    update per runtime whose schedules change and one per runtime whose status changes."
options:
  environment_id:
    description:
      - Id of the environment; the schedule applies to every runtime attached to it. Exactly one of O(environment_id)
        and O(atom_id) is required.
    type: str
  atom_id:
    description: Id of one runtime (Atom, Molecule or cloud) instead of an environment's runtimes.
    type: str
  process_id:
    description:
      - Id of the process. For a process of an installed multi-install integration pack, its process id there
        (C(wrapperProcessId)). Exactly one of O(process_id) and O(process_name) is required.
    type: str
  process_name:
    description: Exact name of the process component, instead of O(process_id). A name several processes share fails.
    type: str
  schedules:
    description:
      - The run schedules, in Boomi's cron-like syntax (the Scheduling dialog's Advanced form); each field is C(*),
        numbers, ranges C(a-b), steps C(/n) and comma lists. V([]) removes every run schedule.
    type: list
    elements: dict
    suboptions:
      minutes:
        description: Minutes, 0-59 (for example C(0-59/15), every 15 minutes).
        type: str
        required: true
      hours:
        description: Hours, 0-23.
        type: str
        default: "*"
      days_of_week:
        description: Days of the week, 1-7, 1 being Sunday (C(2,3,4,5,6) is Monday to Friday).
        type: str
        default: "*"
      days_of_month:
        description: Days of the month, 1-31.
        type: str
        default: "*"
      months:
        description: Months, 1-12.
        type: str
        default: "*"
      years:
        description: Years.
        type: str
        default: "*"
  retry:
    description: Retry of failed scheduled runs. A key left out keeps Boomi's value.
    type: dict
    suboptions:
      max_retry:
        description: How many times a failed run is retried, 1-5.
        type: int
      schedules:
        description: When retries run, as O(schedules).
        type: list
        elements: dict
        suboptions:
          minutes:
            description: Minutes, 0-59.
            type: str
            required: true
          hours:
            description: Hours, 0-23.
            type: str
            default: "*"
          days_of_week:
            description: Days of the week, 1-7.
            type: str
            default: "*"
          days_of_month:
            description: Days of the month, 1-31.
            type: str
            default: "*"
          months:
            description: Months, 1-12.
            type: str
            default: "*"
          years:
            description: Years.
            type: str
            default: "*"
  enabled:
    description: V(true) runs the schedules, V(false) stops them (ProcessScheduleStatus); left out, unchanged.
    type: bool
  state:
    description: V(present) sets what the task gives; V(absent) removes every run schedule (O(schedules) must then be left out).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode
  - boomi.platform.attributes.diff_mode
seealso:
  - module: boomi.platform.boomi_environment_extensions
  - module: boomi.platform.boomi_deployed_package
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Run Order Intake every 15 minutes in office hours on weekdays, on every runtime of production
  boomi.platform.boomi_process_schedule:
    environment_id: 6d3f9a10-0003-4d5e-9a1b-00000000e003
    process_name: Order Intake
    schedules:
      - minutes: 0-59/15
        hours: 8-18
        days_of_week: 2,3,4,5,6
    retry:
      max_retry: 2
      schedules:
        - minutes: 0-59/30
    enabled: true

- name: Stop Order Intake's schedules on the test runtime (the schedules stay)
  boomi.platform.boomi_process_schedule:
    atom_id: 7c4e1a10-0002-4b2d-8e6f-00000000b002
    process_id: 3f1c2a10-0001-4c6e-9d7a-00000000c001
    enabled: false

- name: No schedule for Order Fulfilment in development
  boomi.platform.boomi_process_schedule:
    environment_id: 6d3f9a10-0001-4d5e-9a1b-00000000e001
    process_id: 3f1c2a10-0002-4c6e-9d7a-00000000c002
    state: absent
"""

RETURN = r"""
process_id:
  description: The process.
  returned: always
  type: str
  sample: 3f1c2a10-0001-4c6e-9d7a-00000000c001
process_name:
  description: Its name, when the task named it by O(process_name); else V(null).
  returned: always
  type: str
schedules:
  description: One entry per runtime, as the task leaves it (in check mode, as it would).
  returned: always
  type: list
  elements: dict
  contains:
    atom_id:
      description: The runtime.
      type: str
    atom_name:
      description: Its name.
      type: str
    process_id:
      description: The process.
      type: str
    schedule_id:
      description: Boomi's id of the process's schedule there; V(null) where the process is not deployed yet (check mode).
      type: str
    schedules:
      description: The run schedules (C(minutes), C(hours), C(days_of_week), C(days_of_month), C(months), C(years)), sorted.
      type: list
      elements: dict
    retry:
      description: C(max_retry) and C(schedules) of the retries.
      type: dict
    enabled:
      description: Whether the schedules run.
      type: bool
    changed:
      description: Whether the task changed the schedules or their status there.
      type: bool
"""

from ansible_collections.boomi.platform.plugins.module_utils import process_schedules as schedule_api
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module, warn_or_fail

CRON = dict(
    minutes=dict(type="str", required=True),
    hours=dict(type="str", default="*"),
    days_of_week=dict(type="str", default="*"),
    days_of_month=dict(type="str", default="*"),
    months=dict(type="str", default="*"),
    years=dict(type="str", default="*"),
)
OPTIONS = dict(
    environment_id=dict(type="str"),
    atom_id=dict(type="str"),
    process_id=dict(type="str"),
    process_name=dict(type="str"),
    schedules=dict(type="list", elements="dict", options=CRON),
    retry=dict(type="dict", options=dict(max_retry=dict(type="int"),
                                         schedules=dict(type="list", elements="dict", options=CRON))),
    enabled=dict(type="bool"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
)
CONSTRAINTS = dict(required_one_of=[("environment_id", "atom_id"), ("process_id", "process_name")],
                   mutually_exclusive=[("environment_id", "atom_id"), ("process_id", "process_name")])


def run(module, client):
    params = module.params
    plan = schedule_api.plan_schedules(client, params, params["environment_id"], params["atom_id"])
    for message in plan["missing"]:
        warn_or_fail(module, message)
    changed = schedule_api.apply(client, plan, module.check_mode)
    result = {"process_id": plan["process_id"], "process_name": plan["process_name"],
              "schedules": [schedule_api.result(entry) for entry in plan["entries"]]}
    return changed, result, schedule_api.diff(plan)


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
