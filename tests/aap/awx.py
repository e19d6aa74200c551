"""The credential type of extensions/aap, injected by AWX's own code (the awx-plugins-interfaces package)."""

from pathlib import Path

import yaml
from awx_plugins.interfaces._temporary_private_api import ManagedCredentialType
from awx_plugins.interfaces._temporary_private_credential_api import Credential
from awx_plugins.interfaces._temporary_private_inject_api import build_safe_env, inject_credential

ROOT = Path(__file__).resolve().parents[2]
CREDENTIAL_TYPE = ROOT / "extensions" / "aap" / "credential_type.yml"


def credential_type():
    data = yaml.safe_load(CREDENTIAL_TYPE.read_text())
    return ManagedCredentialType(namespace="boomi_platform", name=data["name"], kind=data["kind"],
                                 inputs=data["inputs"], injectors=data["injectors"])


class Injection:
    """What AWX's injection produced: env (for the job), safe_env (what AWX stores), args (extra arguments)."""

    def __init__(self):
        self.env, self.safe_env, self.args = {}, {}, []


def inject(inputs, private_data_dir):
    """What AWX does before a job or an inventory update, with the credential type of extensions/aap."""
    (Path(private_data_dir) / "env").mkdir(parents=True, exist_ok=True)
    done = Injection()
    inject_credential(credential_type(), Credential(inputs=inputs), done.env, done.safe_env, done.args,
                      str(private_data_dir))
    return done


__all__ = ["CREDENTIAL_TYPE", "Injection", "build_safe_env", "credential_type", "inject"]
