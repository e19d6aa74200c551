# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""PackagedComponent: a component frozen at a version label, what packs release and environments run.

Boomi never reuses a (component, packageVersion) pair, deleted packages included, and never
changes a package after it is made.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.fieldmap import Field, FieldMap
from ansible_collections.boomi.platform.plugins.module_utils.query import all_of, any_of, eq

OBJECT = "PackagedComponent"


def number_text(value):
    """Boomi sends componentVersion as 2 or "2.0"; results show "2"."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return str(int(number)) if number == int(number) else str(number)


def same_number(left, right):
    """Compare componentVersion values as numbers (2 == "2.0")."""
    try:
        return float(left) == float(right)
    except (TypeError, ValueError):
        return str(left) == str(right)


FIELDS = FieldMap(
    Field("packageId", "package_id"),
    Field("componentId", "component_id"),
    Field("packageVersion", "package_version"),
    Field("componentVersion", "component_version", to_result=number_text, equal=same_number, quoted=False),
    Field("componentType", "component_type"),
    Field("notes", "notes", equal=lambda current, wanted: (current or "") == wanted),
    Field("shareable", "shareable"),
    Field("branchName", "branch_name"),
    Field("createdDate", "created_date"),
    Field("createdBy", "created_by"),
    Field("deleted", "deleted", to_result=bool),
)
CREATE_OPTIONS = ("component_id", "package_version", "shareable", "notes", "branch_name", "component_version")
IMMUTABLE_OPTIONS = ("shareable", "notes", "branch_name", "component_version")


def result(package):
    return FIELDS.result(package)


DIFF_FIELDS = ("package_version", "component_version", "notes", "shareable", "branch_name", "deleted")


def diff_fields(package):
    """What a diff shows of a package (or {} for none): its version and properties, without ids, dates or empty
    values; ``deleted`` only when it is deleted."""
    shown = result(package) if package else {}
    return dict((k, shown[k]) for k in DIFF_FIELDS if shown.get(k) not in (None, "") and (k != "deleted" or shown[k]))


def create_body(params):
    return FIELDS.body(params, CREATE_OPTIONS)


def restore_body(package):
    """Boomi restores a deleted package when it is created again with its packageId."""
    return {"packageId": package["packageId"], "componentId": package["componentId"],
            "packageVersion": package["packageVersion"]}


def find(client, component_id, version):
    """The package of that component and version, deleted or not; None if there is none."""
    found = client.query_all(OBJECT, all_of(eq("componentId", component_id), eq("packageVersion", version)))
    return found[0] if found else None


def find_many(client, pairs):
    """Packages for many (component_id, version) pairs in one query: {(component_id, version): package}."""
    pairs = sorted(set(pairs))
    if not pairs:
        return {}
    expression = any_of(*[all_of(eq("componentId", c), eq("packageVersion", v)) for c, v in pairs])
    return dict(((p["componentId"], p["packageVersion"]), p) for p in client.query(OBJECT, expression))


def shareable_versions(client, component_id):
    """Every live shareable package of a component, oldest first."""
    expression = all_of(eq("componentId", component_id), eq("shareable", True))
    return [p for p in client.query(OBJECT, expression) if not p.get("deleted")]


def is_live(package):
    return bool(package) and not package.get("deleted")


def is_live_shareable(package):
    return bool(package) and bool(package.get("shareable")) and not package.get("deleted")


# -- reading packages (the info module) ------------------------------------------------------------------
def find_versions(client, component_id, version=None):
    """Every package of a component (deleted ones included), oldest first; only ``version`` when given."""
    parts = [eq("componentId", component_id)]
    if version is not None:
        parts.append(eq("packageVersion", version))
    return [p for p in client.query(OBJECT, all_of(*parts))
            if p.get("componentId") == component_id and (version is None or p.get("packageVersion") == version)]


def info_result(package, component_name):
    """A package with its component's name (from ComponentMetadata; packages carry only the id)."""
    return dict(result(package), component_name=component_name)
