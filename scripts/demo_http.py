"""Interim demo: Process D with plain HTTP calls against boomi-simulator (replaced by the role).

Each step looks before it writes, so a second run makes no change.
"""

import json
import sys

import requests

URL = sys.argv[1]
BASE = URL + "/api/rest/v1/boomi-demo-A1B2C3"
COMPONENTS = ["3f1c2a10-0001-4c6e-9d7a-00000000c001", "3f1c2a10-0002-4c6e-9d7a-00000000c002",
              "3f1c2a10-0003-4c6e-9d7a-00000000c003"]
ENVIRONMENTS = {"dev": "6d3f9a10-0001-4d5e-9a1b-00000000e001", "test": "6d3f9a10-0002-4d5e-9a1b-00000000e002",
                "prod": "6d3f9a10-0003-4d5e-9a1b-00000000e003"}
VERSION = "1.0.5"
SESSION = requests.Session()
SESSION.auth = ("BOOMI_TOKEN.ops@example.com", "demo-token-0000-0000")
SESSION.headers.update({"Accept": "application/json", "Content-Type": "application/json"})


def call(path, body=None, method="POST"):
    answer = SESSION.request(method, BASE + "/" + path, data=json.dumps(body) if body is not None else None, timeout=30)
    if answer.status_code >= 400:
        sys.exit("%s %s -> %d %s" % (method, path, answer.status_code, answer.text))
    return answer.json()


def query(obj, *pairs):
    nested = [{"property": p, "operator": "EQUALS", "argument": [v]} for p, v in pairs]
    return call(obj + "/query", {"QueryFilter": {"expression": {"operator": "and", "nestedExpression": nested}}}).get("result", [])


packages = {}
for cid in COMPONENTS:
    found = query("PackagedComponent", ("componentId", cid), ("packageVersion", VERSION))
    packages[cid] = found[0] if found else call("PackagedComponent", {"componentId": cid, "packageVersion": VERSION,
                                                                      "notes": "demo", "shareable": True})
packs = query("PublisherIntegrationPack", ("name", "Order Processing Pack"))
NEW_PACK = {"name": "Order Processing Pack", "Description": "Order processing", "installationType": "MULTI"}
pack = packs[0] if packs else call("PublisherIntegrationPack", NEW_PACK)
members = {m["componentId"]: m for m in pack["PublisherPackagedComponents"].get("PublisherPackagedComponent", [])}
if set(COMPONENTS) - {c for c, m in members.items() if not m["deleted"]}:
    pack = call("PublisherIntegrationPack/" + pack["id"], {
        "id": pack["id"], "name": pack["name"], "installationType": "MULTI", "Description": pack["Description"],
        "operationType": "ADD", "PublisherPackagedComponents": {"PublisherPackagedComponent": [{"componentId": c} for c in COMPONENTS]}})
    members = {m["componentId"]: m for m in pack["PublisherPackagedComponents"]["PublisherPackagedComponent"]}
if any(members[c]["currentVersion"] != VERSION for c in COMPONENTS):
    request_id = call("ReleaseIntegrationPack", {"id": pack["id"], "releaseSchedule": "IMMEDIATELY", "ReleasePackagedComponents": {
        "ReleasePackagedComponent": [{"componentId": c, "version": VERSION} for c in COMPONENTS]}})["requestId"]
    while call("ReleaseIntegrationPackStatus/" + request_id, method="GET")["releaseStatus"] != "SUCCESS":
        pass
for name, env in ENVIRONMENTS.items():
    active = {d["packageId"] for d in query("DeployedPackage", ("environmentId", env), ("active", "true"))}
    for cid in COMPONENTS:
        if packages[cid]["packageId"] not in active:
            call("DeployedPackage", {"environmentId": env, "packageId": packages[cid]["packageId"], "listenerStatus": "RUNNING"})
    print("%-5s %d component(s) active at %s" % (name, len(COMPONENTS), VERSION))
summary = requests.get(URL + "/__simulator__/requests", timeout=10).json()["summary"]
print("simulator so far: %(total)d requests, %(writes)d writes" % summary)
