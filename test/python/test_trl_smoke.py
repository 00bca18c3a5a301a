"""The real GRPO smoke run (examples/python/smoke_grpo.py): two GRPO steps through each path against a live ECHO.

Off by default (torch and TRL are a multi-gigabyte install): ECHO_TRL_SMOKE=1 runs it, with the Python that has
them in ECHO_TRL_PYTHON (default: this one), e.g.

    python3.11 -m venv /tmp/trl && /tmp/trl/bin/pip install trl==1.16.0 torch && /tmp/trl/bin/pip install -e .
    ECHO_TRL_SMOKE=1 ECHO_TRL_PYTHON=/tmp/trl/bin/python npm run test:python -- -k smoke
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(os.environ.get("ECHO_TRL_SMOKE") != "1", reason="set ECHO_TRL_SMOKE=1 to run")


def test_two_grpo_steps_through_each_path_reach_the_servers_metrics(start_server):
    server = start_server(MAX_CONCURRENT_ENVS="64")
    python = os.environ.get("ECHO_TRL_PYTHON") or sys.executable
    run = subprocess.run(
        [python, str(ROOT / "examples" / "python" / "smoke_grpo.py"), "--server", server.url],
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "TRL_EXPERIMENTAL_SILENCE": "1"},
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    assert "reward path: 2 steps, 8 completions scored and recorded in /metrics" in run.stdout
    assert "tools path: tools ['answer'], 2 steps, 8 episodes played and recorded in /metrics" in run.stdout
    assert "/metrics: 16 episodes" in run.stdout
