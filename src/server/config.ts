// Server configuration from environment variables, validated once at start-up with readable messages.
import { z } from "zod";
import { CurriculumConfig } from "../core/curriculum.js";
import { PRESET_NAMES, resolvePreset } from "../core/reward/presets.js";
import { DOMAINS } from "../core/taxonomy.js";
import { issueDetails } from "../core/validation-issues.js";
import { SOURCE_KINDS } from "../tasks/task.js";

/** The curriculum's own floor for its rolling window (it measures ECE over at least this many episodes). */
const CURRICULUM_MIN_WINDOW = CurriculumConfig.shape.window.unwrap().minValue ?? 1;

const list = <T extends string>(values: readonly [T, ...T[]], name: string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { error: `${name} entries must be among: ${values.join(", ")}` })).min(1));

const weights = <T extends string>(values: readonly [T, ...T[]], name: string) =>
  z.string().transform((s, ctx) => {
    const out: Partial<Record<T, number>> = {};
    for (const part of s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean)) {
      const [key, value] = part.split("=").map((x) => x.trim());
      const weight = Number(value);
      if (!values.includes(key as T) || !Number.isFinite(weight) || weight < 0) {
        ctx.addIssue({
          code: "custom",
          message: `${name} must look like "${values[0]}=2,${values[1] ?? values[0]}=1" with keys among ${values.join(", ")} and weights >= 0; got "${part}"`,
        });
        return z.NEVER;
      }
      out[key as T] = weight;
    }
    return out;
  });

/** A numeric variable. Number(" ") is 0, so a blank value is refused rather than read as 0 (port 0: random). */
const numeric = (name: string, schema: z.ZodNumber) =>
  z
    .string()
    .trim()
    .min(1, `${name} is blank; give a number or leave it unset`)
    .transform(Number)
    .pipe(schema);

const bool = (name: string) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: `${name} must be true or false` })
    .transform((v) => v === "true" || v === "1" || v === "yes");

export const EnvConfig = z.object({
  PORT: numeric("PORT", z.number().int().min(0).max(65535)).default(8000),
  HOST: z.string().min(1).default("0.0.0.0"),
  ECHO_DATA_DIR: z.string().min(1).default("data"),
  ECHO_DB: z.string().min(1).optional(),
  ECHO_DB_SYNC: z.enum(["full", "normal"], { error: "ECHO_DB_SYNC must be full or normal" }).default("full"),
  REWARD_PRESET: z
    .string()
    .refine((name) => resolvePreset(name).ok, {
      error: `REWARD_PRESET must be one of: ${PRESET_NAMES.join(", ")}`,
    })
    .default("calibrated"),
  MAX_CONCURRENT_ENVS: numeric("MAX_CONCURRENT_ENVS", z.number().int().min(1).max(100_000)).default(512),
  SESSION_TIMEOUT_S: numeric(
    "SESSION_TIMEOUT_S",
    z
      .number()
      .min(1)
      .max(7 * 24 * 3600),
  ).default(600),
  // Trimmed: a pasted key often ends in a newline. Inner whitespace could never match a Bearer token.
  ECHO_API_KEY: z
    .string()
    .trim()
    .min(8, "ECHO_API_KEY must be at least 8 characters")
    .refine((key) => !/\s/.test(key), {
      error:
        "ECHO_API_KEY must not contain spaces, tabs or line breaks: clients send it as one Bearer token, " +
        "which cannot hold them",
    })
    .optional(),
  ECHO_PUBLIC_READ: bool("ECHO_PUBLIC_READ").default(true),
  HF_TOKEN: z.string().optional(),
  HF_ENDPOINT: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ECHO_SEED: numeric("ECHO_SEED", z.number().int().min(0)).default(0),
  ECHO_DOMAINS: list(DOMAINS, "ECHO_DOMAINS").optional(),
  ECHO_SOURCES: list(SOURCE_KINDS, "ECHO_SOURCES").optional(),
  ECHO_DOMAIN_WEIGHTS: weights(DOMAINS, "ECHO_DOMAIN_WEIGHTS").optional(),
  ECHO_SOURCE_WEIGHTS: weights(SOURCE_KINDS, "ECHO_SOURCE_WEIGHTS").optional(),
  ECHO_MAX_BATCH: numeric("ECHO_MAX_BATCH", z.number().int().min(1).max(100_000)).default(4096),
  // Unset ones keep the curriculum's own defaults (src/core/curriculum.ts).
  ECHO_CURRICULUM_ECE: numeric(
    "ECHO_CURRICULUM_ECE",
    z
      .number()
      .gt(0, "ECHO_CURRICULUM_ECE must be above 0")
      .lt(1, "ECHO_CURRICULUM_ECE must be below 1 (an ECE threshold, e.g. 0.2)"),
  ).optional(),
  ECHO_CURRICULUM_MIN_EPISODES: numeric(
    "ECHO_CURRICULUM_MIN_EPISODES",
    z.number().int("ECHO_CURRICULUM_MIN_EPISODES must be a whole number").min(1),
  ).optional(),
  ECHO_CURRICULUM_WINDOW: numeric(
    "ECHO_CURRICULUM_WINDOW",
    z
      .number()
      .int("ECHO_CURRICULUM_WINDOW must be a whole number")
      .min(
        CURRICULUM_MIN_WINDOW,
        `ECHO_CURRICULUM_WINDOW must be at least ${CURRICULUM_MIN_WINDOW} episodes`,
      ),
  ).optional(),
});
export type EnvConfig = z.infer<typeof EnvConfig>;

export class ConfigError extends Error {}

/** Variables whose values never appear in a message. */
const SECRETS = new Set(["ECHO_API_KEY", "HF_TOKEN"]);

/** Reads the configuration; empty strings count as unset. Throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): EnvConfig {
  const present = Object.fromEntries(
    Object.keys(EnvConfig.shape)
      .map((key) => [key, env[key]])
      .filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = EnvConfig.safeParse(present);
  if (parsed.success) {
    if (parsed.data.ECHO_PUBLIC_READ || parsed.data.ECHO_API_KEY !== undefined) return parsed.data;
    // Asking for private reads without a key would silently leave everything open.
    const value = JSON.stringify(env.ECHO_PUBLIC_READ);
    throw new ConfigError(
      `invalid configuration:\n  ECHO_PUBLIC_READ=${value}: protecting read routes needs ECHO_API_KEY; set a key`,
    );
  }
  const problems = issueDetails(parsed.error.issues).map((issue) => {
    const key = String(issue.loc[0] ?? "configuration");
    const value = SECRETS.has(key) ? "(hidden)" : JSON.stringify(env[key] ?? "");
    return `  ${key}=${value}: ${issue.msg}`;
  });
  throw new ConfigError(`invalid configuration:\n${problems.join("\n")}`);
}
