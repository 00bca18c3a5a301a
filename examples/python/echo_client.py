"""A small HTTP client for ECHO (an OpenEnv calibration environment) and a TRL reward function built on it.

    from echo_client import EchoClient, make_reward_func

    client = EchoClient("http://localhost:8000")          # or your Space: https://<user>-<space>.hf.space
    first = client.reset(seed=7)
    print(first["observation"]["prompt"])
    result = client.step("<confidence>70</confidence><answer>4</answer>")
    print(result["reward"], result["observation"]["is_correct"])

    reward_func = make_reward_func(client)                 # pass to trl.GRPOTrainer(reward_funcs=[reward_func])

Only `requests` is needed. Run `python echo_client.py --url URL` for a quick check of a server.
"""

from __future__ import annotations

import argparse
import logging
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Callable
from urllib.parse import quote

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger("echo_client")

DEFAULT_URL = "http://localhost:8000"
# The server refuses responses longer than this; the last complete tags win, so a long one keeps its tail.
MAX_RESPONSE_CHARS = 100_000
# Named terms of every reward; they sum to the total (GET /rewards describes each preset).
COMPONENTS = ("accuracy", "brier", "overconfidence", "underconfidence", "format", "abstention", "clip")
FORMAT_FAILURES = ("missing_confidence", "missing_answer", "empty")


class EchoError(RuntimeError):
    """An error reply from the server, with its HTTP status and stable error code."""

    def __init__(self, status: int, code: str | None, message: str, body: Any = None):
        super().__init__(f"HTTP {status} {code or ''}: {message}".replace("  ", " "))
        self.status = status
        self.code = code
        self.message = message
        self.body = body


class EchoClient:
    """Calls an ECHO server over HTTP. Every method returns the server's JSON reply as plain dicts.

    base_url defaults to $ECHO_URL, then http://localhost:8000; api_key defaults to $ECHO_API_KEY and is sent as
    a bearer token. Connection failures and 502/503/504 answers (a Space waking up) are retried with backoff;
    a request that reached the server is never sent twice, so a batch is never scored twice.
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        api_key: str | None = None,
        timeout: float = 60.0,
        retries: int = 3,
        max_batch: int = 1024,
        session: requests.Session | None = None,
    ):
        self.base_url = (base_url or os.environ.get("ECHO_URL") or DEFAULT_URL).rstrip("/")
        self.timeout = timeout
        self.max_batch = max_batch
        self.session = session or requests.Session()
        retry = Retry(
            total=retries,
            connect=retries,
            read=0,
            status=retries,
            # POSTs too: 502 and 503 come from a proxy that could not reach the app (a sleeping or starting
            # Space). Not 504: the app may have graded and recorded the batch, so a retry would count it twice.
            status_forcelist=(502, 503),
            allowed_methods=None,
            backoff_factor=0.5,
            raise_on_status=False,
        )
        self.session.mount("http://", HTTPAdapter(max_retries=retry))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))
        key = api_key if api_key is not None else os.environ.get("ECHO_API_KEY")
        if key:
            self.session.headers["Authorization"] = f"Bearer {key}"

    def __enter__(self) -> EchoClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.session.close()

    def _request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None, body: Any = None) -> Any:
        query = {k: v for k, v in (params or {}).items() if v is not None}
        reply = self.session.request(method, self.base_url + path, params=query, json=body, timeout=self.timeout)
        try:
            data = reply.json()
        except ValueError:
            data = None
        if reply.status_code >= 400:
            raise _error_of(reply.status_code, data, reply.text)
        return data

    # --- OpenEnv -------------------------------------------------------------------------------------------

    def health(self) -> dict:
        """GET /health: {"status": "healthy", "storage": {"writable": ..., "cause": ...}}."""
        return self._request("GET", "/health")

    def metadata(self) -> dict:
        """GET /metadata: name, description, version."""
        return self._request("GET", "/metadata")

    def reset(self, **options: Any) -> dict:
        """POST /reset: draws a question. Options: seed, task_id, domain, difficulty, phase, reward_preset, episode_id.

        Returns {"observation": {...prompt, messages, task_id, episode_id...}, "reward": None, "done": False}.
        """
        return self._request("POST", "/reset", body={k: v for k, v in options.items() if v is not None})

    def step(self, response: str, *, episode_id: str | None = None) -> dict:
        """POST /step: grades one response; without episode_id, the most recent HTTP episode."""
        body: dict[str, Any] = {"action": {"response": response}}
        if episode_id is not None:
            body["episode_id"] = episode_id
        return self._request("POST", "/step", body=body)

    def state(self, episode_id: str | None = None) -> dict:
        """GET /state of an HTTP episode (the newest when episode_id is None)."""
        return self._request("GET", "/state", params={"episode_id": episode_id})

    # --- ECHO extras ---------------------------------------------------------------------------------------

    def score_batch(
        self,
        items: Iterable[tuple[str, str] | Mapping[str, str]],
        *,
        reward_preset: str | None = None,
        record: bool = True,
    ) -> dict:
        """POST /reward: scores (task_id, response) pairs statelessly, in order, in chunks of max_batch.

        Returns {"rewards": [float | None], "results": [...], "reward_preset": str, "recorded": int}; an item the
        server could not score (e.g. an unknown task id) has reward None and an "error" in its result.
        record=False leaves no trace in the server's history, metrics and curriculum.
        """
        pairs = [_item_of(item) for item in items]
        merged: dict[str, Any] = {"rewards": [], "results": [], "reward_preset": reward_preset, "recorded": 0}
        for start in range(0, len(pairs), self.max_batch):
            body: dict[str, Any] = {"items": pairs[start : start + self.max_batch], "record": record}
            if reward_preset is not None:
                body["reward_preset"] = reward_preset
            reply = self._request("POST", "/reward", body=body)
            merged["rewards"].extend(reply["rewards"])
            merged["results"].extend(reply["results"])
            merged["reward_preset"] = reply["reward_preset"]
            merged["recorded"] += reply["recorded"]
        return merged

    def questions(
        self,
        *,
        phase: int | None = None,
        domain: str | None = None,
        difficulty: str | None = None,
        source: str | None = None,
        seed: int | None = None,
        limit: int | None = None,
        page_size: int = 1000,
        order: str = "list",
    ) -> list[dict]:
        """GET /questions, following pages: up to `limit` questions (all when None), never their answers.

        Each has task_id, domain, difficulty, question, choices, prompt (one string), messages (chat) and source.
        order="draw" draws them as /reset does in the phase (its difficulty mix, every domain by weight, seeded by
        `seed`); "list" pages through the bank's questions, each once. A draw stream never ends: it needs a limit.
        """
        if order == "draw" and limit is None:
            raise ValueError('order="draw" is an endless seeded stream: say how many questions with limit=')
        found: list[dict] = []
        offset = 0
        while limit is None or len(found) < limit:
            size = page_size if limit is None else min(page_size, limit - len(found))
            params = {"phase": phase, "domain": domain, "difficulty": difficulty, "source": source, "seed": seed,
                      "order": order}
            page = self._request("GET", "/questions", params={**params, "limit": size, "offset": offset})
            found.extend(page["items"])
            offset += len(page["items"])
            # A listing ends at total; a draw stream goes on until the limit.
            if not page["items"] or (order == "list" and offset >= page["total"]):
                break
        return found

    def question(self, task_id: str) -> dict:
        """GET /questions/{task_id}: one question as a model sees it."""
        return self._request("GET", "/questions/" + quote(task_id, safe="/"))

    def metrics(self, domain: str | None = None, **filters: Any) -> dict:
        """GET /metrics (or /metrics/{domain}): ECE, MCE, Brier, AUROC... Filters: window, channel, phase, preset..."""
        path = "/metrics" if domain is None else "/metrics/" + quote(domain, safe="")
        return self._request("GET", path, params=filters)

    def fingerprint(self, **filters: Any) -> dict:
        """GET /fingerprint: per-domain calibration score, weakest and strongest domain."""
        return self._request("GET", "/fingerprint", params=filters)

    def curriculum(self) -> dict:
        """GET /curriculum: the current phase (1-3), its progress and each phase's difficulty mix."""
        return self._request("GET", "/curriculum")

    def set_curriculum(self, phase: int | None = None, pinned: bool | None = None) -> dict:
        """POST /curriculum: move to a phase and/or pin it."""
        body = {k: v for k, v in {"phase": phase, "pinned": pinned}.items() if v is not None}
        return self._request("POST", "/curriculum", body=body)


def _error_of(status: int, data: Any, text: str) -> EchoError:
    if isinstance(data, Mapping):
        detail = data.get("detail")
        if isinstance(detail, list):  # validation errors: [{"loc": [...], "msg": "..."}]
            detail = "; ".join(
                f"{'.'.join(str(p) for p in d.get('loc', []))}: {d.get('msg')}" for d in detail if isinstance(d, Mapping)
            )
        return EchoError(status, data.get("code"), str(detail or text), data)
    return EchoError(status, None, text[:500] or "no body", data)


def _item_of(item: tuple[str, str] | Mapping[str, str]) -> dict[str, str]:
    if isinstance(item, Mapping):
        task_id, response = item["task_id"], item["response"]
    else:
        task_id, response = item
    return {"task_id": task_id, "response": response[-MAX_RESPONSE_CHARS:]}


# --- TRL reward function -----------------------------------------------------------------------------------


def completion_text(completion: Any) -> str:
    """The text of one TRL completion: a string, or chat messages ([{"role": "assistant", "content": ...}]).

    >>> completion_text([{"role": "assistant", "content": "<confidence>70</confidence><answer>4</answer>"}])
    '<confidence>70</confidence><answer>4</answer>'
    """
    if isinstance(completion, str):
        return completion
    if isinstance(completion, Mapping):
        return _content_text(completion.get("content"))
    if isinstance(completion, Sequence):
        messages = [m for m in completion if isinstance(m, Mapping)]
        spoken = [_content_text(m.get("content")) for m in messages if m.get("role", "assistant") == "assistant"]
        if spoken:
            return "\n".join(spoken)
        return _content_text(messages[-1].get("content")) if messages else ""
    return "" if completion is None else str(completion)


def _content_text(content: Any) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, Sequence):  # multimodal parts: [{"type": "text", "text": "..."}]
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in content if p is not None)
    return str(content)


class RewardStats:
    """Running means of what /reward paid (total, components, accuracy, confidence) since the last pop()."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.scored = 0
        self.failed = 0
        self._sums: dict[str, float] = defaultdict(float)
        self._counts: dict[str, int] = defaultdict(int)

    def _add(self, key: str, value: float | None) -> None:
        if value is not None:
            self._sums[key] += float(value)
            self._counts[key] += 1

    def add(self, results: Iterable[Mapping[str, Any] | None]) -> None:
        for result in results:
            if result is None or result.get("reward") is None:
                self.failed += 1
                continue
            self.scored += 1
            self._add("reward", result["reward"])
            for name, value in (result.get("components") or {}).items():
                self._add(f"components/{name}", value)
            correct = result.get("is_correct")
            self._add("accuracy", None if correct is None else float(correct))
            confidence = result.get("parsed_confidence")
            self._add("confidence", None if confidence is None else confidence / 100)
            self._add("abstention_rate", float(bool(result.get("abstained"))))
            self._add("format_failure_rate", float(result.get("format") in FORMAT_FAILURES))

    def means(self) -> dict[str, float]:
        """{"reward": mean, "components/brier": mean, ..., "accuracy", "confidence", "scored", "failed"}."""
        out = {key: self._sums[key] / n for key, n in self._counts.items() if n > 0}
        out["scored"] = float(self.scored)
        out["failed"] = float(self.failed)
        return out

    def pop(self) -> dict[str, float]:
        """The means so far, then starts afresh (a trainer calls this once per logging step)."""
        out = self.means()
        self.reset()
        return out


def make_reward_func(
    client: EchoClient,
    *,
    reward_preset: str | None = None,
    record: bool = True,
    task_id_column: str = "task_id",
    name: str = "echo_reward",
) -> Callable[..., list[float | None]]:
    """A TRL reward function: reward_func(prompts, completions, completion_ids, **kwargs) -> list[float | None].

    completions may be strings or chat-message lists; kwargs must hold the dataset's `task_id` column (TRL passes
    every dataset column). All completions go to the server in one POST /reward; an item it cannot score (e.g.
    an unknown task id) gets None, which TRL leaves out of that sample's reward. The function carries
    `.last_batch` (means of its latest call) and `.stats` (a RewardStats a trainer pops when it logs).
    record=True stores the items in the server's history, so /metrics and the curriculum follow training.
    """
    stats = RewardStats()

    def reward_func(prompts=None, completions=None, completion_ids=None, **kwargs: Any) -> list[float | None]:
        if completions is None:
            raise TypeError(f"{name} needs completions=[...] (TRL passes them by keyword)")
        task_ids = kwargs.get(task_id_column)
        if task_ids is None:
            raise KeyError(
                f"{name} needs a '{task_id_column}' dataset column (TRL passes columns as keyword arguments); "
                "build the dataset from GET /questions, whose items carry task_id"
            )
        if len(task_ids) != len(completions):
            raise ValueError(f"{len(completions)} completions but {len(task_ids)} task ids")
        rewards: list[float | None] = [None] * len(completions)
        results: list[Mapping[str, Any] | None] = [None] * len(completions)
        positions = [i for i, task_id in enumerate(task_ids) if isinstance(task_id, str) and task_id]
        if positions:
            reply = client.score_batch(
                [(task_ids[i], completion_text(completions[i])) for i in positions],
                reward_preset=reward_preset,
                record=record,
            )
            for i, reward, result in zip(positions, reply["rewards"], reply["results"]):
                rewards[i] = reward
                results[i] = result
        batch = RewardStats()
        batch.add(results)
        stats.add(results)
        reward_func.last_batch = batch.means()
        errors = sorted({r["error"] for r in results if r is not None and r.get("error")})
        if batch.failed:
            log.warning("%d of %d completions could not be scored: %s", batch.failed, len(rewards), "; ".join(errors))
        log.debug("reward batch: %s", reward_func.last_batch)
        return rewards

    reward_func.__name__ = name
    reward_func.stats = stats
    reward_func.last_batch = {}
    reward_func.client = client
    return reward_func


# --- OpenEnv's own client ----------------------------------------------------------------------------------


def openenv_episode(base_url: str = DEFAULT_URL, response: str = "<confidence>70</confidence><answer>4</answer>"):
    """One episode through OpenEnv's GenericEnvClient (pip install "openenv>=0.3.1"), over the /ws WebSocket.

    ECHO speaks the OpenEnv protocol, so OpenEnv's plain-dict client works unchanged:

        from openenv.core import GenericEnvClient
        with GenericEnvClient(base_url="http://localhost:8000").sync() as env:
            r = env.reset()                       # r.observation is a dict, r.reward None, r.done False
            r = env.step({"response": "<confidence>70</confidence><answer>4</answer>"})
            print(r.reward, r.observation["is_correct"])
    """
    try:
        from openenv.core import GenericEnvClient
    except ImportError as error:
        raise ImportError('OpenEnv\'s client is not installed: pip install "openenv>=0.3.1"') from error
    with GenericEnvClient(base_url=base_url).sync() as env:
        first = env.reset()
        graded = env.step({"response": response})
        return first.observation, graded.reward, graded.observation


def _smoke(url: str) -> None:
    with EchoClient(url) as client:
        print("health:", client.health())
        first = client.reset(seed=1)
        print("question:", first["observation"]["question"])
        graded = client.step("<confidence>50</confidence><answer>42</answer>")
        print("reward:", graded["reward"], "| feedback:", graded["observation"]["feedback"])
        question = client.questions(limit=1)[0]
        reply = client.score_batch([(question["task_id"], "<confidence>30</confidence><answer>42</answer>")], record=False)
        print("batch reward:", reply["rewards"][0])
        report = client.metrics()
        print("metrics:", {k: report[k] for k in ("count", "accuracy", "ece", "brier")})
        print("phase:", client.curriculum()["phase"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Check an ECHO server: reset, step, a batch score and metrics.")
    parser.add_argument("--url", default=os.environ.get("ECHO_URL", DEFAULT_URL), help="server URL (default: %(default)s)")
    _smoke(parser.parse_args().url)
