# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A role step's sequence of module runs, on one client, with the check-mode notes handled once.

In check mode a module notes what it assumes an earlier task takes care of (a package of a new version, the
release this run makes) and warns about it. Within one role step those earlier tasks are this step's own
earlier module runs: once one of them has planned a change, the later notes describe that very change, so
they are dropped instead of warning about the run's own plan. Notes with no planned change before them still
warn, as the module would.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.arguments import CONNECTION_SPEC
from ansible_collections.boomi.platform.plugins.plugin_utils.in_process import assumptions, run_step


class Steps(object):
    def __init__(self, client, connection, outcome, shared=None):
        self.client = client
        self.connection = dict((k, v) for k, v in connection.items() if k in CONNECTION_SPEC)
        self.outcome = outcome
        self.shared = shared if shared is not None else {"changed": False}

    @property
    def changed(self):
        return self.shared["changed"]

    def with_client(self, client, override_account):
        """The same step on another client (a managed account, through the Partner API)."""
        return Steps(client, dict(self.connection, override_account=override_account), self.outcome, self.shared)

    def run(self, module, **params):
        """The module's result, after its run() in this process; its changed flag joins the step's."""
        changed, result, diff, step = run_step(module, dict(self.connection, **params), self.client,
                                               self.outcome.check_mode, self.outcome.diff, self.outcome.warnings)
        self.outcome.hide(step.no_log_values)
        notes = assumptions(step)
        if notes and not self.changed:
            self.outcome.warn("Check mode, assuming earlier tasks of the play take care of it: " + "; ".join(notes))
        self.shared["changed"] = self.changed or changed
        self.outcome.changed = self.outcome.changed or (changed and not self.outcome.check_mode)
        return changed, result, diff
