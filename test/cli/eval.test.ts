import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runEval } from "../../src/cli/commands/eval.js";
import { EvalReport } from "../../src/eval/eval-report.js";
import { MIXED_LINES } from "../eval/fixtures.js";
import { byTag, parseXml } from "../eval/xml-tree.js";
import { captureIo } from "../helpers/capture-io.js";

let dir: string;
let mixed: string;
const env = { ECHO_DATA_DIR: "/nonexistent-echo" };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "echo-eval-"));
  mixed = join(dir, "mixed.jsonl");
  writeFileSync(mixed, MIXED_LINES);
});

describe("echo-env eval", () => {
  it("explains bad usage with exit code 2", () => {
    const missing = captureIo(env);
    expect(runEval(join(dir, "nope.jsonl"), {}, missing)).toBe(2);
    expect(missing.err()).toMatch(/error: cannot read .*nope\.jsonl/);
    const preset = captureIo(env);
    expect(runEval(mixed, { preset: "nope" }, preset)).toBe(2);
    expect(preset.err()).toMatch(/unknown reward preset "nope"; valid presets: echo, rlcr, calibrated/);
    const format = captureIo(env);
    expect(runEval(mixed, { responseFormat: "json" }, format)).toBe(2);
    expect(format.err()).toMatch(/--response-format must be one of tags, answer_line/);
  });

  it("grades answer lines with --response-format answer_line", () => {
    const file = join(dir, "lines.jsonl");
    const lines = [
      {
        question: "Is 2 even?",
        answer: "yes",
        grader: "yes_no",
        response: "Even.\nANSWER: YES with 90% probability",
      },
      { question: "2+2?", answer: "4", response: "answer: 5 with 60% confidence" },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
    const records = join(dir, "lines-records.jsonl");
    const io = captureIo(env);
    expect(runEval(file, { responseFormat: "answer_line", records }, io)).toBe(0);
    const verdicts = readFileSync(records, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(verdicts.map((v) => [v.parsed_answer, v.parsed_confidence, v.is_correct, v.format])).toEqual([
      ["YES", 90, true, "clean"],
      ["5", 60, false, "clean"],
    ]);
  });

  it("prints overall, per-domain and per-difficulty rows, the reliability table and the fingerprint", () => {
    const io = captureIo(env);
    expect(runEval(mixed, {}, io)).toBe(0);
    const out = io.out();
    expect(out).toContain("mixed.jsonl (preset calibrated): 12 lines, 7 graded, 4 bad, 1 unknown task ids");
    for (const row of ["all", "math", "factual", "creative", "unspecified", "easy", "medium"]) {
      expect(out).toMatch(new RegExp(`^${row}\\s+\\d+\\s`, "m"));
    }
    expect(out).toMatch(/^\[0\.9, 1\.0\]\s+2\s+0\.925\s+0\.500/m);
    expect(out).toMatch(/fingerprint: weakest/);
    // The two "unspecified" rows sit under their own section names.
    const lines = out.split("\n").map((line) => line.trim());
    const byDomain = lines.indexOf("by domain:");
    const byDifficulty = lines.indexOf("by difficulty:");
    expect(byDomain).toBeGreaterThan(0);
    expect(byDifficulty).toBeGreaterThan(byDomain);
    const unspecified = lines.flatMap((line, i) => (line.startsWith("unspecified") ? [i] : []));
    expect(unspecified.filter((i) => i > byDomain && i < byDifficulty)).toHaveLength(1);
    expect(unspecified.filter((i) => i > byDifficulty)).toHaveLength(1);
  });

  it("reports every bad line with its number on stderr and keeps going", () => {
    const io = captureIo(env);
    runEval(mixed, {}, io);
    expect(io.err().trim().split("\n")).toEqual([
      expect.stringMatching(/^mixed\.jsonl:3: invalid_json: not valid JSON/),
      expect.stringMatching(/^mixed\.jsonl:4: unknown_task_id: unknown task id "no\/such\/task"/),
      expect.stringMatching(/^mixed\.jsonl:7: invalid_gold: /),
      expect.stringMatching(/^mixed\.jsonl:8: invalid_line: /),
      expect.stringMatching(/^mixed\.jsonl:11: invalid_line: /),
    ]);
  });

  it("prints JSON that validates against the EvalReport schema, with the preset from the environment", () => {
    const io = captureIo({ ...env, REWARD_PRESET: "rlcr" });
    expect(runEval(mixed, { json: true, label: "mine" }, io)).toBe(0);
    const report = EvalReport.parse(JSON.parse(io.out()));
    expect(report).toMatchObject({ label: "mine", preset: "rlcr", lines: { graded: 7 } });
  });

  it("writes the JSON, HTML and SVG files it is asked for", () => {
    const io = captureIo(env);
    const out = join(dir, "out");
    const options = { json: join(out, "r.json"), html: join(out, "r.html"), svgDir: join(out, "svg") };
    expect(runEval(mixed, options, io)).toBe(0);
    expect(io.out()).toContain(`wrote ${options.html}`);
    EvalReport.parse(JSON.parse(readFileSync(options.json, "utf8")));
    expect(parseXml(readFileSync(options.html, "utf8")).name).toBe("html");
    expect(readdirSync(options.svgDir).sort()).toEqual([
      "fingerprint.svg",
      "histogram.svg",
      "reliability.svg",
    ]);
    const reliability = parseXml(readFileSync(join(options.svgDir, "reliability.svg"), "utf8"));
    expect(byTag(reliability, "rect", "bin")).toHaveLength(10);
  });

  it("exits 1 when no line can be graded, still listing the problems", () => {
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{oops\n{"task_id": "no/such", "response": "x"}\n');
    const io = captureIo(env);
    expect(runEval(bad, {}, io)).toBe(1);
    expect(io.err()).toContain("bad.jsonl:1: invalid_json");
    expect(io.err()).toContain("error: no line could be graded");
    expect(io.out()).toContain("2 lines, 0 graded, 1 bad, 1 unknown task ids");
  });
});

describe("echo-env eval --records", () => {
  it("writes one verdict line per graded input line, in input order, with the fields a person reads", () => {
    const io = captureIo(env);
    const out = join(dir, "verdicts", "records.jsonl");
    expect(runEval(mixed, { records: out }, io)).toBe(0);
    expect(io.out()).toContain(`wrote ${out}`);
    const lines = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // 12 lines, 7 graded (4 bad, 1 unknown task id): one record each, numbered by input line, ascending.
    expect(lines).toHaveLength(7);
    const numbers = lines.map((l) => l.line as number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers).not.toContain(3);
    expect(numbers).not.toContain(4);
    for (const record of lines) {
      expect(Object.keys(record)).toEqual([
        "line",
        "task_id",
        "is_correct",
        "score",
        "parsed_answer",
        "parsed_confidence",
        "format",
        "grading_method",
        "reward",
      ]);
      expect(typeof record.is_correct).toBe("boolean");
      expect(record.parsed_confidence).toEqual(expect.any(Number));
      expect(record.reward).toEqual(expect.any(Number));
    }
  });

  it("records each verdict as the report counts it", () => {
    const file = join(dir, "two.jsonl");
    writeFileSync(
      file,
      [
        JSON.stringify({
          question: "2+2?",
          answer: "4",
          response: "<confidence>90</confidence><answer>4</answer>",
        }),
        "",
        JSON.stringify({
          question: "Pick",
          answer: "B",
          choices: ["go slowly", "stop"],
          response: "<think>hmm <answer>A) stop</answer><confidence>0.7</confidence>",
        }),
      ].join("\n"),
    );
    const out = join(dir, "two-records.jsonl");
    expect(runEval(file, { records: out }, captureIo(env))).toBe(0);
    const [first, second] = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(first).toMatchObject({
      line: 1,
      task_id: null,
      is_correct: true,
      parsed_answer: "4",
      format: "clean",
    });
    expect(second).toMatchObject({
      line: 3,
      is_correct: false,
      parsed_answer: "A) stop",
      parsed_confidence: 70,
      format: "repaired",
      grading_method: "mc/contradiction",
    });
  });

  it("refuses to write the records over the input", () => {
    const io = captureIo(env);
    expect(runEval(mixed, { records: mixed }, io)).toBe(2);
    expect(io.err()).toMatch(/refusing to overwrite the input/);
  });

  it("reports self-consistency for a file with several responses per task, in text, JSON and HTML", () => {
    const file = fileURLToPath(new URL("../fixtures/eval/self-consistency.jsonl", import.meta.url));
    const text = captureIo(env);
    expect(runEval(file, {}, text)).toBe(0);
    expect(text.out()).toContain("self-consistency (3 tasks with several responses, 10 responses)");
    // agreement 11/18, single 5/10, majority 2/3, weighted 1/3, AUROC agreement 0.66, confidence 0.42.
    expect(text.out()).toMatch(/^0\.611\s+0\.500\s+0\.667\s+0\.333\s+0\.660\s+0\.420\s*$/m);
    const out = join(dir, "groups");
    const files = captureIo(env);
    expect(runEval(file, { json: join(out, "r.json"), html: join(out, "r.html") }, files)).toBe(0);
    const report = EvalReport.parse(JSON.parse(readFileSync(join(out, "r.json"), "utf8")));
    expect(report.groups).toMatchObject({ tasks: 3, responses: 10, single_accuracy: 0.5 });
    const html = readFileSync(join(out, "r.html"), "utf8");
    expect(parseXml(html).name).toBe("html");
    expect(html).toContain("Self-consistency (3 tasks with several responses)");
    expect(html).toContain(
      "<td>0.611</td><td>0.500</td><td>0.667</td><td>0.333</td><td>0.660</td><td>0.420</td>",
    );
  });

  it("leaves self-consistency out when every task has one response", () => {
    const io = captureIo(env);
    expect(runEval(mixed, {}, io)).toBe(0);
    expect(io.out()).not.toContain("self-consistency");
  });
});
