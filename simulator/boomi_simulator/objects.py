"""Boomi's lifecycle objects and their rules (research §5 and §9; DESIGN §6).

Each object type offers the operations Boomi documents for it. A handler returns the JSON
answer and whether it committed a write; a rule violation raises ApiError (400 by default).
"""

from datetime import datetime

from .errors import ApiError, bad_request
from .validate import as_list, check_body, check_enum, check_type

SHAREABLE_TYPES = ("process", "webservice")
PACKABLE_TYPES = ("process", "webservice")
MAX_PACK_COMPONENTS = 100


class Context:
    """What a handler needs: the store, the effective account's data, the caller and options."""

    def __init__(self, store, data, user, config, base_url, effects=()):
        self.store = store
        self.data = data
        self.user = user
        self.config = config
        self.base_url = base_url
        self.effects = set(effects)

    def missing(self, object_name, ident):
        return ApiError(self.config.missing_status, "No such %s: '%s'" % (object_name, ident))


def field_getter(name):
    return lambda record: record.get(name)


class ObjectType:
    name = ""
    operations = ()  # of: create, get, update, delete, query, bulk
    properties = {}

    def records(self, ctx):
        raise NotImplementedError

    def find(self, ctx, ident):
        record = self.records_by_id(ctx).get(ident)
        if record is None:
            raise ctx.missing(self.name, ident)
        return record

    def records_by_id(self, ctx):
        raise NotImplementedError

    def render(self, ctx, record):
        return dict(record)

    def get(self, ctx, ident):
        return self.render(ctx, self.find(ctx, ident))

    def query_items(self, ctx, predicate):
        return [self.render(ctx, r) for r in self.records(ctx) if predicate(r)]


# ------------------------------------------------------------------------------------------------
# PackagedComponent
# ------------------------------------------------------------------------------------------------
class PackagedComponent(ObjectType):
    name = "PackagedComponent"
    operations = ("create", "get", "delete", "query", "bulk")
    allowed = ("packageId", "componentId", "packageVersion", "componentVersion", "componentType", "notes",
               "shareable", "branchName", "createdDate", "createdBy", "deleted", "fullyPubliclyConsumable")
    properties = {name: field_getter(name)
                  for name in ("componentId", "packageVersion", "componentType", "shareable", "createdBy",
                               "createdDate", "branchName", "packageId", "componentVersion", "deleted", "notes")}

    def records(self, ctx):
        return list(ctx.data.packages.values())

    def records_by_id(self, ctx):
        return ctx.data.packages

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
        packs = [p["name"] for p in ctx.data.packs.values()
                 if p["members"].get(record["componentId"], {}).get("currentVersion") == record["packageVersion"]]
        if packs:
            raise bad_request("PackagedComponent %s cannot be deleted: it is released in integration pack(s) %s"
                              % (ident, ", ".join(packs)))
        record["deleted"] = True


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


# ------------------------------------------------------------------------------------------------
# PublisherIntegrationPack
# ------------------------------------------------------------------------------------------------
class PublisherIntegrationPack(ObjectType):
    name = "PublisherIntegrationPack"
    operations = ("create", "get", "update", "delete", "query", "bulk")
    allowed = ("id", "name", "Description", "installationType", "operationType", "PublisherPackagedComponents")
    properties = {"name": lambda r: r["name"], "id": lambda r: r["id"],
                  "installationType": lambda r: r["installationType"]}

    def records(self, ctx):
        return list(ctx.data.packs.values())

    def records_by_id(self, ctx):
        return ctx.data.packs

    def render(self, ctx, record):
        members = [self._render_member(ctx, cid, m) for cid, m in record["members"].items()]
        return {"@type": self.name, "id": record["id"], "name": record["name"], "Description": record["Description"],
                "installationType": record["installationType"],
                "PublisherPackagedComponents": {"@type": "PublisherPackagedComponents",
                                                "PublisherPackagedComponent": members}}

    @staticmethod
    def _render_member(ctx, component_id, member):
        component = ctx.data.components.get(component_id, {})
        return {"@type": "PublisherPackagedComponent", "componentId": component_id,
                "componentName": component.get("name", ""), "componentType": component.get("type", ""),
                "currentVersion": member["currentVersion"], "pendingVersion": member["pendingVersion"],
                "latestVersion": latest_shareable_version(ctx, component_id) or "", "deleted": member["deleted"]}

    def _check_common(self, ctx, body):
        for field in ("name", "Description", "id"):
            check_type(body, field, str, self.name)
        check_enum(body, "installationType", ("SINGLE", "MULTI"), self.name)
        check_enum(body, "operationType", ("ADD", "DELETE"), self.name)
        if body.get("Description") is not None and len(body["Description"]) > 500:
            raise bad_request("PublisherIntegrationPack.Description is longer than 500 characters")

    def create(self, ctx, body):
        check_body(body, self.name, self.allowed, required=("name", "Description", "installationType"))
        self._check_common(ctx, body)
        if "operationType" in body:
            raise bad_request("PublisherIntegrationPack.operationType is only valid on update")
        record = {"id": ctx.store.new_id(), "name": body["name"], "Description": body["Description"],
                  "installationType": body["installationType"], "members": {}}
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
        if component["type"] not in PACKABLE_TYPES:
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


def _component_ids(body):
    items = as_list(body.get("PublisherPackagedComponents"), "PublisherPackagedComponent")
    return [item.get("componentId") for item in items]


def latest_shareable_version(ctx, component_id):
    versions = [p["packageVersion"] for p in ctx.data.packages.values()
                if p["componentId"] == component_id and p["shareable"] and not p["deleted"]]
    return versions[-1] if versions else ""


# ------------------------------------------------------------------------------------------------
# ReleaseIntegrationPack and ReleaseIntegrationPackStatus
# ------------------------------------------------------------------------------------------------
class ReleaseIntegrationPack(ObjectType):
    name = "ReleaseIntegrationPack"
    operations = ("create", "update")
    allowed = ("id", "name", "installationType", "releaseSchedule", "releaseOnDate", "ReleasePackagedComponents",
               "requestId", "releaseStatusUrl")

    def create(self, ctx, body):
        check_body(body, self.name, self.allowed, required=("id", "releaseSchedule"))
        pack = self._pack(ctx, body["id"])
        scheduled = self._validate(ctx, body)
        if scheduled and self._pending_scheduled(ctx, pack["id"]):
            raise bad_request("Integration pack %s already has a scheduled release; update it with "
                              "POST ReleaseIntegrationPack/%s or release immediately" % (pack["id"], pack["id"]))
        release = self._new_release(ctx, pack, body)
        return self._answer(ctx, pack, release), True

    def update(self, ctx, ident, body):
        check_body(body, self.name, self.allowed, required=("releaseSchedule",))
        if body.get("id") not in (None, ident):
            raise bad_request("ReleaseIntegrationPack.id '%s' does not match the id in the URL '%s'" % (body["id"], ident))
        pack = self._pack(ctx, ident)
        existing = self._pending_scheduled(ctx, pack["id"])
        if existing is None:
            raise bad_request("Integration pack %s has no scheduled release to update" % ident)
        self._validate(ctx, body)
        existing["releaseStatus"] = "CANCELLED"  # replaced by the new request
        release = self._new_release(ctx, pack, dict(body, id=ident))
        return self._answer(ctx, pack, release), True

    @staticmethod
    def _pack(ctx, pack_id):
        pack = ctx.data.packs.get(pack_id)
        if pack is None:
            raise bad_request("No such integration pack: '%s'" % pack_id)
        return pack

    def _validate(self, ctx, body):
        check_enum(body, "releaseSchedule", ("IMMEDIATELY", "RELEASE_ON_SPECIFIED_DATE"), self.name)
        scheduled = body["releaseSchedule"] == "RELEASE_ON_SPECIFIED_DATE"
        date = body.get("releaseOnDate")
        if scheduled:
            if not date:
                raise bad_request("ReleaseIntegrationPack.releaseOnDate is required when releaseSchedule is "
                                  "RELEASE_ON_SPECIFIED_DATE")
            try:
                datetime.strptime(date, "%Y-%m-%d")
            except (TypeError, ValueError):
                raise bad_request("ReleaseIntegrationPack.releaseOnDate '%s' is not a date in yyyy-MM-dd format" % date) from None
            if date < ctx.store.today():
                raise bad_request("ReleaseIntegrationPack.releaseOnDate %s is in the past" % date)
        elif date:
            raise bad_request("ReleaseIntegrationPack.releaseOnDate is only valid with RELEASE_ON_SPECIFIED_DATE")
        return scheduled

    @staticmethod
    def _pending_scheduled(ctx, pack_id):
        for release in ctx.data.releases.values():
            if release["integrationPackId"] == pack_id and release["releaseStatus"] == "SCHEDULED":
                return release
        return None

    def _new_release(self, ctx, pack, body):
        versions = self._versions(ctx, pack, as_list(body.get("ReleasePackagedComponents"), "ReleasePackagedComponent"))
        request_id = "release-" + ctx.store.new_id()
        scheduled = body["releaseSchedule"] == "RELEASE_ON_SPECIFIED_DATE"
        release = {
            "requestId": request_id, "integrationPackId": pack["id"], "name": pack["name"],
            "installationType": pack["installationType"], "releaseSchedule": body["releaseSchedule"],
            "releaseOnDate": body.get("releaseOnDate") or ctx.store.today(),
            "releaseStatus": "SCHEDULED" if scheduled else "IN_PROGRESS", "versions": versions,
            "_created": ctx.store.now(), "_polls": 0, "_fail": "release_error" in ctx.effects,
        }
        ctx.data.releases[request_id] = release
        return release

    @staticmethod
    def _versions(ctx, pack, items):
        """Every active member gets a version: the listed one, else its pending, else its current."""
        listed = {}
        for item in items:
            unknown = set(item) - {"componentId", "version", "releasedVersion", "@type"}
            if unknown:
                raise bad_request("Unknown field '%s' in ReleasePackagedComponent" % sorted(unknown)[0])
            cid, version = item.get("componentId"), item.get("version")
            member = pack["members"].get(cid)
            if member is None or member["deleted"]:
                raise bad_request("Component %s is not a member of integration pack %s" % (cid, pack["id"]))
            if not any(p["componentId"] == cid and p["packageVersion"] == version and p["shareable"] and not p["deleted"]
                       for p in ctx.data.packages.values()):
                raise bad_request("Component %s has no shareable packaged component with version '%s'" % (cid, version))
            listed[cid] = version
        versions = {}
        for cid, member in pack["members"].items():
            if member["deleted"]:
                continue
            versions[cid] = listed.get(cid) or member["pendingVersion"] or member["currentVersion"]
            if not versions[cid]:
                raise bad_request("Component %s in integration pack %s has no version to release" % (cid, pack["id"]))
        if not versions and not any(m["deleted"] for m in pack["members"].values()):
            raise bad_request("Integration pack %s has no packaged components to release" % pack["id"])
        return versions

    def _answer(self, ctx, pack, release):
        components = [{"@type": "ReleasePackagedComponent", "componentId": cid, "version": v, "releasedVersion": v}
                      for cid, v in release["versions"].items()]
        out = {"@type": self.name, "id": pack["id"], "name": pack["name"], "installationType": pack["installationType"],
               "releaseSchedule": release["releaseSchedule"], "requestId": release["requestId"],
               "releaseStatusUrl": "%s/ReleaseIntegrationPackStatus/%s" % (ctx.base_url, release["requestId"]),
               "ReleasePackagedComponents": {"@type": "ReleasePackagedComponents", "ReleasePackagedComponent": components}}
        if release["releaseSchedule"] == "RELEASE_ON_SPECIFIED_DATE":
            out["releaseOnDate"] = release["releaseOnDate"]
        return out


def advance_releases(ctx):
    """Finish releases whose time has come, whether or not anybody polls (DESIGN §6)."""
    for release in ctx.data.releases.values():
        status = release["releaseStatus"]
        if status == "IN_PROGRESS":
            elapsed = ctx.store.now() - release["_created"]
            if release["_polls"] >= ctx.config.release_polls or elapsed >= ctx.config.release_seconds:
                _finish(ctx, release)
        elif status == "SCHEDULED" and release["releaseOnDate"] <= ctx.store.today():
            _finish(ctx, release)


def _finish(ctx, release):
    pack = ctx.data.packs.get(release["integrationPackId"])
    if release["_fail"] or pack is None:
        release["releaseStatus"] = "ERROR"
        release["message"] = "Release of integration pack %s failed (simulated error)" % release["integrationPackId"]
        return
    for cid in [c for c, m in pack["members"].items() if m["deleted"]]:
        del pack["members"][cid]
    for cid, version in release["versions"].items():
        if cid in pack["members"]:
            pack["members"][cid].update(currentVersion=version, pendingVersion="")
    release["releaseStatus"] = "SUCCESS"
    release["releasedDate"] = ctx.store.timestamp()


class ReleaseIntegrationPackStatus(ObjectType):
    name = "ReleaseIntegrationPackStatus"
    operations = ("get", "bulk")

    def records_by_id(self, ctx):
        return ctx.data.releases

    def poll(self, ctx, ident):
        """GET: counts the poll, then answers 202 while in progress or scheduled, else 200."""
        release = self.find(ctx, ident)
        release["_polls"] += 1
        advance_releases(ctx)
        return self.render(ctx, release)

    def render(self, ctx, record):
        status = record["releaseStatus"]
        code = 202 if status in ("IN_PROGRESS", "SCHEDULED") else 200
        out = {"@type": self.name, "integrationPackId": record["integrationPackId"], "name": record["name"],
               "installationType": record["installationType"], "releaseSchedule": record["releaseSchedule"],
               "requestId": record["requestId"], "releaseStatus": status, "releaseOnDate": record["releaseOnDate"],
               "responseStatusCode": code}
        if status == "SUCCESS":
            out["ReleasePackagedComponents"] = {
                "@type": "ReleasePackagedComponents",
                "ReleasePackagedComponent": [{"@type": "ReleasePackagedComponent", "componentId": cid,
                                              "releasedVersion": v, "version": v}
                                             for cid, v in record["versions"].items()]}
        if status == "ERROR":
            out["message"] = record.get("message", "")
        return out


# ------------------------------------------------------------------------------------------------
# DeployedPackage
# ------------------------------------------------------------------------------------------------
class DeployedPackage(ObjectType):
    name = "DeployedPackage"
    operations = ("create", "get", "delete", "query", "bulk")
    allowed = ("componentId", "environmentId", "listenerStatus", "notes", "packageId")

    def __init__(self):
        self.properties = {
            "uid": lambda r: r["deploymentId"], "deploymentId": lambda r: r["deploymentId"],
            "notes": lambda r: r["notes"], "current": lambda r: r["active"], "active": lambda r: r["active"],
            "componentId": lambda r: r["componentId"], "componentVersion": lambda r: r["componentVersion"],
            "componentType": lambda r: r["componentType"], "deployedBy": lambda r: r["deployedBy"],
            "deployedDate": lambda r: r["deployedDate"], "environmentId": lambda r: r["environmentId"],
            "packageId": lambda r: r["packageId"], "packageVersion": lambda r: r["packageVersion"],
            "version": lambda r: r["version"], "branch": lambda r: r["branchName"],
            "componentName": lambda r: r["_componentName"], "environmentName": lambda r: r["_environmentName"],
            "packageNotes": lambda r: r["_packageNotes"], "accountId": lambda r: r["_accountId"],
        }

    def records(self, ctx):
        return list(ctx.data.deployments.values())

    def records_by_id(self, ctx):
        return ctx.data.deployments

    def render(self, ctx, record):
        out = {k: v for k, v in record.items() if not k.startswith("_")}
        if ctx.config.component_version_style == "string":
            out["componentVersion"] = "%d.0" % record["componentVersion"]
        return out

    def create(self, ctx, body):
        check_body(body, self.name, self.allowed, required=("environmentId",))
        check_enum(body, "listenerStatus", ("RUNNING", "PAUSED"), self.name)
        env = ctx.data.environments.get(body["environmentId"])
        if env is None:
            raise bad_request("No such environment: '%s'" % body["environmentId"])
        package = self._package(ctx, body)
        active = [d for d in ctx.data.deployments.values()
                  if d["environmentId"] == env["id"] and d["componentId"] == package["componentId"] and d["active"]]
        if ctx.config.redeploy == "reject" and any(d["packageId"] == package["packageId"] for d in active):
            raise bad_request("Package %s is already deployed to environment %s" % (package["packageId"], env["id"]))
        for old in active:
            old["active"] = False
        history = [d for d in ctx.data.deployments.values()
                   if d["environmentId"] == env["id"] and d["componentId"] == package["componentId"]]
        component = ctx.data.components.get(package["componentId"], {})
        record = {
            "@type": self.name, "deploymentId": ctx.store.new_id(), "version": len(history) + 1,
            "packageId": package["packageId"], "packageVersion": package["packageVersion"], "environmentId": env["id"],
            "componentId": package["componentId"], "componentVersion": package["componentVersion"],
            "componentType": package["componentType"], "deployedDate": ctx.store.timestamp(),
            "deployedBy": ctx.user["username"], "notes": body.get("notes", ""), "active": True,
            "branchName": package["branchName"], "listenerStatus": body.get("listenerStatus", "RUNNING"),
            "_componentName": component.get("name", ""), "_environmentName": env["name"],
            "_packageNotes": package["notes"], "_accountId": ctx.data.account_id,
        }
        if "deploy_message" in ctx.effects:
            record["message"] = "The deployment exceeds the connection licenses available in this account."
        ctx.data.deployments[record["deploymentId"]] = record
        return self.render(ctx, record), True

    def _package(self, ctx, body):
        if body.get("packageId"):
            package = ctx.data.packages.get(body["packageId"])
            if package is None:
                raise bad_request("No such PackagedComponent: '%s'; DeployedPackage.packageId takes a packaged "
                                  "component id" % body["packageId"])
            if package["deleted"]:
                raise bad_request("PackagedComponent %s is deleted and cannot be deployed" % package["packageId"])
            return package
        if body.get("componentId"):
            created = PackagedComponent().create(ctx, {"componentId": body["componentId"]})[0]
            return ctx.data.packages[created["packageId"]]
        raise bad_request("DeployedPackage needs packageId or componentId")

    def delete(self, ctx, ident):
        record = self.find(ctx, ident)
        if not record["active"]:
            raise bad_request("Deployment %s is not active" % ident)
        record["active"] = False


# ------------------------------------------------------------------------------------------------
# Environment
# ------------------------------------------------------------------------------------------------
class Environment(ObjectType):
    name = "Environment"
    operations = ("create", "get", "update", "delete", "query", "bulk")
    allowed = ("id", "name", "classification", "parentAccount", "parentEnvironment")
    properties = {"name": lambda r: r["name"], "id": lambda r: r["id"], "classification": lambda r: r["classification"]}

    def records(self, ctx):
        return list(ctx.data.environments.values())

    def records_by_id(self, ctx):
        return ctx.data.environments

    def _check_name(self, ctx, name, own_id=None):
        if any(e["name"] == name and e["id"] != own_id for e in ctx.data.environments.values()):
            raise bad_request("An environment named '%s' already exists" % name)

    def create(self, ctx, body):
        check_body(body, self.name, self.allowed, required=("name",))
        check_enum(body, "classification", ("PROD", "TEST"), self.name)
        self._check_name(ctx, body["name"])
        record = {"@type": self.name, "id": ctx.store.new_id(), "name": body["name"],
                  "classification": body.get("classification", "PROD")}
        ctx.data.environments[record["id"]] = record
        return dict(record), True

    def update(self, ctx, ident, body):
        record = self.find(ctx, ident)
        check_body(body, self.name, self.allowed, required=("name",))
        if body.get("classification") not in (None, record["classification"]):
            raise bad_request("Environment.classification can only be set when the environment is created")
        self._check_name(ctx, body["name"], own_id=ident)
        record["name"] = body["name"]
        return dict(record), True

    def delete(self, ctx, ident):
        self.find(ctx, ident)
        if any(d["environmentId"] == ident and d["active"] for d in ctx.data.deployments.values()):
            raise bad_request("Environment %s has active deployments and cannot be deleted" % ident)
        del ctx.data.environments[ident]


OBJECTS = {cls.name: cls() for cls in (PackagedComponent, PublisherIntegrationPack, ReleaseIntegrationPack,
                                       ReleaseIntegrationPackStatus, DeployedPackage, Environment)}
