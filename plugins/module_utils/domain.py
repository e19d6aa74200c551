# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Lookups and result shapes for the lifecycle objects, shared by the modules.

Boomi speaks camelCase with its own capitalisation (``Description``); modules return snake_case.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError

PACKAGE = "PackagedComponent"
PACK = "PublisherIntegrationPack"
RELEASE = "ReleaseIntegrationPack"
RELEASE_STATUS = "ReleaseIntegrationPackStatus"
DEPLOYMENT = "DeployedPackage"
ENVIRONMENT = "Environment"


# -- query expressions -------------------------------------------------------------------------------
def eq(prop, value):
    text = str(value).lower() if isinstance(value, bool) else str(value)  # Boomi sends booleans as "true"
    return {"property": prop, "operator": "EQUALS", "argument": [text]}


def all_of(*expressions):
    return expressions[0] if len(expressions) == 1 else {"operator": "and", "nestedExpression": list(expressions)}


def any_of(*expressions):
    return expressions[0] if len(expressions) == 1 else {"operator": "or", "nestedExpression": list(expressions)}


# -- packaged components -------------------------------------------------------------------------------
def find_package(client, component_id, version):
    """The package of that component and version, deleted or not; None if there is none."""
    found = client.query_all(PACKAGE, all_of(eq("componentId", component_id), eq("packageVersion", version)))
    return found[0] if found else None


def find_packages(client, pairs):
    """Packages for many (component_id, version) pairs in one query: {(component_id, version): package}."""
    pairs = sorted(set(pairs))
    if not pairs:
        return {}
    expression = any_of(*[all_of(eq("componentId", c), eq("packageVersion", v)) for c, v in pairs])
    return dict(((p["componentId"], p["packageVersion"]), p) for p in client.query(PACKAGE, expression))


def shareable_packages(client, component_id):
    """Every live shareable package of a component, oldest first."""
    expression = all_of(eq("componentId", component_id), eq("shareable", True))
    return [p for p in client.query(PACKAGE, expression) if not p.get("deleted")]


def package_result(package):
    if package is None:
        return {}
    return {
        "package_id": package.get("packageId"),
        "component_id": package.get("componentId"),
        "package_version": package.get("packageVersion"),
        "component_version": _number_text(package.get("componentVersion")),
        "component_type": package.get("componentType"),
        "notes": package.get("notes"),
        "shareable": package.get("shareable"),
        "branch_name": package.get("branchName"),
        "created_date": package.get("createdDate"),
        "created_by": package.get("createdBy"),
        "deleted": bool(package.get("deleted", False)),
    }


def same_number(left, right):
    """Boomi sends componentVersion as 2 or "2.0": compare as numbers."""
    try:
        return float(left) == float(right)
    except (TypeError, ValueError):
        return str(left) == str(right)


def _number_text(value):
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return str(int(number)) if number == int(number) else str(number)


# -- integration packs ---------------------------------------------------------------------------------
def find_pack(client, pack_id=None, name=None, option="integration_pack_id"):
    """A publisher integration pack by id or exact name; None if missing. Several by name: fail."""
    if pack_id:
        pack = client.get_or_none(PACK, pack_id)
        if pack is None:
            explain_wrong_id(client, pack_id, option)
        return pack
    matches = [p for p in client.query(PACK, eq("name", name)) if p.get("name") == name]
    if len(matches) > 1:
        raise UsageError("%d integration packs are named %r (ids: %s); pass the one you mean by id"
                         % (len(matches), name, ", ".join(p["id"] for p in matches)))
    return matches[0] if matches else None


def require_pack(client, pack_id=None, name=None, option="integration_pack_id"):
    pack = find_pack(client, pack_id, name, option)
    if pack is None:
        raise UsageError("No integration pack %s in this account; create it with boomi.platform.boomi_integration_pack"
                         % ("with id %s" % pack_id if pack_id else "named %r" % name))
    return pack


def pack_members(pack):
    """Every PublisherPackagedComponent entry, pending removals included, keyed by component id."""
    wrapper = pack.get("PublisherPackagedComponents") or {}
    items = wrapper.get("PublisherPackagedComponent") or []
    if isinstance(items, dict):
        items = [items]
    return dict((m["componentId"], m) for m in items)


def active_members(pack):
    """Members that stay in the pack: entries marked deleted are pending removal, not members."""
    return dict((cid, m) for cid, m in pack_members(pack).items() if not m.get("deleted"))


def pack_result(pack):
    if pack is None:
        return {}
    return {
        "id": pack.get("id"),
        "name": pack.get("name"),
        "description": pack.get("Description"),
        "installation_type": (pack.get("installationType") or "").lower() or None,
        "packaged_components": [member_result(m) for m in pack_members(pack).values()],
    }


def member_result(member):
    return {
        "component_id": member.get("componentId"),
        "component_name": member.get("componentName"),
        "component_type": member.get("componentType"),
        "current_version": member.get("currentVersion") or None,
        "pending_version": member.get("pendingVersion") or None,
        "latest_version": member.get("latestVersion") or None,
        "deleted": bool(member.get("deleted", False)),
    }


# -- the seed's pitfall: an id in the wrong option --------------------------------------------------------
def explain_wrong_id(client, ident, option):
    """Called when ``ident`` is not what ``option`` expects: say what it is instead, if we can tell."""
    if option in ("integration_pack_id", "id"):
        package = client.get_or_none(PACKAGE, ident)
        if package is not None:
            raise UsageError(
                "%s %s is a packaged component id (component %s, version %s), not an integration pack id; pass the "
                "pack's id (returned by boomi.platform.boomi_integration_pack as integration_pack.id)"
                % (option, ident, package.get("componentId"), package.get("packageVersion")))
        raise UsageError("%s %s: no integration pack with that id in this account" % (option, ident))
    if option in ("package_id", "package_ids"):
        pack = client.get_or_none(PACK, ident)
        if pack is not None:
            raise UsageError(
                "%s %s is the id of integration pack %r, not a packaged component id; deploy a pack with "
                "integration_pack_id (it deploys each released component's package), or pass packaged component ids"
                % (option, ident, pack.get("name")))
        raise UsageError("%s %s: no packaged component with that id in this account" % (option, ident))
    raise UsageError("%s %s does not exist in this account" % (option, ident))


# -- deployments -----------------------------------------------------------------------------------------
def active_deployments(client, environment_id):
    """{package_id: deployment} of what is active in the environment: one query."""
    expression = all_of(eq("environmentId", environment_id), eq("active", True))
    return dict((d["packageId"], d) for d in client.query(DEPLOYMENT, expression))


def deployment_result(deployment, changed):
    return {
        "component_id": deployment.get("componentId"),
        "package_id": deployment.get("packageId"),
        "package_version": deployment.get("packageVersion"),
        "deployment_id": deployment.get("deploymentId"),
        "version": deployment.get("version"),
        "active": deployment.get("active"),
        "listener_status": (deployment.get("listenerStatus") or "").lower() or None,
        "changed": changed,
    }
