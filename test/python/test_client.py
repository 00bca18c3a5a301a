"""The typed OpenEnv client over WebSocket: sync and async episodes, 64 sessions at once, the errors a trainer
meets, and what happens when the server closes an idle session and the client reconnects."""

from __future__ import annotations

import asyncio
import time

import pytest

from echo_calibration import EchoCalibrationAction, EchoCalibrationEnv, EchoCalibrationObservation

ANSWER = "<confidence>70</confidence><answer>4</answer>"


def test_sync_client_plays_an_episode_with_typed_results(echo_url: str):
    with EchoCalibrationEnv(base_url=echo_url).sync() as env:
        first = env.reset(seed=7)
        assert isinstance(first.observation, EchoCalibrationObservation)
        assert first.reward is None and first.done is False
        assert first.observation.is_correct is None
        assert first.observation.prompt and first.observation.messages[-1].role == "user"
        graded = env.step(EchoCalibrationAction(response=ANSWER))
        assert isinstance(graded.reward, float)
        assert graded.done is True and graded.observation.done is True
        assert graded.observation.reward == graded.reward
        assert graded.observation.parsed_confidence == 70
        assert graded.observation.true_answer is not None
        state = env.state()
        assert state.episodes_completed == 1 and state.done is True
        assert state.episode_id == first.observation.episode_id
        assert state.session_id is not None


def test_reset_options_and_a_plain_string_action(echo_url: str):
    with EchoCalibrationEnv(base_url=echo_url).sync() as env:
        first = env.reset(task_id="gen/arithmetic/v1/easy/0")
        assert first.observation.task_id == "gen/arithmetic/v1/easy/0"
        gold = env.step("<confidence>10</confidence><answer>no idea</answer>").observation.true_answer
        env.reset(task_id="gen/arithmetic/v1/easy/0")
        graded = env.step(f"<confidence>95</confidence><answer>{gold}</answer>")
        assert graded.observation.is_correct is True


def test_step_before_reset_says_call_reset_first(echo_url: str):
    with EchoCalibrationEnv(base_url=echo_url).sync() as env:
        with pytest.raises(RuntimeError, match="call reset first"):
            env.step(ANSWER)


def test_a_second_step_says_the_episode_is_finished(echo_url: str):
    with EchoCalibrationEnv(base_url=echo_url).sync() as env:
        env.reset()
        env.step(ANSWER)
        with pytest.raises(RuntimeError, match="already finished"):
            env.step(ANSWER)


def test_64_async_sessions_play_at_once(echo_url: str):
    async def play(i: int) -> float:
        async with EchoCalibrationEnv(base_url=echo_url) as env:
            first = await env.reset(seed=i)
            state = await env.state()
            assert state.episode_id == first.observation.episode_id
            graded = await env.step(EchoCalibrationAction(response=ANSWER))
            assert graded.done is True
            return graded.reward

    async def main():
        return await asyncio.gather(*(play(i) for i in range(64)))

    started = time.monotonic()
    rewards = asyncio.run(main())
    assert len(rewards) == 64 and all(isinstance(r, float) for r in rewards)
    assert time.monotonic() - started < 60


def test_reconnect_after_an_idle_close_lands_on_a_fresh_session(start_server):
    server = start_server(SESSION_TIMEOUT_S="1")
    with EchoCalibrationEnv(base_url=server.url).sync() as env:
        first = env.reset(seed=1)
        session = env.state().session_id
        time.sleep(2.5)  # the server closes the idle session (4408); the client reconnects on its next call
        with pytest.raises(RuntimeError, match="call reset first"):
            env.step(ANSWER)
        assert env.state().session_id != session
        again = env.reset(seed=1)
        assert again.observation.task_id == first.observation.task_id
        assert isinstance(env.step(ANSWER).reward, float)
