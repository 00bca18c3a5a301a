#!/usr/bin/env bash
# Creates (or refreshes) the project's Python virtual environment for the Python tests: .venv at the repository
# root, or $ECHO_VENV. Pinned requirements come from requirements-test.txt; a stamp of that file's hash makes a
# second run a no-op. Prints the venv's python path last.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${ECHO_VENV:-.venv}"
python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null 2>&1 || python=python3
stamp="$venv/.requirements.sha256"
want=$( { cat requirements-test.txt; cat pyproject.toml 2>/dev/null || true; } | sha256sum | cut -d" " -f1)
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv" >&2
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-test.txt >&2
  echo "$want" >"$stamp"
fi
echo "$venv/bin/python"
