"""Shared pytest setup for ECHO's Python tests: the repository root and the built server's entry point."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
