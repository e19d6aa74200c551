#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: boomi_environment_extensions
short_description: Set an environment's extension values (EnvironmentExtensions)
version_added: "0.1.0"
description:
  - Sets the values an environment gives to the extensible parts of the processes deployed to it (Boomi's
    environment extensions) - connection fields, process property components, dynamic process properties and
    cross-reference tables - and leaves every value the task does not name as it is.
  - Reads the environment's extensions (one query), compares, and writes only what differs, with Boomi's partial
    update (C(partial=true)), following its rules for what one partial update must carry - the changed fields of a
    connection, a process property component whole (every key, the unchanged ones with their current values), a
    cross-reference table whole, a dynamic process property alone. A component that did not change is not sent.
  - Names resolve to ids from the extensions themselves. A component is named by its name or id (a name several
    components share fails, listing their ids); a connection field by its id (for example C(url), C(password)); a
    process property by its key or its label. Every name is checked before the first write; an unknown one fails,
    listing what the environment holds, and nothing is written.
  - Only the processes deployed to an environment have extensions there, so a component appears once a process
    using it is deployed. In check mode a component the environment does not hold yet gives a warning instead of
    a failure, since an earlier task of the play may deploy its process. A field, key or label unknown to a
    component the environment holds always fails.
  - Integration packs installed for multiple installs keep each process's extensions apart, in an extension group
    of the environment. The module reads every group of the environment and sets a named component in each group
    that holds it (one update per group that changes).
  - B(Encrypted values.) Boomi encrypts some values (C(usesEncryption), for example a connection's C(password)) and
    never returns them, only whether one is set (C(encryptedValueSet)); so they cannot be compared. With
    O(update_secrets=on_create) (the default) an encrypted value is sent only while Boomi reports none set, so a
    password changed by hand in Boomi is not overwritten and a re-run changes nothing; with
    O(update_secrets=always) it is sent on every run and the task reports a change every time (use it to rotate a
    secret, then go back to V(on_create)).
  - Boomi writes a process property component whole, so changing one value of a component that also holds an
    encrypted value already set needs that secret in the task too - Boomi cannot give it back. Without it the task
    fails before any write, naming the value. (Boomi documents that a value sent with C(useDefault=false) and no
    C(value) keeps its previous override, but also that every value of the component must be provided; the module
    does not rely on the former for a secret.)
  - Secret values never appear in results, diffs or messages - in diffs an encrypted value is C(********), and
    every value of the four options is masked in what Ansible echoes of the task's arguments. Values are sent
    to Boomi as text (numbers and booleans too).
  - A lost answer to an update is settled by reading the extensions again; if the change is not there after
    O(write_settle_seconds), the update is sent again, which is safe - a partial update sets absolute values for
    exactly what it carries, so two copies leave what one would.
  - "Cost: one query (the environment's extensions, every group), then one update per extension group that
    changes; none in check mode."
options:
  environment_id:
    description: Id of the environment.
    type: str
    required: true
  connections:
    description:
      - "Connection field values: C({<connection name or id>: {<field id>: <value>}})."
      - A value is a string (a number or boolean is sent as text), or a dict with C(value), C(use_default) (V(true)
        goes back to the connection component's own value) and C(secret) (V(true) asserts that Boomi encrypts the
        field, V(false) that it does not; the task fails if Boomi says otherwise, so a password typed into a field
        Boomi would store in clear is caught before it is sent).
      - Fields not named keep their values.
    type: dict
  process_properties:
    description:
      - "Process property values: C({<process property component name or id>: {<key or label>: <value>}}), values as
        in O(connections)."
      - A component that changes is written whole; the values not named are sent with their current values, and an
        encrypted value already set must then be given (see the description).
    type: dict
  properties:
    description:
      - "Dynamic process property values: C({<name>: <value>}). A value is a string (or C({value: ...})); Boomi
        keeps no default to go back to, so C(use_default) is refused here."
    type: dict
  cross_references:
    description:
      - "Cross-reference table overrides: C({<table name or id>: <rows>}), rows a list of rows, each a list of cells
        (C(ref1), C(ref2), ... in order; at most 20), or C({rows: [...]}). The table is written whole."
      - "C({use_default: true}) stops overriding the table (its component's rows apply again)."
    type: dict
  update_secrets:
    description:
      - When to send an encrypted value. V(on_create) sends it only while Boomi reports none set
        (C(encryptedValueSet=false)); V(always) sends it on every run, and the task then always reports a change.
    type: str
    choices: [on_create, always]
    default: on_create
extends_documentation_fragment:
  - boomi.platform.connection
  - boomi.platform.attributes.action_group
  - boomi.platform.attributes.check_mode
  - boomi.platform.attributes.diff_mode
seealso:
  - module: boomi.platform.boomi_environment_extensions_info
  - module: boomi.platform.boomi_process_schedule
  - module: boomi.platform.boomi_deployed_package
author:
  - boomi.platform developers (@boomi-platform)
"""

EXAMPLES = r"""
- name: Point production's Order Intake at the production database, its secret from the vault
  boomi.platform.boomi_environment_extensions:
    environment_id: 6d3f9a10-0003-4d5e-9a1b-00000000e003
    connections:
      Orders DB:
        url: jdbc:postgresql://orders-db.prod.example.com:5432/orders
        user: orders_prod
        password: "{{ vault_orders_db_password | default('prod-password-from-the-vault') }}"
    process_properties:
      Order Settings:
        Batch Size: 200
        API Key:
          value: "{{ vault_orders_api_key | default('prod-api-key-from-the-vault') }}"
          secret: true
    properties:
      orderMode: stream
    cross_references:
      Country Codes:
        - [DE, Germany]
        - [FR, France]
        - [NL, Netherlands]

- name: Rotate the database password on test (sent on every run while update_secrets is always)
  boomi.platform.boomi_environment_extensions:
    environment_id: 6d3f9a10-0002-4d5e-9a1b-00000000e002
    connections:
      Orders DB:
        password: "{{ vault_orders_db_password_test | default('rotated-test-password') }}"
    update_secrets: always

- name: Let test use the connection component's own user again
  boomi.platform.boomi_environment_extensions:
    environment_id: 6d3f9a10-0002-4d5e-9a1b-00000000e002
    connections:
      Orders DB:
        user:
          use_default: true
"""

RETURN = r"""
environment_id:
  description: The environment.
  returned: always
  type: str
  sample: 6d3f9a10-0003-4d5e-9a1b-00000000e003
changes:
  description:
    - One line per value the task changes (or, in check mode, would change), C(<component> / <field>) with the value
      before and after; an encrypted value shows as C(********), or C((not set)).
  returned: always
  type: list
  elements: str
  sample: ["Orders DB / url: jdbc:postgresql://orders-db.test.example.com:5432/orders ->
    jdbc:postgresql://orders-db.prod.example.com:5432/orders", "Orders DB / password: (not set) -> ********"]
extensions:
  description:
    - The environment's extensions after the task, one entry per document - the environment's own first, then one
      per extension group. In check mode, as the task would leave them. Encrypted values are C(********) when set,
      else V(null); Boomi returns no other.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Boomi's id of the document (the environment id for the environment's own).
      type: str
    environment_id:
      description: The environment.
      type: str
    extension_group_id:
      description: The extension group (the process of a multi-install integration pack); empty for the environment's own.
      type: str
    connections:
      description: "Connections: C(id), C(name), C(fields) (each C(id), C(value), C(use_default), C(encrypted), C(value_set))."
      type: list
      elements: dict
    process_properties:
      description: "Process property components: C(id), C(name), C(values) (each C(key), C(label), C(value), C(use_default),
        C(encrypted), C(value_set))."
      type: list
      elements: dict
    properties:
      description: "Dynamic process properties: C(name), C(value)."
      type: list
      elements: dict
    cross_references:
      description: "Cross-reference tables: C(id), C(name), C(override) (whether the environment overrides its rows), C(rows)."
      type: list
      elements: dict
"""

from ansible_collections.boomi.platform.plugins.module_utils import environment_extensions as extensions_api
from ansible_collections.boomi.platform.plugins.module_utils import extension_plan
from ansible_collections.boomi.platform.plugins.module_utils import extension_wanted
from ansible_collections.boomi.platform.plugins.module_utils.module import run_module, warn_or_fail

OPTIONS = dict(
    environment_id=dict(type="str", required=True),
    connections=dict(type="dict"),
    process_properties=dict(type="dict"),
    properties=dict(type="dict"),
    cross_references=dict(type="dict"),
    update_secrets=dict(type="str", choices=list(extension_plan.UPDATE_SECRETS), default="on_create", no_log=False),
)
# Any extension value may be a secret: Ansible must not write the task's arguments to the system log (AnsibleModule's
# no_log), and what it echoes of them (invocation.module_args) has every value of the four options masked, on every
# exit, also when its own argument checks fail before run() starts (run_module's conceal).
CONSTRAINTS = dict(no_log=True, conceal=extension_wanted.masked)


def run(module, client):
    given = dict((kind, module.params.get(kind)) for kind in extension_wanted.KINDS)
    plan = extension_plan.plan_environment(client, module.params["environment_id"], given,
                                           module.params["update_secrets"])
    # a component no document holds fails a real run (every such name at once); in check mode it warns, as an
    # earlier task of the play may deploy the process that brings it
    extension_plan.raise_problems(plan, include_missing=not module.check_mode)
    for message in plan["missing"]:
        warn_or_fail(module, message)
    changed, afters = extension_plan.apply(client, plan, module.check_mode)
    result = {"environment_id": module.params["environment_id"], "changes": plan["changes"],
              "extensions": [extensions_api.result(after) for after in afters]}
    return changed, result, plan["diff"]


def main():
    run_module(OPTIONS, run, **CONSTRAINTS)


if __name__ == "__main__":
    main()
