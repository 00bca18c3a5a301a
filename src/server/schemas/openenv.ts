// The OpenEnv wire shapes the transport adds around the environment's own (env/observation.ts: the action,
// observation, step result and state): the step request, health, metadata and /schema replies.
import { z } from "zod";
import { Action, EnvState, Observation } from "../../env/observation.js";
import { StorageStatus } from "../../env/storage-health.js";

export const StepRequest = z
  .object({
    action: Action.describe(
      "The action; the original ECHO forms {response} and {action: string} are also accepted",
    ),
    episode_id: z
      .string()
      .min(1)
      .max(255)
      .nullish()
      .describe("HTTP episode to step; without it, the most recent HTTP episode"),
    timeout_s: z.number().gt(0).nullish().describe("Accepted for OpenEnv compatibility; grading never waits"),
    request_id: z.string().max(255).nullish().describe("Client's request id, echoed in logs"),
  })
  .loose()
  .meta({ id: "StepRequest" });

export const HealthReply = z
  .object({
    status: z.literal("healthy").describe("Always healthy while the process serves (OpenEnv's liveness)"),
    storage: StorageStatus.describe(
      "Whether the history takes writes; GET /ready answers 503 while it does not",
    ),
  })
  .meta({ id: "HealthResponse" });

export const MetadataReply = z
  .object({
    name: z.string(),
    description: z.string(),
    readme_content: z.string().nullable(),
    version: z.string(),
    author: z.string().nullable(),
    documentation_url: z.string().nullable(),
  })
  .meta({ id: "EnvironmentMetadata" });

const JsonSchema = z.record(z.string(), z.unknown());
export const SchemaReply = z
  .object({ action: JsonSchema, observation: JsonSchema, state: JsonSchema })
  .meta({ id: "SchemaResponse" });

/** The original ECHO's step bodies, {response} and {action: "<string>"}, in OpenEnv's {action: {...}} form. */
export function normaliseStepBody(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const b = body as Record<string, unknown>;
  if (typeof b.action === "string") return { ...b, action: { response: b.action } };
  if (b.action === undefined && typeof b.response === "string") {
    const { response, ...rest } = b;
    return { ...rest, action: { response } };
  }
  return body;
}

/** A schema with its root inlined, so `properties` sits at the top as in pydantic's model_json_schema(). */
function inlineRoot(schema: Record<string, unknown>): Record<string, unknown> {
  const { $ref, $defs, ...rest } = schema as {
    $ref?: string;
    $defs?: Record<string, Record<string, unknown>>;
  };
  const name = $ref?.startsWith("#/$defs/") ? $ref.slice("#/$defs/".length) : undefined;
  if (!name || !$defs?.[name]) return schema;
  const { [name]: root, ...others } = $defs;
  if (JSON.stringify([root, others]).includes(`"${$ref}"`)) return schema; // recursive: keep the $ref
  const inlined = { ...rest, ...root };
  return Object.keys(others).length > 0 ? { ...inlined, $defs: others } : inlined;
}

/** GET /schema's reply: the action, observation and state as OpenEnv clients read them. */
export const OPENENV_SCHEMAS = {
  action: inlineRoot(z.toJSONSchema(Action, { io: "input" }) as Record<string, unknown>),
  observation: inlineRoot(z.toJSONSchema(Observation) as Record<string, unknown>),
  state: inlineRoot(z.toJSONSchema(EnvState) as Record<string, unknown>),
};
