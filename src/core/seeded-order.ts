// A seeded permutation of [0, size) read one position at a time, for listing huge pools in a stable order.
import { hashSeed, mix32 } from "./rng.js";

/**
 * A seeded bijection of [0, size) computed one position at a time: a 4-round Feistel network on the smallest
 * 4^k >= size, cycle-walking past values outside the range (fewer than 4 steps on average).
 */
export function seededOrder(size: number, seed: number): (position: number) => number {
  if (size <= 1) return (position) => position;
  if (size > 2 ** 32) throw new RangeError(`a seeded listing holds at most 2^32 tasks, got ${size}`);
  let half = 1;
  while (4 ** half < size) half++;
  const m = 2 ** half;
  const mask = m - 1;
  const keys = [1, 2, 3, 4].map((round) => hashSeed("task-list-order", seed, round));
  const permute = (x: number): number => {
    let left = Math.floor(x / m);
    let right = x % m;
    for (const key of keys) {
      const next = (left ^ mix32(right ^ key)) & mask;
      left = right;
      right = next;
    }
    return left * m + right;
  };
  return (position) => {
    let x = permute(position);
    while (x >= size) x = permute(x);
    return x;
  };
}
