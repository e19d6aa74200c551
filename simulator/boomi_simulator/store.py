"""The simulator's state: accounts, users, per-account objects, the clock and id source."""

import copy
import random
import time
import uuid
from datetime import datetime, timezone

from .errors import bad_request
from .objects import OBJECTS


class AccountData:
    """Everything one (effective) account owns: one dict by id per object collection (named by the
    registered objects). Dicts keep creation order, which queries return."""

    def __init__(self, account_id):
        self.account_id = account_id
        for handler in OBJECTS.values():
            setattr(self, handler.collection, {})


class Store:
    def __init__(self, seed, id_seed=0):
        self.seed = copy.deepcopy(seed)
        self.id_seed = id_seed
        self.load(self.seed)

    # -- loading ---------------------------------------------------------------------------------
    def load(self, seed):
        self.seed = copy.deepcopy(seed)
        self._rng = random.Random(self.id_seed)
        self.clock_offset = 0.0
        self.accounts = {}
        self.users = {}
        self.data = {}
        for account in seed.get("accounts", []):
            self.accounts[account["id"]] = {"id": account["id"], "name": account.get("name", account["id"]),
                                            "parent": account.get("parent")}
            self.data[account["id"]] = AccountData(account["id"])
        for user in seed.get("users", []):
            self.users[user["username"]] = dict(user)
        for handler in OBJECTS.values():
            for item in seed.get(handler.seed_key, []) if handler.seed_key else []:
                handler.load_seed(self._account(item["account"]), item)

    def _account(self, account_id):
        if account_id not in self.data:
            raise bad_request("Seed names unknown account %r" % account_id)
        return self.data[account_id]

    # -- identity ----------------------------------------------------------------------------------
    def authenticate(self, username, secret):
        """Return the user for Basic credentials (API token or password), else None."""
        if username.startswith("BOOMI_TOKEN."):
            user = self.users.get(username[len("BOOMI_TOKEN."):])
            return user if user and user.get("token") and user["token"] == secret else None
        user = self.users.get(username)
        return user if user and user.get("password") and user["password"] == secret else None

    def is_descendant(self, child, ancestor):
        seen = set()
        node = self.accounts.get(child)
        while node and node.get("parent") and node["id"] not in seen:
            seen.add(node["id"])
            if node["parent"] == ancestor:
                return True
            node = self.accounts.get(node["parent"])
        return False

    # -- ids and time ------------------------------------------------------------------------------
    def new_id(self):
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def now(self):
        return time.time() + self.clock_offset

    def timestamp(self):
        return datetime.fromtimestamp(self.now(), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def today(self):
        return datetime.fromtimestamp(self.now(), timezone.utc).strftime("%Y-%m-%d")

    # -- inspection --------------------------------------------------------------------------------
    def dump(self):
        out = {}
        for account_id, data in self.data.items():
            out[account_id] = {handler.dump_key: [handler.dump(r) for r in handler.records_by_id_of(data).values()]
                               for handler in OBJECTS.values() if handler.dump_key}
        return {"accounts": out, "clock": self.timestamp()}
