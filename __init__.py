"""Marks the repository root as an OpenEnv environment directory for `openenv push`; import echo_calibration."""
