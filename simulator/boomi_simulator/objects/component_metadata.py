"""ComponentMetadata: a component's name, type, folder and revisions (read-only here).

Boomi builds components in its UI, so a seed provides them: an id, a name, a type (process,
webservice, certificate, ...) and its latest revision; optionally ``folder``, ``createdDate``,
``createdBy`` and ``deleted``. The other objects read these records (``id``, ``name``, ``type``,
``revision``) directly.

Rules (the OAS): GET ``/ComponentMetadata/{componentId}`` answers the latest revision, and
``{componentId}~{version}`` that revision; a query returns every revision of every matching
component (previous and deleted ones included; ``currentVersion`` is true only on the latest), so
a lookup by name filters ``currentVersion``; bulk GET answers the latest revision per id.
[I] Revision N of a seeded component was modified N - 1 days after ``createdDate``; a deleted
component's latest revision carries ``deleted: true``. Create (restore), update and delete are
not simulated: no test needs them.
"""

import base64
import zlib
from datetime import datetime, timedelta

from .base import ObjectType

CREATED = "2026-01-05T09:00:00Z"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
BRANCH_ID = "QjoxMDAwMQ"  # base64 of "B:10001", Boomi's style of branch and folder ids (main branch)


class ComponentMetadata(ObjectType):
    name = "ComponentMetadata"
    collection = "components"
    operations = ("get", "query", "bulk")
    dump_key = "components"
    seed_key = "components"
    properties = ("componentId", "version", "name", "type", "subType", "createdDate", "createdBy", "modifiedDate",
                  "modifiedBy", "deleted", "currentVersion", "folderName", "folderId", "copiedFromComponentId",
                  "copiedFromComponentVersion", "branchName", "branchId")
    computed = {"accountId": lambda view: view["_accountId"]}

    def load_seed(self, data, item):
        data.components[item["id"]] = {
            "id": item["id"], "name": item.get("name", item["id"]), "type": item.get("type", "process"),
            "revision": int(item.get("revision", 1)), "folderName": item.get("folder", "Home"),
            "createdDate": item.get("createdDate", CREATED), "createdBy": item.get("createdBy", "builder@example.com"),
            "deleted": bool(item.get("deleted", False)),
        }

    def find(self, ctx, ident):
        """The record and revision of ``componentId`` (the latest) or ``componentId~version``."""
        component_id, separator, version = str(ident or "").partition("~")
        record = self.records_by_id(ctx).get(component_id)
        if record is None:
            raise ctx.missing(self.name, ident)
        if not separator:
            return record, record["revision"]
        try:
            revision = int(version)
        except ValueError:
            raise ctx.missing(self.name, ident) from None
        if not 1 <= revision <= record["revision"]:
            raise ctx.missing(self.name, ident)
        return record, revision

    def get(self, ctx, ident):
        record, revision = self.find(ctx, ident)
        return self.view(ctx, record, revision)

    def view(self, ctx, record, revision):
        """Revision ``revision`` of the component, as Boomi answers it."""
        latest = revision == record["revision"]
        modified = datetime.strptime(record["createdDate"], DATE_FORMAT) + timedelta(days=revision - 1)
        return {
            "@type": self.name, "componentId": record["id"], "version": revision, "name": record["name"],
            "type": record["type"], "createdDate": record["createdDate"], "createdBy": record["createdBy"],
            "modifiedDate": modified.strftime(DATE_FORMAT), "modifiedBy": record["createdBy"],
            "deleted": record["deleted"] and latest, "currentVersion": latest, "folderName": record["folderName"],
            "folderId": _folder_id(record["folderName"]), "branchName": "main", "branchId": BRANCH_ID,
        }

    def query_items(self, ctx, predicate):
        """Every revision of every component that matches, oldest revision first."""
        found = []
        for record in self.records(ctx):
            for revision in range(1, record["revision"] + 1):
                view = self.view(ctx, record, revision)
                if predicate(dict(view, _accountId=ctx.data.account_id)):
                    found.append(view)
        return found


def _folder_id(folder_name):
    """A stable Boomi-style folder id ("F:<number>" in unpadded base64) for a folder name."""
    number = zlib.crc32(folder_name.encode("utf-8")) % 10000000
    return base64.b64encode(("F:%d" % number).encode()).decode().rstrip("=")
