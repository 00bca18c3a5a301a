"""EchoCalibrationToolEnv: ECHO as an environment for TRL's GRPOTrainer(environment_factory=...).

    from echo_calibration import EchoCalibrationToolEnv
    trainer = GRPOTrainer(model=..., train_dataset=dataset, environment_factory=EchoCalibrationToolEnv, ...)

TRL makes one instance per rollout (reused across batches), calls `reset(**row)` with the dataset row and
appends the returned text to the row's prompt; the public method `answer` becomes a tool the model calls, and
`get_reward()` is the rollout's reward. The server's URL comes from $ECHO_URL (default http://localhost:8000),
its key from $ECHO_API_KEY. Each instance holds one WebSocket session on the server, so MAX_CONCURRENT_ENVS must
be at least the number of rollouts alive at once (generation batch x processes).
"""

from __future__ import annotations

from typing import Any, Optional

from .client import NO_EPISODE_HINT, EchoCalibrationEnv
from .models import EchoCalibrationAction, EchoCalibrationObservation

INSTRUCTIONS = (
    "Answer the question by calling the `answer` tool once, with your final answer and your confidence (0-100) "
    "that it is correct. You are rewarded for being right and for a confidence that matches how often you are "
    "right: say a low number when unsure, or answer \"I don't know\"."
)


def tool_prompt(observation: EchoCalibrationObservation) -> str:
    """The question as the user message shows it (with lettered options), then how to answer with the tool."""
    user = [m.content for m in observation.messages if m.role == "user"]
    question = user[-1] if user else observation.question
    return f"{question}\n\n{INSTRUCTIONS}"


class EchoCalibrationToolEnv:
    """One rollout's ECHO episode: reset draws the row's question, `answer` submits, get_reward pays."""

    def __init__(self) -> None:
        self._env = EchoCalibrationEnv().sync()
        self._reset_options: dict = {}
        self._observation: Optional[EchoCalibrationObservation] = None
        self._reward: Optional[float] = None

    def reset(self, **row: Any) -> str:
        """Starts an episode for the row's `task_id` (every generation of a GRPO group gets the same question).

        Without a task_id column the server draws a question (its curriculum phase, or the row's `seed`,
        `domain`, `phase`). A `reward_preset` column picks the preset. Returns the text to show the model.
        """
        keys = ("task_id", "seed", "domain", "difficulty", "phase", "reward_preset")
        self._reset_options = {k: row[k] for k in keys if row.get(k) is not None}
        self._observation = self._env.reset(**self._reset_options).observation
        self._reward = None
        return tool_prompt(self._observation)

    def answer(self, answer: str, confidence: int) -> str:
        """Submit your final answer to the question, with how confident you are that it is correct.

        Args:
            answer: The final answer, as short as possible (a number, a name, or an option letter such as "B").
            confidence: Your probability, in percent from 0 to 100, that the answer is correct.

        Returns:
            Whether the answer was right, the correct answer, and the reward.
        """
        if self._reward is not None:
            return "You have already answered this question; only the first answer counts."
        return self._submit(f"<confidence>{int(confidence)}</confidence><answer>{answer}</answer>")

    def get_reward(self) -> float:
        """The episode's reward; a rollout that never called `answer` is graded as an empty response."""
        if self._reward is None:
            self._submit("")
        return float(self._reward if self._reward is not None else 0.0)

    @property
    def observation(self) -> Optional[EchoCalibrationObservation]:
        """The latest observation (the graded one once answered)."""
        return self._observation

    def _close(self) -> None:
        """Closes the WebSocket session (private: TRL turns every public method into a tool for the model)."""
        self._env.close()

    def _submit(self, response: str) -> str:
        action = EchoCalibrationAction(response=response)
        try:
            result = self._env.step(action)
        except RuntimeError as error:
            # The server closed this session while it was idle (SESSION_TIMEOUT_S) and the client reconnected to a
            # fresh one: play the same question again there.
            if NO_EPISODE_HINT not in str(error):
                raise
            self._env.reset(**self._reset_options)
            result = self._env.step(action)
        self._observation = result.observation
        self._reward = result.reward
        return result.observation.feedback or ""
