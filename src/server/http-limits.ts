// How long and how much the server waits for a client, set deliberately rather than left to Node's and
// Fastify's defaults (a 30 s check interval, no request timeout): a client that never finishes its request,
// or a WebSocket client that stops reading its replies, is cut off instead of holding memory and a slot.
// README "Reliability" lists each value and what a client sees.

export interface HttpLimits {
  /** A request's headers must be complete within this (slowloris); then 408 and the connection closes. */
  headersTimeoutMs: number;
  /** A request, body included, must be complete within this; a 16 MiB body needs ~0.3 MB/s. */
  requestTimeoutMs: number;
  /** How often Node looks for requests past those two timeouts (its default, 30 s, makes them coarse). */
  connectionsCheckingIntervalMs: number;
  /**
   * An idle keep-alive connection is closed after this: longer than the 60 s idle timeout of common load
   * balancers and proxies, so they close first and never reuse a connection the server is closing.
   */
  keepAliveTimeoutMs: number;
  /** Most open connections (HTTP and WebSocket), raised to MAX_CONCURRENT_ENVS + 256 when that is more. */
  maxConnections: number;
  /** Longest path parameter, percent-encoded: 100 characters of 4-byte UTF-8 fit, so the schema decides. */
  maxParamLength: number;
  /** A WebSocket whose unsent replies pass this stops being read until its client reads them (backpressure). */
  wsHighWaterBytes: number;
  /** A WebSocket still over the high-water mark after this long is closed with WS_CLOSE.slowReader. */
  wsSlowReaderMs: number;
  /** After that close frame, a client that does not complete the closing handshake is cut after this. */
  wsCloseGraceMs: number;
}

export const HTTP_LIMITS: Readonly<HttpLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  connectionsCheckingIntervalMs: 1_000,
  keepAliveTimeoutMs: 72_000,
  maxConnections: 4096,
  maxParamLength: 2048,
  wsHighWaterBytes: 4 * 1024 * 1024,
  wsSlowReaderMs: 10_000,
  wsCloseGraceMs: 5_000,
};
