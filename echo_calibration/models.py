"""Typed OpenEnv models of ECHO's wire format: the action, the observation and the state.

They mirror the server's GET /schema field for field, with the same descriptions (test/python checks both
against a live server). `reward` and `done` travel beside the observation on the wire; the client copies them
onto the observation as OpenEnv's base class expects.
"""

from __future__ import annotations

from typing import Any, Dict, List, Literal, Optional

from openenv.core.env_server.types import Action, Observation, State
from pydantic import BaseModel, ConfigDict, Field

Domain = Literal["math", "logic", "factual", "science", "medical", "coding", "creative"]
Difficulty = Literal["easy", "medium", "hard"]
FormatVerdict = Literal["clean", "repaired", "missing_confidence", "missing_answer", "empty"]
# How a response is read (the server's RESPONSE_FORMATS): /reward items take one as response_format.
RESPONSE_FORMATS = ("tags", "answer_line")
ResponseFormat = Literal["tags", "answer_line"]

MAX_RESPONSE_CHARS = 100_000


class EchoCalibrationAction(Action):
    """One answer: the model's full response, with its <confidence> and <answer> tags."""

    response: str = Field(
        max_length=MAX_RESPONSE_CHARS,
        description="The model's full response, e.g. '<confidence>72</confidence><answer>Canberra</answer>'",
    )
    metadata: Dict[str, Any] = Field(default_factory=dict, description="Free-form metadata, ignored by grading")


class ChatMessage(BaseModel):
    """One message of the prompt."""

    model_config = ConfigDict(extra="forbid")

    role: Literal["system", "user"] = Field(description="Chat role")
    content: str = Field(description="Message text")


class RunningCalibration(BaseModel):
    """The server's running calibration over every episode it has graded."""

    model_config = ConfigDict(extra="forbid")

    episodes: int = Field(description="Episodes graded by this server so far (all sessions)")
    accuracy: Optional[float] = Field(description="Share of correct answers")
    mean_confidence: Optional[float] = Field(description="Mean stated probability (0..1)")
    ece: Optional[float] = Field(description="Expected calibration error (10 bins)")
    brier: Optional[float] = Field(description="Brier score")
    mean_reward: Optional[float] = Field(description="Mean reward paid")


class RewardComponents(BaseModel):
    """Terms of the reward; accuracy..abstention (and length) sum to the unclipped total, adding clip gives total."""

    model_config = ConfigDict(extra="forbid")

    accuracy: float = Field(description="a*acc: reward for being right (acc = o, or the grader's score for echo)")
    brier: float = Field(
        description="b*(1 - BS) or b*(1 - 2*BS): reward for calibration, BS = (confidence/100 - o)^2"
    )
    overconfidence: float = Field(
        description=(
            "Overconfidence term: cliff penalty for confident wrong answers, or the proper G-term (<0 wrong, >0 right)"
        )
    )
    underconfidence: float = Field(description="Penalty (<= 0) for correct answers stated at low confidence")
    format: float = Field(
        description="Format bonus when the format is followed, or the fixed reward for a format failure"
    )
    abstention: float = Field(
        description="Fixed reward for an abstention ('I don't know'), when the preset sets one"
    )
    length: Optional[float] = Field(
        default=None,
        description=(
            "Length term: -weight when completion_tokens/max_tokens is outside the preset's bucket, else 0 (also 0 "
            "without token counts); present only when the preset has a length term"
        ),
    )
    clip: float = Field(
        description="Adjustment made by clipping (total minus the sum of the other terms); 0 when not clipped"
    )


class EchoCalibrationObservation(Observation):
    """A question after reset; after step, the same question graded (is_correct, reward_components...)."""

    episode_id: str = Field(description="Id of this episode; send it back to /step over HTTP")
    task_id: str = Field(description="Id of the question; /reward and /questions/{id} accept it")
    question: str = Field(description="The question text")
    choices: Optional[List[str]] = Field(description="Options (lettered A, B, C... in the prompt), or null")
    prompt: str = Field(description="System instructions and question as one string: what the model should see")
    messages: List[ChatMessage] = Field(description="The same prompt as chat messages")
    domain: Domain = Field(description="Knowledge domain of a task")
    difficulty: Optional[Difficulty] = Field(description="Difficulty, or null when the phase hides it")
    phase: int = Field(ge=1, le=3, description="Curriculum phase, 1 (easy) to 3 (adversarial)")
    reward_preset: str = Field(description="Reward preset that pays this episode")
    response_format: ResponseFormat = Field(
        default="tags",
        description="How the prompt asks for the answer and how the response is read: tags or answer_line",
    )
    calibration: RunningCalibration = Field(description="Running calibration of everything this server has graded")
    is_correct: Optional[bool] = Field(description="Whether the answer was correct (null before step)")
    parsed_confidence: Optional[int] = Field(description="Confidence the reward used, percent")
    parsed_answer: Optional[str] = Field(description="Answer the parser extracted")
    abstained: Optional[bool] = Field(description="Whether the model said it does not know")
    format: Optional[FormatVerdict] = Field(description="Format verdict of the response")
    format_issues: Optional[List[str]] = Field(description="Codes of what the parser noticed or fixed")
    score: Optional[float] = Field(description="Grader's credit in [0, 1]")
    grading_method: Optional[str] = Field(description="Which grading rule decided")
    reward_components: Optional[RewardComponents] = Field(
        description="The reward's named parts (they sum to the reward)"
    )
    true_answer: Optional[str] = Field(description="Gold answer (revealed after step)")
    feedback: Optional[str] = Field(description="One line on what happened")


class EchoCalibrationState(State):
    """A session's state: its current episode and what it has played."""

    episode_id: Optional[str] = Field(default=None, description="Current episode, or null before the first reset")
    step_count: int = Field(default=0, ge=0, description="Steps taken in the current episode")
    session_id: Optional[str] = Field(default=None, description="WebSocket session id, or null over HTTP")
    task_id: Optional[str] = Field(default=None, description="Current task")
    domain: Optional[Domain] = Field(
        default=None, description="Domain of the current task, or null before the first reset"
    )
    difficulty: Optional[Difficulty] = Field(default=None, description="Difficulty, or null when the phase hides it")
    phase: Optional[int] = Field(
        default=None,
        ge=1,
        le=3,
        description="Curriculum phase of the current episode, or null before the first reset",
    )
    reward_preset: Optional[str] = Field(
        default=None, description="Reward preset of the current episode, or null before the first reset"
    )
    done: bool = Field(default=False, description="Whether the current episode is finished")
    episodes_completed: int = Field(default=0, description="Episodes finished in this session")
    last_reward: Optional[float] = Field(default=None, description="Reward of the last step")


class GroupSignals(BaseModel):
    """One group's figures in POST /reward's `groups`: what one prompt's generations agree on, and whether their
    majority and confidence-weighted votes are right (the server's GroupSignals)."""

    model_config = ConfigDict(extra="forbid")

    size: int = Field(ge=1, description="Responses in the group, abstentions and unreadable answers included")
    votes: int = Field(
        ge=0, description="Responses that gave a readable answer (abstentions and unreadable answers cast no vote)"
    )
    agreement: float = Field(
        ge=0,
        le=1,
        description=(
            "Share of the group's responses whose answer equals the majority answer after the grader's "
            "normalisation (abstentions and unreadable answers count as disagreeing); 0 without any vote"
        ),
    )
    majority_answer: Optional[str] = Field(
        description=(
            "The answer given most often (ties: higher summed confidence, then the smaller key); the gold's text "
            "for answers graded correct, else the grader's extracted form; null without any vote"
        )
    )
    majority_correct: bool = Field(
        description="Whether every response giving the majority answer was graded correct; false without any vote"
    )
    weighted_vote_answer: Optional[str] = Field(
        description=(
            "The answer with the largest summed stated confidence (ties: more votes, then the smaller key); null "
            "without any vote"
        )
    )
    weighted_vote_correct: bool = Field(
        description=(
            "Whether every response giving the weighted-vote answer was graded correct; false without any vote"
        )
    )
