"""PackagedComponent: a component frozen at a version label.

Rules: a packageVersion is unique per component, deleted packages included; packages never
change (there is no UPDATE); only process and webservice components can be shareable; a deleted
package is restored by creating it again with its packageId; a package that is deployed, or is a
pack member's current or pending version, cannot be deleted.
"""

from ..errors import bad_request
from ..validate import check_body, check_type
from .base import ObjectType

SHAREABLE_TYPES = ("process", "webservice")  # also the only types an integration pack takes


class PackagedComponent(ObjectType):
    name = "PackagedComponent"
    operations = ("create", "get", "delete", "query", "bulk")
    allowed = ("packageId", "componentId", "packageVersion", "componentVersion", "componentType", "notes",
               "shareable", "branchName", "createdDate", "createdBy", "deleted", "fullyPubliclyConsumable")
    collection = "packages"
    dump_key = "packaged_components"
    properties = ("componentId", "packageVersion", "componentType", "shareable", "createdBy", "createdDate",
                  "branchName", "packageId", "componentVersion", "deleted", "notes")

    def render(self, ctx, record):
        out = dict(record)
        if ctx.config.component_version_style == "string":
            out["componentVersion"] = "%d.0" % record["componentVersion"]
        return out

    def create(self, ctx, body):
        check_body(body, self.name, self.allowed, required=("componentId",))
        for field in ("componentId", "packageVersion", "notes", "branchName", "packageId"):
            check_type(body, field, str, self.name)
        check_type(body, "shareable", bool, self.name)
        component = ctx.data.components.get(body["componentId"])
        if component is None:
            raise bad_request("Component '%s' does not exist in account %s" % (body["componentId"], ctx.data.account_id))
        if body.get("packageId"):
            return self._restore(ctx, body), True
        revision = _component_revision(body, component)
        version = body.get("packageVersion") or "%d.0" % revision
        clash = [p for p in ctx.data.packages.values()
                 if p["componentId"] == component["id"] and p["packageVersion"] == version]
        if clash:
            state = " (deleted)" if clash[0]["deleted"] else ""
            raise bad_request("Package version '%s' already exists for component %s%s; package versions must be unique"
                              " per component, including deleted ones" % (version, component["id"], state))
        shareable = bool(body.get("shareable", False))
        if shareable and component["type"] not in SHAREABLE_TYPES:
            raise bad_request("Component %s of type '%s' cannot be shareable; only process and webservice components can"
                              % (component["id"], component["type"]))
        record = {
            "@type": "PackagedComponent", "packageId": ctx.store.new_id(), "packageVersion": version,
            "componentId": component["id"], "componentVersion": revision, "componentType": component["type"],
            "createdDate": ctx.store.timestamp(), "createdBy": ctx.user["username"], "notes": body.get("notes", ""),
            "shareable": shareable, "branchName": body.get("branchName") or "main", "deleted": False,
        }
        ctx.data.packages[record["packageId"]] = record
        return self.render(ctx, record), True

    def _restore(self, ctx, body):
        record = ctx.data.packages.get(body["packageId"])
        if record is None:
            raise bad_request("No such PackagedComponent: '%s'" % body["packageId"])
        if record["componentId"] != body["componentId"] or record["packageVersion"] != body.get("packageVersion"):
            raise bad_request("To restore package %s send its componentId and packageVersion (%s, %s)"
                              % (record["packageId"], record["componentId"], record["packageVersion"]))
        if not record["deleted"]:
            raise bad_request("PackagedComponent %s is not deleted; there is nothing to restore" % record["packageId"])
        record["deleted"] = False
        return self.render(ctx, record)

    def delete(self, ctx, ident):
        record = self.find(ctx, ident)
        if record["deleted"]:
            raise bad_request("PackagedComponent %s is already deleted" % ident)
        deployed = [d for d in ctx.data.deployments.values() if d["packageId"] == ident and d["active"]]
        if deployed:
            raise bad_request("PackagedComponent %s cannot be deleted: it is deployed to environment(s) %s"
                              % (ident, ", ".join(sorted({d["environmentId"] for d in deployed}))))
        packs = _packs_using(ctx, record)
        if packs:
            raise bad_request("PackagedComponent %s cannot be deleted: it is in use as part of integration pack(s) %s"
                              % (ident, ", ".join(packs)))
        record["deleted"] = True


def _packs_using(ctx, record):
    """Packs whose member holds this version as currentVersion or pendingVersion ([I]: the OAS says only
    "in use as part of an integration pack"; we read it as released or waiting for the next release)."""
    names = []
    for pack in ctx.data.packs.values():
        member = pack["members"].get(record["componentId"], {})
        if record["packageVersion"] in (member.get("currentVersion"), member.get("pendingVersion")):
            names.append(pack["name"])
    return sorted(names)


def _component_revision(body, component):
    wanted = body.get("componentVersion")
    if wanted in (None, ""):
        return component["revision"]
    try:
        revision = int(float(wanted))
    except (TypeError, ValueError):
        raise bad_request("PackagedComponent.componentVersion must be a number, got %r" % (wanted,)) from None
    if revision < 1 or revision > component["revision"]:
        raise bad_request("Component %s has no revision %s (latest is %d)" % (component["id"], wanted, component["revision"]))
    return revision
