#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_role_deploy
short_description: Deploy a batch of hosts' environments as a boomi.platform role planned it
version_added: "0.2.0"
description:
  - The deploy step of the roles P(boomi.platform.package_and_deploy#role), P(boomi.platform.promote#role) and
    P(boomi.platform.rollback#role), after M(boomi.platform.boomi_role_plan). It runs once per batch of hosts
    (C(run_once); with C(serial), once per batch), on the controller, in one process, for the hosts of
    C(ansible_play_batch).
  - "In the plan's C(packages) mode it runs M(boomi.platform.boomi_deployed_package) with
    O(boomi.platform.boomi_deployed_package#module:environments), with that module's argument validation, check
    mode and masking. It deploys the pack's current release, checked against the versions the release step made
    (or C(boomi_expected_versions)), with each host's hold, pins, rollback and listener status. A failure in one
    environment does not stop the others; each host then reports its own environment with
    M(boomi.platform.boomi_batch_result)."
  - In check mode after the release step predicted a new release, it deploys that predicted release (which is
    not current at Boomi yet) instead of warning that the pack is not at the expected versions.
  - In the plan's C(pack_instance) mode it shares the pack once with the account group
    (M(boomi.platform.boomi_integration_pack_share)), installs it once per managed account and instance name
    (M(boomi.platform.boomi_integration_pack_instance)) and attaches each instance to its environments
    (M(boomi.platform.boomi_integration_pack_attachment)); held hosts are neither attached nor detached.
  - Then, for each environment it deployed whose host sets C(boomi_environment_extensions) or
    C(boomi_process_schedules) (not a held host), it applies them
    (M(boomi.platform.boomi_environment_extensions), M(boomi.platform.boomi_process_schedule)); a failure there
    fails that environment only.
  - It publishes C(boomi_deployments) with C(set_stats).
options:
  plan:
    description: The registered result of M(boomi.platform.boomi_role_plan).
    type: dict
    required: true
  release:
    description: The registered result of M(boomi.platform.boomi_role_release), when this play released.
    type: dict
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode
attributes:
  action:
    support: full
    description: Runs as an action plugin on the controller, without a module process.
  async:
    support: none
    description: It deploys the batch and returns.
  bypass_host_loop:
    support: none
    description: Run it once per batch with C(run_once); it deploys every host of C(ansible_play_batch).
  diff_mode:
    support: full
    description: Each host's M(boomi.platform.boomi_batch_result) shows its environment's versions before and after.
  platform:
    support: full
    platforms: all
    description: It talks to Boomi from the controller, whatever the hosts are.
seealso:
  - module: boomi.platform.boomi_role_plan
  - module: boomi.platform.boomi_batch_result
  - module: boomi.platform.boomi_deployed_package
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Deploy every environment of this batch
  boomi.platform.boomi_role_deploy:
    plan: "{{ plan }}"
  run_once: true
  register: deployed
"""

RETURN = r"""
environments:
  description:
    - Per environment id of the batch, C(environment_name), C(inventory_hostname), C(state) (C(deployed),
      C(unchanged), C(configured) (only its own values changed), C(held), C(pinned), C(failed)), C(changed),
      C(failed), C(msg), C(deployments), C(kept), C(configuration) (the lines of its extension and schedule
      changes, secrets masked), and the versions C(before) and C(after) (component id to version; in
      C(pack_instance) mode C(attached) instead).
  returned: success
  type: dict
component_names:
  description: Component id to name, for the per-host report.
  returned: success
  type: dict
mode:
  description: C(packages) or C(pack_instance).
  returned: success
  type: str
"""
