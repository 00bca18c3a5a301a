// GET /rewards: the reward presets, their formulas, and whether each one pays for honest confidence.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditPreset } from "../../core/reward/audit.js";
import { type AuditReport, AuditSummary, summariseAudit } from "../../core/reward/audit-report.js";
import { RewardPreset } from "../../core/reward/preset.js";
import { UnprocessableReply } from "../schemas/error-reply.js";

export const PresetAudit = AuditSummary.describe(
  "Properness audit of the preset; the per-q tables only with ?curve=true",
).meta({ id: "PresetAudit" });

export const PresetInfo = RewardPreset.extend({
  default: z.boolean().describe("Whether this preset pays when a request names none (REWARD_PRESET)"),
  audit: PresetAudit,
}).meta({ id: "PresetInfo" });
export type PresetInfo = z.infer<typeof PresetInfo>;

export const RewardsReply = z
  .object({
    default_preset: z.string().describe("Preset used when a reset or /reward names none (REWARD_PRESET)"),
    presets: z.array(PresetInfo).describe("Every preset this server knows"),
  })
  .meta({ id: "RewardsReply" });

export const RewardsQuery = z.object({
  curve: z
    .enum(["true", "false"])
    .default("false")
    .describe("Include each audit's best-response curve (101 points per preset)"),
});

// Audits are pure and a few milliseconds each: run once per preset per process, on first request.
const audits = new WeakMap<RewardPreset, AuditReport>();
function auditOf(preset: RewardPreset): AuditReport {
  let audit = audits.get(preset);
  if (!audit) {
    audit = auditPreset(preset);
    audits.set(preset, audit);
  }
  return audit;
}

export const rewardPresetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/rewards",
    {
      schema: {
        summary: "Reward presets, their formulas and properness audits",
        description:
          "A proper preset pays most for stating one's true chance of being right; the audit also says " +
          "whether a deliberately wrong answer or an abstention can beat honest answering.",
        tags: ["rewards"],
        querystring: RewardsQuery,
        response: { 200: RewardsReply, 422: UnprocessableReply },
      },
    },
    async (request) => {
      const curve = request.query.curve === "true";
      const { presets, defaultPreset } = app.echo;
      return {
        default_preset: defaultPreset,
        presets: Object.values(presets).map((preset): PresetInfo => {
          const audit = auditOf(preset);
          return {
            name: preset.name,
            description: preset.description,
            formula: preset.formula,
            config: preset.config,
            default: preset.name === defaultPreset,
            audit: curve ? audit : summariseAudit(audit),
          };
        }),
      };
    },
  );
};
