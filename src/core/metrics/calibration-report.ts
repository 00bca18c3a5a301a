// Wire schema of the calibration metrics: one report per set of episodes, all probabilities on a 0..1 scale.
import { z } from "zod";

const CALIBRATION_SUBSET =
  "over the calibration subset (records whose confidence was stated, i.e. format not missing_confidence or " +
  "empty; abstentions included)";

const probability = (what: string) => z.number().min(0).max(1).nullable().describe(what);

export const ReliabilityBin = z
  .object({
    lower: z.number().describe("Lower bound of the bin as a probability, inclusive"),
    upper: z
      .number()
      .describe(
        "Upper bound of the bin as a probability, exclusive except for the last bin, which holds 1.0",
      ),
    count: z
      .number()
      .int()
      .min(0)
      .describe("Records of the calibration subset whose confidence falls in the bin"),
    mean_confidence: probability("Mean stated confidence in the bin (0..1); null when the bin is empty"),
    accuracy: probability("Fraction correct in the bin (0..1); null when the bin is empty"),
    gap: z
      .number()
      .min(-1)
      .max(1)
      .nullable()
      .describe("mean_confidence - accuracy: positive is overconfident; null when the bin is empty"),
  })
  .meta({ id: "ReliabilityBin" });
export type ReliabilityBin = z.infer<typeof ReliabilityBin>;

export const CalibrationReport = z
  .object({
    count: z.number().int().min(0).describe("All records, including format failures and abstentions"),
    calibrated_count: z
      .number()
      .int()
      .min(0)
      .describe(
        "Records whose confidence was stated (format not missing_confidence or empty), abstentions included",
      ),
    accuracy: probability(`Fraction of correct answers ${CALIBRATION_SUBSET}; null when it is empty`),
    mean_confidence: probability(`Mean stated confidence as a probability (0..1) ${CALIBRATION_SUBSET}`),
    ece: probability(
      "Expected calibration error: count-weighted mean of |gap| over the 10 equal-width bins, " +
        `${CALIBRATION_SUBSET}; null when it is empty`,
    ),
    mce: probability(
      "Maximum calibration error: largest |gap| over non-empty bins; null when there are none",
    ),
    brier: probability(
      `Mean (p - o)^2 with p the stated probability and o 1 if correct, ${CALIBRATION_SUBSET}`,
    ),
    sharpness: z
      .number()
      .min(0)
      .max(0.25)
      .nullable()
      .describe(`Variance of the stated probabilities ${CALIBRATION_SUBSET}; null when it is empty`),
    reliability: probability(
      "Murphy reliability: mean over records of (p - accuracy at that confidence level)^2, grouping by the " +
        "101 integer confidence levels; brier = reliability - resolution + uncertainty",
    ),
    resolution: probability(
      "Murphy resolution: mean over records of (accuracy at the record's confidence level - overall accuracy)^2",
    ),
    uncertainty: probability("Murphy uncertainty: accuracy * (1 - accuracy) of the calibration subset"),
    auroc: probability(
      "Probability that a correct answer's confidence exceeds a wrong one's (ties count 1/2), " +
        `${CALIBRATION_SUBSET}; null without both correct and wrong answers`,
    ),
    overconfidence_rate: probability(
      `Share of wrong answers stated at confidence >= 80, ${CALIBRATION_SUBSET}; null without wrong answers`,
    ),
    severe_overconfidence_rate: probability(
      `Share of wrong answers stated at confidence >= 95, ${CALIBRATION_SUBSET}; null without wrong answers`,
    ),
    hallucination_rate: probability(
      "Deprecated alias of severe_overconfidence_rate (same value), kept for existing clients; not the " +
        "study's hallucination, which is confident_fabrication_rate",
    ),
    underconfidence_rate: probability(
      `Share of correct answers stated at confidence <= 20, ${CALIBRATION_SUBSET}; null without correct answers`,
    ),
    abstention_rate: probability("Share of ALL records where the model abstained; null when count is 0"),
    format_failure_rate: probability(
      "Share of ALL records with a format failure (missing_confidence, missing_answer or empty); null when count is 0",
    ),
    false_confidence_rate: probability(
      "Share wrong among confident answers: substantive answers (not a decline, not missing) stated at " +
        "confidence >= 80, answerable and unanswerable questions alike; null without confident answers",
    ),
    refusal_rate_answerable: probability(
      "Share of records of answerable questions where the model declined; null without answerable records",
    ),
    refusal_rate_unanswerable: probability(
      "Share of records of unanswerable questions where the model declined (the right answer there); null " +
        "without unanswerable records",
    ),
    confident_fabrication_rate: probability(
      "Share of records of unanswerable questions answered substantively at confidence >= 80 (should have " +
        "declined, answered confidently: the study's hallucination); null without unanswerable records",
    ),
    mean_reward: z.number().nullable().describe("Mean reward over ALL records; null when count is 0"),
    bins: z
      .array(ReliabilityBin)
      .length(10)
      .describe(
        `Reliability table ${CALIBRATION_SUBSET}: always the 10 bins [0,0.1), [0.1,0.2), ..., [0.9,1.0]`,
      ),
  })
  .meta({ id: "CalibrationReport" });
export type CalibrationReport = z.infer<typeof CalibrationReport>;
