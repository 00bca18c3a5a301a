import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBaseline } from "../../src/cli/commands/baseline.js";
import { runCompare } from "../../src/cli/commands/compare.js";
import { Comparison } from "../../src/eval/compare.js";
import { byTag, parseXml } from "../eval/xml-tree.js";
import { captureIo } from "../helpers/capture-io.js";

const env = { ECHO_DATA_DIR: "/nonexistent-echo" };
let dir: string;
const file = (agent: string) => join(dir, "responses", `${agent}.jsonl`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "echo-compare-"));
  expect(
    runBaseline({ n: "105", bootstrap: "0", responsesDir: join(dir, "responses") }, captureIo(env)),
  ).toBe(0);
});

describe("echo-env compare", () => {
  it("explains bad usage with exit code 2", () => {
    const cases: [string, Parameters<typeof runCompare>[2], RegExp][] = [
      [file("oracle"), { labels: "before" }, /--labels takes two different names/],
      [file("oracle"), { labels: "x,x" }, /--labels takes two different names/],
      [file("oracle"), { labels: "a,b,c" }, /--labels takes two different names/],
      [file("oracle"), { bootstrap: "-5" }, /--bootstrap must be an integer/],
      [join(dir, "missing.jsonl"), {}, /cannot read .*missing\.jsonl/],
      [file("oracle"), { json: file("oracle"), bootstrap: "0" }, /refusing to overwrite the input/],
    ];
    for (const [b, options, message] of cases) {
      const io = captureIo(env);
      expect(runCompare(file("always-90"), b, options, io)).toBe(2);
      expect(io.err()).toMatch(message);
    }
  });

  it("shows both runs, the differences and paired intervals for the same tasks", () => {
    const io = captureIo(env);
    expect(
      runCompare(file("always-90"), file("oracle"), { labels: "before,after", bootstrap: "200" }, io),
    ).toBe(0);
    const out = io.out();
    expect(out).toMatch(/^metric\s+before\s+after\s+after - before$/m);
    expect(out).toMatch(/^mean_confidence\s+0\.900\s+/m);
    expect(out).toContain("difference: paired (both runs answer the same tasks)");
    expect(out).toMatch(
      /^ece\s+\[[\d.]+, [\d.]+\]\s+\[[\d.]+, [\d.]+\]\s+-[\d.]+ \[-[\d.]+, -[\d.]+\]\s+lower in after$/m,
    );
    // Progress goes to stderr, stage by stage, leaving stdout to the report.
    expect(io.err()).toMatch(
      /^\[1\/3\] before: \d+ lines graded\n\[2\/3\] after: \d+ lines graded\n\[3\/3\] bootstrap: 200 resamples/m,
    );
    expect(out).not.toContain("[1/3]");
  });

  it("defaults the labels to the file names and leaves intervals out with --bootstrap 0", () => {
    const io = captureIo(env);
    expect(runCompare(file("always-50"), file("always-50"), { bootstrap: "0" }, io)).toBe(0);
    expect(io.out()).toMatch(/^metric\s+a\s+b\s+b - a$/m); // same file name twice: a and b
    expect(io.out()).not.toContain("bootstrap intervals");
    const named = captureIo(env);
    runCompare(file("always-50"), file("oracle"), { bootstrap: "0" }, named);
    expect(named.out()).toMatch(/^metric\s+always-50\.jsonl\s+oracle\.jsonl/m);
  });

  it("resamples independently when the runs answer different tasks, and says so", () => {
    const other = join(dir, "other.jsonl");
    writeFileSync(
      other,
      '{"question": "2+2?", "answer": "4", "response": "<confidence>80</confidence><answer>4</answer>"}\n',
    );
    const io = captureIo(env);
    expect(runCompare(file("oracle"), other, { json: true, bootstrap: "100" }, io)).toBe(0);
    const c = Comparison.parse(JSON.parse(io.out()));
    expect(c.bootstrap?.pairing).toMatchObject({ method: "independent", shared_tasks: 0 });
  });

  it("writes a well-formed HTML report and the JSON file", () => {
    const io = captureIo(env);
    const html = join(dir, "cmp.html");
    const json = join(dir, "cmp.json");
    expect(runCompare(file("overconfident"), file("oracle"), { html, json, bootstrap: "50" }, io)).toBe(0);
    const root = parseXml(readFileSync(html, "utf8"));
    expect(byTag(root, "svg", "reliability")).toHaveLength(2);
    expect(Comparison.parse(JSON.parse(readFileSync(json, "utf8"))).labels).toEqual([
      "overconfident.jsonl",
      "oracle.jsonl",
    ]);
  });
});
