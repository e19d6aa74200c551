"""Boomi's QueryFilter engine and queryToken paging.

A filter is ``{"QueryFilter": {"expression": ...}}`` where an expression is either simple
(``property``, ``operator``, ``argument``) or grouping (``operator`` "and"/"or",
``nestedExpression``). Values are compared as strings, as Boomi sends them.
"""

import base64
import fnmatch
import secrets

from .errors import bad_request

# operator -> number of arguments it takes
ARITY = {
    "EQUALS": 1, "NOT_EQUALS": 1, "LIKE": 1, "STARTS_WITH": 1, "CONTAINS": 1, "NOT_CONTAINS": 1,
    "IS_NULL": 0, "IS_NOT_NULL": 0, "BETWEEN": 2,
    "GREATER_THAN": 1, "GREATER_THAN_OR_EQUAL": 1, "LESS_THAN": 1, "LESS_THAN_OR_EQUAL": 1,
}


def _text(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _like(value, pattern):
    # Boomi's LIKE uses % as the wildcard; translate to fnmatch and escape its own specials.
    escaped = "".join("[" + c + "]" if c in "*?[]" else c for c in pattern)
    return fnmatch.fnmatchcase(value, escaped.replace("%", "*"))


def _simple(obj_value, operator, args):
    value = _text(obj_value)
    if operator == "IS_NULL":
        return value in (None, "")
    if operator == "IS_NOT_NULL":
        return value not in (None, "")
    if value is None:
        return operator in ("NOT_EQUALS", "NOT_CONTAINS")
    first = args[0]
    tests = {
        "EQUALS": lambda: value == first,
        "NOT_EQUALS": lambda: value != first,
        "LIKE": lambda: _like(value, first),
        "STARTS_WITH": lambda: value.startswith(first),
        "CONTAINS": lambda: first in value,
        "NOT_CONTAINS": lambda: first not in value,
        "BETWEEN": lambda: first <= value <= args[1],
        "GREATER_THAN": lambda: value > first,
        "GREATER_THAN_OR_EQUAL": lambda: value >= first,
        "LESS_THAN": lambda: value < first,
        "LESS_THAN_OR_EQUAL": lambda: value <= first,
    }
    return tests[operator]()


def compile_filter(body, properties, object_name):
    """Validate a query body and return a predicate over objects.

    ``properties`` maps each queryable property name to a getter. An empty body or ``{}``
    means "no filter" (what Boomi's SDKs send to list everything).
    """
    if not body:
        return lambda obj: True
    if not isinstance(body, dict) or set(body) - {"QueryFilter"}:
        unknown = sorted(set(body) - {"QueryFilter"}) if isinstance(body, dict) else ["<body>"]
        raise bad_request("Unknown field '%s' in %s query; expected 'QueryFilter'" % (unknown[0], object_name))
    query_filter = body["QueryFilter"]
    if not isinstance(query_filter, dict) or "expression" not in query_filter:
        raise bad_request("QueryFilter.expression is required")
    return _compile(query_filter["expression"], properties, object_name)


def _compile(expr, properties, object_name):
    if not isinstance(expr, dict):
        raise bad_request("A query expression must be an object")
    unknown = set(expr) - {"operator", "property", "argument", "nestedExpression", "@type"}
    if unknown:
        raise bad_request("Unknown field '%s' in query expression" % sorted(unknown)[0])
    operator = expr.get("operator")
    if operator in ("and", "or"):
        nested = expr.get("nestedExpression")
        if isinstance(nested, dict):
            nested = [nested]
        if not isinstance(nested, list):
            raise bad_request("A grouping expression needs a nestedExpression list")
        parts = [_compile(e, properties, object_name) for e in nested]
        combine = all if operator == "and" else any
        return lambda obj: combine(p(obj) for p in parts)
    if operator not in ARITY:
        raise bad_request("Invalid query operator '%s'" % operator)
    prop = expr.get("property")
    if prop not in properties:
        raise bad_request("Query property '%s' does not exist for %s" % (prop, object_name))
    args = expr.get("argument", [])
    if not isinstance(args, list):
        args = [args]
    args = [_text(a) for a in args]
    if len(args) != ARITY[operator]:
        raise bad_request("Operator %s takes %d argument(s), got %d" % (operator, ARITY[operator], len(args)))
    getter = properties[prop]
    return lambda obj: _simple(getter(obj), operator, args)


class Pager:
    """Splits results into pages and remembers the rest behind opaque queryTokens.

    Tokens stay valid until reset so a client may retry a queryMore whose answer was lost.
    """

    def __init__(self, page_size):
        self.page_size = page_size
        self._pending = {}

    def clear(self):
        self._pending.clear()

    def first_page(self, object_name, items):
        return self._page(object_name, items)

    def next_page(self, object_name, token):
        token = (token or "").strip().strip('"')
        entry = self._pending.get(token)
        if entry is None or entry[0] != object_name:
            raise bad_request("Invalid or expired queryToken")
        return self._page(object_name, entry[1])

    def _page(self, object_name, items):
        page, rest = items[: self.page_size], items[self.page_size:]
        result = {"@type": "QueryResult", "numberOfResults": len(page)}
        if page:
            result["result"] = page
        if rest:
            # Boomi's tokens are long base64 strings with '/' and '+': make ours alike.
            token = base64.b64encode(secrets.token_bytes(48)).decode()
            self._pending[token] = (object_name, rest)
            result["queryToken"] = token
        return result
