// Logger settings: pino at the configured level; request lines carry no headers, bodies or ?token= keys.
import type { FastifyServerOptions } from "fastify";

/**
 * The URL with the value of every `token` query parameter replaced, so a key sent as ?token= is never logged.
 * @example redactUrl("/ws?token=s3cret&x=1") // "/ws?token=%5Bredacted%5D&x=1"
 */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  if (!params.has("token")) return url;
  const kept = [...params].map(([name, value]): [string, string] => [
    name,
    name === "token" ? "[redacted]" : value,
  ]);
  return `${url.slice(0, q)}?${new URLSearchParams(kept)}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify logger options: every line of a request carries its reqId (x-request-id when sent). */
export function loggerOptions(level: string): Exclude<FastifyServerOptions["logger"], boolean | undefined> {
  return {
    level,
    serializers: {
      // Fastify's own request serializer, with the URL redacted; it never includes headers or the body.
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
    // Belt and braces: should anything log headers, the key stays out.
    redact: {
      paths: ["req.headers.authorization", "headers.authorization", "request.headers.authorization"],
      censor: "[redacted]",
    },
  };
}
