# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Drift: per environment and per member of an integration pack, the released package against the active one.

States: ``current`` (the released package is active), ``older`` / ``newer`` (another package of the
component is active, created before / after the released one, by ``PackagedComponent.createdDate``;
for example after a rollback or a hotfix), ``missing`` (released, nothing active) and ``extra``
(active, and not in the pack's current release: no member, a member pending removal, or a member
never released). Reads nothing per environment: the caller passes every environment's deployments.

The report (playbooks/report.yml, the ``drift_report`` filter) gives each released member a verdict from its
drift state and the inventory host: ``held`` (the host's ``boomi_hold``), ``pinned`` (the host's
``boomi_pinned_versions`` names the component at its active version), ``rolled back`` (the active deployment's
notes record a rollback, ``[rollback-from=<version>]``, and the released package is not the active one), else the
drift state; ``extra`` components are listed apart, as not in this pack, and do not change the verdict.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils import environment as environment_api
from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component
from ansible_collections.boomi.platform.plugins.module_utils.deployment_plan import rolled_back_from

STATES = ("current", "older", "newer", "missing", "extra")
VERDICTS = ("current", "older", "newer", "missing", "held", "pinned", "rolled back")


def released_members(pack):
    """{component_id: member} of the pack's current release (members pending removal are not in it)."""
    return dict((cid, m) for cid, m in publisher_integration_pack.members(pack).items()
                if m.get("currentVersion") and not m.get("deleted"))


def read_packages(client, members, deployments):
    """({component_id: released package id}, {package_id: package}): the released packages in one query,
    and the other active packages of members (whose dates decide older or newer) in one bulk GET per 100."""
    by_pair = packaged_component.find_many(client, [(cid, m["currentVersion"]) for cid, m in members.items()])
    released = dict((cid, p["packageId"]) for (cid, _version), p in by_pair.items())
    packages = dict((p["packageId"], p) for p in by_pair.values())
    others = [d["packageId"] for d in deployments if d.get("componentId") in members and d["packageId"] not in packages]
    if others:
        packages.update((ident, p) for ident, p in client.bulk_get(packaged_component.OBJECT, others).items() if p)
    return released, packages


def _age(package):
    """Sort key: created date, then the component revision (two packages made in the same second)."""
    try:
        revision = float(package.get("componentVersion") or 0)
    except (TypeError, ValueError):
        revision = 0.0
    return (package.get("createdDate") or "", revision)


def state_of(deployment, member, released_id, packages):
    if deployment is None:
        return "missing"
    if deployment["packageId"] == released_id:
        return "current"
    released = packages.get(released_id)
    if released is None:  # Boomi lost the released package: fall back on the version label
        return "current" if deployment.get("packageVersion") == member["currentVersion"] else "older"
    return "newer" if _age(packages.get(deployment["packageId"]) or {}) > _age(released) else "older"


def _row(component_id, name, member, released_id, deployment, state):
    deployment = deployment or {}
    return {"component_id": component_id, "component_name": name,
            "released_version": (member or {}).get("currentVersion"), "released_package_id": released_id,
            "active_version": deployment.get("packageVersion"), "active_package_id": deployment.get("packageId"),
            "deployment_id": deployment.get("deploymentId"), "rolled_back_from": rolled_back_from(deployment),
            "state": state}


def environment_report(environment, members, active, names, released, packages):
    """The drift of one environment; ``active`` is {component_id: active deployment} there."""
    active = dict(active)
    rows = []
    for cid, member in members.items():
        deployment = active.pop(cid, None)
        rows.append(_row(cid, names.get(cid), member, released.get(cid), deployment,
                         state_of(deployment, member, released.get(cid), packages)))
    for cid, deployment in active.items():
        rows.append(_row(cid, names.get(cid), None, None, deployment, "extra"))
    rows.sort(key=lambda r: ((r["component_name"] or "").lower(), r["component_id"]))
    shown = environment_api.result(environment)
    released_rows = [r for r in rows if r["released_version"]]
    return {"environment_id": shown["id"], "environment_name": shown["name"], "classification": shown["classification"],
            "on_release": bool(released_rows) and all(r["state"] == "current" for r in released_rows),
            "counts": dict((state, sum(1 for r in rows if r["state"] == state)) for state in STATES),
            "components": rows}


def report(environments, members, deployments, names, released, packages):
    """[drift per environment], in the order of ``environments``."""
    by_environment = {}
    for deployment in deployments:
        if deployment.get("active"):
            by_environment.setdefault(deployment["environmentId"], {})[deployment["componentId"]] = deployment
    return [environment_report(e, members, by_environment.get(e["id"], {}), names, released, packages)
            for e in environments]


def released_components(members, names, released):
    """The pack's current release: [{component_id, component_name, version, package_id}] by component name."""
    rows = [{"component_id": cid, "component_name": names.get(cid) or member.get("componentName"),
             "version": member["currentVersion"], "package_id": released.get(cid)} for cid, member in members.items()]
    return sorted(rows, key=lambda r: ((r["component_name"] or "").lower(), r["component_id"]))


# -- the report: drift entries seen from the inventory -------------------------------------------------
def verdict(row, hold=False, pinned=None):
    """The report's state of one released member's drift row. ``pinned`` is the version the host pins the
    component to (None when it pins nothing)."""
    if hold:
        return "held"
    if pinned is not None and row["active_version"] is not None and pinned == row["active_version"]:
        return "pinned"
    if row["state"] != "current" and row.get("rolled_back_from"):
        return "rolled back"
    return row["state"]


def _member_row(row, hold, pins):
    state = verdict(row, hold, pins.get(row["component_id"]))
    rolled_back = state == "rolled back"
    return {"component_id": row["component_id"], "component_name": row["component_name"],
            "active_version": row["active_version"], "active_package_id": row["active_package_id"],
            "released_version": row["released_version"], "released_package_id": row["released_package_id"],
            "deployment_id": row["deployment_id"], "state": state, "drift": row["state"],
            "pinned_version": pins.get(row["component_id"]),
            "rolled_back_from": row.get("rolled_back_from") if rolled_back else None,
            "rolled_back_to": row["active_version"] if rolled_back else None}


def _other_row(row):
    return {"component_id": row["component_id"], "component_name": row["component_name"],
            "active_version": row["active_version"], "active_package_id": row["active_package_id"],
            "deployment_id": row["deployment_id"]}


def environment_verdict(entry, host=None):
    """One environment of the report: an entry of ``report()`` (a drift entry) and its inventory host
    ({inventory_hostname, hold, pinned_versions}, or None when the environment has no host)."""
    host = host or {}
    hold, pins = bool(host.get("hold")), dict(host.get("pinned_versions") or {})
    rows = [_member_row(r, hold, pins) for r in entry["components"] if r["state"] != "extra"]
    others = [_other_row(r) for r in entry["components"] if r["state"] == "extra"]
    on_release = bool(rows) and all(r["drift"] == "current" for r in rows)
    return {"environment_id": entry["environment_id"], "environment_name": entry["environment_name"],
            "classification": entry["classification"], "inventory_hostname": host.get("inventory_hostname"),
            "verdict": "held" if hold else ("on the release" if on_release else "not on the release"),
            "on_release": on_release, "held": hold,
            "counts": dict((state, sum(1 for r in rows if r["state"] == state)) for state in VERDICTS),
            "components": rows, "not_in_pack": others}
