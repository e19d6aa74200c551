# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Planning and applying a task's values to an environment's extensions (EnvironmentExtensions).

``plan_environment(client, environment_id, options)`` reads the environment's extensions (one query) and
decides, before any write, what each extension document needs: a partial update carrying exactly what
Boomi's rules demand (the OAS): a connection's changed fields only, a process property component whole
(every key, the unchanged ones with their current values), a cross-reference table whole, a dynamic
process property per property. Names resolve to ids from the documents; a task names a component by
name or id, a connection field by its id, a process property by key or label.

Encrypted values (``usesEncryption``) are never returned by Boomi, so they are not compared:
``update_secrets: on_create`` sends one only while Boomi reports none set (``encryptedValueSet`` false),
``always`` sends it every run. A process property component written whole must carry an encrypted value
that is already set: Boomi cannot give it back, so the task must hold it, else the plan fails naming it.
(The OAS says a ``useDefault: false`` value sent without ``value`` keeps the previous override, but also
that a partial update "must provide the values for all properties in the component"; the plan does not
rely on the first against the second for a secret: a wrong reading would reset it silently.)

The plan is a dict: ``groups`` (one per document: ``document`` and the predicted ``after`` views, the
``body`` to send or None, the ``changes``), ``problems`` (bad input: fail before any write), ``missing``
(components no document holds: bad input too, unless an earlier task deploys their process), ``secrets``
(the encrypted values the task holds, to keep out of every message), ``changes`` (lines such as
``Orders DB / url: jdbc:...test -> jdbc:...prod``, secrets as ``********``) and ``diff``.
"""

from __future__ import annotations

import copy

from ansible_collections.boomi.platform.plugins.module_utils import environment_extensions as api
from ansible_collections.boomi.platform.plugins.module_utils import extension_wanted
from ansible_collections.boomi.platform.plugins.module_utils.errors import MASK, BoomiError, UsageError

UPDATE_SECRETS = ("on_create", "always")
NOT_SET = "(not set)"
DEFAULT = "(default)"
SECTIONS = {"connections": ("connections", "connection"), "process_properties": ("processProperties", "ProcessProperty"),
            "properties": ("properties", "property"), "cross_references": ("crossReferences", "crossReference")}
WHAT = {"connections": "connection", "process_properties": "process property component",
        "properties": "dynamic process property", "cross_references": "cross-reference table"}


# -- entry points ------------------------------------------------------------------------------------------
def plan_environment(client, environment_id, options, update_secrets="on_create"):
    """Read the environment's extensions and plan ``options`` (the module's options, without environment_id)."""
    wanted = extension_wanted.wanted(options)
    return plan(api.read(client, environment_id), wanted, update_secrets)


def raise_problems(plan_, include_missing=True):
    """Fail, listing every problem (and every unknown component unless ``include_missing`` is false)."""
    found = plan_["problems"] + (plan_["missing"] if include_missing else [])
    if found:
        raise UsageError("; ".join(found) + " (nothing was changed)")


def apply(client, plan_, check_mode=False):
    """Send each document's update (none in check mode); returns (changed, [view after, per document])."""
    changed, afters = False, []
    _scrub_with(client, plan_["secrets"])
    for group in plan_["groups"]:
        if group["body"] is None or check_mode:
            afters.append(group["after"] if group["body"] is not None else group["document"])
            changed = changed or group["body"] is not None
            continue
        try:
            answer = client.update(api.OBJECT, group["document"]["id"], group["body"],
                                   confirm=lambda group=group: _landed(client, plan_, group))
        except BoomiError as exc:
            raise _scrubbed(exc, plan_["secrets"], changed)
        afters.append(api.view(answer or client.get(api.OBJECT, group["document"]["id"])))
        changed = True
    return changed, afters


def _scrub_with(client, secrets):
    """The client removes the task's secrets, too, from every message it builds (errors, retry warnings), since
    Boomi may echo a value it refuses."""
    scrubber = client.secrets
    scrubber.values = sorted(set(scrubber.values) | set(s for s in secrets if s), key=len, reverse=True)


def _landed(client, plan_, group):
    """After a lost answer: the document if the update shows in it, else None (then it is sent again).

    Sending it again is safe: a partial update sets the values it carries to absolute values and touches
    nothing else, so a second copy leaves the document exactly as one would (unlike a create, it cannot
    make a second object). The check plans the task again against the document as it is now, with
    ``on_create`` so that a secret sent for the first time counts as landed once Boomi reports it set. A
    secret sent again (``update_secrets: always``) cannot be seen, so that update is always sent again."""
    if plan_["update_secrets"] == "always" and any(c["after"].startswith(MASK + " (sent again")
                                                   for c in group["changes"]):
        return None
    now = client.get_or_none(api.OBJECT, group["document"]["id"])
    if now is None:
        return None
    again = plan([now], plan_["wanted"], "on_create")
    return now if again["groups"][0]["body"] is None else None


def _scrubbed(exc, secrets, changed):
    for secret in sorted(secrets, key=len, reverse=True):
        exc.message = exc.message.replace(secret, MASK)
        exc.boomi_message = exc.boomi_message.replace(secret, MASK) if exc.boomi_message else exc.boomi_message
    exc.args = (exc.message,)
    if changed:
        exc.extra = dict(exc.extra, changed=True)
    return exc


# -- planning ----------------------------------------------------------------------------------------------
def plan(documents, wanted, update_secrets="on_create"):
    """The plan (see the module docstring) of ``wanted`` (extension_wanted.wanted()) over Boomi's documents."""
    if update_secrets not in UPDATE_SECRETS:
        raise UsageError("update_secrets must be one of %s" % ", ".join(UPDATE_SECRETS))
    groups = [_group(api.view(document)) for document in documents]
    out = {"groups": groups, "problems": [], "missing": [], "secrets": [], "wanted": wanted,
           "update_secrets": update_secrets, "environment_id": groups[0]["document"]["environment_id"] if groups else None}
    for kind, planner in (("connections", _plan_connection), ("process_properties", _plan_component),
                          ("properties", _plan_property), ("cross_references", _plan_table)):
        for ref, want in wanted.get(kind, {}).items():
            for group, component in _matches(out, kind, ref):
                planner(out, group, component, want, "%s[%r]" % (kind, ref))
    for group in groups:
        group["body"] = _body(group)
    out["changes"] = ["%s: %s -> %s" % (c["where"], c["before"], c["after"]) for g in groups for c in g["changes"]]
    out["diff"] = _diff(groups)
    return out


def _group(extensions):
    return {"document": extensions, "after": copy.deepcopy(extensions), "sections": dict((k, {}) for k in SECTIONS),
            "changes": []}


def _label(group, component):
    name = component.get("name") or component.get("id")
    gid = group["document"]["extension_group_id"]
    return "%s [extension group %s]" % (name, gid) if gid else name


def _matches(out, kind, ref):
    """[(group, component)] named ``ref`` (an id, else a name) in every document; none: noted as missing."""
    found = []
    for number, group in enumerate(out["groups"]):
        components = group["after"][kind]
        key = "name"
        hits = [c for c in components if c.get("id") == ref] if kind != "properties" else []
        hits = hits or [c for c in components if c.get(key) == ref]
        if len(hits) > 1:
            out["problems"].append("%s[%r]: %d %ss have that name (%s); name it by id"
                                   % (kind, ref, len(hits), WHAT[kind], ", ".join(c["id"] for c in hits)))
            continue
        found += [(group, hits[0])] if hits else []
    if not found:
        known = dict(("%s (%s)" % (c["name"], c["id"]) if c.get("id") else c["name"], 1)
                     for group in out["groups"] for c in group["document"][kind])
        out["missing"].append("%s[%r]: no %s with that name or id in the extensions of environment %s (only the "
                              "processes deployed there have extensions); known: %s"
                              % (kind, ref, WHAT[kind], out["environment_id"], ", ".join(known) or "none"))
    return found


def _item(out, items, ref, path, key):
    """The field (by id) or process property value (by key, else label) named ``ref``; else a problem."""
    hits = [i for i in items if i[key] == ref] or [i for i in items if key == "key" and i.get("label") == ref]
    if len(hits) == 1:
        return hits[0]
    known = ", ".join(i[key] if key == "id" else "%s (%s)" % (i.get("label"), i[key]) for i in items) or "none"
    out["problems"].append("%s[%r]: %s; known %s: %s" % (path, ref, "no %s with that %s" % (
        "field" if key == "id" else "property", "id" if key == "id" else "key or label") if not hits else
        "%d properties have that label, name it by key" % len(hits), "fields" if key == "id" else "properties", known))
    return None


def _secret_marker(out, item, want, where):
    """The task's ``secret`` must agree with Boomi's usesEncryption; an encrypted value is noted as a secret."""
    if want["secret"] and not item["encrypted"]:
        out["problems"].append("%s is not encrypted at Boomi (usesEncryption false): its value would be stored and "
                               "shown in clear; check the field, or drop secret: true if the value is no secret" % where)
        return False
    if want["secret"] is False and item["encrypted"]:
        out["problems"].append("%s is encrypted at Boomi: its value is always handled as a secret (set while none is "
                               "set, or every run with update_secrets: always); drop secret: false" % where)
        return False
    if item["encrypted"] and want["value"] is not None:
        out["secrets"].append(want["value"])
    return True


def _action(out, item, want, where):
    """None (nothing to do), "default" or "set" for one field or process property value."""
    if not _secret_marker(out, item, want, where):
        return None
    if want["use_default"]:
        return None if item["use_default"] else "default"
    if item["encrypted"]:
        already = item["value_set"] and not item["use_default"]
        return None if already and out["update_secrets"] == "on_create" else "set"
    return None if not item["use_default"] and item["value"] == want["value"] else "set"


def shown(item):
    if item["encrypted"]:
        return MASK if item["value_set"] and not item["use_default"] else NOT_SET
    if item["value"] is None:
        return DEFAULT if item["use_default"] else ""
    return item["value"]


def _record(group, section, where, before, after, component, item_name):
    group["changes"].append({"section": section, "where": where, "before": before, "after": after,
                             "component": component, "item": item_name})


def _entry(key_name, item, want, action):
    if action == "default":
        return {key_name: item[key_name], "useDefault": True}
    return {key_name: item[key_name], "value": want["value"], "useDefault": False}


def _change_item(group, section, label, item, key_name, want, action):
    """Note the change and predict the value after it (check mode answers with the prediction)."""
    before = shown(item)
    again = item["encrypted"] and before == MASK and action == "set"
    after = DEFAULT if action == "default" else (MASK + (" (sent again)" if again else "") if item["encrypted"]
                                                 else want["value"])
    name = item.get("label") or item[key_name]
    _record(group, section, "%s / %s" % (label, name), before, after, label, name)
    item.update(use_default=action == "default", value_set=item["encrypted"] and action == "set")
    item["value"] = None if item["encrypted"] or action == "default" else want["value"]


def _plan_connection(out, group, connection, fields, path):
    label = _label(group, connection)
    for ref, want in fields.items():
        item = _item(out, connection["fields"], ref, path, "id")
        action = _action(out, item, want, "%s[%r]" % (path, ref)) if item else None
        if action:
            section = group["sections"]["connections"].setdefault(connection["id"], {
                "id": connection["id"], "name": connection["name"], "field": []})
            section["field"].append(_entry("id", item, want, action))
            _change_item(group, "connections", label, item, "id", want, action)


def _plan_component(out, group, component, values, path):
    """A process property component: written whole when any of its values changes."""
    label = _label(group, component)
    wanted = {}
    for ref, want in values.items():
        item = _item(out, component["values"], ref, path, "key")
        if item is not None:
            wanted[item["key"]] = (want, "%s[%r]" % (path, ref))
    actions = dict((key, _action(out, _find(component, key), want, where)) for key, (want, where) in wanted.items())
    if not any(actions.values()):
        return
    entries = []
    for item in component["values"]:
        want, where = wanted.get(item["key"], (None, "%s[%r]" % (path, item.get("label") or item["key"])))
        if actions.get(item["key"]):
            entries.append(_entry("key", item, want, actions[item["key"]]))
            _change_item(group, "process_properties", label, item, "key", want, actions[item["key"]])
        else:
            entries.append(_carry(out, group, label, item, want, where))
    group["sections"]["process_properties"][component["id"]] = {"id": component["id"], "name": component["name"],
                                                                "ProcessPropertyValue": entries}


def _find(component, key):
    return [item for item in component["values"] if item["key"] == key][0]


def _carry(out, group, label, item, want, where):
    """The entry that keeps an unchanged value as it is, in a component written whole."""
    if want is not None and item["encrypted"] and not want["use_default"]:
        _record(group, "process_properties", "%s / %s" % (label, item.get("label") or item["key"]), MASK,
                MASK + " (sent again with its component)", label, item.get("label") or item["key"])
        return {"key": item["key"], "value": want["value"], "useDefault": False}
    if item["use_default"]:
        return {"key": item["key"], "useDefault": True}
    if not item["encrypted"] and item["value"] is not None:
        return {"key": item["key"], "value": item["value"], "useDefault": False}
    reason = ("is encrypted and set at Boomi, which never gives it back" if item["encrypted"] else
              "has a value Boomi did not return")
    out["problems"].append("%s %s; Boomi writes a process property component whole, so changing %s must send it "
                           "again: give its value in the task (nothing was changed)" % (where, reason, label))
    return {"key": item["key"], "useDefault": False}


def _plan_property(out, group, prop, want, path):
    if prop["value"] == want["value"]:
        return
    _record(group, "properties", prop["name"], prop["value"] if prop["value"] is not None else "", want["value"],
            None, prop["name"])
    group["sections"]["properties"][prop["name"]] = {"name": prop["name"], "value": want["value"]}
    prop["value"] = want["value"]


def _plan_table(out, group, table, want, path):
    if want["use_default"]:
        if not table["override"]:
            return
        entry, rows = {"id": table["id"], "name": table["name"], "overrideValues": False}, DEFAULT
    else:
        if table["override"] and table["rows"] == want["rows"]:
            return
        rows = want["rows"]
        entry = {"id": table["id"], "name": table["name"], "overrideValues": True, "CrossReferenceRows": {"row": [
            dict(("ref%d" % n, cell) for n, cell in enumerate(row, 1)) for row in rows]}}
    label = _label(group, table)
    _record(group, "cross_references", "%s / rows" % label, table["rows"] if table["override"] else DEFAULT, rows,
            label, "rows")
    group["sections"]["cross_references"][table["id"]] = entry
    table.update(override=not want["use_default"], rows=list(want["rows"] or []))


def _body(group):
    sections = group["sections"]
    if not any(sections.values()):
        return None
    document = group["document"]
    body = {"id": document["id"], "environmentId": document["environment_id"],
            "extensionGroupId": document["extension_group_id"], "partial": True}
    for kind, (field, inner) in SECTIONS.items():
        if sections[kind]:
            body[field] = {inner: list(sections[kind].values())}
    return body


def _diff(groups):
    """{before, after}: what changes, by section, component and field name; secrets as ********."""
    before, after = {}, {}
    for group in groups:
        for change in group["changes"]:
            for side, value in ((before, change["before"]), (after, change["after"])):
                section = side.setdefault(change["section"], {})
                if change["component"] is None:
                    section[change["item"]] = value
                else:
                    section.setdefault(change["component"], {})[change["item"]] = value
    return {"before": before, "after": after}
