# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run a boomi.platform module's ``run()`` inside an action plugin, on the controller.

A module process costs about half a second to start here (an interpreter, requests, Ansible's module
code), and a role used to start eight of them per play. The roles' steps run the very same ``run()``
functions in the worker process instead, through ``StepModule``, a stand-in for AnsibleModule that keeps
what the module relies on:

- argument validation by ``ModuleArgumentSpecValidator`` (what AnsibleModule itself uses), with the
  module's own options, constraints and ``BOOMI_*`` fallbacks;
- ``check_mode``, ``_diff`` and ``warn()``;
- masking: everything a step returns passes through ``mask()``, which removes the no_log values the
  validation found (and the client's Basic-auth form) the way ``AnsibleModule.exit_json`` does.
"""

from __future__ import annotations

from ansible.module_utils.common.arg_spec import ModuleArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values

from ansible_collections.boomi.platform.plugins.module_utils import arguments
from ansible_collections.boomi.platform.plugins.module_utils.errors import ConfigurationError


class StepModule(object):
    """What a module's ``run(module, client)`` sees when a role step runs it on the controller."""

    def __init__(self, module, params, check_mode, diff, warnings, label=None):
        self.name = label or module.__name__.rsplit(".", 1)[-1]
        validator = ModuleArgumentSpecValidator(arguments.argument_spec(**module.OPTIONS),
                                                **getattr(module, "CONSTRAINTS", {}))
        outcome = validator.validate(dict(params))
        self.no_log_values = set(outcome._no_log_values)  # pylint: disable=protected-access
        if outcome.error_messages:
            raise ConfigurationError("%s: %s" % (self.name, "; ".join(outcome.error_messages)))
        self.params = outcome.validated_parameters
        self.check_mode = check_mode
        self._diff = diff
        self._warnings = warnings

    def warn(self, message):
        if message not in self._warnings:
            self._warnings.append(message)


def run_step(module, params, client, check_mode, diff, warnings, label=None):
    """(changed, result, diff, step) of one module's run() against ``client``; the caller masks the output."""
    step = StepModule(module, params, check_mode, diff, warnings, label)
    changed, result, step_diff = module.run(step, client)
    return changed, result, step_diff, step


def assumptions(step):
    """The check-mode notes warn_or_fail() kept on a step: what it assumed an earlier step takes care of."""
    return list(step.__dict__.get("boomi_assumptions") or [])


def mask(value, no_log_values):
    """``value`` with every no_log value replaced, keeping booleans and None as they are (as exit_json does)."""
    if not no_log_values:
        return value
    if isinstance(value, dict):
        kept = dict((k, v) for k, v in value.items() if v is None or isinstance(v, bool))
        masked = remove_values(value, set(no_log_values))
        masked.update(kept)
        return masked
    return remove_values(value, set(no_log_values))
