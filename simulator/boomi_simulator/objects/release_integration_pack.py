"""ReleaseIntegrationPack and ReleaseIntegrationPackStatus: releasing a pack, asynchronously.

A release names a version for members (the others take their pending version, else their
current one). It is IN_PROGRESS (or SCHEDULED until its releaseOnDate) and then SUCCESS: each
member's currentVersion becomes the released version and members pending removal leave the
pack. A pack has at most one scheduled release; ``POST ReleaseIntegrationPack/{packId}``
replaces it. Nothing on the pack shows a pending schedule (its members keep their current and
pending versions until the date): only the status of its request id does. A release completes after the configured number of status polls or seconds,
whichever comes first, even if nobody polls.
"""

from datetime import datetime

from ..errors import bad_request
from ..validate import as_list, check_body, check_enum
from .base import ObjectType


class ReleaseIntegrationPack(ObjectType):
    name = "ReleaseIntegrationPack"
    operations = ("create", "update")
    collection = "releases"
    dump_key = "releases"
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
        release = self._new_release(ctx, pack, dict(body, id=ident))
        # [I] the replaced request follows its replacement: its status answers are the new request's (the
        # OAS knows no CANCELLED status), so a job polling the old id sees the pack's one scheduled release
        existing["replacedBy"] = release["requestId"]
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
               "releaseOnDate": release["releaseOnDate"],  # [I] today for an immediate release
               "ReleasePackagedComponents": {"@type": "ReleasePackagedComponents", "ReleasePackagedComponent": components}}
        return out

    def tick(self, ctx):
        advance_releases(ctx)


def advance_releases(ctx):
    """Finish releases whose time has come, whether or not anybody polls."""
    for release in ctx.data.releases.values():
        if release.get("replacedBy"):
            continue
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
    collection = "releases"

    def answer_get(self, ctx, ident):
        """A poll: counted, then 202 while in progress or scheduled, else 200."""
        release = self.find(ctx, ident)
        release["_polls"] += 1
        advance_releases(ctx)
        payload = self.render(ctx, release)
        return payload["responseStatusCode"], payload

    def render(self, ctx, record):
        request_id = record["requestId"]
        while record.get("replacedBy"):
            record = ctx.data.releases[record["replacedBy"]]
        status = record["releaseStatus"]
        code = 202 if status in ("IN_PROGRESS", "SCHEDULED") else 200
        out = {"@type": self.name, "integrationPackId": record["integrationPackId"], "name": record["name"],
               "installationType": record["installationType"], "releaseSchedule": record["releaseSchedule"],
               "requestId": request_id, "releaseStatus": status, "releaseOnDate": record["releaseOnDate"],
               "responseStatusCode": code}
        if status == "SUCCESS":
            out["ReleasePackagedComponents"] = {
                "@type": "ReleasePackagedComponents",
                "ReleasePackagedComponent": [{"@type": "ReleasePackagedComponent", "componentId": cid,
                                              "releasedVersion": v, "version": v}
                                             for cid, v in record["versions"].items()]}
        elif status == "SCHEDULED" and ctx.config.scheduled_status == "versions":
            # [I] a pending request lists what it will release in ``version`` (the schema's "version that will be
            # included in the next release"), with no releasedVersion yet; ``--scheduled-status bare`` lists nothing
            out["ReleasePackagedComponents"] = {
                "@type": "ReleasePackagedComponents",
                "ReleasePackagedComponent": [{"@type": "ReleasePackagedComponent", "componentId": cid, "version": v}
                                             for cid, v in record["versions"].items()]}
        if status == "ERROR":
            out["message"] = record.get("message", "")
        return out
