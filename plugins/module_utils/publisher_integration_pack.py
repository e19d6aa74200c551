# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""PublisherIntegrationPack: a publisher's pack and its member components.

Members are components, not package versions. A member marked ``deleted`` is pending removal:
it leaves the pack at the next release, so it is not a member any more.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component
from ansible_collections.boomi.platform.plugins.module_utils.fieldmap import Choice, Field, FieldMap
from ansible_collections.boomi.platform.plugins.module_utils.query import eq, not_null

OBJECT = "PublisherIntegrationPack"
INSTALLATION_TYPES = {"single": "SINGLE", "multi": "MULTI"}
MAX_COMPONENTS = 100
MAX_DESCRIPTION = 500


def _version(value):
    return value or None  # Boomi sends "" for "no version"


MEMBER_FIELDS = FieldMap(
    Field("componentId", "component_id"),
    Field("componentName", "component_name"),
    Field("componentType", "component_type"),
    Field("currentVersion", "current_version", to_result=_version),
    Field("pendingVersion", "pending_version", to_result=_version),
    Field("latestVersion", "latest_version", to_result=_version),
    Field("deleted", "deleted", to_result=bool),
)


def members(pack):
    """Every PublisherPackagedComponent entry, pending removals included, keyed by component id."""
    wrapper = pack.get("PublisherPackagedComponents") or {}
    items = wrapper.get("PublisherPackagedComponent") or []
    if isinstance(items, dict):
        items = [items]
    return dict((m["componentId"], m) for m in items)


def active_members(pack):
    """Members that stay in the pack (entries marked deleted are pending removal)."""
    return dict((cid, m) for cid, m in members(pack).items() if not m.get("deleted"))


def with_members(pack, entries):
    """The pack with its member list replaced by ``entries``."""
    return dict(pack, PublisherPackagedComponents={"PublisherPackagedComponent": list(entries)})


FIELDS = FieldMap(
    Field("id", "id"),
    Field("name", "name"),
    Field("Description", "description"),
    Choice("installationType", "installation_type", INSTALLATION_TYPES),
    Field("PublisherPackagedComponents", "packaged_components",
          to_result=lambda wrapper: [MEMBER_FIELDS.result(m) for m in members({"PublisherPackagedComponents": wrapper}).values()]),
)


def result(pack):
    return FIELDS.result(pack)


def create_body(name, description, installation_type):
    return FIELDS.body({"name": name, "description": description, "installation_type": installation_type},
                       ("name", "description", "installation_type"))


def membership_body(pack, name, description, component_ids):
    """An ADD update: Boomi keeps exactly the listed components; the omitted become pending removal."""
    return {"id": pack["id"], "name": name, "installationType": pack["installationType"], "Description": description,
            "operationType": "ADD",
            "PublisherPackagedComponents": {"PublisherPackagedComponent": [{"componentId": c} for c in component_ids]}}


def find(client, pack_id=None, name=None, option="integration_pack_id"):
    """A pack by id (an unknown id fails, naming ``option``) or by exact name (None if missing; several
    packs with the name resolve to the survivor, see ``survivor``)."""
    if pack_id:
        pack = client.get_or_none(OBJECT, pack_id)
        if pack is None:
            raise_unknown_id(client, pack_id, option)
        return pack
    matches = find_all(client, name)
    return survivor(matches, name) if matches else None


def find_settled(client, name, settle=True):
    """``find`` by name for a task about to release: when twins exist and none has a release yet, another
    run's release may be in flight (Boomi shows it only once it succeeds), so look again after
    write_settle_seconds before the smallest id decides. ``settle`` False (check mode, which releases
    nothing) decides at once."""
    matches = find_all(client, name)
    if settle and len(matches) > 1 and not any(has_release(p) for p in matches):
        client.sleep(client.settings.write_settle_seconds)
        return find(client, name=name)
    return survivor(matches, name) if matches else None


def gone(client, pack):
    """Whether ``pack`` no longer exists (an overlapping run deleted it)."""
    return client.get_or_none(OBJECT, pack["id"]) is None


def has_release(pack):
    return any(m.get("currentVersion") for m in members(pack).values())


def survivor(packs, name):
    """Of packs sharing a name (overlapping runs each created one), the one that counts: the pack with a
    release, else the smallest id. Several packs with releases cannot be told apart: fail, listing them."""
    released = [p for p in packs if has_release(p)]
    if len(released) > 1:
        raise UsageError("%d integration packs are named %r and have releases (ids: %s); pass the one you mean by id"
                         % (len(released), name, ", ".join(p["id"] for p in released)))
    return released[0] if released else min(packs, key=lambda p: p["id"])


def require(client, pack_id=None, name=None, option="integration_pack_id"):
    pack = find(client, pack_id, name, option)
    if pack is None:
        raise UsageError("No integration pack named %r in this account; create it with "
                         "boomi.platform.boomi_integration_pack" % name)
    return pack


def raise_unknown_id(client, ident, option):
    """``ident`` is no pack: say what it is instead (the seed's pitfall: a package id passed as a pack id)."""
    package = client.get_or_none(packaged_component.OBJECT, ident)
    if package is not None:
        raise UsageError(
            "%s %s is a packaged component id (component %s, version %s), not an integration pack id; pass the "
            "pack's id (returned by boomi.platform.boomi_integration_pack as integration_pack.id)"
            % (option, ident, package.get("componentId"), package.get("packageVersion")))
    raise UsageError("%s %s: no integration pack with that id in this account" % (option, ident))


def released_versions(pack):
    """[(component_id, current version)] of the members in the pack's current release."""
    return [(c, m["currentVersion"]) for c, m in members(pack).items() if m.get("currentVersion")]


# -- reading packs (the info module and the drift report) ----------------------------------------------
def find_all(client, name=None):
    """Every publisher pack of the account, or those with exactly that name."""
    if name is None:
        return client.query_all(OBJECT, not_null("id"))
    return [p for p in client.query(OBJECT, eq("name", name)) if p.get("name") == name]


def info_result(pack, packages):
    """The pack as ``result()`` shows it, each member with ``current_package_id``, the packaged component of
    its current version (``packages``: {(component_id, version): package})."""
    out = result(pack)
    for member in out["packaged_components"]:
        package = packages.get((member["component_id"], member["current_version"])) or {}
        member["current_package_id"] = package.get("packageId")
    return out
