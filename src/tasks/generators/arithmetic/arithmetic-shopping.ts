// Shopping problems: item lines, a discount, change from a bill, a bill split among friends.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { ratio, toDecimalString } from "../rational.js";
import { type ArithmeticProblem, money, multipleOf, NAMES, SHOP_ITEMS } from "./arithmetic-problem.js";

interface Line {
  text: string;
  cents: number;
}

function priceCents(rng: Rng, difficulty: Difficulty): number {
  if (difficulty === "easy") return 100 * rng.int(1, 9);
  if (difficulty === "medium") return multipleOf(rng, 25, 125, 2500);
  return multipleOf(rng, 5, 105, 4995);
}

function itemLines(rng: Rng, difficulty: Difficulty, count: number): Line[] {
  const items = rng.shuffle(SHOP_ITEMS).slice(0, count);
  return items.map(([, plural]) => {
    const qty = rng.int(2, difficulty === "hard" ? 12 : 6);
    const cents = priceCents(rng, difficulty);
    return { text: `${qty} ${plural} at ${money(cents)} each`, cents: qty * cents };
  });
}

function listText(lines: readonly Line[]): string {
  const texts = lines.map((l) => l.text);
  if (texts.length === 1) return texts[0] as string;
  return `${texts.slice(0, -1).join(", ")} and ${texts[texts.length - 1]}`;
}

/** easy: 1-2 steps; medium: 3-4 (two lines and change, or a discount); hard: 6-8 (discount then a split). */
export function shopping(rng: Rng, difficulty: Difficulty): ArithmeticProblem | null {
  const who = rng.pick(NAMES);
  if (difficulty === "easy") {
    const [line] = itemLines(rng, difficulty, 1) as [Line];
    const bills = [1000, 2000, 5000].filter((b) => b > line.cents);
    if (rng.chance(0.5) || bills.length === 0) {
      const question = `${who} buys ${line.text}. How much does ${who} spend, in dollars?`;
      return { kind: "shopping", question, answer: ratio(line.cents, 100), steps: 1, adversarial: false };
    }
    const bill = rng.pick(bills);
    const question = `${who} buys ${line.text} and pays with a ${money(bill)} bill. How much change does ${who} get, in dollars?`;
    return {
      kind: "shopping",
      question,
      answer: ratio(bill - line.cents, 100),
      steps: 2,
      adversarial: false,
    };
  }
  const lines = itemLines(rng, difficulty, difficulty === "hard" ? rng.int(2, 3) : rng.chance(0.5) ? 1 : 2);
  const total = lines.reduce((sum, l) => sum + l.cents, 0);
  let steps = 2 * lines.length - 1;
  const sentences = [`${who} buys ${listText(lines)}.`];
  if (difficulty === "medium" && lines.length === 2) {
    const bills = [5000, 10000, 20000].filter((b) => b > total);
    if (bills.length === 0) return null;
    const bill = rng.pick(bills);
    sentences.push(`${who} pays with a ${money(bill)} bill. How much change does ${who} get, in dollars?`);
    const answer = ratio(bill - total, 100);
    return { kind: "shopping", question: sentences.join(" "), answer, steps: steps + 1, adversarial: false };
  }
  const pct = rng.pick([10, 15, 20, 25, 30, 40]);
  sentences.push(`The store takes ${pct}% off the total.`);
  steps += 2;
  let answer = ratio(total * (100 - pct), 100 * 100);
  if (difficulty === "hard") {
    const friends = rng.int(1, 4);
    sentences.push(
      `${who} and ${friends} ${friends === 1 ? "friend" : "friends"} split the discounted bill equally. How much does each person pay, in dollars?`,
    );
    answer = ratio(total * (100 - pct), 100 * 100 * (friends + 1));
    steps += 1;
  } else {
    sentences.push(`How much does ${who} pay, in dollars?`);
  }
  if (toDecimalString(answer, 2) === null) return null;
  return { kind: "shopping", question: sentences.join(" "), answer, steps, adversarial: false };
}
