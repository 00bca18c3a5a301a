// Python snippets with dicts: counting with get(), insertion order, deleting and re-adding keys, max by value.
import { intList, type SnippetTemplate, snippet, WORDS } from "./python-snippet.js";
import { lit, type PyValue, printLine, pyRepr, src } from "./python-values.js";

/** Counting with a dict; it prints in insertion order. */
export const dictCounting: SnippetTemplate = (rng, difficulty) => {
  if (difficulty === "easy") {
    const nums = intList(rng, rng.int(5, 8), 1, 6);
    const counts = new Map<number, number>();
    for (const v of nums) counts.set(v, (counts.get(v) ?? 0) + 1);
    const code = [
      "counts = {}",
      `for n in ${src(nums)}:`,
      "    counts[n] = counts.get(n, 0) + 1",
      "print(counts)",
    ];
    return snippet("dict-counting", code, pyRepr({ dict: [...counts.entries()] }));
  }
  // Hard counts over two words glued together, for a larger space of inputs.
  const word = difficulty === "hard" ? rng.pick(WORDS) + rng.pick(WORDS) : rng.pick(WORDS);
  const counts = new Map<string, number>();
  for (const c of word) counts.set(c, (counts.get(c) ?? 0) + 1);
  const loop = ["counts = {}", `for ch in ${lit(word)}:`, "    counts[ch] = counts.get(ch, 0) + 1"];
  const probe = rng.pick([...word, "z", "q"]);
  if (difficulty === "medium") {
    const out = [counts.size, counts.get(probe) ?? 0];
    return snippet(
      "dict-counting",
      [...loop, `print(len(counts), counts.get(${lit(probe)}, 0))`],
      printLine(out),
    );
  }
  // max() with key returns the first key reaching the maximum, in insertion order.
  let best = "";
  for (const [k, v] of counts) if (best === "" || v > (counts.get(best) ?? 0)) best = k;
  const repeated = [...counts.entries()].filter(([, v]) => v > 1).map(([k]) => k);
  const code = [...loop, "print(max(counts, key=counts.get), [k for k, v in counts.items() if v > 1])"];
  return snippet("dict-counting", code, printLine([best, repeated]));
};

export const dictOps: SnippetTemplate = (rng, difficulty) => {
  const keys = rng.shuffle(["a", "b", "c", "d", "e"]).slice(0, 3);
  const entries = new Map(keys.map((k) => [k, rng.int(1, 20)] as [string, number]));
  const code = [`d = {${[...entries].map(([k, v]) => `${lit(k)}: ${v}`).join(", ")}}`];
  const [k0, k1] = keys as [string, string];
  const add = rng.int(2, 9);
  code.push(`d[${lit(k0)}] += ${add}`, `d["x"] = ${add * 2}`);
  entries.set(k0, (entries.get(k0) as number) + add).set("x", add * 2);
  if (difficulty !== "easy") {
    code.push(`del d[${lit(k1)}]`);
    entries.delete(k1);
  }
  if (difficulty === "hard") {
    // Re-adding a deleted key puts it at the end.
    code.push(`d[${lit(k1)}] = d.pop(${lit(k0)}) * 2`);
    const moved = (entries.get(k0) as number) * 2;
    entries.delete(k0);
    entries.set(k1, moved);
  }
  const dict = { dict: [...entries.entries()] as Array<[PyValue, PyValue]> };
  code.push(difficulty === "easy" ? "print(d)" : "print(d, list(d.keys())[-1])");
  const out = difficulty === "easy" ? pyRepr(dict) : printLine([dict, [...entries.keys()].at(-1) as string]);
  return snippet("dict-ops", code, out);
};
