"""installed_collections: which collections Python can import as ansible_collections.<namespace>.<name> (inside
ansible-playbook, Ansible's collection finder answers; tests/aap/test_configure.py runs it there)."""

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.boomi.platform.plugins.filter.installed_collections import installed_collections


def test_only_the_installed_ones_in_the_given_order():
    assert installed_collections(["nobody.nothing", "boomi.platform", "boomi.nothing"]) == ["boomi.platform"]
    assert installed_collections([]) == []


@pytest.mark.parametrize("names, message", [
    ("awx.awx", "takes a list of collection names"),
    (["awx"], "awx is not a collection name"),
    (["awx.awx.credential_type"], "is not a collection name"),
])
def test_it_takes_a_list_of_collection_names(names, message):
    with pytest.raises(AnsibleFilterError, match=message):
        installed_collections(names)
