# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""package_and_deploy's release step on the controller: package, pack and release, as the plan says."""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.plugin_utils.action import BoomiRoleAction
from ansible_collections.boomi.platform.plugins.plugin_utils.role_release import release


class ActionModule(BoomiRoleAction):
    OPTIONS = dict(plan=dict(type="dict", required=True))

    def run_action(self, args, client, task_vars, outcome):
        return release(client, args, outcome)
