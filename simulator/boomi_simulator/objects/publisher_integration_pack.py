"""PublisherIntegrationPack: a publisher's integration pack and its member components.

Rules: Description (required, at most 500 characters), name and installationType (SINGLE or
MULTI, default MULTI, never changed) on create; an update carries operationType. ADD makes the listed components the
members (a member marked deleted is restored with its newest shareable package pending) and
marks every omitted member ``deleted: true`` (pending removal until the next release); DELETE
marks only the listed ones. Members need a shareable package; webservice components only fit
SINGLE packs; at most 100 members; only SINGLE packs can be renamed.
"""

from ..errors import bad_request
from ..validate import as_list, check_body, check_enum, check_type
from .base import ObjectType
from .packaged_component import SHAREABLE_TYPES

MAX_PACK_COMPONENTS = 100


class PublisherIntegrationPack(ObjectType):
    name = "PublisherIntegrationPack"
    operations = ("create", "get", "update", "delete", "query", "bulk")
    allowed = ("id", "name", "Description", "installationType", "operationType", "PublisherPackagedComponents")
    collection = "packs"
    dump_key = "integration_packs"
    properties = ("name", "id", "installationType")

    def render(self, ctx, record):
        members = [self._render_member(ctx, cid, m) for cid, m in record["members"].items()]
        out = {"@type": self.name, "id": record["id"], "name": record["name"], "Description": record["Description"],
               "installationType": record["installationType"],
               "PublisherPackagedComponents": {"@type": "PublisherPackagedComponents",
                                               "PublisherPackagedComponent": members}}
        if record.get("operationType"):  # [I] the OAS examples show the last update's operationType
            out["operationType"] = record["operationType"]
        return out

    @staticmethod
    def _render_member(ctx, component_id, member):
        component = ctx.data.components.get(component_id, {})
        return {"@type": "PublisherPackagedComponent", "componentId": component_id,
                "componentName": component.get("name", ""), "componentType": component.get("type", ""),
                "currentVersion": member["currentVersion"], "pendingVersion": member["pendingVersion"],
                "latestVersion": newer_shareable_version(ctx, component_id, member), "deleted": member["deleted"]}

    def _check_common(self, ctx, body):
        for field in ("name", "Description", "id"):
            check_type(body, field, str, self.name)
        check_enum(body, "installationType", ("SINGLE", "MULTI"), self.name)
        check_enum(body, "operationType", ("ADD", "DELETE"), self.name)
        if body.get("Description") is not None and len(body["Description"]) > 500:
            raise bad_request("PublisherIntegrationPack.Description is longer than 500 characters")

    def create(self, ctx, body):
        check_body(body, self.name, self.allowed, required=("Description",))  # the OAS requires only this
        self._check_common(ctx, body)
        if "operationType" in body:
            raise bad_request("PublisherIntegrationPack.operationType is only valid on update")
        # [I] defaults for what the OAS leaves optional: no name is "", no installationType is MULTI
        record = {"id": ctx.store.new_id(), "name": body.get("name") or "", "Description": body["Description"],
                  "installationType": body.get("installationType") or "MULTI", "members": {}}
        wanted = _component_ids(body)
        self._add_members(ctx, record, wanted)
        ctx.data.packs[record["id"]] = record
        return self.render(ctx, record), True

    def update(self, ctx, ident, body):
        record = self.find(ctx, ident)
        check_body(body, self.name, self.allowed, required=("operationType",))
        self._check_common(ctx, body)
        if body.get("id") not in (None, ident):
            raise bad_request("PublisherIntegrationPack.id '%s' does not match the id in the URL '%s'" % (body["id"], ident))
        if body.get("installationType") not in (None, record["installationType"]):
            raise bad_request("PublisherIntegrationPack.installationType cannot be changed after creation (it is %s)"
                              % record["installationType"])
        if body.get("name") not in (None, record["name"]) and record["installationType"] != "SINGLE":
            raise bad_request("PublisherIntegrationPack.name can only be changed on SINGLE integration packs")
        listed = _component_ids(body)
        if body["operationType"] == "ADD":
            self._add_members(ctx, record, listed)
        else:
            self._remove_members(record, listed)
        record["operationType"] = body["operationType"]
        if body.get("name"):
            record["name"] = body["name"]
        if body.get("Description") is not None:
            record["Description"] = body["Description"]
        return self.render(ctx, record), True

    def _add_members(self, ctx, record, component_ids):
        """ADD: the listed components are members; omitted ones become pending removal."""
        for cid in component_ids:
            self._check_addable(ctx, record, cid)
        if len(set(component_ids)) > MAX_PACK_COMPONENTS:
            raise bad_request("An integration pack holds at most %d packaged components" % MAX_PACK_COMPONENTS)
        for cid in component_ids:
            member = record["members"].get(cid)
            if member is None or member["deleted"]:
                # a new or restored member: the newest shareable package is what the next release holds
                current = member["currentVersion"] if member else ""
                record["members"][cid] = {"currentVersion": current, "pendingVersion": latest_shareable_version(ctx, cid),
                                          "deleted": False}
        for cid, member in record["members"].items():
            if cid not in component_ids:
                member["deleted"] = True

    def _check_addable(self, ctx, record, cid):
        component = ctx.data.components.get(cid)
        if not cid or component is None:
            raise bad_request("Component '%s' does not exist in account %s" % (cid, ctx.data.account_id))
        if component["type"] not in SHAREABLE_TYPES:
            raise bad_request("Component %s of type '%s' cannot be added to an integration pack" % (cid, component["type"]))
        if component["type"] == "webservice" and record["installationType"] == "MULTI":
            raise bad_request("Component %s is an API Service (webservice); MULTI integration packs cannot contain it" % cid)
        if not latest_shareable_version(ctx, cid):
            raise bad_request("Component %s has no shareable packaged component; package it with shareable=true first"
                              % cid)

    @staticmethod
    def _remove_members(record, component_ids):
        for cid in component_ids:
            if cid not in record["members"]:
                raise bad_request("Component %s is not in integration pack %s" % (cid, record["id"]))
            record["members"][cid]["deleted"] = True

    def delete(self, ctx, ident):
        self.find(ctx, ident)
        del ctx.data.packs[ident]

    def dump(self, record):
        return {"id": record["id"], "name": record["name"], "Description": record["Description"],
                "installationType": record["installationType"],
                "members": {cid: dict(m) for cid, m in record["members"].items()}}


def _component_ids(body):
    items = as_list(body.get("PublisherPackagedComponents"), "PublisherPackagedComponent")
    return [item.get("componentId") for item in items]


def shareable_versions(ctx, component_id):
    """The component's shareable package versions, oldest first (packages are kept in creation order)."""
    return [p["packageVersion"] for p in ctx.data.packages.values()
            if p["componentId"] == component_id and p["shareable"] and not p["deleted"]]


def latest_shareable_version(ctx, component_id):
    versions = shareable_versions(ctx, component_id)
    return versions[-1] if versions else ""


def newer_shareable_version(ctx, component_id, member):
    """``latestVersion`` as the OAS describes it: the newest shareable package available to be added,
    shown only when it is newer than the member's pending (or, with none pending, current) version."""
    versions = shareable_versions(ctx, component_id)
    reference = member["pendingVersion"] or member["currentVersion"]
    if not versions or versions[-1] == reference:
        return ""
    return versions[-1]
