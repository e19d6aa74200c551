#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_role_release
short_description: Package, pack and release as a boomi.platform role planned it
version_added: "0.2.0"
description:
  - The release step of the role P(boomi.platform.package_and_deploy#role) (and of C(playbooks/release.yml)), after
    M(boomi.platform.boomi_role_plan). It runs once per play (C(run_once)), on the controller, in one process.
  - It runs M(boomi.platform.boomi_packaged_component) for each component (new notes apply to new packages; an
    existing package with other notes is reported, not a failure), M(boomi.platform.boomi_integration_pack) for
    the pack and its members, and M(boomi.platform.boomi_pack_release) with every component pinned to its
    version, each with that module's own argument validation, check mode and masking of secrets.
  - When overlapping runs each created a pack of that name and another run's pack counts, it deletes the pack it
    created itself.
  - In check mode the later modules' notes about what the earlier ones would create are not repeated as
    warnings; the diff shows, by component name, each new package, each member leaving the pack and each
    version the release moves.
  - It publishes C(boomi_packages), C(boomi_integration_pack), C(boomi_release) and C(boomi_expected_versions)
    with C(set_stats) (AWX hands them to the next workflow node).
options:
  plan:
    description: The registered result of M(boomi.platform.boomi_role_plan) with C(role=package_and_deploy) or C(release).
    type: dict
    required: true
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
    description: It waits for the release itself (boomi_release_wait_timeout).
  bypass_host_loop:
    support: none
    description: Run it once per play with C(run_once).
  diff_mode:
    support: full
    description: Shows, by component name, the new packages, the members leaving the pack and the versions the release moves.
  platform:
    support: full
    platforms: all
    description: It talks to Boomi from the controller, whatever the hosts are.
seealso:
  - module: boomi.platform.boomi_role_plan
  - module: boomi.platform.boomi_pack_release
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Package, pack and release once for the play
  boomi.platform.boomi_role_release:
    plan: "{{ plan }}"
  run_once: true
  register: release
"""

RETURN = r"""
packages:
  description: Per component, M(boomi.platform.boomi_packaged_component)'s RV(boomi.platform.boomi_packaged_component#module:packaged_component).
  returned: success
  type: list
  elements: dict
integration_pack:
  description: The pack after the release, as M(boomi.platform.boomi_pack_release) returns it.
  returned: success
  type: dict
release:
  description: M(boomi.platform.boomi_pack_release)'s RV(boomi.platform.boomi_pack_release#module:release).
  returned: success
  type: dict
removed:
  description: Ids of the components the pack drops at this release (C(boomi_purge_components)).
  returned: success
  type: list
  elements: str
expected_versions:
  description: Component id to the version now released (what the promote role checks with C(boomi_expected_versions)).
  returned: success
  type: dict
"""
