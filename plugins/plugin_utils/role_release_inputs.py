# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""package_and_deploy's release inputs, checked as typed and turned into what the release step runs.

Versions are checked on the values as YAML gave them (before anything could turn the number 1.1 into the text
"1.1"); every limit a module would enforce later (100 components, 500 characters of description, the release's
timing and date) is enforced here, naming the role variable, before the first write.
"""

from __future__ import annotations

import math
import os

from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.plugin_utils import role_checks as checks


def release_inputs(values, raw, problems):
    """{components, integration_pack, description, installation_type, purge, undeploy_removed, schedule, on_date,
    wait_timeout, poll_interval} for the release step; problems for everything a module would refuse."""
    out = {"components": components(raw, problems),
           "integration_pack": values.get("boomi_integration_pack_name"),
           "description": values.get("boomi_integration_pack_description"),
           "installation_type": values.get("boomi_integration_pack_installation_type") or "multi",
           "purge": bool(values.get("boomi_purge_components")),
           "allow_downgrade": bool(values.get("boomi_allow_downgrade")),
           "undeploy_removed": bool(values.get("boomi_undeploy_removed")),
           "schedule": values.get("boomi_release_schedule") or "immediately",
           "wait_timeout": values.get("boomi_release_wait_timeout"),
           "poll_interval": values.get("boomi_release_poll_interval"),
           "expected_versions_path": values.get("boomi_expected_versions_path")}
    if not isinstance(out["integration_pack"], str) or not out["integration_pack"].strip():
        problems.add("set boomi_integration_pack_name to the name of the integration pack")
    if out["description"] is not None and len(out["description"]) > pack_api.MAX_DESCRIPTION:
        problems.add("boomi_integration_pack_description is %d characters long; Boomi allows at most %d"
                     % (len(out["description"]), pack_api.MAX_DESCRIPTION))
    timing(out, problems)
    writable(out["expected_versions_path"], problems)
    day = checks.release_date(values, problems)
    out["on_date"] = day.isoformat() if day else None
    return out


def writable(path, problems):
    """The folder of boomi_expected_versions_path exists and is writable: checked before the release is made."""
    if not path:
        return
    folder = os.path.dirname(os.path.abspath(os.path.expanduser(path)))
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        problems.add("boomi_expected_versions_path %s: its folder %s does not exist or is not writable on the "
                     "controller; create it, or choose another path" % (path, folder))


def timing(out, problems):
    if out["wait_timeout"] is not None and out["wait_timeout"] < 1:
        problems.add("boomi_release_wait_timeout must be at least 1 second (the role deploys the release once it "
                     "completes), got %s" % out["wait_timeout"])
    interval = out["poll_interval"]
    if interval is not None and (not math.isfinite(interval) or interval <= 0):
        problems.add("boomi_release_poll_interval must be a number of seconds greater than 0, got %s" % interval)


def components(raw, problems):
    """[{component_id, package_version, notes}], each version as typed by the user, checked."""
    items = raw.get("boomi_components")
    if not isinstance(items, list) or not items:
        problems.add("boomi_components must be a non-empty list of {component_id, package_version}")
        return []
    if len(items) > checks.MAX_COMPONENTS:
        problems.add("boomi_components has %d components; an integration pack holds at most %d"
                     % (len(items), checks.MAX_COMPONENTS))
    out, seen = [], set()
    for index, item in enumerate(items):
        entry = component(index, item, raw, problems)
        if entry is None:
            continue
        if entry["component_id"] in seen:
            problems.add("boomi_components[%d]: component %s is listed twice" % (index, entry["component_id"]))
        seen.add(entry["component_id"])
        out.append(entry)
    return out


def component(index, item, raw, problems):
    label = "boomi_components[%d]" % index
    if not isinstance(item, dict) or not isinstance(item.get("component_id"), str) or not item["component_id"].strip():
        problems.add("%s needs a component_id (the id of a process component)" % label)
        return None
    if "package_version" in item:
        version, name = item["package_version"], label + ".package_version"
    elif "boomi_package_version" in raw:
        version, name = raw["boomi_package_version"], "boomi_package_version"
    else:
        problems.add("%s needs a package_version, or set boomi_package_version for every component" % label)
        return None
    problem = checks.version_problem(name, version)
    if problem:
        problems.add(problem)
        return None
    notes = item.get("notes") if item.get("notes") is not None else raw.get("boomi_package_notes")
    return {"component_id": item["component_id"], "package_version": version, "notes": notes or ""}
