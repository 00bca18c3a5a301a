// Compiled serializers (fast-json-stringify) for replies big enough to show in profiles: POST /reward's reply
// (a 256-item batch is ~90 KB of JSON). Each writes exactly what JSON.stringify writes for its reply; a test
// holds them to that, and anything they cannot write (a NaN, a missing field) falls back to JSON.stringify.
import build from "fast-json-stringify";
import { z } from "zod";
import { RewardReply } from "./schemas/reward-batch.js";

type JsonSchema = Record<string, unknown>;

/**
 * The reply's JSON Schema reshaped for a compiled serializer that matches JSON.stringify: `anyOf [T, null]`
 * becomes `type: [T, "null"]` (no runtime schema checks per value), integers are written as numbers (never
 * rounded), and the required properties stay required (a missing one falls back instead of being dropped).
 */
export function serializerSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(serializerSchema);
  if (typeof schema !== "object" || schema === null) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "description" || key === "$schema" || key === "id") continue;
    out[key] = key === "properties" ? mapValues(value as JsonSchema) : serializerSchema(value);
  }
  if (out.type === "integer") out.type = "number";
  // The schema's own required keys: a missing one throws and falls back; an optional one left out is omitted,
  // as JSON.stringify omits it. (Requiring optional keys too made every reply without them fall back.)
  if (out.type === "object" && out.properties) out.required = (schema as JsonSchema).required ?? [];
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2) {
    const nullAt = anyOf.findIndex((option) => option.type === "null");
    const other = anyOf[1 - nullAt];
    if (nullAt >= 0 && other && typeof other.type === "string") {
      const { anyOf: _, ...rest } = out;
      return { ...rest, ...other, type: [other.type, "null"] };
    }
  }
  return out;
}

function mapValues(properties: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, serializerSchema(v)]));
}

/** A compiled serializer for a zod schema, falling back to JSON.stringify on anything it cannot write. */
export function compileSerializer(schema: z.ZodType): (data: unknown) => string {
  const json = z.toJSONSchema(schema, { io: "output", target: "draft-07", reused: "inline" });
  const compiled = build(serializerSchema(json) as build.Schema) as (data: unknown) => string;
  return (data) => {
    try {
      return compiled(data);
    } catch {
      return JSON.stringify(data);
    }
  };
}

const FAST = new Map<unknown, (data: unknown) => string>([[RewardReply, compileSerializer(RewardReply)]]);

/** The compiled serializer for a reply schema, if it has one. */
export function fastSerializerFor(schema: unknown): ((data: unknown) => string) | undefined {
  return FAST.get(schema);
}
