// A CliIo that records what a command prints.
import type { CliIo } from "../../src/cli/io.js";

export function captureIo(
  env: Record<string, string | undefined> = {},
): CliIo & { out(): string; err(): string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env,
    out: () => out,
    err: () => err,
  };
}
