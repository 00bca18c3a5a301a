// The OpenEnv HTTP routes: reset, step, state, health, metadata, schema.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { EMPTY_STATE, EnvState, StepResult } from "../../env/observation.js";
import { ResetOptions } from "../../env/reset-options.js";
import { VERSION } from "../../version.js";
import { ErrorReply, UnprocessableReply } from "../schemas/error-reply.js";
import {
  HealthReply,
  MetadataReply,
  normaliseStepBody,
  OPENENV_SCHEMAS,
  SchemaReply,
  StepRequest,
} from "../schemas/openenv.js";

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
      if (episode_id === undefined && app.httpEpisodes.size === 0) return EMPTY_STATE;
      try {
        return app.httpEpisodes.get(episode_id).state();
      } catch (error) {
        if (episode_id === undefined) return EMPTY_STATE;
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
    async () => OPENENV_SCHEMAS,
  );
};
