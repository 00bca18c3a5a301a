"""TRL reward functions backed by ECHO's POST /reward: one request per call, one reward per completion.

    from echo_calibration import make_reward_func
    reward = make_reward_func("http://localhost:8000")     # GRPOTrainer(reward_funcs=[reward], ...)

TRL (1.x, GRPOTrainer._calculate_rewards) calls reward_func(prompts=..., completions=..., completion_ids=...,
**kwargs) where kwargs hold every dataset column but `prompt` (this reads `task_id`), `trainer_state`, and the
`log_extra` / `log_metric` callbacks; one call holds each prompt's num_generations completions. Completions are
strings or, for conversational datasets, lists of messages; completion_ids are each completion's token ids
(padding removed). An item the server could not score (an unknown task id, a missing one, an over-long
response) gets None, which TRL leaves out of that sample's reward.

Each item carries a `group`: completions of one call with the same task id and the same prompt are one prompt's
generations, so the reply's `groups` says how far they agree. With max_completion_length, each item also carries
its token counts for a preset's length term.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

import json
import warnings

import httpx

from .client import EchoCalibrationEnv, auth_headers, default_base_url
from .models import RESPONSE_FORMATS

# "length" comes only from presets with a length term; a mean over no values is not logged.
COMPONENTS = ("accuracy", "brier", "overconfidence", "underconfidence", "format", "abstention", "length", "clip")
FORMAT_FAILURES = ("missing_confidence", "missing_answer", "empty")

Target = Union[str, EchoCalibrationEnv, None]


def completion_text(completion: Any) -> str:
    """The text of one completion: a string as is; a message list as its assistant messages' text, joined."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, Mapping):
        completion = [completion]
    parts: List[str] = []
    for message in completion or []:
        if not isinstance(message, Mapping) or message.get("role", "assistant") != "assistant":
            continue
        content = message.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, Sequence):
            parts.extend(str(p.get("text", "")) for p in content if isinstance(p, Mapping) and p.get("type") == "text")
    return "\n".join(parts)


def _base_url(target: Target) -> str:
    if isinstance(target, EchoCalibrationEnv):
        return str(target.base_url)
    return (target or default_base_url()).rstrip("/")


def _prompt_key(prompt: Any) -> str:
    """A prompt (text or chat messages) as a comparable string."""
    if isinstance(prompt, str):
        return prompt
    return json.dumps(prompt, sort_keys=True, default=str)


def group_ids(task_ids: Sequence[str], prompts: Optional[Sequence[Any]]) -> List[str]:
    """One group id per completion: completions of the same task id and prompt share one ("0", "1"... in order of
    first appearance), as TRL's num_generations completions of one prompt do; without prompts, the task id alone."""
    ids: Dict[Tuple[str, str], str] = {}
    out: List[str] = []
    for i, task_id in enumerate(task_ids):
        key = (task_id, _prompt_key(prompts[i]) if prompts is not None else "")
        out.append(ids.setdefault(key, str(len(ids))))
    return out


class _Batch:
    """One call's request and how its reply maps back onto the completions."""

    def __init__(
        self,
        prompts: Optional[Sequence[Any]],
        completions: Sequence[Any],
        completion_ids: Optional[Sequence[Sequence[int]]],
        kwargs: Dict[str, Any],
        options: "RewardOptions",
    ):
        name, column = options.name, options.task_id_column
        if completions is None:
            raise TypeError(f"{name} needs completions=[...] (TRL passes them by keyword)")
        task_ids = kwargs.get(column)
        if task_ids is None:
            raise KeyError(
                f"{name} needs a '{column}' dataset column (TRL passes every column as a keyword argument); build "
                "the dataset from GET /questions, whose items carry task_id"
            )
        if len(task_ids) != len(completions):
            raise ValueError(f"{name}: {len(completions)} completions but {len(task_ids)} values of '{column}'")
        if prompts is not None and len(prompts) != len(completions):
            prompts = None  # not TRL's one prompt per completion: group by task id alone
        self.n = len(completions)
        self.positions = [i for i, t in enumerate(task_ids) if isinstance(t, str) and t]
        groups = group_ids([task_ids[i] for i in self.positions], [prompts[i] for i in self.positions] if prompts else None)
        tokens = options.token_counts(completion_ids, self.n)
        self.items: List[Dict[str, Any]] = []
        for i, group in zip(self.positions, groups):
            item: Dict[str, Any] = {"task_id": task_ids[i], "response": completion_text(completions[i]), "group": group}
            if options.response_format:
                item["response_format"] = options.response_format
            if tokens is not None:
                item["completion_tokens"], item["max_tokens"] = tokens[i]
            self.items.append(item)
        self.groups = groups

    def apply(
        self, reply: Mapping[str, Any]
    ) -> Tuple[List[Optional[float]], List[Optional[Mapping[str, Any]]], List[Optional[Mapping[str, Any]]]]:
        """Rewards, results and each completion's group signals, in the completions' order (None where absent)."""
        rewards: List[Optional[float]] = [None] * self.n
        results: List[Optional[Mapping[str, Any]]] = [None] * self.n
        signals: List[Optional[Mapping[str, Any]]] = [None] * self.n
        # A server from before groups answers without them: no group figures, the rest as before.
        by_group = reply.get("groups") or {}
        for i, group, reward, result in zip(self.positions, self.groups, reply["rewards"], reply["results"]):
            rewards[i] = reward
            results[i] = result
            signals[i] = by_group.get(group)
        return rewards, results, signals


def _mean(values: List[float]) -> Optional[float]:
    return sum(values) / len(values) if values else None


def _log(
    results: List[Optional[Mapping[str, Any]]],
    signals: List[Optional[Mapping[str, Any]]],
    groups: Mapping[str, Mapping[str, Any]],
    kwargs: Dict[str, Any],
    prefix: str,
) -> Dict[str, float]:
    """Means of the batch through TRL's log_metric, per-completion columns through log_extra; returns the means."""
    scored = [r for r in results if r is not None and r.get("reward") is not None]
    summaries = list(groups.values())
    means: Dict[str, float] = {}
    for key, values in {
        "reward": [r["reward"] for r in scored],
        "accuracy": [1.0 if r["is_correct"] else 0.0 for r in scored],
        "confidence": [r["parsed_confidence"] / 100 for r in scored if r.get("parsed_confidence") is not None],
        "abstention_rate": [1.0 if r.get("abstained") else 0.0 for r in scored],
        "format_failure_rate": [1.0 if r.get("format") in FORMAT_FAILURES else 0.0 for r in scored],
        "unscored_rate": [0.0 if r is not None and r.get("reward") is not None else 1.0 for r in results],
        **{
            f"components/{c}": [r["components"][c] for r in scored if c in (r.get("components") or {})]
            for c in COMPONENTS
        },
        # Per group (one prompt's generations), not per completion: how far they agree, and how often the
        # majority and the confidence-weighted vote are right.
        "groups/agreement": [g["agreement"] for g in summaries],
        "groups/majority_accuracy": [1.0 if g["majority_correct"] else 0.0 for g in summaries],
        "groups/weighted_vote_accuracy": [1.0 if g["weighted_vote_correct"] else 0.0 for g in summaries],
    }.items():
        mean = _mean(values)
        if mean is not None:
            means[key] = mean
    log_metric = kwargs.get("log_metric")
    if callable(log_metric):
        for key, value in means.items():
            log_metric(f"{prefix}/{key}", value)
    log_extra = kwargs.get("log_extra")
    if callable(log_extra):
        log_extra(f"{prefix}_confidence", [r.get("parsed_confidence") if r else None for r in results])
        log_extra(f"{prefix}_correct", [r.get("is_correct") if r else None for r in results])
        log_extra(f"{prefix}_answer", [r.get("parsed_answer") if r else None for r in results])
        log_extra(f"{prefix}_error", [r.get("error") if r else "no task_id" for r in results])
        log_extra(f"{prefix}_agreement", [s.get("agreement") if s else None for s in signals])
    return means


@dataclass(frozen=True)
class RewardOptions:
    """The options of make_reward_func and make_async_reward_func.

    reward_preset: the server's preset that pays every item (default: the server's REWARD_PRESET).
    record: store the items in the server's history, so /metrics and the curriculum follow training.
    task_id_column: the dataset column holding each prompt's task id.
    api_key: the server's ECHO_API_KEY (default: $ECHO_API_KEY). timeout_s: seconds per POST /reward.
    name: the function's name, the prefix of its logged metrics and of its completions-table columns.
    response_format: how the server reads every completion, "tags" or "answer_line" (default: not sent, so
        the server reads tags); use the format the prompts asked for.
    max_completion_length: the trainer's GRPOConfig.max_completion_length. When set, each item carries
        max_tokens = max_completion_length and completion_tokens = the length of its completion_ids (at most
        max_completion_length), so a preset with a length term (boolq) can pay it; without it, or when TRL passes
        no completion_ids, no token counts are sent and the length term is 0.
    """

    reward_preset: Optional[str] = None
    record: bool = True
    task_id_column: str = "task_id"
    api_key: Optional[str] = None
    timeout_s: float = 120.0
    name: str = "echo_calibration"
    response_format: Optional[str] = None
    max_completion_length: Optional[int] = None

    def __post_init__(self) -> None:
        if self.response_format is not None and self.response_format not in RESPONSE_FORMATS:
            raise ValueError(
                f"response_format must be one of {', '.join(RESPONSE_FORMATS)} (or None), got {self.response_format!r}"
            )
        if self.max_completion_length is not None and (
            isinstance(self.max_completion_length, bool)
            or not isinstance(self.max_completion_length, int)
            or self.max_completion_length < 1
        ):
            raise ValueError(
                "max_completion_length must be a positive int (GRPOConfig.max_completion_length) or None, got "
                f"{self.max_completion_length!r}"
            )

    def token_counts(
        self, completion_ids: Optional[Sequence[Sequence[int]]], n: int
    ) -> Optional[List[Tuple[int, int]]]:
        """(completion_tokens, max_tokens) per completion, or None when they cannot both be known."""
        budget = self.max_completion_length
        if budget is None:
            return None
        if completion_ids is None or len(completion_ids) != n:
            warnings.warn(
                f"{self.name}: max_completion_length is set but the call has no completion_ids for its {n} "
                "completions, so no token counts are sent (the length term is 0)",
                stacklevel=4,
            )
            return None
        # TRL cuts generation at max_completion_length; a longer list (a multi-turn rollout with tool output)
        # used the whole budget, and the server refuses completion_tokens over max_tokens.
        return [(min(len(ids), budget), budget) for ids in completion_ids]

    def body(self, batch: _Batch) -> Dict[str, Any]:
        body: Dict[str, Any] = {"items": batch.items, "record": self.record}
        if self.reward_preset:
            body["reward_preset"] = self.reward_preset
        return body


def _checked(response: httpx.Response) -> Mapping[str, Any]:
    if response.status_code != 200:
        raise RuntimeError(f"POST /reward answered HTTP {response.status_code}: {response.text[:500]}")
    return response.json()


def _finish(func: Any, batch: _Batch, reply: Mapping[str, Any], kwargs: Dict[str, Any]) -> List[Optional[float]]:
    rewards, results, signals = batch.apply(reply)
    func.last_groups = dict(reply.get("groups") or {})
    func.last_batch = _log(results, signals, func.last_groups, kwargs, func.__name__)
    return rewards


def _named(func: Any, options: RewardOptions) -> Any:
    func.__name__ = options.name
    func.last_batch = {}
    func.last_groups = {}
    return func


def make_reward_func(base_url_or_client: Target = None, **options: Any) -> Callable[..., List[Optional[float]]]:
    """A TRL reward function scoring every completion of a call with one POST /reward.

    base_url_or_client: a URL, an EchoCalibrationEnv (its URL is used), or None for $ECHO_URL. options: see
    RewardOptions (reward_preset, record, task_id_column, api_key, timeout_s, name, response_format,
    max_completion_length). Completions of one call with the same task id and prompt are sent as one group. With
    TRL's log_metric the batch means go out as `<name>/reward`, `<name>/accuracy`, `<name>/confidence`,
    `<name>/components/<term>`, and over the call's groups `<name>/groups/agreement`,
    `<name>/groups/majority_accuracy`, `<name>/groups/weighted_vote_accuracy`; with log_extra the parsed
    confidence, correctness, answer, error and group agreement of each completion become columns of the
    completions table. The function keeps `.last_batch` (those means) and `.last_groups` (the reply's groups, by
    group id) for callers that log themselves.
    """
    opts = RewardOptions(**options)
    url = f"{_base_url(base_url_or_client)}/reward"
    http = httpx.Client(
        headers=auth_headers(opts.api_key), timeout=opts.timeout_s, transport=httpx.HTTPTransport(retries=3)
    )

    def reward_func(prompts=None, completions=None, completion_ids=None, **kwargs: Any) -> List[Optional[float]]:
        batch = _Batch(prompts, completions, completion_ids, kwargs, opts)
        if not batch.items:
            return [None] * batch.n
        return _finish(reward_func, batch, _checked(http.post(url, json=opts.body(batch))), kwargs)

    return _named(reward_func, opts)


def make_async_reward_func(base_url_or_client: Target = None, **options: Any) -> Callable[..., Any]:
    """make_reward_func's async twin: TRL awaits it on its own event loop, beside other async reward functions."""
    opts = RewardOptions(**options)
    url = f"{_base_url(base_url_or_client)}/reward"

    async def reward_func(prompts=None, completions=None, completion_ids=None, **kwargs: Any) -> List[Optional[float]]:
        batch = _Batch(prompts, completions, completion_ids, kwargs, opts)
        if not batch.items:
            return [None] * batch.n
        # A client per call: TRL may drive this from a loop other than the one that built the function.
        transport = httpx.AsyncHTTPTransport(retries=3)
        async with httpx.AsyncClient(headers=auth_headers(opts.api_key), timeout=opts.timeout_s, transport=transport) as http:
            reply = _checked(await http.post(url, json=opts.body(batch)))
        return _finish(reward_func, batch, reply, kwargs)

    return _named(reward_func, opts)
