"""Every error-body shape Boomi (or a proxy in front of it) sends becomes a readable message."""

import pytest

from ansible_collections.boomi.platform.plugins.module_utils.errors import ValidationError, extract_message


@pytest.mark.parametrize("body, message", [
    ('{"@type": "Error", "message": "No such PackagedComponent: x"}', "No such PackagedComponent: x"),
    ('{"message": "Invalid input"}', "Invalid input"),
    ('{"error": {"message": "ERROR_MESSAGE"}}', "ERROR_MESSAGE"),
    ("<error><message>Access   denied\n</message></error>", "Access denied"),
    ('<?xml version="1.0"?><bns:error><message>XML says no</message></bns:error>', "XML says no"),
    ("<html><head><title>503 Service Temporarily Unavailable</title></head><body>x</body></html>",
     "503 Service Temporarily Unavailable"),
    ("<html><body><h1>Bad <b>Gateway</b></h1></body></html>", "Bad Gateway"),
    ("upstream connect error", "upstream connect error"),
    ("", ""),
])
def test_extract_message(body, message):
    assert extract_message(body) == message


def test_fail_json_carries_status_method_path_and_boomis_message():
    error = ValidationError("Boomi POST X: bad (400)", 400, "POST", "X", "bad")
    assert error.to_fail_json() == {"msg": "Boomi POST X: bad (400)", "status": 400, "method": "POST", "path": "X",
                                    "boomi_message": "bad"}
