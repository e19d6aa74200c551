#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_role_plan
short_description: Check every input of a boomi.platform role over the whole play, and plan each host
version_added: "0.2.0"
description:
  - The first step of the roles P(boomi.platform.package_and_deploy#role), P(boomi.platform.promote#role) and
    P(boomi.platform.rollback#role) (and of C(playbooks/release.yml)). It runs once per play (C(run_once)), on the
    controller, before any write.
  - It reads the C(boomi_*) variables of every host of the play (C(ansible_play_hosts_all), not only this C(serial)
    batch; a later C(serial) batch whose other hosts an earlier batch of the same play already checked reads only its
    own hosts) the way the role sees them on that host, with the role's defaults and the play's variables, and checks
    them against the role's C(meta/argument_specs.yml) and the rules a type cannot express. A version typed as a
    number, a date that does not exist or has passed, an unknown or misspelt C(boomi_*) variable (with where it
    was set and the closest known name), hosts that disagree on a value the play uses once, a pin or expected
    version of a component that is not in the pack, two hosts for one environment, inputs one deploy mode cannot
    serve.
  - Then it makes the reads those checks need, shared for the whole play (components, the integration pack,
    environments, pinned packages, managed accounts and the account group) and checks what they show.
  - Every problem is listed in one failure that names the role variable and the host; nothing is written anywhere.
  - A C(boomi_*) variable the collection does not know fails, unless C(boomi_unknown_variables=warn).
    Known are the variables of every role's argument spec and playbook, the keys the roles publish with
    C(set_stats), the facts they set and the host variables of the inventory plugin.
  - Otherwise it returns each host's plan (RV(hosts)), which the roles' later steps follow.
options:
  role:
    description:
      - The role (or C(release), the release-only entry point of C(playbooks/release.yml)) whose inputs to check.
    type: str
    required: true
    choices: [package_and_deploy, promote, rollback, release]
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
attributes:
  action:
    support: full
    description: Runs as an action plugin on the controller, without a module process.
  async:
    support: none
    description: It checks and returns at once.
  bypass_host_loop:
    support: none
    description: Run it once per play with C(run_once); it reads every host of the play itself.
  check_mode:
    support: full
    description: It only reads, so it runs the same in check mode.
  diff_mode:
    support: none
    description: It changes nothing, so there is no difference to show.
  platform:
    support: full
    platforms: all
    description: It reads the hosts' variables on the controller, whatever the hosts are.
seealso:
  - module: boomi.platform.boomi_role_release
  - module: boomi.platform.boomi_role_deploy
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Check every input of every host of the play before any write, and plan each environment
  boomi.platform.boomi_role_plan:
    role: promote
  run_once: true
  register: plan
"""

RETURN = r"""
role:
  description: The role checked.
  returned: success
  type: str
play:
  description:
    - The play's id. With C(serial), a later batch finds the plan an earlier batch of the same play registered, and
      then checks and plans only its own hosts (the first batch checked every host of the play).
  returned: success
  type: str
mode:
  description: The play's deploy mode, C(packages) or C(pack_instance).
  returned: success
  type: str
hosts:
  description:
    - Per host of the play, its plan - C(environment_id), C(environment_name), C(hold), and in C(packages) mode
      C(listener_status), C(force), C(pinned_versions) and (rollback) C(rollback); in C(pack_instance) mode
      C(managed_account_id) and C(instance_name).
  returned: success, unless O(role=release)
  type: dict
release:
  description: package_and_deploy's release inputs, checked (components with their versions and notes, the pack, the schedule).
  returned: with O(role=package_and_deploy) or O(role=release)
  type: dict
integration_pack:
  description: The pack's C(id) (V(null) when it does not exist yet) and C(name).
  returned: success
  type: dict
component_names:
  description: Component id to name, of the pack's members.
  returned: success
  type: dict
expected_versions:
  description: C(boomi_expected_versions), checked against the pack's current release.
  returned: with O(role=promote)
  type: dict
problems:
  description: Every problem found, one message each.
  returned: failure
  type: list
  elements: str
"""
