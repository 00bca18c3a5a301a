#!/usr/bin/env bash
# Runs the Python tests (test/python) in the project's virtual environment, creating it first.
set -euo pipefail
cd "$(dirname "$0")/.."
py=$(bash scripts/python-env.sh)
status=0
"$py" -m pytest test/python "$@" || status=$?
# pytest's 5 means "no tests collected": a failure here, since test/python always has tests.
exit "$status"
