"""Shared pytest setup for ECHO's Python tests: the repository root and the built server on a free loopback port."""

import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "dist" / "cli" / "main.js"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def echo_server():
    """`node dist/cli/main.js serve` on 127.0.0.1 with a SQLite history in a temporary directory; yields its URL.

    Builds dist/ first when it is missing (npm test builds it anyway)."""
    if not ENTRY.exists():
        subprocess.run(["npm", "run", "build"], cwd=ROOT, check=True, timeout=300)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="echo-pytest-") as data:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", data),
            "PORT": str(port),
            "HOST": "127.0.0.1",
            "ECHO_DATA_DIR": data,
            "ECHO_DB": str(Path(data) / "echo.db"),
            "LOG_LEVEL": "warn",
        }
        log = open(Path(data) / "server.log", "w")
        child = subprocess.Popen(["node", str(ENTRY), "serve"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                if child.poll() is not None:
                    raise RuntimeError(f"the server exited ({child.returncode}): {(Path(data) / 'server.log').read_text()}")
                try:
                    if requests.get(f"{url}/health", timeout=1).status_code == 200:
                        break
                except requests.ConnectionError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("the server did not answer /health within 30 s")
                time.sleep(0.1)
            yield url
        finally:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            log.close()
