"""EnvironmentExtensions: an environment's values for the extensible fields of the processes running there.

Rules (the OAS, [C]):
- The document of an environment lists the extensible components of the processes deployed to it:
  connections (fields), process property components (values by ``key``), dynamic process properties
  (``properties``, name/value) and cross-reference tables (rows ``ref1``..``ref20``). Its id is the
  environment id. A process of a multi-install integration pack keeps its extensions under an
  extension group (``extensionGroupId``, the process's synthetic id): a document of its own, whose id
  is synthesized from the environment and group ids. Query by ``environmentId`` / ``extensionGroupId``.
- GET never returns an encrypted value (``usesEncryption``): ``encryptedValueSet`` tells whether one is
  set. A process property's ``value`` is returned only once an update has set it.
- UPDATE with ``partial: true`` changes only what the request carries: a connection per field, a process
  property component whole ("you must provide the values for all properties in the component"), a
  cross-reference table whole, a dynamic property per property. ``useDefault: true`` goes back to the
  component's value; ``useDefault: false`` without a ``value`` keeps the previously overridden value
  ("Otherwise, the previously overridden values will continue to be used"). Without ``partial`` (or
  ``partial: false``) it is a full update: everything the request does not carry goes back to default.
[I] The seed declares the extensions of each process component (deployed_processes.py); names,
fields and keys the document does not hold, and a process property component sent without every
key, are 400s naming them, and the update changes nothing; operations, trading partners, shared
communications and PGP certificates are always empty here (an entry for one is a 400); booleans may
come as JSON booleans or as the strings "true"/"false" (as in Boomi's examples); every update counts
as a write, even one that sets values they already had; a group document's id is the unpadded
URL-safe base64 of ``"<environmentId>|<extensionGroupId>"``; a non-overridden cross-reference table
answers empty rows; the state dump shows the stored values, encrypted ones included (a test tool).
"""

import copy

from ..errors import bad_request
from ..validate import as_list, check_body
from .account_group import synthesized_id
from .base import ObjectType
from .deployed_processes import definition, deployed_processes

ALLOWED = ("id", "extensionGroupId", "environmentId", "partial", "connections", "operations", "tradingPartners",
           "sharedCommunications", "crossReferences", "processProperties", "properties", "PGPCertificates")
NOT_SIMULATED = {"operations": "operation", "tradingPartners": "tradingPartner",
                 "sharedCommunications": "sharedCommunication", "PGPCertificates": "PGPCertificate"}
VALUE_ALLOWED = ("id", "key", "label", "value", "useDefault", "usesEncryption", "encryptedValueSet",
                 "componentOverride", "validate", "customProperties", "CloudManagedSecretConfig")
MAX_REFS = 20


class EnvironmentExtensions(ObjectType):
    name = "EnvironmentExtensions"
    collection = "extension_values"
    operations = ("get", "update", "query", "bulk")
    dump_key = "environment_extensions"
    properties = ("environmentId", "extensionGroupId")

    # -- the documents: computed from what runs in each environment ------------------------------------
    def records(self, ctx):
        out = []
        for environment_id in ctx.data.environments:
            groups = {"": []}
            for process in deployed_processes(ctx, environment_id):
                groups.setdefault(process["group"], []).append(process)
            for group, processes in groups.items():
                ident = synthesized_id(environment_id, group) if group else environment_id
                out.append({"id": ident, "environmentId": environment_id, "extensionGroupId": group,
                            "_processes": processes})
        return out

    def find(self, ctx, ident):
        for record in self.records(ctx):
            if record["id"] == ident:
                return record
        raise ctx.missing(self.name, ident)

    def render(self, ctx, record):
        view, stored = extensible(ctx, record), self._stored(ctx, record)
        out = {"@type": self.name, "id": record["id"], "environmentId": record["environmentId"],
               "extensionGroupId": record["extensionGroupId"]}
        out["connections"] = {"@type": "Connections", "connection": [
            render_connection(c, stored["connections"].get(c["id"], {})) for c in view["connections"].values()]}
        out["processProperties"] = {"@type": "OverrideProcessProperties", "ProcessProperty": [
            render_process_property(p, stored["processProperties"].get(p["id"], {}))
            for p in view["processProperties"].values()]}
        out["properties"] = {"@type": "Properties", "property": [
            {"@type": "Property", "name": name, "value": stored["properties"].get(name, item.get("value", ""))}
            for name, item in view["properties"].items()]}
        out["crossReferences"] = {"@type": "CrossReferences", "crossReference": [
            render_cross_reference(t, stored["crossReferences"].get(t["id"])) for t in view["crossReferences"].values()]}
        for key, item in NOT_SIMULATED.items():
            out[key] = {"@type": key[0].upper() + key[1:], item: []}
        return out

    def _stored(self, ctx, record):
        return ctx.data.extension_values.get(record["id"]) or empty_values(record)

    # -- update ------------------------------------------------------------------------------------------
    def update(self, ctx, ident, body):
        record = self.find(ctx, ident)
        check_body(body, self.name, ALLOWED)
        for field in ("id", "environmentId", "extensionGroupId"):
            if body.get(field) not in (None, record[field]):
                raise bad_request("EnvironmentExtensions.%s is '%s', but this request updates %s (%s '%s')"
                                  % (field, body[field], ident, field, record[field]))
        for key, item in NOT_SIMULATED.items():
            if as_list(body.get(key), item):
                raise bad_request("EnvironmentExtensions %s: no extensible %s in this environment" % (ident, item))
        partial = truth(body.get("partial", False), "EnvironmentExtensions.partial")
        view = extensible(ctx, record)
        stored = copy.deepcopy(self._stored(ctx, record)) if partial else empty_values(record)
        apply_connections(view, stored, body.get("connections"))
        apply_process_properties(view, stored, body.get("processProperties"))
        apply_properties(view, stored, body.get("properties"))
        apply_cross_references(view, stored, body.get("crossReferences"))
        ctx.data.extension_values[record["id"]] = stored  # only now: a refused request changes nothing
        return self.render(ctx, record), True


# -- what a document holds ------------------------------------------------------------------------------
def extensible(ctx, record):
    """The extensible components of the document's processes, merged by id (two processes may share a
    connection): {connections, processProperties, properties, crossReferences}."""
    view = {"connections": {}, "processProperties": {}, "properties": {}, "crossReferences": {}}
    for process in record["_processes"]:
        found = definition(ctx.store, process["account"], process["componentId"])
        for connection in found.get("connections", []):
            entry = view["connections"].setdefault(
                connection["id"], {"id": connection["id"], "name": connection["name"], "fields": {}})
            for field in connection.get("fields", []):
                entry["fields"].setdefault(field["id"], field)
        for component in found.get("processProperties", []):
            entry = view["processProperties"].setdefault(
                component["id"], {"id": component["id"], "name": component["name"], "values": {}})
            for value in component.get("values", []):
                entry["values"].setdefault(value["key"], value)
        for prop in found.get("properties", []):
            view["properties"].setdefault(prop["name"], prop)
        for table in found.get("crossReferences", []):
            view["crossReferences"].setdefault(table["id"], table)
    return view


def empty_values(record):
    return {"id": record["id"], "environmentId": record["environmentId"], "extensionGroupId": record["extensionGroupId"],
            "connections": {}, "processProperties": {}, "properties": {}, "crossReferences": {}}


def render_connection(connection, values):
    fields = []
    for field in connection["fields"].values():
        fields.append(render_value(field, values, "id", {"@type": "Field", "id": field["id"], "componentOverride": False},
                                   default_shown=True))
    return {"@type": "Connection", "id": connection["id"], "name": connection["name"], "field": fields}


def render_process_property(component, values):
    out = []
    for value in component["values"].values():
        item = {"@type": "ProcessPropertyValue", "key": value["key"], "label": value.get("label", value["key"])}
        out.append(render_value(value, values, "key", item, default_shown=False))
    return {"@type": "OverrideProcessProperty", "id": component["id"], "name": component["name"],
            "ProcessPropertyValue": out}


def render_value(definition_item, values, key_name, out, default_shown):
    """A field or process property value: the override when one is set, else the component's value (shown for
    connection fields; process property values only once set); never an encrypted value."""
    key = definition_item[key_name]
    encrypted = bool(definition_item.get("usesEncryption", False))
    overridden = key in values
    out.update(useDefault=not overridden, usesEncryption=encrypted, encryptedValueSet=encrypted and overridden)
    if not encrypted and overridden:
        out["value"] = values[key]
    elif not encrypted and default_shown and definition_item.get("value") is not None:
        out["value"] = definition_item["value"]
    return out


def render_cross_reference(table, rows):
    rendered = [dict({"@type": "CrossReferenceRow"}, **{"ref%d" % (n + 1): cell for n, cell in enumerate(row)})
                for row in rows or []]
    return {"@type": "CrossReference", "id": table["id"], "name": table["name"], "overrideValues": rows is not None,
            "CrossReferenceRows": {"@type": "CrossReferenceRows", "row": rendered}}


# -- applying an update ------------------------------------------------------------------------------
def truth(value, where):
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise bad_request("%s must be true or false, not %r" % (where, value))


def entries(value, what):
    """A list of objects, or one object (Boomi's XML-shaped JSON sends either)."""
    if value is None:
        return []
    items = [value] if isinstance(value, dict) else value
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise bad_request("'%s' must be a list of objects" % what)
    return items


def set_value(known, values, item, key_name, what):
    """One field or process property value: useDefault true goes back to default; a value overrides; useDefault
    false without a value keeps the previous override (the OAS)."""
    check_body(item, what, VALUE_ALLOWED)
    key = item.get(key_name)
    if key not in known:
        raise bad_request("%s '%s' is not extensible here; known: %s" % (what, key, ", ".join(sorted(known)) or "none"))
    if "value" in item and not isinstance(item["value"], str):
        raise bad_request("%s '%s': value must be a string" % (what, key))
    if truth(item.get("useDefault", False), "%s.useDefault" % what):
        values.pop(key, None)
    elif "value" in item:
        values[key] = item["value"]


def unknown(what, ident, known):
    return bad_request("%s '%s' has no extensible values in this document; known: %s"
                       % (what, ident, ", ".join("%s (%s)" % (k["name"], k["id"]) for k in known.values()) or "none"))


def apply_connections(view, stored, wrapper):
    for item in as_list(wrapper, "connection"):
        check_body(item, "Connection", ("id", "name", "field"), required=("id",))
        connection = view["connections"].get(item["id"])
        if connection is None:
            raise unknown("Connection", item["id"], view["connections"])
        values = stored["connections"].setdefault(connection["id"], {})
        for field in entries(item.get("field"), "Connection.field"):
            set_value(connection["fields"], values, field, "id", "Field")


def apply_process_properties(view, stored, wrapper):
    for item in as_list(wrapper, "ProcessProperty"):
        check_body(item, "ProcessProperty", ("id", "name", "ProcessPropertyValue"), required=("id",))
        component = view["processProperties"].get(item["id"])
        if component is None:
            raise unknown("ProcessProperty", item["id"], view["processProperties"])
        given = entries(item.get("ProcessPropertyValue"), "ProcessProperty.ProcessPropertyValue")
        missing = [key for key in component["values"] if key not in [value.get("key") for value in given]]
        if missing:
            raise bad_request("ProcessProperty %s (%s): a partial update must provide the values for all properties in "
                              "the component; missing keys: %s" % (component["name"], component["id"], ", ".join(missing)))
        values = stored["processProperties"].setdefault(component["id"], {})
        for value in given:
            set_value(component["values"], values, value, "key", "ProcessPropertyValue")


def apply_properties(view, stored, wrapper):
    for item in as_list(wrapper, "property"):
        check_body(item, "Property", ("name", "value"), required=("name",))
        if item["name"] not in view["properties"]:
            raise bad_request("Property '%s' is not an extensible dynamic process property here; known: %s"
                              % (item["name"], ", ".join(view["properties"]) or "none"))
        if not isinstance(item.get("value"), str):
            raise bad_request("Property '%s': value must be a string" % item["name"])
        stored["properties"][item["name"]] = item["value"]


def apply_cross_references(view, stored, wrapper):
    for item in as_list(wrapper, "crossReference"):
        check_body(item, "CrossReference", ("id", "name", "overrideValues", "CrossReferenceRows"), required=("id",))
        table = view["crossReferences"].get(item["id"])
        if table is None:
            raise unknown("CrossReference", item["id"], view["crossReferences"])
        if not truth(item.get("overrideValues", False), "CrossReference.overrideValues"):
            stored["crossReferences"].pop(table["id"], None)
            continue
        stored["crossReferences"][table["id"]] = [table_row(table, row)
                                                  for row in as_list(item.get("CrossReferenceRows") or {}, "row")]


def table_row(table, row):
    """A row as a list of the table's columns ("" where the request leaves a cell out)."""
    columns = int(table.get("columns", 2))
    allowed = ["ref%d" % n for n in range(1, MAX_REFS + 1)]
    check_body(row, "CrossReferenceRow", allowed)
    extra = [key for key in row if key != "@type" and int(key[3:]) > columns and row[key] not in ("", None)]
    if extra:
        raise bad_request("Cross reference table %s has %d columns; the row sets %s" % (table["name"], columns, ", ".join(extra)))
    cells = [row.get("ref%d" % n, "") for n in range(1, columns + 1)]
    if not all(isinstance(cell, str) for cell in cells):
        raise bad_request("Cross reference table %s: row values must be strings" % table["name"])
    return cells
