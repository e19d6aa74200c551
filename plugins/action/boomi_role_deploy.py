# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The roles' deploy step on the controller: every environment of the batch, in the plan's deploy mode."""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.plugin_utils.action import BoomiRoleAction
from ansible_collections.boomi.platform.plugins.plugin_utils.host_variables import read_hosts
from ansible_collections.boomi.platform.plugins.plugin_utils.role_deploy import deploy_instances, deploy_packages


class ActionModule(BoomiRoleAction):
    OPTIONS = dict(plan=dict(type="dict", required=True), release=dict(type="dict"))

    def run_action(self, args, client, task_vars, outcome):
        configuration = self.configuration(args["plan"], task_vars, outcome)
        if args["plan"].get("mode") == "pack_instance":
            def client_for(account):  # the Partner API, acting in a managed account
                return self.client(dict(args, override_account=account), outcome)

            return deploy_instances(client, client_for, args, task_vars, outcome, configuration) + (None,)
        return deploy_packages(client, args, task_vars, outcome, configuration) + (None,)

    def configuration(self, plan, task_vars, outcome):
        """{host: its variables} of the batch's hosts that configure their environment, read here and never carried
        in the plan: they may hold secrets. Boomi's encrypted fields among them are masked in whatever this step
        returns (the extension plan names them); other values are shown, so a diff reads url: old -> new."""
        hosts = [h for h in task_vars.get("ansible_play_batch") or [] if (plan["hosts"].get(h) or {}).get("configure")]
        if not hosts:
            return {}
        return dict((h, i.values) for h, i in read_hosts(self, task_vars, hosts).items())
