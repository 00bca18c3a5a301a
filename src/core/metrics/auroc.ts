// AUROC of stated confidence as a score separating right from wrong answers, from per-level counts.

/**
 * Probability that a random correct answer was stated with higher confidence than a random wrong one, ties
 * counting 1/2 (the Mann-Whitney statistic); O(levels). Null without both correct and wrong answers.
 * @example aurocFromLevels([0, 1], [1, 0]) // 1: the right answer is the more confident one
 */
export function aurocFromLevels(right: readonly number[], wrong: readonly number[]): number | null {
  let wrongBelow = 0;
  let rightTotal = 0;
  let doubledWins = 0;
  for (let k = 0; k < right.length; k++) {
    const r = right[k]!;
    const w = wrong[k]!;
    doubledWins += r * (2 * wrongBelow + w);
    wrongBelow += w;
    rightTotal += r;
  }
  if (rightTotal === 0 || wrongBelow === 0) return null;
  return doubledWins / (2 * rightTotal * wrongBelow);
}

/**
 * The same statistic for any real-valued score (agreement, a probe's output): each distinct score is one level.
 * Null without both right and wrong items.
 * @example aurocFromScores([{ score: 0.9, correct: true }, { score: 0.4, correct: false }]) // 1
 */
export function aurocFromScores(items: readonly { score: number; correct: boolean }[]): number | null {
  const levels = [...new Set(items.map((item) => item.score))].sort((a, b) => a - b);
  const levelOf = new Map(levels.map((score, i) => [score, i]));
  const right = new Array<number>(levels.length).fill(0);
  const wrong = new Array<number>(levels.length).fill(0);
  for (const { score, correct } of items) {
    const level = levelOf.get(score)!;
    if (correct) right[level]! += 1;
    else wrong[level]! += 1;
  }
  return aurocFromLevels(right, wrong);
}
