# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The roles' pre-flight: every input of every play host checked once, on the controller, then each host's plan."""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.plugin_utils.action import BoomiRoleAction
from ansible_collections.boomi.platform.plugins.plugin_utils.role_plan import ROLES, make_plan


class ActionModule(BoomiRoleAction):
    OPTIONS = dict(role=dict(type="str", required=True, choices=list(ROLES)))

    def run_action(self, args, client, task_vars, outcome):
        def client_for(account):  # the Partner API, acting in a managed account
            return self.client(dict(args, override_account=account), outcome)

        return False, make_plan(self, args["role"], client, client_for, task_vars, outcome), None
