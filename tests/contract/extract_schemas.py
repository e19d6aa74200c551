"""Cut the schemas of the Boomi objects we touch out of Boomi's OpenAPI document.

Descriptions, examples and XML hints are stripped; the result is closed under $ref and kept at
tests/contract/boomi-schemas.json so the project carries its own copy of the contract.

The lifecycle subset holds the objects of the integration-pack flow; ComponentMetadata (names for the
info modules), AccountGroup / AccountGroupAccount (partner distribution) and the per-environment
configuration objects (EnvironmentExtensions, ProcessSchedules, ProcessScheduleStatus, Atom,
EnvironmentAtomAttachment) are only in the full document beside it, so they are cut from there.

Usage: python tests/contract/extract_schemas.py [path/to/boomi-platform-openapi-ipack-subset.json [path/to/full.json]]
"""

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The shared reference folder sits beside the checkout; BOOMI_OPENAPI points elsewhere (scripts/test sets it).
DEFAULT_SOURCE = Path(os.environ.get("BOOMI_OPENAPI") or
                      HERE.parents[2] / "shared" / "boomi-openapi" / "boomi-platform-openapi-ipack-subset.json")
FULL_SOURCE = DEFAULT_SOURCE.with_name("boomi-platform-openapi-3.0.3-full.json")
OUTPUT = HERE / "boomi-schemas.json"
OBJECTS = ("PackagedComponent", "PublisherIntegrationPack", "ReleaseIntegrationPack", "ReleaseIntegrationPackStatus",
           "DeployedPackage", "Environment",
           # partner distribution: share, the consumer's view, install, attach
           "AccountGroupIntegrationPack", "IntegrationPack", "IntegrationPackInstance",
           "IntegrationPackEnvironmentAttachment")
FULL_ONLY = ("ComponentMetadata", "AccountGroup", "AccountGroupAccount",  # not among the subset's paths
             # per-environment configuration: extensions, schedules, the runtimes that run them
             "EnvironmentExtensions", "ProcessSchedules", "ProcessScheduleStatus", "Atom", "EnvironmentAtomAttachment")
SUFFIXES = ("", "QueryResponse", "BulkResponse", "QueryConfig")
DROP = {"description", "example", "examples", "xml", "externalDocs"}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROP}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def refs(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"].rsplit("/", 1)[-1]
        for value in node.values():
            yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def extract(spec, full=None):
    """The schemas of OBJECTS from ``spec``, and of FULL_ONLY from ``full`` (the full document) when given."""
    schemas = dict(spec["components"]["schemas"])
    for name, schema in (full or {}).get("components", {}).get("schemas", {}).items():
        schemas.setdefault(name, schema)
    todo = [o + s for o in OBJECTS + FULL_ONLY for s in SUFFIXES if o + s in schemas]
    out = {}
    while todo:
        name = todo.pop()
        if name in out:
            continue
        out[name] = strip(schemas[name])
        todo.extend(refs(out[name]))
    return {"source": "Boomi Platform API OpenAPI 3.0.3 (schemas only)",
            "components": {"schemas": dict(sorted(out.items()))}}


def main(argv):
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    full = Path(argv[2]) if len(argv) > 2 else source.with_name(FULL_SOURCE.name)
    with open(source, encoding="utf-8") as handle, open(full, encoding="utf-8") as whole:
        result = extract(json.load(handle), json.load(whole))
    OUTPUT.write_text(json.dumps(result, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print("%d schemas written to %s" % (len(result["components"]["schemas"]), OUTPUT))


if __name__ == "__main__":
    main(sys.argv)
