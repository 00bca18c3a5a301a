// GET /bank: what the task bank holds (counts per domain x difficulty x source) and how it samples.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { BankOptions, BankSummary } from "../../tasks/bank.js";

export const BankReply = z
  .object({
    summary: BankSummary,
    options: BankOptions.describe("Domains, sources and weights the bank samples with (from configuration)"),
  })
  .meta({ id: "BankReply" });

export const bankRoutes: FastifyPluginAsyncZod = async (app) => {
  const reply = { summary: app.echo.bank.summary(), options: app.echo.bank.options };
  app.get(
    "/bank",
    {
      schema: {
        summary: "What the task bank holds",
        description:
          "Counts per domain x difficulty x source (generated pools at their pool size; cached Hub datasets " +
          "included) and the sampling configuration. Run 'echo-env tasks download' to add real datasets.",
        tags: ["tasks"],
        response: { 200: BankReply },
      },
    },
    async () => reply,
  );
};
