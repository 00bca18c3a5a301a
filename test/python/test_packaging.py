"""How OpenEnv's tools see the repository: `openenv push`'s structure check, the manifest's names, and an
install of the package from a copy of the tree (what `pip install .` or `pip install git+<url>` does)."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import zipfile
from pathlib import Path

import yaml
from openenv.auto._discovery import _create_env_info_from_package
from openenv.cli._cli_utils import validate_env_structure

ROOT = Path(__file__).resolve().parents[2]


def test_openenv_push_structure_check_passes_at_the_root():
    warnings = validate_env_structure(ROOT)
    assert all("Required" not in w for w in warnings), warnings


def test_the_manifest_names_resolve_to_the_package_classes(monkeypatch):
    manifest = yaml.safe_load((ROOT / "openenv.yaml").read_text())
    assert manifest["name"] == "echo_calibration"  # not OpenEnv's own echo_env
    monkeypatch.setattr("openenv.auto._discovery._load_manifest_from_package", lambda *_: manifest)
    info = _create_env_info_from_package("echo-calibration-env", "echo_calibration", "1.0.0")
    assert (info.env_key, info.client_module_path) == ("echo_calibration", "echo_calibration.client")
    assert info.get_client_class().__name__ == "EchoCalibrationEnv"
    assert info.get_action_class().__name__ == "EchoCalibrationAction"
    assert info.get_observation_class().__name__ == "EchoCalibrationObservation"


def test_installed_distribution_declares_openenv():
    requires = importlib.metadata.requires("echo-calibration-env") or []
    assert any(r.startswith("openenv") and ">=0.10.0" in r for r in requires), requires


def test_the_wheel_holds_only_the_package(tmp_path: Path):
    run = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    (wheel,) = tmp_path.glob("echo_calibration_env-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names if not n.startswith("echo_calibration_env-")}
    assert top == {"echo_calibration"}, top


def test_pip_installs_from_a_git_url(tmp_path: Path):
    # `pip install git+<url>` clones the repository and builds it; a file:// URL of this checkout does the same
    # without a network (the committed tree, as a user's clone of the repository or Space would see it).
    if not (ROOT / ".git").exists():
        import pytest

        pytest.skip("not a git checkout")
    run = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), f"git+file://{ROOT}"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    (wheel,) = tmp_path.glob("echo_calibration_env-*.whl")
    assert "echo_calibration/client.py" in zipfile.ZipFile(wheel).namelist()
