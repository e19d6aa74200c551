# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: drift_report
short_description: The report of what runs where, from boomi_deployed_package_info and the inventory
version_added: "0.1.0"
description:
  - Turns the result of M(boomi.platform.boomi_deployed_package_info) run with O(boomi.platform.boomi_deployed_package_info#module:integration_pack)
    (or C(integration_pack_id)) into the report of C(playbooks/report.yml). It says when it was made, the account, the
    pack, its current release, and per environment (with its inventory host) per component the active version, the
    released version and a state.
  - States of the pack's members, first match wins. C(held) the host sets C(boomi_hold). C(pinned) the host's
    C(boomi_pinned_versions) names the component at its active version. C(rolled back) the active deployment is a
    rollback recorded in Boomi (its notes carry C([rollback-from=<version>])) and the released package is not
    active; the row names the versions (C(rolled_back_from), C(rolled_back_to)). Else C(current), C(older),
    C(newer) (another package is active, made before or after the released one) or C(missing).
  - Components active in an environment that are not in the pack's current release are listed apart, in
    C(not_in_pack), and do not change the environment's verdict.
  - The keys are stable and documented in C(docs/report-schema.md) (with a JSON Schema,
    C(docs/report-schema.json)); C(playbooks/report.yml) publishes exactly this with C(set_stats) as
    C(boomi_report), and writes it with P(boomi.platform.format_report#filter).
  - Reads nothing from Boomi.
options:
  _input:
    description: The registered result of M(boomi.platform.boomi_deployed_package_info) with a pack.
    type: dict
    required: true
  hostvars:
    description: Variables by inventory host name (Ansible's C(hostvars)); each host of O(hosts) is read for
      C(boomi_environment_id), C(boomi_hold) and C(boomi_pinned_versions).
    type: dict
  hosts:
    description: The inventory hosts the report covers (for example C(ansible_play_hosts)). Environments without a
      host have C(inventory_hostname) V(null) and are neither held nor pinned.
    type: list
    elements: str
  timestamp:
    description: When the report was made, in UTC, ISO 8601 (C(2026-12-06T06:30:00Z)). Default now.
    type: str
  extensions:
    description:
      - Per inventory host, the lines of its environment's extension values that differ from its
        C(boomi_environment_extensions) (RV(boomi.platform.boomi_environment_extensions#module:changes) of a check-mode
        run); each environment gets them as C(extension_drift). Secrets appear only as set or not set.
    type: dict
seealso:
  - module: boomi.platform.boomi_deployed_package_info
  - plugin: boomi.platform.format_report
    plugin_type: filter
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Read every environment's drift at once
  boomi.platform.boomi_deployed_package_info:
    environment_ids: "{{ ansible_play_hosts | map('extract', hostvars, 'boomi_environment_id') | list }}"
    integration_pack: Order Processing Pack
  run_once: true
  register: drift

- name: Make the report, with held and pinned hosts
  ansible.builtin.set_fact:
    report: "{{ drift | boomi.platform.drift_report(hostvars=hostvars, hosts=ansible_play_hosts) }}"
  run_once: true

- name: Environments not on the release
  ansible.builtin.debug:
    msg: "{{ report.environments | rejectattr('on_release') | map(attribute='environment_name') | list }}"
  run_once: true
"""

RETURN = r"""
_value:
  description: The report; docs/report-schema.md describes every key.
  type: dict
  contains:
    schema_version:
      description: Version of the report's layout; 1.
      type: int
    generated_at:
      description: When the report was made, UTC, ISO 8601.
      type: str
      sample: "2026-12-06T06:30:00Z"
    account_id:
      description: The account read.
      type: str
    integration_pack:
      description: The pack, C(id) and C(name).
      type: dict
    release:
      description: The pack's current release, C(components) ([{component_id, component_name, version, package_id}])
        and C(became_current), V(null) because Boomi's integration pack carries no release date.
      type: dict
    summary:
      description: Number of environments, on the release, held, and of components per state.
      type: dict
    environments:
      description: One entry per environment, with C(components) (the pack's members, each with its state) and
        C(not_in_pack) (other active components).
      type: list
      elements: dict
"""

from datetime import datetime, timezone

from ansible.errors import AnsibleFilterError
from ansible.module_utils.common.text.converters import to_text
from ansible.module_utils.parsing.convert_bool import boolean

from ansible_collections.boomi.platform.plugins.module_utils import drift

SCHEMA_VERSION = 1


def _get(variables, name, default=None):
    try:
        value = variables[name]
    except (KeyError, TypeError):
        return default
    return default if value is None else value


def _host(name, variables):
    """{inventory_hostname, environment_id, hold, pinned_versions} of one host, its variables checked."""
    hold = _get(variables, "boomi_hold", False)
    try:
        hold = boolean(hold, strict=True)
    except TypeError:
        raise AnsibleFilterError("host %s: boomi_hold must be true or false, not %r" % (name, hold))
    pins = _get(variables, "boomi_pinned_versions", {})
    if not hasattr(pins, "items"):
        raise AnsibleFilterError("host %s: boomi_pinned_versions must be a mapping {component_id: version}" % name)
    for component_id, version in pins.items():
        if not isinstance(version, str):
            raise AnsibleFilterError("host %s: boomi_pinned_versions.%s is %r, not a string; quote the version"
                                     % (name, component_id, version))
    return {"inventory_hostname": name, "environment_id": _get(variables, "boomi_environment_id"), "hold": hold,
            "pinned_versions": dict((to_text(c), to_text(v)) for c, v in pins.items())}


def _hosts_by_environment(hostvars, hosts):
    found = {}
    for name in hosts or []:
        host = _host(to_text(name), (hostvars or {}).get(name) or {})
        found.setdefault(host["environment_id"], host)
    return found


def _summary(environments):
    counts = dict((state, sum(e["counts"][state] for e in environments)) for state in drift.VERDICTS)
    return {"environments": len(environments), "on_release": sum(1 for e in environments if e["on_release"]),
            "held": sum(1 for e in environments if e["held"]), "counts": counts}


def _extension_drift(environments, extensions):
    """Each environment's extension values that differ from its host's boomi_environment_extensions: the change
    lines of boomi_environment_extensions in check mode ({host: lines}), secrets only as set or not set."""
    for environment in environments:
        environment["extension_drift"] = list((extensions or {}).get(environment.get("inventory_hostname")) or [])


def drift_report(info, hostvars=None, hosts=None, timestamp=None, extensions=None):
    if not hasattr(info, "get") or "drift" not in info or "integration_pack" not in info:
        raise AnsibleFilterError("drift_report takes the registered result of boomi.platform.boomi_deployed_package_info "
                                 "run with integration_pack or integration_pack_id")
    pack = info["integration_pack"]
    components = list(pack.get("released_components") or [])
    by_environment = _hosts_by_environment(hostvars, hosts)
    environments = [drift.environment_verdict(entry, by_environment.get(entry["environment_id"]))
                    for entry in info["drift"]]
    _extension_drift(environments, extensions)
    return {"schema_version": SCHEMA_VERSION,
            "generated_at": timestamp or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "account_id": info.get("account_id"),
            "integration_pack": {"id": pack.get("id"), "name": pack.get("name")},
            # Boomi says when a release became current only to whoever holds its request id (ReleaseIntegrationPackStatus)
            "release": {"became_current": None, "components": components},
            "summary": _summary(environments),
            "environments": environments}


class FilterModule(object):
    def filters(self):
        return {"drift_report": drift_report}
