// Self-consistency signals of a group (one prompt's several generations): agreement, majority and weighted vote.
import { z } from "zod";
import { type CanonicalAnswer, canonicalAnswer } from "./grading/canonical-answer.js";
import type { GradeResult, GradingSpec } from "./grading/grade-result.js";

export const GroupSignals = z
  .object({
    size: z
      .number()
      .int()
      .min(1)
      .describe("Responses in the group, abstentions and unreadable answers included"),
    votes: z
      .number()
      .int()
      .min(0)
      .describe("Responses that gave a readable answer (abstentions and unreadable answers cast no vote)"),
    agreement: z
      .number()
      .min(0)
      .max(1)
      .describe(
        "Share of the group's responses whose answer equals the majority answer after the grader's " +
          "normalisation (abstentions and unreadable answers count as disagreeing); 0 without any vote",
      ),
    majority_answer: z
      .string()
      .nullable()
      .describe(
        "The answer given most often (ties: higher summed confidence, then the smaller key); the gold's text " +
          "for answers graded correct, else the grader's extracted form; null without any vote",
      ),
    majority_correct: z
      .boolean()
      .describe(
        "Whether every response giving the majority answer was graded correct; false without any vote",
      ),
    weighted_vote_answer: z
      .string()
      .nullable()
      .describe(
        "The answer with the largest summed stated confidence (ties: more votes, then the smaller key); null " +
          "without any vote",
      ),
    weighted_vote_correct: z
      .boolean()
      .describe(
        "Whether every response giving the weighted-vote answer was graded correct; false without any vote",
      ),
  })
  .meta({ id: "GroupSignals" })
  .describe(
    "What one group's responses agree on, and whether their majority and confidence-weighted votes are right",
  );
export type GroupSignals = z.infer<typeof GroupSignals>;

/** The id a `/reward` item may carry: items sharing one are one prompt's generations. */
export const GroupId = z
  .string()
  .min(1)
  .max(200)
  .describe(
    "Id shared by the generations of one prompt (TRL passes them together); summarised in the reply's groups",
  );

/** The reply's `groups`: per group id, its signals. */
export const GroupSignalsByGroup = z
  .record(z.string(), GroupSignals)
  .describe(
    "Per group id of the batch's items, what its responses agree on and whether their votes are right",
  );

/** One response of a group, as the vote counts it. */
export interface GroupMember {
  answer: CanonicalAnswer;
  /** Confidence in percent (0..100) as the reward used it (the parser's default when none was stated): its weight. */
  confidence: number;
  correct: boolean;
}

interface Tally {
  key: string;
  text: string;
  count: number;
  weight: number;
  allCorrect: boolean;
}

function tallies(members: readonly GroupMember[]): Tally[] {
  const byKey = new Map<string, Tally>();
  for (const member of members) {
    if (member.answer.kind !== "answer") continue;
    const { key, text } = member.answer;
    const tally = byKey.get(key) ?? { key, text, count: 0, weight: 0, allCorrect: true };
    tally.count += 1;
    // Whole percent points: integer sums, so equal weights tie exactly instead of by rounding error.
    tally.weight += Math.round(Math.min(100, Math.max(0, member.confidence)));
    tally.allCorrect &&= member.correct;
    byKey.set(key, tally);
  }
  return [...byKey.values()];
}

// Ties end at the key, never at input order, so a reshuffled group gives the same summary.
const byKey = (a: Tally, b: Tally) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byVotes = (a: Tally, b: Tally) => b.count - a.count || b.weight - a.weight || byKey(a, b);
const byWeight = (a: Tally, b: Tally) => b.weight - a.weight || b.count - a.count || byKey(a, b);

/**
 * The signals of one group's members (in any order). A group of one agrees with itself (agreement 1 when it
 * answered), and its votes are its own answer.
 * @example summarizeGroup([{ answer: { kind: "answer", key: "gold", text: "4" }, confidence: 80, correct: true }]).agreement // 1
 */
export function summarizeGroup(members: readonly GroupMember[]): GroupSignals {
  const all = tallies(members);
  const votes = all.reduce((sum, tally) => sum + tally.count, 0);
  const majority = [...all].sort(byVotes)[0];
  const weighted = [...all].sort(byWeight)[0];
  return {
    size: members.length,
    votes,
    agreement: majority && members.length > 0 ? majority.count / members.length : 0,
    majority_answer: majority?.text ?? null,
    majority_correct: majority?.allCorrect ?? false,
    weighted_vote_answer: weighted?.text ?? null,
    weighted_vote_correct: weighted?.allCorrect ?? false,
  };
}

/**
 * Per member, the share of the group giving the same answer as it: its self-consistency score (0 for an
 * abstention or an unreadable answer, which agree with nothing).
 * @example memberAgreement([a, a, b]) // [2/3, 2/3, 1/3] when a and b are answers with different keys
 */
export function memberAgreement(members: readonly GroupMember[]): number[] {
  const counts = new Map(tallies(members).map((tally) => [tally.key, tally.count]));
  return members.map((member) =>
    member.answer.kind === "answer" ? (counts.get(member.answer.key) ?? 0) / members.length : 0,
  );
}

/**
 * A scored item of a batch that names its group; `scored` is null for an item that failed before grading (its
 * spec is then optional: an unknown task id has none).
 */
export type GroupedItem =
  | {
      group: string;
      spec: GradingSpec;
      scored: { parsed: { confidence: number; abstained: boolean }; grade: GradeResult };
    }
  | { group: string; spec?: GradingSpec; scored: null };

/** An item as a group member: a failed item is an unreadable answer with no weight. */
export function groupMember(item: GroupedItem): GroupMember {
  if (item.scored === null) return { answer: { kind: "unreadable" }, confidence: 0, correct: false };
  const { parsed, grade } = item.scored;
  return {
    answer: canonicalAnswer(item.spec, grade, parsed.abstained),
    confidence: parsed.confidence,
    correct: grade.correct,
  };
}

/**
 * Per group id, the signals of the items carrying it (the `/reward` reply's `groups`). Items without a group
 * are not passed in; group ids come out in order of first appearance.
 * @example groupSignalsOf([{ group: "p1", spec, scored: scoreResponse(spec, response, preset) }]).p1?.agreement
 */
export function groupSignalsOf(items: readonly GroupedItem[]): Record<string, GroupSignals> {
  const groups = new Map<string, GroupMember[]>();
  for (const item of items) {
    const members = groups.get(item.group) ?? [];
    members.push(groupMember(item));
    groups.set(item.group, members);
  }
  // fromEntries defines own properties, so a group id such as "__proto__" stays an ordinary key.
  return Object.fromEntries([...groups].map(([group, members]) => [group, summarizeGroup(members)]));
}
