"""AccountGroupIntegrationPack: a publisher's integration pack shared with one of its account groups.

Rules: create takes ``integrationPackId`` (a pack of the requesting, publishing account) and
``accountGroupId`` (one of its groups); GET, DELETE (unshare), query by ``accountGroupId``, bulk.
The answer names the pack and its installation type as they are now. Sharing is needed once:
later releases reach the group by themselves.
[I] Sharing a pack twice with the same group is a 400; an unreleased pack may be shared (it is
offered to the group's accounts from its first release on); unsharing leaves installed instances
in place (no new installs); a deleted pack's shares disappear with it. The id is unpadded
URL-safe base64 of ``"<n>|<accountGroupId>"``, n counting the account's shares, as in Boomi's
examples (``MXxj...`` = ``1|cd17...``).
"""

from ..errors import bad_request
from ..validate import check_body, check_type
from .account_group import groups_holding, synthesized_id
from .base import ObjectType


class AccountGroupIntegrationPack(ObjectType):
    name = "AccountGroupIntegrationPack"
    collection = "shares"
    operations = ("create", "get", "delete", "query", "bulk")
    allowed = ("id", "integrationPackId", "accountGroupId", "integrationPackName", "installationType")
    dump_key = "account_group_integration_packs"
    properties = ("accountGroupId",)

    def render(self, ctx, record):
        pack = ctx.data.packs.get(record["integrationPackId"], {})
        return {"@type": self.name, "id": record["id"], "integrationPackId": record["integrationPackId"],
                "integrationPackName": pack.get("name", ""), "installationType": pack.get("installationType", "SINGLE"),
                "accountGroupId": record["accountGroupId"]}

    def create(self, ctx, body):
        check_body(body, self.name, self.allowed, required=("integrationPackId", "accountGroupId"))
        for field in ("integrationPackId", "accountGroupId"):
            check_type(body, field, str, self.name)
        pack_id, group_id = body["integrationPackId"], body["accountGroupId"]
        if pack_id not in ctx.data.packs:
            raise bad_request("No such integration pack: '%s' (share a pack this account publishes)" % pack_id)
        if group_id not in ctx.data.account_groups:
            raise bad_request("No such account group: '%s' in account %s" % (group_id, ctx.data.account_id))
        if any(s["integrationPackId"] == pack_id and s["accountGroupId"] == group_id for s in ctx.data.shares.values()):
            raise bad_request("Integration pack %s is already shared with account group %s" % (pack_id, group_id))
        number = max([s["_n"] for s in ctx.data.shares.values()] or [0]) + 1
        record = {"id": synthesized_id(str(number), group_id), "integrationPackId": pack_id, "accountGroupId": group_id,
                  "_n": number}
        ctx.data.shares[record["id"]] = record
        return self.render(ctx, record), True

    def delete(self, ctx, ident):
        self.find(ctx, ident)
        del ctx.data.shares[ident]

    def tick(self, ctx):
        for ident in [i for i, s in ctx.data.shares.items() if s["integrationPackId"] not in ctx.data.packs]:
            del ctx.data.shares[ident]


def available_packs(store, account_id):
    """{pack_id: (publisher account id, pack record)} of the packs ``account_id`` may install: shared by
    another account with an account group holding ``account_id``, and released at least once."""
    found = {}
    for publisher, data in store.data.items():
        if publisher == account_id:
            continue  # a publisher never sees its own packs as installable
        groups = groups_holding(data, account_id)
        for share in data.shares.values():
            pack = data.packs.get(share["integrationPackId"])
            if share["accountGroupId"] in groups and pack is not None and is_released(pack):
                found[pack["id"]] = (publisher, pack)
    return found


def is_released(pack):
    return any(m["currentVersion"] for m in pack["members"].values())
