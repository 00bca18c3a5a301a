"""EchoCalibrationToolEnv as TRL's environment_factory drives it: a zero-argument constructor, reset(**row),
the `answer` tool, get_reward(); the base URL comes from ECHO_URL."""

from __future__ import annotations

import inspect
import time

import httpx
import pytest

from echo_calibration import EchoCalibrationToolEnv

TASK = "gen/arithmetic/v1/easy/0"
ROW = {"prompt": [{"role": "user", "content": ""}], "task_id": TASK, "domain": "math", "extra_column": 5}


@pytest.fixture
def tool_env(echo_url: str, monkeypatch):
    monkeypatch.setenv("ECHO_URL", echo_url)
    envs = []

    def make() -> EchoCalibrationToolEnv:
        env = EchoCalibrationToolEnv()
        envs.append(env)
        return env

    yield make
    for env in envs:
        env._close()


def test_shape_trl_expects():
    assert list(inspect.signature(EchoCalibrationToolEnv).parameters) == []
    tools = [n for n, _ in inspect.getmembers(EchoCalibrationToolEnv, predicate=inspect.isfunction)
             if n not in ("reset", "get_reward") and not n.startswith("_")]
    assert tools == ["answer"]  # TRL makes every public method a tool
    answer = inspect.signature(EchoCalibrationToolEnv.answer)
    assert {n: p.annotation for n, p in answer.parameters.items() if n != "self"} == {"answer": "str", "confidence": "int"}
    assert "Args:" in EchoCalibrationToolEnv.answer.__doc__
    assert inspect.signature(EchoCalibrationToolEnv.get_reward).return_annotation == "float"


def test_plays_one_episode_for_the_rows_task(tool_env, echo_url: str):
    before = httpx.get(f"{echo_url}/metrics").json()["count"]
    env = tool_env()
    text = env.reset(**ROW)
    assert "apples" in text and "`answer` tool" in text
    assert env.observation.task_id == TASK
    feedback = env.answer(answer="20", confidence=85)
    assert feedback
    reward = env.get_reward()
    assert isinstance(reward, float)
    assert env.observation.is_correct is True and env.observation.parsed_confidence == 85
    assert env.answer(answer="21", confidence=85).startswith("You have already answered")
    assert env.get_reward() == reward
    assert httpx.get(f"{echo_url}/metrics").json()["count"] == before + 1
    # The same instance plays the next batch's row: a new episode on the same session.
    env.reset(**ROW)
    assert env.observation.is_correct is None


def test_a_rollout_that_never_answers_is_graded_as_an_empty_response(tool_env):
    env = tool_env()
    env.reset(**ROW)
    assert isinstance(env.get_reward(), float)
    assert env.observation.format == "empty"


def test_answers_after_an_idle_close_by_replaying_the_same_question(start_server, monkeypatch):
    server = start_server(SESSION_TIMEOUT_S="1")
    monkeypatch.setenv("ECHO_URL", server.url)
    env = EchoCalibrationToolEnv()
    try:
        env.reset(**ROW)
        time.sleep(2.5)
        env.answer(answer="20", confidence=70)
        assert env.observation.task_id == TASK and env.observation.is_correct is True
    finally:
        env._close()
