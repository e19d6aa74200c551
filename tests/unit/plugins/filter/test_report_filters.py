"""The report's states (drift_report, drift.environment_verdict) and its four formats (format_report), on the shape
boomi_deployed_package_info returns. Pure functions: no Boomi involved (tests/integration/test_report.py runs them
through playbooks/report.yml against the simulator)."""

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.boomi.platform.plugins.filter.drift_report import drift_report
from ansible_collections.boomi.platform.plugins.filter.format_report import format_report

PACK = {"id": "pack-1", "name": "Order Processing Pack", "released_components": [
    {"component_id": "c-invoice", "component_name": "Invoice Sync", "version": "1.0.2", "package_id": "p-inv-102"},
    {"component_id": "c-intake", "component_name": "Order Intake", "version": "1.0.2", "package_id": "p-int-102"}]}
STAMP = "2026-12-06T06:30:00Z"
SCHEMA = json.loads((Path(__file__).resolve().parents[4] / "docs" / "report-schema.json").read_text())


def row(component, name, active, released, state, rolled_back_from=None):
    return {"component_id": component, "component_name": name, "released_version": released,
            "released_package_id": released and "p-%s" % released, "active_version": active,
            "active_package_id": active and "a-%s" % active, "deployment_id": active and "d-%s" % active,
            "rolled_back_from": rolled_back_from, "state": state}


def entry(ident, name, classification, rows):
    return {"environment_id": ident, "environment_name": name, "classification": classification,
            "on_release": False, "counts": {}, "components": rows}


def info(*entries):
    return {"account_id": "acct-1", "integration_pack": PACK, "drift": list(entries), "deployed_packages": []}


WORLD = info(
    entry("e-dev", "Development", "test", [
        row("c-invoice", "Invoice Sync", "1.0.2", "1.0.2", "current"),
        row("c-intake", "Order Intake", "1.0.2", "1.0.2", "current"),
        row("c-router", "Order Router", "0.9", None, "extra")]),
    entry("e-test", "Test", "test", [row("c-invoice", "Invoice Sync", None, "1.0.2", "missing"),
                                     row("c-intake", "Order Intake", "1.0.3-hotfix", "1.0.2", "newer")]),
    entry("e-prod", "Production", "prod", [row("c-invoice", "Invoice Sync", "1.0.1", "1.0.2", "older", "1.0.2"),
                                           row("c-intake", "Order Intake", "1.0.1", "1.0.2", "older")]),
    entry("e-dr", "Disaster Recovery", "prod", [row("c-invoice", "Invoice Sync", "1.0.1", "1.0.2", "older"),
                                                row("c-intake", "Order Intake", "1.0.2", "1.0.2", "current")]))
HOSTVARS = {"dev": {"boomi_environment_id": "e-dev"}, "test": {"boomi_environment_id": "e-test"},
            "prod": {"boomi_environment_id": "e-prod", "boomi_pinned_versions": {"c-intake": "1.0.1"}},
            "dr": {"boomi_environment_id": "e-dr", "boomi_hold": "yes"}}


def report(**kwargs):
    return drift_report(WORLD, hostvars=HOSTVARS, hosts=list(HOSTVARS), timestamp=STAMP, **kwargs)


def states(environment):
    return dict((r["component_name"], r["state"]) for r in environment["components"])


def by_name(made):
    return dict((e["environment_name"], e) for e in made["environments"])


# -- states --------------------------------------------------------------------------------------------
def test_every_state_and_the_environment_verdicts():
    made = by_name(report())
    assert states(made["Development"]) == {"Invoice Sync": "current", "Order Intake": "current"}
    assert states(made["Test"]) == {"Invoice Sync": "missing", "Order Intake": "newer"}
    assert states(made["Production"]) == {"Invoice Sync": "rolled back", "Order Intake": "pinned"}
    assert states(made["Disaster Recovery"]) == {"Invoice Sync": "held", "Order Intake": "held"}
    assert [(e["verdict"], e["on_release"], e["held"]) for e in made.values()] == [
        ("on the release", True, False), ("not on the release", False, False), ("not on the release", False, False),
        ("held", False, True)]
    assert made["Production"]["counts"] == {"current": 0, "older": 0, "newer": 0, "missing": 0, "held": 0,
                                            "pinned": 1, "rolled back": 1}
    assert made["Disaster Recovery"]["components"][0]["drift"] == "older"  # the comparison under the verdict


def test_a_rollback_names_both_versions_and_a_pin_its_version():
    rolled, pinned = by_name(report())["Production"]["components"]
    assert (rolled["rolled_back_from"], rolled["rolled_back_to"], rolled["pinned_version"]) == ("1.0.2", "1.0.1", None)
    assert (pinned["rolled_back_from"], pinned["pinned_version"]) == (None, "1.0.1")


def test_components_of_other_packs_are_apart_and_leave_the_verdict_alone():
    dev = by_name(report())["Development"]
    assert [r["component_name"] for r in dev["components"]] == ["Invoice Sync", "Order Intake"]
    assert dev["not_in_pack"] == [{"component_id": "c-router", "component_name": "Order Router",
                                   "active_version": "0.9", "active_package_id": "a-0.9", "deployment_id": "d-0.9"}]
    assert dev["on_release"] is True and dev["verdict"] == "on the release"


def test_a_pin_to_another_version_than_the_active_one_is_not_pinned():
    pinned = {"boomi_environment_id": "e-test", "boomi_pinned_versions": {"c-intake": "1.0.2"}}
    made = drift_report(WORLD, hostvars=dict(HOSTVARS, test=pinned), hosts=["test"], timestamp=STAMP)
    assert states(by_name(made)["Test"]) == {"Invoice Sync": "missing", "Order Intake": "newer"}


def test_a_recorded_rollback_that_the_release_caught_up_with_is_current():
    current = info(entry("e-x", "X", "test", [row("c-intake", "Order Intake", "1.0.2", "1.0.2", "current", "1.0.3")]))
    assert states(drift_report(current, timestamp=STAMP)["environments"][0]) == {"Order Intake": "current"}


def test_environments_without_a_host_and_the_summary():
    made = drift_report(WORLD, timestamp=STAMP)
    assert [e["inventory_hostname"] for e in made["environments"]] == [None] * 4
    assert states(made["environments"][3]) == {"Invoice Sync": "older", "Order Intake": "current"}
    assert report()["summary"] == {"environments": 4, "on_release": 1, "held": 1, "counts": {
        "current": 2, "older": 0, "newer": 1, "missing": 1, "held": 2, "pinned": 1, "rolled back": 1}}


def test_identity_timestamp_and_release():
    made = drift_report(WORLD)
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", made["generated_at"])
    assert (made["schema_version"], made["account_id"], made["integration_pack"]) == (
        1, "acct-1", {"id": "pack-1", "name": "Order Processing Pack"})
    assert made["release"] == {"became_current": None, "components": PACK["released_components"]}


@pytest.mark.parametrize("host, message", [
    ({"boomi_environment_id": "e-dev", "boomi_hold": "maybe"}, "host dev: boomi_hold must be true or false"),
    ({"boomi_environment_id": "e-dev", "boomi_pinned_versions": {"c-intake": 1.1}},
     "boomi_pinned_versions.c-intake is 1.1, not a string; quote the version"),
    ({"boomi_environment_id": "e-dev", "boomi_pinned_versions": ["1.0.1"]}, "must be a mapping"),
])
def test_bad_host_variables_are_named(host, message):
    with pytest.raises(AnsibleFilterError, match=re.escape(message)):
        drift_report(WORLD, hostvars={"dev": host}, hosts=["dev"])


def test_it_takes_only_the_info_module_with_a_pack():
    with pytest.raises(AnsibleFilterError, match="run with integration_pack or integration_pack_id"):
        drift_report({"deployed_packages": []})


# -- formats -------------------------------------------------------------------------------------------
def test_text_columns_fit_long_versions():
    text = format_report(report(), "text")
    assert text.startswith("What runs where: Order Processing Pack\n")
    for line in ("  generated (UTC):        2026-12-06T06:30:00Z", "  account:                acct-1",
                 "  integration pack:       Order Processing Pack (id pack-1)",
                 "  release current since:  unknown (Boomi gives no release date)",
                 "Test (TEST, host test): not on the release", "Disaster Recovery (PROD, host dr): held, not on the release",
                 "  component     active        released  state",
                 "  Order Intake  1.0.3-hotfix  1.0.2     newer",
                 "  Invoice Sync  1.0.1         1.0.2     rolled back from 1.0.2 to 1.0.1",
                 "  Order Intake  1.0.1         1.0.2     pinned at 1.0.1",
                 "  not in this pack:", "  Order Router  0.9           -         not in this pack",
                 "  component     version", "  Invoice Sync  1.0.2"):
        assert line + "\n" in text, line
    # the environments' tables share their columns: each value starts under its heading
    header = "  component     active        released  state"
    offsets = [header.index(word) for word in ("active", "released", "state")]
    rows = [line for line in text.split("Release:")[1].split("\n\n", 1)[1].splitlines()
            if line.startswith("  ") and line.strip() != "not in this pack:"]
    assert len(rows) == 4 + 8 + 1  # four headings, eight members, one component of another pack
    for line in rows:
        assert all(line[at - 2:at] == "  " and line[at] != " " for at in offsets), line


def test_markdown_tables_are_well_formed_and_escape_pipes():
    made = report()
    made["environments"][0]["components"][0]["component_name"] = "Invoice | Sync"
    text = format_report(made, "markdown")
    assert text.startswith("# What runs where: Order Processing Pack\n")
    assert "- **Generated (UTC):** 2026-12-06T06:30:00Z\n" in text and "- **Account:** acct-1\n" in text
    assert "## Production (PROD, host prod): not on the release\n" in text
    assert "| Invoice Sync | 1.0.1  | 1.0.2    | rolled back from 1.0.2 to 1.0.1 |" in text
    assert "| Order Intake | 1.0.3-hotfix | 1.0.2    | newer   |" in text
    assert "| Invoice \\| Sync | 1.0.2  | 1.0.2    | current |" in text
    assert "| component    | version |\n|--------------|---------|\n| Invoice Sync | 1.0.2   |" in text
    blocks = re.findall(r"((?:^\|.*\|\n)+)", text, re.M)
    assert len(blocks) == 6  # the release, four environments, one "not in this pack"
    for block in blocks:
        lines = block.splitlines()
        assert len({len(line) for line in lines}) == 1, block  # columns fit, every line as wide
        assert set(lines[1]) <= {"|", "-"}


def test_json_is_the_report_itself_and_follows_the_documented_schema():
    made = report()
    assert json.loads(format_report(made, "json")) == made
    for sample in (made, drift_report(WORLD, timestamp=STAMP),
                   drift_report({"account_id": "a", "integration_pack": {"id": "p", "name": "P"}, "drift": []})):
        jsonschema.validate(sample, SCHEMA)
    with pytest.raises(jsonschema.ValidationError):  # the schema is strict: a key it does not name fails
        jsonschema.validate(dict(made, extra=1), SCHEMA)


def test_the_schema_page_names_every_key():
    page = (Path(__file__).resolve().parents[4] / "docs" / "report-schema.md").read_text()
    keys = set(SCHEMA["properties"]) | set(SCHEMA["$defs"]["environment"]["properties"]) | \
        set(SCHEMA["$defs"]["member"]["properties"]) | set(SCHEMA["$defs"]["other"]["properties"])
    assert [k for k in sorted(keys) if not re.search(r"[`.]%s[`.\[]" % re.escape(k), page)] == []


def test_csv_has_one_row_per_environment_and_component():
    rows = list(csv.DictReader(io.StringIO(format_report(report(), "csv"))))
    assert len(rows) == 2 + 1 + 2 + 2 + 2
    assert {r["generated_at"] for r in rows} == {STAMP} and {r["account_id"] for r in rows} == {"acct-1"}
    prod = [r for r in rows if r["inventory_hostname"] == "prod"]
    assert [(r["component_name"], r["state"], r["rolled_back_from"], r["rolled_back_to"], r["pinned_version"])
            for r in prod] == [("Invoice Sync", "rolled back", "1.0.2", "1.0.1", ""),
                               ("Order Intake", "pinned", "", "", "1.0.1")]
    router = [r for r in rows if r["in_pack"] == "false"]
    assert [(r["component_name"], r["state"], r["environment_verdict"]) for r in router] == [
        ("Order Router", "not in this pack", "on the release")]


def test_a_pack_without_a_release_and_no_environment():
    empty = drift_report({"account_id": "a", "integration_pack": {"id": "p", "name": "P"}, "drift": []},
                         timestamp=STAMP)
    assert "(the pack has no release)" in format_report(empty)
    assert "The pack has no release." in format_report(empty, "markdown")
    assert format_report(empty, "csv").count("\n") == 1


def test_an_unknown_format_names_the_choices():
    with pytest.raises(AnsibleFilterError, match="format 'pdf' is not one of text, markdown, json, csv"):
        format_report(report(), "pdf")
    with pytest.raises(AnsibleFilterError, match="takes a report made by boomi.platform.drift_report"):
        format_report({"drift": []}, "text")
