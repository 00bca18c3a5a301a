// GET /curriculum and POST|PUT /curriculum: the phase state machine, its difficulty mixes, and setting a phase.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Curriculum } from "../../core/curriculum.js";
import { ADVERSARIAL_SHARE, CurriculumState, PHASE_MIX, showsDifficulty } from "../../core/curriculum.js";
import { Phase } from "../../core/taxonomy.js";
import { ErrorReply, UnprocessableReply } from "../schemas/error-reply.js";

const percent = (what: string) => z.number().int().min(0).max(100).describe(`Percent of ${what} draws`);

export const PhaseMix = z
  .object({
    phase: Phase,
    easy: percent("easy"),
    medium: percent("medium"),
    hard: percent("hard"),
    shows_difficulty: z.boolean().describe("Whether prompts in this phase show the difficulty"),
  })
  .meta({ id: "PhaseMix" });

export const CurriculumReply = CurriculumState.extend({
  phase_mix: z.array(PhaseMix).describe("The difficulty mix each phase draws from, phases 1 to 3"),
  adversarial_share: z
    .number()
    .min(0)
    .max(1)
    .describe("Share of phase-3 hard draws taken from adversarial items when a bucket has any"),
}).meta({ id: "CurriculumReply" });
export type CurriculumReply = z.infer<typeof CurriculumReply>;

const PHASE_MESSAGE = "phase must be 1, 2 or 3";

export const CurriculumUpdate = z
  .object({
    phase: z
      .number({ error: PHASE_MESSAGE })
      .int(PHASE_MESSAGE)
      .min(1, PHASE_MESSAGE)
      .max(3, PHASE_MESSAGE)
      .optional()
      .describe("Phase to move to (1, 2 or 3); the phase's rolling window starts afresh when it changes"),
    pinned: z
      .boolean()
      .optional()
      .describe(
        "true pins the phase (it never advances on its own), false unpins it; default: left as it is",
      ),
  })
  .strict()
  .refine((body) => body.phase !== undefined || body.pinned !== undefined, {
    message: 'send phase (1, 2 or 3) and/or pinned (true or false), e.g. {"phase": 2, "pinned": true}',
  })
  .meta({ id: "CurriculumUpdate" });

const PHASE_MIXES = ([1, 2, 3] as const).map((phase) => ({
  phase,
  ...PHASE_MIX[phase],
  shows_difficulty: showsDifficulty(phase),
}));

function replyOf(curriculum: Curriculum): CurriculumReply {
  return { ...curriculum.state(), phase_mix: PHASE_MIXES, adversarial_share: ADVERSARIAL_SHARE };
}

export const curriculumRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/curriculum",
    {
      schema: {
        summary: "Curriculum phase, its progress, and each phase's difficulty mix",
        tags: ["curriculum"],
        response: { 200: CurriculumReply },
      },
    },
    async () => replyOf(app.echo.curriculum),
  );

  app.route({
    method: ["POST", "PUT"],
    url: "/curriculum",
    schema: {
      summary: "Set and/or pin the curriculum phase",
      description:
        '{"phase": 2} moves to phase 2, {"phase": 3, "pinned": true} pins phase 3, {"pinned": false} alone ' +
        "unpins the current phase. Resets and /reward batches without a phase then use it. The change is " +
        "stored first: while the history cannot be written it answers 503 STORAGE_UNAVAILABLE with " +
        "Retry-After and the phase stays as it was.",
      tags: ["curriculum"],
      body: CurriculumUpdate,
      response: { 200: CurriculumReply, 422: UnprocessableReply, 503: ErrorReply },
    },
    handler: async (request) => {
      const curriculum = app.echo.curriculum;
      const { phase, pinned } = request.body;
      app.echo.setPhase(phase ?? curriculum.phase, pinned ?? curriculum.pinned);
      return replyOf(curriculum);
    },
  });
};
