// GET /metrics, /metrics/{domain}, /fingerprint and /history: what the recorded episodes say about calibration.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { EpisodeRecord } from "../../core/episode-record.js";
import { CalibrationReport } from "../../core/metrics/calibration-report.js";
import { Fingerprint } from "../../core/metrics/fingerprint.js";
import { DOMAINS, type Domain } from "../../core/taxonomy.js";
import { envError } from "../../env/errors.js";
import { HistoryFilter } from "../../store/history-store.js";
import { ErrorReply, UnprocessableReply } from "../schemas/error-reply.js";
import { filterOf, MetricsQuery } from "../schemas/metrics-query.js";
import { pageOf, pagingQuery } from "../schemas/paging.js";

export const HistoryQuery = HistoryFilter.extend(pagingQuery(50, 500));

export const HistoryPage = pageOf(EpisodeRecord, "Episodes of this page, newest first").meta({
  id: "HistoryPage",
});

const DomainParams = z.object({
  domain: z
    .string()
    .max(100)
    .describe(`One of: ${DOMAINS.join(", ")}`),
});

const isDomain = (name: string): name is Domain => (DOMAINS as readonly string[]).includes(name);

const FILTERS =
  "Filters (session, phase, preset, domain, difficulty, channel) and window (newest N) narrow the episodes; " +
  "without any, the live all-time figures are returned.";

export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/metrics",
    {
      schema: {
        summary: "Calibration metrics over recorded episodes",
        description: FILTERS,
        tags: ["metrics"],
        querystring: MetricsQuery,
        response: { 200: CalibrationReport, 422: UnprocessableReply, 503: ErrorReply },
      },
    },
    async (request) => {
      const { filter, window } = filterOf(request.query);
      return app.echo.live.metrics(filter, window);
    },
  );

  app.get(
    "/metrics/:domain",
    {
      schema: {
        summary: "Calibration metrics of one domain",
        description: FILTERS,
        tags: ["metrics"],
        params: DomainParams,
        querystring: MetricsQuery.omit({ domain: true }),
        response: { 200: CalibrationReport, 404: ErrorReply, 422: UnprocessableReply, 503: ErrorReply },
      },
    },
    async (request) => {
      const { domain } = request.params;
      if (!isDomain(domain)) {
        throw envError("UNKNOWN_DOMAIN", { name: domain, valid: DOMAINS }, { valid: [...DOMAINS] });
      }
      const { filter, window } = filterOf(request.query);
      return app.echo.live.metrics({ ...filter, domain }, window);
    },
  );

  app.get(
    "/fingerprint",
    {
      schema: {
        summary: "Per-domain calibration at a glance, with the weakest and strongest domain",
        description: `${FILTERS} Domains without an episode with a stated confidence are marked empty.`,
        tags: ["metrics"],
        querystring: MetricsQuery,
        response: { 200: Fingerprint, 422: UnprocessableReply, 503: ErrorReply },
      },
    },
    async (request) => {
      const { filter, window } = filterOf(request.query);
      return app.echo.live.fingerprint(filter, window);
    },
  );

  app.get(
    "/history",
    {
      schema: {
        summary: "Recorded episodes, newest first",
        description:
          "Pages through stored episodes (responses cut to 4000 characters) with the same filters as " +
          "/metrics, plus correct=true|false.",
        tags: ["metrics"],
        querystring: HistoryQuery,
        response: { 200: HistoryPage, 422: UnprocessableReply, 503: ErrorReply },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      const page = app.echo.history.page(filter, limit, offset);
      return { items: page.items, total: page.total, limit, offset };
    },
  );
};
