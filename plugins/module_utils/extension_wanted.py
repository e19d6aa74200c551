# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a task asks of an environment's extensions, checked for shape and put in one form.

The options (``connections``, ``process_properties``, ``properties``, ``cross_references``) are free dicts
keyed by names, so their shape is checked here, before anything is read: a failure names the option and
the place (``connections['Orders DB'].url``), never a value, since any value may be a secret.

A value is a string (numbers and booleans are sent as text), or a dict ``{value, use_default, secret}``:
``use_default: true`` goes back to the component's own value; ``secret`` asserts what the task expects of
the field (true: Boomi encrypts it; false: it does not), checked against Boomi's ``usesEncryption``.
"""

from __future__ import annotations

from ansible.module_utils.parsing.convert_bool import boolean

from ansible_collections.boomi.platform.plugins.module_utils.errors import MASK, UsageError

KINDS = ("connections", "process_properties", "properties", "cross_references")
VALUE_KEYS = ("value", "use_default", "secret")
MAX_CELLS = 20


def text(value):
    """Boomi takes every extension value as a string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else str(value)


def wanted(params):
    """{kind: {...}} from the module options (missing ones are empty); raises UsageError listing every shape
    problem, before any request."""
    problems = []
    out = {
        "connections": _components(params.get("connections"), "connections", problems),
        "process_properties": _components(params.get("process_properties"), "process_properties", problems),
        "properties": _values(params.get("properties"), "properties", problems, allow_default=False),
        "cross_references": _tables(params.get("cross_references"), problems),
    }
    if problems:
        raise UsageError("; ".join(problems) + " (nothing was changed)")
    return out


def masked(params):
    """A copy of the four options with every value replaced by ******** (keys kept), for what Ansible echoes."""
    def mask(node):
        if isinstance(node, dict):
            return dict((key, mask(value)) for key, value in node.items())
        if isinstance(node, list):
            return [mask(value) for value in node]
        return node if node is None or isinstance(node, bool) else MASK
    return dict((kind, mask(params.get(kind))) for kind in KINDS if kind in params)


def _path(where, key):
    return "%s[%r]" % (where, key)


def _is_map(option, where, problems, shape):
    if option is None:
        return False
    if not isinstance(option, dict):
        problems.append("%s must be a dict of %s" % (where, shape))
        return False
    return True


def _components(option, where, problems):
    """{component name or id: {field or key: want}}."""
    out = {}
    if not _is_map(option, where, problems, "{<component name or id>: {<field>: <value>}}"):
        return out
    for ref, values in option.items():
        path = _path(where, ref)
        if not isinstance(values, dict) or not values:
            problems.append("%s must be a non-empty dict of {<field>: <value>}" % path)
            continue
        out[text(ref)] = _values(values, path, problems, allow_default=True)
    return out


def _values(option, where, problems, allow_default):
    out = {}
    if not _is_map(option, where, problems, "{<name>: <value>}"):
        return out
    for key, value in option.items():
        want = _want(value, _path(where, key), problems, allow_default)
        if want is not None:
            out[text(key)] = want
    return out


def _want(value, path, problems, allow_default):
    """{value, use_default, secret} for one value, or None (a problem was noted)."""
    if isinstance(value, dict):
        return _want_dict(value, path, problems, allow_default)
    if value is None or isinstance(value, list):
        problems.append("%s has no value: give a string%s" % (path, ", or {use_default: true}" if allow_default else ""))
        return None
    return {"value": text(value), "use_default": False, "secret": None}


def _flag(value, path, name, problems):
    if value is None:
        return None
    try:
        return boolean(value, strict=True)
    except TypeError:
        problems.append("%s: %s must be true or false" % (path, name))
        return None


def _want_dict(value, path, problems, allow_default):
    unknown = sorted(text(key) for key in value if key not in VALUE_KEYS)
    if unknown:
        problems.append("%s: unknown key(s) %s; a value is a string or a dict of value, use_default, secret"
                        % (path, ", ".join(unknown)))
        return None
    use_default = _flag(value.get("use_default"), path, "use_default", problems)
    secret = _flag(value.get("secret"), path, "secret", problems)
    if use_default and not allow_default:
        problems.append("%s: use_default is not available here (Boomi keeps no default to go back to); give a value"
                        % path)
    elif use_default and value.get("value") is not None:
        problems.append("%s: give either value or use_default: true, not both" % path)
    elif not use_default and (value.get("value") is None or isinstance(value.get("value"), (dict, list))):
        problems.append("%s has no value: give value (a string) or use_default: true" % path)
    else:
        return {"value": None if use_default else text(value["value"]), "use_default": bool(use_default),
                "secret": secret}
    return None


def _tables(option, problems):
    """{table name or id: {"use_default": bool, "rows": [[cell, ...]] or None}}."""
    out = {}
    if not _is_map(option, "cross_references", problems, "{<table name or id>: <rows>}"):
        return out
    for ref, value in option.items():
        path = _path("cross_references", ref)
        if isinstance(value, dict) and _flag(value.get("use_default"), path, "use_default", problems):
            out[text(ref)] = {"use_default": True, "rows": None}
            continue
        rows = value.get("rows") if isinstance(value, dict) else value
        checked = _rows(rows, path, problems)
        if checked is not None:
            out[text(ref)] = {"use_default": False, "rows": checked}
    return out


def _rows(rows, path, problems):
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        problems.append("%s must be a list of rows (each a list of cells), {rows: [...]} or {use_default: true}" % path)
        return None
    out = []
    for number, row in enumerate(rows, 1):
        if len(row) > MAX_CELLS or any(isinstance(cell, (dict, list)) for cell in row):
            problems.append("%s row %d: at most %d cells, each a string" % (path, number, MAX_CELLS))
            return None
        cells = ["" if cell is None else text(cell) for cell in row]
        while cells and cells[-1] == "":
            cells.pop()
        out.append(cells)
    return out
