# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: installed_collections
short_description: Which of some collections this Ansible run can load
version_added: "0.1.0"
description:
  - Returns the names of the input that Ansible can load plugins from in this run, in the input's order, looked up
    the way Ansible resolves a module's FQCN (configured collection paths, collections installed with Python,
    collections next to the playbook).
  - C(playbooks/aap_configure.yml) uses it to check for C(awx.awx) or C(ansible.controller) before anything else, so
    a missing collection is named instead of failing on the first module Ansible cannot resolve.
options:
  _input:
    description: Collection names, C(namespace.name).
    type: list
    elements: str
    required: true
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Fail unless awx.awx or ansible.controller is installed
  ansible.builtin.assert:
    that: "['awx.awx', 'ansible.controller'] | boomi.platform.installed_collections | length > 0"
    fail_msg: Install awx.awx (AWX) or ansible.controller (Automation Platform)
"""

RETURN = r"""
_value:
  description: The names of the input that are installed, in the input's order.
  type: list
  elements: str
"""

import importlib.util
import re

from ansible.errors import AnsibleFilterError

NAME = re.compile(r"^[a-z0-9_]+\.[a-z0-9_]+$", re.I)


def _installed(name):
    try:
        return importlib.util.find_spec("ansible_collections." + name) is not None
    except (ImportError, ValueError):
        return False


def installed_collections(names):
    if isinstance(names, str) or not isinstance(names, (list, tuple)):
        raise AnsibleFilterError("installed_collections takes a list of collection names, such as ['awx.awx']")
    bad = [n for n in names if not isinstance(n, str) or not NAME.match(n)]
    if bad:
        raise AnsibleFilterError("installed_collections: %s is not a collection name (namespace.name)" % bad[0])
    return [name for name in names if _installed(name)]


class FilterModule(object):
    def filters(self):
        return {"installed_collections": installed_collections}
