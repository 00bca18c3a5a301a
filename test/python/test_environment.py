"""The Python test environment itself: the tests run inside the virtual environment the project's files create."""

import sys


def test_runs_in_a_virtual_environment():
    assert sys.prefix != sys.base_prefix, "run the Python tests with scripts/test-python.sh (it creates .venv)"


def test_pinned_tools_import():
    import pytest  # noqa: F401
    import requests  # noqa: F401
    import schemathesis  # noqa: F401
