# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every boomi.platform module's main() does: parse options, build the client, run, report.

A module supplies its options and ``run(module, client) -> (changed, result, diff)``. Errors
become ``fail_json`` here, in exactly one place for the whole collection.
"""

from __future__ import annotations

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.boomi.platform.plugins.module_utils.arguments import ConnectionSettings, argument_spec
from ansible_collections.boomi.platform.plugins.module_utils.client import BoomiClient
from ansible_collections.boomi.platform.plugins.module_utils.errors import BoomiError, UsageError


class ConcealingModule(AnsibleModule):
    """An AnsibleModule whose echo of the task's arguments (``invocation.module_args``, shown at -vvv) passes through
    ``conceal``: {option: masked value} for options whose nested values may be secrets, which no_log cannot mark
    one by one. It applies on every exit, also when Ansible's own argument checks fail inside ``__init__``, before
    any of the module's code runs."""

    conceal = None

    def _conceal(self, kwargs):
        if self.conceal is not None and "invocation" not in kwargs:
            params = dict(getattr(self, "params", None) or {})
            kwargs["invocation"] = {"module_args": dict(params, **type(self).conceal(params))}

    def exit_json(self, **kwargs):
        self._conceal(kwargs)
        super(ConcealingModule, self).exit_json(**kwargs)

    def fail_json(self, *args, **kwargs):
        self._conceal(kwargs)
        super(ConcealingModule, self).fail_json(*args, **kwargs)


def run_module(options, run, mutually_exclusive=None, conceal=None, **module_kwargs):
    module_class = type("BoomiModule", (ConcealingModule,), {"conceal": staticmethod(conceal)}) if conceal \
        else AnsibleModule
    module = module_class(
        argument_spec=argument_spec(**options),
        supports_check_mode=True,
        mutually_exclusive=list(mutually_exclusive or []),
        **module_kwargs
    )
    try:
        settings = ConnectionSettings(module.params)
        for warning in settings.warnings:
            module.warn(warning)
        client = BoomiClient(settings, warn=module.warn)
        # Ansible masks no_log values in everything the module returns; add the Basic-auth form too.
        module.no_log_values.update(client.secrets.values)
        changed, result, diff = run(module, client)
    except BoomiError as exc:
        warn_assumptions(module)
        module.fail_json(**exc.to_fail_json())
    warn_assumptions(module)
    if module._diff and diff is not None:
        result["diff"] = diff
    module.exit_json(changed=changed, **result)


def warn_or_fail(module, message):
    """Fail; but in check mode, where an earlier task of the play only planned the object this depends
    on (a package of a new version, a release), note it instead, so a check run shows the whole plan.
    The notes become one warning per task (see warn_assumptions)."""
    if not module.check_mode:
        raise UsageError(message)
    assumptions = module.__dict__.setdefault("boomi_assumptions", [])
    if message not in assumptions:
        assumptions.append(message)


def warn_assumptions(module):
    assumptions = module.__dict__.get("boomi_assumptions")
    if assumptions:
        module.warn("Check mode, assuming earlier tasks of the play take care of it: " + "; ".join(assumptions))
