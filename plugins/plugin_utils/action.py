# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The base of the roles' action plugins: one client, run on the controller, masked like a module.

Each role step (plan, release, deploy) is an action plugin that runs in the worker process on the controller,
so a step costs no interpreter start. Like ``module_utils.module.run_module`` it validates its options (the
connection options included, with their ``BOOMI_*`` fallbacks), builds the client, calls ``run_action``,
turns a ``BoomiError`` into a failed result in one place, and masks every no_log value in what it returns.
"""

from __future__ import annotations

import os

from ansible.plugins.action import ActionBase

from ansible_collections.boomi.platform.plugins.module_utils.arguments import ConnectionSettings
from ansible_collections.boomi.platform.plugins.module_utils.client import BoomiClient
from ansible_collections.boomi.platform.plugins.module_utils.errors import BoomiError
from ansible_collections.boomi.platform.plugins.plugin_utils.in_process import StepModule, mask


class Outcome(object):
    """What a step collects while it runs: warnings and no_log values, shared by every module it runs."""

    def __init__(self, check_mode, diff):
        self.check_mode = check_mode
        self.diff = diff
        self.warnings = []
        self.no_log_values = set()
        self.changed = False  # whether a module run of this step changed something (kept when a later one fails)

    def warn(self, message):
        if message not in self.warnings:
            self.warnings.append(message)

    def hide(self, values):
        self.no_log_values.update(v for v in values if v)


class BoomiRoleAction(ActionBase):
    """Subclasses set OPTIONS (and CONSTRAINTS) and implement ``run_action(args, client, task_vars, outcome)``
    returning ``(changed, result, diff)``."""

    TRANSFERS_FILES = False
    _requires_connection = False
    _supports_check_mode = True
    _supports_async = False
    OPTIONS = {}
    CONSTRAINTS = {}

    def run(self, tmp=None, task_vars=None):
        result = super(BoomiRoleAction, self).run(tmp, task_vars)
        task_vars = task_vars or {}
        outcome = Outcome(bool(self._task.check_mode), bool(self._task.diff))
        saved = dict(os.environ)
        try:
            os.environ.update(self.task_environment())
            result.update(self.run_masked(task_vars, outcome))
        finally:
            os.environ.clear()
            os.environ.update(saved)
        return result

    def run_masked(self, task_vars, outcome):
        out, diff = {}, None
        try:
            own = StepModule(self, self._task.args, outcome.check_mode, outcome.diff, outcome.warnings,
                             label=self._task.action)
            outcome.hide(own.no_log_values)
            client = self.client(own.params, outcome)
            changed, out, diff = self.run_action(own.params, client, task_vars, outcome)
            out["changed"] = changed
        except BoomiError as exc:
            out = dict(exc.to_fail_json(), failed=True)
            out["changed"] = bool(out.get("changed")) or outcome.changed
        if outcome.diff and diff is not None:
            out["diff"] = diff
        if outcome.warnings:
            out["warnings"] = outcome.warnings
        return mask(out, outcome.no_log_values)

    def client(self, params, outcome):
        settings = ConnectionSettings(params)
        for warning in settings.warnings:
            outcome.warn(warning)
        client = BoomiClient(settings, warn=outcome.warn)
        outcome.hide(client.secrets.values)
        return client

    def task_environment(self):
        """The task's ``environment:`` keyword, as a module process would get it (the BOOMI_* fallbacks)."""
        values = {}
        for block in self._task.environment or []:
            block = self._templar.template(block)
            if isinstance(block, dict):
                values.update((str(k), str(v)) for k, v in block.items() if v is not None)
        return values

    def run_action(self, args, client, task_vars, outcome):
        raise NotImplementedError
