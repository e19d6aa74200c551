"""AccountGroup and AccountGroupAccount: the publisher's groups of managed accounts (read here).

A primary (publisher) account groups its managed accounts; integration packs are shared with a
group (AccountGroupIntegrationPack), and every account the group holds may then install them.
The seed provides the groups and their accounts, Boomi's "All Accounts" group (``defaultGroup``)
among them. Rules (the OAS): GET answers the group with ``Resources`` (what is shared with it,
integration packs here), a query answers groups without them; AccountGroupAccount is queried by
``accountGroupId`` / ``accountId``, its id synthesized from both.
[I] Creating and changing groups and their accounts is not simulated (no test needs it); the
membership id is the unpadded URL-safe base64 of ``"<accountGroupId>|<accountId>"``.
"""

import base64

from .base import ObjectType


def synthesized_id(*parts):
    """Boomi-style conceptual id: unpadded base64 of the parts joined by '|' (URL-safe: ids go in paths)."""
    return base64.urlsafe_b64encode("|".join(parts).encode("utf-8")).decode("ascii").rstrip("=")


class AccountGroup(ObjectType):
    name = "AccountGroup"
    collection = "account_groups"
    operations = ("get", "query", "bulk")
    dump_key = "account_groups"
    seed_key = "account_groups"
    properties = ("id", "accountId", "name", "defaultGroup", "autoSubscribeAlertLevel")

    def load_seed(self, data, item):
        data.account_groups[item["id"]] = {
            "id": item["id"], "accountId": data.account_id, "name": item["name"],
            "autoSubscribeAlertLevel": item.get("autoSubscribeAlertLevel", "none"),
            "defaultGroup": bool(item.get("defaultGroup", False)), "accounts": list(item.get("accounts", [])),
        }

    def render(self, ctx, record):
        return {"@type": self.name, "id": record["id"], "accountId": record["accountId"], "name": record["name"],
                "autoSubscribeAlertLevel": record["autoSubscribeAlertLevel"], "defaultGroup": record["defaultGroup"]}

    def get(self, ctx, ident):
        """GET (and bulk GET) add Resources: the integration packs shared with the group."""
        record = self.find(ctx, ident)
        resources = [{"@type": "Resource", "resourceId": share["integrationPackId"],
                      "resourceName": ctx.data.packs[share["integrationPackId"]]["name"], "objectType": "Integration Pack"}
                     for share in ctx.data.shares.values()
                     if share["accountGroupId"] == ident and share["integrationPackId"] in ctx.data.packs]
        return dict(self.render(ctx, record), Resources={"@type": "Resources", "Resource": resources})

    def dump(self, record):
        return {"id": record["id"], "name": record["name"], "defaultGroup": record["defaultGroup"],
                "accounts": list(record["accounts"])}


class AccountGroupAccount(ObjectType):
    """One account in one group: a view of the AccountGroup records (query only here)."""

    name = "AccountGroupAccount"
    collection = "account_groups"
    operations = ("query",)
    properties = ("accountGroupId", "accountId")

    def records(self, ctx):
        return [{"@type": self.name, "id": synthesized_id(group["id"], account), "accountGroupId": group["id"],
                 "accountId": account}
                for group in ctx.data.account_groups.values() for account in group["accounts"]]


def groups_holding(data, account_id):
    """Ids of the publisher's (``data``) account groups that hold ``account_id``."""
    return {g["id"] for g in data.account_groups.values() if account_id in g["accounts"]}
