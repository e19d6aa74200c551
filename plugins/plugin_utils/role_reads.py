# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The reads the roles' pre-flight makes, and the checks that need them: components, the pack, environments,
pinned packages, managed accounts and the account group. Each problem names the role variable and the host.

Reads are shared: one bulk read per 100 components or environments, one query for the pack, one for the
pinned packages, one read of each managed account's environments.
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils import account_group as group_api
from ansible_collections.boomi.platform.plugins.module_utils import account_group_account as membership_api
from ansible_collections.boomi.platform.plugins.module_utils import component_metadata
from ansible_collections.boomi.platform.plugins.module_utils import environment as environment_api
from ansible_collections.boomi.platform.plugins.module_utils import publisher_integration_pack as pack_api
from ansible_collections.boomi.platform.plugins.module_utils import packaged_component as package
from ansible_collections.boomi.platform.plugins.module_utils.errors import BoomiApiError, BoomiError, UsageError
from ansible_collections.boomi.platform.plugins.plugin_utils.role_checks import hosts_text

# what an integration pack may hold, by installation type (API Services only in single-install packs)
FIT = {"single": ("process", "webservice"), "multi": ("process",)}


def components(client, component_ids, installation_type, problems):
    """{component_id: name} of the components to package; unknown ids and types a pack cannot hold are problems."""
    found = component_metadata.latest(client, component_ids)
    names = {}
    for ident in component_ids:
        metadata = found.get(ident)
        if not metadata or metadata.get("deleted"):
            problems.add("boomi_components: %s is no component of account %s; check the id (Boomi's component id, "
                         "from the component's revision history or boomi.platform.boomi_component_info)"
                         % (ident, client.settings.account_id))
            continue
        names[ident] = metadata.get("name") or ident
        if metadata.get("type") not in FIT.get(installation_type, ()):
            problems.add("boomi_components: %s is a %s; an integration pack holds processes, and API Services "
                         "(webservice) only in single-install packs (boomi_integration_pack_installation_type)"
                         % (names[ident], metadata.get("type")))
    return names


def pack(client, pack_id, name, problems, required):
    """The pack by id or exact name (None when missing: a problem when ``required``)."""
    variable = "boomi_integration_pack_id" if pack_id else "boomi_integration_pack_name"
    try:
        found = pack_api.find(client, pack_id or None, None if pack_id else name, option=variable)
    except UsageError as exc:
        problems.add(str(exc))
        return None
    if found is None and required:
        problems.add("%s %r: no integration pack with that name in account %s; check the name, or create and release "
                     "it with boomi.platform.package_and_deploy" % (variable, name, client.settings.account_id))
    return found


def released(pack_found):
    """{component_id: version} of the pack's current release."""
    return dict(pack_api.released_versions(pack_found)) if pack_found else {}


def require_release(pack_found, problems):
    if pack_found is not None and not released(pack_found):
        problems.add("Integration pack %r has no successful release, so there is nothing to deploy; release it first "
                     "(boomi.platform.package_and_deploy, or playbooks/release.yml)" % pack_found.get("name"))


def member_names(pack_found, known=None):
    """{component_id: name} of the pack's members (the pack's answer carries them)."""
    names = dict(known or {})
    for ident, member in pack_api.active_members(pack_found or {}).items():
        names.setdefault(ident, member.get("componentName") or ident)
    return names


def environments(client, by_host, problems):
    """{environment_id: environment} of the play's hosts; an unknown id is a problem naming its host."""
    ids = [i for i in by_host.values() if i]
    found = client.bulk_get(environment_api.OBJECT, ids) if ids else {}
    for host, ident in sorted(by_host.items()):
        if ident and found.get(ident) is None:
            problems.add("%s: boomi_environment_id %s is no environment of account %s; set it to the id of the "
                         "environment this host stands for (boomi.platform.boomi_environment_info lists them)"
                         % (host, ident, client.settings.account_id))
    return dict((i, e) for i, e in found.items() if e)


def pinned_packages(client, pins, planned, problems, names):
    """Every pin {host: {component_id: version}} names a live package (or one this run packages)."""
    pairs = sorted(set((c, v) for p in pins.values() for c, v in p.items()) - set(planned))
    found = package.find_many(client, pairs) if pairs else {}
    for host, pinned in sorted(pins.items()):
        for component, version in sorted(pinned.items()):
            if (component, version) not in planned and not package.is_live(found.get((component, version))):
                problems.add("%s: boomi_pinned_versions pins %s to %s, which has no packaged component; package it "
                             "(boomi.platform.boomi_packaged_component) or change the pin"
                             % (host, names.get(component, component), version))


def in_pack(label, component_ids, names, problems, host=None):
    """Components named by an input must be members of the pack."""
    for component in component_ids:
        if component not in names:
            problems.add("%s%s names %s, which is not a member of the integration pack (its members: %s)"
                         % (host + ": " if host else "", label, component,
                            ", ".join("%s (%s)" % (n, i) for i, n in sorted(names.items(), key=lambda x: x[1]))
                            or "none"))


# -- partner distribution -----------------------------------------------------------------------------------
def partner_environments(client_for, by_host, problems):
    """Each host's environment must be one of its managed account's: one read per account (Partner API)."""
    accounts = {}
    for host, (account, environment) in sorted(by_host.items()):
        accounts.setdefault(account, []).append((host, environment))
    names = {}
    for account, members in sorted(accounts.items()):
        try:
            found = dict((e["id"], e) for e in environment_api.find_all(client_for(account)))
        except BoomiError as exc:
            problems.add("boomi_managed_account_id %s (%s): its environments could not be read (%s); set it to a "
                         "managed account that the publisher account may act in through the Partner API"
                         % (account, hosts_text(h for h, _e in members), exc))
            continue
        for host, environment in members:
            if environment not in found:
                problems.add("%s: boomi_environment_id %s is not an environment of managed account %s "
                             "(boomi_managed_account_id); an instance attaches only to environments of its own "
                             "account, so set the account that owns the environment, or the id of one of %s's "
                             "environments" % (host, environment, account, account))
            else:
                names[environment] = found[environment].get("name")
    return names


def account_group(client, name, accounts, problems):
    """The account group the pack is shared with holds every managed account of a host that is not held."""
    try:
        group = group_api.require(client, name=name)
        members = set(membership_api.account_ids(client, group["id"]))
    except (UsageError, BoomiApiError) as exc:
        problems.add("boomi_account_group: %s" % exc)
        return None
    for account, hosts in sorted(accounts.items()):
        if account not in members:
            problems.add("%s: managed account %s (boomi_managed_account_id) is not in account group %s "
                         "(boomi_account_group), and an account installs only packs shared with a group that holds "
                         "it; add the account to the group in Boomi, or fix boomi_account_group or "
                         "boomi_managed_account_id" % (hosts_text(hosts), account, name))
    return group
