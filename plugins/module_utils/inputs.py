# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks of what people type that Ansible's own types let through.

A version label is text. YAML reads an unquoted ``1.10`` as the number 1.1, ``2`` as the integer 2,
``~`` as null and an empty value as null or "", and Ansible's ``str`` type would turn those into
"1.1", "2" or "None" without a word; Boomi numbers a package itself when the version is empty. So
version options are declared ``raw`` and checked here: any number is refused, an integer too (the
same rule for every version, so "quote your versions" is the one thing to remember).
"""

from __future__ import annotations

from ansible_collections.boomi.platform.plugins.module_utils.errors import UsageError

VERSION_SPEC = dict(type="raw")


def kind_of(value):
    """What a user typed, in YAML's words (Ansible wraps values in its own types, such as _AnsibleTaggedList)."""
    for kinds, word in (((dict,), "a mapping"), ((list, tuple, set), "a list"), ((bytes,), "bytes")):
        if isinstance(value, kinds):
            return word
    return type(value).__name__.lstrip("_").replace("AnsibleTagged", "").lower() or "a value"


def version_text(value, option):
    """The version label as text, or a UsageError that names the option and says to quote it."""
    if isinstance(value, bool) or value is None:
        raise UsageError("%s is %s, not a version label; set it to the version in quotes, e.g. %s: '1.10'"
                         % (option, "empty (null)" if value is None else str(value).lower(), option))
    if isinstance(value, float):
        raise UsageError("%s is the number %r: YAML reads an unquoted version such as 1.10 as a number and drops its "
                         "trailing zeros; quote it, e.g. %s: '1.10'" % (option, value, option))
    if isinstance(value, int):
        raise UsageError("%s is the number %d: YAML reads an unquoted version such as 2 as a number, not a version "
                         "label; quote it, e.g. %s: '%d'" % (option, value, option, value))
    if not isinstance(value, str):
        raise UsageError("%s must be a version label (text), got %s" % (option, kind_of(value)))
    if not value.strip():
        raise UsageError("%s is empty; Boomi would number the package itself. Set it to the version in quotes, "
                         "e.g. %s: '1.10'" % (option, option))
    if value != value.strip():
        raise UsageError("%s %r has spaces around it; remove them (Boomi keeps them as part of the label)"
                         % (option, value))
    return value
