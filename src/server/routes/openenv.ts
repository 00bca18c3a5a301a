// The OpenEnv HTTP routes: reset, step, state, health, metadata, schema.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Action, EnvState, Observation, StepResult } from "../../env/observation.js";
import { ResetOptions } from "../../env/reset-options.js";
import { StorageStatus } from "../../env/storage-health.js";
import { VERSION } from "../../version.js";
import { ErrorReply, UnprocessableReply } from "../schemas/error-reply.js";

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

/** A 422 is a schema failure (a list of details) or an EchoError such as UNKNOWN_PRESET (one message). */

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

export const openenvRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/reset",
    {
      schema: {
        summary: "Start an episode: draw a question",
        description:
          "Body may be empty. Extra keys choose the question: task_id, domain, difficulty, phase, reward_preset, " +
          "task (an evaluation task). Over HTTP the episode is kept under its episode_id for /step; an " +
          "episode_id naming an unfinished HTTP episode answers 409 (a finished one may be reused).",
        tags: ["openenv"],
        body: ResetOptions,
        response: { 200: StepResult, 404: ErrorReply, 409: ErrorReply, 422: UnprocessableReply },
      },
      preValidation: (request, _reply, done) => {
        request.body ??= {};
        done();
      },
    },
    async (request) => {
      const env = app.httpEpisodes.open(request.body.episode_id);
      const result = env.reset(request.body);
      app.httpEpisodes.register(env);
      return result;
    },
  );

  app.post(
    "/step",
    {
      schema: {
        summary: "Answer the current question and get the reward",
        description:
          "Grades {action: {response}} for the episode named by episode_id, or the most recent HTTP episode " +
          "when none is given. One step ends an episode: stepping it again answers 409. While the history " +
          "cannot be written the step answers 503 STORAGE_UNAVAILABLE with Retry-After, and the episode stays " +
          "open for the same step to be sent again.",
        tags: ["openenv"],
        body: StepRequest,
        response: {
          200: StepResult,
          404: ErrorReply,
          409: ErrorReply,
          422: UnprocessableReply,
          503: ErrorReply,
        },
      },
      preValidation: (request, _reply, done) => {
        request.body = normaliseStepBody(request.body) as typeof request.body;
        done();
      },
    },
    async (request) => {
      const env = app.httpEpisodes.get(request.body.episode_id ?? undefined);
      return env.step(request.body.action);
    },
  );

  app.get(
    "/state",
    {
      schema: {
        summary: "State of an HTTP episode",
        description:
          "The episode named by ?episode_id=, else the most recent HTTP episode, else an empty state.",
        tags: ["openenv"],
        querystring: z.object({ episode_id: z.string().min(1).max(255).optional() }),
        response: { 200: EnvState, 404: ErrorReply },
      },
    },
    async (request) => {
      const { episode_id } = request.query;
      if (episode_id === undefined && app.httpEpisodes.size === 0) return emptyState();
      try {
        return app.httpEpisodes.get(episode_id).state();
      } catch (error) {
        if (episode_id === undefined) return emptyState();
        throw error;
      }
    },
  );

  app.get(
    "/health",
    {
      // Always open: Docker's HEALTHCHECK and Space probes carry no key.
      config: { access: "public" },
      schema: {
        summary: "Liveness, and whether the history takes writes",
        description:
          'Always 200 {"status": "healthy"} while the process serves, as OpenEnv expects; `storage` tells ' +
          "whether writes work. Readiness (503 while they fail) is GET /ready.",
        tags: ["openenv"],
        response: { 200: HealthReply },
      },
    },
    async () => ({ status: "healthy" as const, storage: app.echo.storage.status() }),
  );

  app.get(
    "/metadata",
    { schema: { summary: "What this environment is", tags: ["openenv"], response: { 200: MetadataReply } } },
    async () => ({
      name: "echo_calibration",
      description:
        "ECHO: a calibration environment. Answer with <confidence>0-100</confidence><answer>...</answer>; " +
        "the reward pays for being right and for stating a confidence that matches how often you are right.",
      readme_content: null,
      version: VERSION,
      author: "ECHO contributors",
      documentation_url: "/docs",
    }),
  );

  app.get(
    "/schema",
    {
      schema: {
        summary: "JSON Schemas of the action, observation and state",
        tags: ["openenv"],
        response: { 200: SchemaReply },
      },
    },
    async () => SCHEMAS,
  );
};

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

const SCHEMAS = {
  action: inlineRoot(z.toJSONSchema(Action, { io: "input" }) as Record<string, unknown>),
  observation: inlineRoot(z.toJSONSchema(Observation) as Record<string, unknown>),
  state: inlineRoot(z.toJSONSchema(EnvState) as Record<string, unknown>),
};

function emptyState(): z.infer<typeof EnvState> {
  return {
    episode_id: null,
    step_count: 0,
    session_id: null,
    task_id: null,
    domain: null,
    difficulty: null,
    phase: null,
    reward_preset: null,
    done: false,
    episodes_completed: 0,
    last_reward: null,
  };
}
