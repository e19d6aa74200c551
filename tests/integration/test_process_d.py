"""The full Process D by hand in one playbook: 3 components, 1 pack, 1 release, 3 environments."""

from ..conftest import COMPONENTS, ENVIRONMENTS
from .playbook import ACCOUNT, TOKEN, USER, run_playbook

PLAYBOOK = """
- name: Process D
  hosts: localhost
  connection: local
  gather_facts: false
  vars:
    ansible_python_interpreter: "{{ ansible_playbook_python }}"
  module_defaults:
    group/boomi.platform.boomi: "{{ boomi_connection }}"
  tasks:
    - name: Package each component
      boomi.platform.boomi_packaged_component:
        component_id: "{{ item.id }}"
        package_version: "{{ item.version }}"
        notes: Process D
      loop: "{{ components }}"
    - name: Ensure the pack holds them
      boomi.platform.boomi_integration_pack:
        name: Order Processing Pack
        description: Order processing
        packaged_components: "{{ components | map(attribute='id') | list }}"
    - name: Release each component at its version
      boomi.platform.boomi_pack_release:
        integration_pack: Order Processing Pack
        components: "{{ release_components }}"
        poll_interval: 0.1
      register: release
    - name: Deploy the release to every environment
      boomi.platform.boomi_deployed_package:
        environment_id: "{{ item }}"
        package_ids: "{{ release.release.released_components | map(attribute='package_id') | list }}"
      loop: "{{ environments }}"
"""


def run_process_d(sim, tmp_path, versions):
    components = [{"id": COMPONENTS[name], "version": versions[name]}
                  for name in ("order_intake", "order_fulfilment", "invoice_sync")]
    book = tmp_path / "process_d.yml"
    book.write_text(PLAYBOOK)
    before = sim.requests()["summary"]
    run_playbook(book, {
        "boomi_connection": {"api_url": sim.url, "account_id": ACCOUNT, "username": USER, "api_token": TOKEN},
        "components": components,
        "release_components": [{"component_id": c["id"], "version": c["version"]} for c in components],
        "environments": [ENVIRONMENTS[e] for e in ("dev", "test", "prod")]})
    after = sim.requests()["summary"]
    return after["reads"] - before["reads"], after["writes"] - before["writes"]


def active(sim):
    return {(d["environmentId"], d["componentId"]): d["packageVersion"]
            for d in sim.state()["deployments"] if d["active"]}


def test_process_d_converges_and_bumps_only_what_changed(sim, tmp_path):
    versions = {"order_intake": "1.0.5", "order_fulfilment": "1.0.5", "invoice_sync": "1.0.5"}
    reads_1, writes_1 = run_process_d(sim, tmp_path, versions)
    # 3 packages + pack create + membership update + 1 release + 3 envs x 3 deployments
    assert writes_1 == 3 + 2 + 1 + 9
    assert set(active(sim).values()) == {"1.0.5"} and len(active(sim)) == 9
    reads_2, writes_2 = run_process_d(sim, tmp_path, versions)
    assert writes_2 == 0
    versions["order_fulfilment"] = "1.0.6"
    reads_3, writes_3 = run_process_d(sim, tmp_path, versions)
    assert writes_3 == 1 + 1 + 3  # one new package, one release, one deployment per environment
    deployed = active(sim)
    assert all(v == ("1.0.6" if c == COMPONENTS["order_fulfilment"] else "1.0.5") for (e, c), v in deployed.items())
    state = sim.state()
    assert len(state["integration_packs"]) == 1 and len(state["packaged_components"]) == 4
    assert [r["releaseStatus"] for r in state["releases"]] == ["SUCCESS", "SUCCESS"]
    print("Process D over 3 environments: first run %d reads / %d writes; second run %d reads / %d writes; "
          "version bump %d reads / %d writes" % (reads_1, writes_1, reads_2, writes_2, reads_3, writes_3))
