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
  - M(boomi.platform.boomi_deployed_package) with O(boomi.platform.boomi_deployed_package#module:environments)
    deploys to many environments from one module run (run once per batch of hosts, on the controller). This
    action turns that result into a result of each host that stands for an environment, so the play recap,
    C(--diff), failures and registered results are per host again.
  - The host is C(changed) when something was deployed or undeployed in its environment, fails when deploying
    there failed (or when the batch failed before deploying anywhere), and shows its environment's diff.
  - It makes no request to Boomi; it runs on the controller and needs no connection options.
options:
  batch:
    description: The registered result of the batched M(boomi.platform.boomi_deployed_package) task.
    type: dict
    required: true
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
    description: Returns the active packages of the environment before and after the batched task.
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

- name: Report this host's environment
  boomi.platform.boomi_batch_result:
    batch: "{{ batch }}"
    environment_id: "{{ boomi_environment_id }}"
    fact: deployed_here
  register: deployed
"""

RETURN = r"""
environment_id:
  description: The environment.
  returned: always
  type: str
deployments:
  description: The environment's entry of the batched task's RV(boomi.platform.boomi_deployed_package#module:deployments).
  returned: always
  type: list
  elements: dict
"""
