// A baseline agent answering an evaluation set: simulated knowledge decides the answer, its rule the confidence.
import type { Task } from "../tasks/task.js";
import type { AgentView, BaselineAgent } from "./baselines.js";
import {
  ABSTAIN_ANSWER,
  abstentionDraw,
  knowledgeDraw,
  knownAnswer,
  wrongAnswer,
} from "./simulated-answer.js";
import { type SkillProfile, skillFor } from "./skill-profile.js";

export interface AgentResponse {
  task_id: string;
  /** The full response string, graded later by the same parser and graders as a model's. */
  response: string;
  /** Whether the simulation let the agent know this task (kept for tests and audits, never graded). */
  knows: boolean;
  /** The agent's probability of knowing this task's bucket. */
  skill: number;
}

/** The part of a task an agent may look at when choosing its confidence: no gold, no answer index. */
export function agentView(task: Task): AgentView {
  return { domain: task.domain, difficulty: task.difficulty, question: task.question, choices: task.choices };
}

/** Distinct gold answers per grader kind: the "answers to other questions" a guessing agent offers. */
export function decoyAnswers(tasks: readonly Task[]): Map<Task["grader"], string[]> {
  const pools = new Map<Task["grader"], Set<string>>();
  for (const t of tasks) {
    const pool = pools.get(t.grader) ?? new Set<string>();
    pool.add(t.answer);
    pools.set(t.grader, pool);
  }
  return new Map([...pools].map(([kind, set]) => [kind, [...set]]));
}

/**
 * The agent's responses to every task, in order. Confidence comes from the agent's rule applied to what it
 * can see (and, for the oracle and the overconfident agent, their own skill); it never depends on whether
 * the agent knows this particular task. Only the answer does: the gold when the seeded draw says it knows,
 * otherwise "I don't know" (with the agent's abstention rate) or a guess built to grade wrong.
 * @example agentResponses(findBaseline("always-90")!, tasks, { seed: 1, skill: DEFAULT_SKILL })[0].response
 */
export function agentResponses(
  agent: BaselineAgent,
  tasks: readonly Task[],
  options: { seed: number; skill: SkillProfile },
): AgentResponse[] {
  const decoys = decoyAnswers(tasks);
  return tasks.map((task) => {
    const skill = skillFor(options.skill, task);
    const confidence = agent.confidence(agentView(task), options.skill);
    const knows = knowledgeDraw(options.seed, task.id) < skill;
    const answer = knows
      ? knownAnswer(task)
      : abstentionDraw(options.seed, task.id) < agent.abstainRate
        ? ABSTAIN_ANSWER
        : wrongAnswer(task, options.seed, decoys.get(task.grader) ?? []);
    return {
      task_id: task.id,
      response: `<confidence>${confidence}</confidence><answer>${answer}</answer>`,
      knows,
      skill,
    };
  });
}
