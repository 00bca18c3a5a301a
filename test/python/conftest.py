"""Shared pytest setup for ECHO's Python tests: the repository root and live ECHO servers on loopback.

`echo_server` starts the built server (`node dist/cli/main.js serve`, building dist/ first when it is missing)
on 127.0.0.1 and a free port with an in-memory database, once per test session; `start_server(**env)` starts
another one with its own settings (e.g. a short SESSION_TIMEOUT_S) for one test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Callable, Dict, Iterator, List

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "dist" / "cli" / "main.js"
READY = re.compile(r"ECHO ready on (http://127\.0\.0\.1:\d+)")

# Traffic stays on this machine: no proxy for loopback, whatever the environment says.
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"


class EchoServer:
    """A running `echo-env serve` child process and its URL."""

    def __init__(self, env: Dict[str, str]):
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("node is not installed; the Python tests run the built ECHO server")
        full_env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", "/tmp"),
            "PORT": "0",
            "HOST": "127.0.0.1",
            "ECHO_DB": ":memory:",
            "ECHO_DATA_DIR": "/nonexistent-echo-test-data",
            "LOG_LEVEL": "info",
            **env,
        }
        # The ready line is an info log line; the rest of the log is drained and dropped.
        self.process = subprocess.Popen(
            [node, str(ENTRY), "serve"],
            cwd=ROOT,
            env=full_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.url = self._wait_ready(timeout_s=60)
        # Keep draining the output so the child never blocks on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()

    def _wait_ready(self, timeout_s: float) -> str:
        seen: List[str] = []
        deadline = time.monotonic() + timeout_s
        assert self.process.stdout is not None
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                if self.process.poll() is not None:
                    break
                continue
            seen.append(line)
            found = READY.search(line)
            if found:
                return found.group(1)
        self.stop()
        raise RuntimeError("the ECHO server did not start:\n" + "".join(seen[-40:]))

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for _ in self.process.stdout:
            pass

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def ensure_built() -> None:
    """Builds dist/ (npm run build) when the entry point is missing, as npm test's pretest would."""
    if not ENTRY.exists():
        subprocess.run(["npm", "run", "build"], cwd=ROOT, check=True)


@pytest.fixture(scope="session")
def echo_server() -> Iterator[EchoServer]:
    ensure_built()
    server = EchoServer({"MAX_CONCURRENT_ENVS": "256"})
    yield server
    server.stop()


@pytest.fixture(scope="session")
def echo_url(echo_server: EchoServer) -> str:
    return echo_server.url


@pytest.fixture
def start_server() -> Iterator[Callable[..., EchoServer]]:
    started: List[EchoServer] = []

    def start(**env: str) -> EchoServer:
        ensure_built()
        server = EchoServer(env)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
