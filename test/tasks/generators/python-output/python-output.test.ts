import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { DIFFICULTIES, type Difficulty } from "../../../../src/core/taxonomy.js";
import {
  pythonOutputGenerator,
  pythonSnippet,
} from "../../../../src/tasks/generators/python-output/python-output.js";

// Runs each snippet in a fresh namespace with stdout captured; nothing but the generator's own code is executed.
const DRIVER = `
import contextlib, io, json, sys
out = []
for code in json.load(sys.stdin):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(code, {"__name__": "__snippet__"})
    out.append(buf.getvalue())
json.dump(out, sys.stdout)
`;

const probe = spawnSync("python3", ["-c", "import sys; print(sys.version_info[0])"], { encoding: "utf8" });
const hasPython3 = probe.status === 0 && probe.stdout.trim() === "3";

describe("python-output", () => {
  it("asks for the exact output of a fenced python block and grades ints numerically, the rest exactly", () => {
    const graders = new Set<string>();
    for (const difficulty of DIFFICULTIES) {
      for (let i = 0; i < 300; i++) {
        const t = pythonOutputGenerator.generate(difficulty, i);
        const s = pythonSnippet(difficulty, i);
        expect(t.question).toBe(
          `What does this Python 3 program print? Give the exact output.\n\n\`\`\`python\n${s.code}\n\`\`\``,
        );
        expect(t.answer).toBe(s.output);
        expect(t.answer.trim()).toBe(t.answer);
        // Only a single printed int is graded numerically: "4.0" vs "4" is part of the question.
        expect(t.grader).toBe(/^-?\d+$/.test(s.output) ? "numeric" : "exact");
        graders.add(t.grader);
      }
    }
    expect([...graders].sort()).toEqual(["exact", "numeric"]);
  });

  it("covers the required semantics across templates", () => {
    const all = DIFFICULTIES.flatMap((d) => Array.from({ length: 600 }, (_, i) => pythonSnippet(d, i)));
    const templates = new Set(all.map((s) => s.template));
    for (const name of [
      "precedence",
      "divmod",
      "range-loop",
      "while-loop",
      "division",
      "comparisons",
      "string-slicing",
      "string-methods",
      "string-building",
      "string-lists",
      "list-methods",
      "list-slicing",
      "comprehension",
      "aggregates",
      "dict-counting",
      "dict-ops",
      "negative-floor",
      "aliasing",
      "shared-rows",
      "mutable-default",
      "bankers-round",
      "power-precedence",
      "late-binding",
      "chained-comparison",
      "remove-while-iterating",
      "local-scope",
      "float-sum",
      "sort-returns-none",
      "negative-step",
    ]) {
      expect(templates, name).toContain(name);
    }
    const outputs = all.map((s) => s.output).join("\n");
    for (const fragment of ["True", "False", "['", "[1", "{'", ".0", "None"])
      expect(outputs).toContain(fragment);
  });

  it("gets harder: longer programs, negative operands, steps in slices, traps only on hard", () => {
    const sample = (d: Difficulty) => Array.from({ length: 500 }, (_, i) => pythonSnippet(d, i));
    const meanLines = (d: Difficulty) => sample(d).reduce((n, s) => n + s.code.split("\n").length, 0) / 500;
    expect(meanLines("medium")).toBeGreaterThan(meanLines("easy"));
    expect(meanLines("hard")).toBeGreaterThan(meanLines("medium"));
    const count = (d: Difficulty, re: RegExp) => sample(d).filter((s) => re.test(s.code)).length;
    expect(count("hard", /\[[^\]]*:[^\]]*:-?\d+\]/)).toBeGreaterThan(
      count("easy", /\[[^\]]*:[^\]]*:-?\d+\]/),
    );
    expect(count("hard", /= -\d+|\(-\d+|range\(\d+, -?\d+, -\d+\)/)).toBeGreaterThan(
      count("easy", /= -\d+|\(-\d+/),
    );
    expect(sample("easy").some((s) => s.adversarial)).toBe(false);
    expect(sample("medium").some((s) => s.adversarial)).toBe(false);
  });

  // Pinned v1 programs with the output CPython 3.11 printed for each (checked when this table was written).
  // A change here means the generator's output changed: bump its version.
  it.each([
    ["easy", 5, 's = "jigsaw"\nprint(s[:1], s[4:5])', "j a"],
    [
      "easy",
      14,
      "counts = {}\nfor n in [5, 5, 2, 4, 5, 1, 2, 4]:\n    counts[n] = counts.get(n, 0) + 1\nprint(counts)",
      "{5: 3, 2: 2, 4: 2, 1: 1}",
    ],
    ["easy", 33, "result = (4 + 9) * 5\nprint(result)", "65"],
    [
      "hard",
      0,
      "total = 0\nfor i in range(42, -5, -4):\n    if i % 4 == 0:\n        continue\n    total += i\n    if total > 121:\n        break\nprint(total, i)",
      "144 30",
    ],
    ["hard", 1, "funcs = [lambda: i * 4 for i in range(4)]\nprint([f() for f in funcs])", "[12, 12, 12, 12]"],
    [
      "hard",
      2,
      "nums = [46, 95, 79, 42, 99, 79, 86]\nprint(nums[::-2], nums[-2:0:-1])",
      "[86, 99, 79, 46] [79, 99, 42, 79, 95]",
    ],
    [
      "hard",
      3,
      "first = 18\nsecond = -8\nwhole = first // second\nrest = first % second\nprint(whole, rest, whole * second + rest == first)",
      "-3 -6 True",
    ],
    [
      "hard",
      6,
      "n = 227\nsteps = 0\nwhile n > 0:\n    if n % 4 == 0:\n        n //= 4\n    else:\n        n -= 1\n    steps += 1\nprint(steps, n)",
      "11 0",
    ],
    ["hard", 7, "print(45 / 9 * 9, 45 // 9 * 9, int(-45 / 9))", "45.0 45 -5"],
    ["hard", 8, 's = "noodle"\nprint(s[3:1:-1], len(s[1:3:-1]))', "do 0"],
    ["hard", 9, "print(round(18.5), round(14.5), round(-0.5))", "18 14 0"],
    [
      "hard",
      10,
      'text = "river,,jigsaw,,galaxy"\nparts = text.split(",")\nprint(len(parts), "-".join(parts[:2]))\nprint("xxxx".count("xx"), "thunder".count("u"))',
      "5 river-\n2 1",
    ],
    [
      "hard",
      13,
      "nums = [12, 4, 6, 6, 11, 20]\nfor x in nums:\n    if x % 2 == 0:\n        nums.remove(x)\nprint(nums)",
      "[4, 6, 11]",
    ],
    ["hard", 14, "grid = [[0] * 3] * 3\ngrid[0][2] = 6\nprint(grid)", "[[0, 0, 6], [0, 0, 6], [0, 0, 6]]"],
    [
      "hard",
      15,
      'd = {"e": 20, "b": 19, "d": 12}\nd["e"] += 5\nd["x"] = 10\ndel d["b"]\nd["b"] = d.pop("e") * 2\nprint(d, list(d.keys())[-1])',
      "{'d': 12, 'x': 10, 'b': 50} b",
    ],
    ["hard", 18, "a = 10\nb = 8\nz = 0\nprint(z or a, z and b, a and b, (a > b) + (b > z))", "10 0 8 2"],
    [
      "hard",
      21,
      "nums = [6, 13, 8, 0]\nnums.remove(8)\nnums.extend([25, 9])\nnums.extend([25, 23, 4])\nnums.extend([19])\nnums.extend([17])\nprint(nums, len(nums))",
      "[6, 13, 0, 25, 9, 25, 23, 4, 19, 17] 10",
    ],
    [
      "hard",
      23,
      "pairs = [(i, j) for i in range(2) for j in range(2, 4) if i != j and (i + j) % 2 == 1]\nprint(pairs, len(pairs))",
      "[(0, 3), (1, 2)] 2",
    ],
    [
      "hard",
      24,
      'nums = [3, 17, -3, 31, 49, -10, -28, 26]\nwords = ["treasure", "sunset", "assessment", "thunder", "mosaic"]\nprint(sorted(nums)[1:-1], sorted(words, key=len)[:3])',
      "[-10, -3, 3, 17, 26, 31] ['sunset', 'mosaic', 'thunder']",
    ],
    ["hard", 30, "x = -35\ny = 4\nprint(x // y, x % y, int(x / y))", "-9 1 -8"],
    [
      "hard",
      32,
      'letters = [c for c in "saddle" if c not in "aeiou"]\nprint(letters[:3], len(letters))',
      "['s', 'd', 'd'] 4",
    ],
    ["hard", 34, "a = [5, 2]\nb = a\nb.append(52)\nprint(a, b)", "[5, 2, 52] [5, 2, 52]"],
    ["hard", 38, "print(12 > 8 == 8, (12 > 8) == 8)", "True False"],
    [
      "hard",
      42,
      "level = 34\n\ndef bump():\n    level = 2\n    return level + 4\n\nprint(bump(), level)",
      "6 34",
    ],
    [
      "hard",
      45,
      "nums = [33, 24, 3, 41, 29]\nresult = nums.sort()\nprint(result, nums)",
      "None [3, 24, 29, 33, 41]",
    ],
    [
      "hard",
      47,
      'result = ""\nfor ch in "banana":\n    if ch not in "aeiou":\n        result = result + ch\n    else:\n        result = ch + result\nprint(result, result[::-1] == result)',
      "aaabnn False",
    ],
    [
      "hard",
      83,
      "def collect(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n\ncollect(9)\ncollect(6)\nprint(collect(32), collect(71, []))",
      "[9, 6, 32] [71]",
    ],
    ["hard", 129, "print(-7 ** 2, (-7) ** 2, 2 ** 2 ** 2)", "-49 49 16"],
    ["hard", 192, "print(0.1 + 0.7, 0.1 + 0.7 == 0.8)", "0.7999999999999999 False"],
  ] as const)("%s/%i prints exactly what CPython printed", (difficulty, index, code, output) => {
    const s = pythonSnippet(difficulty, index);
    expect(s.code).toBe(code);
    expect(s.output).toBe(output);
  });

  it.skipIf(!hasPython3)("matches CPython on 300 generated programs per difficulty", () => {
    const snippets = DIFFICULTIES.flatMap((d) => Array.from({ length: 300 }, (_, i) => pythonSnippet(d, i)));
    const run = spawnSync("python3", ["-I", "-c", DRIVER], {
      input: JSON.stringify(snippets.map((s) => s.code)),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as string[];
    snippets.forEach((s, k) => {
      expect(printed[k], `${s.template}:\n${s.code}`).toBe(`${s.output}\n`);
    });
  });

  it.runIf(!hasPython3)("skips the CPython cross-check: python3 is not installed on this machine", () => {
    expect(hasPython3).toBe(false);
  });
});
