# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The roles' input checks that need no request: names, types, versions, dates, modes.

Each check appends messages to a ``Problems`` list that name the role variable, the host where it matters,
and the fix. Types and choices come from the roles' ``meta/argument_specs.yml`` (through Ansible's own
``ArgumentSpecValidator``); this file adds what a type cannot say: a version typed as a number, a date that
does not exist or has passed, a variable nobody knows, hosts that disagree on a value the play uses once.
"""

from __future__ import annotations

import datetime
import json

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError
from ansible_collections.boomi.platform.plugins.module_utils.inputs import version_text
from ansible_collections.boomi.platform.plugins.plugin_utils import vocabulary

# Variables that may differ per host (one environment each). Every other variable of a role's argument spec is
# used once per play (the release, the pack, the mode, the connection), so the play's hosts must agree on it.
PER_HOST = frozenset(("boomi_environment_id", "boomi_listener_status", "boomi_hold", "boomi_pinned_versions",
                      "boomi_force", "boomi_rollback_components", "boomi_rollback_to", "boomi_managed_account_id",
                      "boomi_pack_instance_name", "boomi_environment_extensions", "boomi_process_schedules"))
MAX_COMPONENTS = 100
# what else can be done when the play's hosts disagree on a variable
DISAGREEMENT_HINTS = {"boomi_deploy_mode": ", or run them in separate plays (boomi_target_hosts)"}


class Problems(list):
    """Messages, each once, in the order found."""

    def add(self, message):
        if message not in self:
            self.append(message)


def hosts_text(names, limit=5):
    names = list(names)
    shown = ", ".join(names[:limit])
    return shown + (" and %d more" % (len(names) - limit) if len(names) > limit else "")


# -- names ---------------------------------------------------------------------------------------------
def unknown_variables(hosts):
    """[(name, where, [hosts])] of boomi_* variables the collection does not know, one entry per place set."""
    known = vocabulary.known_variables()
    found = {}
    for host in hosts.values():
        for name in host.values:
            if name not in known:
                found.setdefault((name, host.where.get(name)), []).append(host.name)
    return [(name, where, names) for (name, where), names in sorted(found.items(), key=lambda i: (i[0][0], str(i[0][1])))]


def unknown_variable_message(name, where, hosts):
    guess = vocabulary.closest(name, vocabulary.known_variables())
    place = where or "the inventory of %s" % hosts_text(hosts)
    return "%s (set in %s): no such variable%s; fix the name, or set boomi_unknown_variables: warn to allow " \
           "variables of your own" % (name, place, " (did you mean %s?)" % guess if guess else "")


def unknown_keys(label, value, allowed):
    """Messages for keys of a dict input that its argument spec does not list."""
    if not isinstance(value, dict):
        return []
    out = []
    for key in value:
        if key not in allowed:
            guess = vocabulary.closest(str(key), allowed)
            hint = "; did you mean %s?" % guess if guess else ""
            out.append("%s.%s: no such key%s (it takes %s)" % (label, key, hint, ", ".join(allowed)))
    return out


def broken_values(hosts, problems):
    for host in hosts.values():
        for name, error in sorted(host.broken.items()):
            problems.add("%s: %s could not be templated: %s" % (host.name, name, error))


# -- types, from the argument spec -----------------------------------------------------------------------
def typed(role, host, per_host=True):
    """(values, errors): the host's role variables checked and converted per the role's argument spec
    (without the per-host ones for a play that has no environments)."""
    spec = dict((n, o) for n, o in vocabulary.role_specs(role).items() if per_host or n not in PER_HOST)
    given = dict((name, value) for name, value in host.values.items() if name in spec)
    for name, allowed in ((n, vocabulary.suboptions(role, n)) for n in list(given)):
        if allowed and isinstance(given[name], list):  # unknown keys are reported by key_problems
            given[name] = [dict((k, v) for k, v in i.items() if k in allowed) if isinstance(i, dict) else i
                           for i in given[name]]
    outcome = ArgumentSpecValidator(spec).validate(given)
    return outcome.validated_parameters, list(outcome.error_messages)


def typed_all(role, hosts, problems, per_host=True):
    """{host: values} for every host; the same error on several hosts is reported once, naming them."""
    values, errors = {}, {}
    for name, host in hosts.items():
        values[name], messages = typed(role, host, per_host)
        for message in messages:
            errors.setdefault(message, []).append(name)
    for message, names in errors.items():
        problems.add("%s: %s" % (hosts_text(names), message))
    return values


def key_problems(role, hosts, problems):
    """Keys inside list-of-dict inputs (boomi_components[1].pakage_version)."""
    for name in vocabulary.role_specs(role):
        allowed = vocabulary.suboptions(role, name)
        if not allowed:
            continue
        for host in hosts.values():
            items = host.values.get(name)
            for index, item in enumerate(items if isinstance(items, list) else []):
                for message in unknown_keys("%s[%d]" % (name, index), item, allowed):
                    problems.add(message)


def canonical(value):
    """One text per value, whatever the order of its keys (hosts giving the same dict in another order agree)."""
    try:
        return json.dumps(value, sort_keys=True, default=str)
    except TypeError:  # keys of mixed types (1 and 'a') cannot be sorted: compare them as their text
        return repr(sorted((str(k), canonical(v)) for k, v in value.items())) if isinstance(value, dict) else repr(value)


def play_wide(role, typed_values, problems):
    """The value of each play-wide variable: hosts that disagree are a problem (the play uses it once). A secret's
    values are never shown."""
    values = {}
    for name, spec in vocabulary.role_specs(role).items():
        if name in PER_HOST:
            continue
        seen = {}
        for host, params in typed_values.items():
            seen.setdefault(canonical(params.get(name)), (params.get(name), []))[1].append(host)
        if len(seen) > 1:
            shown = "; ".join("%s: %s" % (hosts_text(h), "(secret)" if spec.get("no_log") else v)
                              for v, h in seen.values())
            problems.add("%s differs between the hosts of the play (%s); the play uses it once, for every host: set it "
                         "once (group_vars of the play's group, or -e)%s" % (name, shown, DISAGREEMENT_HINTS.get(name, "")))
        values[name] = next(iter(seen.values()))[0] if seen else None
    return values


# -- values types cannot judge ------------------------------------------------------------------------
def version_problem(label, value):
    """None for a version label typed as text, else the reason (a YAML number, null, empty, spaces)."""
    try:
        version_text(value, label)  # the modules' own check: a float or an integer is a YAML number, not text
    except UsageError as exc:
        return str(exc)
    return None


def versions_map(label, value, problems):
    """{component_id: version} of a version map input (pins, expected versions, rollback targets)."""
    if value in (None, {}):
        return {}
    if not isinstance(value, dict):
        problems.add("%s must map component ids to versions, e.g. {3f1c...: '1.0.4'}" % label)
        return {}
    out = {}
    for component, version in value.items():
        problem = version_problem("%s.%s" % (label, component), version)
        if problem:
            problems.add(problem)
        else:
            out[str(component)] = version
    return out


def release_date(values, problems, today=None):
    """The scheduled release's date, or None; a malformed or impossible date is a problem. Whether a past date
    matters is decided later: a schedule already current is fine the day after its date."""
    schedule, date = values.get("boomi_release_schedule"), values.get("boomi_release_on_date")
    if isinstance(date, datetime.date):
        date = date.isoformat()  # YAML reads an unquoted 2030-01-31 as a date
    if schedule != "on_date":
        if date:
            problems.add("boomi_release_on_date is set, but boomi_release_schedule is %s; set boomi_release_schedule: "
                         "on_date to schedule the release, or remove boomi_release_on_date" % schedule)
        return None
    if not date:
        problems.add("boomi_release_schedule on_date needs boomi_release_on_date, the day to release, e.g. "
                     "boomi_release_on_date: '%s'" % (today or datetime.date.today()).isoformat())
        return None
    try:
        return datetime.datetime.strptime(str(date), "%Y-%m-%d").date()
    except ValueError:
        problems.add("boomi_release_on_date %r is not a date in YYYY-MM-DD form (e.g. 2030-01-31), or no such day "
                     "exists" % str(date))
        return None


def today_utc():
    return datetime.datetime.now(datetime.timezone.utc).date()
