# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every play host's ``boomi_*`` variables as the role sees them on that host, and where each was set.

``hostvars`` lacks the role's defaults and the play's own variables, so a check built on it misjudges a host
left on a default or a value the play sets for everyone. The pre-flight asks Ansible's variable manager for
each host's variables in the task's context instead (exactly what Ansible does before it runs a task on the
host), and templates the ``boomi_*`` ones with that host's variables.
"""

from __future__ import annotations

import os

from ansible.module_utils.common.text.converters import to_text

from ansible_collections.boomi.platform.plugins.plugin_utils.vocabulary import PREFIX

try:  # ansible-core 2.19 and later tag what it loads from files with the file and line
    from ansible._internal._datatag._tags import Origin
except ImportError:  # older ansible-core: say which host, not which file
    Origin = None


class HostInputs(object):
    """One host: its ``boomi_*`` values, where each was set, and the ones that could not be templated."""

    def __init__(self, name):
        self.name = name
        self.values = {}
        self.where = {}
        self.broken = {}

    def get(self, key, default=None):
        return self.values.get(key, default)


def read_hosts(action, task_vars, hosts):
    """{host name: HostInputs} for ``hosts``, in the context of the running task."""
    task = action._task
    manager = task.get_variable_manager()
    play = task.get_play()
    inventory = getattr(manager, "_inventory")
    extra = set(manager.extra_vars or {})
    play_vars = set(play.get_vars() or {}) if play else set()
    context = dict(_hosts=task_vars.get("ansible_play_batch"), _hosts_all=task_vars.get("ansible_play_hosts_all"))
    out = {}
    for name in hosts:
        host = inventory.get_host(name)
        variables = manager.get_vars(play=play, host=host, task=task, include_hostvars=True, **context)
        out[name] = host_inputs(action, name, variables, extra, play_vars)
    return out


def host_inputs(action, name, variables, extra, play_vars):
    inputs = HostInputs(name)
    templar = action._templar.copy_with_new_env(available_variables=variables)
    for key in variables:
        if not to_text(key).startswith(PREFIX):
            continue
        text = to_text(key)
        inputs.where[text] = where_set(key, extra, play_vars)
        try:
            inputs.values[text] = templar.template(variables[key])
        except Exception as exc:  # pylint: disable=broad-except
            # an undefined variable or a failing lookup inside the value: reported, not raised
            inputs.broken[text] = to_text(exc).splitlines()[0]
    return inputs


def where_set(key, extra, play_vars):
    """Where a variable was set, as precisely as Ansible can tell: extra vars, the play, or a file and line."""
    try:
        origin = Origin.get_tag(key) if Origin is not None else None
    except (AttributeError, TypeError):  # a private API: tolerate its changes
        origin = None
    place = None
    if origin is not None and getattr(origin, "path", None):
        place = os.path.relpath(origin.path) if not os.path.relpath(origin.path).startswith("..") else origin.path
        if getattr(origin, "line_num", None):
            place += ", line %d" % origin.line_num
    if key in extra:
        return "extra vars (-e)" + (" from " + place if place else "")
    if key in play_vars:
        return "the play's vars" + (" in " + place if place else "")
    return place
