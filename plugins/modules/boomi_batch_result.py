#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_batch_result
short_description: Report one host's share of a batched Boomi deployment
version_added: "0.1.0"
description:
  - M(boomi.platform.boomi_role_deploy) (the roles' deploy step), or M(boomi.platform.boomi_deployed_package) with
    O(boomi.platform.boomi_deployed_package#module:environments), deploys to many environments at once (run once
    per batch of hosts, on the controller). This action turns that result into a result of each host that stands
    for an environment, so the play recap, C(--diff), failures and registered results are per host again.
  - The host is C(changed) when something was deployed, undeployed or attached in its environment, fails when
    that failed there (or when the batch failed before reaching it), and its C(--diff) shows each component whose
    version changes, by name (C(Order Intake 1.0.0 -> 1.0.1)).
  - A host whose environment is held (C(boomi_hold)), keeps pinned versions (C(boomi_pinned_versions)), or keeps a
    rolled-back version that the release would replace says so in one line of the default output, naming the
    environment and the components (RV(notes)); these are choices of the user, so they are not warnings.
  - It makes no request to Boomi; it runs on the controller and needs no connection options.
options:
  batch:
    description:
      - The registered result of M(boomi.platform.boomi_role_deploy), or of a batched
        M(boomi.platform.boomi_deployed_package) task.
      - Exactly one of O(batch) and O(batch_var) is required. Over many hosts prefer O(batch_var) - a whole batch
        result templated into every host's arguments costs hosts x environments.
    type: dict
  batch_var:
    description:
      - The name of the variable that holds that registered result. It is read on each host as it is, not templated
        into the task's arguments (what the roles use).
    type: str
  environment_id:
    description: The environment this host stands for.
    type: str
    required: true
  fact:
    description: Also set a host fact of this name to RV(deployments), saving a C(set_fact) task per host.
    type: str
attributes:
  action:
    support: full
    description: Runs as an action plugin on the controller, without a module process.
  async:
    support: none
    description: It returns at once; there is nothing to run in the background.
  bypass_host_loop:
    support: none
    description: It runs once per host, reporting that host's environment.
  check_mode:
    support: full
    description: Reports what the batched task predicted in check mode.
  diff_mode:
    support: full
    description: Shows, by component name, each version of the environment that the batched task changes.
  platform:
    support: full
    platforms: all
    description: It reads only the registered result, whatever the host is.
seealso:
  - module: boomi.platform.boomi_deployed_package
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Plan each host's environment
  ansible.builtin.set_fact:
    deploy_entry:
      environment_id: "{{ boomi_environment_id }}"
      package_ids: "{{ release.release.released_components | map(attribute='package_id') | list }}"

- name: Deploy to every environment of this batch, from one module run
  boomi.platform.boomi_deployed_package:
    environments: "{{ ansible_play_batch | map('extract', hostvars, 'deploy_entry') | list }}"
  run_once: true
  delegate_to: localhost
  changed_when: false            # each host reports its own change below
  failed_when: batch.failed and not batch.environments | default([])
  register: batch

- name: Report this host's environment (the batch is read by name, not templated on every host)
  boomi.platform.boomi_batch_result:
    batch_var: batch
    environment_id: "{{ boomi_environment_id }}"
    fact: deployed_here
  register: deployed
"""

RETURN = r"""
environment_id:
  description: The environment.
  returned: always
  type: str
environment_name:
  description: Its name at Boomi.
  returned: when the batch reached the environment
  type: str
state:
  description:
    - C(deployed), C(unchanged), C(configured) (only the environment's own values changed), C(held), C(pinned) or
      C(failed); in pack_instance mode C(deployed) means attached.
  returned: when the batch reached the environment
  type: str
notes:
  description: The lines printed for a held environment, pinned versions and kept rollbacks.
  returned: when the batch reached the environment
  type: list
  elements: str
kept:
  description: Components left at a rolled-back version although the release ships the version they were rolled back from.
  returned: when the batch reached the environment
  type: list
  elements: dict
deployments:
  description: The environment's entry of the batched task's RV(boomi.platform.boomi_deployed_package#module:deployments).
  returned: always
  type: list
  elements: dict
"""
