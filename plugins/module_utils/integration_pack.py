# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""IntegrationPack: the consumer's view, the packs an account may install.

Boomi lists here the packs another (publisher) account shares with an account group that holds
the requesting account; never the account's own published packs. The id is the publisher's pack
id. In a managed account, reach it through the Partner API (the connection's override_account).
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.fieldmap import Choice, Field, FieldMap
from ansible_collections.boomi.platform.plugins.module_utils.publisher_integration_pack import INSTALLATION_TYPES
from ansible_collections.boomi.platform.plugins.module_utils.query import eq, not_null

OBJECT = "IntegrationPack"

FIELDS = FieldMap(
    Field("id", "id"),
    Field("name", "name"),
    Field("Description", "description"),
    Choice("installationType", "installation_type", INSTALLATION_TYPES),
)


def result(pack):
    return FIELDS.result(pack)


def account_of(client):
    """The account the modules act in: the managed account of override_account, else account_id."""
    return client.settings.override_account or client.settings.account_id


def find(client, pack_id=None, name=None):
    """The pack the account may install, by id or exact name; None when it is not available to the account.
    Several available packs with the name fail, listing their ids."""
    if pack_id:
        return client.get_or_none(OBJECT, pack_id)
    matches = [p for p in client.query(OBJECT, eq("name", name)) if p.get("name") == name]
    if len(matches) > 1:
        raise UsageError("%d integration packs named %r are available to account %s (ids: %s); pass the one you mean "
                         "as integration_pack_id" % (len(matches), name, account_of(client),
                                                     ", ".join(p["id"] for p in matches)))
    return matches[0] if matches else None


def find_all(client):
    """{pack_id: pack} of every pack available to the account: one query (plus its pages)."""
    return dict((p["id"], p) for p in client.query(OBJECT, not_null("id")))


def not_available(client, pack_id=None, name=None):
    """Why an install cannot happen: the words for a pack the account does not see."""
    what = "Integration pack %s" % (pack_id if pack_id else repr(name))
    hint = "" if client.settings.override_account else " (to act in a managed account, set override_account)"
    return ("%s is not available to account %s%s: share it with an account group that holds the account "
            "(boomi.platform.boomi_integration_pack_share, in the publisher account) and release it"
            % (what, account_of(client), hint))
