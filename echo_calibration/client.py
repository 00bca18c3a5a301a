"""EchoCalibrationEnv: OpenEnv's EnvClient for ECHO, typed with ECHO's action, observation and state.

    from echo_calibration import EchoCalibrationAction, EchoCalibrationEnv

    with EchoCalibrationEnv(base_url="http://localhost:8000").sync() as env:     # or `async with`, `await`
        result = env.reset(task_id="gen/arithmetic/v1/easy/3")                    # or seed=..., domain=...
        result = env.step(EchoCalibrationAction(response="<confidence>70</confidence><answer>4</answer>"))
        print(result.reward, result.observation.is_correct, env.state().episodes_completed)

One client is one WebSocket (/ws), and one WebSocket is one server session. The server closes a session idle for
longer than its SESSION_TIMEOUT_S (close code 4408); the client then opens a new connection on its next call,
which is a fresh session with no episode: `reset` works as usual, while a `step` there fails with
"... call reset first ..." (a RuntimeError from OpenEnv's client). So keep SESSION_TIMEOUT_S longer than the time
between a reset and its step.
"""

from __future__ import annotations

import os
from typing import Any, Dict, Optional, Union

from openenv.core.client_types import StepResult
from openenv.core.env_client import EnvClient

from .models import EchoCalibrationAction, EchoCalibrationObservation, EchoCalibrationState

DEFAULT_URL = "http://localhost:8000"
NO_EPISODE_HINT = "call reset first"


def default_base_url() -> str:
    """$ECHO_URL, else http://localhost:8000."""
    return os.environ.get("ECHO_URL") or DEFAULT_URL


def auth_headers(api_key: Optional[str]) -> Optional[Dict[str, str]]:
    """The bearer header for the server's ECHO_API_KEY (default: $ECHO_API_KEY), or None without a key."""
    key = api_key if api_key is not None else os.environ.get("ECHO_API_KEY")
    return {"Authorization": f"Bearer {key}"} if key else None


class EchoCalibrationEnv(EnvClient[EchoCalibrationAction, EchoCalibrationObservation, EchoCalibrationState]):
    """OpenEnv client for an ECHO server: `reset(**options)`, `step(action)`, `state()`, sync via `.sync()`.

    base_url defaults to $ECHO_URL, then http://localhost:8000; api_key to $ECHO_API_KEY (sent as a bearer token).
    `step` takes an EchoCalibrationAction or the response text itself. Other keyword arguments go to OpenEnv's
    EnvClient (connect_timeout_s, message_timeout_s, ...).
    """

    def __init__(self, base_url: Optional[str] = None, *, api_key: Optional[str] = None, **kwargs: Any):
        headers = {**(auth_headers(api_key) or {}), **(kwargs.pop("headers", None) or {})}
        super().__init__(base_url=base_url or default_base_url(), headers=headers or None, **kwargs)

    def _step_payload(self, action: Union[EchoCalibrationAction, str]) -> Dict[str, Any]:
        if isinstance(action, str):
            action = EchoCalibrationAction(response=action)
        payload: Dict[str, Any] = {"response": action.response}
        if action.metadata:
            payload["metadata"] = action.metadata
        return payload

    def _parse_result(self, payload: Dict[str, Any]) -> StepResult[EchoCalibrationObservation]:
        reward = payload.get("reward")
        done = bool(payload.get("done", False))
        observation = EchoCalibrationObservation(**payload["observation"], reward=reward, done=done)
        return StepResult(observation=observation, reward=reward, done=done)

    def _parse_state(self, payload: Dict[str, Any]) -> EchoCalibrationState:
        return EchoCalibrationState(**payload)
