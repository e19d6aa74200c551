# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Drift: per environment and per member of an integration pack, the released package against the active one.

States: ``current`` (the released package is active), ``older`` / ``newer`` (another package of the
component is active, created before / after the released one, by ``PackagedComponent.createdDate``;
for example after a rollback or a hotfix), ``missing`` (released, nothing active) and ``extra``
(active, and not in the pack's current release: no member, a member pending removal, or a member
never released). Reads nothing per environment: the caller passes every environment's deployments.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils import environment as environment_api
from ansible_collections.boomi.platform.plugins.module_utils import integration_pack
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component

STATES = ("current", "older", "newer", "missing", "extra")


def released_members(pack):
    """{component_id: member} of the pack's current release (members pending removal are not in it)."""
    return dict((cid, m) for cid, m in integration_pack.members(pack).items()
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
            "deployment_id": deployment.get("deploymentId"), "state": state}


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
