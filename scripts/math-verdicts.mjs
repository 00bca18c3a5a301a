#!/usr/bin/env node
// Reads JSON lines {"gold", "answer"} on stdin and writes one JSON line {"correct", "method"} per input line,
// graded by ECHO's math grader from dist/ (build it first with `npm run build`). Used by the Math-Verify
// differential test (scripts/math_differential.py).
import { existsSync, readFileSync } from "node:fs";

const grader = new URL("../dist/core/grading/math/grade-math.js", import.meta.url);
if (!existsSync(grader)) {
  process.stderr.write("dist/ is missing: run `npm run build` first\n");
  process.exit(2);
}
const { gradeMath } = await import(grader.href);
const out = [];
for (const line of readFileSync(0, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const { gold, answer } = JSON.parse(line);
  const { correct, method } = gradeMath(answer, { grader: "math", answer: gold, aliases: [] });
  out.push(JSON.stringify({ correct, method }));
}
process.stdout.write(`${out.join("\n")}\n`);
