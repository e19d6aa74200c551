"""Validate Boomi JSON bodies against the schemas cut from Boomi's OpenAPI document."""

import json
from pathlib import Path

import jsonschema

SCHEMAS = json.loads((Path(__file__).resolve().parent / "boomi-schemas.json").read_text(encoding="utf-8"))


def schema_for(object_name, operation):
    """The schema name that describes the answer to ``operation`` on ``object_name``, or None."""
    if operation in ("query", "queryMore"):
        return object_name + "QueryResponse"
    if operation == "bulk":
        return object_name + "BulkResponse"
    if operation in ("create", "get", "update"):
        return object_name
    return None


def validate(schema_name, body):
    """Raise jsonschema.ValidationError when ``body`` does not fit ``schema_name``."""
    root = {"$ref": "#/components/schemas/" + schema_name, "components": SCHEMAS["components"]}
    jsonschema.Draft4Validator(root, format_checker=None).validate(body)


def validate_error(body):
    if body.get("@type") != "Error" or not isinstance(body.get("message"), str) or not body["message"]:
        raise AssertionError("not a Boomi error body: %r" % (body,))
