// GET /tasks and /tasks/{name}/score: the three evaluation tasks and how a session (or everyone) scores on them.
// Only episodes reset drew for the task count, so a task cannot be passed on other questions.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { EVAL_TASK_NAMES, type EvalTaskName } from "../../core/taxonomy.js";
import { envError } from "../../env/errors.js";
import { EVAL_TASKS, EvalScore, EvalTask, scoreEvalTask } from "../../env/eval-tasks.js";
import { ErrorReply, UnprocessableReply } from "../schemas/error-reply.js";

export const EvalTasksReply = z
  .object({
    tasks: z.array(EvalTask).describe("The evaluation tasks; reset with {task: name} draws for one"),
  })
  .meta({ id: "EvalTasksReply" });

export const EvalScoreQuery = z.object({
  session: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe(
      "WebSocket session id whose episodes drawn for the task are scored; default: every episode drawn for " +
        "it, over HTTP or WebSocket",
    ),
});

const isEvalTaskName = (name: string): name is EvalTaskName =>
  (EVAL_TASK_NAMES as readonly string[]).includes(name);

export const evalTaskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/tasks",
    {
      schema: {
        summary: "The evaluation tasks and their pass thresholds",
        tags: ["evaluation"],
        response: { 200: EvalTasksReply },
      },
    },
    async () => ({ tasks: EVAL_TASK_NAMES.map((name) => EVAL_TASKS[name]) }),
  );

  app.get(
    "/tasks/:name/score",
    {
      schema: {
        summary: "Score an evaluation task over the episodes drawn for it (one session's, or everyone's)",
        description:
          "Measures the task's criteria over the episodes reset drew for the task ({task: name}): those of " +
          "?session= (a WebSocket session id), or, without a session, every one drawn for it over HTTP or " +
          "WebSocket. Episodes drawn otherwise (other questions, /reward batches) never count.",
        tags: ["evaluation"],
        params: z.object({
          name: z
            .string()
            .max(100)
            .describe(`One of: ${EVAL_TASK_NAMES.join(", ")}`),
        }),
        querystring: EvalScoreQuery,
        response: { 200: EvalScore, 404: ErrorReply, 422: UnprocessableReply, 503: ErrorReply },
      },
    },
    async (request) => {
      const { name } = request.params;
      if (!isEvalTaskName(name)) {
        const valid = [...EVAL_TASK_NAMES];
        throw envError("UNKNOWN_EVAL_TASK", { name, valid }, { valid });
      }
      const filter = { eval_task: name, session: request.query.session };
      return scoreEvalTask(
        EVAL_TASKS[name],
        app.echo.live.metrics(filter),
        app.echo.live.fingerprint(filter),
      );
    },
  );
};
