# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The roles' deploy step on the controller: every environment of the batch, in the plan's deploy mode."""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.plugin_utils.action import BoomiRoleAction
from ansible_collections.boomi.platform.plugins.plugin_utils.role_deploy import deploy_instances, deploy_packages


class ActionModule(BoomiRoleAction):
    OPTIONS = dict(plan=dict(type="dict", required=True), release=dict(type="dict"))

    def run_action(self, args, client, task_vars, outcome):
        if args["plan"].get("mode") == "pack_instance":
            def client_for(account):  # the Partner API, acting in a managed account
                return self.client(dict(args, override_account=account), outcome)

            return deploy_instances(client, client_for, args, task_vars, outcome) + (None,)
        return deploy_packages(client, args, task_vars, outcome) + (None,)
