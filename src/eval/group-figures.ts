// Self-consistency over a responses file with several responses per task: votes, agreement and its AUROC.
import { z } from "zod";
import {
  type GroupMember,
  type GroupSignals,
  memberAgreement,
  summarizeGroup,
} from "../core/group-signals.js";
import { aurocFromScores } from "../core/metrics/auroc.js";
import { hasStatedConfidence } from "../core/metrics/episode-outcome.js";
import type { GradedRecord } from "./graded-record.js";

const share = (description: string) => z.number().min(0).max(1).nullable().describe(description);

export const GroupFigures = z
  .object({
    tasks: z.number().int().min(1).describe("Tasks answered by two or more graded responses"),
    responses: z.number().int().min(2).describe("Graded responses to those tasks"),
    mean_agreement: share(
      "Mean over those tasks of the share of their responses equal to the majority answer (grader-normalised)",
    ),
    single_accuracy: share("Share of those responses graded correct (one response per draw)"),
    majority_accuracy: share("Share of those tasks whose majority answer is correct"),
    weighted_vote_accuracy: share("Share of those tasks whose confidence-weighted vote answer is correct"),
    auroc_agreement: share(
      "AUROC of agreement alone separating right from wrong responses: a response's score is the share of its " +
        "task's responses giving the same answer (0 for an abstention or unreadable answer); over the " +
        "responses with a stated confidence; null without both right and wrong ones",
    ),
    auroc_confidence: share(
      "AUROC of stated confidence over the same responses, for comparison with auroc_agreement",
    ),
  })
  .meta({ id: "GroupFigures" })
  .describe("Self-consistency figures, present when some task has several responses");
export type GroupFigures = z.infer<typeof GroupFigures>;

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

function memberOf(record: GradedRecord): GroupMember {
  return {
    answer: record.answer ?? { kind: "unreadable" },
    confidence: record.outcome.confidence,
    correct: record.outcome.correct,
  };
}

/**
 * The figures over tasks (records sharing a key) with two or more responses; null when there is none.
 * @example groupFigures(records)?.majority_accuracy
 */
export function groupFigures(records: readonly GradedRecord[]): GroupFigures | null {
  const byTask = new Map<string, GradedRecord[]>();
  for (const record of records) {
    const list = byTask.get(record.key) ?? [];
    list.push(record);
    byTask.set(record.key, list);
  }
  const groups = [...byTask.values()].filter((list) => list.length >= 2);
  if (groups.length === 0) return null;
  const summaries: GroupSignals[] = [];
  const scored: { agreement: number; confidence: number; correct: boolean }[] = [];
  for (const list of groups) {
    const members = list.map(memberOf);
    summaries.push(summarizeGroup(members));
    const agreement = memberAgreement(members);
    list.forEach((r, i) => {
      if (!hasStatedConfidence(r.outcome.format)) return;
      scored.push({ agreement: agreement[i]!, confidence: r.outcome.confidence, correct: r.outcome.correct });
    });
  }
  const responses = groups.flat();
  return {
    tasks: groups.length,
    responses: responses.length,
    mean_agreement: mean(summaries.map((s) => s.agreement)),
    single_accuracy: mean(responses.map((r) => (r.outcome.correct ? 1 : 0))),
    majority_accuracy: mean(summaries.map((s) => (s.majority_correct ? 1 : 0))),
    weighted_vote_accuracy: mean(summaries.map((s) => (s.weighted_vote_correct ? 1 : 0))),
    auroc_agreement: aurocFromScores(scored.map((s) => ({ score: s.agreement, correct: s.correct }))),
    auroc_confidence: aurocFromScores(scored.map((s) => ({ score: s.confidence, correct: s.correct }))),
  };
}
