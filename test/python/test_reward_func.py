"""make_reward_func and make_async_reward_func called exactly as TRL's GRPOTrainer calls them: prompts,
completions (strings or message lists), completion_ids, every dataset column, trainer_state, log_extra and
log_metric; one POST /reward per call; floats, or None for what the server could not score."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any, Dict, List

import httpx
import pytest

from echo_calibration import EchoCalibrationEnv, make_async_reward_func, make_reward_func

TASK = "gen/arithmetic/v1/easy/0"


class TrainerState:
    """Stands in for transformers' TrainerState, which TRL passes as trainer_state."""

    global_step = 3
    epoch = 0.1


def gold_of(url: str, task_id: str) -> str:
    with EchoCalibrationEnv(base_url=url).sync() as env:
        env.reset(task_id=task_id)
        return env.step("<confidence>0</confidence><answer>?</answer>").observation.true_answer


def trl_kwargs(url: str, completions: List[Any], task_ids: List[Any]):
    """The keyword arguments of TRL's _calculate_rewards: every column but prompt/completion(_ids), and more."""
    questions = {q["task_id"]: q for q in httpx.get(f"{url}/questions", params={"limit": 50, "phase": 1}).json()["items"]}
    rows = [questions.get(t, {"messages": [{"role": "user", "content": "?"}], "domain": None}) for t in task_ids]
    extra: Dict[str, List[Any]] = defaultdict(list)
    metrics: Dict[str, List[float]] = defaultdict(list)
    kwargs = {
        "prompts": [r["messages"] for r in rows],
        "completions": completions,
        "completion_ids": [[1, 2, 3] for _ in completions],
        "task_id": task_ids,
        "domain": [r.get("domain") for r in rows],
        "trainer_state": TrainerState(),
        "log_extra": lambda column, values: extra[column].extend(values),
        "log_metric": lambda name, value: metrics[name].append(value),
    }
    return kwargs, extra, metrics


def count(url: str) -> int:
    return httpx.get(f"{url}/metrics").json()["count"]


def test_conversational_completions_get_one_reward_each_and_are_logged(echo_url: str):
    gold = gold_of(echo_url, TASK)
    completions = [
        [{"role": "assistant", "content": f"<confidence>90</confidence><answer>{gold}</answer>"}],
        [{"role": "assistant", "content": "<confidence>90</confidence><answer>-1</answer>"}],
        [{"role": "assistant", "content": [{"type": "text", "text": f"<confidence>60</confidence><answer>{gold}</answer>"}]}],
        [{"role": "assistant", "content": "<confidence>50</confidence><answer>1</answer>"}],
        [{"role": "assistant", "content": "<confidence>50</confidence><answer>1</answer>"}],
    ]
    task_ids = [TASK, TASK, TASK, "no/such/task", None]
    kwargs, extra, metrics = trl_kwargs(echo_url, completions, task_ids)
    before = count(echo_url)
    reward = make_reward_func(echo_url)
    rewards = reward(**kwargs)
    assert len(rewards) == 5
    assert all(isinstance(r, float) for r in rewards[:3])
    assert rewards[3] is None and rewards[4] is None
    assert rewards[0] > rewards[1]  # right and confident beats wrong and confident
    assert count(echo_url) == before + 3  # recorded, so /metrics follows training
    assert extra["echo_calibration_confidence"] == [90, 90, 60, None, None]
    assert extra["echo_calibration_correct"] == [True, False, True, None, None]
    assert "no task with id" in extra["echo_calibration_error"][3]
    assert metrics["echo_calibration/accuracy"] == [pytest.approx(2 / 3)]
    assert metrics["echo_calibration/unscored_rate"] == [pytest.approx(2 / 5)]
    assert set(metrics) >= {"echo_calibration/reward", "echo_calibration/components/brier"}
    assert reward.last_batch["accuracy"] == pytest.approx(2 / 3)


def test_string_completions_and_no_logging_callbacks(echo_url: str):
    reward = make_reward_func(EchoCalibrationEnv(base_url=echo_url), record=False, reward_preset="rlcr")
    before = count(echo_url)
    rewards = reward(prompts=["q", "q"], completions=["<confidence>50</confidence><answer>3</answer>"] * 2,
                     completion_ids=[[1], [1]], task_id=[TASK, TASK])
    assert len(rewards) == 2 and rewards[0] == rewards[1]
    assert count(echo_url) == before


def test_one_post_per_call(echo_url: str, monkeypatch):
    posts: List[str] = []
    original = httpx.Client.post

    def spy(self, url, *args, **kwargs):
        posts.append(str(url))
        return original(self, url, *args, **kwargs)

    monkeypatch.setattr(httpx.Client, "post", spy)
    reward = make_reward_func(echo_url, record=False)
    reward(prompts=["q"] * 8, completions=["<confidence>50</confidence><answer>3</answer>"] * 8,
           completion_ids=[[1]] * 8, task_id=[TASK] * 8)
    assert posts == [f"{echo_url}/reward"]


def test_a_missing_task_id_column_says_what_to_add(echo_url: str):
    reward = make_reward_func(echo_url)
    with pytest.raises(KeyError, match="needs a 'task_id' dataset column"):
        reward(prompts=["q"], completions=["x"], completion_ids=[[1]])


def test_async_reward_func_matches_the_sync_one(echo_url: str):
    completions = ["<confidence>80</confidence><answer>20</answer>", "<confidence>30</confidence><answer>7</answer>"]
    kwargs, extra, metrics = trl_kwargs(echo_url, completions, [TASK, TASK])
    sync_rewards = make_reward_func(echo_url, record=False)(**kwargs)
    async_reward = make_async_reward_func(echo_url, record=False)
    assert asyncio.iscoroutinefunction(async_reward)
    assert asyncio.run(async_reward(**kwargs)) == sync_rewards
    assert len(extra["echo_calibration_confidence"]) == 4
    assert len(metrics["echo_calibration/reward"]) == 2


def test_an_unknown_option_is_refused(echo_url: str):
    with pytest.raises(TypeError, match="record_items"):
        make_reward_func(echo_url, record_items=False)
