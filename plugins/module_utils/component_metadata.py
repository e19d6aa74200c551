# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""ComponentMetadata: a component's name, type and folder, read-only for this collection.

Boomi builds components in its UI. Packaged components and deployments carry a component's id and
type but not its name, so the info modules read names here: a bulk GET answers each component's
latest revision, up to 100 ids per request.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.fieldmap import Field, FieldMap

OBJECT = "ComponentMetadata"

FIELDS = FieldMap(
    Field("componentId", "component_id"),
    Field("name", "component_name"),
    Field("type", "component_type"),
    Field("folderName", "folder_name"),
    Field("deleted", "deleted", to_result=bool),
)


SUMMARY_FIELDS = FieldMap(
    FIELDS.by_name["component_id"], FIELDS.by_name["component_name"], FIELDS.by_name["component_type"],
    Field("version", "version", to_result=lambda value: int(float(value)) if value not in (None, "") else None),
    FIELDS.by_name["folder_name"], FIELDS.by_name["deleted"],
)


def result(metadata):
    return FIELDS.result(metadata)


def summary(metadata):
    """A component as boomi_component_info returns it: id, name, type, latest revision, folder, deleted."""
    return SUMMARY_FIELDS.result(metadata)


def latest(client, component_ids):
    """{component_id: latest revision, or None for an id that is no component} in one bulk GET per 100 ids."""
    ids = [ident for ident in dict.fromkeys(component_ids) if ident]
    return client.bulk_get(OBJECT, ids) if ids else {}


def names(client, component_ids, known=None):
    """{component_id: name}; ``known`` names (a pack answer carries its members' names) are not read again."""
    found = dict(known or {})
    missing = [ident for ident in component_ids if not found.get(ident)]
    for ident, metadata in latest(client, missing).items():
        found[ident] = (metadata or {}).get("name")
    return found


def labels(names, component_ids):
    """{component_id: label} for people: the component's name; its name and id where two of ``component_ids``
    share that name; the id alone when the name is unknown. ``names`` is {component_id: name}."""
    ids = list(dict.fromkeys(component_ids))
    taken = [names.get(ident) for ident in ids]
    out = {}
    for ident in ids:
        name = names.get(ident)
        if not name:
            out[ident] = ident
        elif taken.count(name) > 1:
            out[ident] = "%s (%s)" % (name, ident)
        else:
            out[ident] = name
    return out


def labelled(versions, labels_by_id):
    """{label: value} of {component_id: value}."""
    return dict((labels_by_id.get(ident, ident), value) for ident, value in versions.items())
