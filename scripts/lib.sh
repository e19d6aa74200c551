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

# ansible-test fetches a get-pip script from a host this network cannot reach; seed its cache.
seed_get_pip() {
  local dir pipv
  dir=$("$VENV/bin/python" -c 'import ansible_test, os; print(os.path.dirname(ansible_test.__file__))')
  pipv=$(sed -n "s/.*pip='\([0-9.]*\)'.*/\1/p" "$dir/_internal/python_requirements.py" | head -1)
  mkdir -p "$HOME/.ansible/test/cache"
  cp "$REPO/scripts/get_pip_offline.py" "$HOME/.ansible/test/cache/get_pip_${pipv//./_}.py"
}
