"""schemathesis, a third-party API fuzzer, against the built server's /openapi.json: stateless phases (examples,
coverage, fuzzing) and the stateful one (OpenAPI links from /reset to /step and /state), with the checks and the
time bound in schemathesis.toml beside this file."""

import subprocess
import sys
from pathlib import Path

CONFIG = Path(__file__).with_name("schemathesis.toml")


def test_schemathesis_finds_no_server_error_or_schema_violation(start_server, tmp_path):
    # A server of its own with a SQLite history, so the fuzzer's episodes go through the real store.
    server = start_server(ECHO_DB=str(tmp_path / "echo.db"), ECHO_DATA_DIR=str(tmp_path))
    cli = Path(sys.executable).with_name("schemathesis")
    result = subprocess.run(
        [
            str(cli),
            "--no-color",
            "--config-file",
            str(CONFIG),
            "run",
            f"{server.url}/openapi.json",
            "--report",
            "junit",
            "--report-dir",
            str(tmp_path),
        ],
        cwd=tmp_path,  # whatever schemathesis writes stays out of the repository
        capture_output=True,
        text=True,
        timeout=300,
    )
    summary = result.stdout[-6000:]
    assert result.returncode == 0, f"schemathesis found problems:\n{summary}\n{result.stderr[-2000:]}"
    # Every phase ran, the stateful one included (it needs the links to find /step and /state).
    for phase in ("Coverage", "Fuzzing", "Stateful"):
        assert f"✅ {phase}" in result.stdout, f"phase {phase} did not pass:\n{summary}"
