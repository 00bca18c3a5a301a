"""ECHO's OpenEnv client at the repository root, where `openenv push` looks for it; the code is echo_calibration."""

from echo_calibration.client import EchoCalibrationEnv
from echo_calibration.models import EchoCalibrationAction, EchoCalibrationObservation, EchoCalibrationState

__all__ = ["EchoCalibrationAction", "EchoCalibrationEnv", "EchoCalibrationObservation", "EchoCalibrationState"]
