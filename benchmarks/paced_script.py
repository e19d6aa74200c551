"""The comparison a user would make: a sequential script with the minimal calls for Process D, paced.

argv: simulator URL, requests per second, JSON list of environment ids. It makes no reads but the
release status polls: three packages, the pack, its membership, the release, one deployment per
component and environment.
"""

import json
import sys
import time

import requests
from boomi_simulator.seed import BUILTIN_SEED, COMPONENTS, PRIMARY

PROCESSES = [COMPONENTS["order_intake"], COMPONENTS["order_fulfilment"], COMPONENTS["invoice_sync"]]


class Paced:
    def __init__(self, url, rate):
        user = BUILTIN_SEED["users"][0]
        self.base = "%s/api/rest/v1/%s/" % (url, PRIMARY)
        self.session = requests.Session()
        self.session.auth = ("BOOMI_TOKEN." + user["username"], user["token"])
        self.session.headers.update({"Accept": "application/json"})
        self.gap = 1.0 / rate
        self.next = time.monotonic()

    def call(self, method, path, body=None):
        now = time.monotonic()
        if now < self.next:
            time.sleep(self.next - now)
        self.next = max(now, self.next) + self.gap
        answer = self.session.request(method, self.base + path, json=body, timeout=30)
        answer.raise_for_status()
        return answer.json() if answer.content else None


def main(url, rate, environment_ids):
    api = Paced(url, float(rate))
    packages = [api.call("POST", "PackagedComponent", {"componentId": c, "packageVersion": "1.0.0", "shareable": True})
                for c in PROCESSES]
    pack = api.call("POST", "PublisherIntegrationPack", {"name": "Bench Pack", "Description": "d",
                                                         "installationType": "MULTI"})
    api.call("POST", "PublisherIntegrationPack/" + pack["id"], {
        "id": pack["id"], "operationType": "ADD", "Description": "d",
        "PublisherPackagedComponents": {"PublisherPackagedComponent": [{"componentId": c} for c in PROCESSES]}})
    release = api.call("POST", "ReleaseIntegrationPack", {
        "id": pack["id"], "releaseSchedule": "IMMEDIATELY", "ReleasePackagedComponents": {"ReleasePackagedComponent": [
            {"componentId": c, "version": "1.0.0"} for c in PROCESSES]}})
    while api.call("GET", "ReleaseIntegrationPackStatus/" + release["requestId"])["releaseStatus"] != "SUCCESS":
        time.sleep(5)
    for environment_id in json.loads(environment_ids):
        for package in packages:
            api.call("POST", "DeployedPackage", {"environmentId": environment_id, "packageId": package["packageId"],
                                                 "listenerStatus": "RUNNING"})


if __name__ == "__main__":
    main(*sys.argv[1:])
