// GET /metrics/timeline: reward and rolling ECE over the stored episodes, at a bounded number of points.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { TimelineReply, Timelines } from "../../env/timelines.js";
import { ErrorReply, UnprocessableReply } from "../schemas/error-reply.js";
import { filterOf, MetricsQuery } from "../schemas/metrics-query.js";

/** Newest episodes a timeline covers unless the query asks for fewer. */
export const TIMELINE_EPISODES = 100_000;
/** Largest window: a timeline holds its window's outcomes in memory at once, so it is capped per request. */
export const MAX_TIMELINE_WINDOW = TIMELINE_EPISODES;

export const TimelineQuery = MetricsQuery.extend({
  points: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(200)
    .describe("Most points to return, 1..1000 (default 200); fewer when there are fewer episodes"),
  rolling: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(200)
    .describe("Episodes in the rolling window behind each point's rolling figures, 1..100000 (default 200)"),
  window: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_TIMELINE_WINDOW)
    .default(TIMELINE_EPISODES)
    .describe(
      `Only the newest N matching episodes, 1..${MAX_TIMELINE_WINDOW} (default ${TIMELINE_EPISODES})`,
    ),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  const timelines = new Timelines(app.echo.history, () => app.echo.live.episodes);

  app.get(
    "/metrics/timeline",
    {
      schema: {
        summary: "Reward and rolling calibration over episodes (the training curve)",
        description:
          "Splits the newest `window` matching episodes into at most `points` consecutive groups and gives, " +
          "at the end of each, the group's mean reward and the reward, ECE, accuracy and confidence of the " +
          "last `rolling` episodes. Accepts the filters of /metrics.",
        tags: ["metrics"],
        querystring: TimelineQuery,
        response: { 200: TimelineReply, 422: UnprocessableReply, 503: ErrorReply },
      },
    },
    async (request) => {
      const { points, rolling, ...query } = request.query;
      const { filter, window } = filterOf(query);
      return timelines.timeline({ filter, window: window ?? TIMELINE_EPISODES, points, rolling });
    },
  );
};
