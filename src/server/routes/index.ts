// Every route plugin, in one explicit list.
import type { FastifyPluginAsync } from "fastify";
import { bankRoutes } from "./bank.js";
import { curriculumRoutes } from "./curriculum.js";
import { evalTaskRoutes } from "./eval-tasks.js";
import { mcpRoutes } from "./mcp.js";
import { metricsRoutes } from "./metrics.js";
import { openenvRoutes } from "./openenv.js";
import { questionRoutes } from "./questions.js";
import { readyRoutes } from "./ready.js";
import { rewardBatchRoutes } from "./reward-batch.js";
import { rewardPresetRoutes } from "./reward-presets.js";
import { timelineRoutes } from "./timeline.js";
import { webRoutes } from "./web.js";
import { wsRoutes } from "./ws.js";

export const ROUTES: readonly FastifyPluginAsync[] = [
  openenvRoutes as FastifyPluginAsync,
  readyRoutes as FastifyPluginAsync,
  mcpRoutes,
  rewardBatchRoutes as FastifyPluginAsync,
  rewardPresetRoutes as FastifyPluginAsync,
  questionRoutes as FastifyPluginAsync,
  bankRoutes as FastifyPluginAsync,
  evalTaskRoutes as FastifyPluginAsync,
  metricsRoutes as FastifyPluginAsync,
  curriculumRoutes as FastifyPluginAsync,
  wsRoutes as FastifyPluginAsync,
  timelineRoutes as FastifyPluginAsync,
  webRoutes,
];
