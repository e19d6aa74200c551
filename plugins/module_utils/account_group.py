# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""AccountGroup: a publisher's group of managed accounts, what integration packs are shared with."""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.fieldmap import Field, FieldMap
from ansible_collections.boomi.platform.plugins.module_utils.query import eq, not_null

OBJECT = "AccountGroup"

FIELDS = FieldMap(
    Field("id", "id"),
    Field("name", "name"),
    Field("defaultGroup", "default_group", to_result=bool),
)


def result(group, account_ids):
    """The group, with the ids of the accounts it holds (from AccountGroupAccount)."""
    return dict(FIELDS.result(group), account_ids=list(account_ids)) if group else {}


def find_all(client, group_id=None, name=None):
    """The groups with that id or exactly that name (every group when neither is given); [] when none match."""
    if group_id is not None:
        group = client.get_or_none(OBJECT, group_id) if group_id else None
        return [group] if group else []
    if name is not None:
        return [g for g in client.query(OBJECT, eq("name", name)) if g.get("name") == name]
    return client.query(OBJECT, not_null("id"))


def require(client, group_id=None, name=None):
    """The group with that id, or the one with exactly that name; a UsageError naming the option otherwise."""
    account = client.settings.override_account or client.settings.account_id
    if group_id:
        group = client.get_or_none(OBJECT, group_id)
        if group is None:
            raise UsageError("account_group_id %s: no account group with that id in account %s" % (group_id, account))
        return group
    matches = find_all(client, name=name)
    if len(matches) > 1:
        raise UsageError("%d account groups are named %r in account %s (ids: %s); pass the one you mean as "
                         "account_group_id" % (len(matches), name, account, ", ".join(g["id"] for g in matches)))
    if not matches:
        names = sorted(g.get("name", "") for g in find_all(client))
        raise UsageError("account_group %r: no account group with that name in account %s (its groups: %s)"
                         % (name, account, ", ".join(repr(n) for n in names) or "none"))
    return matches[0]
