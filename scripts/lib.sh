# Shared by scripts/test and scripts/demo: one pinned virtualenv and a collection tree.
# shellcheck shell=bash

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
VENV="${BOOMI_VENV:-$REPO/.venv}"
PY="${BOOMI_PYTHON:-python3.11}"
export PIP_DISABLE_PIP_VERSION_CHECK=1 ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 NO_COLOR=1 PY_COLORS=0

# Create (or refresh when a pinned file changed) the virtualenv with every tool and the simulator.
ensure_venv() {
  local stamp want
  want=$(cat "$REPO/requirements.txt" "$REPO/requirements-dev.txt" "$REPO/constraints.txt" \
             "$REPO/simulator/pyproject.toml" | sha256sum | cut -c1-16)
  stamp="$VENV/.boomi-stamp"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "== setting up $VENV ($PY, pinned tools)"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV" || return 1
  "$VENV/bin/pip" install -q pip==26.3 || return 1
  "$VENV/bin/pip" install -q -r "$REPO/requirements-dev.txt" -c "$REPO/constraints.txt" || return 1
  "$VENV/bin/pip" install -q --no-build-isolation --no-deps -e "$REPO/simulator" || return 1
  echo "$want" > "$stamp"
}

# ansible-test wants the collection at .../ansible_collections/boomi/platform as a real directory:
# copy the files git sees (tracked and untracked-but-not-ignored) into a fresh tree.
make_tree() {
  local tree=$1 coll="$1/ansible_collections/boomi/platform"
  rm -rf "$tree"
  mkdir -p "$coll"
  if git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1; then
    (cd "$REPO" && git ls-files -z --cached --others --exclude-standard \
      | tar --null --ignore-failed-read -T - -cf -) | tar -xf - -C "$coll"
  else
    (cd "$REPO" && tar --exclude=.venv --exclude=tests/output --exclude=.ansible -cf - .) | tar -xf - -C "$coll"
  fi
  echo "$coll"
}

# ansible-test fetches a get-pip script from a host this network cannot reach; seed its cache. Each ansible-test
# version bootstraps its own pip version, so seed_get_pip takes the virtualenv whose ansible-test will run.
seed_get_pip() {
  local dir pipv venv=${1:-$VENV}
  dir=$("$venv/bin/python" -c 'import ansible_test, os; print(os.path.dirname(ansible_test.__file__))')
  pipv=$(sed -n "s/.*pip='\([0-9.]*\)'.*/\1/p" "$dir/_internal/python_requirements.py" | head -1)
  mkdir -p "$HOME/.ansible/test/cache"
  cp "$REPO/scripts/get_pip_offline.py" "$HOME/.ansible/test/cache/get_pip_${pipv//./_}.py"
}

# A working python<version> (e.g. 3.12): on PATH, else a pyenv build called by its full path (pyenv's shims do not
# work here). Prints nothing and fails when there is none.
find_python() {
  local version=$1 candidate
  for candidate in "$(command -v "python$version" 2>/dev/null)" \
      "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$version".*/bin/"python$version" \
      /root/.pyenv/versions/"$version".*/bin/"python$version" "/usr/local/bin/python$version" "/usr/bin/python$version"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] &&
        "$candidate" -c "import ensurepip, sys, venv; sys.exit('%d.%d' % sys.version_info[:2] != '$version')" \
        >/dev/null 2>&1; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# Where virtualenvs and downloads that outlive a checkout are kept (the matrix, galaxy-importer, awx.awx).
cache_dir() {
  local dir="${BOOMI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/boomi-platform}/$1"
  mkdir -p "$dir" && echo "$dir"
}

# awx.awx, to check playbooks/aap_configure.yml (test-only; Galaxy is out of reach here): the last `ansible`
# release on PyPI that bundles it, downloaded once (pinned by hash) and unpacked into the cache. Prints the
# directory that holds ansible_collections/awx/awx.
AWX_SOURCE="ansible==12.3.0 --hash=sha256:cd156f82fa87f7a899212b0efa9f7ca3a24d609212de9f78428a572eb01e5414"
awx_collections() {
  local dir name=${AWX_SOURCE%% *}
  dir=$(cache_dir "awx-${name/==/-}") || return 1
  if [ ! -f "$dir/ansible_collections/awx/awx/MANIFEST.json" ]; then
    echo "$AWX_SOURCE" > "$dir/requirements.txt"
    "$VENV/bin/pip" download -q --no-deps --require-hashes -r "$dir/requirements.txt" -d "$dir/wheel" >&2 || return 1
    "$VENV/bin/python" - "$dir" <<'PY' || return 1
import glob, sys, zipfile
target = sys.argv[1]
with zipfile.ZipFile(glob.glob(target + "/wheel/ansible-*.whl")[0]) as wheel:
    wheel.extractall(target, [n for n in wheel.namelist() if n.startswith("ansible_collections/awx/awx/")])
PY
    rm -rf "$dir/wheel"
  fi
  echo "$dir"
}
