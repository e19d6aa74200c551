# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""package_and_deploy's release step: package each component, put them in the pack, release it.

The modules boomi_packaged_component, boomi_integration_pack and boomi_pack_release run in this process, one
after the other, with their own argument validation, check mode and masking (see steps.py). Overlapping runs
that each created a pack of this name: the release resolves the pack by name, and when another run's pack
counts instead, this run deletes the pack it created itself (boomi_integration_pack's survivor rule).
"""

from __future__ import annotations

import json
import os
import tempfile

from ansible_collections.boomi.platform.plugins.module_utils.errors import BoomiError, UsageError
from ansible_collections.boomi.platform.plugins.modules import boomi_integration_pack as pack_module
from ansible_collections.boomi.platform.plugins.modules import boomi_pack_release as release_module
from ansible_collections.boomi.platform.plugins.modules import boomi_packaged_component as package_module
from ansible_collections.boomi.platform.plugins.plugin_utils.steps import Steps


def release(client, args, outcome):
    """(changed, result, diff) of packaging, packing and releasing what the plan's ``release`` asks; a failure names
    the pack and says what this step changed before it (the module's own message follows)."""
    try:
        return make_release(client, args, outcome)
    except BoomiError as exc:
        exc.message = "Package, pack and release of integration pack %r: %s%s" % (
            args["plan"]["release"]["integration_pack"], exc.message,
            "" if not outcome.changed else " (what this step wrote before it stands; a re-run goes on from there)")
        raise


def make_release(client, args, outcome):
    plan = args["plan"]
    wanted, names = plan["release"], plan.get("component_names") or {}
    steps = Steps(client, args, outcome)
    packages = [package_step(steps, item) for item in wanted["components"]]
    pack_changed, pack, pack_diff = steps.run(pack_module, name=wanted["integration_pack"],
                                              description=wanted["description"],
                                              installation_type=wanted["installation_type"],
                                              packaged_components=[c["component_id"] for c in wanted["components"]],
                                              purge_packaged_components=wanted["purge"])
    removed = [m["component_id"] for m in pack["integration_pack"].get("packaged_components") or [] if m["deleted"]]
    release_changed, released = steps.run(
        release_module, integration_pack=wanted["integration_pack"], release_schedule=wanted["schedule"],
        release_on_date=wanted["on_date"], wait_timeout=wanted["wait_timeout"], poll_interval=wanted["poll_interval"],
        allow_downgrade=wanted["allow_downgrade"],
        components=[{"component_id": c["component_id"], "version": c["package_version"]} for c in wanted["components"]])[:2]
    drop_twin(steps, pack.get("created_id"), released)
    result = {"packages": [p["packaged_component"] for _changed, p in packages], "removed": removed,
              "integration_pack": released.get("integration_pack") or pack["integration_pack"],
              "release": released["release"]}
    # check mode cannot see a removal the pack step only planned: the release that drops it is a change too
    changed = steps.changed or bool(outcome.check_mode and removed)
    result["expected_versions"] = dict((c["component_id"], c["version"]) for c in result["release"]["released_components"])
    result["ansible_stats"] = {"data": stats(result), "per_host": False, "aggregate": True}
    if wanted.get("expected_versions_path") and not outcome.check_mode:
        result["expected_versions_path"] = write_expected(wanted["expected_versions_path"], result["expected_versions"])
    diff = describe(wanted, names, [c for c, _p in packages], pack_lines(wanted, names, pack_changed, pack_diff, removed),
                    pack["integration_pack"] if release_changed else None)
    return changed, result, {"prepared": diff if changed else ""}


def package_step(steps, item):
    return steps.run(package_module, component_id=item["component_id"], package_version=item["package_version"],
                     notes=item["notes"], notes_conflict="warn", shareable=True)[:2]


def drop_twin(steps, created_id, released):
    """When another run's pack of this name counts (it has a release, or the smaller id), delete our own copy."""
    counted = (released.get("integration_pack") or {}).get("id")
    if created_id and counted and counted != created_id:
        steps.run(pack_module, id=created_id, state="absent")


def write_expected(path, versions):
    """The released versions as the extra-vars file promote takes (-e @file), written whole or not at all."""
    path = os.path.abspath(os.path.expanduser(path))
    folder = os.path.dirname(path)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".boomi-expected-", suffix=".json")
        with os.fdopen(handle, "w") as out:
            json.dump({"boomi_expected_versions": versions}, out, indent=2, sort_keys=True)
            out.write("\n")
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        raise UsageError("boomi_expected_versions_path %s: cannot write it (%s); the release itself is made, so "
                         "re-run with a writable path, or take boomi_expected_versions from the set_stats of this run"
                         % (path, exc.strerror or exc))
    return path


def stats(result):
    """What AWX hands the next workflow node (set_stats): the packages, the pack, the release, its versions."""
    return {"boomi_packages": result["packages"], "boomi_integration_pack": result["integration_pack"],
            "boomi_release": result["release"], "boomi_expected_versions": result["expected_versions"]}


def pack_lines(wanted, names, changed, diff, removed):
    """The pack's changes, by component name: created, members joining, members leaving at this release."""
    if not changed:
        return []
    before = (diff or {}).get("before") or {}
    members = set(m["component_id"] for m in before.get("packaged_components") or [] if not m.get("deleted"))
    lines = ["  create the pack (%s-install)" % wanted["installation_type"]] if not before.get("id") and not before.get(
        "name") else []
    lines += ["  add %s to the pack" % names.get(c["component_id"], c["component_id"])
              for c in wanted["components"] if c["component_id"] not in members]
    return lines + ["  remove %s from the pack" % names.get(c, c) for c in removed]


def describe(wanted, names, created, pack_changes, pack_before_release):
    """The step's --diff, by component name: new packages, the pack's changes, each version the release moves."""
    def name(component):
        return names.get(component, component)

    lines = ["  package %s %s (new)" % (name(item["component_id"]), item["package_version"])
             for item, made in zip(wanted["components"], created) if made]
    lines += pack_changes
    if pack_before_release is not None:
        before = dict((m["component_id"], m.get("current_version"))
                      for m in pack_before_release.get("packaged_components") or [])
        when = " (scheduled for %s)" % wanted["on_date"] if wanted["schedule"] == "on_date" else ""
        lines += ["  release %s: %s \u2192 %s%s" % (name(c["component_id"]), before.get(c["component_id"]) or "(none)",
                                                    c["package_version"], when)
                  for c in wanted["components"] if before.get(c["component_id"]) != c["package_version"]]
    return "%s:\n%s\n" % (wanted["integration_pack"], "\n".join(lines) or "  the pack's description")
