// The "epistemic fingerprint": per-domain calibration at a glance, with the weakest and strongest domain.
import { z } from "zod";
import { DOMAINS, Domain } from "../taxonomy.js";
import type { CalibrationReport } from "./calibration-report.js";

export const DomainFingerprint = z
  .object({
    domain: Domain,
    empty: z.boolean().describe("True when the domain has no episode with a stated confidence (not scored)"),
    count: z.number().int().describe("Episodes with a stated confidence in this domain"),
    calibration_score: z
      .number()
      .nullable()
      .describe("1 - ECE, in [0, 1]; higher is better calibrated; null when empty"),
    ece: z.number().nullable().describe("Expected calibration error over 10 bins"),
    brier: z.number().nullable().describe("Mean squared error of the stated probability"),
    accuracy: z.number().nullable().describe("Share of correct answers"),
    mean_confidence: z.number().nullable().describe("Mean stated probability (0..1)"),
    overconfidence_rate: z
      .number()
      .nullable()
      .describe("Wrong answers at confidence >= 80, among wrong answers"),
  })
  .meta({ id: "DomainFingerprint" });
export type DomainFingerprint = z.infer<typeof DomainFingerprint>;

export const Fingerprint = z
  .object({
    domains: z.array(DomainFingerprint).describe("One entry per domain, in the fixed domain order"),
    weakest: Domain.nullable().describe("Ranked domain with the lowest calibration score, or null"),
    strongest: Domain.nullable().describe("Ranked domain with the highest calibration score, or null"),
    min_episodes: z.number().int().describe("Episodes a domain needs before it is ranked weakest/strongest"),
  })
  .meta({ id: "Fingerprint" });
export type Fingerprint = z.infer<typeof Fingerprint>;

/**
 * @example fingerprintOf({ math: computeMetrics(records) }, 5).weakest
 */
export function fingerprintOf(
  reports: Partial<Record<Domain, CalibrationReport>>,
  minEpisodes = 5,
  domains: readonly Domain[] = DOMAINS,
): Fingerprint {
  const entries = domains.map((domain): DomainFingerprint => {
    const r = reports[domain];
    const count = r?.calibrated_count ?? 0;
    const ece = count > 0 ? (r?.ece ?? null) : null;
    return {
      domain,
      empty: count === 0,
      count,
      calibration_score: ece === null ? null : 1 - ece,
      ece,
      brier: count > 0 ? (r?.brier ?? null) : null,
      accuracy: count > 0 ? (r?.accuracy ?? null) : null,
      mean_confidence: count > 0 ? (r?.mean_confidence ?? null) : null,
      overconfidence_rate: count > 0 ? (r?.overconfidence_rate ?? null) : null,
    };
  });
  const ranked = entries.filter((e) => e.calibration_score !== null && e.count >= minEpisodes);
  const byScore = [...ranked].sort(
    (a, b) => (a.calibration_score as number) - (b.calibration_score as number),
  );
  return {
    domains: entries,
    weakest: byScore[0]?.domain ?? null,
    strongest: byScore.at(-1)?.domain ?? null,
    min_episodes: minEpisodes,
  };
}
