"""Stand-in for ansible-test's get-pip-<version>.py bootstrap, whose host this network cannot reach.

ansible-test runs: python get_pip_X_Y.py --disable-pip-version-check pip==X.Y --no-setuptools --no-wheel
We bootstrap pip with the standard library's ensurepip, then let it install the requested pip.
"""
import subprocess
import sys

ARGS = [a for a in sys.argv[1:] if a not in ("--no-setuptools", "--no-wheel")]
subprocess.check_call([sys.executable, "-m", "ensurepip", "--upgrade", "--default-pip"], stdout=subprocess.DEVNULL)
subprocess.check_call([sys.executable, "-m", "pip", "install", "-q"] + ARGS)
if "--no-setuptools" in sys.argv:
    subprocess.call([sys.executable, "-m", "pip", "uninstall", "-y", "-q", "setuptools"])
