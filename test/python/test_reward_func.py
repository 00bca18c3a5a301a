"""make_reward_func and make_async_reward_func called exactly as TRL's GRPOTrainer calls them: prompts,
completions (strings or message lists), completion_ids, every dataset column, trainer_state, log_extra and
log_metric; one POST /reward per call; floats, or None for what the server could not score. Each prompt's
generations go as one group (the reply's group figures are logged), token counts go with max_completion_length,
and response_format is sent when set."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any, Dict, List

import httpx
import pytest

from echo_calibration import EchoCalibrationEnv, GroupSignals, make_async_reward_func, make_reward_func
from echo_calibration.reward import RewardOptions, _Batch, group_ids

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


def spy_posts(monkeypatch) -> List[Dict[str, Any]]:
    """The JSON bodies the sync reward function posts."""
    bodies: List[Dict[str, Any]] = []
    original = httpx.Client.post

    def spy(self, url, *args, **kwargs):
        bodies.append(kwargs.get("json"))
        return original(self, url, *args, **kwargs)

    monkeypatch.setattr(httpx.Client, "post", spy)
    return bodies


def test_one_prompts_generations_are_one_group_and_its_figures_are_logged(echo_url: str, monkeypatch):
    gold = gold_of(echo_url, TASK)
    says = lambda confidence, answer: f"<confidence>{confidence}</confidence><answer>{answer}</answer>"  # noqa: E731
    # Two prompts for the same task, three generations each, as TRL lays them out (num_generations=3).
    # Hand-computed: P gives gold at 80 and 60, -1 at 90: agreement 2/3, majority gold (140 points beat 90), both
    # votes right. Q gives -1 at 90 and 70, gold at 95: agreement 2/3, majority -1 (160 points beat 95), both wrong.
    completions = [says(80, gold), says(60, gold), says(90, "-1"), says(90, "-1"), says(70, "-1"), says(95, gold)]
    kwargs, extra, metrics = trl_kwargs(echo_url, completions, [TASK] * 6)
    kwargs["prompts"] = [[{"role": "user", "content": "P"}]] * 3 + [[{"role": "user", "content": "Q"}]] * 3
    bodies = spy_posts(monkeypatch)
    reward = make_reward_func(echo_url, record=False)
    reward(**kwargs)
    assert [item["group"] for item in bodies[0]["items"]] == ["0", "0", "0", "1", "1", "1"]
    assert reward.last_groups == {
        "0": {"size": 3, "votes": 3, "agreement": pytest.approx(2 / 3), "majority_answer": gold,
              "majority_correct": True, "weighted_vote_answer": gold, "weighted_vote_correct": True},
        "1": {"size": 3, "votes": 3, "agreement": pytest.approx(2 / 3), "majority_answer": "-1",
              "majority_correct": False, "weighted_vote_answer": "-1", "weighted_vote_correct": False},
    }
    assert GroupSignals.model_validate(reward.last_groups["0"]).agreement == pytest.approx(2 / 3)
    assert metrics["echo_calibration/groups/agreement"] == [pytest.approx(2 / 3)]
    assert metrics["echo_calibration/groups/majority_accuracy"] == [0.5]
    assert metrics["echo_calibration/groups/weighted_vote_accuracy"] == [0.5]
    assert extra["echo_calibration_agreement"] == [pytest.approx(2 / 3)] * 6
    assert reward.last_batch["groups/agreement"] == pytest.approx(2 / 3)


def test_group_ids_follow_task_id_and_prompt_and_skip_items_without_a_task_id():
    assert group_ids(["a", "a", "b", "a"], ["p", "p", "p", "q"]) == ["0", "0", "1", "2"]
    assert group_ids(["a", "b", "a"], None) == ["0", "1", "0"]
    messages = [{"role": "user", "content": "x"}]
    assert group_ids(["a", "a"], [messages, [dict(messages[0])]]) == ["0", "0"]


def test_token_counts_go_with_each_item_and_pay_the_length_term(echo_url: str, monkeypatch):
    gold = gold_of(echo_url, TASK)
    bodies = spy_posts(monkeypatch)
    reward = make_reward_func(echo_url, record=False, reward_preset="boolq", max_completion_length=10)
    completion = f"<confidence>90</confidence><answer>{gold}</answer>"
    # 5 of 10 tokens is inside boolq's 0.2..0.8 bucket; 1 is under it; 12 (a tool rollout) counts as 10, over it.
    rewards = reward(prompts=["q"] * 3, completions=[completion] * 3, completion_ids=[[7] * 5, [7], [7] * 12],
                     task_id=[TASK] * 3)
    assert [(i["completion_tokens"], i["max_tokens"]) for i in bodies[0]["items"]] == [(5, 10), (1, 10), (10, 10)]
    assert rewards == [pytest.approx(0.99), pytest.approx(0.49), pytest.approx(0.49)]
    assert reward.last_batch["components/length"] == pytest.approx(-1 / 3)


def test_without_max_completion_length_no_token_counts_are_sent(echo_url: str, monkeypatch):
    bodies = spy_posts(monkeypatch)
    make_reward_func(echo_url, record=False)(prompts=["q"], completions=["x"], completion_ids=[[1, 2]], task_id=[TASK])
    assert set(bodies[0]["items"][0]) == {"task_id", "response", "group"}


def test_max_completion_length_without_completion_ids_warns_and_sends_no_counts(echo_url: str, monkeypatch):
    bodies = spy_posts(monkeypatch)
    reward = make_reward_func(echo_url, record=False, max_completion_length=10)
    with pytest.warns(UserWarning, match="no completion_ids"):
        rewards = reward(prompts=["q"], completions=["<confidence>50</confidence><answer>3</answer>"], task_id=[TASK])
    assert isinstance(rewards[0], float)
    assert "completion_tokens" not in bodies[0]["items"][0] and "max_tokens" not in bodies[0]["items"][0]


def test_response_format_is_sent_and_reads_answer_lines(echo_url: str, monkeypatch):
    gold = gold_of(echo_url, TASK)
    bodies = spy_posts(monkeypatch)
    line = f"Some thinking.\nANSWER: {gold} with 90% probability"
    kwargs, extra, _ = trl_kwargs(echo_url, [line], [TASK])
    tagged = make_reward_func(echo_url, record=False)(**kwargs)
    lines = make_reward_func(echo_url, record=False, response_format="answer_line")
    answered = lines(**kwargs)
    assert bodies[1]["items"][0]["response_format"] == "answer_line"
    assert "response_format" not in bodies[0]["items"][0]
    assert extra["echo_calibration_correct"] == [False, True]
    assert extra["echo_calibration_confidence"] == [50, 90]
    assert answered[0] > tagged[0]


@pytest.mark.parametrize(
    "options, message",
    [
        ({"response_format": "json"}, "response_format must be one of tags, answer_line"),
        ({"max_completion_length": 0}, "max_completion_length must be a positive int"),
        ({"max_completion_length": 2.5}, "max_completion_length must be a positive int"),
    ],
)
def test_bad_new_options_are_refused_when_the_function_is_made(echo_url: str, options, message):
    with pytest.raises(ValueError, match=message):
        make_reward_func(echo_url, **options)


def test_a_reply_without_groups_still_maps_rewards_back():
    batch = _Batch(["p", "p"], ["a", "b"], None, {"task_id": [TASK, None]}, RewardOptions())
    rewards, results, signals = batch.apply({"rewards": [0.5], "results": [{"reward": 0.5}]})
    assert rewards == [0.5, None] and results == [{"reward": 0.5}, None] and signals == [None, None]


def test_the_group_signals_model_matches_the_servers_reply_schema(echo_url: str):
    document = httpx.get(f"{echo_url}/openapi.json").json()
    schemas = document["components"]["schemas"]
    groups = schemas["RewardReply"]["properties"]["groups"]["additionalProperties"]
    while "$ref" in groups:
        groups = schemas[groups["$ref"].rsplit("/", 1)[-1]]
    ours = GroupSignals.model_json_schema()
    assert set(ours["properties"]) == set(groups["properties"])
    for name, spec in groups["properties"].items():
        assert ours["properties"][name]["description"] == spec["description"], name
