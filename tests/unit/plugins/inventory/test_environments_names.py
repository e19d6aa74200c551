"""Host naming and filtering of the environments inventory plugin: pure functions, no HTTP."""

import pytest
from ansible.errors import AnsibleParserError

from ansible_collections.boomi.platform.plugins.inventory.environments import host_names, select, slug


def env(ident, name, classification="test"):
    return {"id": ident, "name": name, "classification": classification}


@pytest.mark.parametrize("name, expected", [
    ("Production", "production"),
    ("Production EU", "production_eu"),
    ("  QA--1 (old) ", "qa_1_old"),
    ("already_snake_9", "already_snake_9"),
    ("Тест", ""),
])
def test_slug(name, expected):
    assert slug(name) == expected


def test_unique_names_are_plain():
    assert host_names([env("a-1", "Dev"), env("b-2", "Prod")]) == {"a-1": "dev", "b-2": "prod"}


def test_every_environment_of_a_clash_gets_its_id_whatever_the_order():
    environments = [env("A-1", "QA-1"), env("b-2", "qa 1"), env("c-3", "Dev")]
    expected = {"A-1": "qa_1_a_1", "b-2": "qa_1_b_2", "c-3": "dev"}
    assert host_names(environments) == expected
    assert host_names(list(reversed(environments))) == expected


def test_an_empty_name_gets_the_id():
    assert host_names([env("x-9", "Тест"), env("y-8", "!!!")]) == {"x-9": "environment_x_9", "y-8": "environment_y_8"}


def test_a_suffixed_name_that_meets_a_plain_one_suffixes_that_one_too():
    # "qa" twice -> qa_a and qa_b; an environment literally named "qa a" would take "qa_a": it is suffixed as well
    names = host_names([env("a", "qa"), env("b", "qa"), env("c", "qa a")])
    assert names == {"a": "qa_a", "b": "qa_b", "c": "qa_a_c"}
    assert len(set(names.values())) == 3


def test_names_that_cannot_be_told_apart_fail():
    with pytest.raises(AnsibleParserError):
        host_names([env("A", "x"), env("a", "x")])


def test_select_combines_the_filters():
    environments = [env("1", "EU Test"), env("2", "EU Prod", "prod"), env("3", "US Test")]
    assert [e["id"] for e in select(environments)] == ["1", "2", "3"]
    assert [e["id"] for e in select(environments, names=["EU *"])] == ["1", "2"]
    assert [e["id"] for e in select(environments, names=["EU *"], classifications=["test"])] == ["1"]
    assert [e["id"] for e in select(environments, ids=["3", "9"])] == ["3"]
    assert select(environments, names=["eu *"]) == []  # patterns are case sensitive


@pytest.mark.parametrize("name", ["All", "ungrouped", "Localhost", "Boomi Environments", "boomi classification prod"])
def test_a_reserved_name_gets_the_id(name):
    reserved = {"all", "ungrouped", "localhost", "boomi_environments", "boomi_classification_prod"}
    names = host_names([env("E-1", name), env("e-2", "Dev")], reserved)
    assert names == {"E-1": "%s_e_1" % slug(name), "e-2": "dev"}


def test_a_suffixed_name_never_lands_on_a_reserved_one():
    with pytest.raises(AnsibleParserError):
        host_names([env("1", "qa"), env("2", "qa")], {"qa_1"})
