// Every route plugin, in one explicit list.
import type { FastifyPluginAsync } from "fastify";
import { mcpRoutes } from "./mcp.js";
import { openenvRoutes } from "./openenv.js";

export const ROUTES: readonly FastifyPluginAsync[] = [openenvRoutes as FastifyPluginAsync, mcpRoutes];
