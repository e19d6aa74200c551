# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
name: format_report
short_description: Render the report of what runs where as text, Markdown, JSON or CSV
version_added: "0.1.0"
description:
  - Renders the report made by P(boomi.platform.drift_report#filter), for a terminal, a change ticket or a
    spreadsheet. Every format carries when the report was made (UTC, ISO 8601), the account, the pack (name, id),
    the release (each component's version, and when it became current if Boomi said so) and, per environment
    (name, classification, inventory host) and component, the active version, the released version and the state.
  - V(text) and V(markdown) give a table per environment whose columns fit their content; components that are not
    in the pack follow under "not in this pack". A rollback shows as C(rolled back from <version> to <version>).
  - V(json) is the report itself (the keys of C(docs/report-schema.md)), indented, with a final newline.
  - V(csv) has a header line and one row per environment and component (members first, then those not in this
    pack, whose C(state) is C(not in this pack) and C(in_pack) C(false)); every row repeats the report's
    timestamp, account, pack and the release's date.
options:
  _input:
    description: A report made by P(boomi.platform.drift_report#filter).
    type: dict
    required: true
  format:
    description: The output format.
    type: str
    choices: [text, markdown, json, csv]
    default: text
seealso:
  - plugin: boomi.platform.drift_report
    plugin_type: filter
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Write the report for the change ticket
  ansible.builtin.copy:
    content: "{{ report | boomi.platform.format_report('markdown') }}"
    dest: /tmp/boomi-report.md
    mode: "0644"
  delegate_to: localhost
  run_once: true
"""

RETURN = r"""
_value:
  description: The rendered report.
  type: str
"""

import csv
import io
import json

from ansible.errors import AnsibleFilterError

FORMATS = ("text", "markdown", "json", "csv")
CSV_COLUMNS = ("generated_at", "account_id", "integration_pack_id", "integration_pack_name", "release_became_current",
               "environment_id", "environment_name", "classification", "inventory_hostname", "environment_verdict",
               "component_id", "component_name", "in_pack", "active_version", "released_version", "state",
               "rolled_back_from", "rolled_back_to", "pinned_version")
NOT_SAID = "unknown (Boomi gives no release date)"


def _text(value):
    return "-" if value is None or value == "" else str(value)


def _name(row):
    return row.get("component_name") or row["component_id"]


def state_text(row):
    if row["state"] == "rolled back":
        return "rolled back from %s to %s" % (_text(row["rolled_back_from"]), _text(row["rolled_back_to"]))
    if row["state"] == "pinned":
        return "pinned at %s" % _text(row["pinned_version"])
    return row["state"]


def heading(environment):
    host = environment.get("inventory_hostname")
    where = "%s%s" % ((environment.get("classification") or "-").upper(), ", host %s" % host if host else "")
    verdict = environment["verdict"]
    if environment["held"]:
        verdict = "held, %s" % ("on the release" if environment["on_release"] else "not on the release")
    return "%s (%s): %s" % (environment["environment_name"] or environment["environment_id"], where, verdict)


def member_cells(row):
    return [_name(row), _text(row["active_version"]), _text(row["released_version"]), state_text(row)]


def other_cells(row):
    return [_name(row), _text(row["active_version"]), "-", "not in this pack"]


def release_lines(report):
    pack = report["integration_pack"]
    since = report["release"]["became_current"] or NOT_SAID
    return [("generated (UTC)", report["generated_at"]), ("account", _text(report["account_id"])),
            ("integration pack", "%s (id %s)" % (_text(pack["name"]), _text(pack["id"]))),
            ("release current since", since)]


def widths(rows):
    return [max(len(cells[i]) for cells in rows) for i in range(len(rows[0]))]


def _line(cells, sizes, indent="  "):
    return (indent + "  ".join(c.ljust(s) for c, s in zip(cells, sizes))).rstrip()


# -- text ----------------------------------------------------------------------------------------------
ENV_HEAD = ["component", "active", "released", "state"]
RELEASE_HEAD = ["component", "version"]


def environment_rows(report):
    return [ENV_HEAD] + [cells for e in report["environments"] for cells in
                         [member_cells(r) for r in e["components"]] + [other_cells(r) for r in e["not_in_pack"]]]


def render_text(report):
    label = max(len(k) for k, _v in release_lines(report))
    out = ["What runs where: %s" % _text(report["integration_pack"]["name"])]
    out += ["  %s  %s" % ((k + ":").ljust(label + 1), v) for k, v in release_lines(report)]
    release = [RELEASE_HEAD] + [[_name(c), _text(c["version"])] for c in report["release"]["components"]]
    out += ["", "Release:"] + [_line(cells, widths(release)) for cells in release]
    if len(release) == 1:
        out.append("  (the pack has no release)")
    sizes = widths(environment_rows(report))
    for environment in report["environments"]:
        out += ["", heading(environment), _line(ENV_HEAD, sizes)]
        out += [_line(member_cells(r), sizes) for r in environment["components"]]
        if environment["not_in_pack"]:
            out.append("  not in this pack:")
            out += [_line(other_cells(r), sizes) for r in environment["not_in_pack"]]
        if environment.get("extension_drift"):
            out.append("  values that differ from the inventory:")
            out += ["    %s" % line for line in environment["extension_drift"]]
    return "\n".join(out) + "\n"


# -- markdown ------------------------------------------------------------------------------------------
def _md(value):
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def md_table(head, rows):
    rows = [[_md(c) for c in cells] for cells in [head] + rows]
    sizes = widths(rows)
    lines = ["| %s |" % " | ".join(c.ljust(s) for c, s in zip(cells, sizes)) for cells in rows]
    lines.insert(1, "|%s|" % "|".join("-" * (s + 2) for s in sizes))
    return lines


def render_markdown(report):
    out = ["# What runs where: %s" % _md(_text(report["integration_pack"]["name"])), ""]
    out += ["- **%s:** %s" % (k[0].upper() + k[1:], _md(v)) for k, v in release_lines(report)]
    out += ["", "## Release", ""]
    releases = [[_name(c), _text(c["version"])] for c in report["release"]["components"]]
    out += md_table(RELEASE_HEAD, releases) if releases else ["The pack has no release."]
    for environment in report["environments"]:
        out += ["", "## %s" % _md(heading(environment)), ""]
        out += md_table(ENV_HEAD, [member_cells(r) for r in environment["components"]])
        if environment["not_in_pack"]:
            out += ["", "Not in this pack:", ""]
            out += md_table(["component", "active"], [other_cells(r)[:2] for r in environment["not_in_pack"]])
        if environment.get("extension_drift"):
            out += ["", "Values that differ from the inventory:", ""]
            out += ["- %s" % _md(line) for line in environment["extension_drift"]]
    return "\n".join(out) + "\n"


# -- json and csv --------------------------------------------------------------------------------------
def render_json(report):
    return json.dumps(report, indent=2) + "\n"


def csv_rows(report):
    pack = report["integration_pack"]
    common = [report["generated_at"], report["account_id"], pack["id"], pack["name"], report["release"]["became_current"]]
    for e in report["environments"]:
        where = common + [e["environment_id"], e["environment_name"], e["classification"], e["inventory_hostname"],
                          e["verdict"]]
        for r in e["components"]:
            yield where + [r["component_id"], r["component_name"], "true", r["active_version"], r["released_version"],
                           r["state"], r["rolled_back_from"], r["rolled_back_to"], r["pinned_version"]]
        for r in e["not_in_pack"]:
            yield where + [r["component_id"], r["component_name"], "false", r["active_version"], None,
                           "not in this pack", None, None, None]


def render_csv(report):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([["" if v is None else v for v in row] for row in csv_rows(report)])
    return buffer.getvalue()


RENDER = {"text": render_text, "markdown": render_markdown, "json": render_json, "csv": render_csv}


def format_report(report, format="text"):  # pylint: disable=redefined-builtin
    if format not in RENDER:
        raise AnsibleFilterError("format_report: format %r is not one of %s (boomi_report_format)"
                                 % (format, ", ".join(FORMATS)))
    if not hasattr(report, "get") or "environments" not in report or "release" not in report:
        raise AnsibleFilterError("format_report takes a report made by boomi.platform.drift_report")
    return RENDER[format](report)


class FilterModule(object):
    def filters(self):
        return {"format_report": format_report}
