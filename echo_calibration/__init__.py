"""ECHO's OpenEnv client: typed models, the WebSocket client, TRL reward functions and a TRL tool environment."""

from .client import EchoCalibrationEnv
from .models import (
    ChatMessage,
    EchoCalibrationAction,
    EchoCalibrationObservation,
    EchoCalibrationState,
    GroupSignals,
    RewardComponents,
    RunningCalibration,
)
from .reward import completion_text, make_async_reward_func, make_reward_func
from .tool_env import EchoCalibrationToolEnv

__all__ = [
    "ChatMessage",
    "EchoCalibrationAction",
    "EchoCalibrationEnv",
    "EchoCalibrationObservation",
    "EchoCalibrationState",
    "EchoCalibrationToolEnv",
    "GroupSignals",
    "RewardComponents",
    "RunningCalibration",
    "completion_text",
    "make_async_reward_func",
    "make_reward_func",
]
