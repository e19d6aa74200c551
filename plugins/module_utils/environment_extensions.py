# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""EnvironmentExtensions: an environment's values for the extensible fields of the processes deployed there.

An environment has one extensions document (its id is the environment id), plus one per extension group:
a process of a multi-install integration pack keeps its extensions under ``extensionGroupId`` (its
synthetic id), in a document whose id is not the environment id. A query by ``environmentId`` answers
them all. Boomi never returns an encrypted value (``usesEncryption``): ``encryptedValueSet`` says whether
one is set.

``view()`` turns a document into plain lists with our names, the one shape everything else here reads;
``result()`` is what modules return (encrypted values as ``********`` when set, never anything else).
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.errors import MASK, UsageError
from ansible_collections.boomi.platform.plugins.module_utils.query import any_of, eq

OBJECT = "EnvironmentExtensions"
ENVIRONMENTS_PER_QUERY = 100
KINDS = ("connections", "process_properties", "properties", "cross_references")
MAX_REFS = 20


# -- reading --------------------------------------------------------------------------------------------
def read(client, environment_id):
    """[document] of one environment, its own first, then its extension groups: one query (plus pages)."""
    return read_many(client, [environment_id])[environment_id]


def read_many(client, environment_ids):
    """{environment_id: [document]} for many environments: one query per 100 (plus pages). An id that is no
    environment of the account fails, naming it, before anything else happens."""
    ids = list(dict.fromkeys(environment_ids))
    found = dict((ident, []) for ident in ids)
    for start in range(0, len(ids), ENVIRONMENTS_PER_QUERY):
        expression = any_of(*[eq("environmentId", e) for e in ids[start:start + ENVIRONMENTS_PER_QUERY]])
        for document in client.query(OBJECT, expression):
            if document.get("environmentId") in found:
                found[document["environmentId"]].append(document)
    for ident in [i for i in ids if not found[i]]:
        own = client.get_or_none(OBJECT, ident)  # a query that leaves an environment out: read it by id
        if own is not None:
            found[ident].append(own)
    unknown = [ident for ident in ids if not found[ident]]
    if unknown:
        raise UsageError("environment_id %s: no environment with %s in account %s; pass the id of one of its "
                         "environments (nothing was changed)"
                         % (", ".join(unknown), "that id" if len(unknown) == 1 else "those ids", account_of(client)))
    return dict((ident, sorted(docs, key=_group_order)) for ident, docs in found.items())


def _group_order(document):
    return (document.get("extensionGroupId") or "", document.get("id") or "")


def account_of(client):
    return client.settings.override_account or client.settings.account_id


# -- one document as plain lists ----------------------------------------------------------------------------
def items(wrapper, key):
    """Boomi's wrapped lists ({"connection": [...]}); one object instead of a list counts as a list of one."""
    found = (wrapper or {}).get(key) if isinstance(wrapper, dict) else None
    if isinstance(found, dict):
        return [found]
    return [item for item in found or [] if isinstance(item, dict)]


def flag(value):
    """Boomi's booleans, also when they come as "true"/"false" (its JSON examples send strings)."""
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _value(item, key):
    encrypted = flag(item.get("usesEncryption"))
    return {key: item.get(key), "label": item.get("label"), "value": None if encrypted else item.get("value"),
            "use_default": flag(item.get("useDefault")), "encrypted": encrypted,
            "value_set": flag(item.get("encryptedValueSet"))}


def row_cells(row):
    """A cross-reference row as a list of cells, without the empty cells at its end."""
    cells = [row.get("ref%d" % n) or "" for n in range(1, MAX_REFS + 1)]
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def view(document):
    """The document with our names: {id, environment_id, extension_group_id, connections: [{id, name, fields:
    [{id, value, use_default, encrypted, value_set}]}], process_properties: [{id, name, values: [{key, label,
    value, use_default, encrypted, value_set}]}], properties: [{name, value}], cross_references: [{id, name,
    override, rows}]}; an encrypted value is always None here."""
    return {
        "id": document.get("id"), "environment_id": document.get("environmentId"),
        "extension_group_id": document.get("extensionGroupId") or "",
        "connections": [{"id": c.get("id"), "name": c.get("name"),
                         "fields": [_value(f, "id") for f in items(c, "field")]}
                        for c in items(document.get("connections"), "connection")],
        "process_properties": [{"id": p.get("id"), "name": p.get("name"),
                                "values": [_value(v, "key") for v in items(p, "ProcessPropertyValue")]}
                               for p in items(document.get("processProperties"), "ProcessProperty")],
        "properties": [{"name": p.get("name"), "value": p.get("value")}
                       for p in items(document.get("properties"), "property")],
        "cross_references": [{"id": t.get("id"), "name": t.get("name"), "override": flag(t.get("overrideValues")),
                              "rows": [row_cells(r) for r in items(t.get("CrossReferenceRows"), "row")]}
                             for t in items(document.get("crossReferences"), "crossReference")],
    }


# -- what modules return ---------------------------------------------------------------------------------
def shown(item):
    """A value as results and diffs show it: an encrypted one as ******** when set, else None."""
    if item["encrypted"]:
        return MASK if item["value_set"] else None
    return item["value"]


def _result_value(item, key):
    out = {key: item[key], "value": shown(item), "use_default": item["use_default"], "encrypted": item["encrypted"],
           "value_set": item["value_set"]}
    if key == "key":
        out["label"] = item["label"]
    return out


def result(extensions):
    """A view (see view()) as modules return it: encrypted values masked, names beside ids."""
    return {
        "id": extensions["id"], "environment_id": extensions["environment_id"],
        "extension_group_id": extensions["extension_group_id"],
        "connections": [{"id": c["id"], "name": c["name"], "fields": [_result_value(f, "id") for f in c["fields"]]}
                        for c in extensions["connections"]],
        "process_properties": [{"id": p["id"], "name": p["name"], "values": [_result_value(v, "key") for v in p["values"]]}
                               for p in extensions["process_properties"]],
        "properties": [dict(p) for p in extensions["properties"]],
        "cross_references": [{"id": t["id"], "name": t["name"], "override": t["override"],
                              "rows": [list(r) for r in t["rows"]]} for t in extensions["cross_references"]],
    }
