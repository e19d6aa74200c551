# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Boomi query expressions: ``{"property", "operator", "argument"}`` leaves grouped by and/or."""

from __future__ import annotations


def eq(prop, value):
    """``prop EQUALS value``; Boomi compares text, and booleans as "true"/"false"."""
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return {"property": prop, "operator": "EQUALS", "argument": [text]}


def all_of(*expressions):
    return _group("and", expressions)


def any_of(*expressions):
    return _group("or", expressions)


def _group(operator, expressions):
    if len(expressions) == 1:
        return expressions[0]
    return {"operator": operator, "nestedExpression": list(expressions)}


def not_null(prop):
    """``prop IS_NOT_NULL``: a documented filter that matches every object (for "list them all")."""
    return {"property": prop, "operator": "IS_NOT_NULL", "argument": []}
