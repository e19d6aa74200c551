# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One table per Boomi object of its field names and ours, read in both directions.

Boomi speaks camelCase with its own capitalisation (``Description``) and upper-case enums
(``MULTI``); modules take and return snake_case and lower-case choices. A ``FieldMap`` turns a
Boomi object into a result dict, module options into a request body, and compares only the
options the user set with what Boomi holds.
"""

from __future__ import annotations


def same(current, wanted):
    return current == wanted


class Field(object):
    """One field: Boomi's name, ours, and how values cross between the two."""

    def __init__(self, boomi, name, to_result=None, to_boomi=None, equal=same, quoted=True):
        self.boomi = boomi
        self.name = name
        self.to_result = to_result or (lambda value: value)
        self.to_boomi = to_boomi or (lambda value: value)
        self.equal = equal
        self.quoted = quoted  # how messages show values: 'text', or bare for numbers and labels

    def show(self, value):
        return repr(value) if self.quoted and isinstance(value, str) else str(value)


class Choice(Field):
    """An enum: lower-case choices for users, Boomi's own values on the wire."""

    def __init__(self, boomi, name, choices):
        by_boomi = dict((value, choice) for choice, value in choices.items())
        super(Choice, self).__init__(
            boomi, name,
            to_result=lambda value: by_boomi.get(value, (value or "").lower() or None),
            to_boomi=lambda choice: choices[choice])
        self.choices = choices


class FieldMap(object):
    def __init__(self, *fields):
        self.fields = fields
        self.by_name = dict((field.name, field) for field in fields)

    def result(self, obj):
        """A Boomi object as a snake_case result; ``{}`` for no object."""
        if obj is None:
            return {}
        return dict((f.name, f.to_result(obj.get(f.boomi))) for f in self.fields)

    def body(self, params, names):
        """Boomi fields for the named options the user set (``None`` means not set)."""
        body = {}
        for name in names:
            if params.get(name) is not None:
                field = self.by_name[name]
                body[field.boomi] = field.to_boomi(params[name])
        return body

    def differences(self, obj, params, names):
        """Messages such as "notes are 'a' (asked 'b')" for the named options the user set that
        differ from what Boomi holds; empty when everything the user set matches."""
        found = []
        for name in names:
            wanted = params.get(name)
            field = self.by_name[name]
            current = obj.get(field.boomi)
            if wanted is not None and not field.equal(current, field.to_boomi(wanted)):
                verb = "are" if name.endswith("s") else "is"
                shown = field.show(field.to_result(current))
                found.append("%s %s %s (asked %s)" % (name, verb, shown, field.show(wanted)))
        return found
