// Server configuration from environment variables, validated once at start-up with readable messages.
import { z } from "zod";
import { PRESET_NAMES } from "../core/reward/presets.js";
import { DOMAINS } from "../core/taxonomy.js";
import { SOURCE_KINDS } from "../tasks/task.js";

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

const bool = (name: string) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: `${name} must be true or false` })
    .transform((v) => v === "true" || v === "1" || v === "yes");

export const EnvConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  HOST: z.string().min(1).default("0.0.0.0"),
  ECHO_DATA_DIR: z.string().min(1).default("data"),
  ECHO_DB: z.string().min(1).optional(),
  ECHO_DB_SYNC: z.enum(["full", "normal"], { error: "ECHO_DB_SYNC must be full or normal" }).default("full"),
  REWARD_PRESET: z
    .string()
    .refine((name) => (PRESET_NAMES as string[]).includes(name), {
      error: `REWARD_PRESET must be one of: ${PRESET_NAMES.join(", ")}`,
    })
    .default("calibrated"),
  MAX_CONCURRENT_ENVS: z.coerce.number().int().min(1).max(100_000).default(512),
  SESSION_TIMEOUT_S: z.coerce
    .number()
    .min(1)
    .max(7 * 24 * 3600)
    .default(600),
  ECHO_API_KEY: z.string().min(8, "ECHO_API_KEY must be at least 8 characters").optional(),
  ECHO_PUBLIC_READ: bool("ECHO_PUBLIC_READ").default(true),
  HF_TOKEN: z.string().optional(),
  HF_ENDPOINT: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ECHO_SEED: z.coerce.number().int().min(0).default(0),
  ECHO_DOMAINS: list(DOMAINS, "ECHO_DOMAINS").optional(),
  ECHO_SOURCES: list(SOURCE_KINDS, "ECHO_SOURCES").optional(),
  ECHO_DOMAIN_WEIGHTS: weights(DOMAINS, "ECHO_DOMAIN_WEIGHTS").optional(),
  ECHO_SOURCE_WEIGHTS: weights(SOURCE_KINDS, "ECHO_SOURCE_WEIGHTS").optional(),
  ECHO_MAX_BATCH: z.coerce.number().int().min(1).max(100_000).default(4096),
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
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? "configuration");
    const value = SECRETS.has(key) ? "(hidden)" : JSON.stringify(env[key] ?? "");
    return `  ${key}=${value}: ${issue.message}`;
  });
  throw new ConfigError(`invalid configuration:\n${problems.join("\n")}`);
}
