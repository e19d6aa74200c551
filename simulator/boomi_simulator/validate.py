"""Request-body checks the way Boomi answers them: 400 with a message that names the field."""

from .errors import bad_request


def check_body(body, object_name, allowed, required=()):
    """Reject non-objects, unknown or wrongly cased fields, and missing required fields."""
    if not isinstance(body, dict):
        raise bad_request("The request body for %s must be a JSON object" % object_name)
    lower = {name.lower(): name for name in allowed}
    for field in body:
        if field == "@type" or field in allowed:
            continue
        hint = lower.get(field.lower())
        if hint:
            raise bad_request("Unknown field '%s' in %s; field names are case-sensitive, did you mean '%s'?"
                              % (field, object_name, hint))
        raise bad_request("Unknown field '%s' in %s" % (field, object_name))
    for field in required:
        if body.get(field) in (None, ""):
            raise bad_request("%s.%s is required" % (object_name, field))


def check_enum(body, field, choices, object_name):
    value = body.get(field)
    if value is not None and value not in choices:
        raise bad_request("Invalid value '%s' for %s.%s; valid values: %s"
                          % (value, object_name, field, ", ".join(choices)))


def check_type(body, field, kind, object_name):
    value = body.get(field)
    if value is None:
        return
    ok = isinstance(value, bool) if kind is bool else isinstance(value, kind) and not isinstance(value, bool)
    if not ok:
        raise bad_request("%s.%s must be a %s" % (object_name, field, {bool: "boolean", str: "string", int: "number"}[kind]))


def as_list(wrapper, key):
    """Boomi wraps lists: {"X": [...]}; a single object instead of a list is accepted too."""
    if wrapper is None:
        return []
    if not isinstance(wrapper, dict):
        raise bad_request("'%s' must be wrapped in an object" % key)
    items = wrapper.get(key, [])
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise bad_request("'%s' must be a list of objects" % key)
    return items
