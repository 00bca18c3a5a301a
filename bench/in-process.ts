// In-process throughput, no HTTP: parse + grade + reward per domain on short responses, each stage alone,
// fuzzy grading apart, and what live metrics cost per episode. Run as its own process (forked by run.ts).
import { performance } from "node:perf_hooks";
import type { EpisodeRecord } from "../src/core/episode-record.js";
import { gradeAnswer } from "../src/core/grading/index.js";
import { MetricsAccumulator } from "../src/core/metrics/metrics-accumulator.js";
import { parseResponse } from "../src/core/parse-response.js";
import { computeReward } from "../src/core/reward/compute-reward.js";
import { getPreset } from "../src/core/reward/presets.js";
import { createRng, hashSeed } from "../src/core/rng.js";
import { scoreResponse } from "../src/core/score-response.js";
import { DOMAINS } from "../src/core/taxonomy.js";
import { EchoService } from "../src/env/echo-service.js";
import { toRecord } from "../src/env/to-record.js";
import { MemoryHistory } from "../src/store/memory-history.js";
import { loadBank } from "../src/tasks/load-bank.js";
import type { Task } from "../src/tasks/task.js";
import { mathPairs, responseFor } from "./responses.js";
import { replyToParent, round } from "./stats.js";

export interface InProcessResult {
  /** Responses scored per second (parse + grade + reward), by domain, plus "all" for the mix. */
  score_per_s: Record<string, number>;
  /** Each stage alone over the mix (per second). */
  stage_per_s: { parse: number; grade: number; reward: number };
  /** Fuzzy grading (factual tasks graded with the fuzzy grader), parse + grade + reward per second. */
  fuzzy_score_per_s: number;
  /** MATH-style answers with the math grader: parse + grade + reward, and the grade alone, per second. */
  math_grader: { score_per_s: number; grade_per_s: number };
  /** Graders by kind over the mix: which kinds the domains exercise. */
  grader_kinds: Record<string, number>;
  accumulator: { add_ns: number; report_us: number; service_count_ns: number };
}

type Pair = { task: Task; response: string };

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Runs `body(i)` for about `ms` milliseconds (after a warm-up) and returns calls per second. */
function rate(count: number, body: (i: number) => unknown, ms = 500): number {
  let sink = 0;
  const run = (until: number) => {
    let n = 0;
    while (performance.now() < until) {
      for (let k = 0; k < 256; k++) {
        if (body((n + k) % count)) sink++;
      }
      n += 256;
    }
    return n;
  };
  run(performance.now() + ms / 3);
  const start = performance.now();
  const n = run(start + ms);
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) console.log(sink); // keeps the work observable
  return round(n / seconds, 0);
}

export async function runInProcess(dataDir: string): Promise<InProcessResult> {
  const { bank } = loadBank(dataDir, {});
  const preset = getPreset("calibrated");
  const rng = createRng(hashSeed("bench-in-process"));
  const byDomain = new Map<string, Pair[]>();
  const kinds: Record<string, number> = {};
  for (const domain of DOMAINS) {
    const list = bank.list({ domain }, 11);
    const pairs: Pair[] = [];
    for (let i = 0; i < 2000; i++) {
      const task = list.at(i % list.size);
      pairs.push({ task, response: responseFor(task, rng, { short: true }) });
      kinds[task.grader] = (kinds[task.grader] ?? 0) + 1;
    }
    byDomain.set(domain, pairs);
  }
  const mix = rng.shuffle([...byDomain.values()].flat());

  // Warm every path first, so the first domain measured is not the one paying for the JIT.
  rate(mix.length, (i) => scoreResponse(mix[i]!.task, mix[i]!.response, preset).reward.total > 0, 1500);

  // Three rounds, domains in turn within each, and the median per domain: a passing disturbance (GC, the
  // machine) moves one round, not the figure.
  const rounds: Record<string, number[]> = {};
  const sets: [string, Pair[]][] = [...byDomain, ["all", mix]];
  for (let round = 0; round < 3; round++) {
    for (const [name, pairs] of sets) {
      const perS = rate(
        pairs.length,
        (i) => scoreResponse(pairs[i]!.task, pairs[i]!.response, preset).reward.total > 0,
      );
      rounds[name] = [...(rounds[name] ?? []), perS];
    }
  }
  const score: Record<string, number> = {};
  for (const [name, values] of Object.entries(rounds)) score[name] = median(values);

  const parsed = mix.map((p) => parseResponse(p.response));
  const grades = mix.map((p, i) => gradeAnswer(p.task, parsed[i]!.answer));
  const inputs = parsed.map((p, i) => ({
    confidence: p.confidence,
    correct: grades[i]!.correct,
    score: grades[i]!.score,
    abstained: p.abstained,
    format: p.format,
  }));
  const stage = {
    parse: rate(mix.length, (i) => parseResponse(mix[i]!.response).confidence > 0),
    grade: rate(mix.length, (i) => gradeAnswer(mix[i]!.task, parsed[i]!.answer).correct),
    reward: rate(mix.length, (i) => computeReward(preset, inputs[i]!).total > 0),
  };

  const factual = (byDomain.get("factual") ?? []).filter((p) => p.task.grader === "free_text");
  const fuzzy = factual.map((p) => ({ task: { ...p.task, grader: "fuzzy" as const }, response: p.response }));
  const fuzzyRate = rate(
    fuzzy.length,
    (i) => scoreResponse(fuzzy[i]!.task, fuzzy[i]!.response, preset).reward.total > 0,
  );

  // The math grader on one core: each answer parsed afresh (golds are memoised per task, as in serving).
  const math = mathPairs(rng, 2000);
  const mathAnswers = math.map((p) => parseResponse(p.response).answer);
  // Warm the path first (LaTeX parser creation, JIT), as the mix is warmed above.
  rate(math.length, (i) => scoreResponse(math[i]!.task, math[i]!.response, preset).reward.total > 0, 1000);
  const mathRate = {
    score_per_s: rate(
      math.length,
      (i) => scoreResponse(math[i]!.task, math[i]!.response, preset).reward.total > 0,
    ),
    grade_per_s: rate(math.length, (i) => gradeAnswer(math[i]!.task, mathAnswers[i]!).correct),
  };

  const outcomes = mix.map((p, i) => ({
    confidence: parsed[i]!.confidence,
    correct: grades[i]!.correct,
    abstained: parsed[i]!.abstained,
    format: parsed[i]!.format,
    reward: computeReward(preset, inputs[i]!).total,
    domain: p.task.domain,
    difficulty: p.task.difficulty,
  }));
  const accumulator = new MetricsAccumulator();
  const adds = rate(outcomes.length, (i) => accumulator.add(outcomes[i]!).count > 0);
  const reports = rate(1, () => accumulator.report().count > 0, 300);

  // The service's count path (overall + per domain + curriculum) behind record(), with in-memory history.
  const service = new EchoService({ bank, history: new MemoryHistory(10_000) });
  const records: EpisodeRecord[] = mix
    .slice(0, 256)
    .map((p, i) =>
      toRecord(
        { episode_id: `e${i}`, task: p.task, phase: 1, preset, seed: null, created_at: 0 },
        p.response,
        scoreResponse(p.task, p.response, preset),
        { channel: "batch", session_id: null },
        0,
      ),
    );
  let counted = 0;
  const t0 = performance.now();
  while (performance.now() < t0 + 500) {
    await service.record(records);
    counted += records.length;
  }
  const countNs = ((performance.now() - t0) * 1e6) / counted;
  return {
    score_per_s: score,
    stage_per_s: stage,
    fuzzy_score_per_s: fuzzyRate,
    math_grader: mathRate,
    grader_kinds: kinds,
    accumulator: {
      add_ns: round(1e9 / adds, 1),
      report_us: round(1e6 / reports, 2),
      service_count_ns: round(countNs, 1),
    },
  };
}

if (process.send && process.argv[2]) {
  replyToParent(runInProcess(process.argv[2]));
}
