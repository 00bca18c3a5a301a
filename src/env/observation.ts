// What the environment returns: the OpenEnv observation (reward and done travel beside it) and its state.
import { z } from "zod";
import { FormatVerdict } from "../core/format-verdict.js";
import { RESPONSE_FORMATS } from "../core/response-format.js";
import { RewardComponents } from "../core/reward/reward-breakdown.js";
import { Difficulty, Domain, Phase } from "../core/taxonomy.js";
import { ChatMessage } from "../tasks/prompt.js";

export const MAX_RESPONSE_CHARS = 100_000;

export const Action = z
  .object({
    response: z
      .string()
      .max(MAX_RESPONSE_CHARS, `response must be at most ${MAX_RESPONSE_CHARS} characters`)
      .describe("The model's full response, e.g. '<confidence>72</confidence><answer>Canberra</answer>'"),
    metadata: z.record(z.string(), z.unknown()).optional().describe("Free-form metadata, ignored by grading"),
  })
  .strict()
  .meta({ id: "EchoAction" });
export type Action = z.infer<typeof Action>;

export const RunningCalibration = z
  .object({
    episodes: z.number().int().describe("Episodes graded by this server so far (all sessions)"),
    accuracy: z.number().nullable().describe("Share of correct answers"),
    mean_confidence: z.number().nullable().describe("Mean stated probability (0..1)"),
    ece: z.number().nullable().describe("Expected calibration error (10 bins)"),
    brier: z.number().nullable().describe("Brier score"),
    mean_reward: z.number().nullable().describe("Mean reward paid"),
  })
  .meta({ id: "RunningCalibration" });
export type RunningCalibration = z.infer<typeof RunningCalibration>;

export const Observation = z
  .object({
    episode_id: z.string().describe("Id of this episode; send it back to /step over HTTP"),
    task_id: z.string().describe("Id of the question; /reward and /questions/{id} accept it"),
    question: z.string().describe("The question text"),
    choices: z.array(z.string()).nullable().describe("Options (lettered A, B, C... in the prompt), or null"),
    prompt: z.string().describe("System instructions and question as one string: what the model should see"),
    messages: z.array(ChatMessage).describe("The same prompt as chat messages"),
    domain: Domain,
    difficulty: Difficulty.nullable().describe("Difficulty, or null when the phase hides it"),
    phase: Phase,
    reward_preset: z.string().describe("Reward preset that pays this episode"),
    response_format: z
      .enum(RESPONSE_FORMATS)
      .describe("How the prompt asks for the answer and how the response is read: tags or answer_line"),
    calibration: RunningCalibration.describe("Running calibration of everything this server has graded"),
    is_correct: z.boolean().nullable().describe("Whether the answer was correct (null before step)"),
    parsed_confidence: z.number().int().nullable().describe("Confidence the reward used, percent"),
    parsed_answer: z.string().nullable().describe("Answer the parser extracted"),
    abstained: z.boolean().nullable().describe("Whether the model said it does not know"),
    format: FormatVerdict.nullable().describe("Format verdict of the response"),
    format_issues: z.array(z.string()).nullable().describe("Codes of what the parser noticed or fixed"),
    score: z.number().nullable().describe("Grader's credit in [0, 1]"),
    grading_method: z.string().nullable().describe("Which grading rule decided"),
    reward_components: RewardComponents.nullable().describe(
      "The reward's named parts (they sum to the reward)",
    ),
    true_answer: z.string().nullable().describe("Gold answer (revealed after step)"),
    feedback: z.string().nullable().describe("One line on what happened"),
  })
  .meta({ id: "EchoObservation" });
export type Observation = z.infer<typeof Observation>;

export const StepResult = z
  .object({
    observation: Observation,
    reward: z.number().nullable().describe("Reward for the step; null after reset"),
    done: z.boolean().describe("True once the episode is over (one step ends an episode)"),
  })
  .meta({ id: "StepResult" });
export type StepResult = z.infer<typeof StepResult>;

export const EnvState = z
  .object({
    episode_id: z.string().nullable().describe("Current episode, or null before the first reset"),
    step_count: z.number().int().min(0).describe("Steps taken in the current episode"),
    session_id: z.string().nullable().describe("WebSocket session id, or null over HTTP"),
    task_id: z.string().nullable().describe("Current task"),
    domain: Domain.nullable().describe("Domain of the current task, or null before the first reset"),
    difficulty: Difficulty.nullable().describe("Difficulty, or null when the phase hides it"),
    phase: Phase.nullable().describe(
      "Curriculum phase of the current episode, or null before the first reset",
    ),
    reward_preset: z
      .string()
      .nullable()
      .describe("Reward preset of the current episode, or null before the first reset"),
    done: z.boolean().describe("Whether the current episode is finished"),
    episodes_completed: z.number().int().describe("Episodes finished in this session"),
    last_reward: z.number().nullable().describe("Reward of the last step"),
  })
  .meta({ id: "EchoState" });
export type EnvState = z.infer<typeof EnvState>;

/** The state before any episode: what GET /state answers when there is no HTTP episode to show. */
export const EMPTY_STATE: EnvState = {
  episode_id: null,
  step_count: 0,
  session_id: null,
  task_id: null,
  domain: null,
  difficulty: null,
  phase: null,
  reward_preset: null,
  done: false,
  episodes_completed: 0,
  last_reward: null,
};
