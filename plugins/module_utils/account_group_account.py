# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""AccountGroupAccount: which accounts an account group holds (one record per account and group)."""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.query import eq

OBJECT = "AccountGroupAccount"


def account_ids(client, group_id):
    """Ids of the accounts in the group, in Boomi's order: one query (plus its pages)."""
    return [m["accountId"] for m in client.query(OBJECT, eq("accountGroupId", group_id))
            if m.get("accountGroupId") == group_id]
